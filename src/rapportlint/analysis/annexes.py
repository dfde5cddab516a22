"""One annexed document: its language, kind, pictures, source, title and role.

Where the annex part is and how it splits into documents is :mod:`rapportlint.analysis.annex_part`'s
business (it reads the page roles); this module looks at one document's pages. Page furniture
(running headers, footers, page numbers) never counts: it is no title, no source, no cue.

The role says whether the document is meant as one of the three English documents:

- "english": in English, or a scan whose language cannot be read, or in another foreign
  language (a German datasheet stands in for an English one: RL303), or French but declared as
  a technical or press document or full of press cues (a French article: RL303);
- "other": a French annex that is something else (attestation, evaluation sheet, figures,
  vocabulary, configuration listings): listed, never counted, never RL303.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from rapportlint.analysis.appended import appended_kind
from rapportlint.analysis.furniture import LineRef
from rapportlint.analysis.geometry import contains, coverage
from rapportlint.analysis.kinds import read_kind
from rapportlint.analysis.language import UNDETERMINED, detect
from rapportlint.analysis.references import is_reference_document
from rapportlint.analysis.text import fold
from rapportlint.analysis.vocabulary import ANNEX_MARKER
from rapportlint.model.document import Box, Document, Page, TextLine

SCAN_SHARE = 0.8
PANEL_MIN_WIDTH = 0.3  # of the page width: a text panel spans a column at least
PANEL_TEXT_SHARE = 0.15  # of the panel's area covered by lines of text
OTHER_ANNEX = re.compile(
    r"glossaire|lexique|sigles|acronymes|bibliographie|sitographie|webographie|schema|diagramme|"
    r"organigramme|plan |planning|convention|attestation|certificat|fiche|cahier des charges|code source|listing"
)
DECLARED = {
    # The student's own words on the page or in the bookmark, not the document's title.
    "technique": re.compile(
        r"document technique|documentation technique|technical document|fiche technique"
    ),
    "presse": re.compile(
        r"article de (?:presse|journal)|extrait de presse|press (?:article|extract)|news article|\bpresse\b"
    ),
}
URL = re.compile(
    r"\b(?:https?://[^\s)>\]]+|www\.[^\s)>\]]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|gov|edu|fr|co\.uk|de)\b(?:/[^\s)]*)?)",
    re.I,
)
PUBLISHER = re.compile(
    r"BBC|The Guardian|Wired|Ars Technica|ZDNet|TechCrunch|The Verge|The Register|BleepingComputer|"
    r"Reuters|Associated Press|AFP|Bloomberg|New York Times|Financial Times|The Economist|CNN|Forbes|"
    r"Le Monde|Cisco|IETF|RFC Editor|Texas Instruments|Microchip|STMicroelectronics|Schneider Electric|"
    r"Siemens|Microsoft|Juniper|Fortinet|Ubiquiti|HPE|Aruba|Raspberry Pi|Arduino|Espressif",
    re.I,
)
# Without a known name: what follows a copyright sign or a "Source:" / "Publisher:" label.
PUBLISHER_LABEL = re.compile(
    r"(?:©|\(c\)|copyright|\bsource\s*:|\bpublisher\s*:|\bpublished by)\s*(?:\d{4}\s*)?([A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3})"
)
MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|fevrier|février|mars|avril|mai|juin|juillet|aout|août|septembre|octobre|novembre|decembre|décembre)"
DATE = re.compile(
    rf"\b\d{{1,2}} {MONTHS} \d{{4}}\b|\b{MONTHS} \d{{1,2}},? \d{{4}}\b|\b{MONTHS} \d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{4}}\b|\(\d{{4}}\)|/20\d{{2}}/\d{{2}}/",
    re.I,
)


@dataclass(slots=True)
class Source:
    url: str | None = None
    publisher: str | None = None
    date: str | None = None

    @property
    def found(self) -> bool:
        return bool(self.url or self.publisher or self.date)


@dataclass(slots=True)
class AnnexDocument:
    """One annexed document: where it is, and what the analysis found on it."""

    index: int
    title: str
    pages: list[int]  # physical page numbers in the report, or in its own file
    file: str | None  # the separate file it came from, None when inside the report
    role: str  # "english" (one of the three), or "other" (glossary, diagram...)
    language: str
    language_probability: float
    kind: str  # "technique", "presse" or "inconnu"
    kind_confidence: float
    kind_declared: str | None
    cues: list[str] = field(default_factory=list)
    image_ratio: list[float] = field(default_factory=list)
    scanned: list[bool] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)  # one per page
    picture_boxes: list[list[Box]] = field(default_factory=list)  # what was counted, per page
    announced_on: int | None = None  # the separator page that announced it
    read_by_ocr: list[int] = field(default_factory=list)  # pages whose text OCR read
    text_in_pictures: list[bool] = field(default_factory=list)  # per page: a scan or screenshot
    appended: str | None = None  # the student's paper it is: "cv", "certificate"...
    label: str | None = None  # how the student announced it ("Annexe 2 : Article de presse")
    page_sizes: list[tuple[float, float]] = field(default_factory=list)  # (width, height) per page

    @property
    def kind_shown(self) -> str:
        """The kind the outputs give: "autre" for an annex that is none of the three (its
        content reading stays in ``kind``, for the rules that compare)."""
        return "autre" if self.role == "other" else self.kind

    @property
    def source(self) -> Source:
        """What the document shows, over all its pages."""
        return Source(
            url=next((s.url for s in self.sources if s.url), None),
            publisher=next((s.publisher for s in self.sources if s.publisher), None),
            date=next((s.date for s in self.sources if s.date), None),
        )


def figure_boxes(page: Page) -> list[Box]:
    """Vector figures: clusters of drawn paths that are not rulings, page borders or text panels.

    A thin path (under 3 pt across) is a ruling or an underline; a path covering most of the page
    is a border or background; a simple box (a few segments) with text inside is a text frame or
    a coloured panel behind text, as datasheets and Canva pages draw them. What is left, grouped
    when boxes touch, is a chart or diagram, counted by the box that holds it.
    """
    limit = 0.9 * page.area
    lines = _LinesByHeight(page.lines)
    panels = {_box_key(b) for b in page.panels if _holds_text(b, page, lines)}
    shapes = [
        b
        for b in page.drawings
        if b.width >= 3
        and b.height >= 3
        and b.area < limit
        and _box_key(b) not in panels
        and not _holds_prose(b, lines)
        and not _edge_band(b, page)
    ]
    clusters: list[Box] = []
    for box in sorted(shapes, key=lambda b: (b.top, b.x0)):
        for i, cluster in enumerate(clusters):
            if (
                box.x0 <= cluster.x1 + 4
                and box.x1 >= cluster.x0 - 4
                and box.top <= cluster.bottom + 4
                and box.bottom >= cluster.top - 4
            ):
                clusters[i] = Box(
                    min(box.x0, cluster.x0),
                    min(box.top, cluster.top),
                    max(box.x1, cluster.x1),
                    max(box.bottom, cluster.bottom),
                )
                break
        else:
            clusters.append(box)
    return clusters


class _LinesByHeight:
    """A page's text lines ordered by their top, so that a box looks only at the lines level
    with it: a table drawn as thousands of cell boxes would otherwise visit every line for each
    cell (a third of the analysis of a 50-page report)."""

    def __init__(self, lines: list[TextLine]) -> None:
        self.lines = lines
        self.order = sorted(range(len(lines)), key=lambda i: lines[i].box.top)
        self.tops = [lines[i].box.top for i in self.order]
        self.tallest = max((line.box.height for line in lines), default=0.0)

    def level_with(self, top: float, bottom: float) -> list[TextLine]:
        """The lines that may reach between ``top`` and ``bottom`` (both included), in the
        page's order: a line starting more than the tallest line's height above ``top``
        ends above it. A point of slack: a height is a difference of rounded coordinates,
        and a line reaching exactly to ``top`` must not be lost to the rounding (the callers
        measure each line's overlap themselves, so one line too many costs nothing)."""
        low = bisect_left(self.tops, top - self.tallest - 1.0)
        high = bisect_right(self.tops, bottom)
        return [self.lines[i] for i in sorted(self.order[low:high])]


def _box_key(box: Box) -> tuple[int, int, int, int]:
    return round(box.x0), round(box.top), round(box.x1), round(box.bottom)


PROSE_LINE_WORDS = 5  # a line of running text, not a chart's label or a node's name
PROSE_LINE_CHARS = 20  # or of code, whose words the PDF may run together
STRIPE_HEIGHT = 1.8  # of a line's height: a band behind one line of text
PROSE_LINES = 2


BAND_DEPTH = 0.2  # of the page: how far a header, footer or side band reaches in
# Of the page's width or height: a band this close to an edge runs along it. A page placed
# shrunk under the student's label (88 to 93 % of its size) keeps its bands that far in.
EDGE_MARGIN = 0.07
BAND_SPAN = 0.85  # of the page's width: a band across it (88 % once shrunk, less a side bar)


def _edge_band(box: Box, page: Page) -> bool:
    """A header or footer band, or a side bar, along an edge of the page: the publisher's
    page design, not a figure of the document."""
    across = box.width >= BAND_SPAN * page.width and box.height <= BAND_DEPTH * page.height
    along = box.height >= 0.6 * page.height and box.width <= BAND_DEPTH / 2 * page.width
    near_x, near_y = EDGE_MARGIN * page.width, EDGE_MARGIN * page.height
    touches_top_or_bottom = box.top <= near_y or box.bottom >= page.height - near_y
    touches_side = box.x0 <= near_x or box.x1 >= page.width - near_x
    return (across and touches_top_or_bottom) or (along and touches_side)


def _holds_prose(box: Box, lines: _LinesByHeight) -> bool:
    """A box with lines of running text inside: a web page's container, a code box, a table
    cell, a tinted background, the stripe behind one line of code (a chart or a diagram labels
    its parts with a few words)."""
    inside = 0
    for line in lines.level_with(box.top, box.bottom):
        middle_x = (line.box.x0 + line.box.x1) / 2
        middle_y = (line.box.top + line.box.bottom) / 2
        if not (box.x0 <= middle_x <= box.x1 and box.top <= middle_y <= box.bottom):
            continue
        if box.height <= STRIPE_HEIGHT * max(line.box.height, 1.0):
            return True  # a band behind a line of text
        if (
            len(line.text.split()) >= PROSE_LINE_WORDS
            or len(line.text.replace(" ", "")) >= PROSE_LINE_CHARS
        ):
            inside += 1
            if inside >= PROSE_LINES:
                return True
    return False


def _holds_text(box: Box, page: Page, lines: _LinesByHeight) -> bool:
    """A wide box whose area is largely covered by text: a text frame or a coloured panel behind
    text (a node of a diagram, narrower, holds a label and stays part of the figure)."""
    if box.width < PANEL_MIN_WIDTH * page.width or box.area <= 0:
        return False
    covered = 0.0
    for line in lines.level_with(box.top, box.bottom):
        width = min(line.box.x1, box.x1) - max(line.box.x0, box.x0)
        height = min(line.box.bottom, box.bottom) - max(line.box.top, box.top)
        if width > 0 and height > 0:
            covered += width * height
    return covered >= PANEL_TEXT_SHARE * box.area


def picture_share(page: Page) -> tuple[float, bool, list[Box]]:
    """(share of the page covered by pictures and vector figures, whether it is a scan, the
    boxes that were counted). A template's background (a picture under the whole page, the
    page's visible text over it) is no picture; a scan's OCR layer is invisible text, so a
    scan stays one."""
    pictures = pictures_seen(page)
    raster = coverage(pictures, page.width, page.height)
    if not page.has_text and raster >= SCAN_SHARE:
        return 1.0, True, [Box(0.0, 0.0, page.width, page.height)]
    if vector_text(page):  # its drawn shapes are its letters
        return round(raster, 4), False, pictures
    boxes = [*pictures, *figure_boxes(page)]
    return round(coverage(boxes, page.width, page.height), 4), False, boxes


BACKGROUND_SHARE = 0.9  # of the page: a picture this large with text over it is its background
BACKGROUND_LINES = 3  # visible lines over it: a title page's few lines are enough


def pictures_seen(page: Page) -> list[Box]:
    """The page's pictures but those under the whole page with visible text over them: a
    template's background (a 463-byte picture stretched under every page of a XeTeX report,
    a Canva page's backdrop). A picture that large leaves no room beside it, so its text is
    over it; a scan's OCR layer is invisible and leaves the scan a picture."""
    large = [b for b in page.pictures if b.area >= BACKGROUND_SHARE * page.area]
    if not large:
        return list(page.pictures)
    visible = [line for line in page.lines if not line.invisible]
    backgrounds = {
        _box_key(b)
        for b in large
        if sum(1 for line in visible if contains(b, line.box)) >= BACKGROUND_LINES
    }
    return [b for b in page.pictures if _box_key(b) not in backgrounds]


def find_source(text: str) -> Source:
    url = URL.search(text)
    named = PUBLISHER.search(text)
    labelled = None if named else PUBLISHER_LABEL.search(text)
    date = DATE.search(text)
    return Source(
        url=url.group(0).rstrip(".,;") if url else None,
        publisher=named.group(0) if named else (labelled.group(1) if labelled else None),
        date=date.group(0) if date else None,
    )


def declared_kind(text: str) -> str | None:
    """The kind a student wrote ("Document technique", "Article de presse")."""
    folded = fold(text)
    for kind in ("technique", "presse"):
        if DECLARED[kind].search(folded):
            return kind
    return None


@dataclass(slots=True)
class Announcement:
    """What the report says of a document before it: a separator page, a line of the annex
    list, its running header, or its bookmark ("Annexe 2 : Article de presse - BBC")."""

    text: str
    page: int | None = None  # the separator page, when a page of its own announces it


def opens_on_annex_label(text: str) -> bool:
    """The line opens on the student's label: "Annexe 2", "Appendix B", "Document 3"."""
    return ANNEX_MARKER.match(fold(text)) is not None


def content_lines(page: Page, furniture: set[LineRef]) -> list[TextLine]:
    """The page's lines without its running headers, footers and page number."""
    return [line for i, line in enumerate(page.lines) if (page.number, i) not in furniture]


def _headline(lines: list[TextLine]) -> str | None:
    """The largest line among the first ones, the student's "Annexe N" label aside: the
    document's own title."""
    top = [
        line
        for line in lines[:6]
        if len(line.text) > 3
        and any(c.isalpha() for c in line.text)
        and not opens_on_annex_label(line.text)
    ]
    if not top:
        return None
    biggest = max(top, key=lambda line: line.size)
    return biggest.text


CODE_LINE = re.compile(
    r"[;{}]\s*$|^\s*(?:#|//|--|/\*|\*)|\w\s*=\s*\S|\w+\([^)]*\)|^\s*(?:def|class|import|from|return|if|for|while|public|private|select|insert|create|update|drop|alter|interface|router|switch|ip|vlan|hostname)\b",
    re.I,
)
LISTING_SHARE = 0.6  # of the lines: code, configuration or data
LISTING_MAX_PROSE = 120  # words of running text
NUMERIC_OUTPUT = 0.28  # share of tokens with digits (datasheets reach about 0.2)


def is_listing(text: str) -> bool:
    """Code, a configuration, a program's output or a data table: lines of code or of numbers
    and abbreviations, little running text. No document of the three (an article, a
    datasheet, a manual) reads so; English keywords would make it look English."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 5:
        return False
    tokens = text.split()
    numbers = sum(1 for token in tokens if any(c.isdigit() for c in token))
    if numbers >= NUMERIC_OUTPUT * len(tokens):
        return True  # a program's results: more figures than any document of the three
    if _prose_words(text) >= LISTING_MAX_PROSE:
        return False
    # Weighed by characters: a table's row may come out as one very long line.
    listed = sum(len(line) for line in lines if _listing_line(LISTING_LINE_NUMBER.sub("", line)))
    return listed >= LISTING_SHARE * sum(len(line) for line in lines)


# The number a listing sets before each line of code ("29 from sklearn import ..."; LaTeX's
# listings with numbers=left): the code starts after it.
LISTING_LINE_NUMBER = re.compile(r"^\s*[0-9]{1,4}\s+(?=\S)")


def _listing_line(line: str) -> bool:
    return bool(CODE_LINE.search(line) or _symbolic(line) or _data_line(line) or _command(line))


COMMAND_MAX_WORDS = 8
# Words of sentences, in English and French: a line that holds one is text, not a command.
# fmt: off
SENTENCE_WORDS = frozenset({
    "the", "a", "an", "of", "to", "and", "or", "is", "are", "was", "it", "its", "this", "that",
    "with", "for", "from", "in", "on", "at", "by", "be", "as",
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "sont", "dans", "pour", "par",
    "sur", "avec", "au", "aux", "ce", "qui", "que",
})
# fmt: on


def _command(line: str) -> bool:
    """A line of a device's configuration or a shell session ("crypto pki trustpoint LDevID",
    "no sequence 20", "enrollment retry count 4"): a few words, the first a lower-case
    keyword, no sentence word, no sentence's end."""
    words = line.split()
    if not 1 <= len(words) <= COMMAND_MAX_WORDS or line.rstrip()[-1] in ".:?!,;":
        return False
    first = words[0]
    return (
        first[0].islower()
        and first.replace("-", "").isalnum()
        and not any(word.lower() in SENTENCE_WORDS for word in words)
    )


