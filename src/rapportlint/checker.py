"""One check of one report: load once, analyse, run the rules. What every front end calls."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rapportlint.analysis.report import ReportAnalysis, analyse
from rapportlint.config import Settings
from rapportlint.dossier import Dossier
from rapportlint.findings import Finding, Severity
from rapportlint.model.loader import LoadError, load_document
from rapportlint.rules.context import Context
from rapportlint.rules.engine import load_failure, run_rules


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
) -> CheckResult:
    """Checks the report at ``path``, with annex documents given as separate files
    (``(path, declared kind or None)``). A missing file raises :class:`LoadError` ("missing");
    any other unreadable report gives a result with verdict "error" and its RL001/RL002 finding;
    an unreadable annex file raises :class:`AnnexError`."""
    external = []
    for annex_path, kind in annexes or []:
        try:
            external.append((load_document(annex_path), kind))
        except LoadError as error:
            raise AnnexError(str(annex_path), error.kind) from error
    try:
        document = load_document(path)
    except LoadError as error:
        if error.kind == "missing":
            raise
        return CheckResult(
            path=str(path),
            findings=load_failure(error.kind, error.detail, settings, lang),
            load_error=error,
            settings=settings,
        )
    analysis = analyse(document, external)
    findings = run_rules(Context(analysis, settings, dossier), lang)
    return CheckResult(path=str(path), findings=findings, analysis=analysis, settings=settings)
