"""Where the annex part starts, what each of its pages is, and which pages make one document.

The annex part is never looked for before the start of the report's last main part, so an
English abstract, a code listing or a figure caption inside the report is not mistaken for it.
It starts at the first of:

- ``heading``: a line that names the part ("Annexes", "Annexe :", "Documents annexes", "Table des
  annexes", "English documents"), a heading or a bookmark so named; the part starts on that page,
  and when the line stands under the report's last lines the page stays in the body too;
- ``marker``: a page opened by "Annexe 1", "ANNEXE N°2 : ...", "Appendix A", "Document 3" (its
  own line or its running header);
- ``appended``: a page after the report's last part that is no report text: a CV, the school's
  competence form, an evaluation grid, an internship certificate, a second report's cover;
- ``language``: the run of pages that ends the document and is not in French (English or German
  documents, scans), French pages inside it included (a French article among the English ones).

Inside the part each page gets one role: ``annexes-title`` (the part's title page, with or
without the list of annexes), ``annex-separator`` ("Annexe 2 - Article de presse" alone on its
page: it announces the next document and is no page of it), ``contents`` (a contents list put
at the end), ``blank``, or a page of a document. A document starts after a title or separator
page, at a page opened by a new "Annexe N" line, at a bookmark, where the language or the look
(font, size, page format) changes, or at a page opened by a headline; any other page continues
the document before it (a two-page article is one document of two pages).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from rapportlint.analysis.annexes import (
    Announcement,
    content_lines,
    opens_on_annex_label,
    vector_text,
)
from rapportlint.analysis.appended import appended_kind, form_title, report_cover
from rapportlint.analysis.boundaries import Boundary, ReportNumbers, weigh
from rapportlint.analysis.content import profile
from rapportlint.analysis.furniture import LineRef
from rapportlint.analysis.headings import BULLET, Heading, chapter_label
from rapportlint.analysis.language import UNDETERMINED, detect
from rapportlint.analysis.references import is_reference_list
from rapportlint.analysis.text import fold, heading_key
from rapportlint.analysis.toc import Contents, split_entry
from rapportlint.analysis.vocabulary import (
    ANNEX_MARKER,
    ANNEXES,
    BACK,
    CONCLUSION,
    FRONT,
    MAIN_KEYS,
    classify,
)
from rapportlint.model.document import Document, Page, TextLine

TITLE_MAX_OTHER_LINES = 4
SEPARATOR_MAX_WORDS = 30
ANNOUNCEMENT_MAX_PICTURES = 0.25
FOREIGN = ("en", "de", "es", "it")
PICTURED_RUN = 2  # pages of captioned pictures that end the file: pasted annexes, no back cover
HEADER_ZONE = 0.1  # of the page height (the furniture band): a running header above the text
PROSE_LINE_WIDTH = 0.6  # of the page width: a line of a paragraph, wider than a running header
PROSE_ADVANCE = 0.75  # of the size, per character at most: letters set one after the other


@dataclass(frozen=True, slots=True)
class AnnexStart:
    page: int
    at_top: bool  # False: the part starts under the report's last lines on that page
    reason: str  # "heading", "marker", "appended", "language" or "pictures"
    text: str  # the line (or language) that announced it


@dataclass(slots=True)
class AnnexPages:
    """The annex part's pages: roles of the pages that are no document, and the documents."""

    roles: dict[int, tuple[str, str, str]] = field(
        default_factory=dict
    )  # page: (role, reason, detail)
    documents: list[list[int]] = field(default_factory=list)
    announcements: list[Announcement | None] = field(default_factory=list)
    boundaries: dict[int, str] = field(default_factory=dict)  # page: why it starts or goes on


def _names_part(text: str) -> bool:
    """A line that names the annex part, or one annex ("Annexe 1 : ...")."""
    if len(text.split()) > 14:
        return False
    match = classify(heading_key(text))
    return match is not None and match.key == ANNEXES


def _is_marker(text: str) -> bool:
    return opens_on_annex_label(text) and len(text.split()) <= 16


def _names_whole_part(text: str) -> bool:
    """ "Annexes", "Annexe :", "Documents annexes": the part, not one numbered annex."""
    return _names_part(text) and not _is_marker(text)


