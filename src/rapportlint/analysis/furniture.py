"""Page furniture: running headers and footers, page numbers; and the number printed on a page.

A footer that says "Rapport de stage - Présentation de l'entreprise" on every page is not a
heading, and "Page 3 sur 30" is not content. Furniture is a line in the top or bottom band of the
page whose shape (digits folded) comes back on many pages, or a page-number line. LaTeX's
footers stand a little higher (about 88 % of the page with the default margins): a line a little
above the bottom band is furniture when its shape comes back at the same height on many pages.
Not at the top: a chapter title repeated as a running header there (Canva) still opens its
chapter where it first stands. But a running header that names the chapter (Word's StyleRef
field, LaTeX's fancyhdr: "Chapitre 3 : Réalisation" at the top of each of its pages) is the
same text at the same height on page after page: there, every occurrence after the first is
furniture, so that the chapter is not announced again on each page. A running header that names
an annexed document ("Annexe 2 : Extrait de presse") is kept as content: it is what announces
the document.
"""

from __future__ import annotations

import re
from collections import Counter

from rapportlint.analysis.text import fold
from rapportlint.analysis.vocabulary import ANNEX_MARKER
from rapportlint.model.document import Document, Page, TextLine

BAND = 0.1  # top and bottom tenth of the page
WIDE_BAND = 0.15  # above the foot, where a line repeated at one height is still a footer
SAME_HEIGHT = 1.5  # points: a footer's baseline does not move from page to page
PAGE_NUMBER = re.compile(
    r"^(?:-\s*)?(?:page|p\.)?\s*[0-9ivxlc]+\s*(?:(?:/|sur|of|de)\s*[0-9]+)?(?:\s*-)?$"
)
_NUMBER_IN_FOOTER = re.compile(
    r"(?:^|\s|-|\|)(?:page\s*|p\.\s*)?([0-9]{1,3}|[ivxlc]{1,6})(?:\s*(?:/|sur|of|de)\s*[0-9]{1,3})?\s*-?$"
)

LineRef = tuple[int, int]  # (page number, line index)


def in_band(line: TextLine, page: Page) -> bool:
    middle = (line.box.top + line.box.bottom) / 2
    return middle < page.height * BAND or middle > page.height * (1 - BAND)


def _above_footer_band(line: TextLine, page: Page) -> bool:
    middle = (line.box.top + line.box.bottom) / 2
    return page.height * (1 - WIDE_BAND) < middle <= page.height * (1 - BAND)


def shape(text: str) -> str:
    return re.sub(r"[0-9]+", "#", fold(text))


def _height(line: TextLine) -> int:
    return round(line.box.top / SAME_HEIGHT)


def _repeat_threshold(document: Document) -> int:
    """On how many pages a line must come back to be a header or a footer: three, or three
    pages in ten of a longer report."""
    return max(3, int(0.3 * document.page_count))


def find_furniture(document: Document) -> set[LineRef]:
    """The (page, line index) pairs that are running headers, footers or page numbers."""
    counts: Counter[str] = Counter()
    placed: Counter[tuple[str, int]] = Counter()  # shape at one height, just above the foot
    text_size = _text_size(document)
    numbered_titles = _numbered_titles(document, text_size)
    for page in document.pages:
        counts.update({shape(line.text) for line in page.lines if in_band(line, page)})
        placed.update(
            {
                (shape(line.text), _height(line))
                for line in page.lines
                if _above_footer_band(line, page)
            }
        )
    repeat_threshold = _repeat_threshold(document)
    furniture: set[LineRef] = set()
    for page in document.pages:
        for index, line in enumerate(page.lines):
            if not (in_band(line, page) or _above_footer_band(line, page)):
                continue
            line_shape = shape(line.text)
            if ANNEX_MARKER.match(line_shape.replace("#", "1")):
                continue
            if in_band(line, page):
                repeated = counts[line_shape] >= repeat_threshold
                repeated = repeated and line_shape not in numbered_titles
                if repeated or PAGE_NUMBER.match(line_shape.replace("#", "1")):
                    furniture.add((page.number, index))
            elif placed[(line_shape, _height(line))] >= repeat_threshold:
                furniture.add((page.number, index))
    led = _headers_led_alike(document, text_size)
    return furniture | _running_titles(document, furniture) | led


TITLE_RATIO = 1.25  # of the size most characters are set in: a title's size, not a header's


def _numbered_titles(document: Document, text_size: float | None) -> set[str]:
    """Shapes of lines that number a series of titles at the top of their pages ("Situation
    professionnelle 1", "... 2", "... 3", or "Semaine 1" to "Semaine 4", each set as large
    as the chapters): a different number on each page and a size well above the text's. A
    running header or footer is set at the text's size or smaller, and its number, when it
    changes, is the page's. A line that is only a number ("12") stays a page number."""
    texts: dict[str, set[str]] = {}
    large: Counter[str] = Counter()
    if text_size is None:
        return set()
    for page in document.pages:
        for line in page.lines:
            if not in_band(line, page):
                continue
            line_shape = shape(line.text)
            if "#" not in line_shape or not re.search(r"[a-z]{3}", line_shape):
                continue
            texts.setdefault(line_shape, set()).add(fold(line.text))
            if line.size >= TITLE_RATIO * text_size:
                large[line_shape] += 1
    return {
        line_shape
        for line_shape, seen in texts.items()
        if len(seen) == large[line_shape] and len(seen) >= 2
    }


