"""Parts that only the contents list names: announced with their page, opened by no title.

Some students write their report as running text: the contents list says "Présentation de
l'entreprise et de l'association (pages 2 à 3)", and page 2 begins "L'entreprise dans laquelle
j'ai réalisé mon stage ... est Lovzysoft, une SAS ... créée le 1er août 2022", under no title.
Telling that student "no part presents the company" would be false: the list announces the
part, and the announced page says it. So a part that neither a title
(:mod:`rapportlint.analysis.sections`) nor a part's content (:mod:`rapportlint.analysis.unnamed`)
found is placed at the page its contents entry prints, when:

- the entry's wording names the part (a usual or explicit wording, not a mere hint);
- its printed page is the label of exactly one body page (the PDF's page labels, else the
  numbers the footers print), and that page is not the contents list itself;
- the text of the announced pages (up to the next entry's page) confirms it, as a hinting
  title needs (:func:`rapportlint.analysis.unnamed.confirms`).

The part is then kept as decided by the contents list and its content, never ``named``: the
rule warns that no title opens it in the text.

A part the list names but that nothing places (no page printed, or a page whose text does not
say it: "III-Conclusion" listed over the thanks and the annexes) is kept as *listed*
(:func:`listed_without_title`): the student meant to write it. It may be missing, or stand
under a title that could not be read; the rule cannot be sure, and warns quoting the entry.
"""

from __future__ import annotations

from rapportlint.analysis.body_pages import BodyPages
from rapportlint.analysis.content import CLOSING, COMPANY, WORK, profile
from rapportlint.analysis.headings import Heading
from rapportlint.analysis.sections import Section, names_outright
from rapportlint.analysis.text import heading_key, numbering_depth
from rapportlint.analysis.toc import Contents, TocEntry, same_title
from rapportlint.analysis.unnamed import confirms
from rapportlint.analysis.vocabulary import (
    ACTIVITIES,
    CONCLUSION,
    classify,
    without_ambiguous_host_word,
)

KIND_OF = {COMPANY: COMPANY, ACTIVITIES: WORK, CONCLUSION: CLOSING}
ANNOUNCED_CONFIDENCE = 0.6  # the list says it, the text confirms it; no title opens it
# A title this long, inside another, is its title ("Bilan" in "Bilan général").
WITHIN_MIN_LETTERS = 4


def placed_by_contents(
    missing: list[str],
    contents: Contents,
    labels: dict[int, str],
    pages: BodyPages,
) -> dict[str, Section]:
    """The ``missing`` parts (keys) that a contents entry announces at a body page whose text
    confirms them, by key."""
    announced = _announced(contents, labels, pages.last)
    placed: dict[str, Section] = {}
    for index, (entry, page) in enumerate(announced):
        match = classify(entry.key)
        if match is None or match.key not in missing or match.key in placed or match.rank < 1:
            continue
        read = _announced_text(entry, page, announced[index + 1 :], pages)
        kind = KIND_OF[match.key]
        if not confirms(read, kind):
            continue
        end_page = _before_another_part(match.key, announced[index + 1 :], page, pages.last)
        placed[match.key] = _section(match.key, entry, page, end_page, match.wording, read, kind)
    return placed


def _announced(
    contents: Contents, labels: dict[int, str], last_body_page: int
) -> list[tuple[TocEntry, int]]:
    """Each contents entry whose printed page is a single body page, with that page (not the
    contents list's own)."""
    physical = _physical_pages(labels, last_body_page) or _unprinted_numbers(
        contents, last_body_page
    )
    return [
        (entry, physical[entry.printed_page])
        for entry in contents.entries
        if entry.printed_page in physical and physical[entry.printed_page] not in contents.pages
    ]


def _announced_text(
    entry: TocEntry, page: int, after: list[tuple[TocEntry, int]], pages: BodyPages
):
    """The content profile of the pages an entry announces: up to the next entry's page
    (without the ambiguous word by which the entry may name the host: "Le groupe SO(n)")."""
    later = [p for _, p in after if p > page]
    end_page = min(later) - 1 if later else page
    text = "\n".join(pages.text(n) for n in range(page, end_page + 1))
    return profile(without_ambiguous_host_word(text, entry.text))


