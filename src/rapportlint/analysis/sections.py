"""The three parts the regulation asks for: company presentation, activities, conclusion.

A part is judged with its place in the report's outline, not by its words alone:

- the *main level* is the level of the report's top parts: the level of its introduction (or of
  its explicit conclusion), else the first level with two headings or more;
- the company presentation is a main heading that names it, or a child of a main heading that
  is not the activities or the conclusion (a "Contexte" inside a mission is no company part),
  before the activities; "Présentation d'Enedis" (a weak wording) counts only when nothing
  names the part outright;
- the activities are what the student did: a main heading (or a child of a main heading that is
  not the company presentation: the company's "Activité et clientèle" is not the student's);
- the conclusion is the explicit "Conclusion" heading of main level when there is one (the
  "Bilan" headings after it belong to it), else the run of "Bilan" headings that ends the report.

Each part runs until the next heading of its level or above (the conclusion over the bilans
that follow it), never into the next part and never into the annex part.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from rapportlint.analysis.headings import FUNCTION_WORDS, Heading, numbering_kind
from rapportlint.analysis.text import ORDINAL, fold, heading_key, numbering_depth
from rapportlint.analysis.vocabulary import (
    ACTIVITIES,
    ANNEXES,
    BACK,
    COMPANY,
    CONCLUSION,
    FRONT,
    INTRODUCTION,
    MAIN_KEYS,
    PRESENTING_HINT,
)

STUDENT_VOICE = re.compile(
    r"\b(?:mes|mon|ma|je|j'|realise|effectue|confie|accompli|mene|ce que)e?s?\b"
)


WITHIN_SECTION = "introduction"
WITHIN_TEXT = "introduction-text"
WITHIN_OPENING = "opening-text"  # the body's text before its first title, under none
WITHIN_RUN_IN = "run-in"  # a paragraph opened by a run-in "Conclusion :" at the body's end
WITHIN_CLOSING_WORDS = "closing-words"  # the body's last sentences, on what the stay brought


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    page: int
    end_page: int
    source: str  # "outline", "contents" or "typography"
    wording: str = ""  # the wording that matched ("présentation de l'entreprise")
    cue: str = ""  # what made its title a heading (outline, contents, size, bold...)
    level: int = 1
    main_level: int = 1
    # How the part was decided: "title" (its heading names it), "place" (where it stands in
    # the report's outline), "content" (what its text talks about), in the order they weighed.
    decided_by: tuple[str, ...] = ("title",)
    confidence: float = 1.0
    named: bool = True  # its title names the part outright: nothing for the student to fix
    content_cues: tuple[str, ...] = ()  # the words of its text that told what it is
    # Where it was read when it has no part of its own: WITHIN_SECTION (under a section of
    # the introduction), WITHIN_TEXT (in a paragraph of the introduction's own text),
    # WITHIN_OPENING (the body's text before its first title), WITHIN_RUN_IN (the last
    # paragraph, opened by a run-in label "Conclusion :") or WITHIN_CLOSING_WORDS.
    within: str = ""
    top: float = 0.0  # where its heading stands on its page
    first_on_page: bool = True  # nothing but furniture above its heading
    # The section whose title names the part when the part opens before it, at its chapter's
    # first title ("II.1 Présentation du projet" for "II.2 Réalisation du projet").
    named_by: str = ""

    @property
    def page_count(self) -> int:
        return self.end_page - self.page + 1

    def started_at(self, heading: Heading, *, title: str = "", level: int = 0) -> Section:
        """The same part opening at another heading (its chapter's title, the section after
        an opening aside): that heading's title, page and place, the rest unchanged."""
        return replace(
            self,
            title=title or heading.text,
            page=heading.page,
            top=heading.top,
            level=level or heading.level,
            first_on_page=heading.first_on_page,
        )


# A part runs over the main headings that continue it: the bilans after the conclusion, the
# next projects (or untitled chapters) after the first activities heading.
ABSORBS = {
    CONCLUSION: lambda o: o.key == CONCLUSION,
    ACTIVITIES: lambda o: o.key in (ACTIVITIES, None),
}


def main_level(headings: list[Heading]) -> int:
    """The level of the report's top parts."""
    intro = [
        h
        for k, h in enumerate(headings)
        if h.key == INTRODUCTION
        and h.match
        and h.match.rank == 2
        and not _inside_a_part(h, k, headings)
    ]
    if intro:
        return min(h.level for h in intro)
    explicit = [h for h in headings if _explicit_conclusion(h)]
    company = [h for h in headings if h.key == COMPANY and h.match and h.match.rank == 2]
    if company:
        # "E- Conclusion" under "II. Optimisation..." where the company is "I. Présentation de
        # l'entreprise": numbered as a chapter's section, a chapter's conclusion, which says
        # nothing of the parts' level ("13 – Conclusion" after "1- Présentation" does).
        top = min(company, key=lambda h: h.level)
        explicit = [h for h in explicit if h.level <= top.level or not _numbered_otherwise(h, top)]
    if explicit:
        level = min(h.level for h in explicit)
        return _parts_set_below_the_conclusion(headings, level) or level
    # Else the first level that several titles share. Front and back matter ("Remerciements",
    # "Sommaire", "Bibliographie") do not count: set larger than the chapters ("Avant-propos"
    # and "Remerciements" over "I. Présentation de l'organisme"), they would make the whole
    # report one part.
    counts = Counter(h.level for h in headings if not h.matter) or Counter(
        h.level for h in headings
    )
    for level in sorted(counts):
        if counts[level] >= 2:
            return level
    return min(counts, default=1)


def _parts_set_below_the_conclusion(headings: list[Heading], level: int) -> int | None:
    """The level of the parts when the conclusion is the report's first title at its level,
    set larger than the parts before it ("CONTEXTE ET DÉROULEMENT DU STAGE" and "DIFFÉRENCE
    ENTRE THÉORIE ET PRATIQUE OBSERVÉE" in one style, then "CONCLUSION" in a larger one):
    those titles belong to no part, they are the parts. None otherwise."""
    body = [h for h in headings if not h.matter]
    first = next((k for k, h in enumerate(body) if h.level <= level), None)
    if first is None or not _explicit_conclusion(body[first]):
        return None
    counts = Counter(h.level for h in body[:first])
    shared = [lvl for lvl, count in counts.items() if count >= 2]
    return min(shared) if shared else None


