"""Contents lists: their lines name the headings but are not the headings, and they say a lot.

A contents list is found wherever it stands (page 2, the last page, or above the first part on a
short report's first page), in three shapes:

- titled: "Sommaire", "Table des matières", "Contents"... then entries, until the first line that
  is no entry (a paragraph, or the first heading of the report when it shares the page);
- numbered: a page made mostly of lines ending with a page number ("Conclusion ....... 32");
- untitled: a run of short lines near the top of a page that name, in the same order, headings
  found later in the report ("I. L'organisme d'accueil", "II. Les missions confiées"...).

Its entries, with their indentation and printed page numbers, then confirm headings in the body
that typography alone would miss (a report whose headings are set like its text) and give their
levels.
"""

from __future__ import annotations

import difflib
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rapportlint.analysis.furniture import LineRef
from rapportlint.analysis.text import fold, heading_key, numbering_depth
from rapportlint.model.document import Document, TextLine

TOC_TITLE = re.compile(
    r"^(?:sommaire|table des matieres|table of contents|contents|plan(?: du rapport)?)"
    r"(?: (?:page|p\.) ?[0-9]{1,2})?$"  # "Sommaire page 2": a list whose pages are said so
)
# Leaders: dots, ellipses, underscores, or a run of hyphens ("Introduction -------- P5").
_LEADERS = re.compile(r"(?:\s*[.…·_]{3,}\s*|\s*…+\s*|\s*-{4,}\s*)")
# "Conclusion ..... 32", a page range "Présentation de l'application ..... 9-12", and the
# pages said in words "Journal de bord (pages 4 à 10)", "Présentation de Telkea page 6",
# "Activités réalisées page 7-8", "Introduction ------ P5".
_TRAILING_NUMBER = re.compile(
    r"(?:\s(?:pages?|p\.)\s?([0-9]{1,3})(?:\s?(?:[-–]|à)\s?[0-9]{1,3})?"
    r"|(?:(?<=[.…·_-]{2})|(?<=[.…·_-]{2}\s))p\.?\s?([0-9]{1,3})(?:\s?[-–]\s?[0-9]{1,3})?"
    r"|(?:\s|[.…·_])([0-9]{1,3}|[ivxlc]{1,6})(?:\s?[-–]\s?[0-9]{1,3})?"
    r"|\s\((?:pages?|p\.)\s*([0-9]{1,3})(?:\s*(?:à|a|-|–)\s*[0-9]{1,3})?\))$",
    re.I,
)
# Google Docs writes a zero-width space after a list item's page number ("4\u200b"): the line
# then ends with nothing visible, not with its number.
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
MAX_ENTRY_CHARS = 160
MIN_UNTITLED_RUN = 3
CHAPTER_TITLE_LINES = 3  # "Chapitre 1" and a title over two lines
CHAPTER_TITLE_RATIO = 1.5  # that much larger than the list's entries
WHOLE_PAGE = 0.6  # share of a page's lines in a list for the page to be a contents page
SIMILAR = 0.88  # difflib ratio above which two titles are the same (a typo, a colon)


@dataclass(slots=True)
class TocEntry:
    """One line of a contents list."""

    text: str  # the title as printed, leaders and page number removed
    key: str  # heading_key of the title
    printed_page: str | None
    page: int  # the page the list is on
    x0: float
    top: float = 0.0
    size: float = 0.0
    level: int = 1  # from indentation (1 = leftmost) or numbering
    ended: bool = False  # dot leaders end its line: the title is whole, with or without a page


@dataclass(slots=True)
class Contents:
    """Every contents list of a document."""

    entries: list[TocEntry] = field(default_factory=list)
    lines: set[LineRef] = field(default_factory=set)  # lines that belong to a list
    pages: set[int] = field(default_factory=set)  # pages holding a list
    whole_pages: set[int] = field(default_factory=set)  # pages that hold nothing else


@lru_cache(maxsize=16384)
def letters(key: str) -> str:
    """The letters of a key, for comparisons that ignore punctuation and spacing."""
    return re.sub(r"[^a-z0-9]", "", key)