def find_annex_start(
    document: Document,
    furniture: set[LineRef],
    contents: Contents,
    headings: list[Heading],
    after: tuple[int, float],
    languages: dict[int, str],
    unread: dict[int, str],
    body_size: float,
    *,
    pictured: set[int],
    empty: set[int],
) -> AnnexStart | None:
    """The first page of the annex part (see the module's docstring), or None. ``pictured``:
    pages of pictures under a caption at most; ``empty``: blank pages."""
    after_page, after_top = after
    printed = [_as_printed(document, h) for h in headings]
    lettered = {
        id(h)
        for h, shown in zip(headings, printed, strict=True)
        if _first_lettered_chapter(shown, printed)
    }
    named = [
        h
        for h in headings
        if (h.key == ANNEXES or id(h) in lettered)
        and (h.page, h.top) > (after_page, after_top)
        and h.page >= 2
    ]
    for number in range(max(2, after_page), document.page_count + 1):
        page = document.page(number)
        lines = [
            (i, line)
            for i, line in enumerate(page.lines)
            if (number, i) not in furniture
            and (number, line.box.top) > (after_page, after_top)
            and ((number, i) not in contents.lines or _annex_list(page, contents, furniture))
        ]
        for _, line in lines[:3]:
            if _names_whole_part(line.text):
                return AnnexStart(number, _opens_page(page, line, furniture), "heading", line.text)
        for _, line in lines[:3]:
            if _is_marker(line.text):
                return AnnexStart(number, _opens_page(page, line, furniture), "marker", line.text)
        for heading in named:
            if heading.page == number:
                return AnnexStart(number, heading.first_on_page, "heading", heading.text)
        if number > after_page:
            appended = _appended(content_lines(page, furniture), body_size, number in pictured)
            if appended is not None:
                return AnnexStart(number, True, "appended", appended)
    # The report's own matter after its last part: back-matter titles, and a contents list set
    # at the end (its titles in capitals without accents read as English to langdetect).
    matter = {
        h.page
        for h in headings
        if h.key in (FRONT, BACK) and (h.page, h.top) > (after_page, after_top)
    } | {number for number in contents.whole_pages if number > after_page}
    before: list[TextLine] = []
    for number in range(after_page, document.page_count + 1):
        lines = content_lines(document.page(number), furniture)
        if (number - 1 in matter or _titled_back_matter(lines)) and is_reference_list(lines):
            matter.add(number)  # the bibliography goes on, in English, under no title
        elif number - 1 in matter and _list_goes_on(before, lines):
            matter.add(number)  # so does the glossary, in names of tools
        before = lines
    return _trailing_foreign_run(
        document, after_page, languages, unread, matter
    ) or _pasted_pictures(document.page_count, after_page, pictured, empty)


def _pasted_pictures(
    last_page: int, after_page: int, pictured: set[int], empty: set[int]
) -> AnnexStart | None:
    """Pages of captioned pictures that end the file, blank pages aside ("Extrait du début de
    mon code HTML :" over a screenshot, page after page): screenshots pasted after the report
    without an "Annexes" title. Two at least: one picture page alone after the conclusion is
    most often the back cover, which stays with the body."""
    number = last_page
    while number > after_page and number in empty:
        number -= 1
    run: list[int] = []
    while number > after_page and number in pictured:
        run.append(number)
        number -= 1
    if len(run) < PICTURED_RUN:
        return None
    return AnnexStart(run[-1], True, "pictures", "pictures")


LIST_GOES_ON = 0.5  # of a page's lines opened by the list's mark: the list goes on


def _list_goes_on(before: list[TextLine], lines: list[TextLine]) -> bool:
    """A back-matter list that goes on over the page ("• Pandas: pandas.pydata.org" after a
    glossary's page): its first line opens on the mark that the page before opens its entries
    on, and so do half its lines at least. Its words read as English (names of tools, links),
    yet it is the glossary, not an annexed document."""
    marks = Counter(line.text.lstrip()[0] for line in before if BULLET.match(line.text))
    if not lines or not marks:
        return False
    mark = marks.most_common(1)[0][0]
    opened = sum(1 for line in lines if line.text.lstrip().startswith(mark))
    return lines[0].text.lstrip().startswith(mark) and opened >= LIST_GOES_ON * len(lines)


def _titled_back_matter(lines: list[TextLine]) -> bool:
    """A page opened by a back-matter title set in the text's own size, which no heading
    cue took ("Webographie" over a list of links): the report's matter, not an annexed
    document in English."""
    if not lines:
        return False
    match = classify(heading_key(lines[0].text))
    return match is not None and match.key == BACK