_NUMBER = re.compile(r"^\s*(?:([0-9]+(?:\.[0-9]+)+)\.?\s|([0-9]+|[ivxl]+|[a-h])\s*[.)\-–—:/°])")


def _numbering(text: str) -> str | None:
    """How a title is numbered: "arabic" (1, 13), "deep" (8.1), "roman" (I, IV), "letter"
    (A, c) or None. A lone "c" or "d" is a letter: lettered sections are far more common
    than a hundredth part."""
    found = _NUMBER.match(fold(text))
    if found is None:
        return None
    token = found.group(1) or found.group(2)
    if token[0].isdigit():
        return "deep" if "." in token else "arabic"
    if token in ("i", "v", "x") or (len(token) > 1 and token.isalpha()):
        return "roman"
    return "letter"


def _numbered_otherwise(heading: Heading, reference: Heading) -> bool:
    kinds = _numbering(heading.text), _numbering(reference.text)
    return None not in kinds and kinds[0] != kinds[1]


def _inside_a_part(heading: Heading, index: int, ordered: list[Heading]) -> bool:
    """An "Introduction" under larger titles that run over pages before it ("1 Contexte" p3,
    "2 Apprentissage" p8, then "2.4.1 Introduction" p9) opens a section, not the report (a
    cover's large lines stand on one page)."""
    pages = {h.page for h in ordered[:index] if h.level < heading.level and not h.matter}
    return len(pages) >= 2


_GENERAL = re.compile(r"\bconclusions? generales?\b")


def _first_of_the_closing_run(
    general: Heading, closing: list[Heading], top: list[Heading], titles: Counter[str]
) -> Heading:
    """The conclusion starts at the first of the conclusions that follow each other, with no
    other part between them, at the general one's level: "Conclusion technique" then
    "Conclusion générale" close the report together, from the first. A chapter's own
    "Conclusion", titled like the other chapters' (a title seen twice) or numbered deeper than
    the general one, is no part of it."""
    start = general
    before = [h for h in top if (h.page, h.top) < (general.page, general.top)]
    for heading in reversed(before):
        if heading not in closing or heading.level != general.level:
            break
        if (numbering_depth(heading.text) or 0) > (numbering_depth(general.text) or 0):
            break  # "3.9 Conclusion" closes its chapter, set at the same level by an outline
        if titles[heading_key(heading.text)] > 1:
            break
        start = heading
    return start


def _explicit_conclusion(heading: Heading) -> bool:
    return heading.key == CONCLUSION and heading.match is not None and heading.match.rank == 2


def child_level(headings: list[Heading], main: int) -> int:
    """The level just below the main one among the headings of the report's parts (a cover's
    odd sizes, before the first main heading, do not count)."""
    first = next((k for k, h in enumerate(headings) if h.level == main), 0)
    below = sorted({h.level for h in headings[first:] if h.level > main})
    return below[0] if below else main + 1


def _parents(ordered: list[Heading], main: int) -> dict[int, Heading | None]:
    """For each heading (by id), the main-level heading it stands under."""
    parents: dict[int, Heading | None] = {}
    current: Heading | None = None
    for heading in ordered:
        if heading.level <= main:
            current = heading
            parents[id(heading)] = None
        else:
            parents[id(heading)] = current
    return parents


def _groupings(ordered: list[Heading], main: int) -> list[Heading]:
    """The main parts that group the company's chapter and the work's: "PARTIE I. CONTEXTE
    DE STAGE" over "CHAPITRE 1. PRESENTATION DE L'ENTREPRISE" and "CHAPITRE 2. DEROULEMENT
    DU STAGE". The part's title only hints at one of them ("Contexte de stage"), its chapters
    name both outright: the chapters are the parts, and the part is no part of its own."""
    child = child_level(ordered, main)
    found = []
    for index, heading in enumerate(ordered):
        if heading.level > main or (heading.match is not None and heading.match.rank == 2):
            continue
        chapters = itertools.takewhile(lambda o: o.level > main, ordered[index + 1 :])
        named = {
            o.key
            for o in chapters
            if o.level == child and o.match is not None and o.match.rank == 2
        }
        if {COMPANY, ACTIVITIES} <= named:
            found.append(heading)
    return found


def _pick_activities(
    ordered: list[Heading], main: int, parents, groupings: list[Heading], announced: set[int]
) -> Heading | None:
    child = child_level(ordered, main)

    def allowed_parent(h: Heading) -> bool:
        """Under the company presentation only the student's own work counts ("Mes missions",
        "Travaux réalisés"), not the company's ("Les missions de la DSI")."""
        parent = parents[id(h)]
        if parent is None:
            return True
        if parent.key == COMPANY:
            return bool(STUDENT_VOICE.search(fold(h.text))) or _after_the_company_sibling(
                h, parent, ordered, parents
            )
        return parent.key not in (CONCLUSION, FRONT, BACK, ANNEXES)

    # A title before the introduction is the cover's or the front matter's (a second copy of
    # the cover: "Réalisation de plugins pour QGIS"), never the activities.
    intro = next((h for h in ordered if h.key == INTRODUCTION and h.level <= main), None)
    found = [
        h
        for h in ordered
        if h.key == ACTIVITIES and (intro is None or (h.page, h.top) > (intro.page, intro.top))
    ]
    found = _past_the_announcements(found, announced)
    tiers = [
        # "CHAPITRE 2. DEROULEMENT DU STAGE" under a part that groups it with the company's
        # chapter, before "PARTIE II. CONCEPTION ET REALISATION".
        [
            h
            for h in found
            if h.level == child
            and h.match.rank == 2
            and any(parents[id(h)] is g for g in groupings)
        ],
        [h for h in found if h.level <= main and h.match.rank >= 1],
        [h for h in found if h.level == child and h.match.rank >= 1 and allowed_parent(h)],
        [h for h in found if h.level <= main and h.match.rank == 0],
        # A title that names the activities outright at the top of its page, set at any
        # size: Canva sets each page's title its own size ("Déroulement du stage" smaller
        # than "Présentation de l'entreprise" three pages before), so levels say nothing.
        [
            h
            for h in found
            if h.level > child and h.match.rank == 2 and h.first_on_page and allowed_parent(h)
        ],
    ]
    for tier in tiers:
        if tier:
            chosen = _first_of_its_series(tier[0], found)
            parent = parents[id(chosen)]
            # "2. Projet réseau" > "2.1 Réalisation": the project is the part.
            if parent is not None and parent.key == ACTIVITIES:
                return parent
            return chosen
    return None


