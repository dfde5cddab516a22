"""One check of one report: load once, analyse, run the rules. What every front end calls.

Nothing here renders: a check run in a bounded child and rendered there is
:mod:`rapportlint.bounded`, one layer up, so that the renderers and the checker never import
each other. ``CheckResult`` lives in :mod:`rapportlint.result` and is re-exported here for the
callers that take it from the checker."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rapportlint.config import Settings
from rapportlint.model.loader import LoadError, load_document
from rapportlint.result import CheckResult

__all__ = ["AnnexError", "CheckResult", "check_report", "failed_check", "prepare", "refined_kind"]

if TYPE_CHECKING:  # the dossier is only needed by pack and verify
    from rapportlint.dossier import Dossier


def prepare(keep_patterns: bool = True) -> None:
    """Loads what a check runs after the model: the analysis, the rules, langdetect's profiles.

    Called by the loader while its helper reads the pages of a long report (a single check: the
    second core absorbs this start-up work), or in a class run's parent before the children are
    forked (each one then starts with it all in memory). ``keep_patterns``: see
    :func:`import_analysis`."""
    import_analysis(keep_patterns)
    from rapportlint.analysis import language

    language.detect(LANGUAGE_SAMPLE)


def import_analysis(keep_patterns: bool = True) -> None:
    """Imports the analysis and the rules, with the compiled form of their regular expressions
    taken from the previous runs and kept for the next ones (:mod:`rapportlint.compiled_regex`:
    60 ms less), unless ``keep_patterns`` is False (a class run told not to use the cache)."""
    if "rapportlint.rules.engine" in sys.modules:
        return
    from rapportlint.compiled_regex import stored_patterns

    with stored_patterns() if keep_patterns else contextlib.nullcontext():
        from rapportlint.rules import engine  # noqa: F401  (the rules, the context, the analysis)


# A sentence long enough for langdetect to load its profiles (what language.detect does first).
LANGUAGE_SAMPLE = (
    "Le rapport présente l'entreprise, les activités réalisées pendant le stage et une courte "
    "conclusion sur ce que le stagiaire retient de cette expérience professionnelle."
)


class AnnexError(Exception):
    """An annex given as a separate file cannot be read."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(f"{path}: {kind}")
        self.path = path
        self.kind = kind


def check_report(
    path: str | Path,
    settings: Settings,
    lang: str = "fr",
    annexes: list[tuple[str | Path, str | None]] | None = None,
    dossier: Dossier | None = None,
    split: bool = False,
) -> CheckResult:
    """Checks the report at ``path``, with annex documents given as separate files
    (``(path, declared kind or None)``). A missing file raises :class:`LoadError` ("missing");
    any other unreadable report gives a result with verdict "error" and its RL001/RL002 finding;
    an unreadable annex file raises :class:`AnnexError`."""
    bounds = {
        "max_bytes": settings.max_file_mb * 1024 * 1024,
        "max_pages": settings.max_page_count,
        "ocr_pages": settings.ocr_max_pages,
    }
    external = []
    for annex_path, kind in annexes or []:
        try:
            external.append((load_document(annex_path, **bounds), kind))
        except LoadError as error:
            raise AnnexError(str(annex_path), refined_kind(error, annex_path)) from error
    try:
        # Split, the helper reads pages while this process imports the rest (prepare); alone,
        # what the analysis needs is imported as it needs it (langdetect only for annexes).
        document = load_document(path, **bounds, split=split, meanwhile=prepare if split else None)
    except LoadError as error:
        if error.kind == "missing":
            raise
        from rapportlint.rules.engine import load_failure

        return CheckResult(
            path=str(path),
            findings=load_failure(refined_kind(error, path), error.detail, settings, lang),
            load_error=error,
            settings=settings,
        )
    import_analysis()
    from rapportlint.analysis.report import analyse
    from rapportlint.rules.context import Context
    from rapportlint.rules.engine import run_rules

    analysis = analyse(document, external)
    findings = run_rules(Context(analysis, settings, dossier), lang)
    return CheckResult(path=str(path), findings=findings, analysis=analysis, settings=settings)


def refined_kind(error: LoadError, path: str | Path) -> str:
    """The loader's reason, told more precisely for a file that is not a PDF: a Word or
    LibreOffice document, or a picture, by its content (:mod:`rapportlint.sniff`). The file
    is read again only then, and the loader already refused one past the size bound."""
    if error.kind != "not-pdf":
        return error.kind
    from rapportlint.sniff import document_kind

    try:
        data = Path(path).read_bytes()
    except OSError:
        return error.kind
    return document_kind(data) or error.kind


def failed_check(
    path: str | Path, kind: str, detail: str, settings: Settings, lang: str
) -> CheckResult:
    """The result for a file whose check could not be done (a bound passed in a child process)."""
    from rapportlint.rules.engine import load_failure

    return CheckResult(
        path=str(path),
        findings=load_failure(kind, detail, settings, lang),
        load_error=LoadError(kind, detail),
        settings=settings,
    )