_LETTER_A = re.compile(r"^a\s*[.)\-–:]\s*\S")  # "A. EXEMPLE DE CODE PUPPET"
_DIGIT_CHAPTER = re.compile(r"^[0-9]{1,2}\s*[.)\-–:](?!\s*[0-9])\s*\S")  # "4. CONCLUSION"
_LETTER_A_BARE = re.compile(r"^a\s+[^\W\d]")  # "A Conférence : Portes ouvertes"
_LETTER_B_BARE = re.compile(r"^b\s+[^\W\d]")
# "4 Bilan du stage", "Chapitre 5 Captures des interfaces": a chapter numbered in digits, no dot.
_DIGIT_CHAPTER_BARE = re.compile(r"^(?:chapitre\s+)?[0-9]{1,2}\s+[^\W\d]")
_NUMBERED_SECTION = re.compile(r"^[0-9]{1,2}\.[0-9]")  # "5.2 Résultats": inside chapter 5
# A chapter's or part's own number: "4.", "II.", "B)" (not "4.1").
_CHAPTER_NUMBER = re.compile(r"^(?:[0-9]{1,2}|[ivxl]{1,5}|[a-h])\s*[.)\-–:](?!\s*[0-9])\s*\S")


def _as_printed(document: Document, heading: Heading) -> Heading:
    """The heading with its title as the page prints it: LaTeX's bookmarks leave out the
    numbers ("Contexte du stage" for "A Contexte du stage", "Conclusion" for "5
    Conclusion"), which tell appendices from chapters."""
    if heading.source != "outline" or not heading.lines:
        return heading
    number, index = heading.lines[0]
    return replace(heading, text=document.page(number).lines[index].text.strip())


def _first_lettered_chapter(heading: Heading, headings: list[Heading]) -> bool:
    """ "A. Exemple de code Puppet" opening its page right after chapters numbered "4.", "5.
    Bibliographie": LaTeX's appendices (\\appendix) numbered by letters, with no "Annexe" in
    their titles. The numbered title just before it must be such a chapter: in an outline
    "I." > "A." > "1.", an "A." after "II." is that part's first section."""
    if _LETTER_A_BARE.match(fold(heading.text)):
        return _bare_lettered_appendices(heading, headings)
    if not heading.first_on_page or not _LETTER_A.match(fold(heading.text)):
        return False
    numbered = [
        h
        for h in headings
        if (h.page, h.top) < (heading.page, heading.top) and _CHAPTER_NUMBER.match(fold(h.text))
    ]
    if not numbered:
        return False
    last = max(numbered, key=lambda h: (h.page, h.top))
    # An appendix stands at its chapters' level: "a)" nested under "5. Mise en œuvre" in the
    # outline is that section's first point, on a page of its own.
    return bool(_DIGIT_CHAPTER.match(fold(last.text))) and heading.level <= last.level


def _bare_lettered_appendices(heading: Heading, headings: list[Heading]) -> bool:
    """LaTeX's default numbering, no dot: chapters "4 Bilan du stage", then appendices
    "A Conférence ...", "B ..."; or a single appendix "A Précisions sur les DAGs" right after
    the chapters' "Bibliographie". A title that merely opens on the word "A" ("A propos de
    ...") has no "B" title after it nor back matter just before it, nor a bare-numbered
    chapter before it. Under the bibliography's last lines, mid-page (the article class sets
    appendices as sections: "References", then "A Code source ..." and later "B ..."), it
    needs both."""
    place = (heading.page, heading.top)
    # The titles before it in the page order, each once (the outline and the typography
    # name the same ones), less the numbered sections of the last chapter ("5
    # Perspectives", "5.1 ...", "5.2 Résultats", "Conclusion", "Références", "A Contexte du
    # stage"): they stand inside that chapter.
    before = {
        (h.page, round(h.top)): h
        for h in sorted(headings, key=lambda h: (h.page, h.top))
        if (h.page, h.top) < place
        and h.level <= heading.level + 1
        and not _NUMBERED_SECTION.match(fold(h.text))
    }
    earlier = list(before.values())
    # The next letters' titles at its level or above: a chapter's big letter ("B" drawn at
    # 50 points, classicthesis) can set a title larger than the first appendix's.
    later = [h for h in headings if (h.page, h.top) > place and h.level <= heading.level]
    if not earlier:
        return False
    # The report's closing chapter ("Conclusion générale", its own sections "Bilan",
    # "Perspectives" under it) the last at its level before the single appendix "A Matrice
    # de couverture ...", numbered chapters before it.
    chapters = [h for h in earlier if h.level <= heading.level]
    closing = chapters[-1] if chapters else None
    if closing is not None and closing.key == CONCLUSION and closing.match.rank == 2:
        return heading.first_on_page and any(
            _DIGIT_CHAPTER_BARE.match(fold(h.text)) for h in chapters[-BARE_CHAPTER_REACH - 1 :]
        )
    after_back_matter = earlier[-1].key == BACK
    followed_by_b = any(_LETTER_B_BARE.match(fold(h.text)) for h in later)
    reach = BARE_CHAPTER_REACH + (1 if after_back_matter else 0)
    if not any(_DIGIT_CHAPTER_BARE.match(fold(h.text)) for h in earlier[-reach:]):
        return False
    if heading.first_on_page:
        return after_back_matter or followed_by_b
    return after_back_matter and followed_by_b


