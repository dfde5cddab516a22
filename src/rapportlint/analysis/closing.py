"""The conclusion that no title names: found by what the report's last text says and where
it stands.

A student who ends on a "Bilan", on a title drawn as a picture (WordArt, a Canva heading), on a
section's "Bilan" inside the last part, on a paragraph opening "Conclusion : ...", or on a short
last part that looks back on the whole placement still wrote a conclusion: telling them there is
none would be false. Each way below finds one, with what decided it and a confidence, never
``named``, so that RL203 says at warning level what it saw. Called by
:func:`rapportlint.analysis.unnamed.complete` once no title names the conclusion.
"""

from __future__ import annotations

import re

from rapportlint.analysis.body_pages import BodyPages
from rapportlint.analysis.candidate import (
    MIN_WORDS,
    Candidate,
    after,
    content_confidence,
    untitled_section,
)
from rapportlint.analysis.content import CLOSING, COMPANY, ContentProfile, profile
from rapportlint.analysis.drawn_titles import drawn_lettering
from rapportlint.analysis.headings import Heading
from rapportlint.analysis.parts import Part, Place
from rapportlint.analysis.sections import WITHIN_CLOSING_WORDS, WITHIN_RUN_IN, Section
from rapportlint.analysis.text import fold, fold_with_map
from rapportlint.analysis.vocabulary import ACTIVITIES, CONCLUSION, names_a_final_state

CLOSING_DENSITY = 4.5  # for a part: only its text tells
CLOSING_KINDS = 3
CLOSING_PAGE_DENSITY = 3.0  # for the last page under a title drawn as a picture: place tells too


def _last_free_part(free: list[Part], found: dict[str, Section], parts: list[Part]) -> Part | None:
    """The body's last part, when no title named it and it comes after the company and the
    activities: the place where a conclusion under another title would stand."""
    body = [p for p in parts if not p.matter]
    if not body:
        return None
    last = body[-1]
    if last not in free or last.profile.words < MIN_WORDS:
        return None
    if not (after(last, found.get(ACTIVITIES)) and after(last, found.get(COMPANY))):
        return None
    return last


def conclusion_part(
    free: list[Part], found: dict[str, Section], parts: list[Part]
) -> Candidate | None:
    last = _last_free_part(free, found, parts)
    if last is not None and _reads_as_closing(last.profile, CLOSING_DENSITY):
        return Candidate(
            last, ("content", "place"), content_confidence(last.profile, CLOSING, CLOSING_DENSITY)
        )
    return None


def last_part_looking_back(
    free: list[Part], found: dict[str, Section], parts: list[Part], pages: BodyPages
) -> Candidate | None:
    """The last way to find a conclusion: a short last part that looks back on the whole
    placement (see :func:`_looks_back_briefly`), at a low confidence."""
    last = _last_free_part(free, found, parts)
    if last is not None and _looks_back_briefly(last, pages):
        return Candidate(last, ("place", "content"), LOOKS_BACK_CONFIDENCE)
    return None


# "Pendant toute la durée de ce stage", "Lors de ce stage", "Au cours de ces cinq semaines":
# the whole placement looked back on, not one of its tasks.
RETROSPECTIVE = re.compile(
    r"\b(?:pendant|durant|lors de|au cours de|tout au long de|a l'\s*issue de)\s+"
    r"(?:toute la duree de |l'\s*ensemble de )?(?:ce|cette|mon|ces [a-z0-9]+) "
    r"(?:stage|periode|alternance|apprentissage|semaines|mois)\b"
)
SHORT_LAST_PART_WORDS = 300  # a paragraph or two: a closing summary, not a chapter of work
LOOKS_BACK_CONFIDENCE = 0.4


