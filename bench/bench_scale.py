"""Benchmark: what a large class run costs, and whether it grows with the class (not a test).

Classes of 250 and 1,000 reports made from the fixtures (each fixture PDF copied under a new name,
in turn), checked with ``batch --jobs 2 --no-cache --csv --json``: the time, the reports per
second, and the peak memory of the run's own process and of its largest check. Then the 1,000
again with the cache, twice (the second run re-checks nothing). The fixtures are shorter than
students' reports (a few pages to 40): per report, real reports cost more time (see
bench_class.py), not more memory in the run's process, which keeps about 1.5 kB a report.

``python bench/bench_scale.py [COUNT ...]`` (default 250 1000).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "fixtures" / "pdf"
COUNTS = (250, 1000)

# Runs the command line in this process, then prints its time and peak memory (its own, and
# the largest of its children: each check is a child).
MEASURE = """
import resource, sys, time
from rapportlint.cli import main
start = time.perf_counter()
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(time.perf_counter() - start, own, child)
"""


def make_class(folder: Path, count: int) -> None:
    sources = sorted(PDF.glob("*.pdf"))
    folder.mkdir()
    for i in range(count):
        source = sources[i % len(sources)]
        shutil.copy(source, folder / f"eleve-{i:05d}-{source.name}")


def measure(args: list[str], cache: Path) -> tuple[float, float, float]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    seconds, own, child = map(float, out.stdout.split()[-3:])
    return seconds, own, child


def main() -> int:
    counts = [int(n) for n in sys.argv[1:]] or list(COUNTS)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for count in counts:
            folder = tmp_path / f"classe-{count}"
            make_class(folder, count)
            outputs = ["--csv", str(tmp_path / "c.csv"), "--json", str(tmp_path / "c.jsonl")]
            args = ["batch", str(folder), "--jobs", "2", *outputs, "--overwrite"]
            seconds, own, child = measure([*args, "--no-cache"], tmp_path / "no-cache")
            print(
                f"{count} reports, --jobs 2, no cache: {seconds:.1f} s, "
                f"{1000 * seconds / count:.0f} ms a report ({count / seconds:.1f} reports/s); "
                f"peak memory: the run {own:.0f} MB, its largest check {child:.0f} MB",
                flush=True,
            )
        cache = tmp_path / f"cache-{counts[-1]}"
        first, own, _ = measure([*args], cache)
        second, own_second, _ = measure([*args], cache)
        size = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file()) / 1e6
        print(
            f"{counts[-1]} reports with the cache: first run {first:.1f} s, second run "
            f"{second:.1f} s ({first / second:.0f}x faster, run peak {own_second:.0f} MB); "
            f"cache folder {size:.1f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
