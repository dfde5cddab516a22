"""Headings: from the outline, from the contents list, and from typography.

Students set their headings in every way a word processor allows, so a heading is recognised by
the first cue that holds, and the cue is kept to explain the decision:

- ``outline``: a bookmark (placed on the page where its title really stands);
- ``contents``: a line that the contents list names ("1.1 Présentation du sujet" set like the
  text, found because the sommaire lists it);
- ``size``, ``bold``, ``capitals``, ``numbered``, ``colon``, ``font``: a short line set apart by
  its size, its weight (where the text is not bold itself), capitals, or, on a line that stands
  apart and names a part of the report, a number, a closing colon or the heading style's own
  font (one the text hardly uses: Word's "Calibri Light" over "Calibri").

A body sentence that happens to be short is not a heading: sentence-like lines (ending with a
full stop after several words, or long lines ending with a colon) need the contents list to be
taken. Canva and some templates split a heading over two lines, and LaTeX puts "Chapitre 1"
above the title: consecutive heading lines of one style are joined.

Levels: the contents list's indentation where it names the heading; otherwise the rank of the
style (size, weight) among heading styles, with numbering ("1.2" below "1.") inside one style.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapportlint.analysis.furniture import LineRef
from rapportlint.analysis.text import ORDINAL, ROMAN, composed, fold, heading_key, numbering_depth
from rapportlint.analysis.toc import Contents, TocEntry, letters, same_title, split_entry
from rapportlint.analysis.vocabulary import (
    CONCLUSION,
    INTRODUCTION,
    MATTER_KEYS,
    Match,
    classify,
    title_match,
)
from rapportlint.model.document import Document, TextLine
from rapportlint.model.fonts import font_family

MAX_WORDS = 14
MAX_CHARS = 120
SIZE_RATIO = 1.12
NUMBER_GAP = 0.75  # from a chapter's big number down to its title, in the number's size
LABEL_GAP = 3.0  # a chapter label's distance to its title, in the title's size
SAME_SIZE = 0.04  # relative difference under which two heading sizes are one style
CHAPTER_ONLY = re.compile(
    r"^(?:(?:partie|chapitre|part|chapter)(?:\s*[0-9]+|\s+[ivxlc]+)"
    r"|(?:premiere|deuxieme|seconde|troisieme|quatrieme|cinquieme|sixieme) partie"
    r"|part (?:one|two|three|four|five|six))\s*[:.\-–—]?$"
)
# LaTeX's chapter number set alone above the title ("4", "A" for an appendix).
_CHAPTER_NUMBER = re.compile(r"^(?:[0-9]{1,2}|[a-h]|[ivx]{1,4})[.:]?$")


def chapter_label(text: str) -> bool:
    """A line that only labels the title under it: "Chapitre 2", "Partie I", "Deuxième
    partie" (LaTeX's \\part), "4", "A"."""
    folded = fold(text)
    return bool(CHAPTER_ONLY.match(folded) or _CHAPTER_NUMBER.match(folded))


@dataclass(slots=True)
class BodyStyle:
    """How the report's running text is set, the reference every heading cue is measured by."""

    size: float
    bold: bool  # most of the text is bold ("Print to PDF" of a bold style): bold is no cue
    line_step: float  # usual distance between the tops of two lines of a paragraph
    # The font families other than the text's that set only a small share of the characters
    # (a heading style's font: Word's "Calibri Light" over "Calibri", Pages' "Carlito").
    minor_fonts: frozenset[str] = frozenset()


@dataclass(slots=True)
class Heading:
    """A heading of the report: where it is, how it looks, what it announces, and why it is one."""

    text: str
    page: int
    top: float
    size: float
    bold: bool
    level: int
    source: str  # "outline", "contents" or "typography"
    match: Match | None = None
    first_on_page: bool = False  # set by the report analysis, which knows the page furniture
    alone_on_page: bool = False  # a divider page: the title and nothing else (set there too)
    cue: str = ""  # what made it a heading: outline, contents, size, bold, capitals...
    lines: list[LineRef] = field(default_factory=list)
    toc_level: int | None = None  # its indentation level in the contents list, if listed

    @property
    def key(self) -> str | None:
        return self.match.key if self.match else None

    @property
    def matter(self) -> bool:
        """Titled as front or back matter or the annexes ("Remerciements", "Bibliographie")."""
        return self.key in MATTER_KEYS

    @property
    def plainly_matter(self) -> bool:
        """Named so by a strong wording ("Sommaire", not a title that only hints at it)."""
        return self.matter and self.match.rank == 2


