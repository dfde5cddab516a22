"""The host described in a section of another part, when no part of the report presents it.

A research or engineering report sometimes presents its host nowhere but in a section deep in
another part: "8 Environnement de travail" in a part on the work's processes ("Mozilla est une
organisation internationale, complètement ouverte sur l'extérieur. Bon nombre d'employés ne
travaillent pas depuis un bureau..."). No part presents the company, yet "no part describes it"
would be false: the student wrote a titled passage on it. RL201 then warns, names the section
and asks for a part of its own; it does not claim the host is absent.

Only a title that hints at the host (the vocabulary's company key: "Environnement de
travail", "L'organisation", "Contexte") opens such a section, and only its own text, read as
a paragraph given to an organisation in the third person, decides: a host merely named in a
sentence stays absent.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapportlint.analysis.body_pages import BodyPages
from rapportlint.analysis.candidate import content_confidence
from rapportlint.analysis.content import COMPANY, profile
from rapportlint.analysis.headings import Heading
from rapportlint.analysis.parts import Place
from rapportlint.analysis.unnamed import COMPANY_DENSITY, is_host_paragraph, third_person_passages
from rapportlint.analysis.vocabulary import without_ambiguous_host_word

ASIDE_CONFIDENCE = 0.4  # at most: a section of another part is no part of its own


@dataclass(frozen=True, slots=True)
class HostAside:
    """A section whose title hints at the host and whose text presents it, inside a part
    that is not the company's."""

    heading: Heading
    part_title: str  # the title of the part it stands in ("" when it stands under none)
    cues: tuple[str, ...]  # the words of its text that told it presents an organisation
    confidence: float


def host_described_aside(headings: list[Heading], body: BodyPages) -> HostAside | None:
    """The first section of the body titled as a hint of the host whose own text (up to the
    next title of its level or above) has a paragraph given to an organisation."""
    ordered = sorted(
        (h for h in headings if h.page <= body.last and not h.matter),
        key=lambda h: (h.page, h.top),
    )
    for index, heading in enumerate(ordered):
        if heading.key != COMPANY:
            continue
        stop: Place = next(
            ((o.page, o.top) for o in ordered[index + 1 :] if o.level <= heading.level),
            (body.last + 1, 0.0),
        )
        for passage in third_person_passages(
            body.paragraphs((heading.page, heading.top + 1), stop)
        ):
            read = profile(without_ambiguous_host_word(passage, heading.text))
            if not is_host_paragraph(read):
                continue
            part = next((o for o in reversed(ordered[:index]) if o.level < heading.level), None)
            return HostAside(
                heading=heading,
                part_title=part.text if part is not None else "",
                cues=read.cue_words(COMPANY),
                confidence=min(
                    content_confidence(read, COMPANY, COMPANY_DENSITY), ASIDE_CONFIDENCE
                ),
            )
    return None
