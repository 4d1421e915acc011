"""The processes of a parallel run take turns at the e5 model (``embed.shared_turns``)."""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time

import pytest

from coatlas import embed
from coatlas.embed import model_turn, shared_turns

fork = pytest.mark.skipif(
    "fork" not in mp.get_all_start_methods(), reason="turns are for forked processes"
)


def _hold(held, released, seconds: float) -> None:
    with model_turn():
        held.set()
        time.sleep(seconds)
        released.set()  # before the turn is given back: the waiter must see it


def _hold_and_die(held) -> None:
    embed._turns.__enter__()  # taken and never given back
    held.set()
    os._exit(0)


def _acquire_within(seconds: float) -> bool:
    """Whether this thread gets a turn within ``seconds`` (a stuck wait is a failure,
    not a hung test run)."""
    got = threading.Event()

    def take() -> None:
        with model_turn():
            got.set()

    t = threading.Thread(target=take, daemon=True)
    t.start()
    ok = got.wait(seconds)
    t.join(seconds)  # its turn given back before the run's turns are closed
    return ok


def test_no_turns_outside_a_shared_run():
    assert embed._turns is None
    with model_turn(), model_turn():  # a no-op: nested use does not wait
        pass


@fork
def test_a_forked_process_holding_the_turn_makes_this_one_wait():
    ctx = mp.get_context("fork")
    with shared_turns():
        held, released = ctx.Event(), ctx.Event()
        child = ctx.Process(target=_hold, args=(held, released, 0.5), daemon=True)
        child.start()
        assert held.wait(10)
        with model_turn():
            assert released.is_set()  # not before the child gave it back
        child.join(10)
        assert child.exitcode == 0
    assert embed._turns is None


@fork
def test_this_process_holding_the_turn_makes_a_forked_one_wait():
    ctx = mp.get_context("fork")
    with shared_turns():
        held, released = ctx.Event(), ctx.Event()
        with model_turn():
            child = ctx.Process(target=_hold, args=(held, released, 0.0), daemon=True)
            child.start()
            assert not held.wait(0.5)  # the child waits while this process computes
        assert held.wait(10)
        child.join(10)
        assert child.exitcode == 0


@fork
def test_a_dead_holder_gives_the_turn_back():
    ctx = mp.get_context("fork")
    with shared_turns():
        held = ctx.Event()
        child = ctx.Process(target=_hold_and_die, args=(held,), daemon=True)
        child.start()
        assert held.wait(10)
        child.join(10)
        assert _acquire_within(10)


def test_a_turn_ending_after_the_run_closed_its_turns_is_quiet():
    with shared_turns():
        turn = model_turn()
        turn.__enter__()
    turn.__exit__(None, None, None)  # the file is closed: nothing to give back
    with shared_turns(), model_turn():  # and the next run takes turns as usual
        pass


@fork
def test_threads_of_one_process_take_turns_too():
    with shared_turns():
        inside: list[int] = []
        most = [0]

        def work() -> None:
            with model_turn():
                inside.append(1)
                most[0] = max(most[0], len(inside))
                time.sleep(0.05)
                inside.pop()

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        assert most[0] == 1
