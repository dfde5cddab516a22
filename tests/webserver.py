"""The real ``rapportlint serve`` for the tests: started on a free loopback port, then spoken to
with a plain HTTP client (multipart built here, raw sockets for the misbehaving clients).

Nothing leaves the machine: the server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import html
import http.client
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("starlette", reason="the serve extra is not installed (make install)")


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    tmpdir: Path
    errors: list[str] = field(default_factory=list)  # its stderr, line by line
    output: list[str] = field(default_factory=list)
    pumps: list[threading.Thread] = field(default_factory=list)

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname

    @property
    def port(self) -> int:
        return urlsplit(self.url).port

    def stop(self, how: int = signal.SIGINT) -> int:
        """Ctrl-C (or a service manager's SIGTERM); the exit code, once all output is read."""
        if self.process.poll() is None:
            self.process.send_signal(how)
        try:
            return self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            for pump in self.pumps:
                pump.join(30)

    def leftovers(self) -> list[Path]:
        """What the server left in its temporary folder (uploads must be gone)."""
        return sorted(self.tmpdir.iterdir())


def start(tmpdir: Path, *options: str) -> Server:
    """Starts ``rapportlint serve --port 0`` with its own TMPDIR; waits for its address line."""
    tmpdir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "TMPDIR": str(tmpdir), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "rapportlint", "serve", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: queue.Queue[str] = queue.Queue()
    server = Server(process, "", tmpdir)

    def pump(stream, sink: list[str], first: queue.Queue | None) -> None:
        for line in stream:
            sink.append(line.rstrip("\n"))
            if first is not None:
                first.put(line)

    server.pumps = [
        threading.Thread(target=pump, args=(process.stdout, server.output, lines), daemon=True),
        threading.Thread(target=pump, args=(process.stderr, server.errors, None), daemon=True),
    ]
    for thread in server.pumps:
        thread.start()
    try:
        line = lines.get(timeout=60)
    except queue.Empty:
        process.kill()
        raise AssertionError(f"no address from rapportlint serve: {server.errors}") from None
    server.url = re.search(r"http://\S+", line).group(0)  # "ouvrez ADDRESS" or "open ADDRESS"
    return server


def multipart(
    fields: list[tuple[str, str | tuple[str, bytes]]],
) -> tuple[bytes, str]:
    """A multipart/form-data body: (name, text) or (name, (file name, bytes)); and its type."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields:
        if isinstance(value, tuple):
            filename, data = value
            head = (
                f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                "Content-Type: application/pdf\r\n\r\n"
            )
        else:
            head, data = f'Content-Disposition: form-data; name="{name}"\r\n\r\n', value.encode()
        parts.append(f"--{boundary}\r\n{head}".encode() + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    @property
    def shown(self) -> str:
        """The text as a reader sees it (HTML entities decoded)."""
        return html.unescape(self.text)


def request(
    url: str,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Answer:
    """One HTTP request to the server (``url`` absolute, query included)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request(method, target, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(
            response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        )
    finally:
        connection.close()


def post(
    url: str, fields: list[tuple[str, str | tuple[str, bytes]]], accept: str = "text/html"
) -> Answer:
    body, content_type = multipart(fields)
    return request(url, "POST", body, {"Content-Type": content_type, "Accept": accept})


def wait_until(condition, what: str, seconds: float = 30.0) -> None:
    """Polls ``condition`` (no timed assertion: the bound only stops a broken test)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not the case after {seconds:g} s: {what}")
        time.sleep(0.02)
