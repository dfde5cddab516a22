"""Benchmark: ``rapportlint check`` as a whole process against poppler's ``pdftotext``.

First the two 40-page fixtures, then the real reports of 40 to 60 pages of a folder of students'
reports (``python bench/bench_check.py [FOLDER]``, by default ``.realdev/``, fetched as
``../shared/realdev/README.md`` says; skipped with a message when absent). Each check is timed as
a whole process (interpreter start included), paired with a run of ``pdftotext`` on the same file
right after it, so that a drift of the machine touches both alike; a file's ratio is the median
of its paired ratios, and the verdict is on the median over the files. Targets on the 2-core
reference machine: under 5 times pdftotext on real reports, peak memory under 150 MB. Not a
test: it prints numbers.
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
REAL_RUNS = 9
REAL_PAGES = (40, 60)


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
    first: list[str], second: list[str], runs: int = RUNS
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """Runs the two commands alternately, so that a drift of the machine touches both alike."""
    timed(first)  # warm the file cache
    timed(second)
    runs_a, runs_b = [], []
    for _ in range(runs):
        runs_a.append(timed(first))
        runs_b.append(timed(second))
    return runs_a, runs_b


def main() -> int:
    for report in REPORTS:
        bench(report)
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".realdev"
    bench_real(folder)
    return 0


def page_count(path: Path) -> int:
    from rapportlint.model.pdfium import RawDocument

    try:
        with RawDocument(path.read_bytes()) as pdf:
            return pdf.page_count
    except Exception:
        return 0


def bench_real(folder: Path) -> None:
    """check --format json against pdftotext on each real report of 40 to 60 pages."""
    if not folder.is_dir():
        print(f"real reports: {folder} not found (see ../shared/realdev/README.md): skipped")
        return
    if not shutil.which("pdftotext"):
        print("real reports: pdftotext not installed (Debian: poppler-utils): skipped")
        return
    low, high = REAL_PAGES
    reports = [p for p in sorted(folder.glob("*.pdf")) if low <= page_count(p) <= high]
    if not reports:
        print(f"real reports: none of {low} to {high} pages in {folder}: skipped")
        return
    print(
        f"real reports of {low} to {high} pages in {folder}: {len(reports)}, {REAL_RUNS} pairs each"
    )
    ratios, peaks = [], []
    for report in reports:
        check = [sys.executable, "-m", "rapportlint", "check", str(report), "--format", "json"]
        runs, poppler_runs = interleaved(check, ["pdftotext", str(report), "-"], REAL_RUNS)
        paired = statistics.median(a / b for (a, _), (b, _) in zip(runs, poppler_runs, strict=True))
        ratios.append(paired)
        peaks.append(max(m for _, m in runs))
        print(
            f"  {report.name[:44]:44} {page_count(report):3} p.  check "
            f"{statistics.median(t for t, _ in runs):.3f} s  pdftotext "
            f"{statistics.median(t for t, _ in poppler_runs):.3f} s  ratio {paired:.1f}x"
        )
    median = statistics.median(ratios)
    print(
        f"real reports: median ratio {median:.1f}x (files from {min(ratios):.1f}x to "
        f"{max(ratios):.1f}x), peak {max(peaks):.0f} MB; target <= 5x: "
        f"{'yes' if median <= 5 else 'NO'}"
    )


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
