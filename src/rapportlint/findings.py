"""Findings: what a rule says about one place of the report, already in the user's language."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: machine fields (rule, name, severity, page) and human text (the rest).

    ``page`` is the physical page (1-based); ``page_label`` the number printed on it, when the
    page prints one that differs ("page 7 (numérotée 5)").
    """

    rule: str
    name: str
    severity: Severity
    page: int | None
    message: str
    expected: str
    found: str
    fix: str
    page_label: str | None = None

    def sort_key(self) -> tuple[int, int, str]:
        return (self.severity.rank, self.page or 0, self.rule)