def _past_the_announcements(found: list[Heading], announced: set[int]) -> list[Heading]:
    """``found`` less the titles the introduction announces its parts with
    (:func:`_announced_in_the_introduction`), when the report titles those parts later."""
    later = [h for h in found if id(h) not in announced]
    return later if later else found


def _announced_in_the_introduction(ordered: list[Heading]) -> set[int]:
    """The titles under an unnumbered introduction's, before the report's first numbered part
    (by id): an "Introduction" set above every other title, its own "Présentation et
    descriptif de l'entreprise", "Les missions" and "Annonce du plan", then "I-
    L'environnement du stage" and "II- Les travaux effectués"."""
    intro = next(
        (h for h in ordered if h.key == INTRODUCTION and h.match and h.match.rank == 2), None
    )
    if intro is None or numbering_kind(intro.text) is not None:
        return set()  # "I – Introduction": the first of the numbered parts, its sections its own
    after = ordered[ordered.index(intro) + 1 :]
    ends = (k for k, h in enumerate(after) if h.level <= intro.level or _numbered_as_a_part(h))
    end = next(ends, None)
    if end is None or not _numbered_as_a_part(after[end]):
        return set()  # the introduction ends at a title of its level: its sections are its own
    return {id(h) for h in after[:end]}


_PART_LABEL = re.compile(rf"^(?:{ORDINAL}\s+partie\b|(?:partie|chapitre)\s*(?:[0-9]+|[ivx]+)\b)")


def _numbered_as_a_part(heading: Heading) -> bool:
    """ "I- ", "Partie 1", "Chapitre II", "Deuxième partie": a number of the report's top
    parts ("1." may number a section, under "SECTION 1 : HISTORIQUE"; "Partie structure" is
    a section's name)."""
    found = numbering_kind(heading.text)
    if found is None:
        return False
    return found[0] == 1 or (found[0] == 0 and _PART_LABEL.match(fold(heading.text)) is not None)


# "n°2", "2", "#2" closing a title: one of a numbered series ("Situation professionnelle n°1").
_SERIES_NUMBER = re.compile(r"\s*(?:n\s*[°o]\s*|#|no\.?\s*)?[0-9]+$")


def _first_of_its_series(chosen: Heading, found: list[Heading]) -> Heading:
    """The first title of the series ``chosen`` belongs to: "Situation professionnelle n°1"
    before "n°2", whichever level the contents list or a design tool gave each (Canva sets
    each page's title its own size)."""
    title = heading_key(chosen.text)
    stem = _SERIES_NUMBER.sub("", title)
    if stem == title:
        return chosen
    return next(
        (
            h
            for h in found
            if (h.page, h.top) < (chosen.page, chosen.top)
            and _SERIES_NUMBER.sub("", heading_key(h.text)) == stem
        ),
        chosen,
    )


def _after_the_company_sibling(
    heading: Heading, parent: Heading, ordered: list[Heading], parents
) -> bool:
    """ "IV. Présentation" > "1. Présentation de Team Vitality", "2. Descriptif des
    missions": a parent that only hints at the company holds its presentation, then the
    student's missions; the section after the company's is the activities."""
    if parent.match is None or parent.match.rank > 0:
        return False
    place = (heading.page, heading.top)
    return any(
        parents[id(h)] is parent and h.key == COMPANY and (h.page, h.top) < place for h in ordered
    )


# "II.2", "4.2", "2-3": a chapter's section, by its number; "II.", "4 ", "4.1": its chapter.
_SECTION_OF = re.compile(r"^([0-9]+|[ivxl]+)\s*[.\-]\s*([0-9]+)\b")
CHAPTER_REACH = 2  # pages back from the section where its chapter's first title may stand
_ROMAN = {
    str(number): numeral
    for number, numeral in enumerate(
        ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"), 1
    )
}


def _first_title_of_its_chapter(chosen: Heading, ordered: list[Heading]) -> Heading:
    """ "II.2 Réalisation du projet" after "II.1 Présentation du projet", or "4.2 Ce que j'ai
    réalisé" after "4. Ce que j'ai pu observer" and "4.1 Ma journée": the student's work is
    the chapter, which opens with what its first section presents (the project, the first
    day): the part starts at the chapter's first title, found by the numbering (the chapter's
    own title may be only in the contents list). Only the chapter's own title or its first
    section ("4", "4.1") moves the start, within :data:`CHAPTER_REACH` pages, with no title of
    another part between (the company, the introduction); a chapter whose earlier sections
    say something else ("3.2 L'environnement" before "3.4 Déroulement du stage") keeps it."""
    found = _SECTION_OF.match(fold(chosen.text))
    if found is None:
        return chosen
    chapter = found.group(1)
    # "4. Ce que j'ai pu observer"; "III. Développement et réalisation" over "3.1".
    same = f"{chapter}|{_ROMAN.get(chapter, chapter)}"
    chapter_title = re.compile(rf"^(?:{same})\s*[.\-)–:]?\s+\D")
    if found.group(2) == "1":
        # The chapter's first section: the chapter's own title just above it opens the part.
        return _chapter_title_above(
            chosen, [*ordered[: ordered.index(chosen)], chosen], chapter_title
        )
    first_section = re.compile(rf"^{chapter}\s*[.\-]\s*0*1\b(?!\s*[.\-]\s*[0-9])")  # "4.1"
    earlier = [h for h in ordered if (h.page, h.top) < (chosen.page, chosen.top)]
    for heading in reversed(earlier):
        if heading.page < chosen.page - CHAPTER_REACH or heading.key is not None:
            return chosen
        folded = fold(heading.text)
        if chapter_title.match(folded):
            return heading
        if first_section.match(folded):
            return _chapter_title_above(heading, earlier, chapter_title)
        inside = re.match(rf"{chapter}\s*[.\-]\s*[0-9]", folded)
        if _NUMBER.match(folded) is not None and inside is None:
            return chosen  # another chapter's numbered title: the chapter did not open here
    return chosen


