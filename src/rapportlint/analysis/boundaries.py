"""Where one annexed document ends and the next begins, read from the pages themselves.

The outline is one cue among others: students merge documents with tools that drop bookmarks,
or retype them. So each page of the annex part is weighed against the page before it:

- **it starts a new document** when a separator or title page announced one, a bookmark or a new
  "Annexe N" label starts there, or the page changes format (size, scan against text): strong
  cues; or, weaker, when it opens with its own headline, looks different (main font and size,
  language), or follows a page whose text ended (it stops early, or ends on the previous
  document's source line);
- **it continues the previous one** when the document's own page number counts on ("2 of 3",
  "2/6", "Page 2"), when its running header or footer repeats the previous page's (a line of
  the document's own, like its title over every page), or when a sentence runs over the break
  (the page opens on a lower-case word).

Strong start cues decide; otherwise a continuation cue beats the weak start cues (a second page
opening with the section "Block Diagram" is no new document when it repeats the first page's
running title). The cue that decided is kept, for ``rapportlint pages`` to say it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapportlint.analysis.annexes import URL, content_lines, opens_on_annex_label
from rapportlint.analysis.furniture import LineRef
from rapportlint.analysis.language import UNDETERMINED, quick_language
from rapportlint.analysis.text import fold
from rapportlint.model.document import Page, TextLine

EDGE_ZONE = 0.1  # of the page height: where running headers and footers stand
RUNNING_MIN_WORDS = 6  # a repeated line this long is the document's own, not a site's name
ENDS_EARLY = 0.7  # of the page height: a page whose text stops above this is a document's last
HEADLINE_RATIO = 1.3
OTHER_SIZE = 1.5  # main text this many times larger (or smaller) than the page before's
OWN_NUMBER = re.compile(
    r"(?:\bpage\s*)?\b(\d{1,3})\s*(?:/|\bof\b|\bsur\b|\bde\b|\bvon\b)\s*(\d{1,3})\b|\bpage\s+(\d{1,3})\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Boundary:
    starts: bool
    cue: str  # machine code: "separator", "bookmark", "label", "format", "headline", "look",
    # "ended", "source", "page-number", "running-header", "sentence", "same-look"; the
    # annex part adds "labelled-run" (annex_part.py: a page between two labels in turn)


def weigh(
    previous: Page,
    page: Page,
    furniture: set[LineRef],
    strong_start: str | None,
    report_numbers: ReportNumbers,
) -> Boundary:
    """Whether ``page`` starts a new document after ``previous`` (see the module's docstring);
    ``strong_start`` is the strong cue the caller already found (a separator, a bookmark, a
    new label), or None."""
    if strong_start is not None:
        return Boundary(True, strong_start)
    if abs(previous.width - page.width) > 20 or abs(previous.height - page.height) > 20:
        return Boundary(True, "format")
    if previous.has_text != page.has_text or not page.has_text:
        return Boundary(True, "format")  # a scan beside a text page, or two scans in a row
    continued = continues(previous, page, furniture, report_numbers)
    if continued is not None:
        return Boundary(False, continued)
    lines = content_lines(page, furniture)
    if starts_with_headline(lines):
        return Boundary(True, "headline")
    if looks_different(previous, page, furniture):
        return Boundary(True, "look")
    if ends_early(previous, furniture):
        return Boundary(True, "ended")
    if ends_on_source(previous, furniture):
        return Boundary(True, "source")
    return Boundary(False, "same-look")


@dataclass(frozen=True, slots=True)
class ReportNumbers:
    """The report's own page numbering, which runs over its annexes too ("Page 25 sur 28"):
    no document's own numbering."""

    labels: dict[int, str]  # the number the report prints on each page
    page_count: int


def continues(
    previous: Page, page: Page, furniture: set[LineRef], report: ReportNumbers
) -> str | None:
    """Why ``page`` goes on with ``previous``'s document, or None."""
    before, now = own_number(previous, report), own_number(page, report)
    if (
        before is not None
        and now is not None
        and now[0] == before[0] + 1
        and (before[1] is None or before[1] == now[1])
    ):
        return "page-number"
    if _running_lines(previous, furniture) & _running_lines(page, furniture):
        return "running-header"
    lines = _opening_lines(page, furniture)
    if lines and _lower_start(lines[0].text):
        return "sentence"
    if _repeats_title(previous, page, furniture):
        return "running-header"
    return None


def _opening_lines(page: Page, furniture: set[LineRef]) -> list[TextLine]:
    """The page's own text from its top: the student's "Annexe N" label and a running header
    (small type in the header zone) left out."""
    lines = [line for line in content_lines(page, furniture) if not opens_on_annex_label(line.text)]
    if not lines:
        return []
    body = _body_size(lines)
    return [line for line in lines if not _header_line(line, page, body)]


def _header_line(line: TextLine, page: Page, body: float) -> bool:
    """A line of the page's header zone that is no text of the document: set smaller than
    its text, or a browser's print header (the address, the date and time)."""
    if line.box.bottom >= EDGE_ZONE * page.height:
        return False
    return (
        line.size < body - 0.5
        or bool(URL.search(line.text))
        or bool(re.match(r"^\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", line.text))
    )


def _repeats_title(previous: Page, page: Page, furniture: set[LineRef]) -> bool:
    """The page's header repeats the previous page's headline (a document's title over each of
    its pages, in small type)."""
    opening = _opening_lines(previous, furniture)
    if not opening:
        return False
    body = _body_size(opening)
    title = " ".join(line.text for line in opening[:3] if line.size >= HEADLINE_RATIO * body)
    key = _words(title)[:5]
    if len(key) < 4:
        return False
    return any(
        _words(line.text)[:5] == key
        for line in page.lines
        if line.box.bottom < EDGE_ZONE * page.height
    )


def _words(text: str) -> list[str]:
    return [word for word in re.split(r"\W+", fold(text)) if word.isalpha()]


def own_number(page: Page, report: ReportNumbers) -> tuple[int, int | None] | None:
    """The document's own page number printed in a header or footer: (2, 3) for "2 of 3" or
    "2/3", (2, None) for "Page 2"; not the report's numbering."""
    printed = report.labels.get(page.number)
    for line in page.lines:
        if not _in_edge(line, page):
            continue
        for found in OWN_NUMBER.finditer(line.text):
            if found.group(3):
                number, total = int(found.group(3)), None
            else:
                number, total = int(found.group(1)), int(found.group(2))
                if not 0 < number <= total:
                    continue
            if str(number) == printed or number == page.number or total == report.page_count:
                continue  # the report's own numbering
            return number, total
    return None


def _in_edge(line: TextLine, page: Page) -> bool:
    return line.box.bottom < EDGE_ZONE * page.height or line.box.top > (1 - EDGE_ZONE) * page.height


def _running_lines(page: Page, furniture: set[LineRef]) -> set[str]:
    """The long lines of a page's header and footer zones, numbers and dates left out. The
    report's own running header (furniture, on every page) and the student's "Annexe N" label
    are no lines of the document."""
    found = set()
    for index, line in enumerate(page.lines):
        if (
            not _in_edge(line, page)
            or (page.number, index) in furniture
            or opens_on_annex_label(line.text)
        ):
            continue
        key = re.sub(r"[0-9/:.,-]+", " ", fold(URL.sub(" ", line.text)))
        words = [word for word in key.split() if any(c.isalpha() for c in word)]
        if len(words) >= RUNNING_MIN_WORDS:
            found.add(" ".join(words))
    return found


def _lower_start(text: str) -> bool:
    stripped = text.lstrip(" «\"“'‘(-–—•")
    return bool(stripped) and stripped[0].isalpha() and stripped[0].islower()


def starts_with_headline(lines: list[TextLine]) -> bool:
    """An article or a document starts with a title larger than its text; a continued page
    starts with body text."""
    if not lines:
        return False
    body = _body_size(lines)
    return any(line.size >= HEADLINE_RATIO * body for line in lines[:3])


def _body_size(lines: list[TextLine]) -> int:
    sizes: Counter[int] = Counter()
    for line in lines:
        sizes[round(line.size)] += len(line.text)
    return sizes.most_common(1)[0][0]


def _signature(page: Page, furniture: set[LineRef]) -> tuple[str, float]:
    """The look of a page's text: its main font and size."""
    counter: Counter[tuple[str, float]] = Counter()
    for line in content_lines(page, furniture):
        counter[(line.font, round(line.size))] += len(line.text)
    return counter.most_common(1)[0][0] if counter else ("", 0.0)


def looks_different(previous: Page, page: Page, furniture: set[LineRef]) -> bool:
    """Another main font, the same one 1.5 times larger or smaller, or another language:
    another document. A datasheet's second page in the same font a size or two larger (tables and notes
    after a dense overview) goes on with the first."""
    (font_before, size_before), (font, size) = (
        _signature(previous, furniture),
        _signature(page, furniture),
    )
    if font != font_before or max(size, size_before) > OTHER_SIZE * min(size, size_before):
        return True
    before = quick_language("\n".join(line.text for line in content_lines(previous, furniture)))
    now = quick_language("\n".join(line.text for line in content_lines(page, furniture)))
    return UNDETERMINED not in (before, now) and before != now


def ends_early(page: Page, furniture: set[LineRef]) -> bool:
    """The page stops well above its foot, and not on a heading whose section was pushed to
    the next page: its document ended there (a document that goes on fills its page)."""
    lines = content_lines(page, furniture)
    if not lines:
        return False
    bottoms = [line.box.bottom for line in lines]
    bottoms += [box.bottom for box in page.pictures if box.area > 0]
    if max(bottoms) >= ENDS_EARLY * page.height:
        return False
    body = _body_size(lines)
    last = max(lines, key=lambda line: line.box.bottom)
    return not (last.bold or last.size >= 1.08 * body)


def ends_on_source(page: Page, furniture: set[LineRef]) -> bool:
    """The page's last line gives a source ("Source : https://..."): a retyped document ends
    there, the next page is another one."""
    lines = [line for line in content_lines(page, furniture) if not _in_edge(line, page)]
    if not lines:
        return False
    last = fold(lines[-1].text)
    return bool(re.match(r"^(?:source|sources|from|extrait de|d'apres|article)\s*:", last)) or (
        len(last.split()) <= 6 and bool(URL.search(last))
    )
