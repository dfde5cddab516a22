"""One role per page, computed once, with the reason: what every count and rule reads.

Roles: ``cover``, ``contents``, ``front`` (thanks, abstract, lists of figures...), ``body``,
``annexes-title``, ``annex-separator``, ``annex`` (a page of one of the three documents),
``annex-other`` (glossary, French diagram, attestation...), ``blank``. A page is in the body or
not for one reason, which ``rapportlint pages`` shows.

The reason is a machine code (``cue``) with the words from the PDF that decided (``detail``);
the renderers phrase it in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapportlint.analysis.annex_part import AnnexPages, AnnexStart
from rapportlint.analysis.annexes import AnnexDocument
from rapportlint.analysis.furniture import LineRef
from rapportlint.analysis.headings import BodyStyle, Heading
from rapportlint.analysis.layout import Layout
from rapportlint.analysis.sections import Section
from rapportlint.analysis.toc import Contents
from rapportlint.analysis.vocabulary import FRONT, INTRODUCTION
from rapportlint.model.document import Document, Page

ROLES = (
    "cover",
    "contents",
    "front",
    "body",
    "annexes-title",
    "annex-separator",
    "annex",
    "annex-other",
    "back-cover",
    "blank",
)
COVER_MAX_PROSE_LINES = 6


@dataclass(frozen=True, slots=True)
class PageRole:
    page: int
    role: str
    cue: str  # why: "cover", "contents", "front-heading", "part", "part-start", ...
    detail: str = ""  # the heading, wording or list title that decided
    label: str | None = None  # the number printed on the page, if it differs or is known


def looks_like_cover(page: Page, furniture: set[LineRef], style: BodyStyle) -> bool:
    """A first page with little running text: a title, names, logos, dates."""
    prose = 0
    for index, line in enumerate(page.lines):
        if (page.number, index) in furniture:
            continue
        if len(line.text.split()) >= 8 and abs(line.size - style.size) <= 1.5:
            prose += 1
    return prose < COVER_MAX_PROSE_LINES


def intro_page(
    headings: list[Heading],
    sections: dict[str, Section],
    contents: Contents,
    cover: bool,
    last_body_page: int,
    first_part_page: int | None = None,
) -> int:
    """The introduction's page; else the first part's (one of the three, or the first
    top-level part of the body, ``first_part_page``: "I. Expression des besoins" before the
    activities' "III. Développement et réalisation"); else the first page after the cover,
    the contents and the front matter. Never a contents page."""
    intros = [
        h.page
        for h in headings
        if h.key == INTRODUCTION
        and h.match.rank == 2
        and h.page not in contents.whole_pages
        and h.page <= last_body_page
    ]
    if intros:
        return min(intros)
    starts = [s.page for s in sections.values()]
    if first_part_page is not None and first_part_page not in contents.whole_pages:
        starts.append(first_part_page)
    if starts:
        return min(starts)
    page = 2 if cover else 1
    while page in contents.whole_pages and page < last_body_page:
        page += 1
    return min(page, max(1, last_body_page))


def assign_roles(
    document: Document,
    layout: Layout,
    cover: bool,
    contents: Contents,
    headings: list[Heading],
    sections: dict[str, Section],
    start: AnnexStart | None,
    annex_pages: AnnexPages,
    annexes: list[AnnexDocument],
    labels: dict[int, str],
) -> list[PageRole]:
    """Every page's role (see the module's docstring)."""
    roles: list[PageRole] = []
    starts = {(s.page): s for s in sections.values()}
    first_part = min(starts, default=layout.last_body_page + 1)
    front_titles = {h.page: h.text for h in headings if h.key == FRONT}
    # A chapter's divider before the first part ("Chapitre I : Présentation du contexte de
    # l'étude", the host presented from the next page): no page of the introduction.
    dividers = {h.page for h in headings if h.alone_on_page and h.key != INTRODUCTION}
    in_annex_document = {
        number: annex for annex in annexes if annex.file is None for number in annex.pages
    }
    for page in document.pages:
        number = page.number
        label = labels.get(number)
        if number > layout.last_body_page:
            roles.append(_annex_role(page, annex_pages, in_annex_document, label))
            continue
        if number == 1 and cover:
            roles.append(PageRole(number, "cover", "cover", "", label))
        elif number in contents.whole_pages:
            title = next((e.text for e in contents.entries if e.page == number), "")
            roles.append(PageRole(number, "contents", "contents", title, label))
        elif not page.lines and not page.pictures:
            roles.append(PageRole(number, "blank", "blank", "", label))
        elif number < layout.intro_page:
            roles.append(PageRole(number, "front", "front", front_titles.get(number, ""), label))
        elif number in starts:
            section = starts[number]
            roles.append(PageRole(number, "body", "part-start", section.key, label))
        elif start is not None and number == start.page:
            roles.append(PageRole(number, "body", "annexes-below", start.text, label))
        elif number < first_part and number not in dividers:
            roles.append(PageRole(number, "body", "introduction", "", label))
        else:
            part = _part_of(number, sections)
            roles.append(PageRole(number, "body", "part" if part else "body", part or "", label))
    return roles


def _part_of(number: int, sections: dict[str, Section]) -> str | None:
    for section in sorted(sections.values(), key=lambda s: s.page, reverse=True):
        if section.page <= number <= section.end_page:
            return section.key
    return None


def _annex_role(
    page: Page,
    annex_pages: AnnexPages,
    in_document: dict[int, AnnexDocument],
    label: str | None,
) -> PageRole:
    number = page.number
    if number in annex_pages.roles:
        role, cue, detail = annex_pages.roles[number]
        return PageRole(number, role, cue, detail, label)
    annex = in_document.get(number)
    if annex is None:
        return PageRole(number, "annex-other", "annex-other", "", label)
    role = "annex" if annex.role == "english" else "annex-other"
    return PageRole(number, role, role, str(annex.index), label)
