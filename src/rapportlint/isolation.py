"""Running one check in a child process, within a time and a memory bound.

A PDF can make the PDF engine loop, or allocate until the machine swaps, inside C code that
Python cannot interrupt. In a child process both are bounded: the parent stops waiting at the
time limit and kills the child; the child's address space is capped (RLIMIT_AS), so an engine
that runs out aborts there, not the machine. Either way the parent gets a short reason to report,
never a dead process without a word.

The child is a plain ``os.fork()`` talking through a pipe: the modules are already imported and
``multiprocessing`` alone would cost more to import (about 20 ms) than a whole fork round trip
(about 3 ms). Platforms without fork run the target in the process itself, without bounds.

A forked child also inherits every descriptor of its parent, sockets included. In a server
(``rapportlint serve``) that would keep a client's connection open in each check started while
it was answered, until that check ends: the child points its inherited sockets at /dev/null first.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import selectors
import signal
import stat
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
CAN_FORK = hasattr(os, "fork")
# How a child stopped by its own memory cap ends: the engine aborts on a failed allocation.
MEMORY_SIGNALS = (signal.SIGABRT,)
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Linux: the child is killed if the parent dies, so no check outlives an interrupted run."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _drop_sockets() -> None:
    """The child lets go of the sockets it inherited (a server's listening socket, its clients'
    connections), so that a connection closes when the parent closes it. Each one is replaced by
    /dev/null rather than closed: the number stays taken, so a stray close of the parent's socket
    object can never close a file the check opened under the same number."""
    try:
        numbers = [int(name) for name in os.listdir("/dev/fd")]
    except (OSError, ValueError):  # pragma: no cover - no /dev/fd on this platform
        return
    null = None
    try:
        for fd in numbers:
            try:
                if not stat.S_ISSOCK(os.fstat(fd).st_mode):
                    continue
            except OSError:  # the descriptor listdir itself used, now closed
                continue
            if null is None:
                null = os.open(os.devnull, os.O_RDWR)
            os.dup2(null, fd)
    finally:
        if null is not None:
            os.close(null)


@dataclass(slots=True)
class Outcome:
    """What came back: a value, or a failure ("timeout", "memory", "crash" or a message)."""

    value: Any = None
    failure: str | None = None
    seconds: float = 0.0


def _run(target: Callable[..., Any], args: tuple) -> tuple[str, Any]:
    try:
        return "ok", target(*args)
    except MemoryError:
        return "failure", MEMORY
    except Exception as error:  # a bug: one line for the parent, no traceback from the child
        return "failure", f"{INTERNAL}: {type(error).__name__}: {error}"


class Isolated:
    """One target running in a forked child; the parent reads its answer from :attr:`fd`."""

    def __init__(
        self, target: Callable[..., Any], args: tuple, memory_mb: int | None, scratch: bool = False
    ) -> None:
        self.started = time.monotonic()
        self.memory_mb = memory_mb
        self.chunks: list[bytes] = []
        # A folder of the parent's for the child's temporary files: removed by the parent even
        # when the child is killed in the middle of extracting an archive.
        self.scratch = _make_scratch() if scratch else None
        sys.stdout.flush()
        sys.stderr.flush()
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the parent's code
            os.close(read_fd)
            status = 0
            try:
                os.setpgid(0, 0)  # its own process group: a time-out stops its helpers too
                _die_with_parent()
                _drop_sockets()
                if self.scratch:
                    import tempfile

                    tempfile.tempdir = self.scratch
                if memory_mb and resource is not None:
                    limit = memory_mb * 1024 * 1024
                    with contextlib.suppress(ValueError, OSError):
                        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
                payload = pickle.dumps(_run(target, args), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write_fd, "wb") as pipe:
                    pipe.write(payload)
            except BaseException:
                status = 70
            finally:
                os._exit(status)
        os.close(write_fd)
        self.pid, self.fd = pid, read_fd

    def read(self) -> bool:
        """Reads what is available; True once the child has closed its end."""
        data = os.read(self.fd, 1 << 20)
        if data:
            self.chunks.append(data)
            return False
        return True

    def _clean_up(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)  # helpers the child may have left behind
        if self.scratch:
            import shutil

            shutil.rmtree(self.scratch, ignore_errors=True)

    def collect(self) -> Outcome:
        """The outcome after :meth:`read` said the child is done."""
        os.close(self.fd)
        _, status = os.waitpid(self.pid, 0)
        self._clean_up()
        seconds = round(time.monotonic() - self.started, 3)
        try:
            kind, value = pickle.loads(b"".join(self.chunks))
        except Exception:
            kind, value = "failure", None
        if kind == "ok":
            return Outcome(value=value, seconds=seconds)
        if value is None:
            died_of = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
            value = MEMORY if self.memory_mb and -died_of in MEMORY_SIGNALS else CRASH
        return Outcome(failure=value, seconds=seconds)

    def overdue(self, timeout: float) -> bool:
        return time.monotonic() - self.started > timeout

    def kill(self) -> Outcome:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        self._clean_up()
        return Outcome(failure=TIMEOUT, seconds=round(time.monotonic() - self.started, 3))


def _make_scratch() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="rapportlint-")


def run_one(
    target: Callable[..., Any],
    args: tuple,
    timeout: float,
    memory_mb: int | None,
    scratch: bool = False,
) -> Outcome:
    """Runs ``target(*args)`` in a child within the bounds and returns its outcome."""
    outcomes: list[Outcome] = []
    run_many(
        [(None, target, args)],
        1,
        timeout,
        memory_mb,
        lambda _key, outcome: outcomes.append(outcome),
        scratch=scratch,
    )
    return outcomes[0]


def run_many(
    jobs: list[tuple[Any, Callable[..., Any], tuple]],
    parallel: int,
    timeout: float,
    memory_mb: int | None,
    on_done: Callable[[Any, Outcome], None],
    scratch: bool | Callable[[Any], bool] = False,
) -> None:
    """Runs ``(key, target, args)`` jobs, ``parallel`` at a time, reporting each as it ends.
    ``scratch`` (or a function of the key) gives a job a temporary folder cleaned up after it."""
    if not CAN_FORK:  # pragma: no cover - no bounds where there is no fork
        for key, target, args in jobs:
            started = time.monotonic()
            kind, value = _run(target, args)
            seconds = round(time.monotonic() - started, 3)
            on_done(
                key,
                Outcome(value=value, seconds=seconds)
                if kind == "ok"
                else Outcome(failure=value, seconds=seconds),
            )
        return
    pending = list(reversed(jobs))
    running: dict[int, tuple[Any, Isolated]] = {}
    try:
        _run_jobs(pending, running, parallel, timeout, memory_mb, on_done, scratch)
    finally:  # an interrupted run (Ctrl-C, an error in on_done) leaves no child behind
        for _key, job in running.values():
            job.kill()


def _run_jobs(pending, running, parallel, timeout, memory_mb, on_done, scratch) -> None:
    with selectors.DefaultSelector() as selector:
        while pending or running:
            while pending and len(running) < max(1, parallel):
                key, target, args = pending.pop()
                wants = scratch(key) if callable(scratch) else scratch
                job = Isolated(target, args, memory_mb, scratch=wants)
                running[job.fd] = (key, job)
                selector.register(job.fd, selectors.EVENT_READ)
            for event, _ in selector.select(timeout=0.05):
                key, job = running[event.fd]
                if job.read():
                    selector.unregister(event.fd)
                    del running[event.fd]
                    on_done(key, job.collect())
            for fd, (key, job) in list(running.items()):
                if job.overdue(timeout):
                    selector.unregister(fd)
                    del running[fd]
                    on_done(key, job.kill())