# Typewriter families: the code a student pastes (Word's Consolas, LaTeX's cmtt), not the text
# (not Monotype Corsiva, a script).
MONOSPACE = re.compile(
    r"consolas|courier|mono(?!type)|menlo|monaco|inconsolata|firacode|sourcecode|cmtt"
)


def body_style(document: Document, furniture: set[LineRef]) -> BodyStyle:
    """The size most characters are set in, whether they are bold, and the paragraph line step.
    Code set in a typewriter font is left out when other text exists: a report of 45 pages
    of pasted Python in 9 pt Consolas is still written in 11 pt Aptos (its page 1, the
    introduction, was taken for a cover and its titles for text)."""
    weights: Counter[float] = Counter()
    code: Counter[float] = Counter()
    families: Counter[str] = Counter()
    bold_chars = total_chars = 0
    for page in document.pages:
        for index, line in enumerate(page.lines):
            if (page.number, index) not in furniture:
                family = font_family(line.font)
                counter = code if MONOSPACE.search(family) else weights
                counter[round(line.size * 2) / 2] += len(line.text)
                families[family] += len(line.text)
    weights = weights or code
    size = weights.most_common(1)[0][0] if weights else 11.0
    steps: list[float] = []
    for page in document.pages:
        previous: TextLine | None = None
        for index, line in enumerate(page.lines):
            if (page.number, index) in furniture or abs(line.size - size) > 0.6:
                previous = None
                continue
            total_chars += len(line.text)
            bold_chars += len(line.text) if line.bold else 0
            if previous is not None and 0 < line.box.top - previous.box.top < 3 * size:
                steps.append(line.box.top - previous.box.top)
            previous = line
    step = statistics.median(steps) if steps else size * 1.2
    font = families.most_common(1)[0][0] if families else ""
    characters = sum(families.values())
    minor = frozenset(
        family
        for family, count in families.items()
        if family and family != font and count < MINOR_FONT_SHARE * characters
    )
    return BodyStyle(
        size=size,
        bold=total_chars > 0 and bold_chars > 0.5 * total_chars,
        line_step=step,
        minor_fonts=minor,
    )


MINOR_FONT_SHARE = 0.25  # a heading style's font sets far fewer characters than the text's


def _sentence_like(text: str, words: int) -> bool:
    if text.endswith((",", ";")):
        return True
    if text.endswith(".") and not text.endswith("..") and words > 6:
        return True
    return text.endswith(":") and words > 10


@dataclass(slots=True)
class _Candidate:
    line: TextLine
    index: int
    cue: str


def _cue(
    line: TextLine,
    style: BodyStyle,
    gap_before: float,
    gap_after: float,
) -> str | None:
    """Why a line is a heading by its look alone, or None."""
    text = line.text.strip()
    words = len(text.split())
    if not (2 <= len(text) <= MAX_CHARS) or words > MAX_WORDS or not any(c.isalpha() for c in text):
        return None
    # "1 . Présentation de l'organisation Once Upon a Time." in the heading style: a numbered
    # line set larger than the text is a title even when the student ends it on a period.
    numbered_and_larger = numbering_depth(text) is not None and line.size >= style.size * SIZE_RATIO
    if _sentence_like(text, words) and not (numbered_and_larger and text.endswith(".")):
        return None
    if text[0].islower() and numbering_depth(text) is None:
        return None  # the end of a sentence begun on the line above
    size = style.size
    if line.size >= size * SIZE_RATIO:
        return "size"
    if line.bold and not style.bold and line.size >= size * 0.95:
        return "bold"
    if line.size < size * 0.95:
        return None
    match = classify(heading_key(text))
    named = match is not None
    if (
        named
        and match.strong  # "Présentation" alone (a paragraph's run-in title) is too little
        and words <= 10
        and gap_before >= 1.2 * style.line_step
        and font_family(line.font) in style.minor_fonts
    ):
        return "font"  # a part's name set apart in the heading style's own font
    alone = gap_before >= 1.35 * style.line_step and gap_after >= 1.1 * style.line_step
    letters_only = [c for c in text if c.isalpha()]
    capitals = len(letters_only) >= 4 and all(c.isupper() for c in letters_only)
    if capitals and words <= 10 and (alone or line.bold):
        return "capitals"
    if alone and named and numbering_depth(text) is not None:
        return "numbered"
    if alone and named and text.endswith(":") and words <= 10:
        return "colon"
    # "Conclusion" or "Introduction" on its own line under a blank, set like the text: the
    # part's name (the space after a heading is often no more than a line's).
    spaced = gap_before >= 1.35 * style.line_step
    if spaced and named and match.rank == 2 and words <= 3 and text[:1].isupper():
        return "alone"
    return None


