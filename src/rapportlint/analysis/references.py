"""Lists of references: a bibliography's pages, told from a document's by their entries.

A report's bibliography often ends its body in English (authors, titles, venues), and some set
it after the annexes or under the annex chapter's title: read as text, its pages would pass for
English documents. A list of references dates nearly every entry, or links it, or keys it
("[14]", "[Chen et al. 1999]"); a press article or a datasheet dates itself once or twice a
page. The annex part's start (:mod:`rapportlint.analysis.annex_part`) and the role of each
annexed document (:mod:`rapportlint.analysis.annexes`) read them here.
"""

from __future__ import annotations

import itertools
import re

from rapportlint.model.document import TextLine

REFERENCE_LINE = re.compile(r"^\[[^\]]{1,40}\]|\b(?:19|20)[0-9]{2}\b|https?://|\bwww\.")
REFERENCE_SHARE = 0.35  # of a page's lines: a list of references (dates, links, "[Chen 1999]")
REFERENCE_MIN_LINES = 3  # the last few references, alone on the last page


def is_reference_list(lines: list[TextLine]) -> bool:
    """A page of references: many of its entries carry a year, a link or a "[Chen et al.
    1999]" key. A press article or a datasheet dates itself once or twice a page, not every
    third line. An entry is a line, or, in a list set with hanging indents (BibTeX's
    author-year styles), a line at the left edge with the indented lines under it: an entry
    wrapped over four lines dates itself once."""
    if len(lines) < REFERENCE_MIN_LINES:
        return False
    found = reference_entries(lines)
    cited = sum(1 for entry in found if REFERENCE_LINE.search(entry))
    return cited >= REFERENCE_SHARE * len(found)


HANGING_INDENT = 4.0  # points: a line further right than the left edge goes on an entry
ENTRY_MAX_LINES = 6  # a reference wraps over a few lines; a longer block is no entry


def reference_entries(lines: list[TextLine]) -> list[str]:
    """The page's entries, in order (see :func:`is_reference_list`); the lines before the first
    line at the edge end the entry the previous page began. A page whose lines all start at
    one edge, or whose paragraphs indent their first line, is read a line an entry; so is a
    page whose indented blocks are too long or too few to be entries (an RFC's figure under
    its section title)."""
    edge = min(line.box.x0 for line in lines)
    starts = [line.box.x0 <= edge + HANGING_INDENT for line in lines]
    entries: list[list[str]] = []
    for line, starts_an_entry in zip(lines, starts, strict=True):
        if starts_an_entry or not entries:
            entries.append([line.text])
        else:
            entries[-1].append(line.text)
    if (
        sum(starts) * 2 > len(lines)
        or len(entries) < REFERENCE_MIN_LINES
        or max(len(entry) for entry in entries) > ENTRY_MAX_LINES
    ):
        return [line.text for line in lines]
    return [" ".join(entry) for entry in entries]


def spaced_entries(lines: list[TextLine]) -> list[str] | None:
    """The entries of a list set apart by white space, each a few lines ("ReactJs
    Documentation:" over its link, a link wrapped over two lines), or None when the page is
    not set so (running text, paragraphs longer than an entry). The white space between two
    entries is read against the tightest one between two lines of the page, not against the
    letters' height: each producer boxes a line its own way."""
    ordered = sorted(lines, key=lambda line: line.box.top)
    gaps = [line.box.top - before.box.bottom for before, line in itertools.pairwise(ordered)]
    if not gaps:
        return None
    tightest = max(min(gaps), 0.5)
    apart = max(ENTRY_GAP_RATIO * tightest, tightest + ENTRY_GAP_MIN)
    entries: list[list[str]] = [[ordered[0].text]]
    for gap, line in zip(gaps, ordered[1:], strict=True):
        if gap > apart:
            entries.append([line.text])
        else:
            entries[-1].append(line.text)
    if len(entries) < REFERENCE_MIN_LINES or max(map(len, entries)) > SPACED_ENTRY_MAX_LINES:
        return None
    return [" ".join(entry) for entry in entries]


ENTRY_GAP_RATIO = 2.0  # white space between entries, against the tightest between two lines
ENTRY_GAP_MIN = 3.0  # points more than the tightest, at least
SPACED_ENTRY_MAX_LINES = 3  # a title and its link, wrapped once: a paragraph is longer
DOCUMENT_SHARE = 0.6  # of an annexed document's entries: the report's references
# What makes a dated line a reference and not a timeline, a changelog or a dated news list:
# a key, authors "et al.", a venue "In:", pages, a volume, a DOI, a link, an ISBN.
CITATION_FORM = re.compile(
    r"^\[[^\]]{1,40}\]|\bet al\b|\bdoi\b|\bin ?:|\bpp?\. ?[0-9]|\bvol\. ?[0-9]|\bproceedings\b"
    r"|https?://|\bisbn\b",
    re.I,
)
CITATION_MIN = 3  # entries shaped so
NUMBERED_ENTRY = re.compile(r"^\[([0-9]{1,3})\]")
NUMBERED_RUN = 3  # entries "[14]", "[15]", "[16]" opening a page: a numbered list goes on


def is_reference_document(pages: list[list[TextLine]]) -> bool:
    """An annexed "document" that is the report's own list of references (the text lines of
    each of its pages): most of its entries cite, a few of them in a citation's shape (a
    timeline or a changelog dates every line too, but cites nothing), or its first line is a numbered entry and
    the page's next numbered lines follow it ("[14] ...", "[15] ...": the list goes on from
    the page before, whatever follows it on the page, a glossary say). None of the English
    documents of the annex development pool (datasheets, manuals, articles, an RFC page)
    cites in more than a fifth of its entries, nor opens so."""
    kept = [lines for lines in pages if len(lines) >= REFERENCE_MIN_LINES]
    for read in (
        [reference_entries(lines) for lines in kept],
        [spaced_entries(lines) or reference_entries(lines) for lines in kept],
    ):
        found = [entry for page in read for entry in page]
        if not found:
            return False
        cited = sum(1 for entry in found if REFERENCE_LINE.search(entry))
        formed = sum(1 for entry in found if CITATION_FORM.search(entry))
        if cited >= DOCUMENT_SHARE * len(found) and formed >= CITATION_MIN:
            return True
    # The numbered lines of the first page, a wrapped entry's other lines aside.
    opening = pages[0] if pages else []
    if not opening or NUMBERED_ENTRY.match(opening[0].text) is None:
        return False
    numbers = [int(m.group(1)) for line in opening if (m := NUMBERED_ENTRY.match(line.text))]
    return numbers[:NUMBERED_RUN] == list(range(numbers[0], numbers[0] + NUMBERED_RUN))
