"""The parts that no title names, found by what they say and where they stand.

:mod:`rapportlint.analysis.sections` finds the three parts by their titles. A student who titles
the company presentation "I - Présentation du musée" or with the company's own name, the
activities "Déroulé", "Mon stage" or by the project, or who writes a weekly journal, still wrote
those parts: telling them they are missing would be false. So, for each part that no title
names, the report's top-level parts (:mod:`rapportlint.analysis.parts`) are weighed by their
place in the report and their content (:mod:`rapportlint.analysis.content`):

- the company presentation: a part before the activities and the conclusion whose text
  describes an organisation (several company cues, more than the narration of work);
- the activities: the part that stands between the company presentation (or the
  introduction) and the conclusion when it is the only one, or holds most of the report; else
  the first part there whose text narrates work clearly more than the others around it;
- the conclusion: the last part of the body, when its text looks back (what the internship
  brought, the professional project); else the last page of the body's text, when it does
  (the ways are in :mod:`rapportlint.analysis.closing`).

A part found so is kept with what decided it (``place``, ``content``), a confidence, and the
words of its text that told; it is never ``named``, so that the rules say, as a warning, that
its title does not say what it is. Where nothing fits, the part stays missing: that, and only
that, is an error.

A report made of equal parts that all narrate the same way (as generated test reports are)
gives no part the margin the activities need: the rule then stays an error.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from rapportlint.analysis.body_pages import BodyPages
from rapportlint.analysis.candidate import (
    MIN_WORDS,
    Candidate,
    after,
    as_section,
    before,
    content_confidence,
    untitled_section,
)
from rapportlint.analysis.closing import (
    CLOSING_PAGE_DENSITY,
    closing_page,
    closing_paragraph,
    closing_section,
    closing_under_a_picture,
    closing_under_drawn_lettering,
    conclusion_part,
    first_words,
    last_part_looking_back,
)
from rapportlint.analysis.content import CLOSING, COMPANY, WORK, ContentProfile, profile
from rapportlint.analysis.headings import Heading, chapter_label, numbering_kind
from rapportlint.analysis.language import reads_as_words
from rapportlint.analysis.parts import Part, Place, top_parts
from rapportlint.analysis.sections import (
    WITHIN_OPENING,
    WITHIN_SECTION,
    WITHIN_TEXT,
    Section,
    without_overlap,
)
from rapportlint.analysis.text import heading_key
from rapportlint.analysis.vocabulary import (
    ACTIVITIES,
    CONCLUSION,
    INTRODUCTION,
    ambiguous_host_word,
    classify,
    names_a_setting,
    names_side_work,
    without_ambiguous_host_word,
)
from rapportlint.model.document import TextLine

# A title that names a task by its action, or a phase of the work (its method, its steps,
# its validation, its results): the chapters of a student's own work.
TASK_TITLE = re.compile(
    r"^(?:(?:etape|phase)\s*(?:[0-9]+|[ivx]+)\b"
    r"|(?:la |le |l'\s*|les |une |un |ma |mon )?(?:methodologie|validation|evaluation|verification|experimentations?|resultats?|simulations?|prototypage|creation|developpement|mise en (?:place|oeuvre|œuvre|production|service)|mise a jour|installation|configuration|parametrage|migration|deploiement|realisation|conception|redaction|integration|maintenance|automatisation|refonte|amelioration|securisation|supervision|virtualisation|sauvegarde|programmation|codage|tests?|modelisation|cablage|depannage|remplacement|inventaire|audit|analyse|etude|implementation|optimisation|preparation|montage)\b)"
)

COMPANY_DENSITY = 2.5  # weighted company cues per 100 words
COMPANY_KINDS = 2  # different company cues (a creation date and a staff count...)
COMPANY_MANY_KINDS = 5  # so many different cues that a lower density does
WORK_DENSITY = 2.0
WORK_MARGIN = 1.3  # the chosen part narrates work this much more than the other candidates
FAINT_WORK_DENSITY = WORK_DENSITY / 4  # work cues still there, in the bulk of the report
MOST_OF_REPORT = 0.35  # share of the body's words: "the bulk of the report"
MOST_OF_BODY = 0.5  # share of the body's words: an introduction this long holds the report
WHOLE_REPORT = 0.8  # share of the body's words: all of it but the front matter
FEW_PARTS = 2  # at most this many unnamed parts between company and conclusion
TOPIC_PROJECT_SECTIONS = 2  # titles naming projects or missions in or among topic chapters
TOPIC_WORK_DENSITY = 1.5  # work told across those chapters, read together
# A chapter titled by the setting the work took place in, not by the work.
SETTING_TITLE = re.compile(r"\b(?:environnement|contexte|existant|etat de l'art)\b")
PROJECT_WORD = re.compile(r"\b(?:projets?|missions?|taches?)\b")
# A part given to the person who hosted the placement ("01 MON TUTEUR": a consultant, a
# craftsman, a freelance developer), where a report presents its host.
TUTOR_TITLE = re.compile(
    r"^(?:(?:mon |ma |le |la |notre )?(?:tuteur|tutrice|encadrante?)"
    r"|(?:mon |ma |le |la )?maitre(?:sse)? (?:de stage|d'\s*apprentissage))"
    r"(?: (?:de stage|en entreprise|professionnel(?:le)?))?$"
)
TUTOR_CONFIDENCE = 0.4  # a person presented, not an organisation: a guess, for RL201 to warn
OPENING_PARAGRAPHS = 3  # a run of the host's paragraphs read from its first two, three
HOST_PARAGRAPH_WORDS = 60  # a paragraph of the introduction given to the host says this much
# or less, packed with cues of many kinds (its creation, trade, address, being a company):
# a slide-like page set in a large font says in 46 words what Word says in a paragraph.
SHORT_HOST_PARAGRAPH = (40, 4)  # words, kinds of organisation cues
HOST_PARAGRAPH_VOICE = 1.0  # and says it in the third person (first-person phrases per 100 words)
NARRATED_PARAGRAPH_VOICE = 2.0  # a paragraph the student narrates: ends a run of the host's
CHAPTER_HOST_KINDS = 3  # organisation cues of different kinds in a chapter's opening text
CHAPTER_OPENING_PAGES = 2  # a chapter's title page and the next: where it opens on its setting
OPENING_SECTIONS = 2  # a chapter's first sections, where it presents its setting ("1.1 Le client")


def complete(
    sections: dict[str, Section],
    parts: list[Part],
    main: int,
    headings: list[Heading],
    pages: BodyPages,
) -> dict[str, Section]:
    """``sections`` with the parts no title names added where their place or content shows
    them (see the module's docstring). ``headings`` are those the parts were read from."""
    found = {
        key: _confirmed(_setting_without_a_host(section, pages), pages)
        for key, section in sections.items()
        if not (key == CONCLUSION and empty_closing_hint(section, pages))
    }
    silent = COMPANY in found and _says_nothing_of_a_host(found[COMPANY], pages)
    taken = {(s.page, s.title) for key, s in found.items() if not (silent and key == COMPANY)}
    free = [p for p in parts if not p.matter and (p.page, p.title) not in taken]
    if silent:
        # "3.1 Le campus" says nothing of a host; "2 Présentation de Lumiotec", before it,
        # may: that part is the presentation, else none is.
        candidate = _hinted_part_before_a_section(found.pop(COMPANY), free, pages)
    elif COMPANY in found:
        candidate = _company_before_its_setting(
            found[COMPANY], free, found, pages
        ) or _hinted_part_before_a_section(found[COMPANY], free, pages)
    else:
        candidate = None
    if candidate is not None:
        found[COMPANY] = as_section(COMPANY, candidate, COMPANY, main)
        if candidate.part.key == COMPANY:  # "Historique et présentation de UniPay"
            found[COMPANY] = _confirmed(
                replace(found[COMPANY], decided_by=("title",), confidence=1.0), pages
            )
    if COMPANY in found and _bare_hint(found[COMPANY]):
        named = _named_in_introduction(parts, headings, pages, taken)
        if named is not None:
            found[COMPANY] = as_section(COMPANY, named, COMPANY, main)
    if COMPANY not in found:
        candidate = (
            _company(_in_first_half(free, pages), found)
            # A section given to the host, in the introduction or the first chapter, before
            # a paragraph given to it (the section is the fuller presentation).
            or _in_introduction(parts, headings, pages, taken)
            or _in_first_chapter(parts, found, headings, pages, taken)
            or _in_introduction_text(parts, pages)
            or _in_first_chapter_text(parts, pages, taken)
            or _in_the_foreword(parts, headings, pages, taken)
            or _the_tutors_part(free, found)
        )
        if candidate is not None:
            found[COMPANY] = as_section(COMPANY, candidate, COMPANY, main)
    if COMPANY in found:
        found[COMPANY] = _under_its_divider(found[COMPANY], headings)
    if COMPANY in found and ACTIVITIES in found:
        found[ACTIVITIES] = _after_opening(found[ACTIVITIES], found[COMPANY], headings)
    if ACTIVITIES in found and found[ACTIVITIES].named:
        found[ACTIVITIES] = _from_its_work_chapter(
            found[ACTIVITIES], parts, found.get(COMPANY), pages
        )
        found[ACTIVITIES] = _from_the_first_phase(found[ACTIVITIES], parts, found.get(COMPANY))
        found[ACTIVITIES] = _from_the_project_before_it(
            found[ACTIVITIES], parts, found.get(COMPANY)
        )
    if ACTIVITIES in found:
        found[ACTIVITIES] = _from_the_main_work(found[ACTIVITIES], parts, found.get(COMPANY))
    if ACTIVITIES not in found:
        after_deep_company = _after_deep_company(found, parts, headings, pages, taken)
        candidate = (
            _work_after_deep_company(
                after_deep_company,
                in_introduction=COMPANY in found and found[COMPANY].within == WITHIN_SECTION,
            )
            or _activities(free, found, parts, headings)
            or _activities(after_deep_company, found, parts, headings)
            or _activities(
                _inside_long_introduction(parts, headings, pages, taken), found, parts, headings
            )
        )
        if candidate is not None:
            found[ACTIVITIES] = as_section(ACTIVITIES, candidate, WORK, main)
    if CONCLUSION not in found:
        candidate = conclusion_part(free, found, parts)
        if candidate is not None:
            found[CONCLUSION] = as_section(CONCLUSION, candidate, CLOSING, main)
        else:
            closing = (
                closing_page(found, parts, pages, headings)
                or closing_under_a_picture(found, pages, headings)
                or closing_under_drawn_lettering(found, parts, pages, headings)
                or closing_section(found, parts, pages, headings, main)
                or closing_paragraph(found, parts, pages, headings)
            )
            looking_back = closing is None and last_part_looking_back(free, found, parts, pages)
            if closing is not None:
                found[CONCLUSION] = closing
            elif looking_back:
                found[CONCLUSION] = as_section(CONCLUSION, looking_back, CLOSING, main)
    return without_overlap(found)


KIND_OF = {COMPANY: COMPANY, ACTIVITIES: WORK, CONCLUSION: CLOSING}
# How sure a conclusion read from a title that does not name it ("Bilan", "Suite du stage")
# is, by whether its text looks back on the stay.
HINTED_CLOSING = {True: 0.8, False: 0.6}
CONFIRMS = {COMPANY: COMPANY_DENSITY / 2, WORK: WORK_DENSITY / 2, CLOSING: CLOSING_PAGE_DENSITY / 2}


def nothing_under(section: Section, pages: BodyPages) -> bool:
    """The part's title has nothing under it: no word but its own, no picture (alone on its
    page, then the next part or the bibliography: a draft's)."""
    if _section_profile(section, pages).words > len(section.title.split()):
        return False
    return not any(
        pages.document.page(number).pictures for number in range(section.page, section.end_page + 1)
    )


def empty_closing_hint(section: Section, pages: BodyPages) -> bool:
    """A title that only hints at the conclusion ("Bilan"), with nothing under it: nothing
    makes it the conclusion. A title that names the part ("III. Conclusion" on an empty page)
    keeps its place, as the readers read it: the part is there, unwritten."""
    return not section.named and nothing_under(section, pages)


def _confirmed(section: Section, pages: BodyPages) -> Section:
    """A part taken on a weak title ("Historique", "Le projet", "Présentation de Deezer") is
    named when its text confirms it; otherwise it stays a guess, for the rule to say so. A
    "Bilan" standing for the conclusion stays what it is, whatever its text: its text only
    says how sure the reading is (a "Suite du stage" that looks back is surer than one that
    only lists what comes next)."""
    if section.named or not section.title:
        return section
    kind = KIND_OF[section.key]
    read = _section_profile(section, pages)
    if section.key == CONCLUSION:
        if section.decided_by != ("title",):  # its place or its text decided, and weighed
            return section
        return replace(section, confidence=HINTED_CLOSING[confirms(read, kind)])
    if confirms(read, kind):
        return replace(
            section,
            named=True,
            decided_by=("title", "content"),
            content_cues=read.cue_words(kind),
        )
    return replace(section, confidence=0.5)


SILENT_TEXT_WORDS = 4 * MIN_WORDS  # a text this long that names no organisation says so
# A chapter this long meets a few company cues by chance ("En 1976", "dans le monde", "la
# structure", "l'algorithme proposé dans [16]", "présenté dans" in a research context):
# there, the density alone says whether it presents one. Fewer than one cue in 200 words is
# chance: a presentation of the host that its title does not name says five times more.
LONG_SILENT_TEXT_WORDS = 40 * MIN_WORDS
CHANCE_DENSITY = COMPANY_DENSITY / 5


def _setting_without_a_host(section: Section, pages: BodyPages) -> Section:
    """A title that names only the internship's setting ("Contexte du stage"), or the host by
    a word that names other things too ("Le groupe SO(n)": a mathematical group), over a
    readable text that names no organisation (the robot's task and the project's aim; one kind of
    organisation cue at most) is no presentation of the host by its title: it becomes a weak
    hint, for its text to confirm (it cannot) and the rules to hesitate on, or, over a text
    long enough to say so (:func:`_says_nothing_of_a_host`), for RL201 to say that no part
    presents the company."""
    if section.key != COMPANY or not section.named:
        return section
    ambiguous = ambiguous_host_word(heading_key(section.title)) is not None
    if not ambiguous and not names_a_setting(section.wording):
        return section
    text = _host_text(section, pages)
    if not reads_as_words(text) or not _names_no_organisation(profile(text)):
        return section
    return replace(section, named=False, confidence=0.5)


def _host_text(company: Section, pages: BodyPages) -> str:
    """The text of a part read for the host, without its title's ambiguous host word."""
    return without_ambiguous_host_word(_section_text(company, pages), company.title)


def speaks_of_an_organisation(text: str) -> bool:
    """A readable text with more than chance cues of an organisation: what a title naming
    the setting ("Contexte du stage") needs under it to present the host."""
    return reads_as_words(text) and not _names_no_organisation(profile(text))


def _names_no_organisation(read: ContentProfile) -> bool:
    """No more than one kind of organisation cue, and rare (fewer than one in 400 words), or,
    in a long chapter, cues so scattered (fewer than one in 200 words) that they are chance
    ("En 1976", "dans le monde")."""
    if read.words >= LONG_SILENT_TEXT_WORDS:
        return read.density[COMPANY] < CHANCE_DENSITY
    return read.kinds_seen(COMPANY) <= 1 and read.density[COMPANY] < COMPANY_DENSITY / 10


def _says_nothing_of_a_host(company: Section, pages: BodyPages) -> bool:
    """A title that only hints at the company ("Contexte", "Historique") over a readable
    text of some length with no more than one cue of an organisation (the drones' technical
    context, a project's history), or over a long chapter where its cues are scattered (fewer
    than one in 400 words: a research context): no part presents the company, and saying so
    is sure. A text that cannot be read (glyph codes) proves nothing: the title keeps its
    warning."""
    if company.named or company.decided_by != ("title",):
        return False
    text = _host_text(company, pages)
    read = profile(text)
    return read.words >= SILENT_TEXT_WORDS and reads_as_words(text) and _names_no_organisation(read)


def _judged(part: Part) -> bool:
    return part.key not in (INTRODUCTION, CONCLUSION) and part.profile.words >= MIN_WORDS


def _company(free: list[Part], found: dict[str, Section]) -> Candidate | None:
    window = [
        p
        for p in free
        if _judged(p)
        and p.key != ACTIVITIES
        and before(p, found.get(ACTIVITIES))
        and before(p, found.get(CONCLUSION))
    ]
    # The company is described in the third person: less "I" than the report's usual part.
    voices = sorted(p.profile.voice for p in free if p.profile.words >= MIN_WORDS)
    usual_voice = voices[len(voices) // 2] if voices else 0.0
    scored = []
    for part in window:
        density, kinds = part.profile.density[COMPANY], part.profile.kinds_seen(COMPANY)
        if (
            _describes_company(part.profile)
            and describing_kinds(part.profile) >= _describing_needed(part.profile)
            and part.profile.voice <= max(usual_voice, density / 2)
        ):
            scored.append((density * min(kinds, 4), part))
    if not scored:
        return None
    _, best = max(scored, key=lambda s: s[0])
    confidence = content_confidence(best.profile, COMPANY, COMPANY_DENSITY)
    return Candidate(best, ("content", "place"), confidence)


def _describing_needed(read: ContentProfile) -> int:
    """A text told in the third person that says what an organisation is ("Le SCRIME est
    une structure rattachée au LaBRI") presents it; one the student narrates must say more
    than the clause that places the stay ("j'ai réalisé mon stage chez la société Ether,
    société spécialisée dans...", then the mission): two kinds of description."""
    return COMPANY_KINDS if read.voice >= NARRATED_PARAGRAPH_VOICE else 1


def _in_first_half(free: list[Part], pages: BodyPages) -> list[Part]:
    """The parts that open in the body's first half (from the first part to the body's last
    page, whatever parts titles took). Read by its content alone, the presentation stands
    there: an application's "Page employés" (names, addresses) two pages before the end
    describes a screen, not the host."""
    if not free:
        return []
    half = (free[0].page + pages.last) / 2
    return [p for p in free if p.page <= half]


SETTING_MARGIN = 2.0  # an earlier part says this many times more of the company


def _company_before_its_setting(
    company: Section, free: list[Part], found: dict[str, Section], pages: BodyPages
) -> Candidate | None:
    """ "Contexte du stage", "Cadre du stage" name the setting of the internship, which is the
    host for some students and the project for others. When the part so titled says little
    of the organisation (its text does not confirm it, or an earlier part says far more of
    it) and an earlier part describes the organisation ("2 L'Institut de Recherche ...", "I.
    Historique et présentation de UniPay"), that part is the presentation."""
    match = classify(heading_key(company.title))
    if match is None or match.key != COMPANY or match.rank != 1:
        return None
    candidate = _company([p for p in free if before(p, company)], found)
    if candidate is None:
        return None
    read = _section_profile(company, pages)
    earlier = candidate.part.profile.density[COMPANY]
    if confirms(read, COMPANY) and earlier < SETTING_MARGIN * read.density[COMPANY]:
        return None
    return candidate


def _hinted_part_before_a_section(
    company: Section, free: list[Part], pages: BodyPages
) -> Candidate | None:
    """A section named like the host ("Le campus", under "3 Présentation de l'environnement
    de travail") whose text does not describe it, after a part whose title hints at the host
    ("2 Présentation de l'IMB") and whose text confirms it: the presentation is that part.
    A top-level title confirmed by what it says weighs more than a section's words alone."""
    if company.level <= company.main_level or confirms(_section_profile(company, pages), COMPANY):
        return None
    hinted = [
        p
        for p in free
        if p.key == COMPANY and before(p, company) and _judged(p) and confirms(p.profile, COMPANY)
    ]
    if not hinted:
        return None
    return Candidate(hinted[-1], ("title", "content"), 1.0)


def confirms(read: ContentProfile, kind: str) -> bool:
    """The text says enough of that kind (the organisation, the work) to confirm a title
    that hints at it."""
    return read.density[kind] >= CONFIRMS[kind] and read.kinds_seen(kind) >= 2


def _section_profile(section: Section, pages: BodyPages) -> ContentProfile:
    """The content profile of a section's pages (without page furniture); for the company's,
    without the ambiguous word its title names the host by (:func:`_host_text`)."""
    if section.key == COMPANY:
        return profile(_host_text(section, pages))
    return profile(_section_text(section, pages))


def _section_text(section: Section, pages: BodyPages) -> str:
    return "\n".join(pages.text(n) for n in range(section.page, section.end_page + 1))


def _describes_company(read: ContentProfile) -> bool:
    density, kinds = read.density[COMPANY], read.kinds_seen(COMPANY)
    return (density >= COMPANY_DENSITY and kinds >= COMPANY_KINDS) or (
        density >= COMPANY_DENSITY * 0.8 and kinds >= COMPANY_MANY_KINDS
    )


def _in_first_chapter(
    parts: list[Part],
    found: dict[str, Section],
    headings: list[Heading],
    pages: BodyPages,
    taken: set[tuple[int, str]],
) -> Candidate | None:
    """The company presented in one of the first sections of the report's first chapter, the
    chapter titled by something wider ("Comprendre Glaz tech+fi et le rôle du Shaker Data",
    then "1.1 Glaz tech+fi"; "1 Le projet", then "1.1" its client and "1.2" the host): those
    sections are read by their content, as the introduction's."""
    first = _first_chapter(parts, taken)
    if first is None:
        return None
    sections = _inner_parts(first, parts, headings, pages, taken)
    # A chapter titled by the project opens on its setting, the client and then the host
    # ("1.1 Données ouvertes et LiberTIC", "1.2 Logiciel libre et Les Polypodes"); a chapter
    # titled wider, on the host alone: its first section.
    opening = [p for p in sections if p.profile.words >= MIN_WORDS][
        : OPENING_SECTIONS if first.key == ACTIVITIES else 1
    ]
    # Inside the chapter taken for the activities, the opening section comes before its work.
    around = {k: s for k, s in found.items() if k != ACTIVITIES or first.key != ACTIVITIES}
    candidate = _company(opening, around)
    if candidate is None:
        return None
    return replace(candidate, confidence=min(candidate.confidence, 0.6))


def _in_first_chapter_text(
    parts: list[Part], pages: BodyPages, taken: set[tuple[int, str]]
) -> Candidate | None:
    """The company presented in the first chapter's opening text, in the third person
    ("1-Introduction : STE YAMANI est une entreprise leader dans le domaine du marbre...",
    then "2-Problématique"). Several kinds of cues: a theory chapter's "le groupe de
    classes" is no host."""
    first = _first_chapter(parts, taken)
    if first is None:
        return None
    stop = (first.page + CHAPTER_OPENING_PAGES, 0.0)
    return _host_in_the_text_of(first, stop, pages, kinds=CHAPTER_HOST_KINDS)


def _first_chapter(parts: list[Part], taken: set[tuple[int, str]]) -> Part | None:
    """The report's first chapter after its introduction, not yet taken for another part
    (unless taken for the activities: "1 Le projet" opens on its hosts, then the work)."""
    intro = next((p for p in parts if p.key == INTRODUCTION), None)
    chapters = [
        p
        for p in parts
        if not p.matter
        and p.key in (None, ACTIVITIES)
        and p.profile.words >= MIN_WORDS  # not LaTeX's "Chapitre 1" line above the title
        and (intro is None or after(p, intro))
    ]
    if not chapters:
        return None
    first = chapters[0]
    if (first.page, first.title) in taken and first.key != ACTIVITIES:
        return None
    return first


def _after_opening(activities: Section, company: Section, headings: list[Heading]) -> Section:
    """The activities told after the company sections that open their chapter ("1 Le projet",
    its hosts in "1.1" and "1.2", then the work from "1.3"): they start at the next section."""
    start, place = (activities.page, activities.top), (company.page, company.top)
    if not (start < place and company.page <= activities.end_page):
        return activities
    peers = sorted(
        (h for h in headings if h.level <= company.level and (h.page, h.top) > start),
        key=lambda h: (h.page, h.top),
    )
    before = [h for h in peers if (h.page, h.top) < place]
    after = [h for h in peers if (h.page, h.top) > place]
    if len(before) >= OPENING_SECTIONS or not after or after[0].page > activities.end_page:
        return activities  # the company is told further in: not the chapter's opening
    return activities.started_at(after[0])


def _holds(part: Part, section: Section | None) -> bool:
    """Whether ``section`` starts inside ``part``, at its title or below: the chapter that
    holds a section deep in it, or the company's section (a part read as the company's by
    its content holds it too)."""
    return section is not None and (part.page, part.top) <= (section.page, section.top) <= (
        part.end_page,
        float("inf"),
    )


def _from_its_work_chapter(
    activities: Section, parts: list[Part], company: Section | None, pages: BodyPages
) -> Section:
    """The activities named by a section deep inside a chapter ("3.4 Déroulement du stage" in
    "3 L'application", "2.5 Le déroulement de la mise en place" in "2 La construction de
    tableaux de bord") start with that chapter, when it is no part of another kind and its
    pages before the section narrate work: the student's work did not wait for the section
    that names it (a chapter that explains techniques until then keeps the section).
    The part keeps the section as the title that names it (``named_by``), as a chapter's
    first title does for its "II.2 Réalisation" (:func:`sections.find_sections`)."""
    numbering = numbering_kind(activities.title)
    if numbering is not None and numbering[0] == 0:
        return activities  # "Troisième partie : Mise en œuvre": a part of its own, however set
    # (A part at the section's own place is its own title: its level is not above.)
    holders = [p for p in parts if _holds(p, activities) and p.level < activities.level]
    if not holders:
        return activities
    holder = holders[-1]
    if holder.key is not None or holder.matter or not after(holder, company):
        return activities
    if activities.page <= holder.page:
        return activities  # the section opens the chapter
    before = profile(pages.between((holder.page, holder.top), (activities.page, activities.top)))
    if before.words < MIN_WORDS or before.density[WORK] < WORK_DENSITY:
        return activities  # the chapter set the scene (techniques, a study) until then
    return _opened_by(activities, holder, ("title", "content"))


def _opened_by(activities: Section, part: Part, decided_by: tuple[str, ...]) -> Section:
    """The activities started earlier, at ``part``, still named by the title that named
    them (``named_by``)."""
    return replace(
        activities.started_at(part.heading, title=part.title, level=part.level),
        end_page=max(activities.end_page, part.end_page),
        decided_by=decided_by,
        named_by=activities.named_by or activities.title,
    )


# "Chapitre V : Réalisation", "Réalisation de l'application": the phase of a software
# project's method, after its analysis and design, not all of the student's work.
IMPLEMENTATION_PHASE = re.compile(
    r"^(?:chapitre [0-9ivx]+\s*:?\s*)?(?:la )?realisation"
    r"(?: (?:de l'application|du projet|de la solution|de l'outil|du site(?: web)?))?$"
)
# The chapters of the method before it: the subject, the study of the need, the analysis,
# the specification, the design.
METHOD_PHASE = re.compile(
    r"\b(?:analyse|specifications?|conception|etude prealable|etude de l'existant"
    r"|besoins?|cahier des charges|sujet)\b"
)


def _opened_by_the_run_before(
    activities: Section,
    parts: list[Part],
    joins: Callable[[Part], bool],
    decided_by: tuple[str, ...],
) -> Section:
    """The activities opened at the first of the parts right before them, one after the
    other, that ``joins`` takes in (parts at their level, not each chapter's own
    introduction and conclusion set a level below); unchanged when the part before them is
    not one."""
    body = [p for p in parts if not p.matter and p.level <= activities.level]
    at = next(
        (k for k, p in enumerate(body) if (p.page, p.title) == (activities.page, activities.title)),
        None,
    )
    if at is None:
        return activities
    first = at
    while first > 0 and joins(body[first - 1]):
        first -= 1
    if first == at:
        return activities
    return _opened_by(activities, body[first], decided_by)


def _from_the_first_phase(
    activities: Section, parts: list[Part], company: Section | None
) -> Section:
    """Activities named by a bare "Réalisation" chapter that closes a run of method chapters
    ("Chapitre II : Étude préalable", "III : Spécification des besoins", "IV : Conception",
    "V : Réalisation"): the work starts with the first of that run, as the student's
    analysis and design are their work too. A chapter of another kind before the run ("État
    de l'art", the company's) stays out of it, and so does a study of the existing system
    that holds the company's part ("Chapitre II : Étude de l'existant" opening on "II.1
    Organisme d'accueil"): the host is no work of the student's."""
    if not IMPLEMENTATION_PHASE.match(heading_key(activities.title)):
        return activities

    def a_method_phase(part: Part) -> bool:
        return (
            part.key is None
            and bool(METHOD_PHASE.search(heading_key(part.title)))
            and not _holds(part, company)
        )

    return _opened_by_the_run_before(activities, parts, a_method_phase, ("title", "place"))


def _from_the_project_before_it(
    activities: Section, parts: list[Part], company: Section | None
) -> Section:
    """Activities named by their title ("TRAVAUX RÉALISÉS") right after a part that only
    hints at them ("PROJET & RÔLE", "Le projet": the project the student was given, and
    their role in it), after the company's part: the work starts with the project, as the
    student presented it before carrying it out; from the first of several such parts
    ("PROJET GÉNÉRAL - Contexte", "- Méthodologie", "- Difficultés")."""

    def hints_at_the_work(part: Part) -> bool:
        hint = part.match
        return (
            hint is not None
            and hint.key == ACTIVITIES
            and hint.rank == 0
            and part.level == activities.level
            and after(part, company)
        )

    return _opened_by_the_run_before(activities, parts, hints_at_the_work, ("title", "place"))


def _from_the_main_work(activities: Section, parts: list[Part], company: Section | None) -> Section:
    """Activities named by their side work ("5 Activités annexes") after chapters that tell
    the main work ("3 Analyse", "4 Rapport technique"): the activities start with the first
    of those chapters (the run of work-telling chapters right before the side work, after
    the company's part), as the student's main work is their activities too."""
    if not names_side_work(activities.wording):
        return activities

    def tells_the_main_work(part: Part) -> bool:
        return (
            part.key is None
            and after(part, company)
            and part.profile.density[WORK] >= WORK_DENSITY / 2
        )

    return _opened_by_the_run_before(
        activities, parts, tells_the_main_work, ("title", "content", "place")
    )


def _review_before_the_conclusion(part: Part, conclusion: Section | None) -> bool:
    """A part titled as a review ("II. Bilan et retour d'expérience") before the report's
    own "Conclusion": it closes nothing, and may well tell the work ("Contextualisation du
    stage", "Contenu du stage"); its content decides, as any untitled part's. Not the part
    that holds the conclusion as its own last section ("4. Discussion" over "4.3 Conclusion
    et perspectives"): it closes the report with it."""
    return (
        conclusion is not None
        and part.match is not None
        and part.match.rank == 1  # "Bilan", not a mere hint ("Compétences mobilisées")
        and (part.page, part.top) < (conclusion.page, conclusion.top)
        and conclusion.named
        and not (conclusion.level > part.level and conclusion.page <= part.end_page)
    )


def _activities(
    free: list[Part], found: dict[str, Section], parts: list[Part], headings: list[Heading]
) -> Candidate | None:
    company, conclusion = found.get(COMPANY), found.get(CONCLUSION)
    if company is not None and not company.named and company.decided_by == ("title",):
        company = None  # a title that only hints, its text not confirming: it bounds nothing
    intro = next((p for p in parts if p.key == INTRODUCTION), None)
    window = [
        _under_its_label(p, parts) if p.key == INTRODUCTION else p
        for p in free
        if (p.key != INTRODUCTION or _part_opening(p, intro, parts))
        and (p.key != CONCLUSION or _review_before_the_conclusion(p, conclusion))
        and p.profile.words >= MIN_WORDS
        and after(p, company)
        and (intro is None or (p.page, p.top) > (intro.page, intro.top))
        and before(p, conclusion)
        and p is not intro
    ]
    if not window:
        return None
    every = [p.profile.density[WORK] for p in window]
    biggest = max(window, key=lambda p: p.share)
    if len(window) <= FEW_PARTS or biggest.share >= MOST_OF_REPORT:
        # The only parts between the company presentation and the conclusion, or the bulk
        # of the report: its development, which the regulation asks to be the activities.
        # Of the few, the first that tells work: a background chapter ("Les réseaux radio")
        # may come before the one about the student's task.
        telling = [p for p in window if p.profile.density[WORK] >= WORK_DENSITY / 2]
        first = next(iter(telling), None) if len(window) <= FEW_PARTS else biggest
        if first is not None and first in telling:
            # The work then runs on through the later parts that tell work too (the
            # project's specification, then its implementation).
            span = replace(first, end_page=max(p.end_page for p in telling))
            return Candidate(span, ("place", "content"), 0.6 if len(window) == 1 else 0.5)
    # Parts titled by the tasks they tell ("Création des comptes utilisateurs", "Mise en place
    # de la supervision", "Conception et réalisation"): chapters of the student's own work.
    # (Or the only chapter there, titled by its task: "Modélisation".)
    tasks = [p for p in window if TASK_TITLE.match(heading_key(p.title))]
    if len(tasks) >= min(2, len(window)) and 2 * len(tasks) >= len(window):
        span = replace(tasks[0], end_page=tasks[-1].end_page)  # from the first task to the last
        return Candidate(span, ("title", "place"), 0.6)
    typical = sorted(every)[len(every) // 2]
    # Else the last chapter before the conclusion, titled by its task ("Mise en place du
    # datawarehouse" after the client's and the tools' chapters) and telling work as much
    # as the others: the development that the chapters before it prepared.
    last = window[-1]
    if (
        len(window) > 1
        and TASK_TITLE.match(heading_key(last.title))
        and last.profile.density[WORK] >= max(WORK_DENSITY / 2, typical)
    ):
        return Candidate(last, ("title", "place"), 0.5)
    # Else the first part that narrates work clearly more than the parts around it do.
    for part in window:
        density = part.profile.density[WORK]
        if density >= WORK_DENSITY and density >= WORK_MARGIN * max(typical, 0.1):
            confidence = content_confidence(part.profile, WORK, WORK_DENSITY)
            return Candidate(part, ("content", "place"), confidence)
    # Else topic chapters ("Les CMS utilisés", "Intégration HTML et CSS", "Analyse du
    # projet") that make the bulk of the report, read together narrate work, and whose titles
    # or sections name the student's projects ("Les projets", "Présentation du projet"): the
    # activities are told there, under no title that says so. Low confidence: a warning
    # names the first chapter.
    words = sum(p.profile.words for p in window)
    pooled = sum(p.profile.density[WORK] * p.profile.words for p in window) / max(words, 1)
    start, stop = (window[0].page, window[0].top), (window[-1].end_page + 1, 0.0)
    named = [
        h
        for h in headings
        if start < (h.page, h.top) < stop and h.level > window[0].level and h.key == ACTIVITIES
    ] + [p for p in window if PROJECT_WORD.search(heading_key(p.title))]
    span = replace(window[0], end_page=window[-1].end_page)  # the chapters, as one part
    if (
        sum(p.share for p in window) >= MOST_OF_REPORT
        and pooled >= TOPIC_WORK_DENSITY
        and len(named) >= TOPIC_PROJECT_SECTIONS
    ):
        return Candidate(span, ("place", "content"), 0.4)
    # Else chapters titled by their topics ("Parcours et exécution du code des élèves", "De
    # l'erreur classique à l'indice", "L'algorithme DTW"), read together narrating work as
    # densely as a part titled by the activities does, and each at least half as densely
    # (one chapter explaining an algorithm before the next tells its implementation), none
    # describing an organisation nor titled as the setting ("Environnement technique",
    # "Analyse de l'existant": what the student worked in, told in the first person too,
    # is no work of theirs): the student's work told chapter after chapter, from the first
    # to the last. None stands out, so the activities are the run (low confidence: a
    # warning names its first chapter).
    if (
        len(window) > FEW_PARTS
        and pooled >= WORK_DENSITY
        and min(every) >= WORK_DENSITY / 2
        and not any(_describes_company(p.profile) for p in window)
        and not any(SETTING_TITLE.search(heading_key(p.title)) for p in window)
    ):
        return Candidate(span, ("content", "place"), 0.5)
    # Else chapters that are nearly the whole report, after the company's part when there is
    # one, and none of them about the company (a technical study from the introduction to
    # the end; a research placement's theory and experiments chapters, titled by their
    # subject and written in "we"): the development, which is the activities. (What follows
    # the conclusion, references or a first annex page, is not the report's; nor is its
    # introduction, however long: "Chapitre 1 Introduction" holding the placement's setting
    # and aims, then the project's chapters.)
    report = sum(
        p.share
        for p in parts
        if (conclusion is None or not after(p, conclusion)) and (p is not intro or p in window)
    )
    if sum(p.share for p in window) >= WHOLE_REPORT * (report or 1) and not any(
        _describes_company(p.profile) for p in window
    ):
        return Candidate(span, ("place",), 0.4)
    # Else the bulk of the report, between the company and the conclusion, telling some
    # work but less than half as densely as a narrated part does (a description of the
    # programs written): where the regulation puts the activities, too faint to be sure
    # either way. A warning that names it, never "no part describes the activities".
    if biggest.share >= MOST_OF_REPORT and biggest.profile.density[WORK] >= FAINT_WORK_DENSITY:
        return Candidate(biggest, ("place", "content"), 0.3)
    return None


def _part_opening(part: Part, intro: Part | None, parts: list[Part]) -> bool:
    """An "Introduction" after the report's own, under a part's label set above it ("Partie
    II : Rapport de pré-programmations", a divider, then "INTRODUCTION" and 28 pages): it
    opens that part's development, which is read like any other part."""
    if intro is None or part is intro:
        return False
    before = [p for p in parts if (p.page, p.top) < (part.page, part.top)]
    if not before:
        return False
    label = before[-1]  # a divider: a title set larger, on a page of its own, saying little
    return (
        label.level < part.level
        and label.page < part.page
        and label.key is None
        and not label.matter
        and label.profile.words < MIN_WORDS
    )


def _under_its_label(part: Part, parts: list[Part]) -> Part:
    """A part's own introduction, shown as the part its label opens ("Partie II : Rapport de
    pré-programmations", p. 13 to the end of its development): "INTRODUCTION" would tell the
    student nothing."""
    label = [p for p in parts if (p.page, p.top) < (part.page, part.top)][-1]
    return replace(label, end_page=part.end_page, profile=part.profile, share=part.share)


def _inner_parts(
    holder: Part,
    parts: list[Part],
    headings: list[Heading],
    pages: BodyPages,
    taken: set[tuple[int, str]],
) -> list[Part]:
    """The parts one level below a top-level part, each with its content profile."""
    following = [p for p in parts if (p.page, p.top) > (holder.page, holder.top)]
    until = (following[0].page, following[0].top) if following else (pages.last + 1, 0.0)
    inside = [
        h
        for h in headings
        if (holder.page, holder.top) < (h.page, h.top) < until
        and h.level > holder.level
        and not chapter_label(h.text)  # "Deuxième partie" over the next part's title
    ]
    if not inside:
        return []
    level = min(h.level for h in inside)
    # The last inner part ends where the holder does: on the page before the next part when
    # that part opens its page, on the body's last page when nothing follows.
    if following:
        last = until[0] - 1 if following[0].heading.first_on_page else until[0]
    else:
        last = pages.last
    inner = top_parts(inside, level, holder.page, max(holder.page, last), pages.between, until)
    return [p for p in inner if not p.matter and (p.page, p.title) not in taken]


def _inside_long_introduction(
    parts: list[Part],
    headings: list[Heading],
    pages: BodyPages,
    taken: set[tuple[int, str]],
) -> list[Part]:
    """The parts of an "Introduction" that holds most of the report ("Introduction :" then
    "Présentation du projet :", "Mise en place du module Bluetooth :" set a level below it,
    up to the conclusion): the report's development is told there."""
    intro = next((p for p in parts if p.key == INTRODUCTION), None)
    if intro is None or intro.share < MOST_OF_BODY:
        return []
    return _inner_parts(intro, parts, headings, pages, taken)


def _after_deep_company(
    found: dict[str, Section],
    parts: list[Part],
    headings: list[Heading],
    pages: BodyPages,
    taken: set[tuple[int, str]],
) -> list[Part]:
    """The parts of the top-level part that holds a deeper company presentation, after it:
    "DÉVELOPPEMENT" opening on "Présentation de l'organisation d'accueil", then "Contexte du
    stage" and "Synthèse des missions", tells the work in that same part."""
    company = found.get(COMPANY)
    if company is None or company.level <= company.main_level:
        return []
    place = (company.page, company.top)
    holders = [p for p in parts if (p.page, p.top) < place]
    if not holders:
        return []
    inner = _inner_parts(holders[-1], parts, headings, pages, taken)
    return [p for p in inner if (p.page, p.top) > place]


# A section's title that names the internship's work: its project, missions, tasks, objectives.
WORK_TITLE_WORD = re.compile(r"\b(?:projets?|missions?|taches?|stage|objectifs?)\b")
# Inside the introduction, only the student's own missions or tasks: its "Contexte du projet"
# or "Objectifs" set the scene for the chapters that tell the work.
OWN_WORK_TITLE_WORD = re.compile(r"\b(?:missions?|taches?)\b")


def _work_after_deep_company(
    after_company: list[Part], in_introduction: bool = False
) -> Candidate | None:
    """The first section after a company presented inside a wider first part ("DÉVELOPPEMENT"
    > "Présentation de l'entreprise", then "Contexte et objectifs du stage"; "Introduction" >
    "L'entreprise", then "Projet et description de mes missions") whose title names the
    internship's work and whose text tells work more than it describes the host: the
    activities start there, in reading order, before any later top-level part. A section
    titled otherwise ("Ameur Hazmani, un tuteur", "Les raisons qui m'ont décidé") is left to
    the reading of the whole report. Inside the introduction ("1 Introduction" > "1.1
    Acteurs", then "1.2 Contexte du projet"), the title has to name missions or tasks."""
    title_word = OWN_WORK_TITLE_WORD if in_introduction else WORK_TITLE_WORD
    for part in after_company:
        read = part.profile
        if (
            read.words >= MIN_WORDS
            and title_word.search(heading_key(part.title))
            and read.density[WORK] >= WORK_DENSITY / 2
            and read.density[WORK] > read.density[COMPANY]
        ):
            return Candidate(part, ("title", "content", "place"), 0.6)
    return None


def _in_introduction(
    parts: list[Part],
    headings: list[Heading],
    pages: BodyPages,
    taken: set[tuple[int, str]],
) -> Candidate | None:
    """The company presented inside the introduction, with no part of its own: under a
    sub-title ("1.1 L'accueil", "Premiers pas") or one level below, read by its content (a
    paragraph of its own text: :func:`_in_introduction_text`). The student did present it,
    so "no part presents the company" would be false; the rule says it has no part of its
    own. The host only named in a first-person sentence ("J'ai effectué mon stage chez
    Mediawan, un groupe spécialisé dans...") is no presentation: the error stands."""
    intro = next((p for p in parts if p.key == INTRODUCTION), None)
    if intro is None:
        return None
    sections = _inner_parts(intro, parts, headings, pages, taken)
    candidate = _company([p for p in sections if p.profile.words >= MIN_WORDS], {})
    # One level down too: a LaTeX part "I Introduction" holding the chapter "Le projet",
    # whose section "1.2 Logiciel Libre et Les Polypodes" presents the host.
    around = sorted([*sections, *parts], key=lambda p: (p.page, p.top))
    for section in sections if candidate is None else ():
        deeper = _inner_parts(section, around, headings, pages, taken)
        candidate = _company([p for p in deeper if p.profile.words >= MIN_WORDS], {})
        if candidate is not None:
            break
    if candidate is None:
        return None
    return replace(candidate, within=WITHIN_SECTION, confidence=min(candidate.confidence, 0.6))


def _bare_hint(section: Section) -> bool:
    """A part taken on a title that only hints at the host ("I- PRÉSENTATION") and that its
    text does not confirm: a guess, which a title naming the host outright overrides."""
    return bool(section.title) and not section.named and section.decided_by == ("title",)


def _named_in_introduction(
    parts: list[Part], headings: list[Heading], pages: BodyPages, taken: set[tuple[int, str]]
) -> Candidate | None:
    """The host presented in a section of the introduction whose title names it outright
    ("II- INTRODUCTION" > "A- Présentation de la Société de gestion :", after "I-
    PRÉSENTATION" of the memoir's theme): that section, read as the introduction's."""
    candidate = _in_introduction(parts, headings, pages, taken)
    if candidate is None or candidate.part.match is None:
        return None
    if candidate.part.key != COMPANY or candidate.part.match.rank < 2:
        return None
    return candidate


def _under_its_divider(company: Section, headings: list[Heading]) -> Section:
    """A company part opened by a divider page whose title does not name it ("Insertion",
    "Chapitre I : Présentation du contexte de l'étude") starts at the first title under it on
    the next page ("A. OPENIKA SAS", "1.1 Présentation de Acumen Network"): the presentation
    of the host begins there, or at the title under it that names the part ("II-
    PRESENTATION DE L'ENTREPRISE" after "I- INTRODUCTION"). A divider that names the part
    ("PREMIÈRE PARTIE : PRÉSENTATION DE L'ENTREPRISE") opens it, as realdev's reader reads it."""
    divider = next((h for h in headings if (h.page, h.top) == (company.page, company.top)), None)
    if divider is None or not divider.alone_on_page or _names_an_organisation(divider):
        return company
    after = [h for h in headings if (h.page, h.top) > (divider.page, divider.top)]
    under = after[0] if after else None
    if under is None or under.page != divider.page + 1 or under.level <= divider.level:
        return company
    # Under "CHAPITRE 1 : Contexte du stage", "I- INTRODUCTION" then "II- PRESENTATION DE
    # L'ENTREPRISE": the title that names the part, when the chapter has one.
    inside = itertools.takewhile(
        lambda h: h.level > divider.level and h.page <= company.end_page, after
    )
    opening = next(
        (h for h in inside if h.match and h.match.key == COMPANY and h.match.rank == 2), under
    )
    return replace(
        company,
        title=opening.text,
        page=opening.page,
        top=opening.top,
        first_on_page=opening.first_on_page,
        named_by=company.named_by or (divider.text if company.named else ""),
    )


# "Chapitre I :", "PARTIE 2 -", "II." before a divider's title.
_CHAPTER_LABEL = re.compile(
    r"^\s*(?:(?:chapitre|partie|part)\s+\S+|[0-9]+|[ivx]+)\b\s*[:.)\-–—]?\s*", re.IGNORECASE
)


def _names_an_organisation(divider: Heading) -> bool:
    """The divider's title names the host's part ("Présentation de l'entreprise": a wording
    of rank 1 or 2) or an organisation by its proper name ("Présentation générale du Centre
    Hospitalier Universitaire": a capital past its first word, in a title not set in
    capitals), not the setting ("Présentation du contexte de l'étude", "Contexte du stage",
    "Insertion")."""
    if divider.match is not None and divider.match.rank >= 1:
        return not names_a_setting(divider.match.wording)
    title = _CHAPTER_LABEL.sub("", divider.text, count=1)
    return not title.isupper() and any(word[:1].isupper() for word in title.split()[1:])


def _the_tutors_part(free: list[Part], found: dict[str, Section]) -> Candidate | None:
    """A part of its own, before the activities, that presents the student's tutor ("01 MON
    TUTEUR": his titles, his roles, his firm) when nothing presents an organisation: the host
    is that person (a consultant, a freelance developer), and "no part presents the host"
    would be false. Only a guess (the part tells a person's career, not a company's)."""
    activities = found.get(ACTIVITIES)
    for part in free:
        if not before(part, activities):
            break
        if part.profile.words >= MIN_WORDS and TUTOR_TITLE.match(heading_key(part.title)):
            return Candidate(part, ("title", "place"), TUTOR_CONFIDENCE)
    return None


def _in_the_foreword(
    parts: list[Part],
    headings: list[Heading],
    pages: BodyPages,
    taken: set[tuple[int, str]],
) -> Candidate | None:
    """The host presented in a foreword, before the report's first part: a section under a
    title of its own (the bare name "BICI", in an "Avant-propos" that the introduction
    follows), whose text describes an organisation in the third person; the one that says
    most of it when the foreword also presents the student's school ("je vais présenter
    d'une part l'IT University et d'autre part mon entreprise d'accueil"). At a low
    confidence: the host has no part of the report's own."""
    first = next((p for p in parts if not p.matter), None)
    if first is None:
        return None
    ahead = [h for h in headings if (h.page, h.top) < (first.page, first.top)]
    named = [h for h in ahead if not h.matter and h.key is None and (h.page, h.text) not in taken]
    if not named:
        return None
    level = min(h.level for h in named)
    sections = [
        p
        for p in top_parts(ahead, level, 1, first.page, pages.between, (first.page, first.top))
        if not p.matter and p.key is None and p.profile.words >= MIN_WORDS
    ]
    candidate = _company(sections, {})
    if candidate is None:
        return None
    return replace(candidate, confidence=min(candidate.confidence, 0.5))


def _in_introduction_text(parts: list[Part], pages: BodyPages) -> Candidate | None:
    """The company presented in a paragraph of the introduction's own text, in the third
    person ("L'École Nationale de la Magistrature est une école supérieure publique..."),
    under a title of its own that no outline lists, or under none."""
    intro = next((p for p in parts if p.key == INTRODUCTION), None)
    if intro is None:
        return None
    following = [p for p in parts if (p.page, p.top) > (intro.page, intro.top)]
    stop = (following[0].page, following[0].top) if following else (pages.last + 1, 0.0)
    return _host_under_a_title_in_the_text(intro, stop, pages) or _host_in_the_text_of(
        intro, stop, pages
    )


TEXT_TITLE_MAX_WORDS = 10


def _host_under_a_title_in_the_text(
    holder: Part, stop: Place, pages: BodyPages
) -> Candidate | None:
    """A bold line of ``holder``'s text that titles the host's presentation ("Présentation
    de ALL IN ONE -BENIN", a LaTeX \\subsection* that the bookmarks do not list), then a
    paragraph in the third person that describes an organisation: the company is presented
    there, from that title. The title says what the paragraph is about, so a paragraph
    shorter than an untitled one needs (:func:`is_host_paragraph`) is enough."""
    start = (holder.page, holder.top + 1)
    for number in range(holder.page, min(stop[0], pages.last) + 1):
        lines = pages.lines(number)
        for index, line in enumerate(lines):
            below = lines[index + 1] if index + 1 < len(lines) else None
            if not start <= (number, line.box.top) < stop or not _titles_the_host(line, below):
                continue
            after = pages.paragraphs((number, line.box.bottom), stop)[:OPENING_PARAGRAPHS]
            for passage in third_person_passages(after):
                read = profile(passage)
                if not _describes_company(read):
                    continue
                host = replace(
                    holder,
                    title=line.text,
                    page=number,
                    top=line.box.top,
                    profile=read,
                    end_page=max(number, min(holder.end_page, stop[0])),
                )
                confidence = min(content_confidence(read, COMPANY, COMPANY_DENSITY), 0.6)
                # A section of the introduction, which its bookmarks do not list.
                return Candidate(host, ("title", "content"), confidence, within=WITHIN_SECTION)
    return None


TEXT_TITLE_SIZE = 1.05  # a title set apart by its size: this much larger than the text under it


def _titles_the_host(line: TextLine, below: TextLine | None) -> bool:
    """A short line set apart from the text under it (bold, or larger), whose words name the
    host's presentation."""
    apart = line.bold or (below is not None and line.size >= TEXT_TITLE_SIZE * below.size)
    if not apart or len(line.text.split()) > TEXT_TITLE_MAX_WORDS:
        return False
    match = classify(heading_key(line.text))
    return match is not None and match.key == COMPANY


def _host_in_the_text_of(
    holder: Part, stop: Place, pages: BodyPages, kinds: int = 0
) -> Candidate | None:
    """A paragraph (or a run of short ones) of ``holder``'s text, up to ``stop``, given to
    the host in the third person: the company presented there, with no part of its own;
    with at least ``kinds`` kinds of organisation cues."""
    for passage in third_person_passages(pages.paragraphs((holder.page, holder.top + 1), stop)):
        read = profile(passage)
        if is_host_paragraph(read) and read.kinds_seen(COMPANY) >= kinds:
            confidence = min(content_confidence(read, COMPANY, COMPANY_DENSITY), 0.6)
            # The cues are the passage's, the pages those read (not the whole chapter's).
            last = stop[0] if stop[1] > 0 else stop[0] - 1
            host = replace(
                holder, profile=read, end_page=max(holder.page, min(holder.end_page, last))
            )
            return Candidate(host, ("content",), confidence, within=WITHIN_TEXT)
    return None


OPENING_TEXT_FROM = 2  # the first page is the cover's, whose card names the host too
OPENING_TEXT_PAGES = 2  # the text that opens the report: its first two pages at most


def host_in_opening_text(headings: list[Heading], pages: BodyPages) -> Section | None:
    """The host presented in the body's opening text, before its first title, in the third
    person ("Lovzysoft est une entreprise SAS dont le domaine d'activité est..., située au 220
    rue..., au moins 5 employés", then "J'ai dû travailler seul..."): a report that starts
    without a title, whose host has no part of its own. Too little for a part, too much to
    tell the student there is none: RL201 warns, quoting the passage's first words. Tried
    after the contents list (which names the part where a title could not be read), and only
    where the report has titles: without one, the whole body is "before the first title",
    and RL201 says that no title could be read."""
    if not headings:
        return None
    first = min((h.page, h.top) for h in headings)
    start: Place = (OPENING_TEXT_FROM, 0.0)
    stop = min(first, (OPENING_TEXT_FROM + OPENING_TEXT_PAGES, 0.0))
    if stop <= start:
        return None
    placed = pages.placed_paragraphs(start, stop)
    where = {text: place for place, text in placed}
    texts = [text for _, text in placed]
    # The whole opening text too, told mostly in the third person: a page that places the
    # stay ("J'ai effectué mon stage au laboratoire LIENSs, une unité de recherche... Fondé
    # en 2008") and then describes the host over paragraphs, under no title at all.
    whole = " ".join(texts)
    told = [whole] if len(texts) > 1 and profile(whole).voice < HOST_PARAGRAPH_VOICE else []
    for passage in third_person_passages(texts) + told:
        read = profile(passage)
        if not is_host_paragraph(read):
            continue
        opening = next((text for text in where if passage.startswith(text)), passage)
        page, top = where.get(opening, start)
        confidence = min(content_confidence(read, COMPANY, COMPANY_DENSITY), 0.6)
        return untitled_section(
            COMPANY,
            COMPANY,
            first_words(passage),
            (page, top),
            page,
            read,
            confidence=confidence,
            decided_by=("content",),
            within=WITHIN_OPENING,
        )
    return None


# Cues that name an organisation without saying anything of it: the noun ("la société"),
# its legal form ("filiale"), where the stay took place.
NAMING_CUES = frozenset({"the-organisation", "legal-form", "stay-place"})


def describing_kinds(read: ContentProfile) -> int:
    """How many kinds of cues say something of an organisation (what it is, where, since
    when, how large, what it does), beyond those that only name one."""
    return sum(name not in NAMING_CUES for name, _ in read.cues.get(COMPANY, ()))


def is_host_paragraph(read: ContentProfile) -> bool:
    """A passage that presents the host: long enough and dense in organisation cues, or
    short and packed with cues of many kinds; and saying what the organisation is, where,
    since when, how large or what it does. A passage that only names one ("la victoire du
    programme AlphaGo, conçu par la société DeepMind, filiale de Google", in a memoir's
    introduction on chatbots) presents no host, however dense its names."""
    if not _describes_company(read):
        return False
    if describing_kinds(read) == 0:
        return False
    words, kinds = SHORT_HOST_PARAGRAPH
    return read.words >= HOST_PARAGRAPH_WORDS or (
        read.words >= words and read.kinds_seen(COMPANY) >= kinds
    )


def third_person_passages(paragraphs: list[str]) -> list[str]:
    """Each paragraph in the third person, then the runs of paragraphs that follow each other
    in a text told in the third person: a host presented over short paragraphs ("Alturing est
    une entreprise de services...", "L'entreprise est séparée en 2 sites, ... lieu de mon
    stage", its clients) until a paragraph the student narrates ("J'ai rejoint le Centre de
    Services...") ends the run; and the run's opening paragraphs, before the text turns to
    the project ("Le CIRAD est un organisme public...", "Mon stage s'est déroulé au sein de
    l'UMR SENS, une équipe...", then "Ce stage s'inscrit dans le cadre du projet..."); and
    two paragraphs in a row told in the third person, the first describing an organisation."""
    profiles = [profile(p) for p in paragraphs]
    voices = [read.voice for read in profiles]
    passages = [
        p for p, voice in zip(paragraphs, voices, strict=True) if voice < HOST_PARAGRAPH_VOICE
    ]
    # Two paragraphs in a row anywhere in the text, the first describing an organisation on
    # its own: the host named with what it is ("Ce stage a été réalisé avec le Laboratoire
    # ... C'est un centre de recherche qui réunit EDF"), then what it does ("Le LHSV travaille
    # sur ..."), after paragraphs on the subject. Not a caption or a footnote followed by
    # anything: the pair's cues would be the sum of two unrelated texts.
    for (first, opening), (second, following) in itertools.pairwise(
        zip(paragraphs, profiles, strict=True)
    ):
        if max(opening.voice, following.voice) >= NARRATED_PARAGRAPH_VOICE:
            continue
        if not (_describes_company(opening) and describing_kinds(opening) > 0):
            continue
        pair = f"{first} {second}"
        if profile(pair).voice < HOST_PARAGRAPH_VOICE:
            passages.append(pair)
    run: list[str] = []
    for paragraph, voice in [*zip(paragraphs, voices, strict=True), ("", 0.0)]:
        if paragraph and voice < NARRATED_PARAGRAPH_VOICE:
            run.append(paragraph)
            continue
        ends = sorted({*range(2, min(len(run), OPENING_PARAGRAPHS) + 1), len(run)} - {1})
        for told in (" ".join(run[:end]) for end in ends):
            if profile(told).voice < HOST_PARAGRAPH_VOICE * 1.5:
                passages.append(told)
        run = []
    return passages
