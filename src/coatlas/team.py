"""Team members: accounts, password hashes and what each role may do.

A team reviews one store through ``coatlas serve OUT --team``; the store keeps the
members (``users`` table, migration 0004) and every event names the member who logged
in. Passwords are hashed with argon2id (argon2-cffi, the reference implementation's
binding, with its default cost parameters), so a copied store does not give the
passwords away. Roles, from least to most:

- ``viewer`` reads every page and changes nothing;
- ``analyst`` codes: accepts, rejects, edits, adds, writes memos;
- ``overseer`` does what an analyst does, and finalises (writes the reviewed outputs).
"""

from __future__ import annotations

import re
from typing import Any

from coatlas.errors import CoatlasError
from coatlas.store.models import ROLES

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
MIN_PASSWORD = 8

# what each role may do in the browser app (the web layer asks ``allowed``)
_CAN = {
    "viewer": frozenset({"read"}),
    "analyst": frozenset({"read", "code"}),
    "overseer": frozenset({"read", "code", "finalise"}),
}


class TeamError(CoatlasError):
    """A refused account operation (one line)."""


def check_name(name: str) -> str:
    """A member's name as it appears in events: letters, digits, ``._@-``, at most 64."""
    if not _NAME.match(name or ""):
        raise TeamError(
            f"user name {name!r}: use letters, digits and . _ @ - (at most 64, no spaces)"
        )
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise TeamError(f"role {role!r}: one of {', '.join(ROLES)}")
    return role


def _hasher() -> Any:
    try:
        from argon2 import PasswordHasher
    except ImportError as e:  # the web extra is not installed
        raise TeamError(
            f"team accounts need argon2-cffi: pip install 'coatlas[web]' ({e})"
        ) from None
    return PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` (at least 8 characters)."""
    if len(password) < MIN_PASSWORD:
        raise TeamError(f"password: at least {MIN_PASSWORD} characters")
    return str(_hasher().hash(password))


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether ``password`` matches; a malformed hash is a mismatch, never an exception."""
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return bool(_hasher().verify(stored_hash, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# a hash to verify against when the name is unknown, so a wrong name and a wrong password
# take the same time
_DUMMY: list[str] = []


def authenticate(store: Any, name: str, password: str) -> dict[str, Any] | None:
    """The member ``{name, role}`` when the password matches, else None."""
    user = store.user(name) if _NAME.match(name or "") else None
    if user is None:
        if not _DUMMY:
            _DUMMY.append(str(_hasher().hash("not a password of anyone")))
        verify_password(_DUMMY[0], password)
        return None
    if not verify_password(user["password_hash"], password):
        return None
    return {"name": user["name"], "role": user["role"]}


def add_user(store: Any, name: str, role: str, password: str, actor: str) -> dict[str, Any]:
    """Check and store a new member (a ``user.add`` event by ``actor``)."""
    check_name(name)
    check_role(role)
    return store.add_user(name, role, hash_password(password), actor)


def allowed(role: str, action: str) -> bool:
    """Whether a member of ``role`` may ``action`` (read, code, finalise)."""
    return action in _CAN.get(role, frozenset())


__all__ = [
    "MIN_PASSWORD",
    "ROLES",
    "TeamError",
    "add_user",
    "allowed",
    "authenticate",
    "check_name",
    "check_role",
    "hash_password",
    "verify_password",
]
