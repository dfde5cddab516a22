"""What a rule function receives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapportlint.analysis.report import ReportAnalysis
from rapportlint.analysis.toc import TocEntry
from rapportlint.config import Settings

if TYPE_CHECKING:  # the dossier is only needed by pack and verify
    from rapportlint.dossier import Dossier


@dataclass(frozen=True, slots=True)
class Context:
    analysis: ReportAnalysis
    settings: Settings
    dossier: Dossier | None = None  # the candidate's dossier.toml, when checking a submission

    def contents_entry_words(self, entry: TocEntry) -> dict[str, str]:
        """ "sommaire, page 2" or "sommaire, page 2, à la page 10": where the entry stands,
        and the page it prints when it prints one."""
        where = self.page_words(entry.page)
        if not entry.printed_page:
            return {"fr": f"sommaire, {where['fr']}", "en": f"contents, {where['en']}"}
        return {
            "fr": f"sommaire, {where['fr']}, à la page {entry.printed_page}",
            "en": f"contents, {where['en']}, at page {entry.printed_page}",
        }

    @property
    def counted_pages(self) -> int:
        """Pages counted toward the limit, in the configured mode."""
        layout = self.analysis.layout
        return (
            layout.body_pages_from_intro
            if self.settings.page_count == "from-intro"
            else layout.body_pages
        )

    def page_words(self, number: int) -> dict[str, str]:
        """ "page 7", or "page 7, numérotée 5" when the student's footer prints another
        number: the student finds the page by the number printed on it. No parentheses of
        its own: messages put it in theirs ("« Contexte » (page 7, numérotée 5)")."""
        label = self.analysis.label(number)
        if label and label != str(number):
            return {
                "fr": f"page {number}, numérotée {label}",
                "en": f"page {number}, numbered {label}",
            }
        return {"fr": f"page {number}", "en": f"page {number}"}

    @property
    def first_counted_page(self) -> int:
        layout = self.analysis.layout
        return layout.intro_page if self.settings.page_count == "from-intro" else 1
