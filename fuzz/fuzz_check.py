"""Coverage-guided fuzzing of the loader and the whole check (atheris, libFuzzer).

    make fuzz                 # FUZZ_SECONDS=300 make fuzz for longer

Seeds are the committed fixtures (reports, annexes, the adversarial corpus); new inputs go to
fuzz/work/ (not committed). Any exception other than the loader's LoadError is a crash: libFuzzer
saves the input as fuzz/work/crash-*, which becomes a fixture in fixtures/hostile/ and a test.
PDFium faults are caught the same way, since libFuzzer watches the process itself.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from rapportlint.analysis.report import analyse
    from rapportlint.config import Settings
    from rapportlint.model.loader import LoadError, load_bytes
    from rapportlint.render import render
    from rapportlint.rules.context import Context
    from rapportlint.rules.engine import run_rules

SETTINGS = Settings()


def check_bytes(data: bytes) -> None:
    """Everything `rapportlint check` does on a PDF, but the HTML pictures."""
    from rapportlint.checker import CheckResult

    try:
        document = load_bytes(data, "fuzz.pdf", max_pages=SETTINGS.max_page_count)
    except LoadError:
        return
    analysis = analyse(document)
    findings = run_rules(Context(analysis, SETTINGS), "fr")
    result = CheckResult(path="fuzz.pdf", findings=findings, analysis=analysis, settings=SETTINGS)
    for fmt in ("json", "text", "markdown"):
        render(result, fmt)


def main() -> None:
    atheris.Setup(sys.argv, check_bytes)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
