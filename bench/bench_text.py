"""Benchmark: the content profile on texts that once made its searches backtrack (not a test).

A real 58-page report (a master's in data science) prints a dendrogram's labels as text: a run
of some 70,000 characters of figures and spaces. The staff cue then read "a number" as any run
of digits, spaces and dots before "salariés", and tried it from each of the thousands of word
starts in the run: 30 of the report's 40 seconds. This times :func:`profile` on such a page and
on a report's ordinary text, in this process. Target: well under a second each on the 2-core
reference machine (a search that goes quadratic again shows as tens of seconds).
"""

from __future__ import annotations

import random
import statistics
import time

from rapportlint.analysis.content import profile

RUNS = 5


def figures_page(characters: int = 70_000) -> str:
    """Numbers and spaces, as a plot's labels extracted as text."""
    rng = random.Random(7)
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < characters:
        words.append(str(rng.randrange(1, 10 ** rng.randrange(1, 11))))
    return " ".join(words)


def prose(characters: int = 70_000) -> str:
    sentence = (
        "J'ai installé les postes de travail des nouveaux arrivants et configuré leurs sessions, "
        "puis mon tuteur m'a confié la mise à jour du serveur de fichiers de l'agence. "
    )
    return sentence * (characters // len(sentence))


def timed(text: str) -> float:
    runs = []
    for _ in range(RUNS):
        start = time.perf_counter()
        profile(text)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> int:
    for name, text in (("a page of figures", figures_page()), ("ordinary text", prose())):
        seconds = timed(text)
        verdict = "yes" if seconds < 1 else "NO"
        print(f"profile() on {name} ({len(text):,} characters): {seconds:.3f} s; < 1 s: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