CODE_SYMBOLS = frozenset("(){}[];=<>_\"'*/+#|\\@$%&")


def _symbolic(line: str, share: float = 0.08) -> bool:
    """Code and command output are full of brackets, operators and quotes; prose is not."""
    stripped = line.strip()
    return len(stripped) >= 6 and sum(c in CODE_SYMBOLS for c in stripped) >= share * len(stripped)


def _data_line(line: str) -> bool:
    """A row of a table of figures or codes: mostly numbers, or words in capitals."""
    tokens = line.split()
    if len(tokens) < 2:
        return any(c.isdigit() for c in line)
    numbers = sum(1 for t in tokens if any(c.isdigit() for c in t))
    capitals = sum(1 for t in tokens if t.isupper() and len(t) > 1)
    return numbers >= 0.4 * len(tokens) or numbers + capitals >= 0.6 * len(tokens)


def _prose_words(text: str) -> int:
    """Words in lines of running text: six words or more, most in lower case, few symbols
    (not a table's row nor a line of code)."""
    total = 0
    for line in text.splitlines():
        words = [w for w in line.split() if any(c.isalpha() for c in w)]
        lower = sum(1 for w in words if w[0].islower())
        letters = sum(1 for w in words if len(w) == 1)  # "c l a s s DISQUE": spaced code
        if (
            len(words) >= 6
            and 2 * lower >= len(words)
            and letters < LETTER_SPACED * len(words)
            and not _symbolic(line, 0.05)
        ):
            total += len(words)
    return total