def _chapter_title_above(
    first_section: Heading, earlier: list[Heading], chapter_title: re.Pattern[str]
) -> Heading:
    """ "4." just above "4.1" (on the same page or the one before): the chapter's own title."""
    for heading in reversed(earlier[: earlier.index(first_section)]):
        if heading.page < first_section.page - 1 or heading.key is not None:
            break
        if chapter_title.match(fold(heading.text)):
            return heading
    return first_section


HINT_SECTIONS = 2  # a chapter's first sections, where it presents its setting


def _pick_company(
    ordered: list[Heading], main: int, parents, activities: Heading | None, announced: set[int]
) -> Heading | None:
    def before_activities(h: Heading) -> bool:
        return activities is None or (h.page, h.top) < (activities.page, activities.top)

    def allowed_parent(h: Heading) -> bool:
        parent = parents[id(h)]
        return parent is None or parent.key in (None, COMPANY, INTRODUCTION)

    def hint_in_place(h: Heading) -> bool:
        """A hint ("Historique", "Présentation") under a chapter its title does not name
        stands among the chapter's first sections, where a chapter titled by the host's name
        presents it; further in ("Présentation" of a method, the twelfth title of "2 État de
        l'art"), it presents something else."""
        parent = parents[id(h)]
        if h.match.rank > 0 or parent is None or parent.key is not None:
            return True
        opening = itertools.islice(_sections_under(parent, ordered), HINT_SECTIONS)
        return any(o is h for o in opening)

    found = _past_the_announcements(
        [h for h in ordered if h.key == COMPANY and hint_in_place(h)], announced
    )
    level = child_level(ordered, main)
    child = [h for h in found if h.level == level and allowed_parent(h) and before_activities(h)]
    # "Présentation de la Mairie" set deeper, under the introduction's running title.
    deep = [
        h
        for h in found
        if h.level > level and h.match.rank == 2 and allowed_parent(h) and before_activities(h)
    ]

    # A hint ("Présentation de X") after such a deep title naming the host ("2. Présentation
    # du centre d'accueil" under "I. Présentations", then "II. Présentation de l'interface"
    # forty pages on) presents something else.
    def before_deep(h: Heading) -> bool:
        return not deep or (h.page, h.top) < (deep[0].page, deep[0].top)

    # Last, "Présentation de l'entreprise" under any part, even the activities' umbrella
    # ("COMPTE-RENDUS D'ACTIVITÉS" > "PFMP n°2" > "Présentation de l'entreprise"): the student
    # did present it, and "no part presents the company" would be false.
    # Not under the conclusion, though: its review by topic ("Entreprise", "Travail réalisé",
    # "Expériences") looks back on the host, it does not present it.
    anywhere = [
        h
        for h in found
        if h.level > main
        and h.match.rank == 2
        and (parents[id(h)] is None or parents[id(h)].key != CONCLUSION)
    ]
    # "Présentation de l'entreprise" in the introduction's summary, then "1.1 L'entreprise
    # Numérobis" opening "Partie 1 — Présentation de l'environnement", the part right after
    # it: the part's own section.
    intro = next((h for h in ordered if h.key == INTRODUCTION and h.level <= main), None)
    next_part = intro and next(
        (h for h in ordered[ordered.index(intro) + 1 :] if h.level <= main), None
    )
    in_next_part = [
        h
        for h in child
        if h.match.rank >= 1 and next_part is not None and parents[id(h)] is next_part
    ]
    tiers = [
        # "Présentation de l'entreprise" over "Cadre de stage :", a section of the
        # introduction that a flat outline sets at the same level.
        [h for h in found if h.level <= main and h.match.rank == 2 and before_activities(h)],
        [h for h in found if h.level <= main and h.match.rank >= 1],
        in_next_part or [h for h in child if h.match.rank >= 1],
        [
            h
            for h in found
            if h.level <= main and h.match.rank == 0 and before_activities(h) and before_deep(h)
        ],
        [h for h in child if h.match.rank == 0 and before_deep(h)],
        deep,
        # "1.1.2 Présentation du cadre de stage" three levels down, under "1.1 Présentations"
        # (the school first, then the host): a weaker wording, as deep, still says it.
        [
            h
            for h in found
            if h.level > level and h.match.rank == 1 and allowed_parent(h) and before_activities(h)
        ],
        anywhere,
    ]
    for tier in tiers:
        if tier:
            chosen = _the_host_after_the_school(_past_a_bare_context(tier, parents))
            chosen = _opening_sibling(chosen, found, parents, ordered)
            parent = parents[id(chosen)]
            # "ACME Networks" > "Historique": a company titled with its own name.
            if chosen.match.rank == 0 and parent is not None and parent.key is None:
                return parent
            if parent is not None and _opens_on_the_same_host(parent, chosen, ordered):
                return parent
            return (
                _named_part_opened_by_a_hint(chosen, ordered)
                or _presenting_title_above(chosen, ordered)
                or _same_host_just_above(chosen, ordered)
                or chosen
            )
    return None


def _sections_under(chapter: Heading, ordered: list[Heading]) -> Iterator[Heading]:
    """The titles under a chapter, in order, past those that repeat its own: the divider's
    "PRÉSENTATION DU CADRE DE L'ÉTUDE", then "I. Présentation du cadre de l'étude" on the
    next page, then its sections."""
    restated = heading_key(chapter.text)
    inside = itertools.takewhile(
        lambda h: h.level > chapter.level, ordered[ordered.index(chapter) + 1 :]
    )
    return (h for h in inside if heading_key(h.text) != restated)


