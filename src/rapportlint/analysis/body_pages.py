"""The body's pages as the content rules read them: text without page furniture or contents
lists, split into paragraphs, and where pictures stand.

Why a module of its own: the parts no title names (:mod:`rapportlint.analysis.unnamed`), the
conclusion found by its text (:mod:`rapportlint.analysis.closing`) and the parts a contents
list announces (:mod:`rapportlint.analysis.announced`) all read the same pages the same way.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from rapportlint.analysis.furniture import LineRef
from rapportlint.analysis.parts import Place
from rapportlint.model.document import Document, TextLine

USUAL_STEP_RANK = 4  # the step at a quarter of the sorted steps is the usual one
PARAGRAPH_STEP = 1.25  # a step to the next line this much wider than the usual opens a paragraph
INDENT_SIZES = (0.8, 4.0)  # a first-line indent, in font sizes (LaTeX's is 1.5 em)
FLUSH_TOLERANCE = 2.0  # points: a line this close to the margin starts at it


def _text_margins(placed: list[tuple[int, TextLine]]) -> dict[int, float]:
    """Each page's left margin: where most of its lines start."""
    starts: dict[int, Counter[int]] = {}
    for number, line in placed:
        starts.setdefault(number, Counter())[round(line.box.x0)] += 1
    return {number: float(count.most_common(1)[0][0]) for number, count in starts.items()}


SHORT_END = 2.0  # font sizes: a line ending this far before the right edge ends its paragraph
JUSTIFIED_SHARE = 0.6  # of a page's long lines ending at its right edge: the text is justified
FLUSH_RIGHT = 4.0  # points: a line ending this close to the right edge is flush with it
LONG_LINE = 40  # characters: shorter lines (titles, list items) say nothing of the justification
_SENTENCE_END = (".", "!", "?", ":", "»", ")")


def _right_edges(placed: list[tuple[int, TextLine]]) -> dict[int, float]:
    """Each page's right edge where its text is justified (most long lines end there), for
    telling a paragraph's short last line; none where lines end anywhere (ragged text)."""
    ends: dict[int, list[float]] = {}
    for number, line in placed:
        if len(line.text) >= LONG_LINE:
            ends.setdefault(number, []).append(line.box.x1)
    edges: dict[int, float] = {}
    for number, found in ends.items():
        edge = max(found)
        flush = sum(1 for x in found if edge - x <= FLUSH_RIGHT)
        if len(found) >= 4 and flush >= JUSTIFIED_SHARE * len(found):
            edges[number] = edge
    return edges


def _ends_short(previous: TextLine, edge: float | None) -> bool:
    """A justified page's line that ends a sentence well before the right edge: the last
    line of its paragraph (LaTeX with no indent and no space between paragraphs, or a
    student's forced line breaks, leave only this to tell them)."""
    if edge is None:
        return False
    ends_sentence = previous.text.rstrip().endswith(_SENTENCE_END)
    return ends_sentence and edge - previous.box.x1 > SHORT_END * previous.size


def _indented_under(line: TextLine, previous: TextLine, margin: float) -> bool:
    """A paragraph's first line, indented (by one to four font sizes, not centred) under a
    line that starts at the margin."""
    indent = line.box.x0 - margin
    flush = abs(previous.box.x0 - margin) <= FLUSH_TOLERANCE
    return flush and INDENT_SIZES[0] * line.size <= indent <= INDENT_SIZES[1] * line.size


@dataclass(frozen=True, slots=True)
class BodyPages:
    """The body's pages as the content rules read them: text without furniture or contents
    lists, and where pictures stand."""

    document: Document
    hidden: set[LineRef]
    last: int  # the body's last page

    def between(self, start: Place, stop: Place) -> str:
        """The text of the lines from one place (page, top) to another."""
        lines = []
        for number in range(start[0], min(stop[0], self.last) + 1):
            for line in self.lines(number):
                if start <= (number, line.box.top + 0.5) < stop:
                    lines.append(line.text)
        return "\n".join(lines)

    def paragraphs(self, start: Place, stop: Place) -> list[str]:
        """The paragraphs from one place to another (see :meth:`placed_paragraphs`)."""
        return [text for _, text in self.placed_paragraphs(start, stop)]

    def placed_paragraphs(self, start: Place, stop: Place) -> list[tuple[Place, str]]:
        """The paragraphs from one place to another, each with the place of its first line:
        lines split where the step from one line to the next is clearly wider than the text's
        usual step (or a page turns), or where a line is indented under a line flush with the
        text's margin (LaTeX and many Word styles mark a paragraph by its first-line indent,
        not by a wider step)."""
        placed = [
            (number, line)
            for number in range(start[0], min(stop[0], self.last) + 1)
            for line in self.lines(number)
            if start <= (number, line.box.top + 0.5) < stop
        ]
        steps = [
            b.box.top - a.box.top
            for (m, a), (n, b) in itertools.pairwise(placed)
            if m == n and b.box.top > a.box.top
        ]
        # The step inside a paragraph: the lower quartile of the steps, not their median,
        # which a list of one-line items spaced like paragraphs ("• Symfony 6", "• Git")
        # would make the paragraphs' own spacing.
        usual = sorted(steps)[len(steps) // USUAL_STEP_RANK] if steps else 0.0
        margins = _text_margins(placed)
        edges = _right_edges(placed)
        paragraphs: list[tuple[Place, list[str]]] = []
        for index, (number, line) in enumerate(placed):
            previous = placed[index - 1] if index else None
            if (
                previous is None
                or previous[0] != number
                or line.box.top - previous[1].box.top > PARAGRAPH_STEP * usual
                or _indented_under(line, previous[1], margins[number])
                or _ends_short(previous[1], edges.get(number))
            ):
                paragraphs.append(((number, line.box.top), []))
            paragraphs[-1][1].append(line.text)
        return [(place, " ".join(lines)) for place, lines in paragraphs]

    def lines(self, number: int) -> list[TextLine]:
        page = self.document.page(number)
        return [line for i, line in enumerate(page.lines) if (number, i) not in self.hidden]

    def text(self, number: int) -> str:
        return "\n".join(line.text for line in self.lines(number))

    def divider(self, number: int) -> bool:
        """A page with pictures and no text of its own: a title drawn as a picture."""
        return not self.lines(number) and bool(self.document.page(number).pictures)

    def picture_above_text(self, number: int) -> bool:
        """A picture stands above the page's first line of text (a title drawn as one)."""
        lines = self.lines(number)
        if not lines:
            return False
        first = min(line.box.top for line in lines)
        page = self.document.page(number)
        return any(
            box.bottom <= first + 2 and box.width >= 0.3 * page.width for box in page.pictures
        )
