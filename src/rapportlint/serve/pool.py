"""The checks of the server: ``jobs`` at a time, at most ``queue`` more waiting, never more.

Why threads around :func:`rapportlint.bounded.check_rendered` rather than a process pool: each
check already runs in its own forked child, bounded in time and memory exactly as
``rapportlint check`` (:mod:`rapportlint.isolation`). The thread only waits on that child's pipe:
it costs no CPU and does not hold the GIL while the PDF is read. A process pool would add a second
process boundary (paths in, multi-megabyte HTML answers pickled back), workers to start and
watch, and its workers would still have to fork to keep the bounds. The threads are daemons: a
Ctrl-C never waits for a check, and a check's child dies with the thread that forked it
(``PR_SET_PDEATHSIG``), so with the server.

Forking from a threaded server is safe here because the child runs only the check and ends
with ``os._exit``: what it needs is imported and loaded before the first request
(:func:`rapportlint.serve.server.warm_up`), and the server's page has a template environment of
its own, so no child starts with a lock that another thread of the server held.

Admission is counted from the start of an upload to the end of its check: an upload being
received holds a place, so that the disk used by uploads is bounded too ((jobs + queue) × the
size limit). A request that finds no place gets a 503 at once, before its body is read.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue as queues
import threading
from collections.abc import Callable, Iterator
from typing import Any

WAITING, RUNNING, WITHDRAWN = "waiting", "running", "withdrawn"


class Busy(Exception):
    """Every place is taken: the request should be retried later."""


class Job:
    """One check handed to the pool; :attr:`future` gets its value or its exception."""

    __slots__ = ("args", "function", "future", "loop", "state")

    def __init__(self, function: Callable[..., Any], args: tuple, loop: asyncio.AbstractEventLoop):
        self.function = function
        self.args = args
        self.loop = loop
        self.future: asyncio.Future = loop.create_future()
        self.state = WAITING


class CheckPool:
    """``jobs`` daemon threads running checks; at most ``jobs + queue`` requests admitted."""

    def __init__(self, jobs: int, queue: int) -> None:
        self.jobs = jobs
        self.capacity = jobs + queue
        self.admitted = 0  # changed by the event loop only
        self.running = 0
        self._lock = threading.Lock()
        self._jobs: queues.SimpleQueue[Job | None] = queues.SimpleQueue()
        self._threads = [
            threading.Thread(target=self._work, name=f"rapportlint-check-{i}", daemon=True)
            for i in range(jobs)
        ]
        for thread in self._threads:
            thread.start()

    @contextlib.contextmanager
    def place(self) -> Iterator[None]:
        """Holds one of the ``jobs + queue`` places for a request, or raises :class:`Busy`."""
        if self.admitted >= self.capacity:
            raise Busy
        self.admitted += 1
        try:
            yield
        finally:
            self.admitted -= 1

    def submit(self, function: Callable[..., Any], *args: Any) -> Job:
        """Queues ``function(*args)`` for the next free thread (from the event loop)."""
        job = Job(function, args, asyncio.get_running_loop())
        self._jobs.put(job)
        return job

    def withdraw(self, job: Job) -> bool:
        """Takes back a job whose client left: True if it had not started (it never will)."""
        with self._lock:
            if job.state == WAITING:
                job.state = WITHDRAWN
                return True
            return False

    def close(self) -> None:
        """Asks the threads to stop once the queued jobs are done (they are daemons anyway)."""
        for _ in self._threads:
            self._jobs.put(None)

    def _execute(self, function: Callable[..., Any], args: tuple) -> Any:
        """Runs one job in a pool thread (the one place a test may hold a job back)."""
        return function(*args)

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            with self._lock:
                if job.state == WITHDRAWN:
                    continue
                job.state = RUNNING
                self.running += 1
            value, error = None, None
            try:
                value = self._execute(job.function, job.args)
            except BaseException as exc:  # handed to the request, which answers with a 500
                error = exc
            finally:
                with self._lock:
                    self.running -= 1
            with contextlib.suppress(RuntimeError):  # the loop closed: the server is stopping
                job.loop.call_soon_threadsafe(_settle, job.future, value, error)


def _settle(future: asyncio.Future, value: Any, error: BaseException | None) -> None:
    if future.cancelled():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(value)
