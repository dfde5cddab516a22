"""What students append after their conclusion that is not report: CVs, forms, certificates.

After the last part of the report, students add pages that are no report text: their CV, the
school's competence form ("Fiche compétences"), the tutor's evaluation grid, the internship
certificate ("Attestation de stage"), or a second report (last year's, with its own cover).
None of them is report body, and none is one of the three English documents: they start the
annex part, as "other" annexes, even without an "Annexes" heading.

Each kind is told by its own vocabulary, several cues at once, so that a conclusion that speaks
of "compétences acquises" is not a competence form. A form pasted as a picture (a scanned
evaluation grid under its title "7 Grille d'évaluation") shows no cue but its title: there,
the title alone tells (:func:`form_title`), on a page that its picture fills.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapportlint.analysis.text import fold
from rapportlint.model.document import TextLine

COVER_TITLE_RATIO = 1.6  # a report's title is set this much larger than its text
COVER_MAX_PROSE_LINES = 6


@dataclass(frozen=True, slots=True)
class _Kind:
    """A kind of appended page: a cue it must show (its title, or a CV's contact line) and
    how many of its other cues."""

    name: str
    anchor: re.Pattern[str]
    cues: tuple[re.Pattern[str], ...]
    needed: int


def _kind(name: str, anchor: str, needed: int, *patterns: str) -> _Kind:
    return _Kind(name, re.compile(anchor), tuple(re.compile(p) for p in patterns), needed)


# The forms first: their titles name them; a CV's contact line and headings come last (a
# form also has the tutor's phone and the student's training).
KINDS: tuple[_Kind, ...] = (
    _kind(
        "certificate",
        r"\b(?:attestation|certificat) de (?:stage|fin de stage|presence|periode)\b",
        1,
        r"\b(?:certifie|atteste|certifions|attestons)\b[^.]{0,40}\bque\b",
        r"\ba effectue (?:un|son) stage\b|\bdu [0-9]{1,2}[/ ][0-9a-z]+[/ ][0-9]{2,4} au\b",
        r"\b(?:signature|cachet|tampon)\b",
        r"\bfait a [a-z]",
    ),
    _kind(
        "evaluation",
        r"\b(?:fiche|grille|feuille) d'\s*(?:evaluation|appreciation)\b|\bevaluation (?:du|de la) (?:stagiaire|stage)\b",
        2,
        r"\bappreciations?(?: generale| du tuteur)?\b",
        r"\b(?:tres bien|satisfaisant|insuffisant|excellent|passable)\b",
        r"\b(?:criteres?|notes? sur|/ ?20)\b",
        r"\btuteur|maitre de stage\b",
        r"\b(?:signature|cachet)\b",
    ),
    _kind(
        "skills-form",
        r"\bfiche\s*(?:«\s*)?competences?\b|\btableau de (?:synthese|competences)\b|\bgrille de competences\b",
        1,
        r"\bcompetences (?:professionnelles )?(?:acquises|mobilisees)\b",
        r"\b(?:acquises?|en cours d'\s*acquisition|maitrisees?|non acquises?)\b.{0,40}\b(?:acquises?|maitrisees?|en cours)\b",
        r"\blister\b|\bcocher\b|\bcochez\b",
        r"\bdomaines? d'\s*activites?\s*:",
    ),
    _kind(
        "cv",
        r"[a-z0-9._-]+@[a-z0-9-]+\.[a-z]{2,}|\b0[1-9](?:[ .]?[0-9]{2}){4}\b|\+33 ?[1-9]",
        3,
        r"\bcurriculum vitae\b|^\s*cv\s*$",
        r"\bexperiences? professionnelles?\b",
        r"^\s*formations?\s*:?\s*$|\bdiplomes?\b",
        r"^\s*(?:competences|savoir-faire)(?: techniques| informatiques)?\s*:?\s*$",
        r"^\s*langues?\s*:?\s*$|\banglais\s*:|\bcourant\b",
        r"centres? d'\s*interets?|\bloisirs\b|\bhobbies\b",
        r"\bnee? le [0-9]|\b[0-9]{2} ans\b|\bpermis [ab]\b",
    ),
)


def appended_kind(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The kind of appended page a text is ("cv", "certificate", "evaluation",
    "skills-form"), with the words that told, or None for anything else."""
    folded = "\n".join(fold(line) for line in text.splitlines())
    for kind in KINDS:
        anchor = _search(kind.anchor, folded)
        if anchor is None:
            continue
        seen = [found for pattern in kind.cues if (found := _search(pattern, folded))]
        if len(seen) >= kind.needed:
            return kind.name, (anchor, *seen[:3])
    return None


FORMS = ("certificate", "evaluation", "skills-form")  # the kinds a title names


def form_title(text: str) -> str | None:
    """The kind of form a page's title names ("7 Grille d'évaluation", "Attestation de
    stage"), for a page whose form is a picture: its cues are pixels, its title is what is
    left to read. None when no line names one."""
    folded = "\n".join(fold(line) for line in text.splitlines())
    for kind in KINDS:
        if kind.name in FORMS and _search(kind.anchor, folded) is not None:
            return kind.name
    return None


def report_cover(lines: list[TextLine], body_size: float) -> str | None:
    """A second report's cover ("Rapport de stage" set large over names and dates, little
    running text), its title line, or None."""
    prose = sum(1 for line in lines if len(line.text.split()) >= 8)
    if prose >= COVER_MAX_PROSE_LINES:
        return None
    for line in lines:
        if line.size >= COVER_TITLE_RATIO * body_size and re.search(
            r"\brapport (?:de stage|d'\s*activite|de fin d'\s*etudes|d'\s*alternance)",
            fold(line.text),
        ):
            return line.text
    return None


def _search(pattern: re.Pattern[str], folded: str) -> str | None:
    for line in folded.splitlines():
        found = pattern.search(line)
        if found:
            return found.group(0).strip()
    return None