def corrected_by_contents(
    sections: dict[str, Section],
    contents: Contents,
    labels: dict[int, str],
    pages: BodyPages,
    headings: list[Heading],
) -> dict[str, Section]:
    """``sections``, with each part that the text's typography placed at a title the contents
    list does not know moved to the page where the list announces it, when the list's own
    title stands nowhere in the text.

    A Word template can draw every chapter title as a picture with a glow: the text layer
    holds only the paragraphs and the contents list ("IV. Présentation de l'entreprise ----
    P6", "XV. Conclusion ---- P25"). Typography then finds only what the text holds: the
    identity page's "Collectivité Territoriale de la Guyane" for the company, a bold "Bilan
    général" inside the last chapter for the conclusion. The list is the author's own map of
    the parts; it wins when (each needed):

    - its entry names the part outright, at the top of the list (not a section's entry);
    - the title typography chose is no entry of the list, and the entry's title is no
      heading of the text (a stale list, whose titles the text bears, keeps the text's);
    - its printed page is a single body page, and that page's text confirms the part.
    """
    announced = _announced(contents, labels, pages.last)
    listed_titles = [entry.key for entry in contents.entries]
    text_titles = [heading_key(h.text) for h in headings]
    corrected = dict(sections)
    for index, (entry, page) in enumerate(announced):
        match = classify(entry.key)
        if match is None or match.key not in corrected or not names_outright(match.key, match):
            continue
        current = corrected[match.key]
        if current.source == "contents" or current.page == page:
            continue
        if (numbering_depth(entry.text) or 1) > 1 or entry.level > 1:
            continue
        if any(_same_or_within(heading_key(current.title), t) for t in listed_titles):
            continue
        if any(_same_or_within(entry.key, t) for t in text_titles):
            continue
        kind = KIND_OF[match.key]
        read = _announced_text(entry, page, announced[index + 1 :], pages)
        if confirms(read, kind):
            end_page = _before_another_part(match.key, announced[index + 1 :], page, pages.last)
            corrected[match.key] = _section(
                match.key, entry, page, end_page, match.wording, read, kind
            )
    return corrected


def _same_or_within(a: str, b: str) -> bool:
    """The same title, or one inside the other: a list not brought up to date says
    "Conclusion .... 24" where the text's "Conclusion générale" stands on page 25."""
    return same_title(a, b) or (min(len(a), len(b)) >= WITHIN_MIN_LETTERS and (a in b or b in a))


def _before_another_part(key: str, after: list[tuple[TocEntry, int]], page: int, last: int) -> int:
    """The page before the next entry that names another part ("Apports du stage",
    "Annexe 1"): the entries between ("Contexte du projet", "Missions & tâches réalisées")
    are the part's own chapters."""
    for entry, start in after:
        match = classify(entry.key)
        if start > page and match is not None and match.key != key:
            return start - 1
    return last


def _physical_pages(labels: dict[int, str], last_body_page: int) -> dict[str, int]:
    """Printed label -> physical page, for labels that name one body page only."""
    seen: dict[str, list[int]] = {}
    for number, label in labels.items():
        if number <= last_body_page:
            seen.setdefault(label, []).append(number)
    return {label: numbers[0] for label, numbers in seen.items() if len(numbers) == 1}


def _unprinted_numbers(contents: Contents, last_body_page: int) -> dict[str, int]:
    """Page -> itself, for a report whose pages print no number and carry no label: its
    contents list then counts the physical pages, as the word processor does (a collège
    report whose every title is a picture: "activites realisees .... page 7-8" over page 7).
    Only for a list whose pages go up, after its own page, within the body; each placement
    still needs the page's text to confirm the part. Never used to conclude that a listed
    part is absent (:func:`listed_without_title` keeps the pages the report prints)."""
    printed = [e.printed_page for e in contents.entries if e.printed_page is not None]
    if not printed or not contents.pages:
        return {}
    numbers = [int(p) for p in printed if p.isdigit()]
    if len(numbers) != len(printed) or numbers != sorted(numbers):
        return {}
    if numbers[0] <= max(contents.pages) or numbers[-1] > last_body_page:
        return {}
    return {str(page): page for page in range(1, last_body_page + 1)}


def _section(
    key: str, entry: TocEntry, page: int, end_page: int, wording: str, read, kind: str
) -> Section:
    return Section(
        key=key,
        title=entry.text.lstrip("•·-–—*▪►➢ ").strip(),
        page=page,
        end_page=end_page,
        source="contents",
        wording=wording,
        cue="contents",
        decided_by=("contents", "content"),
        confidence=ANNOUNCED_CONFIDENCE,
        named=False,
        content_cues=read.cue_words(kind),
        top=0.0,
        first_on_page=True,
    )


def listed_without_title(
    missing: list[str],
    contents: Contents,
    headings: list[Heading],
    labels: dict[int, str],
    last_body_page: int,
) -> dict[str, TocEntry]:
    """The first contents entry naming each ``missing`` part (a part no title, no content and
    no announced page placed), by key, when no heading of the report bears its title and its
    page cannot be read: "III-Conclusion" listed with no page, over sections that are the
    thanks and the annexes; "Bilan" listed at a "10" no page prints. An error saying the
    report has no such part would contradict the report's own list. Not a section's entry
    ("2.3 Bilan"), nor one whose title stands in the text (read there, and judged to be no
    such part), nor one whose printed page the body has (its text was read, and says
    otherwise: "Conclusion .... 28" over the glossary of page 28, a list not brought up to
    date)."""
    physical = _physical_pages(labels, last_body_page)
    titles = [heading_key(h.text) for h in headings]
    listed: dict[str, TocEntry] = {}
    for entry in contents.entries:
        match = classify(entry.key)
        if match is None or match.key not in missing or match.key in listed or match.rank < 1:
            continue
        if (numbering_depth(entry.text) or 1) > 1 or any(same_title(entry.key, t) for t in titles):
            continue
        if entry.printed_page in physical:
            continue
        listed[match.key] = entry
    return listed