LETTER_SPACED = 0.4  # share of one-letter words in a line of code set with spaced letters


def _first_words(text: str) -> str | None:
    """The first line of OCR'd text that reads as a title (a screenshot's headline)."""
    for line in text.splitlines():
        if len(line) > 8 and sum(c.isalpha() for c in line) > 0.6 * len(line):
            return line.strip()
    return None


SCREENSHOT_SHARE = 0.5  # of the page covered by raster pictures
SCREENSHOT_MAX_WORDS = 80  # words of the text layer around it: a label and a source line


VECTOR_TEXT_SHAPES = 40  # drawn shapes on a page without a text layer: its letters


def vector_text(page: Page) -> bool:
    """The page's letters are drawn as shapes (a "print to PDF" that outlines fonts): no text
    layer but maybe a label, no full-page picture, many drawn shapes. Its text is read by OCR,
    and its shapes are letters, not figures."""
    raster = coverage(pictures_seen(page), page.width, page.height)
    words = sum(len(line.text.split()) for line in page.lines)
    return (
        words <= SCREENSHOT_MAX_WORDS
        and raster < SCAN_SHARE
        and len(page.drawings) >= VECTOR_TEXT_SHAPES
    )


def text_in_pixels(page: Page, furniture: set[LineRef]) -> bool:
    """The page's text is in a picture: a scan (no text layer) or a screenshot (a picture over
    half the page with only a label and a source line as text), or drawn as shapes."""
    raster = coverage(pictures_seen(page), page.width, page.height)
    if vector_text(page):
        return True
    if not page.has_text:
        return raster >= SCAN_SHARE
    words = sum(len(line.text.split()) for line in content_lines(page, furniture))
    return raster >= SCREENSHOT_SHARE and words <= SCREENSHOT_MAX_WORDS