def _divider_title(lines: list[tuple[int, TextLine]]) -> int | None:
    """The part's name on a divider page or slide ("4" and "CONCLUSION", nothing else): a
    heading whatever its size (a slide's body text is often larger than its dividers')."""
    if not 1 <= len(lines) <= DIVIDER_MAX_LINES:
        return None
    named = [
        index
        for index, line in lines
        if (match := classify(heading_key(line.text))) is not None and match.rank == 2
    ]
    others = [line for index, line in lines if index not in named]
    if len(named) != 1 or not all(DIVIDER_NUMBER.match(line.text.strip()) for line in others):
        return None
    return named[0]


DIVIDER_MAX_LINES = 2
DIVIDER_NUMBER = re.compile(r"^(?:[0-9]{1,2}|[IVX]{1,4})[.)]?$")
LONE_MAX_WORDS = 4


def _lone_line(line: TextLine, style: BodyStyle, gap_before: float, gap_after: float) -> bool:
    """A short line alone under a blank, set like the text, that a paragraph follows: the
    look of "Développement" between "Introduction" and "Conclusion" in a report whose titles
    are set like its text."""
    text = line.text.strip()
    words = len(text.split())
    return (
        0 < words <= LONE_MAX_WORDS
        and text[:1].isupper()
        and not text.endswith((".", ",", ";", ":", "!", "?"))
        and any(c.isalpha() for c in text)
        and abs(line.size - style.size) <= 0.6
        and gap_before >= 1.35 * style.line_step
        and gap_after < 1.35 * style.line_step
    )


def _set_like_named(
    headings: list[Heading], lone: list[tuple[int, int, TextLine]]
) -> list[Heading]:
    """The lone lines set exactly like a title the report names alone ("Introduction" and
    "Conclusion" found by the ``alone`` cue): its other titles, whatever their words."""
    named = [h for h in headings if h.cue == "alone"]
    if not named:
        return []
    looks = {(round(h.size, 1), h.bold) for h in named}
    found = []
    for number, index, line in lone:
        if (round(line.size, 1), line.bold) not in looks:
            continue
        found.append(
            Heading(
                text=line.text,
                page=number,
                top=line.box.top,
                size=line.size,
                bold=line.bold,
                level=0,
                source="typography",
                cue="alone-like",
                lines=[(number, index)],
            )
        )
    return found


def _gaps(lines: list[tuple[int, TextLine]], k: int, page_height: float) -> tuple[float, float]:
    line = lines[k][1]
    before = line.box.top - lines[k - 1][1].box.bottom if k > 0 else line.box.top
    after = lines[k + 1][1].box.top - line.box.bottom if k + 1 < len(lines) else page_height
    # Gaps between boxes; add the line's own height back so they compare with the line step.
    height = line.box.height
    return before + height, after + height


def _in_a_row(lines: list[tuple[int, TextLine]], k: int) -> bool:
    """The line shares its row with another one: a table cell ("Conclusion / Pérennisation"
    in a summary table), not a heading the contents list names."""
    line = lines[k][1]
    for other_k in (k - 1, k + 1):
        if 0 <= other_k < len(lines):
            other = lines[other_k][1]
            if abs(other.box.top - line.box.top) < 2 and other.box.x0 != line.box.x0:
                return True
    return False


BULLET = re.compile(r"^\s*[•●▪■➢➤►▸◆❖✓→·\u25a0-\u25ff]")
LIST_STEP = 2.0  # from one item of a list to the next (spaced like paragraphs), in line steps


def _bulleted_item(lines: list[tuple[int, TextLine]], k: int, step: float) -> bool:
    """The line is an item of a bulleted list: it opens with a bullet, and so does the line
    just above or below it, at the same indent. A title that opens with a bullet ("➢
    Présentation de l'entreprise") stands alone above its text."""
    line = lines[k][1]
    if not BULLET.match(line.text):
        return False
    for other_k in (k - 1, k + 1):
        if not 0 <= other_k < len(lines):
            continue
        other = lines[other_k][1]
        close = abs(other.box.top - line.box.top) <= LIST_STEP * max(step, line.size)
        if close and abs(other.box.x0 - line.box.x0) <= 2 and BULLET.match(other.text):
            return True
    return False


SENTENCE_GOES_ON = (",", ";")


def _ends_the_sentence_above(lines: list[tuple[int, TextLine]], k: int, style: BodyStyle) -> bool:
    """The line ends a sentence that the line just above it left open on a comma, one line
    step below it at the text's size: the last words of a paragraph, set in bold ("Des
    exemples de logiciels libres célèbres sont Mozilla Firefox, Mozilla Thunderbird," over
    "OpenOffice et VLC."), not a title. No title follows a comma at a line's step."""
    if k == 0:
        return False
    above, line = lines[k - 1][1], lines[k][1]
    step = line.box.top - above.box.top
    return (
        above.text.rstrip().endswith(SENTENCE_GOES_ON)
        and 0 < step <= 1.3 * max(style.line_step, line.size)
        and abs(above.size - line.size) < 0.6
    )


