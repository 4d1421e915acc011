"""Readable labels for codes (data/labels.yaml), with a fallback for unknown codes."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


@cache
def _default() -> dict[str, dict[str, str]]:
    import yaml

    text = (
        resources.files("coatlas.report")
        .joinpath("data", "labels.yaml")
        .read_text(encoding="utf-8")
    )
    return yaml.safe_load(text)


def default_method_labels() -> dict[str, str]:
    """Labels of the 12 codes of the built-in codebook, in codebook order."""
    return dict(_default()["methods"])


def level_labels() -> dict[str, str]:
    return dict(_default()["levels"])


def role_labels() -> dict[str, str]:
    return dict(_default()["ppe_roles"])


def label(code: Any, labels: dict[str, str]) -> str:
    """The label of a code; an unknown code still reads as words."""
    code = str(code)
    return labels.get(code) or code.replace("_", " ").capitalize()


def method_order(
    labels: dict[str, str], used: set[str] | frozenset[str] = frozenset()
) -> list[str]:
    """Codebook order first (it fixes colours), then unknown codes sorted."""
    return list(labels) + sorted(set(used) - set(labels))
