"""Runs every analysis over one document model and bundles what the rules judge."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapportlint.analysis.annexes import AnnexDocument, analyse_annexes
from rapportlint.analysis.cover import CoverFacts, read_cover
from rapportlint.analysis.furniture import LineRef, find_furniture
from rapportlint.analysis.geometry import coverage
from rapportlint.analysis.headings import (
    CHAPTER_ONLY,
    Heading,
    outline_headings,
    typographic_headings,
)
from rapportlint.analysis.language import UNDETERMINED, detect, quick_language
from rapportlint.analysis.layout import Layout, find_annex_start, find_intro_page
from rapportlint.analysis.sections import Section, find_sections
from rapportlint.analysis.text import fold
from rapportlint.analysis.toc import find_toc_pages
from rapportlint.analysis.vocabulary import MAIN_KEYS
from rapportlint.model.document import Document

OUTLINE_MIN_ENTRIES = 3
LANGUAGE_SAMPLE_CHARS = 1000  # for the body language: langdetect needs no more to be sure


@dataclass(slots=True)
class PageFacts:
    """What the rules need per page, computed once."""

    number: int
    language: str
    picture_share: float
    has_text: bool

    @property
    def scanned(self) -> bool:
        """One full-page picture and no text layer: a scan."""
        return not self.has_text and self.picture_share >= 0.8


@dataclass(slots=True)
class ReportAnalysis:
    document: Document
    layout: Layout
    sections: dict[str, Section]
    headings: list[Heading]
    pages: dict[int, PageFacts]
    body_language: str = UNDETERMINED
    body_language_probability: float = 0.0
    furniture: set[LineRef] = field(default_factory=set)
    annexes: list[AnnexDocument] = field(default_factory=list)
    cover: CoverFacts | None = None

    def page_part(self, number: int) -> str:
        """Which part of the report a page belongs to: "front", "entreprise", "activites",
        "conclusion", "body" (other pages of the report) or "annexes"."""
        layout = self.layout
        if layout.annex_start and number >= layout.annex_start:
            return "annexes"
        # Where two sections share a page, the one that starts there wins.
        for section in sorted(self.sections.values(), key=lambda s: s.page, reverse=True):
            if section.page <= number <= section.end_page:
                return section.key
        return "front" if number < layout.intro_page else "body"

    def body_text(self, first: int, last: int) -> str:
        """Text of pages ``first`` to ``last`` without headers, footers and page numbers."""
        parts = []
        for number in range(first, last + 1):
            page = self.document.page(number)
            parts.extend(
                line.text for i, line in enumerate(page.lines) if (number, i) not in self.furniture
            )
        return "\n".join(parts)


def _mark_first_on_page(
    headings: list[Heading], document: Document, furniture: set[LineRef]
) -> None:
    """A heading opens its page when only furniture, or a "Chapitre 2" line, stands above it."""
    for heading in headings:
        page = document.page(heading.page)
        heading.first_on_page = not any(
            line.box.bottom < heading.top - 1 and not CHAPTER_ONLY.match(fold(line.text))
            for i, line in enumerate(page.lines)
            if (heading.page, i) not in furniture
        )


def analyse(
    document: Document, external_annexes: list[tuple[Document, str | None]] | None = None
) -> ReportAnalysis:
    """The whole analysis of a report: layout, sections, page facts, body language, annexes.

    ``external_annexes`` are annex documents given as separate files, with their declared kind
    ("technique", "presse" or None); they follow the annexes found inside the report.
    """
    furniture = find_furniture(document)
    toc_pages = find_toc_pages(document, furniture)
    typographic = typographic_headings(document, furniture, toc_pages)
    from_outline = outline_headings(document)
    for group in (typographic, from_outline):
        _mark_first_on_page(group, document, furniture)
    use_outline = len(from_outline) >= OUTLINE_MIN_ENTRIES
    primary, fallback = (from_outline, typographic) if use_outline else (typographic, [])

    pages: dict[int, PageFacts] = {}
    for page in document.pages:
        text = "\n".join(
            line.text for i, line in enumerate(page.lines) if (page.number, i) not in furniture
        )
        pages[page.number] = PageFacts(
            number=page.number,
            language=quick_language(text),
            picture_share=round(coverage(page.pictures, page.width, page.height), 4),
            has_text=page.has_text,
        )

    # Sections are looked for in the whole document first, to know after which page the annex
    # part may start; then again inside the body only.
    rough = find_sections(primary, fallback, document.page_count)
    last_main = max((s.page for s in rough.values()), default=1)
    annex_start, reason = find_annex_start(
        document,
        primary + fallback,
        furniture,
        {n: f.language for n, f in pages.items()},
        last_main,
    )
    last_body = (annex_start - 1) if annex_start else document.page_count
    sections = find_sections(primary, fallback, last_body)
    first_main = min((s.page for s in sections.values()), default=None)
    after_toc = max(toc_pages) + 1 if toc_pages else 1
    intro_page = find_intro_page(
        primary + fallback, toc_pages, first_main or min(after_toc, last_body)
    )
    layout = Layout(
        page_count=document.page_count,
        intro_page=min(intro_page, last_body),
        annex_start=annex_start,
        annex_reason=reason,
        toc_pages=tuple(sorted(toc_pages)),
    )
    analysis = ReportAnalysis(
        document=document,
        layout=layout,
        sections={k: sections[k] for k in MAIN_KEYS if k in sections},
        headings=primary + fallback,
        pages=pages,
        furniture=furniture,
    )
    analysis.body_language, analysis.body_language_probability = detect(_language_sample(analysis))
    analysis.annexes = analyse_annexes(document, layout.annex_pages, external_annexes or [])
    analysis.cover = read_cover(document)
    return analysis


def _language_sample(analysis: ReportAnalysis) -> str:
    """An equal share of characters from the middle of every body page, so that neither one
    long code listing nor the first pages alone decide the language of the report."""
    layout = analysis.layout
    pages = [
        n for n in range(layout.intro_page, layout.last_body_page + 1) if n not in layout.toc_pages
    ]
    if not pages:
        return ""
    share = max(80, LANGUAGE_SAMPLE_CHARS // len(pages))
    chunks = []
    for number in pages:
        text = analysis.body_text(number, number)
        middle = max(0, len(text) // 2 - share // 2)
        chunks.append(text[middle : middle + share])
    return "\n".join(chunks)