BARE_CHAPTER_REACH = 3  # titles back from "A ..." where the last numbered chapter stands


def _appended(lines: list[TextLine], body_size: float, pictured: bool) -> str | None:
    """A CV, a form, a certificate or a second report's cover after the report's last part:
    no report text, the annex part starts there (see :mod:`rapportlint.analysis.appended`).
    On a page of pictures under a title and captions (``pictured``), a form's title alone
    tells: the form is the picture."""
    text = "\n".join(line.text for line in lines)
    if _own_part_page(lines, text):
        return None
    found = appended_kind(text)
    if found is not None:
        return found[0]
    if pictured and (form := form_title(text)) is not None:
        return form
    return "report-cover" if report_cover(lines, body_size) else None


OWN_VOICE = 1.0  # first-person phrases per 100 words: the student writing, not a form


def _own_part_page(lines: list[TextLine], text: str) -> bool:
    """A page opened by one of the report's own part titles ("VII. Bilan personnel") and
    written in the first person ("Ce stage m'a confronté...", "mon tuteur"): the report's
    text, even when it speaks of the tutor's evaluation form ("La fiche d'évaluation rédigée
    par mon tuteur (Annexe B)... « Très satisfaisant »"). A form or a certificate is titled
    by its own name, and the tutor fills it in about "le stagiaire"."""
    if not lines:
        return False
    match = classify(heading_key(lines[0].text))
    if match is None or match.key not in MAIN_KEYS or match.rank < 1:
        return False
    return profile(text).voice >= OWN_VOICE


# LaTeX's label over the appendices' chapter title: "Annexe A" over "Annexes" (babel french).
_ANNEX_LABEL = re.compile(r"^(?:annexe|appendix|appendice)\s+(?:[a-h]|[0-9]{1,2})[.:]?$")


def _opens_page(page: Page, line: TextLine, furniture: set[LineRef]) -> bool:
    """Nothing but a running header (a small line at the very top), or a number or a letter
    alone ("05" over "ANNEXES", LaTeX's "A" over "Annexe 1"), or the appendix's own label
    ("Annexe A" over "Annexes"), stands above the line: the page is the annex part's, not
    the body's last page."""
    return not any(
        other.box.bottom < line.box.top - 1
        and any(ch.isalpha() for ch in other.text)
        and not chapter_label(other.text)
        and not _ANNEX_LABEL.match(fold(other.text))
        and not _running_header(other, page, line)
        for other in content_lines(page, furniture)
    )


def _running_header(other: TextLine, page: Page, line: TextLine) -> bool:
    """A small line in the page's top band. Not a line of prose: the report's last sentences
    run up to the very top of a page whose top margin is nearly none (Word for Mac's pages
    after a long paragraph), and the annex title stands under them."""
    middle = (other.box.top + other.box.bottom) / 2  # as the furniture band is measured
    return middle < HEADER_ZONE * page.height and other.size < line.size and not _prose(other, page)


def _prose(line: TextLine, page: Page) -> bool:
    """A line of a paragraph: as wide as the text block, its letters one after the other. A
    header spread by tab stops over the width ("ALLIAUME Hugo    Rapport d'alternance    IUT
    Lyon 1") is as wide, but its few letters stand far apart."""
    return (
        line.box.width >= PROSE_LINE_WIDTH * page.width
        and line.box.width <= PROSE_ADVANCE * line.size * len(line.text)
    )


