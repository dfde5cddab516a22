"""Page furniture: running headers and footers, page numbers.

A footer that says "Rapport de stage - Présentation de l'entreprise" on every page is not a
heading, and "Page 3 sur 30" is not content. Furniture is a line in the top or bottom band of the
page whose shape (digits folded) comes back on many pages, or a page-number line.
"""

from __future__ import annotations

import re
from collections import Counter

from rapportlint.analysis.text import fold
from rapportlint.model.document import Document, Page, TextLine

BAND = 0.1  # top and bottom tenth of the page
PAGE_NUMBER = re.compile(
    r"^(?:-\s*)?(?:page|p\.)?\s*[0-9ivxlc]+\s*(?:(?:/|sur|of|de)\s*[0-9]+)?(?:\s*-)?$"
)

LineRef = tuple[int, int]  # (page number, line index)


def in_band(line: TextLine, page: Page) -> bool:
    middle = (line.box.top + line.box.bottom) / 2
    return middle < page.height * BAND or middle > page.height * (1 - BAND)


def shape(text: str) -> str:
    return re.sub(r"[0-9]+", "#", fold(text))


def find_furniture(document: Document) -> set[LineRef]:
    """The (page, line index) pairs that are running headers, footers or page numbers."""
    counts: Counter[str] = Counter()
    for page in document.pages:
        seen = {shape(line.text) for line in page.lines if in_band(line, page)}
        counts.update(seen)
    repeat_threshold = max(3, int(0.3 * document.page_count))
    furniture: set[LineRef] = set()
    for page in document.pages:
        for index, line in enumerate(page.lines):
            if not in_band(line, page):
                continue
            line_shape = shape(line.text)
            if counts[line_shape] >= repeat_threshold or PAGE_NUMBER.match(
                line_shape.replace("#", "1")
            ):
                furniture.add((page.number, index))
    return furniture
