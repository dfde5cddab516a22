"""Benchmark: ``rapportlint check`` as a whole process on a 40-page report (not a test).

Prints the median wall time of several runs (interpreter start included), the peak memory of
one run, and pdftotext on the same file when poppler is installed. Targets on the 2-core
reference machine: median under 0.6 s, under 5 times pdftotext, peak memory under 150 MB.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The reference for the targets is the Word-like file (LibreOffice export, embedded subset fonts),
# as students' reports are. The fpdf2 file uses the 14 standard fonts, which pdftotext reads
# almost for free, so its ratio only shows our fixed start-up cost; it is printed for the record.
REPORTS = [
    ROOT / "fixtures" / "pdf" / "bench-40-pages-libreoffice.pdf",
    ROOT / "fixtures" / "pdf" / "bench-40-pages.pdf",
]
RUNS = 15


MEASURE = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time (s) of one process, and the peak resident memory (MB) of the largest process
    of its tree (the check runs in a child process of its own)."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True
    )
    seconds, kilobytes = out.stdout.split()
    return float(seconds), int(kilobytes) / 1024


def interleaved(
    first: list[str], second: list[str]
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """Runs the two commands alternately, so that a drift of the machine touches both alike."""
    timed(first)  # warm the file cache
    timed(second)
    runs_a, runs_b = [], []
    for _ in range(RUNS):
        runs_a.append(timed(first))
        runs_b.append(timed(second))
    return runs_a, runs_b


def main() -> int:
    for report in REPORTS:
        bench(report)
    return 0


def bench(report: Path) -> None:
    check = [sys.executable, "-m", "rapportlint", "check", str(report), "--format", "json"]
    poppler = ["pdftotext", str(report), "-"] if shutil.which("pdftotext") else None
    if poppler:
        runs, poppler_runs = interleaved(check, poppler)
    else:
        runs, poppler_runs = interleaved(check, check)[0], None
    seconds = statistics.median(t for t, _ in runs)
    megabytes = max(m for _, m in runs)
    print(
        f"rapportlint check {report.name}: median {seconds:.3f} s over {RUNS} runs, peak {megabytes:.0f} MB"
    )
    verdicts = [
        f"median < 0.6 s: {'yes' if seconds < 0.6 else 'NO'}",
        f"peak < 150 MB: {'yes' if megabytes < 150 else 'NO'}",
    ]
    if poppler_runs:
        reference = statistics.median(t for t, _ in poppler_runs)
        print(
            f"pdftotext {report.name}: median {reference:.3f} s -> ratio {seconds / reference:.1f}x"
        )
        verdicts.append(f"< 5x pdftotext: {'yes' if seconds < 5 * reference else 'NO'}")
    else:
        print("pdftotext not installed (Debian: poppler-utils): ratio not measured")
    print("targets: " + ", ".join(verdicts))


if __name__ == "__main__":
    sys.exit(main())
