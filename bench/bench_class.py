"""Benchmark: a class of 30 reports with ``batch --jobs 2``, and the HTML report of 40 pages.

Targets on the 2-core reference machine: the class under 10 s, the HTML report under 2 s (each
as a whole process, interpreter start included). Not a test: it prints numbers.
"""

from __future__ import annotations

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


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    sources = sorted(
        p for p in PDF.glob("*.pdf") if not p.name.startswith(("bench-", "annexe-separee"))
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "classe"
        folder.mkdir()
        for i in range(30):
            shutil.copy(sources[i % len(sources)], folder / f"eleve-{i:02d}.pdf")
        batch = [sys.executable, "-m", "rapportlint", "batch", str(folder), "--jobs", "2"]
        seconds = statistics.median(timed(batch) for _ in range(RUNS))
        print(
            f"batch of 30 reports, --jobs 2: median {seconds:.2f} s over {RUNS} runs (target < 10 s)"
        )
        site = Path(tmp) / "site"
        with_html = timed([*batch, "--html", str(site)])
        print(f"same with --html dashboard and 30 HTML reports: {with_html:.2f} s")
        report = PDF / "bench-40-pages-libreoffice.pdf"
        out = Path(tmp) / "rapport.html"
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