LEAD_WORDS = 3  # a running header's fixed words, before the chapter's name it goes on with


def _text_size(document: Document) -> float | None:
    """The size most characters are set in."""
    sizes: Counter[float] = Counter()
    for page in document.pages:
        for line in page.lines:
            sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else None


def _lead(text: str) -> str | None:
    """A header line's first words, when they can be fixed words: no number among them."""
    words = fold(text).split()
    if len(words) < LEAD_WORDS or any(c.isdigit() for c in " ".join(words[:LEAD_WORDS])):
        return None
    return " ".join(words[:LEAD_WORDS])


def _headers_led_alike(document: Document, text_size: float | None) -> set[LineRef]:
    """Top lines set no larger than the text that open on the same words at the same height
    on many pages, whatever follows: a LaTeX header that prints the report's title and then
    the current chapter's ("Amélioration et conception de workflows Bibliographie"), and the
    title alone on the pages that open a chapter. Each copy differs from the next, so the
    header rule, which counts identical lines, misses them; left as text, the copy above a
    chapter's title hides that the title opens its page. Numbers among the first words
    ("Semaine 2 du ...") and bold lines are titles, not headers."""
    if text_size is None:
        return set()
    led: dict[tuple[str, int], list[LineRef]] = {}
    for page in document.pages:
        for index, line in enumerate(page.lines):
            middle = (line.box.top + line.box.bottom) / 2
            if middle >= page.height * BAND or line.bold or line.size > text_size:
                continue
            lead = _lead(line.text)
            if lead is not None:
                refs = led.setdefault((lead, _height(line)), [])
                if not refs or refs[-1][0] != page.number:  # once per page
                    refs.append((page.number, index))
    threshold = _repeat_threshold(document)
    return {ref for refs in led.values() if len(refs) >= threshold for ref in refs}


RUN_PAGES = 3  # a running title comes back on at least this many pages in a row
RUN_GAP = 2  # pages in a row: one page without it (a full-page figure) does not end the run


def _running_titles(document: Document, furniture: set[LineRef]) -> set[LineRef]:
    """Lines at the top of pages that repeat the same words (numbers included: "Semaine 2" is
    not "Semaine 3") at the same height on :data:`RUN_PAGES` pages in a row or more: each
    occurrence but the first of each run, and the first too where the same words stand lower
    on its page (the title the header copies). Fewer pages than the header rule asks for (one
    chapter's pages, not the report's), hence in a row. The top here reaches down to
    :data:`WIDE_BAND`: LaTeX's fancyhdr, or a Word header set far from the edge, stands at
    11-12 % of an A4 page, under the band where a repeated line is always furniture."""
    seen: dict[tuple[str, int], list[LineRef]] = {}
    for page in document.pages:
        for index, line in enumerate(page.lines):
            middle = (line.box.top + line.box.bottom) / 2
            if middle >= page.height * WIDE_BAND or (page.number, index) in furniture:
                continue
            text = fold(line.text)
            if len(text) < 4 or ANNEX_MARKER.match(text):
                continue
            refs = seen.setdefault((text, _height(line)), [])
            if not refs or refs[-1][0] != page.number:  # once per page
                refs.append((page.number, index))
    running: set[LineRef] = set()
    for (text, _), refs in seen.items():
        run: list[LineRef] = []
        for ref in [*refs, (1 << 30, 0)]:  # a sentinel closes the last run
            if run and ref[0] - run[-1][0] > RUN_GAP:
                if len(run) >= RUN_PAGES:
                    running.update(run[1:])
                    if _titled_below(document.page(run[0][0]), run[0][1], text):
                        running.add(run[0])
                run = []
            run.append(ref)
    return running


def _titled_below(page: Page, index: int, text: str) -> bool:
    """The page where a run starts also sets the same words as a line of its own lower down:
    that is the chapter's title, and the copy above it is the header's."""
    return any(fold(line.text) == text for line in page.lines[index + 1 :])


def _roman(text: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total, previous = 0, 0
    for ch in reversed(text):
        value = values.get(ch)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total or None


def printed_numbers(document: Document, furniture: set[LineRef]) -> dict[int, str]:
    """The page number printed in each page's header or footer, where one is printed.

    A number counts only where the next or previous page prints the next or previous number
    (a footer "Page 12" beside "Page 13"), so that a year or a version in a running footer is
    not taken for a page number. Roman numbers (front matter) count the same way.
    """
    candidates: dict[int, list[tuple[int, str]]] = {}
    for page_number, index in furniture:
        text = fold(document.page(page_number).lines[index].text)
        found = _NUMBER_IN_FOOTER.search(text)
        if not found:
            continue
        raw = found.group(1)
        value = int(raw) if raw.isdigit() else _roman(raw)
        if value is not None:
            candidates.setdefault(page_number, []).append((value, raw))
    labels: dict[int, str] = {}
    for page_number, values in candidates.items():
        for value, raw in values:
            before = {v for v, _ in candidates.get(page_number - 1, [])}
            after = {v for v, _ in candidates.get(page_number + 1, [])}
            if value - 1 in before or value + 1 in after:
                labels[page_number] = raw
                break
    return labels