def _opening_sibling(
    chosen: Heading, found: list[Heading], parents, ordered: list[Heading]
) -> Heading:
    """The first of the host's sections when the chapter opens on one: "I. Présentation du
    cadre de l'étude" opening on "1. Présentation générale de DDA" (a hint, with the host's
    initials, named again by the next sections) and naming the part outright only in its
    fifth section, "5. Présentation de structure d'accueil", three pages on. The
    presentation starts where the chapter starts telling of the host, not at the title that
    says so most plainly."""
    parent = parents[id(chosen)]
    if parent is None or parent.key is not None:
        return chosen
    first = next(_sections_under(parent, ordered), None)
    if first is None or first is chosen or first.level != chosen.level:
        return chosen
    if first not in found or parents[id(first)] is not parent:
        return chosen
    # The same organisation named again before the plain title ("2. Lieu et entourage de
    # DDA"): the chapter tells of the host from its first section. A first section that
    # names nothing ("I. Présentation de la filière", the school) opens on something else.
    _, named = _names(first.text)
    between = ordered[ordered.index(first) + 1 : ordered.index(chosen)]
    if not any(named & _names(h.text)[1] for h in between):
        return chosen
    return first


# A title presenting the student's school, and one presenting the host as such.
_SCHOOL = re.compile(
    r"\b(?:ecole|lycee|universite|iut|faculte|campus|etablissement de formation"
    r"|centre de formation|institut universitaire)\b"
)
_THE_HOST = re.compile(r"\bd'\s*accueil\b|\b(?:entreprise|societe)\b")


def _the_host_after_the_school(presenting: list[Heading]) -> Heading:
    """The first of the titles that present an organisation, unless it presents a school
    and a later one presents the host as such: "Chapitre 1 : Présentation de l'École
    Nationale d'Informatique" (the student's school, thirteen pages), then "Chapitre 2 :
    Présentation de l'établissement d'accueil". A school that hosted the placement is
    presented under its own name with no such later title, and stays the company part."""
    first = presenting[0]
    folded = fold(first.text)
    if not _SCHOOL.search(folded) or _THE_HOST.search(folded):
        return first
    return next((h for h in presenting[1:] if _THE_HOST.search(fold(h.text))), first)


def _past_a_bare_context(presenting: list[Heading], parents) -> list[Heading]:
    """The titles from the one that presents the host by name: "1.1 Contexte" (the
    project's setting) then "1.3 À propos de SpikeeLabs" in the same chapter, where the host
    has its own page. A bare "Contexte" is a hint that anything can fill; a sibling "about"
    title says outright what it presents, so the part starts there."""
    first = presenting[0]
    if first.match is None or first.match.wording != "contexte":
        return presenting
    for index, later in enumerate(presenting[1:], start=1):
        if (
            later.match is not None
            and later.match.wording == "à propos de ..."
            and later.level == first.level
            and parents[id(later)] is parents[id(first)]
        ):
            return presenting[index:]
    return presenting


_NAME = re.compile(r"[A-ZÀ-Ý][\w'’-]{2,}")


def _names(title: str) -> tuple[str, set[str]]:
    """A title's first word and the other capitalised words it names ("La", {"banque",
    "fiducial"} for "D. La Banque Fiducial"), folded, its number and function words left out."""
    words = [fold(w) for w in _NAME.findall(title)]
    first = heading_key(title).partition(" ")[0]
    return first, {w for w in words if w not in FUNCTION_WORDS and w != first}


BARE_HINTS = ("présentation", "historique")


def _named_part_opened_by_a_hint(chosen: Heading, ordered: list[Heading]) -> Heading | None:
    """ "I. BNP Paribas Personal Finance" (no part's wording: the host's own name) over "1.
    Présentation", "2. La Direction des Opérations", then "3. L'entité Recouvrement et
    Contentieux", which names the host: the title right above opens on a hint of the
    company, so it presents the host from its own title (the company opened at "3.", a page
    late). None when the title above names a part, or opens on anything else: a part opening
    on "Chapitre 1 : Présentation de l'École..." presents the school first, the host later."""
    index = ordered.index(chosen)
    above = next((h for h in reversed(ordered[:index]) if h.level < chosen.level), None)
    if above is None or above.key is not None:
        return None
    first = ordered[ordered.index(above) + 1]
    opened = (
        first is not chosen
        and first.level > above.level
        and first.key == COMPANY
        and first.match is not None
        # A bare hint ("Présentation", "Historique"): the title above says of what. Not a
        # hint with an object of its own ("Présentation de la filière" under "PRÉAMBULE"),
        # nor a title presenting an organisation, which is a part of its own.
        and first.match.rank == 0
        and first.match.wording in BARE_HINTS
    )
    return above if opened else None


def _presenting_title_above(chosen: Heading, ordered: list[Heading]) -> Heading | None:
    """ "PREMIÈRE PARTIE : PRÉSENTATION GÉNÉRALE DE LA PHARMACIE LA FLORALE", set larger at
    the foot of a page, right above "CHAPITRE I : LA STRUCTURE D'ACCUEIL ET LE SUJET": the
    part's own title presents the host by its name (a word the vocabulary does not know as
    a host's, so only a hint), and its first chapter names it as the host; the part starts
    at its title. Only the title just before, on the same page or the one before, and
    numbered as one of the report's parts (not "Présentation du candidat :" above
    "Présentation de l'entreprise :")."""
    index = ordered.index(chosen)
    above = ordered[index - 1] if index else None
    if above is None or above.match is None or above.match.wording != PRESENTING_HINT:
        return None
    if not _numbered_as_a_part(above):
        return None
    if above.level >= chosen.level or chosen.page - above.page > 1:
        return None
    return above


def _same_host_just_above(chosen: Heading, ordered: list[Heading]) -> Heading | None:
    """ "a) La fédération de l'UNA" (a title no wording knows: "de" after a host's word is
    most often technical), then "b) La fédération départementale l'UNA Nord", which names
    the host: the title just before, at the same level, on the same page or the one before,
    names the same organisation, so the presentation starts there."""
    index = ordered.index(chosen)
    above = ordered[index - 1] if index else None
    if above is None or above.key is not None or above.level != chosen.level:
        return None
    if chosen.page - above.page > 1:
        return None
    return above if _names(above.text)[1] & _names(chosen.text)[1] else None