def _marker_line(lines: list[TextLine]) -> str | None:
    for line in lines[:3]:
        if opens_on_annex_label(line.text):
            return line.text
    return None


def _is_generic(title: str) -> bool:
    """ "Annexes", "Annexe 2": a bookmark that names the part, not the document."""
    return bool(
        re.fullmatch(
            r"(?:ann?exes?|appendi(?:x|ces)|documents? annexes?)(?:\s*(?:n°)?\s*\w{1,3})?",
            fold(title).strip(" :.-"),
        )
    )


def analyse_document(
    index: int,
    pages: list[Page],
    file: str | None,
    declared: str | None,
    announcement: Announcement | None = None,
    outline_title: str | None = None,
    furniture: set[LineRef] | None = None,
    pixel_text: dict[int, str] | None = None,
) -> AnnexDocument:
    """Everything about one annexed document (pages of the report, or of a separate file).
    ``pixel_text``: what OCR read on the pages whose text is only in a picture."""
    furniture = furniture or set()
    pixel_text = pixel_text or {}
    lines_by_page = [content_lines(page, furniture) for page in pages]
    # The document's own words: the student's "Annexe N : ..." labels are French whatever the
    # document is, and would make a screenshot of a chart "French" or, in capitals, "German".
    text = "\n".join(
        [
            line.text
            for lines in lines_by_page
            for line in lines
            if not opens_on_annex_label(line.text)
        ]
        + [pixel_text[page.number] for page in pages if page.number in pixel_text]
    )
    first = lines_by_page[0]
    marker = _marker_line(first)
    announced = announcement.text if announcement else None
    headline = _headline(first) or _first_words(pixel_text.get(pages[0].number, ""))
    # The document's own title first (what a jury looks for), then the student's label.
    title = next(
        (t for t in (headline, outline_title, announced, marker) if t and not _is_generic(t)),
        announced or marker or headline or (first[0].text if first else ""),
    )
    language, probability = detect(text)
    reading = read_kind(text)
    appended = appended_kind(text)
    kind, confidence, cues = reading.kind, reading.confidence, reading.cues
    top_lines = " ".join(line.text for line in first[:3])
    given = declared  # on the command line (--annexe technique:x.pdf)
    declared = declared or declared_kind(
        " ".join(filter(None, [announced, outline_title, marker, top_lines]))
    )
    shares = [picture_share(page) for page in pages]
    scanned = [scan for _, scan, _ in shares]
    role = _role(
        language,
        kind,
        confidence,
        cues,
        declared,
        all(scanned),
        title,
        announced,
        outline_title,
        appended=appended is not None,
        labelled=given is None and declared is not None,
        prose=_prose_words(text),
        # A published document's landmarks (a datasheet's, an RFC's) outweigh its tables and
        # diagrams: only a listing without them is the student's code or data.
        listing=is_listing(text) and not PUBLISHED_TECHNICAL.intersection(cues),
        references=is_reference_document(lines_by_page),
    )
    return AnnexDocument(
        index=index,
        title=title,
        pages=[page.number for page in pages],
        file=file,
        role=role,
        language=language if language != UNDETERMINED else UNDETERMINED,
        language_probability=probability,
        kind=kind,
        kind_confidence=confidence,
        kind_declared=declared,
        cues=cues,
        image_ratio=[share for share, _, _ in shares],
        scanned=scanned,
        picture_boxes=[boxes for _, _, boxes in shares],
        sources=[find_source("\n".join(line.text for line in lines)) for lines in lines_by_page],
        announced_on=announcement.page if announcement else None,
        read_by_ocr=sorted(n for n in pixel_text if n in {page.number for page in pages}),
        text_in_pictures=[text_in_pixels(page, furniture) for page in pages],
        appended=appended[0] if appended else None,
        label=announced or marker,
        page_sizes=[(page.width, page.height) for page in pages],
    )


