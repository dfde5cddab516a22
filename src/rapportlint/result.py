"""What one check gives back: the findings, the analysis they were judged on, or why the file
could not be read.

Its own module, below both the checker that makes it and the renderers that draw it, so that
neither imports the other for it (the data flows one way: checker -> result <- render).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapportlint.config import Settings
from rapportlint.findings import Finding, Severity

if TYPE_CHECKING:  # annotations only: a result is read without the analysis or PDFium loaded
    from rapportlint.analysis.report import ReportAnalysis
    from rapportlint.model.loader import LoadError


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
