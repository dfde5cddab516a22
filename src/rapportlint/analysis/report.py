"""Runs every analysis over one document model and bundles what the rules judge."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rapportlint.analysis.annex_part import (
    AnnexPages,
    AnnexStart,
    find_annex_start,
    page_language,
    split_annex_part,
)
from rapportlint.analysis.annexes import (
    AnnexDocument,
    analyse_document,
    analyse_external,
    pictures_seen,
    place_french_documents,
    read_pixels,
    text_in_pixels,
    vector_text,
)
from rapportlint.analysis.announced import (
    corrected_by_contents,
    listed_without_title,
    placed_by_contents,
)
from rapportlint.analysis.body_pages import BodyPages
from rapportlint.analysis.closing import closing_words
from rapportlint.analysis.cover import CoverFacts, read_cover
from rapportlint.analysis.drawn_titles import drawn_title_pages
from rapportlint.analysis.front_summary import SummaryClosing, summary_closing
from rapportlint.analysis.furniture import LineRef, find_furniture, printed_numbers
from rapportlint.analysis.geometry import coverage
from rapportlint.analysis.headings import (
    Heading,
    body_style,
    chapter_label,
    outline_headings,
    torn_outline,
    typographic_headings,
)
from rapportlint.analysis.host_aside import HostAside, host_described_aside
from rapportlint.analysis.language import UNDETERMINED, detect, quick_language, reads_as_words
from rapportlint.analysis.layout import Layout, annex_pages
from rapportlint.analysis.parts import Part, TextBetween, top_parts
from rapportlint.analysis.roles import PageRole, assign_roles, intro_page, looks_like_cover
from rapportlint.analysis.sections import Section, find_sections, main_level, without_overlap
from rapportlint.analysis.text import fold, fold_with_map, heading_key
from rapportlint.analysis.toc import Contents, TocEntry, find_contents
from rapportlint.analysis.unnamed import (
    complete,
    empty_closing_hint,
    host_in_opening_text,
    nothing_under,
    speaks_of_an_organisation,
)
from rapportlint.analysis.vocabulary import (
    ACTIVITIES,
    ANNEX_MARKER,
    BACK,
    CARD_LABELS,
    COMPANY,
    CONCLUSION,
    INTRODUCTION,
    MAIN_KEYS,
    classify,
)
from rapportlint.model.document import Document, TextLine
from rapportlint.model.ocr import tesseract_languages

OUTLINE_MIN_ENTRIES = 3
APPENDIX_LETTER = re.compile(r"[a-h](?:\s*[.)\-–:])?\s+(?=\w)")  # "A ", "B. ", "C) "
MIN_PARTS = 2  # fewer top-level parts than this is no outline of a report
LANGUAGE_SAMPLE_CHARS = 1000  # for the body language: langdetect needs no more to be sure


PICTURED_SHARE = 0.2  # of the page covered by pictures: a screenshot, a photo, a flyer
CAPTION_WORDS = 15  # words of a caption, at most ("Extrait de code HTML pour la section Contact :")


@dataclass(slots=True)
class PageFacts:
    """What the rules need per page, computed once."""

    number: int
    language: str
    picture_share: float
    has_text: bool
    garbled: bool = False  # characters that decode to nothing: no text either
    letters_drawn: bool = False  # its letters are shapes (fonts outlined): no text layer
    words: int = 0  # words of its text, page furniture left out

    @property
    def scanned(self) -> bool:
        """One full-page picture and no text layer: a scan."""
        return not self.has_text and self.picture_share >= 0.8

    @property
    def pictured(self) -> bool:
        """Pictures over a good part of the page and a caption at most ("Extrait de mon code
        HTML :" over a screenshot): what the page says is in its pictures."""
        return self.picture_share >= PICTURED_SHARE and self.words <= CAPTION_WORDS

    @property
    def empty(self) -> bool:
        """No words of its own (a page number at most) and no picture: a blank page."""
        return self.words == 0 and self.picture_share == 0

    @property
    def text_unread(self) -> str | None:
        """How its text is out of the text layer, its language unknown until OCR reads it:
        "scan", "drawn" (letters drawn as shapes), or None."""
        if self.scanned:
            return "scan"
        return "drawn" if self.letters_drawn else None


@dataclass(slots=True)
class ReportAnalysis:
    document: Document
    layout: Layout
    sections: dict[str, Section]
    headings: list[Heading]
    pages: dict[int, PageFacts]
    body_language: str = UNDETERMINED
    body_language_probability: float = 0.0
    furniture: set[LineRef] = field(default_factory=set)
    annexes: list[AnnexDocument] = field(default_factory=list)
    cover: CoverFacts | None = None
    roles: list[PageRole] = field(default_factory=list)
    contents: Contents = field(default_factory=Contents)
    annex_start: AnnexStart | None = None
    parts: list[Part] = field(default_factory=list)  # the body's top-level parts
    # Annex pages whose text is only in pixels and that OCR could not read: (file or None, page)
    unread_pixels: list[tuple[str | None, int]] = field(default_factory=list)
    ocr_installed: bool = False  # False: OCR could read nothing; True: it stopped at its limit
    # Why each page of an annexed document starts it or goes on with it (analysis/boundaries.py)
    annex_boundaries: dict[int, str] = field(default_factory=dict)
    # The body's text is glyph codes, not words (a font without a Unicode table): what the
    # parts say cannot be read, so no rule can be sure a part is missing.
    text_unreadable: bool = False
    # Readable text but not one title (no bookmark, no contents list, no line set apart:
    # titles drawn as pictures): the body was never cut into parts to read.
    untitled: bool = False
    # Pages after the activities' start holding a title drawn as a picture in mid-page
    # (WordArt): a conclusion may open under one of them, unseen (analysis/drawn_titles.py).
    drawn_titles: tuple[int, ...] = ()
    # Parts (keys) that a contents entry names but that no title, no content and no announced
    # page placed: the entry, for the rule to quote (analysis/announced.py).
    listed_only: dict[str, TocEntry] = field(default_factory=dict)
    # No conclusion in the body, but the summary set before the report has a closing heading
    # ("Bilan et perspectives" of a "fiche de synthèse"): RL203 quotes it (front_summary.py).
    summary_closing: SummaryClosing | None = None
    # A closing title with nothing under it: a "Bilan" alone on its page, a draft's, left out
    # (RL203 names it, so that "no conclusion" is not read as a misreading), or the
    # conclusion's own title ("III. Conclusion" on an empty page: RL203 warns it is unwritten).
    empty_closing: Section | None = None
    # No part presents the host, but a section of another part titled as a hint of it
    # describes it ("8 Environnement de travail" under the work's processes): RL201 quotes it.
    host_aside: HostAside | None = None

    def role(self, number: int) -> PageRole:
        return self.roles[number - 1]

    def label(self, number: int) -> str | None:
        """The number printed on the page, when the page prints one."""
        return self.roles[number - 1].label if 0 < number <= len(self.roles) else None

    def page_labels(self) -> dict[int, str]:
        return {r.page: r.label for r in self.roles if r.label}

    def page_part(self, number: int) -> str:
        """Which part of the report a page belongs to: "front", "entreprise", "activites",
        "conclusion", "body" (other pages of the report) or "annexes"."""
        if number > self.layout.last_body_page:
            return "annexes"
        # Where two sections share a page, the one that starts there wins.
        for section in sorted(self.sections.values(), key=lambda s: s.page, reverse=True):
            if section.page <= number <= section.end_page:
                return section.key
        return "front" if number < self.layout.intro_page else "body"

    def company_in_annexes(self) -> Heading | None:
        """A title of the annex part that names the company presentation ("Annexe 1 :
        Présentation de la société"), or the internship's setting over a text that speaks of
        an organisation ("A Contexte du stage": the laboratory, its members, its teams): the
        student presented the host, but not in the report."""
        ordered = sorted(self.headings, key=lambda h: (h.page, h.top))
        for index, heading in enumerate(ordered):
            if heading.page <= self.layout.last_body_page:
                continue
            folded = fold(heading.text)
            # "Annexe 1 : " before the title, or an appendix's letter ("A Contexte du stage")
            marker = ANNEX_MARKER.match(folded) or APPENDIX_LETTER.match(folded)
            title = folded[marker.end() :].strip(" :.-–—") if marker else ""
            match = classify(heading_key(title)) if title else heading.match
            if match is None or match.key != COMPANY:
                continue
            if match.rank == 2:
                return heading
            place = (heading.page, heading.top)
            after = next((h for h in ordered[index + 1 :] if (h.page, h.top) > place), None)
            if match.rank == 1 and speaks_of_an_organisation(self._text_under(heading, after)):
                return heading
        return None

    def _text_under(self, heading: Heading, after: Heading | None) -> str:
        """The text under a heading, to the next heading, on its page and the next."""
        pages = BodyPages(
            self.document, self.furniture | self.contents.lines, self.document.page_count
        )
        stop = (after.page, after.top) if after else (heading.page + 2, 0.0)
        return pages.between((heading.page, heading.top + 1), min(stop, (heading.page + 2, 0.0)))

    def company_card(self) -> tuple[int, list[str]] | None:
        """A page before the body that gives the host's identity card, as a school's
        internship form does on its first page: the labels of its name, of its activity and
        of a contact ("Nom de l'organisation", "Activité de l'organisation", "Adresse
        postale"). The page, and those labels as the student wrote them."""
        for page in self.document.pages[: max(0, self.layout.intro_page - 1)]:
            labels: dict[str, str] = {}
            for line in page.lines:
                folded, origin = fold_with_map(line.text)
                for kind, pattern in CARD_LABELS.items():
                    found = pattern.match(folded)
                    if found and kind not in labels:
                        labels[kind] = line.text[origin[0] : origin[found.end() - 1] + 1]
            if len(labels) == len(CARD_LABELS):
                return page.number, [labels[kind] for kind in CARD_LABELS]
        return None

    def body_text(self, first: int, last: int) -> str:
        """Text of pages ``first`` to ``last`` without headers, footers and page numbers."""
        parts = []
        for number in range(first, last + 1):
            page = self.document.page(number)
            parts.extend(
                line.text for i, line in enumerate(page.lines) if (number, i) not in self.furniture
            )
        return "\n".join(parts)


def _mark_first_on_page(headings: list[Heading], document: Document, hidden: set[LineRef]) -> None:
    """A heading opens its page when only furniture, or a "Chapitre 2" or "A" line, stands
    above it; it stands alone on its page (a divider) when the page says nothing else."""
    for heading in headings:
        page = document.page(heading.page)
        visible = [line for i, line in enumerate(page.lines) if (heading.page, i) not in hidden]
        heading.first_on_page = not any(
            line.box.bottom < heading.top - 1 and not chapter_label(line.text) for line in visible
        )
        title = heading_key(heading.text)
        heading.alone_on_page = bool(heading.lines) and all(
            (
                heading_key(line.text) in title
                and len(line.text.strip()) >= DIVIDER_LINE_SHARE * len(heading.text)
            )
            or _goes_on_the_title(line, heading)
            or chapter_label(line.text)
            or line.text.strip().isdigit()
            for line in visible
        )


def _goes_on_the_title(line: TextLine, heading: Heading) -> bool:
    """A line set as the title, below it: its wrapped end ("l'étude" under "Chapitre I :
    Présentation du contexte de"), whatever its length (a caption is set as the text)."""
    return (
        line.box.top > heading.top
        and line.bold == heading.bold
        and (abs(line.size - heading.size) <= DIVIDER_TITLE_SIZE * heading.size)
    )


DIVIDER_TITLE_SIZE = 0.05  # a line this close to the title's size goes on the title


# A line of a divider page is its title (or one of its lines when it wraps), not a caption
# that repeats a word of it ("Organigramme" under "1.3 Organigramme de l'entreprise").
DIVIDER_LINE_SHARE = 0.4


def _page_labels(document: Document, furniture: set[LineRef]) -> dict[int, str]:
    """The label the PDF declares for each page, else the number its footer prints."""
    printed = printed_numbers(document, furniture)
    labels: dict[int, str] = {}
    for page in document.pages:
        label = page.label or printed.get(page.number)
        if label:
            labels[page.number] = label
    return labels


def analyse(
    document: Document, external_annexes: list[tuple[Document, str | None]] | None = None
) -> ReportAnalysis:
    """The whole analysis of a report: page roles, layout, sections, body language, annexes.

    ``external_annexes`` are annex documents given as separate files, with their declared kind
    ("technique", "presse" or None); they follow the annexes found inside the report.
    """
    _warm_ocr(document)
    furniture = find_furniture(document)
    style = body_style(document, furniture)
    contents = find_contents(document, furniture)
    cover = document.page_count >= 3 and looks_like_cover(document.page(1), furniture, style)
    cover_pages = _cover_pages(document) if cover else set()
    skip = set(contents.whole_pages) | cover_pages
    typographic = typographic_headings(document, furniture, contents, style, skip)
    # A bookmark to the cover (Word's heading style on "Établissement / Formation : ...")
    # titles nothing, as the cover's lines do not; nor does one to a contents page: its
    # lines are the list's, not the parts' (LibreOffice can bookmark each entry of the list,
    # "1 - Description de l'entreprise 5" pointing at the list itself).
    from_outline = [
        h for h in outline_headings(document) if h.page not in cover_pages | contents.whole_pages
    ]
    hidden = furniture | contents.lines
    for group in (typographic, from_outline):
        _mark_first_on_page(group, document, hidden)
    forms = _form_pages(document, typographic + from_outline)
    typographic = [h for h in typographic if h.page not in forms]
    from_outline = [h for h in from_outline if h.page not in forms]
    use_outline = len(from_outline) >= OUTLINE_MIN_ENTRIES and not torn_outline(
        [entry.title for entry in document.outline]
    )
    primary, fallback = (from_outline, typographic) if use_outline else (typographic, [])

    pages = _page_facts(document, furniture)
    languages = _PageLanguages(document, furniture, pages)
    # Sections are looked for in the whole document first, to know after which point the annex
    # part may start; then again inside the body only.
    closing = document.page_count - (1 if _summary_back_cover(document) else 0)
    rough = find_sections(primary, fallback, 1, closing)
    after = _after_last_part(rough, primary + fallback)
    start = find_annex_start(
        document,
        furniture,
        contents,
        primary + fallback,
        after,
        languages,
        {n: f.text_unread for n, f in pages.items() if f.text_unread},
        style.size,
        pictured={n for n, f in pages.items() if f.pictured},
        empty={n for n, f in pages.items() if f.empty},
    )
    if start is None:
        last_body = document.page_count
    else:
        last_body = start.page - 1 if start.at_top else start.page
    labels = _page_labels(document, furniture)
    in_annex_part = annex_pages(start.page if start else None, last_body, document.page_count)
    annex_part, outline_starts = _split_annex_part(
        document, furniture, contents, in_annex_part, labels
    )
    # OCR reads the annex pages whose text is a picture on the second core while this one
    # analyses the body: the same pages, in the same order, as the annex analysis asks for.
    _start_ocr(document, annex_part, furniture)
    sections = find_sections(primary, fallback, 1, last_body)
    body = BodyPages(document, hidden, last_body)
    # Bookmarks that name none of the parts the sections were read from (an organisation
    # chart's boxes, set in a heading style) are no plan of the report: its typography is.
    outline_names_none = bool(fallback) and not any(
        s.source == "outline" for s in sections.values()
    )
    outline, typography = (fallback, []) if outline_names_none and sections else (primary, fallback)
    parts, main, source = _body_parts(outline, typography, last_body, body.between)
    titled_closing = sections.get(CONCLUSION)
    sections = complete(sections, parts, main, source, body)
    if contents.entries:
        sections = without_overlap(
            corrected_by_contents(sections, contents, labels, body, primary + fallback)
        )
    missing = [key for key in MAIN_KEYS if key not in sections]
    if missing and contents.entries:
        sections = without_overlap(
            {**sections, **placed_by_contents(missing, contents, labels, body)}
        )
    if COMPANY not in sections:
        # The weakest way to the host, after the contents list's: the text before any title.
        opening = host_in_opening_text(primary + fallback, body)
        if opening is not None:
            sections = without_overlap({**sections, COMPANY: opening})
    # Not a part, but what RL201 quotes where no part presents the host.
    aside = host_described_aside(primary + fallback, body) if COMPANY not in sections else None
    if CONCLUSION not in sections:
        # The weakest way to a conclusion, after the contents list's: the body's last words.
        words = closing_words(sections, parts, body, source)
        if words is not None:
            sections = without_overlap({**sections, CONCLUSION: words})
    listed = listed_without_title(
        [key for key in MAIN_KEYS if key not in sections],
        contents,
        primary + fallback,
        labels,
        last_body,
    )
    layout = Layout(
        page_count=document.page_count,
        intro_page=intro_page(
            primary + fallback,
            sections,
            contents,
            cover,
            last_body,
            min(
                (p.page for p in parts if not p.matter and p.profile.words >= OPENING_PART_WORDS),
                default=None,
            ),
        ),
        annex_start=start.page if start else None,
        annex_reason=start.reason if start else None,
        toc_pages=tuple(sorted(contents.whole_pages)),
        last_body_page=last_body,
    )
    annexes, unread = _annexes(document, furniture, annex_part, outline_starts, external_annexes)
    if document.ocr is not None:
        document.ocr.settle()
    analysis = ReportAnalysis(
        document=document,
        layout=layout,
        sections={k: sections[k] for k in MAIN_KEYS if k in sections},
        headings=primary + fallback,
        pages=pages,
        furniture=furniture,
        annexes=annexes,
        contents=contents,
        annex_start=start,
        parts=parts,
        unread_pixels=unread,
        annex_boundaries=annex_part.boundaries,
        listed_only=listed,
        host_aside=aside,
        # Asked only when pages went unread: running tesseract to know costs a process.
        ocr_installed=bool(unread)
        and document.ocr is not None
        and tesseract_languages() is not None,
    )
    analysis.roles = assign_roles(
        document,
        layout,
        cover,
        contents,
        primary + fallback,
        analysis.sections,
        start,
        annex_part,
        annexes,
        labels,
    )
    analysis.body_language, analysis.body_language_probability = detect(_language_sample(analysis))
    analysis.text_unreadable = _glyph_codes(
        analysis.body_text(layout.intro_page, layout.last_body_page)
    )
    analysis.untitled = not analysis.headings and (
        len(analysis.body_text(1, layout.last_body_page).split()) >= UNTITLED_MIN_WORDS
    )
    work = analysis.sections.get(ACTIVITIES)
    analysis.drawn_titles = drawn_title_pages(
        document,
        furniture,
        work.page if work else layout.last_body_page // 2,
        layout.last_body_page,
    )
    if CONCLUSION not in analysis.sections and layout.intro_page is not None:
        analysis.summary_closing = summary_closing(document, hidden, style, layout.intro_page)
    closing = analysis.sections.get(CONCLUSION)
    if closing is None and titled_closing is not None and empty_closing_hint(titled_closing, body):
        analysis.empty_closing = titled_closing
    elif closing is not None and closing.named and nothing_under(closing, body):
        analysis.empty_closing = closing  # "III. Conclusion" on an empty page: unwritten
    analysis.cover = read_cover(document)
    return analysis


# Without an "Introduction", the report opens at its first part that says this much: not at a
# certificate's title or an "À propos" note.
OPENING_PART_WORDS = 50
UNREADABLE_MIN_TOKENS = 200  # a body with text enough to tell words from glyph codes
UNTITLED_MIN_WORDS = 1000  # a body this long without one title: its titles were not read


def _glyph_codes(text: str) -> bool:
    """The body's text is a font's glyph codes ("2 O N '$ * R"), not words: a scan without
    text, or a short body, is not."""
    return len(text.split()) >= UNREADABLE_MIN_TOKENS and not reads_as_words(text)


def _body_parts(
    primary: list[Heading], fallback: list[Heading], last_body: int, text_between: TextBetween
) -> tuple[list[Part], int, list[Heading]]:
    """The body's top-level parts, from the headings the sections were read from (the
    typographic ones when the outline has no part in the body), the main level, and those
    headings in order."""
    found: list[tuple[list[Part], int, list[Heading]]] = []
    for headings, other in ((primary, fallback), (fallback, [])):
        ordered = sorted(
            (h for h in headings if h.page <= last_body), key=lambda h: (h.page, h.top)
        )
        if ordered:
            main = main_level(ordered)
            ordered = _unbookmarked_front(ordered, other, main) + ordered
            parts = top_parts(ordered, main, 1, last_body, text_between)
            if len(parts) >= MIN_PARTS:
                return parts, main, ordered
            found.append((parts, main, ordered))
    # Bookmarks a merge tool made (one per merged file) give no outline of the report: the
    # source with the most parts does.
    return max(found, key=lambda f: len(f[0]), default=([], 1, []))


def _unbookmarked_front(ordered: list[Heading], other: list[Heading], main: int) -> list[Heading]:
    """The typographic main headings before the first bookmark, at the bookmarks' main level:
    LaTeX's unnumbered chapters (\\chapter*) and Word's front pages have no bookmark, and a
    company presented before the contents list ("Le Conservatoire National des Arts et
    Métiers") is one of them."""
    if not other or not ordered:
        return []
    first = (ordered[0].page, ordered[0].top)
    before = [h for h in other if (h.page, h.top) < first]
    if not before:
        return []
    # Set like the bookmarked parts (their size, as placed on their pages), or at the
    # typographic main level when the bookmarks' titles were not found on their pages.
    sizes = [h.size for h in ordered if h.level <= main and h.size > 0]
    if sizes:
        smallest = min(sizes) - 0.5
        return [replace(h, level=main) for h in before if h.size >= smallest]
    level = main_level(sorted(other, key=lambda h: (h.page, h.top)))
    return [replace(h, level=main) for h in before if h.level <= level]


class _PageLanguages(dict):
    """Each page's language, langdetect run only for the pages asked for (those after the
    report's last part, where the annex part may start), and only when the quick guess has no
    answer."""

    def __init__(
        self, document: Document, furniture: set[LineRef], pages: dict[int, PageFacts]
    ) -> None:
        super().__init__()
        self.document, self.furniture, self.facts = document, furniture, pages

    def __missing__(self, number: int) -> str | None:
        facts = self.facts.get(number)
        if facts is None:
            return None
        self[number] = page_language(self.document, number, self.furniture, facts.language)
        return self[number]


def _page_facts(document: Document, furniture: set[LineRef]) -> dict[int, PageFacts]:
    pages: dict[int, PageFacts] = {}
    for page in document.pages:
        text = "\n".join(
            line.text for i, line in enumerate(page.lines) if (page.number, i) not in furniture
        )
        pages[page.number] = PageFacts(
            number=page.number,
            language=quick_language(text),
            picture_share=round(coverage(pictures_seen(page), page.width, page.height), 4),
            has_text=page.has_text,
            garbled=page.garbled,
            letters_drawn=vector_text(page),
            words=len(text.split()),
        )
    return pages


def _after_last_part(rough: dict[str, Section], headings: list[Heading]) -> tuple[int, float]:
    """Where the last main part's heading stands: the annex part comes after it. A part's
    title after the conclusion and the bibliography that follows it is an appendix's ("A
    Contexte du stage" after "Conclusion" and "Références"): the annex part may start
    before it."""
    if not rough:
        return 1, 0.0
    parts = list(rough.values())
    conclusion = rough.get(CONCLUSION)
    if conclusion is not None:
        closed = min(
            (
                (h.page, h.top)
                for h in headings
                if h.key == BACK
                and h.plainly_matter
                and (h.page, h.top) > (conclusion.page, conclusion.top)
            ),
            default=None,
        )
        if closed is not None:
            parts = [s for s in parts if (s.page, s.top) < closed] or parts
    last = max(parts, key=lambda s: s.page)
    top = next((h.top for h in headings if h.page == last.page and h.text == last.title), 0.0)
    return last.page, top


def _split_annex_part(
    document: Document,
    furniture: set[LineRef],
    contents: Contents,
    annex_pages: list[int],
    labels: dict[int, str],
) -> tuple[AnnexPages, dict[int, str]]:
    """The annex part's page roles and documents, and the outline's title for each page that
    starts one (the first entry on it: a document's own title before its sections)."""
    outline_starts: dict[int, str] = {}
    for entry in document.outline:  # depth first: a document's own title before its sections
        if entry.page in annex_pages:
            outline_starts.setdefault(entry.page, entry.title)
    part = split_annex_part(
        document,
        annex_pages,
        furniture,
        contents,
        outline_starts,
        {n: _annex_picture_share(document, n) for n in annex_pages},
        labels,
    )
    return part, outline_starts


def _warm_ocr(document: Document) -> None:
    """Has a Tesseract load its models from the start of the analysis when a page of the
    report's second half may hold its text in pixels (a scan, a screenshot, drawn letters):
    by the time the annex part is known and its first page rendered, it is ready (0.1 s
    less on a report whose annexes are read by OCR). Page furniture is not known yet: a
    screenshot with a footer still counts; the reader stops it if no page is asked for."""
    if document.ocr is None:
        return
    second_half = range(document.page_count // 2 + 1, document.page_count + 1)
    if any(text_in_pixels(document.page(number), set()) for number in second_half):
        document.ocr.warm_up()


def _start_ocr(document: Document, part: AnnexPages, furniture: set[LineRef]) -> None:
    """Starts OCR on the pages :func:`read_pixels` and :func:`_set_back_cover_apart` will ask
    for, in their order: the last documents first, then the possible back cover."""
    if document.ocr is None:
        return
    wanted = [
        number
        for group in reversed(part.documents)
        for number in group
        if text_in_pixels(document.page(number), furniture)
    ]
    cover = _back_cover_candidate(document, part)
    if cover is not None and cover not in wanted:
        wanted.append(cover)
    if wanted:  # (whether Tesseract is there is asked only then: it costs a process)
        document.ocr.prefetch(wanted)


def _annexes(
    document: Document,
    furniture: set[LineRef],
    part: AnnexPages,
    outline_starts: dict[int, str],
    external: list[tuple[Document, str | None]] | None,
) -> tuple[list[AnnexDocument], list[tuple[str | None, int]]]:
    """Every annexed document (those in the report, then the separate files in order), and
    the pages whose text is only in pixels that OCR could not read (file, page: the file is
    None for the report itself)."""
    annexes: list[AnnexDocument] = []
    unread: list[tuple[str | None, int]] = []
    # OCR reads a few pages per report: the last documents first, where the three English
    # documents stand (a report's own screenshots come before them).
    read = {
        id(group): read_pixels(document, group, furniture) for group in reversed(part.documents)
    }
    _set_back_cover_apart(document, part, read)
    for group, announcement in zip(part.documents, part.announcements, strict=True):
        pixels, missed = read[id(group)]
        unread.extend((None, n) for n in missed)
        annexes.append(
            analyse_document(
                len(annexes) + 1,
                [document.page(n) for n in group],
                None,
                None,
                announcement,
                outline_starts.get(group[0]),
                furniture,
                pixel_text=pixels,
            )
        )
    for other, declared in external or []:
        annex, missed = analyse_external(len(annexes) + 1, other, declared)
        annexes.append(annex)
        unread.extend((other.path, n) for n in missed)
    place_french_documents(annexes)
    return annexes, unread


COVER_COPY = 0.9  # share of words in common: the same cover again
COVER_COPY_WORDS = 10


def _cover_pages(document: Document) -> set[int]:
    """The cover, and a copy of it on one of the next two pages (a merge tool's or an editor's
    duplicate): its lines ("Entreprise d'accueil : ...") title nothing."""

    def words(number: int) -> set[str]:
        return set(fold(" ".join(line.text for line in document.page(number).lines)).split())

    cover = words(1)
    pages = {1}
    if len(cover) < COVER_COPY_WORDS:
        return pages
    for number in range(2, min(3, document.page_count) + 1):
        other = words(number)
        if len(cover & other) >= COVER_COPY * len(cover | other):
            pages.add(number)
    return pages


# "Nom : Martin", "Adresse : 4 rue...": a field and its value on one line. (A label alone at
# its line's end, "DIGITAL FACTORY :" over the lines it introduces, is a designed page's.)
FORM_LABEL = re.compile(r"^[^\W\d][^:]{0,40}?\s?:\s+\S")
FORM_LABELS = 5  # label lines that make a page a form to fill in


def _form_pages(document: Document, headings: list[Heading]) -> set[int]:
    """The school's internship form printed before the report ("Nom : Martin", "Adresse :
    ...", "Engagement de confidentialité : non", "Entreprise d'accueil" over its fields):
    pages before the introduction's title with several filled fields. Their bold labels title
    nothing: the form's "Entreprise d'accueil" is no presentation of the host. A page of
    labels alone at their lines' ends ("Présentation de la société :", then "DIGITAL FACTORY
    :" over the lines it introduces) is a designed presentation, no form."""
    introduction = min(
        (h.page for h in headings if h.key == INTRODUCTION and h.match.rank == 2), default=None
    )
    if introduction is None:
        return set()
    return {
        number
        for number in range(1, introduction)
        if sum(1 for line in document.page(number).lines if FORM_LABEL.match(line.text))
        >= FORM_LABELS
    }


SUMMARY_LABEL = re.compile(r"^(?:resume|abstract|mots[- ]cles|keywords|key words)\b")


def _summary_back_cover(document: Document) -> bool:
    """The last page is the report's back cover with its summary ("Résumé", "Mots-clés",
    "Abstract", "Keywords", as school templates print it): its title, which repeats the
    report's ("Réalisation d'un outil de cartographie"), opens no part."""
    if document.page_count < 5:
        return False
    lines = document.page(document.page_count).lines
    return sum(1 for line in lines if SUMMARY_LABEL.match(fold(line.text))) >= 2


BACK_COVER_WORDS = 30  # what OCR reads on a back cover: a name, a slogan, an address
BACK_COVER_SHARE = 0.6  # of the page covered by its picture
BACK_COVER = re.compile(
    r"\brapport (?:de stage|d'\s*alternance|de fin d'\s*etudes|d'\s*activite)|\bmots[- ]cles\b|^resume$"
    r"|\bkeywords\b",
    re.M,
)


def _set_back_cover_apart(
    document: Document, part: AnnexPages, read: dict[int, tuple[dict[int, str], list[int]]]
) -> None:
    """The report's back cover, a full-page picture closing the file after the annexes, is
    no annexed document: OCR reads a few words on it (a scanned document gives a page of
    them), or the report's own summary ("Rapport d'alternance", "Résumé", "Mots clés").
    Without OCR nothing tells it from a scan, and it stays a document."""
    number = _back_cover_candidate(document, part)
    if number is None or document.ocr is None or not document.ocr.available:
        return
    found = document.ocr.read(number)
    if found is None or not (found.words < BACK_COVER_WORDS or BACK_COVER.search(fold(found.text))):
        return
    read.pop(id(part.documents.pop()), None)
    part.announcements.pop()
    part.roles[number] = ("back-cover", "back-cover", "")


def _back_cover_candidate(document: Document, part: AnnexPages) -> int | None:
    """The last page, when it is a document of its own covered by a picture: a back cover or
    a scan, which only OCR tells apart. The picture's share is measured first: it is free,
    where OCR takes seconds on a dense page."""
    if not part.documents or len(part.documents[-1]) != 1:
        return None
    number = part.documents[-1][0]
    if number != document.page_count or not document.page(number).pictures:
        return None
    if _annex_picture_share(document, number) < BACK_COVER_SHARE:
        return None
    return number


def _annex_picture_share(document: Document, number: int) -> float:
    page = document.page(number)
    return coverage(pictures_seen(page), page.width, page.height)


def _language_sample(analysis: ReportAnalysis) -> str:
    """An equal share of characters from the middle of every body page, so that neither one
    long code listing nor the first pages alone decide the language of the report."""
    layout = analysis.layout
    pages = [
        n for n in range(layout.intro_page, layout.last_body_page + 1) if n not in layout.toc_pages
    ]
    if not pages:
        return ""
    share = max(80, LANGUAGE_SAMPLE_CHARS // len(pages))
    chunks = []
    for number in pages:
        text = analysis.body_text(number, number)
        middle = max(0, len(text) // 2 - share // 2)
        chunks.append(text[middle : middle + share])
    return "\n".join(chunks)