# Cues that only a published technical document has (a French configuration listing or a
# software printout has prompts, units and steps, not these).
PUBLISHED_TECHNICAL = {
    "technical document",
    "datasheet",
    "features",
    "maximum ratings",
    "electrical characteristics",
    "ordering information",
    "pin configuration",
    "request for comments",
    "status of this memo",
    "configuration guide",
}


def _role(
    language: str,
    kind: str,
    confidence: float,
    cues: list[str],
    declared: str | None,
    scanned: bool,
    title: str,
    announced: str | None,
    outline_title: str | None,
    appended: bool = False,
    labelled: bool = False,
    prose: int = 0,
    listing: bool = False,
    references: bool = False,
) -> str:
    """ "english" (meant as one of the three English documents), "other", or, for a French
    document that looks like one of the three, :data:`FRENCH_CANDIDATE`, which its place
    decides (:func:`place_french_documents`)."""
    named = fold(" ".join(filter(None, [title, announced, outline_title])))
    if re.search(r"glossaire|lexique|vocabulaire|bibliographi|webographie|sitographie", named):
        return "other"  # even an English glossary is no document of the three
    if REFERENCES_TITLE.match(fold(title)) or (references and declared is None):
        return "other"  # the report's references, set after its annexes or under their title
    if appended:
        return "other"  # a CV, a form, a certificate: the student's papers
    if declared is None and listing:
        return "other"  # code, a configuration, a program's output, a data table
    if labelled and language == "fr":
        # "Annexe 1 : Fiche technique de la COPAG": a French page whose label names a kind is
        # one of the three only where it stands among them, as any French document.
        return FRENCH_CANDIDATE
    if declared is not None or language == "en":
        return "english"
    if scanned and language == UNDETERMINED:
        return "english"  # a scan may be one of the three: its language cannot be read
    if language not in ("fr", UNDETERMINED):
        return "english"  # a German datasheet or a Spanish article stands for an English one
    if OTHER_ANNEX.search(named):
        return "other"
    if language == "fr" and kind == "presse" and confidence >= FRENCH_LOOK:
        return FRENCH_CANDIDATE  # a French press article, if it stands among the three
    if (
        language == "fr"
        and kind == "technique"
        and confidence >= FRENCH_LOOK
        and PUBLISHED_TECHNICAL.intersection(cues)
    ):
        return FRENCH_CANDIDATE  # a French datasheet, if it stands among the three
    if language == "fr" and prose >= FRENCH_PROSE and "news vocabulary" in cues:
        return FRENCH_CANDIDATE  # a French news text with few landmarks
    return "other"


