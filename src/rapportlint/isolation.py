"""Running one check in a child process, within a time and a memory bound.

A PDF can make the PDF engine loop, or allocate until the machine swaps, inside C code that
Python cannot interrupt. In a child process both are bounded: the parent stops waiting at the
time limit and kills the child; the child's address space is capped (RLIMIT_AS), so an engine
that runs out aborts there, not the machine. Either way the parent gets a short reason to report,
never a dead process without a word. Children are forked where possible (the modules are
already imported, so the isolation costs a few milliseconds).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

try:
    import resource
except ImportError:  # pragma: no cover - not on Windows
    resource = None

TIMEOUT, MEMORY, CRASH, INTERNAL = "timeout", "memory", "crash", "internal"


@dataclass(slots=True)
class Outcome:
    """What came back: a value, or a failure ("timeout", "memory", "crash" or a message)."""

    value: Any = None
    failure: str | None = None
    seconds: float = 0.0


def _context():
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _child(target: Callable[..., Any], args: tuple, memory_mb: int | None, conn) -> None:
    if memory_mb and resource is not None:
        limit = memory_mb * 1024 * 1024
        with contextlib.suppress(ValueError, OSError):  # a lower hard limit is already in force
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        message = ("ok", target(*args))
    except MemoryError:
        message = ("failure", MEMORY)
    except Exception as error:  # a bug: one line for the parent, no traceback from the child
        message = ("failure", f"{INTERNAL}: {type(error).__name__}: {error}")
    conn.send(message)
    conn.close()


class Isolated:
    """One target running in a child process; poll it through :attr:`connection`."""

    def __init__(self, target: Callable[..., Any], args: tuple, memory_mb: int | None) -> None:
        context = _context()
        self.connection, sender = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_child, args=(target, args, memory_mb, sender), daemon=True
        )
        self.started = time.monotonic()
        self.memory_mb = memory_mb
        self.process.start()
        sender.close()

    def collect(self) -> Outcome:
        """The outcome once :attr:`connection` is ready (a message, or the child's end)."""
        try:
            kind, value = self.connection.recv()
        except (EOFError, OSError):
            kind, value = "failure", None
        self.process.join(timeout=5)
        self.connection.close()
        seconds = round(time.monotonic() - self.started, 3)
        if kind == "ok":
            return Outcome(value=value, seconds=seconds)
        if value is None:
            # The child died without a word: the engine aborted, most often on the memory cap.
            value = (
                MEMORY if self.memory_mb and self.process.exitcode in (-6, -11, -9, 134) else CRASH
            )
        return Outcome(failure=value, seconds=seconds)

    def overdue(self, timeout: float) -> bool:
        return time.monotonic() - self.started > timeout

    def kill(self) -> Outcome:
        self.process.kill()
        self.process.join()
        self.connection.close()
        return Outcome(failure=TIMEOUT, seconds=round(time.monotonic() - self.started, 3))


def run_one(
    target: Callable[..., Any], args: tuple, timeout: float, memory_mb: int | None
) -> Outcome:
    """Runs ``target(*args)`` in a child within the bounds and returns its outcome."""
    job = Isolated(target, args, memory_mb)
    if multiprocessing.connection.wait([job.connection], timeout=timeout):
        return job.collect()
    return job.kill()


def run_many(
    jobs: list[tuple[Any, Callable[..., Any], tuple]],
    parallel: int,
    timeout: float,
    memory_mb: int | None,
    on_done: Callable[[Any, Outcome], None],
) -> None:
    """Runs ``(key, target, args)`` jobs, ``parallel`` at a time, reporting each as it ends."""
    pending = list(reversed(jobs))
    running: dict[Any, tuple[Any, Isolated]] = {}
    while pending or running:
        while pending and len(running) < max(1, parallel):
            key, target, args = pending.pop()
            job = Isolated(target, args, memory_mb)
            running[job.connection] = (key, job)
        for connection in multiprocessing.connection.wait(list(running), timeout=0.05):
            key, job = running.pop(connection)
            on_done(key, job.collect())
        for connection, (key, job) in list(running.items()):
            if job.overdue(timeout):
                del running[connection]
                on_done(key, job.kill())
