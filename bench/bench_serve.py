"""Benchmark: a class at once against ``rapportlint serve --jobs 2``.

30 uploads of a 30-page report (``trente-pages.pdf``: 30 pages before the annexes, 34 in all)
sent at the same moment, the HTML report asked (what a student gets: thumbnails of every page),
over a few rounds; then the same with ``Accept: application/json``. Prints whether every upload
was answered, the time from sending to the whole answer (median, p95, worst), the time for the
whole class, and the CPU the server used per upload (which other work on the machine does not
skew). Not a test: it prints numbers (target: all answered, p95 < 30 s).
"""

from __future__ import annotations

import http.client
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "fixtures" / "pdf" / "trente-pages.pdf"
UPLOADS = 30
ROUNDS = 3


def form(path: Path) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (
        (
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="rapport"; filename="{path.name}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + path.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def upload(host: str, port: int, body: bytes, kind: str, accept: str) -> tuple[int, float, int]:
    start = time.perf_counter()
    connection = http.client.HTTPConnection(host, port, timeout=600)
    try:
        connection.request(
            "POST", "/check", body=body, headers={"Content-Type": kind, "Accept": accept}
        )
        response = connection.getresponse()
        size = len(response.read())
        return response.status, time.perf_counter() - start, size
    finally:
        connection.close()


def class_at_once(host: str, port: int, body: bytes, kind: str, accept: str):
    """UPLOADS clients released together; their (status, seconds, bytes) and the wall time."""
    barrier = threading.Barrier(UPLOADS)
    results: list[tuple[int, float, int]] = []
    lock = threading.Lock()

    def client() -> None:
        barrier.wait()
        try:
            outcome = upload(host, port, body, kind, accept)
        except OSError as error:  # counted as not answered
            outcome = (0, float("nan"), 0)
            print(f"  no answer: {error}", file=sys.stderr)
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=client) for _ in range(UPLOADS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - start


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def serve_and_measure(label: str, accept: str, body: bytes, kind: str) -> None:
    """A fresh server for one format: the times seen by the clients, and the CPU the server and
    its checks used (unlike wall times, not skewed by other work on the machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen(
            [sys.executable, "-m", "rapportlint", "serve", "--port", "0", "--jobs", "2"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "TMPDIR": tmp},
        )
        try:
            line = server.stdout.readline()
            url = urlsplit(line.split("ouvrez ", 1)[1].split(" ", 1)[0])
            times: list[float] = []
            statuses: Counter[int] = Counter()
            walls = []
            size = 0.0
            for _ in range(ROUNDS):
                results, wall = class_at_once(url.hostname, url.port, body, kind, accept)
                statuses.update(status for status, _, _ in results)
                times += [seconds for status, seconds, _ in results if status == 200]
                walls.append(wall)
                size = max(size, *(length / 1e6 for _, _, length in results))
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=60)
        leftovers = len(list(Path(tmp).iterdir()))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(
        f"{label}: {statuses[200]}/{UPLOADS * ROUNDS} answered 200 over {ROUNDS} rounds "
        f"(statuses {dict(statuses)}); per upload median {statistics.median(times):.2f} s, "
        f"p95 {percentile(times, 0.95):.2f} s, worst {max(times):.2f} s; whole class median "
        f"{statistics.median(walls):.2f} s; answer {size:.2f} MB; server CPU "
        f"{cpu / (UPLOADS * ROUNDS):.2f} s per upload; files left {leftovers}"
    )


def main() -> int:
    body, kind = form(REPORT)
    print(
        f"rapportlint serve --jobs 2, {UPLOADS} uploads at once of {REPORT.name}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} before"
    )
    for label, accept in (("HTML", "text/html"), ("JSON", "application/json")):
        serve_and_measure(label, accept, body, kind)
    print(f"load average after: {os.getloadavg()[0]:.2f} (other work on the machine skews times)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
