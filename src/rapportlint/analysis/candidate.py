"""A part that can be the one no title names, why, and the section it becomes.

Shared by the searches for the company and the activities (:mod:`rapportlint.analysis.unnamed`)
and for the conclusion (:mod:`rapportlint.analysis.closing`): each weighs parts by place and
content and hands back a :class:`Candidate`; :func:`as_section` makes it the section the rules
read, never ``named``, so that they say its title does not say what it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapportlint.analysis.content import ContentProfile
from rapportlint.analysis.parts import Part, Place
from rapportlint.analysis.sections import Section

MIN_WORDS = 25  # a part with fewer words says too little to be judged by its content


@dataclass(frozen=True, slots=True)
class Candidate:
    """A part that can be the missing one, and why."""

    part: Part
    decided_by: tuple[str, ...]
    confidence: float
    within: str = ""  # where it was found when it has no part of its own (WITHIN_*)

    def cues(self, kind: str) -> tuple[str, ...]:
        return self.part.profile.cue_words(kind)


def before(part: Part, section: Section | None) -> bool:
    return section is None or (part.page, part.top) < (section.page, section.top)


def after(part: Part, section: Section | None) -> bool:
    return section is None or (part.page, part.top) > (section.page, section.top)


def content_confidence(profile: ContentProfile, kind: str, threshold: float) -> float:
    """From 0.5 at the threshold to 0.9 at three times it, more with more kinds of cue."""
    density = profile.density[kind]
    base = 0.5 + 0.2 * min(2.0, (density - threshold) / threshold)
    return round(min(0.9, base + 0.02 * max(0, profile.kinds_seen(kind) - 2)), 2)


def as_section(key: str, candidate: Candidate, kind: str, main: int) -> Section:
    part = candidate.part
    return Section(
        key=key,
        title=part.title,
        page=part.page,
        end_page=part.end_page,
        source=part.heading.source,
        wording=part.match.wording if part.match else "",
        cue=part.heading.cue,
        level=part.level,
        main_level=main,
        decided_by=candidate.decided_by,
        confidence=candidate.confidence,
        named=False,
        content_cues=candidate.cues(kind),
        within=candidate.within,
        top=part.top,
        first_on_page=part.heading.first_on_page,
    )


def untitled_section(
    key: str,
    kind: str,
    title: str,
    start: Place,
    end_page: int,
    read: ContentProfile,
    *,
    confidence: float,
    decided_by: tuple[str, ...] = ("content", "place"),
    within: str = "",
    first_on_page: bool | None = None,
) -> Section:
    """A part read in text that has no title of its own (a page under a title drawn as a
    picture, a run-in "Conclusion :" paragraph, the host described before the first title).

    Its source is the content and it is never ``named``: the rules say at warning level what
    they saw. A passage read inside other text (``within``) does not open its page, unless
    told otherwise.
    """
    page, top = start
    return Section(
        key=key,
        title=title,
        page=page,
        end_page=end_page,
        source="content",
        decided_by=decided_by,
        confidence=confidence,
        named=False,
        content_cues=read.cue_words(kind),
        within=within,
        top=top,
        first_on_page=not within if first_on_page is None else first_on_page,
    )