FRENCH_CANDIDATE = "french-candidate"
REFERENCES_TITLE = re.compile(r"(?:[0-9]+\s*)?references?(?: bibliographiques)?$")
FRENCH_LOOK = 0.5  # kind confidence of a French document that looks like one of the three
FRENCH_PROSE = 120  # words of running text


def place_french_documents(annexes: list[AnnexDocument]) -> None:
    """A French document that looks like one of the three is meant as one of them (and gets
    RL303) when it stands where they stand: next to an English document of the three, in the
    same file. Elsewhere (among screenshots, a glossary, the student's own French annexes) it
    is another annex."""
    for i, annex in enumerate(annexes):
        if annex.role != FRENCH_CANDIDATE:
            continue
        neighbours = [a for a in annexes[max(0, i - 1) : i + 2] if a is not annex]
        among = any(
            a.role == "english" and a.language == "en" and a.file == annex.file for a in neighbours
        )
        annex.role = "english" if among else "other"


def read_pixels(
    document: Document, numbers: list[int], furniture: set[LineRef]
) -> tuple[dict[int, str], list[int]]:
    """What OCR reads on those of the pages whose text is only in a picture, and the pages it
    could not read (no OCR installed, or past its page budget)."""
    read: dict[int, str] = {}
    unread: list[int] = []
    for number in numbers:
        if not text_in_pixels(document.page(number), furniture):
            continue
        found = document.ocr.read(number) if document.ocr is not None else None
        if found is None:
            unread.append(number)
        elif found.text:
            read[number] = found.text
    return read, unread


def analyse_external(
    index: int, document: Document, declared: str | None
) -> tuple[AnnexDocument, list[int]]:
    """An annex given as a separate file: all its pages are one document; and the pages whose
    text OCR could not read."""
    from rapportlint.analysis.furniture import find_furniture

    furniture = find_furniture(document)
    pixels, unread = read_pixels(document, [p.number for p in document.pages], furniture)
    annex = analyse_document(
        index, document.pages, document.path, declared, furniture=furniture, pixel_text=pixels
    )
    return annex, unread