def _annex_list(page: Page, contents: Contents, furniture: set[LineRef]) -> bool:
    """A contents list of the annexes ("Table des annexes"), not of the report."""
    listed = [
        line.text
        for i, line in enumerate(page.lines)
        if (page.number, i) in contents.lines and (page.number, i) not in furniture
    ]
    annexes = sum(1 for text in listed if _names_part(text) or _is_marker(text))
    return bool(listed) and annexes >= max(1, len(listed) // 2)


def _trailing_foreign_run(
    document: Document,
    after_page: int,
    languages: dict[int, str],
    unread: dict[int, str],
    matter: set[int],
) -> AnnexStart | None:
    """The pages that end the document in another language than French, or with their text
    out of the text layer (``unread``: "scan"; "drawn", letters drawn as shapes, as "print to
    PDF" outlines a web page's fonts): a French page among them belongs to them, French pages
    before the first of them do not. Drawn shapes alone say nothing of a language (a back
    cover's pattern is drawn too): they join a run that a page in another language or a scan
    makes. A page under a back-matter title (an English summary, references) is the body's,
    whatever its language."""
    start = None
    for number in range(max(2, after_page + 1), document.page_count + 1):
        if number in matter:
            continue
        if languages[number] in FOREIGN or number in unread:
            start = number
            break
    if start is None:
        return None
    run = range(start, document.page_count + 1)
    foreign = sum(1 for n in run if languages[n] in FOREIGN or n in unread)
    if foreign < max(1, len(run) / 2):
        return None
    if not any(languages[n] in FOREIGN or unread.get(n) == "scan" for n in run):
        return None
    found = languages[start]
    return AnnexStart(start, True, "language", found if found in FOREIGN else unread[start])


def page_language(document: Document, number: int, furniture: set[LineRef], quick: str) -> str:
    """The quick stop-word guess, langdetect where it has no answer (a CLI guide or a datasheet
    has few function words)."""
    if quick != UNDETERMINED:
        return quick
    text = "\n".join(line.text for line in content_lines(document.page(number), furniture))
    return detect(text)[0]


def split_annex_part(
    document: Document,
    pages: list[int],
    furniture: set[LineRef],
    contents: Contents,
    outline_starts: dict[int, str],
    picture_shares: dict[int, float],
    labels: dict[int, str],
) -> AnnexPages:
    """Roles of the annex part's pages and its documents (see the module's docstring)."""
    part = AnnexPages()
    report_numbers = ReportNumbers(labels, document.page_count)
    listed: dict[str, str] = {}  # "1" -> "Annexe 1 : Documentation technique" from a list page
    pending: Announcement | None = None
    previous: Page | None = None
    previous_marker: str | None = None
    # Each page's lines and "Annexe N" label, read once: the loop below weighs each page,
    # and a label further on tells whether an unlabelled page goes on with the one before.
    page_lines = {number: content_lines(document.page(number), furniture) for number in pages}
    markers = {n: m for n in pages if (m := _opening_marker(page_lines[n])) is not None}
    page_labels = {n: label for n, m in markers.items() if (label := _annex_number(m)) is not None}
    for position, number in enumerate(pages):
        page = document.page(number)
        lines = page_lines[number]
        role = _announcing_role(page, lines, contents, furniture, picture_shares.get(number, 0.0))
        if role is not None and role[0] == "annex-separator" and position == len(pages) - 1:
            role = None  # nothing follows it: a (short) document of its own
        if role is not None:
            name, detail = role
            if name == "annex-separator" or (name == "annexes-title" and _single_entry(lines)):
                # It announces the next document, which takes its label and declared kind.
                pending = Announcement(" ".join(line.text for line in lines[:3]), number)
                cue = "announces" if name == "annex-separator" else "title"
            else:
                if name == "annexes-title":  # a list: "Annexe 2 : Extrait de presse"...
                    for line in lines:
                        if number_key := _annex_number(line.text):
                            listed[number_key] = split_entry(line.text, True)[0]
                cue = name
            part.roles[number] = (name, cue, detail)
            previous, previous_marker = None, None
            continue
        marker = markers.get(number)
        if pending is not None:
            strong = "separator"
        elif number in outline_starts:
            strong = "bookmark"
        elif marker is not None and _annex_number(marker) != _annex_number(previous_marker or ""):
            strong = "label"
        else:
            strong = None
        if previous is None:
            boundary = Boundary(True, strong or "first")
        else:
            boundary = weigh(previous, page, furniture, strong, report_numbers)
            if (
                boundary.starts
                and strong is None
                and _before_the_next_label(
                    number, _annex_number(previous_marker or ""), pages, page_labels
                )
            ):
                boundary = Boundary(False, "labelled-run")
        part.boundaries[number] = boundary.cue
        starts = boundary.starts
        if starts or not part.documents:
            announcement = pending
            if announcement is None and marker is not None:
                found = listed.get(_annex_number(marker) or "")
                announcement = Announcement(found) if found else None
            part.documents.append([number])
            part.announcements.append(announcement)
        else:
            part.documents[-1].append(number)
        pending = None
        previous = page
        # A running "Annexe 2" header repeats on each page of its document.
        previous_marker = marker if starts else (marker or previous_marker)
    return part


def _opening_marker(lines: list[TextLine]) -> str | None:
    """The "Annexe N" label among a page's first lines ("Annexe A – Extraits de la
    documentation" under a running "Annexes"), or None."""
    return next((line.text for line in lines[:3] if _is_marker(line.text)), None)


def _before_the_next_label(
    number: int, open_label: str | None, pages: list[int], labels: dict[int, str]
) -> bool:
    """The page stands inside a labelled document whose successor's label comes later:
    "Annexe A" on p. 77, section titles of the same documentation at the top of pp. 78 and
    79, then "Annexe B" on p. 85. A student who labels each document labels them in turn, so
    a title between A and B opens no document of its own."""
    if open_label is None or number in labels:
        return False  # a page under a label of its own is weighed as any (a repeated "1")
    following = next((labels[n] for n in pages if n > number and n in labels), None)
    return following is not None and following == _label_after(open_label)


ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


def _label_after(label: str) -> str | None:
    """The label that follows ``label`` in its series: "2" after "1", "b" after "a", "iv"
    after "iii"."""
    if label.isdigit():
        return str(int(label) + 1)
    if label in ROMAN[:-1]:
        return ROMAN[ROMAN.index(label) + 1]
    if len(label) == 1 and "a" <= label < "h":
        return chr(ord(label) + 1)
    return None


WRAPPED_MAX_WORDS = 6  # the end of an entry too long for its line ("Helen Rumbelow)")


def _list_entries(lines: list[TextLine]) -> set[int]:
    """The lines of an annex list ("Annexe 2 : extrait de presse – AI developed by a group of
    researchers at Aalto University"), each with the short end of it that wrapped to the next
    line; as ids."""
    entries: set[int] = set()
    in_entry = False
    for line in lines:
        if opens_on_annex_label(line.text):
            entries.add(id(line))
            in_entry = True
        elif in_entry and len(line.text.split()) <= WRAPPED_MAX_WORDS:
            entries.add(id(line))
            in_entry = False
        else:
            in_entry = False
    return entries


def _annex_number(text: str) -> str | None:
    found = ANNEX_MARKER.match(fold(text))
    if not found:
        return None
    digits = re.search(r"([0-9]+|[ivx]+|[a-h])\s*$", found.group(0))
    return digits.group(1) if digits else None


def _single_entry(lines: list[TextLine]) -> bool:
    """A title page that lists one annex (an entry may be long: it carries the title)."""
    return sum(1 for line in lines if opens_on_annex_label(line.text)) == 1


def _announcing_role(
    page: Page,
    lines: list[TextLine],
    contents: Contents,
    furniture: set[LineRef],
    pictures: float,
) -> tuple[str, str] | None:
    """("annexes-title" | "annex-separator" | "contents" | "blank", the line that decided), or
    None for a page of a document."""
    drawn = vector_text(page)
    if not lines and pictures < 0.02 and not drawn:
        return "blank", ""
    if page.number in contents.whole_pages and not _annex_list(page, contents, furniture):
        return "contents", lines[0].text if lines else ""
    if pictures >= ANNOUNCEMENT_MAX_PICTURES or not lines or drawn:
        return None  # a document under its label (a picture, or letters drawn as shapes)
    part_names = [line for line in lines if _names_whole_part(line.text)]
    markers = [line for line in lines if _is_marker(line.text)]
    listed = [
        line
        for i, line in enumerate(page.lines)
        if (page.number, i) in contents.lines and (page.number, i) not in furniture
    ]
    announcing = {id(line) for line in [*part_names, *markers, *listed]}
    if part_names:  # a list under the part's title: its entries, whatever their length
        announcing |= _list_entries(lines)
    others = [line for line in lines if id(line) not in announcing]
    words = sum(len(line.text.split()) for line in others)
    if (part_names or len(markers) >= 2) and (
        len(others) <= TITLE_MAX_OTHER_LINES or words <= SEPARATOR_MAX_WORDS
    ):
        return "annexes-title", (part_names or markers)[0].text
    if len(markers) == 1 and markers[0] in lines[:3] and words <= SEPARATOR_MAX_WORDS:
        return "annex-separator", markers[0].text
    return None