def _looks_back_briefly(part: Part, pages: BodyPages) -> bool:
    """The report's last part is short and looks back on the whole placement with what it
    brought ("Pendant toute la durée de ce stage j'ai pu réaliser au total...", "Lors de ce
    stage, j'ai appris..."), under a title that does not say so ("Mes actions :"): the
    student's closing words. Not enough to be sure it is the conclusion; enough to be unsure
    that there is none (RL203 then warns, naming it)."""
    read = part.profile
    if read.words > SHORT_LAST_PART_WORDS or read.density[CLOSING] < CLOSING_PAGE_DENSITY / 2:
        return False
    if not any(name == "what-it-brought" for name, _ in read.cues[CLOSING]):
        return False
    text = pages.between((part.page, part.top), (part.end_page + 1, 0.0))
    return RETROSPECTIVE.search(fold(text)) is not None


def _reads_as_closing(read: ContentProfile, threshold: float) -> bool:
    """The text looks back on the internship: closing cues at ``threshold`` per 100 words, of
    several kinds, and more of them than of the organisation's."""
    density = read.density
    return (
        density[CLOSING] >= threshold
        and read.kinds_seen(CLOSING) >= CLOSING_KINDS
        and density[CLOSING] >= density[COMPANY]
    )


def _back_matter_after(part: Part, headings: list[Heading]) -> Heading | None:
    """The first back-matter title after ``part`` ("Bibliographie", "Glossaire", "Annexes"):
    the report's own text ends there."""
    after = [h for h in headings if h.plainly_matter and (h.page, h.top) > (part.page, part.top)]
    return min(after, key=lambda h: (h.page, h.top), default=None)


def _page_before(heading: Heading) -> int:
    """The last page before a title: the one before its page when it opens that page."""
    return heading.page - 1 if heading.first_on_page else heading.page


def _last_text_page(parts: list[Part], pages: BodyPages, headings: list[Heading]) -> int | None:
    """The body's last page with text of its own: before the back matter after the last part
    ("Bibliographie", "Glossaire"), past pages that hold only a few words (a page number, a
    caption). None without a part to read, or without such a page."""
    body = [p for p in parts if not p.matter]
    if not body:
        return None
    matter = _back_matter_after(body[-1], headings)
    number = pages.last if matter is None else _page_before(matter)
    while number >= 1 and len(pages.text(number).split()) < MIN_WORDS:
        number -= 1
    return number if number >= 1 else None


def closing_page(
    found: dict[str, Section], parts: list[Part], pages: BodyPages, headings: list[Heading]
) -> Section | None:
    """The last page of the body's text, when it reads as a conclusion under no title of its
    own (a title drawn as a picture, WordArt, is not in the text layer); its part starts on
    the divider page before it when that page holds no text."""
    number = _last_text_page(parts, pages, headings)
    if number is None or any(h.page == number for h in headings):
        return None  # a title stands on that page: its part is judged by it
    # The conclusion's own title is a picture: on a divider page before the text, or above
    # the text on its page. Without that, the last page is only the end of the last part.
    divider = number > 1 and pages.divider(number - 1)
    if not (divider or pages.picture_above_text(number)):
        return None
    earlier = [s for s in found.values() if s.key != CONCLUSION]
    if any(s.page >= number for s in earlier):
        return None
    text_profile = profile(pages.text(number))
    if not _reads_as_closing(text_profile, CLOSING_PAGE_DENSITY):
        return None
    start = number - 1 if divider else number
    if any(s.page >= start for s in earlier):
        start = number
    return _untitled_closing(start, number, text_profile)


def _untitled_closing(page: int, end_page: int, read: ContentProfile) -> Section:
    """A conclusion found by its text and its place under a title drawn as a picture."""
    confidence = content_confidence(read, CLOSING, CLOSING_PAGE_DENSITY)
    return untitled_section(
        CONCLUSION, CLOSING, "", (page, 0.0), end_page, read, confidence=confidence
    )


THANKS = re.compile(r"\bremerci|\bmerci\b")
THANKS_OPENING_WORDS = 30  # a page of thanks says so in its first sentence