def _opens_on_the_same_host(parent: Heading, chosen: Heading, ordered: list[Heading]) -> bool:
    """ "I. Présentation" (a hint) over "A. Fiducial", "B. Les métiers de Fiducial" and
    then "D. La Banque Fiducial", which names the host: the part's first section names the
    same organisation, so the part presents the host from its title. A part "Présentation"
    that opens on the school ("chap 1: L'ENI") and presents the company in its second
    chapter shares no name with it: the company starts at that chapter."""
    if parent.key != COMPANY or parent.match is None or parent.match.rank != 0:
        return False
    start = ordered.index(parent) + 1
    first = ordered[start] if start < len(ordered) else None
    if first is None or first is chosen or first.level <= parent.level:
        return False
    _, named = _names(chosen.text)
    lead, others = _names(first.text)
    return bool(named & ({lead} | others))


def _pick_conclusion(ordered: list[Heading], main: int, parents) -> Heading | None:
    top = [h for h in ordered if h.level <= main]

    def closes(h: Heading) -> bool:
        """No part of the report's body (company, activities) follows it at main level: only
        bilans, bibliography, annexes or a contents list at the end."""
        after = [o for o in top if (o.page, o.top) > (h.page, h.top)]
        return not any(o.key in (COMPANY, ACTIVITIES, INTRODUCTION) for o in after)

    explicit = [h for h in top if _explicit_conclusion(h)]
    if explicit:
        closing = [h for h in explicit if closes(h)]
        # A flat outline lists each chapter's "Conclusion" beside the report's: the one
        # called "Conclusion générale" is the report's; else the one titled unlike the
        # chapters' own ("CONCLUSION" closing each of four chapters, then "Conclusion et
        # Perspectives"), their numbers aside ("2.4 Conclusion", "3.9 Conclusion", "4.5
        # Conclusion", then "Conclusions et perspectives").
        general = [h for h in closing if _GENERAL.search(fold(h.text))]
        titles = Counter(heading_key(h.text) for h in explicit)
        unlike_the_chapters = [h for h in closing if titles[heading_key(h.text)] == 1]
        if len(closing) > 1 and max(titles.values()) > 1 and unlike_the_chapters:
            closing = unlike_the_chapters
        if general:
            return _first_of_the_closing_run(general[0], closing, top, titles)
        return (closing or explicit[-1:])[0]
    usual = [h for h in top if h.key == CONCLUSION and h.match.rank == 1]
    if usual:
        chosen = next((h for h in usual if closes(h)), usual[-1])
        return _concluding_section_of_the_discussion(chosen, ordered) or chosen
    weak = [h for h in top if h.key == CONCLUSION]
    if weak:
        return weak[-1]

    # "Conclusion" itself, set below the main level (slides whose titles all differ in size),
    # outside the activities and the company, with no part of the body after it.
    def outside_its_part(h: Heading) -> bool:
        """Not a section of the company or activities part: under another part, or set above
        every title of the part it follows ("Conclusion et perspectives" in 22 pt after a
        chapter "Réalisation" whose sections are in 15 pt: the report's end, set smaller
        than the chapters)."""
        parent = parents[id(h)]
        if parent is None or parent.key not in (ACTIVITIES, COMPANY):
            return True
        inside = [
            o
            for o in ordered
            if (parent.page, parent.top) < (o.page, o.top) < (h.page, h.top)
            and o.level > parent.level
        ]
        return bool(inside) and all(o.level > h.level for o in inside)

    deep = [
        h
        for h in ordered
        if _explicit_conclusion(h)
        and outside_its_part(h)
        and not any(
            # (a weak hint, such as a summary's bold sentence "Le projet consistait à...",
            # opens no part after it)
            o.key in (COMPANY, ACTIVITIES, INTRODUCTION)
            and o.match.rank >= 1
            and o.level <= h.level
            for o in ordered
            if (o.page, o.top) > (h.page, h.top)
        )
    ]
    if deep:
        # Each chapter's own "Conclusion" set like the report's: "Conclusion générale" is it.
        general = [h for h in deep if _GENERAL.search(fold(h.text))]
        return (general or deep)[0]
    # A conclusion set one level down, outside the activities ("4.4 Bilan" under "4. Fin").
    level = child_level(ordered, main)
    nested = [
        h
        for h in ordered
        if h.key == CONCLUSION
        and h.level == level
        and h.match.rank >= 1
        and (parents[id(h)] is None or parents[id(h)].key not in (ACTIVITIES, COMPANY))
    ]
    return nested[-1] if nested else None


def _concluding_section_of_the_discussion(
    chosen: Heading, ordered: list[Heading]
) -> Heading | None:
    """ "4. Discussion" (a research report's last part), whose own sections end on "4.3
    Conclusion et perspectives": the explicit conclusion is the part's start, as a reader
    takes it, not the discussion of the results before it."""
    if chosen.match is None or chosen.match.wording != "discussion":
        return None
    index = ordered.index(chosen)
    inside = list(itertools.takewhile(lambda h: h.level > chosen.level, ordered[index + 1 :]))
    return next((h for h in inside if _explicit_conclusion(h)), None)


def _end_page(
    heading: Heading,
    ordered: list[Heading],
    last_body_page: int,
    absorbs,
    back_matter: list[Heading] | None = None,
) -> int:
    """The part's last page: before the next title of its level (or higher) that does not
    continue it, or before a glossary, a bibliography, a list or the annexes. Those are
    looked for among all the report's titles (``back_matter``), not only those the part was
    read from: an outline often lacks the unnumbered "Bibliographie" or "Glossaire" that LaTeX
    and Word set as plain titles, and the conclusion then ran on over them."""
    for other in sorted([*ordered, *(back_matter or [])], key=lambda h: (h.page, h.top)):
        if (other.page, other.top) <= (heading.page, heading.top) or other is heading:
            continue
        # A glossary, a bibliography, a list of figures or the annexes end any part, whatever
        # level the student gave their titles: they are not the part's text. So does a
        # divider page that the part does not absorb: it opens the next part (Canva and
        # Google Docs dividers are often set a size smaller than the first one).
        if (
            (other.level <= heading.level or other.alone_on_page) and not absorbs(other)
        ) or other.plainly_matter:
            end = other.page - 1 if other.first_on_page else other.page
            return max(heading.page, min(end, last_body_page))
    return max(heading.page, last_body_page)


