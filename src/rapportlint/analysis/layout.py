"""Where the report's parts are: front matter, body, annex part; and the pages that count.

The annex part starts at an "Annexes" heading or bookmark, else at the first page headed
"Annexe N" (or "Document N", "Appendix N"), else at the run of English pages that ends the
document after the last main section. It is never looked for before that last section, so an
English abstract or code listings inside the report are not mistaken for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapportlint.analysis.furniture import LineRef
from rapportlint.analysis.headings import Heading
from rapportlint.analysis.language import detect
from rapportlint.analysis.text import fold
from rapportlint.model.document import Document

ANNEX_HEADER = re.compile(
    r"^(?:annexe|annex|appendix|document)\s*(?:n°|no\.?|n\.)?\s*(?:[0-9]+|[ivx]+|[a-d])\b"
)


@dataclass(frozen=True, slots=True)
class Layout:
    """Physical page numbers (1-based) of the report's parts, and both page counts."""

    page_count: int
    intro_page: int
    annex_start: int | None
    annex_reason: str | None  # "heading", "header", "language" or None
    toc_pages: tuple[int, ...]

    @property
    def last_body_page(self) -> int:
        return (self.annex_start - 1) if self.annex_start else self.page_count

    @property
    def body_pages(self) -> int:
        """Every page before the annex part: the default count, the strictest reading."""
        return self.last_body_page

    @property
    def body_pages_from_intro(self) -> int:
        """Pages from the introduction on (cover, thanks and contents left out)."""
        return max(0, self.last_body_page - self.intro_page + 1)

    @property
    def annex_pages(self) -> list[int]:
        return list(range(self.annex_start, self.page_count + 1)) if self.annex_start else []


def _first_content(document: Document, furniture: set[LineRef], page_number: int, n: int = 3):
    page = document.page(page_number)
    lines = [line for i, line in enumerate(page.lines) if (page_number, i) not in furniture]
    return sorted(lines, key=lambda line: line.box.top)[:n]


def find_annex_start(
    document: Document,
    headings: list[Heading],
    furniture: set[LineRef],
    page_languages: dict[int, str],
    after_page: int,
) -> tuple[int | None, str | None]:
    """First page of the annex part, and what announced it."""
    announced = [h for h in headings if h.key == "annexes" and h.page > max(1, after_page - 1)]
    announced = [h for h in announced if h.page >= after_page or h.first_on_page]
    if announced:
        return min(h.page for h in announced), "heading"
    for number in range(max(2, after_page + 1), document.page_count + 1):
        for line in _first_content(document, furniture, number):
            if ANNEX_HEADER.match(fold(line.text)):
                return number, "header"
    # Trailing English pages: the quick stop-word count first, langdetect where it has no answer
    # (a CLI guide or a datasheet has few function words).
    start = None
    for number in range(document.page_count, max(1, after_page), -1):
        language = page_languages.get(number, "und")
        if language == "und":
            language = detect(document.page(number).text)[0]
        if language == "en":
            start = number
        elif language == "fr":
            break
    return (start, "language") if start else (None, None)


def find_intro_page(headings: list[Heading], toc_pages: set[int], fallback: int) -> int:
    """Page of the introduction heading, else ``fallback`` (the first main section)."""
    intros = [h.page for h in headings if h.key == "introduction" and h.page not in toc_pages]
    if intros:
        return min(intros)
    return fallback