def _big_number(line: TextLine, style: BodyStyle) -> bool:
    """A chapter's number set alone and large above its title ("1" at 76 pt)."""
    return line.size >= style.size * SIZE_RATIO and bool(_CHAPTER_NUMBER.match(fold(line.text)))


# Sizes from one line's top to the next in a title set on two lines: Word's "1.5 lines"
# spacing in Arial puts a 25.6-point title's second line 44 points below its first.
TITLE_LINE_STEP = 1.8


def _continues(previous: TextLine, line: TextLine, text_so_far: str, step: float) -> bool:
    """Is ``line`` the second half of the heading that ``previous`` started?"""
    gap = line.box.top - previous.box.top
    if CHAPTER_ONLY.match(fold(text_so_far)):
        # LaTeX's "Chapitre 1" stands well above its title, set as large or larger.
        return gap <= max(previous.size, line.size) * LABEL_GAP and line.size >= previous.size
    if gap > max(previous.size, line.size) * TITLE_LINE_STEP + 2:
        return False
    same_style = abs(previous.size - line.size) < 0.6 and previous.bold == line.bold
    return (
        same_style
        and numbering_depth(line.text) is None
        and not text_so_far.endswith((".", ":"))
        and (abs(line.box.x0 - previous.box.x0) < 60 or _centred_alike(previous, line))
    )


CENTRE_TOLERANCE = 3.0  # points between the middles of two lines centred on one axis


def _centred_alike(previous: TextLine, line: TextLine) -> bool:
    """Two lines centred on one axis: a centred title's second line ("C. Politique de
    responsabilité sociétale du ministère des" over "Armées") starts far to the right of
    the first."""
    middle = (previous.box.x0 + previous.box.x1) / 2
    return abs((line.box.x0 + line.box.x1) / 2 - middle) <= CENTRE_TOLERANCE


def typographic_headings(
    document: Document,
    furniture: set[LineRef],
    contents: Contents,
    style: BodyStyle,
    skip_pages: set[int],
) -> list[Heading]:
    """Heading lines found by their look or by the contents list, joined when split."""
    entries = _EntryIndex(contents.entries)
    headings: list[Heading] = []
    lone: list[tuple[int, int, TextLine]] = []  # short lines alone between paragraphs
    for page in document.pages:
        if page.number in skip_pages:
            continue
        lines = [
            (i, line)
            for i, line in enumerate(page.lines)
            if (page.number, i) not in furniture and (page.number, i) not in contents.lines
        ]
        current: Heading | None = None
        previous_line: TextLine | None = None
        consumed = 0  # lines already joined to a title the contents list gives on one line
        divider = _divider_title(lines)
        number: TextLine | None = None  # a chapter's big number, above its title
        for k, (index, line) in enumerate(lines):
            if consumed:
                consumed -= 1
                continue
            label, number = number, None
            if _big_number(line, style):
                number = line
                current = previous_line = None
                continue
            before, after = _gaps(lines, k, page.height)
            cue = "divider" if index == divider else _cue(line, style, before, after)
            if cue in ("bold", "capitals") and _bulleted_item(lines, k, style.line_step):
                cue = None  # "• Symfony 6", "• Bootstrap 5": a list set in bold, no titles
            if cue in ("bold", "capitals") and _ends_the_sentence_above(lines, k, style):
                cue = None  # "... Mozilla Thunderbird," / "OpenOffice et VLC." in bold
            listed = None if _in_a_row(lines, k) else entries.find(line, lines[k + 1 : k + 3])
            if cue is None and listed is not None:
                cue = "contents"
            if cue is not None and _LEADERS_AT_THE_END.search(line.text):
                cue = listed = None  # "CONCLUSION ........ 57": a contents entry, no title
            if (
                cue is None
                and current is not None
                and previous_line is not None
                and current.cue in ("size", "bold", "capitals")
                and len(line.text.split()) <= 6
                and _continues(previous_line, line, current.text, style.line_step)
            ):
                cue = current.cue  # "Présentation de" / "l'entreprise": the title goes on
            if cue is None:
                if _lone_line(line, style, before, after):
                    lone.append((page.number, index, line))
                current = previous_line = None
                continue
            if (
                current is not None
                and previous_line is not None
                and (listed is None or CHAPTER_ONLY.match(fold(current.text)))
                and _continues(previous_line, line, current.text, style.line_step)
            ):
                current.text = f"{current.text} {composed(line.text)}"
                current.size = max(current.size, line.size)
                current.lines.append((page.number, index))
                if listed is not None:  # "Chapitre 1" over the title the contents list gives
                    current.toc_level = listed.level
                previous_line = line
                continue
            text = composed(line.text)
            if label is not None and line.box.top - label.box.bottom <= NUMBER_GAP * label.size:
                text = f"{label.text.strip()} {text}"  # "1" over "Étude des données"
            current = Heading(
                text=text,
                page=page.number,
                top=line.box.top,
                size=line.size,
                bold=line.bold,
                level=0,
                source="contents" if cue == "contents" else "typography",
                cue=cue,
                lines=[(page.number, index)],
                toc_level=listed.level if listed is not None else None,
            )
            headings.append(current)
            previous_line = line
            if listed is not None and listed.wraps > 0:
                # the rest of a title the contents list gives on one line
                for extra in range(1, listed.wraps + 1):
                    if k + extra < len(lines):
                        extra_index, extra_line = lines[k + extra]
                        current.text = f"{current.text} {composed(extra_line.text)}"
                        current.lines.append((page.number, extra_index))
                consumed = listed.wraps
                current, previous_line = None, None
    headings.extend(_set_like_named(headings, lone))
    headings.sort(key=lambda h: (h.page, h.top))
    for heading in headings:
        heading.match = title_match(heading.text)
    _assign_levels(headings, style)
    _align_numbered_parts(headings)
    return headings