ANNEX_TITLE_GAP = 80.0  # points: an appendix's title stands this close under its label
ANNEX_LABEL_WORDS = 3  # "Annexe C", "Appendix 2", "Annexe n° 3"


def _annex_label(heading: Heading) -> bool:
    """ "Annexe C" alone on its line, as LaTeX sets an appendix chapter's label above its
    title: a line of the page (a bookmark whose title the page does not show has no place to
    be above anything)."""
    return (
        bool(heading.lines)
        and heading.key == ANNEXES
        and heading.plainly_matter
        and len(heading.text.split()) <= ANNEX_LABEL_WORDS
    )


def _titles_an_annex(heading: Heading, labels: list[Heading]) -> bool:
    """The title just under an annex's label ("Annexe C" / "Déroulement du jeu"), in the
    outline or the typography: the annex's own title, which names no part of the report."""
    return any(
        label.page == heading.page and 0 < heading.top - label.top <= ANNEX_TITLE_GAP
        for label in labels
    )


def _outside_back_matter(ordered: list[Heading]) -> list[Heading]:
    """The headings, less those set under a bibliography, a glossary or an annex at the end of
    the report, a level below it, on its pages: a bibliography sorted by subject
    ("Présentation de l'entreprise", "Docker"...), a glossary's terms or the questions of a
    form annexed ("ANNEXE I. Sensibilisation à la sécurité" over "L'entreprise d'accueil")
    name no part of the report. A glossary
    in the front matter (before the introduction or the first part) is left alone: the titles
    under it may be the whole report, set smaller than the front matter's; and a title that
    opens a later page ends the run."""
    kept: list[Heading] = []
    under: Heading | None = None
    started = False  # the report's own text has begun (an introduction or a part)
    for heading in ordered:
        if (
            under is not None
            and heading.level > under.level
            and not (heading.page > under.page and heading.first_on_page)
        ):
            continue
        started = started or heading.key in (INTRODUCTION, *MAIN_KEYS)
        closes_the_text = heading.key in (BACK, ANNEXES) and heading.plainly_matter
        under = heading if started and closes_the_text else None
        kept.append(heading)
    return kept


def _outside_the_thanks(ordered: list[Heading]) -> list[Heading]:
    """The headings, less the lines that a large font made headings on the page of a front
    matter title, under it, before the introduction: the thanks' "je tiens à remercier mon
    école, l'École nationale supérieure..." names no part of the report (the titles under a
    "Remerciements" on later pages may be the whole report: they stay). Nor do the run-in
    labels of a summary that the contents list leaves out when it lists the summary itself
    ("Résumé", then "Contexte du stage :" in bold on its page, set as large as it)."""
    kept: list[Heading] = []
    under: Heading | None = None
    for heading in ordered:
        if heading.key == INTRODUCTION:
            under = None
        elif (
            under is not None
            and heading.page == under.page
            and (heading.level > under.level or _left_out_of_the_contents(heading, under))
        ):
            continue
        if heading.key == FRONT:
            under = heading
        kept.append(heading)
    return kept


def _left_out_of_the_contents(heading: Heading, front: Heading) -> bool:
    """The contents list names the front matter title (its "Résumé") but not this line under
    it, which only the typography made a title: the student's own plan says it is no part."""
    return (
        front.toc_level is not None
        and heading.toc_level is None
        and heading.source == "typography"
        and heading.key != FRONT
    )


def _after_the_front_matter(ordered: list[Heading]) -> list[Heading]:
    """The headings, less those set before a front matter title ("Dédicace", "Remerciements",
    "Sommaire") that itself comes before the introduction: a second cover's lines ("INSTITUT
    SUPÉRIEUR D'INFORMATIQUE..." in a large font, on the page after the cover) name no part
    of the report. Without an introduction, nothing tells the front matter's end: all stay.
    A title that opens its page and names a part outright ("Présentation du laboratoire
    d'accueil" over its text, the thanks under it) is the report's, not a cover's line
    (unless it is an organisation's bare name, as a cover's lines are)."""
    introduction = next((h for h in ordered if h.key == INTRODUCTION), None)
    if introduction is None:
        return ordered
    fronts = [
        h
        for h in ordered
        if h.key == FRONT and (h.page, h.top) < (introduction.page, introduction.top)
    ]
    if not fronts:
        return ordered
    last = fronts[-1]
    return [
        h
        for h in ordered
        if h.key == FRONT
        or (h.page, h.top) >= (last.page, last.top)
        or (
            h.first_on_page
            and h.key in MAIN_KEYS
            and h.match.rank == 2
            and h.match.wording not in BARE_NAMES
        )
    ]


# Wordings that are an organisation's bare name ("INSTITUT SUPÉRIEUR D'INFORMATIQUE", "Le
# laboratoire"): a second cover's line as well as a part's title.
BARE_NAMES = ("l'entreprise d'accueil",)