def closing_under_a_picture(
    found: dict[str, Section], pages: BodyPages, headings: list[Heading]
) -> Section | None:
    """Titles drawn as pictures ("CONCLUSION", "REMERCIEMENTS", "GLOSSAIRE" in a design
    tool's lettering, none in the text layer): in the body's second half, after the
    activities, the first page opened by a picture above its text and whose text reads as a
    conclusion opens it, up to the page before the next page opened by a picture (the
    thanks, a glossary). Thanks read as closing too: a page that opens on them is skipped."""
    activities = found.get(ACTIVITIES)
    first = max(pages.last // 2, activities.page + 1 if activities else 1)
    titled = {h.page for h in headings}
    opened = [
        n for n in range(first, pages.last + 1) if n not in titled and pages.picture_above_text(n)
    ]
    for number in opened:
        text = pages.text(number)
        if THANKS.search(fold(" ".join(text.split()[:THANKS_OPENING_WORDS]))):
            continue
        read = profile(text)
        if not _reads_as_closing(read, CLOSING_PAGE_DENSITY):
            continue
        after = [n for n in opened if n > number]
        return _untitled_closing(number, (after[0] - 1) if after else number, read)
    return None


def closing_under_drawn_lettering(
    found: dict[str, Section], parts: list[Part], pages: BodyPages, headings: list[Heading]
) -> Section | None:
    """The body's last text, under words drawn as vector lettering in mid-page (a Word
    document's WordArt "Conclusion" that LibreOffice draws as paths, in the blank between the
    last section's text and the closing paragraphs): when that text reads as a conclusion,
    the conclusion opens at the lettering. Its words are out of the text layer, so RL203 says
    at warning level what it saw."""
    number = _last_text_page(parts, pages, headings)
    if number is None:
        return None
    for page_number in (number, number - 1):  # the last lines may run onto a page of their own
        if page_number < 1:
            continue
        lettering = drawn_lettering(pages.document.page(page_number), pages.lines(page_number))
        if not lettering:
            continue
        box = lettering[-1]
        start: Place = (page_number, box.bottom)
        if any((h.page, h.top) > start for h in headings if h.page <= number):
            return None  # a title after the lettering: it does not open the report's end
        if any((s.page, s.top) >= start for s in found.values() if s.key != CONCLUSION):
            return None
        read = profile(pages.between(start, (number + 1, 0.0)))
        if not _reads_as_closing(read, CLOSING_PAGE_DENSITY):
            return None
        confidence = content_confidence(read, CLOSING, CLOSING_PAGE_DENSITY)
        place = (page_number, box.top)
        return untitled_section(
            CONCLUSION, CLOSING, "", place, number, read, confidence=confidence, first_on_page=False
        )
    return None


FINAL_STATE_CONFIDENCE = 0.4  # "Architecture finale" ends the report: its title and place tell


def closing_section(
    found: dict[str, Section],
    parts: list[Part],
    pages: BodyPages,
    headings: list[Heading],
    main: int,
) -> Section | None:
    """The report's last title when it is a section's "Bilan" (or "Conclusion") inside the
    last part, and its text, to the end of the body, looks back on the internship: "2.2.3
    Bilan" of the last mission, that goes on with what the weeks brought. The report ends on a
    review with no part of its own; RL203 then names it at warning level (its title, its place
    and its content told) instead of saying there is nothing. A technical review of the
    mission alone (no cue of what the internship brought) is no conclusion, unless its title
    names where the work stood at the end ("Architecture finale", "État final du projet"):
    the report's last word is then a recap of the whole work, at a lower confidence."""
    body = [p for p in parts if not p.matter]
    if not body:
        return None
    last_part = body[-1]
    matter = _back_matter_after(last_part, headings)
    end: Place = (pages.last + 1, 0.0) if matter is None else (matter.page, matter.top)
    end_page = pages.last if matter is None else min(pages.last, _page_before(matter))
    inside = [
        h
        for h in headings
        if (last_part.page, last_part.top) < (h.page, h.top) < end and h.page <= pages.last
    ]
    if not inside:
        return None
    last_place = max((h.page, h.top) for h in inside)
    closing = [
        h
        for h in inside
        if (h.page, h.top) == last_place and h.key == CONCLUSION and h.level > last_part.level
    ]
    if not closing:
        return None
    heading = closing[0]
    if any(s.page > heading.page for s in found.values() if s.key != CONCLUSION):
        return None
    read = profile(pages.between((heading.page, heading.top), end))
    if _reads_as_closing(read, CLOSING_PAGE_DENSITY):
        decided_by = ("title", "content", "place")
        confidence = content_confidence(read, CLOSING, CLOSING_PAGE_DENSITY)
    elif heading.match is not None and names_a_final_state(heading.match.wording):
        decided_by, confidence = ("title", "place"), FINAL_STATE_CONFIDENCE
    else:
        return None
    return Section(
        key=CONCLUSION,
        title=heading.text,
        page=heading.page,
        end_page=max(heading.page, end_page),
        source=heading.source,
        wording=heading.match.wording if heading.match else "",
        cue=heading.cue,
        level=heading.level,
        main_level=main,
        decided_by=decided_by,
        confidence=confidence,
        named=False,
        content_cues=read.cue_words(CLOSING),
        top=heading.top,
        first_on_page=heading.first_on_page,
    )


# "Conclusion : Au cours de ces 5 semaines...", "En conclusion, ce stage...", "En conclusion
# de ce rapport de stage au sein du CROUS, ...": a paragraph that opens on the word, a run-in
# label, and not a title on a line of its own. (Not "En conclusion de cette partie": a
# chapter's own end.)
RUN_IN_LABEL = re.compile(
    r"^(?:conclusions?(?: generale| du stage| finale)?\s*[:.\-\u2013\u2014]|en conclusion\s*[,:]"
    r"|pour conclure\s*[,:])\s*\S"
)
RUN_IN_OPENING = re.compile(
    r"^(?:en conclusion de|pour conclure) (?:ce|cet|mon|cette|ma) (?:rapport|stage|alternance"
    r"|experience|periode|apprentissage)\b"
)
RUN_IN_CLOSING = re.compile(f"{RUN_IN_LABEL.pattern}|{RUN_IN_OPENING.pattern}")
RUN_IN_END = re.compile(r"\s*[:,.\-\u2013\u2014]\s*")  # where the label ends
RUN_IN_WORDS = 15  # what the paragraph under the label says, at least: a sentence or two
RUN_IN_CONFIDENCE = 0.6  # the label says "conclusion", the place says the report's end


def closing_paragraph(
    found: dict[str, Section], parts: list[Part], pages: BodyPages, headings: list[Heading]
) -> Section | None:
    """The report's last page of text holds a paragraph that opens on a run-in "Conclusion :"
    with the text to the end of the body after it (a weekly journal whose last entry ends
    "Conclusion : Au cours de ces 5 semaines..."): the student wrote a conclusion, without a
    title of its own. RL203 names it at warning level instead of saying there is none."""
    number = _last_text_page(parts, pages, headings)
    if number is None or any(s.page > number for s in found.values()):
        return None
    lines = pages.lines(number)
    later_titles = [h.top for h in headings if h.page == number]
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not RUN_IN_CLOSING.match(fold(line.text)):
            continue
        if any(top > line.box.top for top in later_titles):
            return None  # a title after the label: the label closes something before it
        text = "\n".join(candidate.text for candidate in lines[index:])
        if len(text.split()) < RUN_IN_WORDS:
            return None
        label = _run_in_label(line.text)
        place = (number, line.box.top)
        return _closing_passage(
            label, place, number, RUN_IN_CONFIDENCE, profile(text), WITHIN_RUN_IN
        )
    return None


def _closing_passage(
    title: str, start: Place, end_page: int, confidence: float, read: ContentProfile, within: str
) -> Section:
    """A conclusion read in a passage of the body's last text, with no title of its own (a
    run-in label, or the last sentences): the passage's first words for a title."""
    return untitled_section(
        CONCLUSION, CLOSING, title, start, end_page, read, confidence=confidence, within=within
    )


def _run_in_label(text: str) -> str:
    """The words a run-in closing opens on, as the student wrote them: "Conclusion" of
    "Conclusion : Au cours de...", "En conclusion de ce rapport" of "En conclusion de ce
    rapport de stage au sein du CROUS de Nantes" (no punctuation after the words)."""
    folded, origin = fold_with_map(text.strip())
    opening = RUN_IN_OPENING.match(folded)
    if opening is not None:
        return text.strip()[: origin[opening.end() - 1] + 1]
    return RUN_IN_END.split(text.strip(), maxsplit=1)[0]


# "Ce stage a été très formateur...", "Pour finir, mon alternance...": the placement as a whole,
# by its name, opens the paragraph: its subject. ("Cette expérience m'a montré" may be a
# mission's, told at the end of its account; "L'après-midi, j'ai remercié mon tuteur pour son
# accompagnement tout au long de mon stage" is a journal's last day.)
WHOLE_PLACEMENT = re.compile(
    r"^(?:\S+\s+){0,3}?(?:ce|cet|mon|cette|ma) (?:stage|alternance|apprentissage)\b"
)
CLOSING_WORDS_MAX = 120  # the report's last words that may close it: a paragraph or two
CLOSING_WORDS_CUES = ("what-it-brought", "looking-back")
CLOSING_WORDS_CONFIDENCE = 0.4  # no title, no label: only the words and their place


def closing_words(
    found: dict[str, Section], parts: list[Part], pages: BodyPages, headings: list[Heading]
) -> Section | None:
    """The report's last sentences, under no title nor label, say what the placement as a whole
    brought ("Ce stage a été très formateur pour la mise en pratique de la théorie. Il m'est
    apparu..."), after the last section of the work: the student closed the report in a few
    words without a part of their own. Too little to call it a conclusion, too much to tell
    the student there is none: RL203 warns, quoting them. Tried last."""
    number = _last_text_page(parts, pages, headings)
    if number is None or any(s.page > number for s in found.values()):
        return None
    window: Place = (number - 1, 0.0)  # the last words may begin on the page before
    # The text ends at the first back-matter title ("III Annexes" under the last lines).
    end = min(
        ((h.page, h.top) for h in headings if h.plainly_matter and window < (h.page, h.top)),
        default=(number + 1, 0.0),
    )
    titles = [(h.page, h.top) for h in headings if window <= (h.page, h.top) < end]
    start: Place = max(titles, default=window)
    paragraphs = pages.placed_paragraphs(start, end)
    if titles:
        paragraphs = paragraphs[1:]  # the title's own line
    tail: list[tuple[Place, str]] = []
    for place, paragraph in reversed(paragraphs):
        if sum(len(p.split()) for _, p in tail) + len(paragraph.split()) > CLOSING_WORDS_MAX:
            break
        tail.insert(0, (place, paragraph))
    opening = next((k for k, (_, p) in enumerate(tail) if _opens_on_the_placement(p)), None)
    if opening is None:
        return None
    read = profile("\n".join(p for _, p in tail[opening:]))
    if not any(name in CLOSING_WORDS_CUES for name, _ in read.cues[CLOSING]):
        return None
    place, first = tail[opening]
    return _closing_passage(
        first_words(first), place, number, CLOSING_WORDS_CONFIDENCE, read, WITHIN_CLOSING_WORDS
    )


def _opens_on_the_placement(paragraph: str) -> bool:
    """The paragraph opens on the placement: "Ce stage a été très formateur pour la mise en
    pratique de la théorie.", "Pour finir, mon stage...", not a task's account ("Mon tuteur
    m'a laissé une grande autonomie. Cette expérience m'a montré...")."""
    return WHOLE_PLACEMENT.match(fold(paragraph)) is not None


FIRST_WORDS = 8


def first_words(paragraph: str) -> str:
    """ "Ce stage a été très formateur pour la mise…": how a message quotes a passage that
    has no title of its own (the last sentences, the host in the opening text)."""
    words = paragraph.split()
    return " ".join(words[:FIRST_WORDS]) + ("…" if len(words) > FIRST_WORDS else "")