@dataclass(slots=True)
class _Listed:
    level: int
    wraps: int  # how many following lines complete the title


CAPTION = re.compile(
    r"^(?:figure|fig\.|tableau|table|illustration|image|photo|capture|graphique|schema|annexe)"
    r"\s*(?:n°)?\s*[0-9ivx]+\b"
)


class _EntryIndex:
    """The contents entries by their letters, to tell whether a body line is a listed title.
    A list of figures names captions, and a list of annexes names annexes: not headings."""

    def __init__(self, entries: list[TocEntry]) -> None:
        self.by_prefix: dict[str, list[TocEntry]] = {}
        for entry in entries:
            if len(letters(entry.key)) >= 3 and not CAPTION.match(fold(entry.text)):
                self.by_prefix.setdefault(letters(entry.key)[:4], []).append(entry)

    def find(self, line: TextLine, following: list[tuple[int, TextLine]]) -> _Listed | None:
        if not self.by_prefix or len(line.text) > MAX_CHARS or _sentence_tail(line.text):
            return None
        key = heading_key(line.text)
        candidates = self.by_prefix.get(letters(key)[:4])
        if not candidates:
            return None
        for entry in candidates:
            if same_title(key, entry.key):
                return _Listed(entry.level, 0)
        # A title the list gives on one line, set on two (or three) in the body.
        joined = key
        for wraps, (_, extra) in enumerate(following, start=1):
            joined = f"{joined} {heading_key(extra.text)}"
            for entry in candidates:
                if same_title(joined, entry.key):
                    return _Listed(entry.level, wraps)
        return None


def _sentence_tail(text: str) -> bool:
    """The end of a sentence wrapped onto its own line ("entreprise." of "... effectuer un
    stage en / entreprise."): it may repeat a one-word entry ("Entreprise : page 2"), it is
    no title."""
    stripped = text.strip()
    return stripped[:1].islower() and stripped.endswith(".")


def size_classes(sizes: Iterable[float]) -> dict[float, int]:
    """Each size (to a tenth of a point) -> the rank of its class, 1 for the largest.

    Sizes within :data:`SAME_SIZE` of a class's largest are one class: an exporter that
    scales one heading's glyphs (Google Docs set "Mes tâches" at 24.7 pt among titles at
    24 pt) has not made it a level of its own, while the steps between styles (Word's 16,
    13 and 12 pt, LaTeX's 17.3 and 14.4 pt) are all wider than that."""
    ranks: dict[float, int] = {}
    rank, top = 0, 0.0
    for size in sorted({round(s, 1) for s in sizes}, reverse=True):
        if rank == 0 or size < top * (1 - SAME_SIZE):
            rank, top = rank + 1, size
        ranks[size] = rank
    return ranks