def same_title(a: str, b: str) -> bool:
    """Two folded titles name the same heading (typos and punctuation aside)."""
    if not a or not b:
        return False
    la, lb = letters(a), letters(b)
    if la == lb:
        return bool(la)
    if min(len(la), len(lb)) < 8 or abs(len(la) - len(lb)) > max(3, len(la) // 8):
        return False
    matcher = difflib.SequenceMatcher(None, la, lb, autojunk=False)
    # The letters both share, counted, bound the ratio from above: most pairs stop there.
    return matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR


def _ends_with_number(text: str) -> bool:
    last = text[-1:]
    return last.isdigit() or (last != "" and last in "ivxlcIVXLC)")


def visible(text: str) -> str:
    """The line as it shows: zero-width characters out, spaces trimmed."""
    return _INVISIBLE.sub("", text).strip()


def split_entry(text: str, numbered_block: bool) -> tuple[str, str | None]:
    """(title, printed page number or None) of a contents line."""
    stripped = visible(text)
    found = _TRAILING_NUMBER.search(stripped) if _ends_with_number(stripped) else None
    if found and (numbered_block or _LEADERS.search(stripped) or not found.group(3)):
        title = _LEADERS.sub(" ", stripped[: found.start()]).strip(" .")
        # "Mission 2" alone is a title, not "Mission" on page 2.
        if title and not re.search(r"(?:mission|partie|chapitre|annexe|semaine)$", fold(title)):
            return title, next(page for page in found.groups() if page)
    return _LEADERS.sub(" ", stripped).strip(" ."), None


def _is_entry_like(line: TextLine) -> bool:
    text = visible(line.text)
    if not text or len(text) > MAX_ENTRY_CHARS:
        return False
    if _LEADERS.search(text) or _TRAILING_NUMBER.search(text):
        return True
    words = text.split()
    return len(words) <= 16 and not (text.endswith(".") and len(words) > 6)


def _content(
    document: Document, furniture: set[LineRef], number: int
) -> list[tuple[int, TextLine]]:
    page = document.page(number)
    return [(i, line) for i, line in enumerate(page.lines) if (number, i) not in furniture]


def _page_numbers(lines: list[TextLine]) -> list[int | None]:
    """The page number each line ends with, where its title has words (not a table row)."""
    numbers: list[int | None] = []
    for line in lines:
        if not visible(line.text)[-1:].isdigit():
            numbers.append(None)
            continue
        title, printed = split_entry(line.text, True)
        if printed is None or not printed.isdigit() or not re.search(r"[^\W\d_]{3,}", title):
            numbers.append(None)
        else:
            numbers.append(int(printed))
    return numbers


def _numbered_share(lines: list[TextLine]) -> float:
    """Share of lines that end with a page number, the numbers going up as in a contents list
    (a table of figures goes up too; a table of measurements does not)."""
    if len(lines) < 4:
        return 0.0
    numbers = [n for n in _page_numbers(lines) if n is not None]
    if len(numbers) < 4:
        return 0.0
    rising = sum(1 for a, b in itertools.pairwise(numbers) if b >= a)
    if rising < 0.8 * (len(numbers) - 1):
        return 0.0
    return len(numbers) / len(lines)


def _numbered_span(lines: list[tuple[int, TextLine]]) -> list[tuple[int, TextLine]]:
    """The lines from the first to the last one ending with a page number (the thanks above a
    contents list stay out of it)."""
    numbers = _page_numbers([line for _, line in lines])
    marked = [k for k, n in enumerate(numbers) if n is not None]
    return lines[marked[0] : marked[-1] + 1] if marked else []


def _leader_run(lines: list[tuple[int, TextLine]]) -> list[tuple[int, TextLine]] | None:
    """A run of lines with dot leaders and page numbers ("Introduction ....... 2"), even below
    other text on the page (contents under the thanks)."""
    best: list[tuple[int, TextLine]] = []
    run: list[tuple[int, TextLine]] = []
    for k, (index, line) in enumerate(lines):
        text = visible(line.text)
        if _leadered(text):
            run.append((index, line))
            continue
        if (
            run
            and _is_entry_like(line)
            and len(text.split()) <= 12
            and not text.endswith(".")
            and not _title_after_the_list(line, run, lines[k + 1 : k + 1 + TITLE_LINES])
        ):
            run.append((index, line))  # a title wrapped onto a second line, or a part title
            continue
        best, run = max(best, run, key=len), []
    best = max(best, run, key=len)
    leadered = sum(1 for _, line in best if _LEADERS.search(line.text))
    return best if leadered >= 3 else None


class _Echoes:
    """Short lines of the document by their letters, to find where a title comes back."""

    def __init__(self, document: Document, furniture: set[LineRef]) -> None:
        self.by_prefix: dict[str, list[tuple[int, int, str]]] = {}
        for page in document.pages:
            for index, line in enumerate(page.lines):
                if (page.number, index) in furniture or len(line.text) > 100:
                    continue
                key = heading_key(split_entry(line.text, False)[0])
                if len(letters(key)) >= 3:
                    self.by_prefix.setdefault(letters(key)[:4], []).append(
                        (page.number, index, key)
                    )

    def find(
        self, key: str, after: tuple[int, int], excluded: set[LineRef]
    ) -> tuple[int, int] | None:
        """The first line after ``after`` (page, index) with the same title."""
        for page, index, other in self.by_prefix.get(letters(key)[:4], []):
            if (page, index) > after and (page, index) not in excluded and same_title(key, other):
                return page, index
        return None


def find_contents(document: Document, furniture: set[LineRef]) -> Contents:
    """Every contents list of the document (see the module's docstring for the shapes)."""
    contents = Contents()
    blocks: dict[int, list[tuple[int, TextLine]]] = {}
    page_lines = {p.number: _content(document, furniture, p.number) for p in document.pages}
    previous_whole = False
    for page in document.pages:
        lines = page_lines[page.number]
        block = _titled_block(lines) if lines else None
        if block is None and lines:
            block = _leader_run(lines)
        if block is None and lines:
            share = _numbered_share([line for _, line in lines])
            if share >= 0.6 or (previous_whole and share >= 0.4):
                block = _numbered_span(lines)
        if block:
            blocks[page.number] = block
        previous_whole = bool(block) and len(block) >= WHOLE_PAGE * len(lines)
    # Untitled lists are told by their echoes, which must not be the lines of another list
    # (a contents at the end of the report repeats every heading).
    listed = {(n, i) for n, block in blocks.items() for i, _ in block}
    echoes = None
    for page in document.pages:
        if page.number not in blocks and _numbered_run(page_lines[page.number]):
            if echoes is None:
                echoes = _Echoes(document, furniture)
            block = _untitled_block(page_lines[page.number], echoes, page.number, listed)
            if block:
                blocks[page.number] = block
    for number in sorted(blocks):
        block, lines = blocks[number], page_lines[number]
        numbered = _numbered_share([line for _, line in block]) >= 0.3 or any(
            _LEADERS.search(line.text) for _, line in block
        )
        left: TextLine | None = None  # the page number set left of the last entry
        for position, (index, line) in enumerate(block):
            contents.lines.add((number, index))
            title, printed = split_entry(line.text, numbered)
            before = block[position - 1][1] if position else None
            if printed is None and before is not None and _page_to_the_left(before, line):
                printed, left = visible(before.text), before
            elif printed is None and left is not None and _page_to_the_left(left, line):
                # The title's second line, still beside its big page number: one entry.
                entry = contents.entries[-1]
                entry.text = f"{entry.text} {title}"
                entry.key = heading_key(entry.text)
                continue
            else:
                left = None
            key = heading_key(title)
            if printed is None:  # "INTRODUCTION 1" in a list without leaders
                key = re.sub(r"\s+[0-9]{1,3}$", "", key)
            if key and not TOC_TITLE.match(key) and any(ch.isalpha() for ch in key):
                contents.entries.append(
                    TocEntry(
                        title,
                        key,
                        printed,
                        number,
                        line.box.x0,
                        line.box.top,
                        line.size,
                        ended=bool(_LEADERS.search(line.text)),
                    )
                )
        contents.pages.add(number)
        if (
            len(block) >= WHOLE_PAGE * len(lines)
            and not _chapter_title_above(block, lines)
            and not _title_below(block, lines)
        ):
            contents.whole_pages.add(number)
    _join_wrapped(contents)
    _assign_levels(contents.entries)
    return contents


def _title_below(block: list[tuple[int, TextLine]], lines: list[tuple[int, TextLine]]) -> bool:
    """The report's first title under the list's last lines, set larger than every entry
    (Google Docs: the list's second page ends on five entries, then "Introduction" and its
    first section at the foot of the page): the page opens the body, it is no contents page.
    The list's own title ("Sommaire :" in the first chapter's size, Word's "2. Présentation
    de l'entreprise" alone at the page's foot) is no entry, and a second list's is no title."""
    last = block[-1][0]
    entries = [line for _, line in block if not TOC_TITLE.match(heading_key(line.text))]
    largest = max(line.size for line in entries or [line for _, line in block])
    return any(
        index > last
        and not TOC_TITLE.match(heading_key(line.text))
        and line.size >= TITLE_BELOW_RATIO * largest
        and len(line.text.split()) <= TITLE_BELOW_WORDS
        and not line.text.rstrip().endswith(".")
        and not _leadered(line.text)
        for index, line in lines
    )


TITLE_BELOW_RATIO = 1.2  # a title, not a note in the text's size one point above the entries
TITLE_BELOW_WORDS = 10


def _chapter_title_above(
    block: list[tuple[int, TextLine]], lines: list[tuple[int, TextLine]]
) -> bool:
    """A chapter's opening page: its title, set much larger than the list, above a contents
    list of its own sections ("Chapitre 1 / Introduction et Contexte", then "Plan" and the
    sections). The page opens a chapter; only the list is contents."""
    first = block[0][0]
    above = [line for index, line in lines if index < first]
    entry_size = statistics.median(line.size for _, line in block)
    return 0 < len(above) <= CHAPTER_TITLE_LINES and any(
        line.size >= CHAPTER_TITLE_RATIO * entry_size for line in above
    )


def _titled_block(lines: list[tuple[int, TextLine]]) -> list[tuple[int, TextLine]] | None:
    """The title line and the entries under it, or None if no contents title opens the page."""
    start = next(
        (k for k, (_, line) in enumerate(lines[:5]) if TOC_TITLE.match(heading_key(line.text))),
        None,
    )
    if start is None:
        return None
    block = [lines[start]]
    seen: list[str] = []
    for k, (index, line) in enumerate(lines[start + 1 :], start=start + 1):
        if not _is_entry_like(line) or _title_after_the_list(
            line, block[1:], lines[k + 1 : k + 1 + TITLE_LINES]
        ):
            break
        title, printed = split_entry(line.text, True)
        key = letters(fold(title))  # numbered: "2.2.1 Phase de test" and "3.2.1 ..." differ
        # The report's first heading under its own contents list: the list has ended. (Not
        # a title repeated with its leaders and page: each chapter's own "Introduction .... 10"
        # and "Conclusion .... 18" are entries; nor with its page set to its left, as design
        # tools set lists: "9  Qu'ai-je appris ?" under each situation.)
        if (
            key in seen
            and not (printed is not None and _LEADERS.search(line.text))
            and not _page_to_the_left(block[-1][1], line)
        ):
            break
        seen.append(key)
        block.append((index, line))
    if len(block) < 3 and len(lines) > len(block):
        return None  # "Plan" above two lines of text is no contents list
    return block


def _page_to_the_left(number: TextLine, title: TextLine) -> bool:
    """A page number alone on its line, on the title's row and to its left: Canva's and
    other design tools' contents lists set "10" in large type before "Bilan"."""
    return (
        _BARE_PAGE.fullmatch(visible(number.text)) is not None
        and number.box.x1 <= title.box.x0
        and number.box.top < title.box.bottom
        and title.box.top < number.box.bottom
    )


_BARE_PAGE = re.compile(r"[0-9]{1,3}")


FIRST_TITLE_SIZE = 1.0  # points larger than every entry
FIRST_TITLE_SPACE = 0.5  # space before a title, in its font size, beyond the list's widest step
TITLE_LINES = 2  # a title's lines, read past to see whether a list goes on under it


def _leadered(text: str) -> bool:
    """An entry with its dot leaders and page number ("Introduction ....... 2")."""
    return bool(_LEADERS.search(text)) and split_entry(text, True)[1] is not None


def _title_after_the_list(
    line: TextLine, entries: list[tuple[int, TextLine]], below: list[tuple[int, TextLine]]
) -> bool:
    """The report's first title on its contents list's page, under the list: no leaders nor
    page number, set larger than every entry, after the space a title takes above it (half
    its size at least) beyond the list's widest step, and no entry under it (Word's thanks,
    contents list and first chapter on one page, the chapter's title wrapping over two lines
    so that neither line repeats an entry). A wrapped entry's first line has no page number
    either, but stands at the list's step in the list's size; the title of a second list
    ("Liste des tableaux" under the list of figures) has its entries under it."""
    if len(entries) < 2 or _LEADERS.search(line.text) or _TRAILING_NUMBER.search(line.text):
        return False
    if line.size < max(entry.size for _, entry in entries) + FIRST_TITLE_SIZE:
        return False
    steps = [b.box.top - a.box.top for (_, a), (_, b) in itertools.pairwise(entries)]
    gap = line.box.top - entries[-1][1].box.top
    if gap < max(steps) + FIRST_TITLE_SPACE * line.size:
        return False
    return not any(_leadered(visible(after.text)) for _, after in below)


def _numbered_run(lines: list[tuple[int, TextLine]]) -> bool:
    """Three consecutive short numbered lines: the only shape an untitled list can have."""
    run = 0
    for _, line in lines[:60]:
        if len(line.text) <= 100 and numbering_depth(line.text) is not None:
            run += 1
            if run >= MIN_UNTITLED_RUN:
                return True
        else:
            run = 0
    return False


def _untitled_block(
    lines: list[tuple[int, TextLine]], echoes: _Echoes, page: int, listed: set[LineRef]
) -> list[tuple[int, TextLine]] | None:
    """Consecutive numbered short lines ("I. L'organisme d'accueil", "II. Les missions
    confiées"...) that name, in the same order, headings found further on."""
    run: list[tuple[int, TextLine]] = []
    last_echo = (page, -1)
    for index, line in lines[:60]:
        text = line.text.strip()
        found = None
        if (
            len(text) <= 100
            and not text.endswith((".", ",", ";"))
            and numbering_depth(text) is not None
        ):
            key = heading_key(split_entry(text, False)[0])
            if len(letters(key)) >= 4:
                found = echoes.find(key, (page, index), listed)
        if found is not None and (not run or found > last_echo):
            run.append((index, line))
            last_echo = found
            continue
        if len(run) >= MIN_UNTITLED_RUN:
            return run
        run, last_echo = [], (page, -1)
    return run if len(run) >= MIN_UNTITLED_RUN else None


def _join_wrapped(contents: Contents) -> None:
    """A long title wraps onto a second line: the first half has no page number (or, in a list
    without page numbers, the second half follows closely, in the same style and indent)."""
    joined: list[TocEntry] = []
    for entry in contents.entries:
        previous = joined[-1] if joined else None
        wrapped = (
            previous is not None
            and previous.printed_page is None
            and not previous.ended  # "CONCLUSION ......" then its section's entry
            and previous.page == entry.page
            and numbering_depth(entry.text) is None
            and not previous.text.endswith((":", "."))
        )
        numbered_list = any(e.printed_page for e in contents.entries if e.page == entry.page)
        if wrapped and (
            (numbered_list and entry.printed_page is not None and abs(entry.x0 - previous.x0) < 40)
            or (
                not numbered_list
                and abs(entry.x0 - previous.x0) < 3
                and abs(entry.size - previous.size) < 0.6
                and 0 < entry.top - previous.top <= 1.5 * entry.size
            )
        ):
            previous.text = f"{previous.text} {entry.text}"
            previous.key = heading_key(previous.text)
            previous.printed_page = entry.printed_page
            continue
        joined.append(entry)
    contents.entries = joined


def _assign_levels(entries: list[TocEntry]) -> None:
    """Indentation ranks (1 = leftmost) per list; numbering depth where indentation is flat."""
    by_page: dict[int, list[TocEntry]] = {}
    for entry in entries:
        by_page.setdefault(entry.page, []).append(entry)
    indents: Counter[int] = Counter(round(e.x0 / 6) for e in entries)
    ranks = {x: i + 1 for i, x in enumerate(sorted(x for x, n in indents.items() if n >= 1))}
    flat = len(ranks) <= 1
    for entry in entries:
        depth = numbering_depth(entry.text)
        entry.level = (depth or 1) if flat else max(ranks[round(entry.x0 / 6)], 1)
