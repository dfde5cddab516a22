"""Benchmark: class runs with ``batch --jobs 2``, the cache, and the HTML report of 40 pages.

- a class of 30 fixture reports (target under 10 s), and with the dashboard and HTML reports;
- the real reports of a folder (``python bench/bench_class.py [FOLDER]``, by default
  ``.realdev/``, the 64 reports of ``../shared/realdev``; skipped with a message when absent):
  reports per second without the cache, then the same class run twice with a fresh cache: the
  second run re-checks nothing (target: at least 4 times faster) and must write the same bytes;
- the HTML report of the 40-page LibreOffice fixture (target under 2 s).

Every command is a whole process (interpreter start included), with a cache folder of its own
(``XDG_CACHE_HOME``). Not a test: it prints numbers.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "fixtures" / "pdf"
RUNS = 3


def timed(command: list[str], cache: Path | None = None) -> float:
    env = dict(os.environ)
    if cache is not None:
        env["XDG_CACHE_HOME"] = str(cache)
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env
    )
    return time.perf_counter() - start


def batch(folder: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "rapportlint", "batch", str(folder), "--jobs", "2", *options]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        fixtures_class(tmp_path)
        folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".realdev"
        real_class(folder, tmp_path)
        html_report(tmp_path)
    return 0


def fixtures_class(tmp: Path) -> None:
    sources = sorted(
        p for p in PDF.glob("*.pdf") if not p.name.startswith(("bench-", "annexe-separee"))
    )
    folder = tmp / "classe"
    folder.mkdir()
    for i in range(30):
        shutil.copy(sources[i % len(sources)], folder / f"eleve-{i:02d}.pdf")
    command = batch(folder, "--no-cache")
    seconds = statistics.median(timed(command, tmp / "cache-0") for _ in range(RUNS))
    print(f"batch of 30 reports, --jobs 2: median {seconds:.2f} s over {RUNS} runs (target < 10 s)")
    site = tmp / "site"
    with_html = timed([*command, "--html", str(site)], tmp / "cache-0")
    print(f"same with --html dashboard and 30 HTML reports: {with_html:.2f} s")


def real_class(folder: Path, tmp: Path) -> None:
    reports = sorted(folder.glob("*.pdf")) if folder.is_dir() else []
    if not reports:
        print(f"real reports: {folder} not found (see ../shared/realdev/README.md): skipped")
        return
    count = len(reports)
    cold = [timed(batch(folder, "--no-cache"), tmp / "cache-1") for _ in range(RUNS)]
    seconds = statistics.median(cold)
    print(
        f"batch of the {count} real reports of {folder.name}, --jobs 2, no cache: median "
        f"{seconds:.2f} s over {RUNS} runs, {count / seconds:.1f} reports/s"
    )
    first_json, second_json = tmp / "first.jsonl", tmp / "second.jsonl"
    cache = tmp / "cache-2"
    first = timed(batch(folder, "--json", str(first_json)), cache)
    warm = [
        timed(batch(folder, "--json", str(second_json), "--overwrite"), cache) for _ in range(RUNS)
    ]
    second = statistics.median(warm)
    same = first_json.read_bytes() == second_json.read_bytes()
    print(
        f"same class twice with the cache: first run {first:.2f} s (checks and fills it), "
        f"second run median {second:.2f} s -> {first / second:.1f}x faster (target >= 4x); "
        f"JSON lines identical: {'yes' if same else 'NO'}"
    )


def html_report(tmp: Path) -> None:
    report = PDF / "bench-40-pages-libreoffice.pdf"
    out = tmp / "rapport.html"
    html = [
        sys.executable,
        "-m",
        "rapportlint",
        "check",
        str(report),
        "--format",
        "html",
        "-o",
        str(out),
        "--overwrite",
    ]
    seconds = statistics.median(timed(html) for _ in range(RUNS))
    size = out.stat().st_size / 1e6
    print(f"HTML report of {report.name}: median {seconds:.2f} s, {size:.1f} MB (target < 2 s)")


if __name__ == "__main__":
    sys.exit(main())