def _assign_levels(headings: list[Heading], style: BodyStyle) -> None:
    """Level 1 is the largest style. Within one size the numbering decides: its kind in the
    French order (Partie, then I., then A., then 1., then a.) and then its depth ("1.2" below
    "1."); an unnumbered heading ("Introduction") sits with the top numbers of its size.

    Where typography cannot tell levels apart at all (every heading set alike), the contents
    list's indentation decides, and headings it does not list come below its levels."""
    body_size = style.size
    rank = size_classes(h.size for h in headings if h.size >= body_size * SIZE_RATIO)
    lowest = max(rank.values(), default=0) + 1

    def size_rank(h: Heading) -> int:
        return rank.get(round(h.size, 1), lowest)

    kinds_by_size: dict[int, set[int]] = {}
    numbered: list[tuple[int, tuple[int, int]]] = []
    for heading in headings:
        numbering = numbering_kind(heading.text)
        if numbering is not None:
            kinds_by_size.setdefault(size_rank(heading), set()).add(numbering[0])
            numbered.append((size_rank(heading), numbering))
    # The depth of a size's top numbers: "1.1" where LaTeX sets sections. An unnumbered title
    # set like them (each chapter's "Introduction" and "Conclusion", a "Mots-clés") sits
    # beside them, not above them; a chapter's title carries its number ("Chapitre 2",
    # or the big "2" above it, joined to it).
    top_depth: dict[int, int] = {}
    for size, (kind, depth) in numbered:
        if kind == min(kinds_by_size[size]):
            top_depth[size] = min(depth, top_depth.get(size, depth))

    def typographic(h: Heading) -> tuple[int, int, int]:
        numbering = numbering_kind(h.text)
        present = sorted(kinds_by_size.get(size_rank(h), set()))
        if numbering is None:
            return size_rank(h), 0, top_depth.get(size_rank(h), 1)
        return size_rank(h), present.index(numbering[0]), numbering[1]

    keys = {id(h): typographic(h) for h in headings}
    dense = {key: i + 1 for i, key in enumerate(sorted(set(keys.values())))}
    listed = [h for h in headings if h.toc_level is not None]
    flat = len(set(keys.values())) <= 1
    deepest = max((h.toc_level for h in listed), default=0)
    for heading in headings:
        if flat and heading.toc_level is not None:
            heading.level = heading.toc_level
        elif flat and listed:
            heading.level = deepest + 1
        else:
            heading.level = dense[keys[id(heading)]]


_KIND_PATTERNS = (
    (0, re.compile(rf"^(?:partie|part|chapitre|chapter)(?:\s+\S+|[0-9])|^{ORDINAL}\s+partie\b")),
    (1, re.compile(rf"^{ROMAN}\s*[.)\-–—/]\s*\S")),
    (2, re.compile(r"^[A-H]\s*[.)\-–—/]\s*\S")),
    (4, re.compile(r"^[a-h]\s*[.)]\s*\S")),
)


_PART_NUMBER = re.compile(
    r"^\s*(?:(?:partie|chapitre|part|chapter)\s+|(?:partie|chapitre|part|chapter)(?=[0-9]))?"
    r"([0-9]{1,2}|[ivxlc]{1,6})\b"
)
CHAIN_MIN = 3  # parts numbered 1, 2, 3 at least
CHAIN_MIN_PAGES = 3  # over three pages at least: a numbered list of steps stays on one or two


def _part_number(text: str) -> int | None:
    """The number of a top part: 2 for "2. Titre", "II - Titre", "Partie 2 :"."""
    found = _PART_NUMBER.match(fold(text))
    if not found:
        return None
    token = found.group(1)
    if token.isdigit():
        return int(token)
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for a, b in zip(token, [*token[1:], ""], strict=True):
        value = values[a]
        total += -value if b and values[b] > value else value
    return total


