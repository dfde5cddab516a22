"""The bounded child of a check: what it inherits from its parent, and what it lets go of."""

from __future__ import annotations

import os
import socket
import stat
import threading

import pytest

from rapportlint.isolation import CAN_FORK, run_one

pytestmark = pytest.mark.skipif(not CAN_FORK, reason="no fork on this platform: no child")


def _sockets_seen() -> list[int]:
    found = []
    for name in os.listdir("/dev/fd"):
        try:
            if stat.S_ISSOCK(os.fstat(int(name)).st_mode):
                found.append(int(name))
        except OSError:
            continue
    return found


def test_a_child_keeps_none_of_its_parents_sockets() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    try:
        assert server.fileno() in _sockets_seen()
        outcome = run_one(_sockets_seen, (), 30, None)
        assert outcome.failure is None and outcome.value == []
    finally:
        server.close()


def _started_then_wait(started: int, release: int) -> bool:
    os.write(started, b"s")
    return os.read(release, 1) == b"x"


def test_a_connection_closed_by_the_parent_closes_while_a_child_runs() -> None:
    """A server's client sees the end of its answer even while a check forked during it runs."""
    ours, theirs = socket.socketpair()
    started_read, started_write = os.pipe()
    release_read, release_write = os.pipe()
    outcomes = []
    args = (started_write, release_read)
    child = threading.Thread(
        target=lambda: outcomes.append(run_one(_started_then_wait, args, 60, None))
    )
    child.start()
    try:
        assert os.read(started_read, 1) == b"s"  # the child is forked, with `ours` open
        theirs.settimeout(30)
        ours.close()  # must end the connection now, not when the child ends
        assert theirs.recv(1) == b""
    finally:
        os.write(release_write, b"x")
        child.join(60)
        theirs.close()
        for fd in (started_read, started_write, release_read, release_write):
            os.close(fd)
    assert outcomes and outcomes[0].value is True
