"""Headings: from the outline when the PDF has one, otherwise from typography.

A heading is a short line set apart by size or weight (or by a section number with either),
outside the page furniture and the table of contents. Canva and some templates split a heading
over two lines, and LaTeX puts "Chapitre 1" above the chapter title: consecutive heading lines of
the same style are joined. Levels come from numbering ("1.2" is level 2) or, unnumbered, from the
rank of the size among heading sizes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapportlint.analysis.furniture import LineRef
from rapportlint.analysis.text import fold, heading_key, numbering_depth
from rapportlint.analysis.vocabulary import Match, classify
from rapportlint.model.document import Document, TextLine

MAX_WORDS = 14
MAX_CHARS = 120
SIZE_RATIO = 1.12
CHAPTER_ONLY = re.compile(r"^(?:partie|chapitre|part|chapter)\s+(?:[0-9]+|[ivxlc]+)\s*[:.\-–—]?$")


@dataclass(slots=True)
class Heading:
    """A heading of the report: where it is, how it looks, what it announces."""

    text: str
    page: int
    top: float
    size: float
    bold: bool
    level: int
    source: str  # "outline" or "typography"
    match: Match | None = None
    first_on_page: bool = False  # set by the report analysis, which knows the page furniture

    @property
    def key(self) -> str | None:
        return self.match.key if self.match else None


def body_font_size(document: Document, furniture: set[LineRef]) -> float:
    """The size most characters are set in."""
    weights: Counter[float] = Counter()
    for page in document.pages:
        for index, line in enumerate(page.lines):
            if (page.number, index) not in furniture:
                weights[round(line.size * 2) / 2] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 11.0


def _looks_like_heading(line: TextLine, body_size: float) -> bool:
    text = line.text.strip()
    words = text.split()
    if not (2 <= len(text) <= MAX_CHARS) or len(words) > MAX_WORDS:
        return False
    if text.endswith((",", ";")) or not any(ch.isalpha() for ch in text):
        return False
    if text.endswith(".") and len(words) > 6:
        return False
    if line.size >= body_size * SIZE_RATIO or (line.bold and line.size >= body_size * 0.95):
        return True
    return line.size > body_size and numbering_depth(text) is not None


def typographic_headings(
    document: Document, furniture: set[LineRef], toc_pages: set[int]
) -> list[Heading]:
    """Heading lines found by their look, joined when split, with levels."""
    body_size = body_font_size(document, furniture)
    raw: list[Heading] = []
    for page in document.pages:
        if page.number in toc_pages or (page.number == 1 and document.page_count > 3):
            continue  # a cover's big lines (title, "Entreprise : ACME") are not headings
        previous: Heading | None = None
        previous_line: TextLine | None = None
        for index, line in enumerate(page.lines):
            if (page.number, index) in furniture:
                continue
            if not _looks_like_heading(line, body_size):
                previous = previous_line = None
                continue
            if (
                previous is not None
                and previous_line is not None
                and _continues(previous_line, line, previous)
            ):
                previous.text = f"{previous.text} {line.text}"
                previous.size = max(previous.size, line.size)
                previous_line = line
                continue
            heading = Heading(
                text=line.text,
                page=page.number,
                top=line.box.top,
                size=line.size,
                bold=line.bold,
                level=0,
                source="typography",
            )
            raw.append(heading)
            previous, previous_line = heading, line
    _assign_levels(raw, body_size)
    for heading in raw:
        heading.match = classify(heading_key(heading.text))
    return raw


def _continues(previous_line: TextLine, line: TextLine, heading: Heading) -> bool:
    """Is ``line`` the second half of the heading that ``previous_line`` started?"""
    gap = line.box.top - previous_line.box.bottom
    if gap > max(previous_line.size, line.size) * 1.2:
        return False
    if CHAPTER_ONLY.match(fold(heading.text)):
        return True
    same_style = abs(previous_line.size - line.size) < 0.6 and previous_line.bold == line.bold
    # A numbered line starts a heading of its own.
    return (
        same_style and numbering_depth(line.text) is None and not heading.text.endswith((".", ":"))
    )


def _assign_levels(headings: list[Heading], body_size: float) -> None:
    """Level 1 is the largest style. Within one size, numbering tells "1." from "1.1"; an
    unnumbered heading ("Introduction") sits with the top numbers of its size."""
    sizes = sorted(
        {round(h.size) for h in headings if h.size >= body_size * SIZE_RATIO}, reverse=True
    )
    rank = {size: i + 1 for i, size in enumerate(sizes)}
    lowest = len(sizes) + 1
    keys = {
        id(h): (rank.get(round(h.size), lowest), numbering_depth(h.text) or 1) for h in headings
    }
    dense = {key: i + 1 for i, key in enumerate(sorted(set(keys.values())))}
    for heading in headings:
        heading.level = dense[keys[id(heading)]]


def outline_headings(document: Document) -> list[Heading]:
    """Bookmarks as headings, placed on their page at the line that carries their title."""
    headings: list[Heading] = []
    for entry in document.outline:
        if entry.page is None or not entry.title.strip():
            continue
        page = document.page(entry.page)
        wanted = heading_key(entry.title)
        top, size, bold = 0.0, 0.0, False
        for line in page.lines:
            key = heading_key(line.text)
            if key and (key == wanted or (len(key) > 3 and wanted.startswith(key))):
                top, size, bold = line.box.top, line.size, line.bold
                break
        headings.append(
            Heading(
                text=entry.title,
                page=entry.page,
                top=top,
                size=size,
                bold=bold,
                level=entry.level + 1,
                source="outline",
                match=classify(wanted),
            )
        )
    return headings