def _align_numbered_parts(headings: list[Heading]) -> None:
    """Top parts numbered in sequence (1, 2, 3...; I, II, III; Partie 1, 2) are one level,
    whatever sizes the student gave them: "2. Présentation de l'entreprise" set in 18 pt
    between an introduction in 26 pt and "4) Présentation de l'application" in 20 pt is still
    the second part. The chain takes the level of the highest of them, or of the report's
    introduction or conclusion when those stand above it (the first part of the sequence)."""
    numbered: list[tuple[Heading, int, int]] = []
    # A title repeated at the top of its chapter's pages counts once, where it stands highest.
    highest: dict[str, int] = {}
    for heading in headings:
        key = heading_key(heading.text)
        highest[key] = min(heading.level, highest.get(key, heading.level))
    # The kinds of numbering the report's titles use, repeats included: "I. Présentation du
    # cadre de l'étude" under the divider page that says the same in capitals is the chapter's
    # number, and the "1." to "7." under it are its sections.
    kinds_used: set[int] = set()
    for heading in headings:
        kind = numbering_kind(heading.text)
        value = _part_number(heading.text)
        if kind is None or kind[1] != 1 or kind[0] not in (0, 1, 3) or value is None:
            continue
        if len(heading.text.split()) > MAX_WORDS:
            continue
        kinds_used.add(kind[0])
        if heading.level > highest[heading_key(heading.text)]:
            continue
        numbered.append((heading, kind[0], value))
    chains: list[list[int]] = []
    for i, (_, kind, value) in enumerate(numbered):
        # The previous number's most prominent title (not a footer naming the chapter),
        # the nearest of them.
        before = [j for j in range(i) if numbered[j][1] == kind and numbered[j][2] == value - 1]
        best_before = min(before, key=lambda j: (numbered[j][0].level, -j), default=None)
        chains.append([i] if best_before is None else [*chains[best_before], i])
    # Of the chains long enough, the one of the highest numbering ("Chapitre I" to "IV" over
    # each chapter's "1." to "4."), then the longest.
    whole = [
        chain
        for chain in chains
        if len(chain) >= CHAIN_MIN and len({numbered[i][0].page for i in chain}) >= CHAIN_MIN_PAGES
    ]
    if not whole:
        return
    best = min(whole, key=lambda chain: (numbered[chain[0]][1], -len(chain)))
    members = [numbered[i][0] for i in best]
    kind = numbered[best[0]][1]
    if any(other_kind < kind for other_kind in kinds_used):
        return  # "1.", "2." under "I.", "II." or "Chapitre 1": sections of a part, not parts
    level = min(h.level for h in members)
    if any(_lettered_above(h, kind, level) for h in headings):
        return  # "2. Sous-tâches" in 14 pt under "D. Description du travail" in 20 pt
    first, last = (members[0].page, members[0].top), (members[-1].page, members[-1].top)
    named = [
        h
        for h in headings
        if h.match is not None and h.match.rank == 2 and h.key in (INTRODUCTION, CONCLUSION)
    ]
    above = [h.level for h in named if h.level < level]
    if len({h.level for h in members}) > 1:
        level = min([level, *above])
    elif not (
        any(h.key == INTRODUCTION and (h.page, h.top) < first for h in named if h.level < level)
        and any(h.key == CONCLUSION and (h.page, h.top) > last for h in named if h.level < level)
    ):
        # One style, below nothing: the chain is where the student put it; unless its own
        # sections are set above it.
        _sections_below_their_chapters(headings, members, kind, level)
        return
    else:
        # "Introduction", then "I -", "II -", "III -" set smaller, then "Conclusion": the
        # numbered parts are the introduction's siblings, not its children.
        level = min(above)
    for heading in members:
        heading.level = level
    # A level the chain emptied ("Chapitre II" to "IV" set in 16 pt, between "Chapitre I" in
    # 22 pt and the sections in 14 pt) leaves no gap: the sections are the next level.
    _close_level_gaps(headings)


def _lettered_above(heading: Heading, kind: int, level: int) -> bool:
    """A lettered title ("A.", "D -") set above a chain of numbers: the letters are the
    report's parts and the numbers their sections. Set below the numbers ("1. Présentation"
    over its "A. Historique"), the letters are the sections."""
    found = numbering_kind(heading.text)
    return found is not None and found[0] == 2 and found[0] < kind and heading.level < level


def _close_level_gaps(headings: list[Heading]) -> None:
    """Levels numbered 1, 2, 3... again, in order, once some were emptied or moved."""
    ranks = {old: new for new, old in enumerate(sorted({h.level for h in headings}), start=1)}
    for heading in headings:
        heading.level = ranks[heading.level]


def _sections_below_their_chapters(
    headings: list[Heading], chapters: list[Heading], kind: int, level: int
) -> None:
    """ "V. Activités effectuées" in 12 pt bold, its "A. Préparation d'un ordinateur" in
    14 pt: a student who set the sections larger than the chapters. The numbering says which
    is which (I over A over 1): a section numbered below the chapters' kind ("A.", "1."),
    inside the chapters' run and set at or above their level, goes under them."""
    if kind not in (0, 1):
        return
    first = (chapters[0].page, chapters[0].top)
    inverted = [
        (h, found[0])
        for h in headings
        if (h.page, h.top) > first
        and h.level <= level
        and h not in chapters
        and (found := numbering_kind(h.text)) is not None
        and found[0] in (2, 3)
    ]
    if len(inverted) < CHAIN_MIN:
        return
    for heading in headings:
        if heading.level > level:
            heading.level += 2
    for heading, section_kind in inverted:
        heading.level = level + 1 + (section_kind == 3)  # "A." under "I.", "1." under "A."
    _close_level_gaps(headings)


