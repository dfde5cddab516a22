"""Titles drawn as pictures in the middle of a page (WordArt, a banner exported from a design
tool): what a text-only reading cannot see.

A report can set its end titles ("Recommandations", "Synthèse", "Conclusion", "Webographie")
as WordArt that a printer or a converter turned into pictures. The titles that open their
page are read elsewhere (a picture above the page's text, a divider page); these stand between
two paragraphs. Their words are out of the text layer, so nothing tells which part each opens:
they only tell that a part may be there unseen, and that "no part is a conclusion" cannot be
claimed for certain.
"""

from __future__ import annotations

from collections import Counter

from rapportlint.analysis.furniture import LineRef
from rapportlint.model.document import Box, Document, Page, TextLine

MIN_WIDTH = 0.25  # of the page's width: a title's lettering, not an icon
MAX_WIDTH = 0.7  # of the page's width: narrower than the text block, which a figure spans
CENTRED = 0.05  # of the page's width: how far from the page's middle its own middle stands
MAX_HEIGHT = 0.09  # of the page's height: one line of large letters, not a figure
MIN_RATIO = 4.0  # as wide as four times its height: a word or two in large letters
EDGE = 0.1  # of the page's height: the header and footer bands, where logos stand
REPEATED = 3  # the same picture at the same place on this many pages: a logo, not a title


def drawn_title_pages(
    document: Document, furniture: set[LineRef], first: int, last: int
) -> tuple[int, ...]:
    """The pages from ``first`` to ``last`` that hold a picture shaped and placed like a title:
    wide and short, alone on its line (no text beside it), with text under it."""
    places = Counter(
        _place(box) for page in document.pages for box in page.pictures if _shaped(box, page)
    )
    found = []
    for number in range(max(1, first), min(last, document.page_count) + 1):
        page = document.page(number)
        lines = [line for index, line in enumerate(page.lines) if (number, index) not in furniture]
        for box in page.pictures:
            if not _shaped(box, page) or places[_place(box)] >= REPEATED:
                continue
            if _alone_over_text(box, lines):
                found.append(number)
                break
    return tuple(found)


LETTERING_MIN_HEIGHT = 18.0  # points: letters drawn large, not a rule, a border or an underline
# WordArt's box holds its letters' whole height (the "l" and the "p" of "Conclusion" in 60 pt
# letters): taller than a picture's one line.
LETTERING_MAX_HEIGHT = 0.12


def drawn_lettering(page: Page, lines: list[TextLine]) -> list[Box]:
    """Words drawn as vector lettering in mid-page, shaped and placed as a title, alone on
    their line with text under them: WordArt that a converter turned into paths (LibreOffice
    draws a Word document's "Conclusion" in WordArt so), which neither the text layer nor the
    pictures hold."""
    return [
        box
        for box in page.drawings
        if box.height >= LETTERING_MIN_HEIGHT
        and _shaped(box, page, LETTERING_MAX_HEIGHT)
        and _alone_over_text(box, lines)
    ]


def _alone_over_text(box: Box, lines: list[TextLine]) -> bool:
    """No line of text beside the box, and some under it."""
    beside = any(line.box.top < box.bottom and line.box.bottom > box.top for line in lines)
    return not beside and any(line.box.top >= box.bottom for line in lines)


def _shaped(box: Box, page: Page, max_height: float = MAX_HEIGHT) -> bool:
    """Wide and short, centred on the page as a title is (a screenshot of a command line or
    a strip of a table stands at the text's left margin), away from the header and footer."""
    middle = (box.top + box.bottom) / 2
    centre = (box.x0 + box.x1) / 2
    return (
        MIN_WIDTH * page.width <= box.width <= MAX_WIDTH * page.width
        and box.height <= max_height * page.height
        and box.width >= MIN_RATIO * box.height
        and abs(centre - page.width / 2) <= CENTRED * page.width
        and page.height * EDGE < middle < page.height * (1 - EDGE)
    )


def _place(box: Box) -> tuple[int, int, int]:
    return round(box.x0), round(box.top), round(box.width)
