"""The report's top-level parts, each with its text's content profile.

A part is the stretch of the body between one main heading and the next (the level of the
report's top parts, see :func:`rapportlint.analysis.sections.main_level`). Headings that are no
part titles are left out first: a body sentence a student set in a heading style or bookmarked
("c'est ticket là sont la plupart..."), a figure or table caption, and the same title repeated
at the top of each page of its chapter (a running chapter title, as Canva and some templates
do), which continues its part rather than starting a new one.

What each part says (:mod:`rapportlint.analysis.content`) is read from its own lines, from its
heading down to the next part's heading, without page furniture and contents lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapportlint.analysis.content import ContentProfile, profile
from rapportlint.analysis.headings import Heading
from rapportlint.analysis.text import fold, heading_key, numbering_depth
from rapportlint.analysis.vocabulary import FRONT, Match, without_ambiguous_host_word

PART_MAX_WORDS = 16
FILE_NAME = re.compile(r"\.(?:pdf|docx?|odt|pptx?|png|jpe?g)$", re.I)
LONGEST_WORD = 30
# The bookmarks PowerPoint and Keynote give each slide: a number, never a title.
SLIDE_BOOKMARK = re.compile(r"^(?:diapositive|slide|diapo)\s*[0-9]+$")
CAPTION = re.compile(
    r"^(?:figure|fig\.|tableau|table|illustration|image|photo|capture|graphique|schema)\b"
)

# Where a part's text starts and stops: (page, top of the line) pairs.
Place = tuple[int, float]
TextBetween = Callable[[Place, Place], str]


@dataclass(frozen=True, slots=True)
class Part:
    """One top-level part of the body: its heading, where it runs, and what it talks about."""

    title: str
    page: int
    top: float
    end_page: int
    level: int
    heading: Heading
    profile: ContentProfile
    share: float  # of the body's words

    @property
    def match(self) -> Match | None:
        return self.heading.match

    @property
    def key(self) -> str | None:
        return self.heading.key

    @property
    def matter(self) -> bool:
        """Front or back matter, or the annexes: thanks, contents, glossary, bibliography."""
        return self.heading.matter


def is_part_title(heading: Heading) -> bool:
    """A heading that can open a part: a title, not a sentence nor a caption."""
    text = heading.text.strip()
    words = len([w for w in text.split() if any(c.isalpha() for c in w)])
    if not text or words > PART_MAX_WORDS or not any(c.isalpha() for c in text):
        return False
    if text[0].islower() and not re.match(r"^[ivxlc]+\s*[.)\-–—/]", text):
        return False  # the rest of a sentence
    if text.endswith((",", ";")) or (text.endswith(".") and not text.endswith("..") and words > 6):
        return False
    if FILE_NAME.search(text) or max(len(word) for word in text.split()) > LONGEST_WORD:
        return False  # a merge tool's bookmark named after a file ("66ae87f2....pdf")
    return not (CAPTION.match(fold(text)) or SLIDE_BOOKMARK.match(fold(text)))


def _chapters_out_of_front_matter(
    starts: list[Heading], headings: list[Heading], main: int, last_body_page: int
) -> list[Heading]:
    """Front matter holds no chapter: a numbered chapter title set below a front title
    ("Résumé du rapport" as large as the part titles, then "1 Le projet" a size down) starts
    a part of its own, where the front matter ends."""
    fronts = [h for h in starts if h.key == FRONT]
    if not fronts:
        return starts
    following = {id(h): n for h, n in zip(starts, [*starts[1:], None], strict=True)}
    added = []
    for front in fronts:
        stop = following[id(front)]
        end = (stop.page, stop.top) if stop else (last_body_page + 1, 0.0)
        added += [
            h
            for h in headings
            if h.level > main
            and (front.page, front.top) < (h.page, h.top) < end
            and h.key != FRONT
            and numbering_depth(h.text) == 1
            and is_part_title(h)
        ]
    return sorted([*starts, *added], key=lambda h: (h.page, h.top)) if added else starts


def top_parts(
    headings: list[Heading],
    main: int,
    first_page: int,
    last_body_page: int,
    text_between: TextBetween,
    until: Place | None = None,
) -> list[Part]:
    """The body's top-level parts, in order, each with its content profile (or, with
    ``main`` a deeper level and ``until`` where the holding part ends, the parts of one
    part)."""
    ordered = sorted(
        (
            h
            for h in headings
            if first_page <= h.page <= last_body_page and h.level <= main and is_part_title(h)
        ),
        key=lambda h: (h.page, h.top),
    )
    starts: list[Heading] = []
    for heading in ordered:
        if starts and heading_key(heading.text) == heading_key(starts[-1].text):
            continue  # a running chapter title: the same part goes on
        starts.append(heading)
    starts = _chapters_out_of_front_matter(starts, headings, main, last_body_page)
    texts: list[str] = []
    ends: list[int] = []
    followers: list[Heading | None] = [*starts[1:], None] if starts else []
    for heading, following in zip(starts, followers, strict=True):
        if following is None:
            stop: Place = until or (last_body_page + 1, 0.0)
            ends.append(last_body_page)
        else:
            stop = (following.page, following.top)
            end = following.page - 1 if following.first_on_page else following.page
            ends.append(max(heading.page, end))
        texts.append(text_between((heading.page, heading.top), stop))
    profiles = [
        profile(without_ambiguous_host_word(text, heading.text))
        for heading, text in zip(starts, texts, strict=True)
    ]
    total = sum(p.words for p in profiles) or 1
    return [
        Part(
            title=heading.text,
            page=heading.page,
            top=heading.top,
            end_page=end,
            level=heading.level,
            heading=heading,
            profile=prof,
            share=round(prof.words / total, 3),
        )
        for heading, end, prof in zip(starts, ends, profiles, strict=True)
    ]