def numbering_kind(text: str) -> tuple[int, int] | None:
    """(kind, depth) of a heading's number: kind 0 "Partie 2", 1 "II.", 2 "B.", 3 "1." or
    "1.2" (depth 2), 4 "b)"; None when unnumbered."""
    depth = numbering_depth(text)
    if depth is None:
        return None
    stripped = text.strip()
    folded = fold(stripped)
    for kind, pattern in _KIND_PATTERNS:
        subject = stripped if kind in (2, 4) else folded
        if pattern.match(subject):
            return kind, 1
    return 3, depth


# Dot leaders as a contents list draws them (a lone "…" is a title's own ellipsis).
CONTENTS_LEADERS = re.compile(r"[.…·_]{3,}|…{2,}")
# Leaders that end the line, before a page number or none (its number set apart): a
# contents entry ("CONCLUSION ............ 57", "DÉPLOIEMENT ......"), which no title is.
_LEADERS_AT_THE_END = re.compile(
    r"(?:[.…·_]\s?){5,}\s*(?:[0-9]{1,3}|[ivxlc]{1,6}|[IVXLC]{1,6})?\s*$"
)


# Words that cannot end a title nor make one alone: a bookmark made of them is a torn piece.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "d",
        "dans",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "ou",
        "par",
        "pour",
        "sur",
        "un",
        "une",
    ]
)
_BARE_NUMBER = re.compile(r"^(?:[0-9]+[.)]?)+$")
TORN_MIN = 5  # torn pieces, at least,
TORN_SHARE = 0.2  # and this share of the bookmarks: the outline is not the report's plan
PARAGRAPH_WORDS = 25  # a bookmark longer than this is a paragraph, no title


def _torn_piece(title: str) -> bool:
    """A bookmark no heading style made: a bare number ("2.1."), a function word ("DE",
    "et"), a phrase cut after one ("la mission et", "enjeux pour"), a whole paragraph."""
    words = fold(title).replace("'", " ").split()
    if not words or len(words) > PARAGRAPH_WORDS:
        return True
    if all(_BARE_NUMBER.match(w) or w in FUNCTION_WORDS for w in words):
        return True
    return len(words) <= 4 and words[-1] in FUNCTION_WORDS


def torn_outline(titles: list[str]) -> bool:
    """Whether the bookmarks are a design tool's text boxes rather than the report's plan:
    Canva bookmarks each box of a title it split ("1.", "ANALYSE", "DE", "L'EXISTANT",
    "ET"), the end of a line ("la mission et"), whole paragraphs. None of the real reports'
    outlines has more than one such piece; the typography is read instead."""
    titles = [title for title in titles if title.strip()]  # Google Docs bookmarks blanks
    torn = sum(1 for title in titles if _torn_piece(title))
    return torn >= TORN_MIN and torn >= TORN_SHARE * len(titles)


def outline_headings(document: Document) -> list[Heading]:
    """Bookmarks as headings, placed at the line that carries their title.

    A bookmark may point a page early (LaTeX's pdfpages anchors "Annexe 2" on the page before
    the inserted one): when the title is not on the target page but on one of the next three,
    the heading is placed there.
    """
    headings: list[Heading] = []
    for entry in document.outline:
        if entry.page is None or not entry.title.strip():
            continue
        if CONTENTS_LEADERS.search(entry.title) and split_entry(entry.title, False)[1]:
            # "3. Présentation de l'entreprise ………… 4 - 5": a line of the contents list that
            # Google Docs bookmarked with the headings (its style was a heading's).
            continue
        wanted = heading_key(entry.title)
        page_number, place = entry.page, None
        for candidate in range(entry.page, min(entry.page + 3, document.page_count) + 1):
            place = _find_title(document, candidate, wanted)
            if place is not None:
                page_number = candidate
                break
        top, size, bold, index = place if place is not None else (0.0, 0.0, False, None)
        headings.append(
            Heading(
                text=entry.title,
                page=page_number,
                top=top,
                size=size,
                bold=bold,
                level=entry.level + 1,
                source="outline",
                match=title_match(entry.title),
                cue="outline",
                lines=[(page_number, index)] if index is not None else [],
            )
        )
    return headings


def _find_title(
    document: Document, number: int, wanted: str
) -> tuple[float, float, bool, int] | None:
    for index, line in enumerate(document.page(number).lines):
        key = heading_key(line.text)
        if key and (key == wanted or (len(key) > 3 and wanted.startswith(key))):
            return line.box.top, line.size, line.bold, index
    wanted_letters = letters(wanted)
    for index, line in enumerate(document.page(number).lines):
        if len(line.text) <= MAX_CHARS and same_title(heading_key(line.text), wanted):
            return line.box.top, line.size, line.bold, index
    if not wanted_letters:
        return None
    return None