def find_sections(
    primary: list[Heading], fallback: list[Heading], first_page: int, last_body_page: int
) -> dict[str, Section]:
    """Sections by key, looked up in ``primary`` headings, then in ``fallback`` ones; only
    headings on pages ``first_page`` to ``last_body_page`` count."""
    # key: (the heading that names the part, the headings, the main level, where it opens)
    picked: dict[str, tuple[Heading, list[Heading], int, Heading]] = {}
    labels = [h for h in (*primary, *fallback) if _annex_label(h)]
    for headings in (primary, fallback):
        ordered = _outside_back_matter(
            _outside_the_thanks(
                _after_the_front_matter(
                    sorted(
                        (
                            h
                            for h in headings
                            if first_page <= h.page <= last_body_page
                            and not _titles_an_annex(h, labels)
                        ),
                        key=lambda h: (h.page, h.top),
                    )
                )
            )
        )
        if not ordered:
            continue
        main = main_level(ordered)
        # A part that only groups the company's chapter and the work's names neither.
        grouped = {id(h) for h in _groupings(ordered, main)}
        groupings = [replace(h, match=None) for h in ordered if id(h) in grouped]
        neutral = iter(groupings)
        ordered = [next(neutral) if id(h) in grouped else h for h in ordered]
        parents = _parents(ordered, main)
        announced = _announced_in_the_introduction(ordered)
        activities = _pick_activities(ordered, main, parents, groupings, announced)
        opening = activities and _first_title_of_its_chapter(activities, ordered)
        choices = {
            ACTIVITIES: activities,
            COMPANY: _pick_company(ordered, main, parents, opening, announced),
            CONCLUSION: _pick_conclusion(ordered, main, parents),
        }
        for key, heading in choices.items():
            if heading is None:
                continue
            if (
                key not in picked
                or _named_where_the_outline_hints(heading, picked[key], main)
                or (
                    key == CONCLUSION
                    and _conclusion_the_outline_lacks(heading, picked[key], main, ordered)
                )
            ):
                start = opening if key == ACTIVITIES and opening is not None else heading
                picked[key] = (heading, ordered, main, start)
    back_matter = [
        h
        for h in (*primary, *fallback)
        if h.plainly_matter and first_page <= h.page <= last_body_page
    ]
    sections: dict[str, Section] = {}
    for key in MAIN_KEYS:
        if key not in picked:
            continue
        heading, ordered, main, start = picked[key]
        absorbs = ABSORBS.get(key, lambda o: False)
        sections[key] = Section(
            key=key,
            title=start.text,
            page=start.page,
            end_page=_end_page(start, ordered, last_body_page, absorbs, back_matter),
            source=start.source,
            wording=heading.match.wording if heading.match else "",
            cue=start.cue,
            level=start.level,
            main_level=main,
            top=start.top,
            first_on_page=start.first_on_page,
            named=names_outright(key, heading.match),
            named_by=heading.text if start is not heading else "",
        )
    return without_overlap(sections)


def _named_where_the_outline_hints(
    heading: Heading, earlier: tuple[Heading, list[Heading], int, Heading], main: int
) -> bool:
    """An outline that bookmarks some titles only has its pick at a title that merely hints
    at the part: a section ("B) Organigramme" under the unbookmarked "I- L'établissement"), or
    a chapter for its first section ("1 Étude des patients" for "1.1 Présentation de la base
    de données", after an unbookmarked "Présentation du laboratoire"). When the page's
    typography shows, before it, a top-level title that names the part outright and that the
    outline lacks (a divider "PREMIERE PARTIE : PRÉSENTATION DE L'ENTREPRISE D'ACCUEIL"
    that Word's heading styles missed, set above the introduction's level), the part starts
    there."""
    hint, outline, _, _ = earlier
    if hint.match is not None and hint.match.strong:
        return False
    if heading.match is None or not heading.match.strong or heading.level > main:
        return False  # a top-level title: at the main level, or set above it ("PREMIÈRE PARTIE")
    if (heading.page, heading.top) > (hint.page, hint.top):
        return False
    key = heading_key(heading.text)
    return not any(o.page == heading.page and heading_key(o.text) == key for o in outline)


def _conclusion_the_outline_lacks(
    heading: Heading,
    earlier: tuple[Heading, list[Heading], int, Heading],
    main: int,
    ordered: list[Heading],
) -> bool:
    """LaTeX's unnumbered \\chapter*{Conclusion} has no bookmark: the outline ends on "6 Bilan
    du stage", and the page after it opens with "Conclusion" set like the chapters. The
    typography's explicit "Conclusion", after the outline's pick that only hints at it and
    absent from the outline, is the report's conclusion. So is it after an outline pick that
    is a chapter's own conclusion, numbered as its section ("3.3 Conclusion"), when the
    typography's is numbered as a chapter ("5. Conclusion"): an outline of Word's section
    titles only, the chapters' titles left out; or when the outline itself sets its pick
    under a chapter (LaTeX's "Conclusion" closing "Chapitre 3 Réalisation", a bookmark below
    the chapter's) and the typography's "Conclusion générale", an unnumbered chapter the
    outline lacks, is set like the chapters."""
    hint, outline, _, _ = earlier
    sections_own = (
        (numbering_depth(hint.text) or 0) >= 2 and (numbering_depth(heading.text) or 0) <= 1
    ) or any(o.level < hint.level and (o.page, o.top) < (hint.page, hint.top) for o in outline)
    if _explicit_conclusion(hint) and not sections_own:
        return False
    if not _explicit_conclusion(heading) or heading.level != main:
        return False
    if (heading.page, heading.top) < (hint.page, hint.top):
        return False
    # An annex's own "Conclusion", after the "Annexes" title or the bibliography, is not it.
    between = [
        o
        for o in (*outline, *ordered)
        if (hint.page, hint.top) < (o.page, o.top) < (heading.page, heading.top)
    ]
    if any(o.key in (ANNEXES, BACK) or _annex_label(o) for o in between):
        return False
    key = heading_key(heading.text)
    return not any(o.page == heading.page and heading_key(o.text) == key for o in outline)


def names_outright(key: str, match) -> bool:
    """The title says what the part is: a usual or explicit wording ("Présentation de
    l'entreprise", "Missions réalisées", "Description du poste"); for the conclusion only an
    explicit "Conclusion" (a report that ends on a "Bilan" has no conclusion as such). A weak
    hint ("Historique", "Le projet") names nothing by itself: its text has to confirm it."""
    if match is None:
        return False
    return match.rank == 2 if key == CONCLUSION else match.rank >= 1


def without_overlap(sections: dict[str, Section]) -> dict[str, Section]:
    """Each part ends before the next part starts (on the same page when that one starts
    under other text). A passage read inside the part's first page (the host presented in
    the opening paragraph of "1 Mission du stage") is no part after it: it ends nothing."""
    ordered = sorted(sections.values(), key=lambda s: (s.page, s.top))
    out: dict[str, Section] = {}
    for current, following in zip(ordered, [*ordered[1:], None], strict=False):
        end = current.end_page
        if following is not None and not (following.within and following.page == current.page):
            limit = following.page - 1 if following.first_on_page else following.page
            end = max(current.page, min(end, limit))
        out[current.key] = replace(current, end_page=end)
    return {k: out[k] for k in MAIN_KEYS if k in out}
