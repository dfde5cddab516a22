"""One check of one report: load once, analyse, run the rules. What every front end calls."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rapportlint.analysis.report import ReportAnalysis, analyse
from rapportlint.config import Settings
from rapportlint.findings import Finding, Severity
from rapportlint.model.loader import LoadError, load_document
from rapportlint.rules.context import Context
from rapportlint.rules.engine import load_failure, run_rules

if TYPE_CHECKING:  # the dossier is only needed by pack and verify
    from rapportlint.dossier import Dossier


class AnnexError(Exception):
    """An annex given as a separate file cannot be read."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(f"{path}: {kind}")
        self.path = path
        self.kind = kind


@dataclass(slots=True)
class CheckResult:
    path: str
    findings: list[Finding]
    analysis: ReportAnalysis | None = None
    load_error: LoadError | None = None
    settings: Settings = field(default_factory=Settings)

    @property
    def verdict(self) -> str:
        if self.load_error is not None:
            return "error"
        return "fail" if self.count(Severity.ERROR) else "pass"

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


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
    bounds = {"max_bytes": settings.max_file_mb * 1024 * 1024, "max_pages": settings.max_page_count}
    external = []
    for annex_path, kind in annexes or []:
        try:
            external.append((load_document(annex_path, **bounds), kind))
        except LoadError as error:
            raise AnnexError(str(annex_path), refined_kind(error, annex_path)) from error
    try:
        document = load_document(path, **bounds, split=split)
    except LoadError as error:
        if error.kind == "missing":
            raise
        return CheckResult(
            path=str(path),
            findings=load_failure(refined_kind(error, path), error.detail, settings, lang),
            load_error=error,
            settings=settings,
        )
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
    return CheckResult(
        path=str(path),
        findings=load_failure(kind, detail, settings, lang),
        load_error=LoadError(kind, detail),
        settings=settings,
    )


def check_isolated(
    path: str | Path,
    settings: Settings,
    lang: str = "fr",
    annexes: list[tuple[str | Path, str | None]] | None = None,
    dossier: Dossier | None = None,
    fmt: str | None = None,
    colour: bool = False,
) -> tuple[CheckResult, str | None]:
    """:func:`check_report` (and, with ``fmt``, its rendering, which reads the PDF again for
    pictures) in a child process within ``settings.timeout`` and ``settings.memory_mb``.
    A passed bound gives an "error" result with its RL004 finding, rendered here.
    Raises LoadError("missing") and AnnexError like :func:`check_report`."""
    formats = (fmt,) if fmt else ()
    result, rendered = _isolated(path, settings, lang, annexes, dossier, formats, colour)
    return result, rendered.get(fmt) if fmt else None


def check_rendered(
    path: str | Path,
    settings: Settings,
    lang: str,
    annexes: list[tuple[str | Path, str | None]] | None,
    formats: tuple[str, ...],
    cwd: str | Path | None = None,
    split: bool = True,
) -> tuple[CheckResult, dict[str, str]]:
    """:func:`check_isolated` rendered in several formats from one check (the web page shows
    the HTML report and offers the JSON of the same check), with relative paths taken from
    ``cwd``: the child moves there, so a report reads "rapport.pdf", exactly as
    ``rapportlint check rapport.pdf`` run in that folder, not where a server keeps uploads.
    ``split`` lets the loader read a long report on two cores: only worth it when the checks
    running at once leave a core free each."""
    from rapportlint.isolation import CAN_FORK

    if cwd is not None and not CAN_FORK:  # pragma: no cover - no child to move into cwd
        annexes = [(Path(cwd) / p, kind) for p, kind in annexes or []]
        path, cwd = Path(cwd) / path, None
    return _isolated(path, settings, lang, annexes, None, formats, False, cwd, split)


def _isolated(path, settings, lang, annexes, dossier, formats, colour, cwd=None, split=True):
    from rapportlint.isolation import INTERNAL, MEMORY, TIMEOUT, run_one
    from rapportlint.render import render

    outcome = run_one(
        _checked,
        (path, settings, lang, annexes, dossier, formats, colour, cwd, split),
        settings.timeout,
        settings.memory_mb,
    )
    if outcome.failure is None:
        kind, value = outcome.value
        if kind == "missing":
            raise LoadError("missing", value)
        if kind == "annex":
            raise AnnexError(*value)
        return value
    if outcome.failure.startswith(INTERNAL):
        raise RuntimeError(outcome.failure)
    detail = {TIMEOUT: f"{settings.timeout:g}", MEMORY: f"{settings.memory_mb}"}.get(
        outcome.failure, ""
    )
    result = failed_check(path, outcome.failure, detail, settings, lang)
    return result, {fmt: render(result, fmt, lang, colour) for fmt in formats}


def _checked(path, settings, lang, annexes, dossier, formats, colour, cwd, split):
    """The child's side: exceptions become plain values that cross the process boundary."""
    import os

    from rapportlint.render import render

    if cwd is not None:
        os.chdir(cwd)  # only ever in the forked child (see check_rendered)
    try:
        # A single check has the second core to itself: let the loader use it.
        result = check_report(path, settings, lang, annexes, dossier, split=split)
    except AnnexError as error:
        return "annex", (error.path, error.kind)
    except LoadError as error:
        return "missing", error.detail
    rendered = {fmt: render(result, fmt, lang, colour) for fmt in formats}
    if formats:
        # The parent only needs the verdict and findings now: the document model stays here,
        # which spares pickling thousands of lines across the process boundary.
        result.analysis = None
    return "ok", (result, rendered)
