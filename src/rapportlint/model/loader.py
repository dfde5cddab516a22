"""Reads a PDF once with PDFium into the :mod:`rapportlint.model.document` classes.

Why PDFium and this shape: pdfminer-based extraction costs about 40 times more on whole reports,
and the rules only need, per line of text, its words, position, size and weight. PDFium already
lays characters out into lines (it inserts generated line breaks), so one call gives a page's text
and a few calls per line give its typography; per-character loops in Python would be the slow part.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import itertools
import math
import mmap
import os
import pickle
import re
import struct
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pypdfium2_raw as pdfium_c

from rapportlint.model.document import Box, Document, OutlineEntry, Page, TextLine
from rapportlint.model.fonts import font_family
from rapportlint.model.glyphs import (
    accent_after_first_letter,
    mend_mac_roman,
    mend_utf8_read_as_pdfdoc,
    normalise_glyphs,
    reads_winansi_as_mac_roman,
    sets_accents_apart,
)
from rapportlint.model.ocr import MAX_PAGES as OCR_PAGES
from rapportlint.model.ocr import OcrReader
from rapportlint.model.pdfium import (
    ERR_PASSWORD,
    PdfiumError,
    Plain,
    RawDocument,
    address,
    page_box,
    page_text,
)

# Matrix (a, b, c, d, e, f) as in PDF: x' = a*x + c*y + e ; y' = b*x + d*y + f.
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

MAX_FORM_DEPTH = 8
MAX_OBJECTS_PER_PAGE = 20_000
MAX_OUTLINE_ENTRIES = 2_000
# A path of a few segments (move, four sides, close; or four curves) is a box: a frame, a
# background panel or a chart bar, told apart later by the text it holds.
PANEL_MAX_SEGMENTS = 6
LINE_BAND = 2.0  # points: lines whose tops differ by less share a row of the reading order
BOLD_NAME = re.compile(
    r"bold|black|heavy|semibold|demi|cmbx|cmb\d|\bbx|extrabold|ultrabold"
    r"|\b(?:[A-Z]{6}\+)?(?:sf|ec)(?:bx|bi|sx|rb)\d",  # cm-super and EC: T1-encoded LaTeX
    re.I,
)
FORCE_BOLD_FLAG = 1 << 18
FILL_STROKE_MODES = (2, 6)  # text drawn filled and stroked: the "fake bold" of word processors
INVISIBLE_MODE = 3  # text neither filled nor stroked: an OCR layer over a scan


class LoadError(Exception):
    """The file cannot be read as a PDF. ``kind`` is a machine code, the message is for logs."""

    def __init__(self, kind: str, detail: str = "", data: bytes | None = None) -> None:
        super().__init__(detail or kind)
        self.kind = kind  # "missing", "unreadable", "empty", "not-pdf", "corrupt", "encrypted"
        self.detail = detail
        # What was read of the file, so that even an unreadable file is identified in the JSON.
        self.sha256 = hashlib.sha256(data).hexdigest() if data is not None else None
        self.size_bytes = len(data) if data is not None else None


def load_document(
    path: str | Path,
    password: str | None = None,
    max_bytes: int | None = None,
    max_pages: int | None = None,
    split: bool = False,
    meanwhile: Callable[[], object] | None = None,
    ocr_pages: int = OCR_PAGES,
) -> Document:
    """Reads ``path`` once and returns its model, or raises :class:`LoadError`.

    ``max_bytes`` and ``max_pages`` bound what one file may cost; past them the error kinds are
    "too-large" and "too-many-pages" (RL004). ``split`` and ``meanwhile``: see :func:`_read_pages`.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise LoadError("too-large", f"{size} bytes > {max_bytes}")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise LoadError("missing", str(exc)) from exc
    except (IsADirectoryError, PermissionError, OSError) as exc:
        raise LoadError("unreadable", str(exc)) from exc
    return load_bytes(
        data,
        str(path),
        password=password,
        max_pages=max_pages,
        split=split,
        meanwhile=meanwhile,
        ocr_pages=ocr_pages,
    )


def load_bytes(
    data: bytes,
    name: str = "<bytes>",
    password: str | None = None,
    max_pages: int | None = None,
    split: bool = False,
    meanwhile: Callable[[], object] | None = None,
    ocr_pages: int = OCR_PAGES,
) -> Document:
    """The model of a PDF already in memory (what :func:`load_document` does after reading;
    also the fuzzer's entry point). ``split`` and ``meanwhile``: see :func:`_read_pages`.
    ``ocr_pages``: how many pages OCR may read on demand (0: none, see
    :mod:`rapportlint.model.ocr`)."""
    if not data.strip():
        raise LoadError("empty", "the file is empty", data)
    if b"%PDF-" not in data[:1024]:
        raise LoadError("not-pdf", "no %PDF- header in the first kilobyte", data)
    try:
        pdf = RawDocument(data, password=password)
    except PdfiumError as exc:
        if exc.code == ERR_PASSWORD:
            raise LoadError("encrypted", "a password is needed to open the file", data) from exc
        raise LoadError("corrupt", str(exc), data) from exc
    try:
        if pdf.page_count <= 0:
            raise LoadError("empty", "the document has no page", data)
        if max_pages is not None and pdf.page_count > max_pages:
            raise LoadError("too-many-pages", f"{pdf.page_count} pages > {max_pages}", data)
        pages = _with_accents_on_their_letters(
            _with_winansi_letters(_read_pages(pdf, split, meanwhile))
        )
        _regular_beside_its_bold(pages)
        outline = _read_outline(pdf)
        metadata = {
            key: clean_text(mend_utf8_read_as_pdfdoc(value))
            for key, value in pdf.metadata().items()
        }
        active = _active_content(pdf, data)
    except PdfiumError as exc:
        raise LoadError("corrupt", str(exc), data) from exc
    finally:
        pdf.close()
    return Document(
        path=name,
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        pages=pages,
        outline=outline,
        metadata=metadata,
        active=active,
        ocr=OcrReader(data, password=password, max_pages=ocr_pages),
    )


def _with_winansi_letters(pages: list[Page]) -> list[Page]:
    """``pages``, their lines' letters read back as WinAnsi where the document's text was
    decoded as Mac Roman (:func:`rapportlint.model.glyphs.reads_winansi_as_mac_roman`)."""
    if not reads_winansi_as_mac_roman([line.text for page in pages for line in page.lines]):
        return pages
    for page in pages:
        page.lines = [replace(line, text=mend_mac_roman(line.text)) for line in page.lines]
    return pages


def _with_accents_on_their_letters(pages: list[Page]) -> list[Page]:
    """``pages``, their lines' accents set on their letters where the document's font sets
    them apart (:func:`rapportlint.model.glyphs.sets_accents_apart`)."""
    if not sets_accents_apart([line.text for page in pages for line in page.lines]):
        return pages
    for page in pages:
        page.lines = [
            replace(line, text=accent_after_first_letter(line.text)) if "´" in line.text else line
            for line in page.lines
        ]
    return pages


class _View:
    """Maps PDF user space to the reader's view: CropBox origin, rotation, top-left origin."""

    def __init__(self, crop: tuple[float, float, float, float], rotation: int) -> None:
        self.x0, self.y0, self.x1, self.y1 = crop
        self.rotation = rotation % 360
        w, h = self.x1 - self.x0, self.y1 - self.y0
        self.width, self.height = (h, w) if self.rotation in (90, 270) else (w, h)

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.rotation == 90:
            return y - self.y0, x - self.x0
        if self.rotation == 180:
            return self.x1 - x, y - self.y0
        if self.rotation == 270:
            return self.y1 - y, self.x1 - x
        return x - self.x0, self.y1 - y

    def box(self, left: float, bottom: float, right: float, top: float) -> Box:
        if not all(map(math.isfinite, (left, bottom, right, top))):
            return Box(0.0, 0.0, 0.0, 0.0)  # a broken file's NaN or infinite geometry
        xa, ya = self.point(left, bottom)
        xb, yb = self.point(right, top)
        return Box(min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))


SPLIT_MIN_PAGES = 16


def _open_fds() -> list[int]:
    """The process's open descriptors (Linux lists them; elsewhere, the first 256)."""
    try:
        return [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        return list(range(256))


def _read_pages(
    pdf: RawDocument, split: bool, meanwhile: Callable[[], object] | None = None
) -> list[Page]:
    """Every page, each read once, and ``meanwhile()`` called in this process before its share.

    With ``split`` (a single check, on a machine with a second core), a forked helper reads
    pages from the last one down while this process first runs ``meanwhile`` (the check imports
    the analysis there) and then reads from the first one up; they meet wherever their speeds
    make them meet, so the second core also absorbs the start-up work. The helper sends its
    pages back pickled: the model is plain data. Where they meet, each says in a shared page of
    memory which page it is about to read and leaves any page the other has claimed; a page
    both leave (or that a failed helper did not send) is read here at the end, and a page both
    read is taken once, so the model is the same as one read in order."""
    count = pdf.page_count
    if not split or count < SPLIT_MIN_PAGES or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        if meanwhile is not None:
            meanwhile()
        return [_read_page(pdf, index) for index in range(count)]
    # Two slots: the page this process is about to read (front), the helper's (back).
    claims = mmap.mmap(-1, 16)
    struct.pack_into("qq", claims, 0, 0, count)
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no second process to be had: everything here
        os.close(read_fd)
        os.close(write_fd)
        return _read_pages(pdf, False, meanwhile)
    if pid == 0:  # the helper: the open document came with the copy of the process
        os.close(read_fd)
        # Only its own pipe stays open: an inherited pipe end would keep a waiting parent (the
        # isolation's) from seeing its child finish until this helper does.
        for fd in _open_fds():
            if fd > 2 and fd != write_fd:
                with contextlib.suppress(OSError):
                    os.close(fd)
        try:
            back: dict[int, Page] = {}
            for index in range(count - 1, -1, -1):
                struct.pack_into("q", claims, 8, index)
                if index <= struct.unpack_from("q", claims, 0)[0]:
                    break
                back[index] = _read_page(pdf, index)
            payload = pickle.dumps(back, protocol=5)
            with os.fdopen(write_fd, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(0)
    os.close(write_fd)
    pages: dict[int, Page] = {}
    try:
        if meanwhile is not None:
            meanwhile()
        for index in range(count):
            struct.pack_into("q", claims, 0, index)
            if index >= struct.unpack_from("q", claims, 8)[0]:
                break
            pages[index] = _read_page(pdf, index)
    finally:
        with os.fdopen(read_fd, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(pid, 0)
    try:
        back = pickle.loads(payload)
    except Exception:
        back = None
    if isinstance(back, dict):
        for index, page in back.items():
            if isinstance(index, int) and 0 <= index < count and isinstance(page, Page):
                pages.setdefault(index, page)
    return [pages[index] if index in pages else _read_page(pdf, index) for index in range(count)]


def _read_page(pdf: RawDocument, index: int) -> Page:
    with pdf.page(index) as (page, textpage):
        view = _View(page_box(page), 90 * pdfium_c.FPDFPage_GetRotation(page))
        result = Page(
            number=index + 1, width=view.width, height=view.height, rotation=view.rotation
        )
        if textpage:
            result.lines, result.char_count, result.unreadable_count = _read_lines(textpage, view)
        _read_objects(address(page), view, result)
        result.label = _page_label(pdf, index)
        return result


def _page_label(pdf: RawDocument, index: int) -> str | None:
    """The label the PDF's /PageLabels give this page ("iii", "A-2"), None without one."""
    label = pdf.page_label(index)
    return clean_text(label) or None


def _read_lines(textpage, view: _View) -> tuple[list[TextLine], int, int]:
    """Splits the page text at PDFium's line breaks; samples typography at each line's first
    letter. Also returns how many visible characters read as text, and how many do not."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return [], 0, 0
    text = page_text(textpage, count)
    if len(text) != count:
        # Characters outside the BMP (emoji, math italics) take two indices in PDFium: keep the
        # text aligned with the indices (one UTF-16 unit each), mend the pairs per line below.
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 32) for i in range(count))
    lines: list[TextLine] = []
    fonts: dict[int, tuple[str, bool]] = {}
    handle = address(textpage)
    rect, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()  # filled by each call in turn
    visible = unreadable = 0
    start = 0
    upright: list[int] = []  # per line: +1 a letter set upwards, -1 downwards, 0 otherwise
    # PDFium marks a hyphenated line end with U+FFFE and joins the two lines: split there too.
    pieces = re.split(r"(\r\n|\n|\r|\ufffe)", text)
    for index, piece in enumerate(pieces):
        piece_start, start = start, start + len(piece)
        stripped = piece.strip()
        if not stripped or piece in ("\r\n", "\n", "\r", "\ufffe"):
            continue
        unreadable += len(_UNREADABLE.findall(stripped))
        visible += len(stripped) - sum(map(stripped.count, (" ", "\t", "\xa0")))
        first = piece_start + (len(piece) - len(piece.lstrip()))
        last = piece_start + len(piece.rstrip()) - 1
        sample = next((piece_start + k for k, ch in enumerate(piece) if ch.isalpha()), first)
        box = _line_box(handle, first, last, view, rect)
        if box.bottom <= 0 or box.top >= view.height or box.x1 <= 0 or box.x0 >= view.width:
            continue  # wholly outside the page: clipped, nobody sees it (a web page's overflow)
        size, bold, font, mode = _typography(handle, sample, fonts, matrix, textpage)
        direction = _direction(matrix.a, matrix.b) if size else 0
        if direction and len(stripped) > 1 and sample == first:
            # A sideways title's letter that PDFium ran into the text beside it ("S" + "Dans
            # la section"): the letter is a line of its own, the text another.
            rest = next((k for k in range(first + 1, last + 1) if not text[k].isspace()), None)
            beside = rest is not None and Plain.char_matrix(handle, rest, matrix)
            if beside and not _direction(matrix.a, matrix.b):
                letter = _line_box(handle, first, first, view, rect)
                lines.append(TextLine(text[first], letter, size, bold, font))
                upright.append(direction)
                first = sample = rest
                stripped = text[first : last + 1]
                box = _line_box(handle, first, last, view, rect)
                size, bold, font, mode = _typography(handle, sample, fonts, matrix, textpage)
                direction = 0
        if len(stripped) >= DROP_CAP_LINE:
            # A drop cap ("Lettrine": a 26 pt "L" opening a 12 pt paragraph) is no line's size:
            # the next letter says it. Small capitals (a first letter 1.2 to 1.4 times the
            # others) keep the first letter's.
            following = next((k for k in range(sample + 1, last + 1) if text[k].isalpha()), None)
            if following is not None:
                typography = _typography(handle, following, fonts, matrix, textpage)
                if size > DROP_CAP_RATIO * typography[0] > 0:
                    size, bold, font = typography[:3]
        if bold and " " in stripped:
            # A paragraph's line that opens on a word in bold ("LiberTIC est une association
            # nantaise, fondée en 2009,"): the line is bold only if it ends in bold too.
            closing = next((k for k in range(last, sample, -1) if text[k].isalpha()), None)
            if closing is not None:
                bold = _font_at(handle, closing, fonts, textpage)[1]
        if _letter_spaced(stripped):
            stripped = _without_tracking(handle, stripped, first, rect)
        elif 0 < stripped.count(" ") < FLOATING_ACCENT_WORDS:
            stripped = _without_floating_accents(handle, stripped, first, rect)
        text_line = normalise_glyphs(clean_text(stripped))
        if _word_goes_on(pieces, index):
            text_line += SOFT_HYPHEN
        lines.append(TextLine(text_line, box, size, bold, font, mode == INVISIBLE_MODE))
        upright.append(direction if len(stripped) == 1 else 0)
    if any(upright):
        lines = _join_vertical_letters(lines, upright)
    lines = _without_echoes(lines)
    _reading_order(lines, view.width)
    return lines, visible - unreadable, unreadable


# A line drawn twice, the second copy a few points off the first: Canva's "ombre" and "écho"
# effects, a word processor's shadowed font. The reader sees one line; read twice, a contents
# list's entries alternate with their copies and their page numbers fall between them.
ECHO_OFFSET = 0.3  # of the font size, across and down: a shadow's offset, never a next line


def _without_echoes(lines: list[TextLine]) -> list[TextLine]:
    """The lines without the copies of a line drawn again just beside itself (same text, same
    size), the visible copy kept where one of them is an invisible OCR layer."""
    kept: list[TextLine] = []
    seen: dict[str, list[int]] = {}
    for line in lines:
        earlier = seen.setdefault(line.text, [])
        twin = next((k for k in earlier if _echoes(kept[k], line)), None)
        if twin is None:
            earlier.append(len(kept))
            kept.append(line)
        elif kept[twin].invisible and not line.invisible:
            kept[twin] = line
    return kept


def _echoes(first: TextLine, second: TextLine) -> bool:
    reach = ECHO_OFFSET * max(first.size, second.size)
    return (
        abs(first.size - second.size) <= 0.5
        and abs(first.box.x0 - second.box.x0) <= reach
        and abs(first.box.top - second.box.top) <= reach
    )


SOFT_HYPHEN = "\u00ad"
# A title set with letter spacing (Canva's "espacement des lettres", Word's and LibreOffice's
# "étendu", LaTeX's \textls): PDFium reads most gaps as word spaces ("6 . T R A V A I L",
# "P R ÉSE N T A T ION": where a wide letter leaves a narrower gap, none).
TRACKED_LETTERS = 4  # one-letter words at least, half the line's words or more
TRACKED_CAPITALS = 0.6  # of those letters, in capitals: letter spacing sets titles in capitals
TRACKED_WORD_GAP = 1.8  # a gap this many times the line's usual one parts two words
# ... and wider than it by this share of the letters' height (LaTeX's letter-spaced "MARKOV
# CHAIN": 2.3 pt between letters, 4.8 between the words, letters 20 pt high)
TRACKED_WORD_EXTRA = 0.1


def _letter_spaced(text: str) -> bool:
    """Mostly one-letter words, mostly capitals: a display title (a row of a table of
    letters, "a r b a p a p a $ b" in a Burrows-Wheeler matrix, is lower case and stays)."""
    words = text.split(" ")
    single = sum(1 for word in words if len(word) == 1)
    letters = [word for word in words if len(word) == 1 and word.isalpha()]
    capitals = sum(1 for letter in letters if letter.isupper())
    return (
        len(letters) >= TRACKED_LETTERS
        and 2 * single >= len(words)
        and capitals >= TRACKED_CAPITALS * len(letters)
    )


def _without_tracking(textpage: int, text: str, first: int, rect) -> str:
    """ "6 . T R A V A I L E F F E C T U É" read as the page shows it: "6. TRAVAIL EFFECTUÉ".
    The line is set again from its letters' places: a gap well wider than the line's usual
    one (the spacing between letters) parts two words. Only the spaces PDFium generated are
    read so; a typed space stays (a typed "A N N E X E" is the headings' to read). ``text``
    starts at character ``first`` of the text page."""
    signs: list[tuple[str, float, float, float, bool]] = []  # letter, left, right, height, typed
    generated = 0
    typed = False
    for index, sign in enumerate(text, start=first):
        if sign == " ":
            is_generated = Plain.is_generated(textpage, index) == 1
            generated += is_generated
            typed = typed or not is_generated
            continue
        if not Plain.char_box(textpage, index, rect):
            return text
        signs.append((sign, rect.left, rect.right, rect.top - rect.bottom, typed))
        typed = False
    if generated < TRACKED_LETTERS or len(signs) < 2:
        return text
    gaps = [b[1] - a[2] for a, b in itertools.pairwise(signs)]
    usual = sorted(gaps)[len(gaps) // 2]
    height = sorted(sign[3] for sign in signs)[len(signs) // 2]
    wide = max(TRACKED_WORD_GAP * usual, usual + TRACKED_WORD_EXTRA * height)
    return signs[0][0] + "".join(
        (" " if sign[4] or gap > wide else "") + sign[0]
        for gap, sign in zip(gaps, signs[1:], strict=True)
    )


# A title's line (fewer spaces than this) is where a heading font sets its accents apart.
FLOATING_ACCENT_WORDS = 10
FLOATING_ACCENT_SLACK = 0.5  # points: the accent's box within its letter's, give or take


def _without_floating_accents(textpage: int, text: str, first: int, rect) -> str:
    """ "VI – De roulement de mon stage" read as "VI – Deroulement de mon stage": Word sets
    some fonts' accents as glyphs of their own, drawn over their letter, which PDFium reads
    as a space ("Pre sentation de l'entreprise"). A space between two letters whose box lies
    within the letter before it is that accent, no word gap: it goes (the wording's keys
    fold accents away). ``text`` starts at character ``first`` of the text page."""
    kept: list[str] = []
    for offset, sign in enumerate(text):
        between_letters = 0 < offset < len(text) - 1 and text[offset - 1].isalpha()
        accent = sign == " " and between_letters and text[offset + 1].isalpha()
        if not (accent and _within_the_letter_before(textpage, first + offset, rect)):
            kept.append(sign)
    return "".join(kept)


def _within_the_letter_before(textpage: int, index: int, rect) -> bool:
    """Whether character ``index`` is drawn, with a width, inside the box of the one before."""
    if not Plain.char_box(textpage, index - 1, rect):
        return False
    left, right = rect.left, rect.right
    return bool(
        Plain.char_box(textpage, index, rect)
        and rect.right > rect.left
        and left - FLOATING_ACCENT_SLACK <= rect.left
        and rect.right <= right + FLOATING_ACCENT_SLACK
    )


GUESSED_BOLD_SHARE = 0.5  # more lines than this bold by weight alone: the weights are guesses


def _regular_beside_its_bold(pages: list[Page]) -> None:
    """Sets regular the lines that PDFium read as bold by their font's weight alone (a name
    without a weight: "Calibri", "ArialMT") where that weight is a guess: the document uses
    the font's bold cut by name ("Calibri-Bold"), or most of its lines would be bold.
    Ghostscript's re-distilled fonts (a "print to PDF" through PDF24 or PDFCreator) lose
    their weights and PDFium guesses one near 900 from their stems for every cut, so the
    whole text read as bold and no title stood out; the names still tell the cuts apart.
    (A line drawn filled and stroked in such a font, a fake bold, reads regular too.)"""
    lines = [line for page in pages for line in page.lines if line.text.strip()]
    by_weight = [line for line in lines if line.bold and not BOLD_NAME.search(line.font)]
    if not by_weight:
        return
    guessed = {font_family(line.font) for line in lines if BOLD_NAME.search(line.font)}
    if len(by_weight) > GUESSED_BOLD_SHARE * len(lines):
        guessed |= {font_family(line.font) for line in by_weight}
    if not guessed:
        return
    for page in pages:
        page.lines = [
            replace(line, bold=False)
            if line.bold and not BOLD_NAME.search(line.font) and font_family(line.font) in guessed
            else line
            for line in page.lines
        ]


def _word_goes_on(pieces: list[str], index: int) -> bool:
    """The line's last word goes on at the next line's start: LaTeX broke it with a hyphen
    ("configu-" / "ré"), which PDFium drops. A lower-case letter on both sides tells such a
    break from a compound broken at its own hyphen ("Saint-" / "Ouen", "Get-" / "NetAdapter"),
    which stays two words as before. The line then ends with a soft hyphen, which the text's
    folding joins to the next word: the cue words of a part ("organisme", "installé") are
    not lost to LaTeX's hyphenation."""
    if index + 2 >= len(pieces) or pieces[index + 1] != "\ufffe":
        return False
    before, after = pieces[index].rstrip(), pieces[index + 2].lstrip()
    return before[-1:].islower() and after[:1].islower()


def _direction(a: float, b: float) -> int:
    """+1 for a letter whose baseline runs upwards (text turned a quarter left), -1 downwards,
    0 for any other (a text matrix's first column is its baseline's direction)."""
    if abs(b) <= 2 * abs(a):
        return 0
    return 1 if b > 0 else -1


VERTICAL_STEP = 0.6  # in the letters' size: the widest gap between two letters of one column
VERTICAL_SPACE = 0.15  # in the letters' size: a gap this wide stands for a space
VERTICAL_MIN_LETTERS = 3


def _join_vertical_letters(lines: list[TextLine], upright: list[int]) -> list[TextLine]:
    """A title set sideways (Canva's dividers: "SOMMAIRE", "PRÉSENTATION DE L'ENTREPRISE"
    running up the page's margin) comes out of PDFium one letter per line: its letters are
    joined back into the title they spell, column by column, in the direction they read
    (upwards from the bottom, columns from left to right; downwards, from the right)."""
    columns: dict[tuple[int, int, float], list[TextLine]] = {}
    for line, direction in zip(lines, upright, strict=True):
        if direction:
            columns.setdefault((direction, round(line.box.x0), line.size), []).append(line)
    runs: list[tuple[int, list[TextLine]]] = []
    for (direction, _, size), letters in columns.items():
        letters.sort(key=lambda line: line.box.top)
        run = [letters[0]]
        for letter in letters[1:]:
            if letter.box.top - run[-1].box.bottom > VERTICAL_STEP * size:
                runs.append((direction, run))
                run = []
            run.append(letter)
        runs.append((direction, run))
    joined: dict[int, TextLine] = {}  # by the id of the run's first letter
    used: set[int] = set()
    for direction, run in runs:
        if len(run) < VERTICAL_MIN_LETTERS:
            continue
        ordered = run if direction < 0 else run[::-1]
        text = ordered[0].text
        for before, letter in itertools.pairwise(ordered):
            gap = (
                abs(letter.box.top - before.box.bottom)
                if direction < 0
                else abs(before.box.top - letter.box.bottom)
            )
            text += (" " if gap > VERTICAL_SPACE * letter.size else "") + letter.text
        first = run[0]
        box = Box(
            min(line.box.x0 for line in run),
            min(line.box.top for line in run),
            max(line.box.x1 for line in run),
            max(line.box.bottom for line in run),
        )
        joined[id(first)] = TextLine(text, box, first.size, first.bold, first.font, first.invisible)
        used.update(id(line) for line in run)
    return [
        joined.get(id(line), line) for line in lines if id(line) not in used or id(line) in joined
    ]


# What a font without a Unicode table gives: the replacement character, private-use codes.
_UNREADABLE = re.compile(r"[\ufffd\ue000-\uf8ff]")
DROP_CAP_LINE = 20  # characters: a line this long may open on a drop cap
DROP_CAP_RATIO = 1.6  # its first letter this many times the size of the next one


def _reading_order(lines: list[TextLine], width: float) -> None:
    """Content streams need not run top to bottom (Canva writes a page's title last): lines are
    put in the order a reader takes, top to bottom, and column by column on a page set in two
    columns (most lines start in one half, few cross the middle)."""
    middle = width / 2
    right = sum(1 for line in lines if line.box.x0 >= middle - 5)
    across = sum(1 for line in lines if line.box.x0 < middle - 20 < middle + 20 < line.box.x1)
    if len(lines) >= 10 and right >= 0.3 * len(lines) and across <= 0.1 * len(lines):
        lines.sort(
            key=lambda line: (
                line.box.x0 >= middle - 5,
                round(line.box.top / LINE_BAND),
                line.box.x0,
            )
        )
    else:
        lines.sort(key=lambda line: (round(line.box.top / LINE_BAND), line.box.x0))


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


# Google Docs writes a zero-width space where a list number meets its title ("2.\u200bl'Université",
# "V.\u200bDéroulement du stage"): shown, they stand apart as the student saw them. Anywhere
# else a zero-width character shows nothing, and is dropped.
_ZERO_WIDTH_AFTER_NUMBER = re.compile(r"(?<=[.)])[\u200b\u2060\ufeff]+(?=\S)")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


def clean_text(text: str) -> str:
    """Text safe to show anywhere: surrogate halves paired (or replaced), control characters
    (terminal escape sequences among them) and zero-width characters removed, spaces
    collapsed."""
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if not text.isascii():
        text = _ZERO_WIDTH.sub("", _ZERO_WIDTH_AFTER_NUMBER.sub(" ", text))
    return " ".join(_CONTROL.sub(" ", text).split())


def _line_box(textpage: int, first: int, last: int, view: _View, rect) -> Box:
    lefts, rights, bottoms, tops = [], [], [], []
    for index in (first, last):
        if Plain.char_box(textpage, index, rect):
            lefts.append(rect.left)
            rights.append(rect.right)
            bottoms.append(rect.bottom)
            tops.append(rect.top)
    if not lefts:
        return Box(0.0, 0.0, 0.0, 0.0)
    return view.box(min(lefts), min(bottoms), max(rights), max(tops))


def _typography(
    textpage: int, index: int, fonts: dict[int, tuple[str, bool]], matrix, handle
) -> tuple[float, bool, str, int]:
    """Effective size (font size times the text matrix scale), boldness, font name and render
    mode (``textpage`` is the text page's address, ``handle`` the same page for the usual
    bindings). ``matrix`` is left holding the letter's text matrix."""
    size = Plain.font_size(textpage, index)
    if Plain.char_matrix(textpage, index, matrix):
        scale = math.hypot(matrix.c, matrix.d)
        if scale > 0:
            size *= scale
    else:
        matrix.a, matrix.b = 1.0, 0.0  # upright, as the caller reads the matrix after
    name, bold, mode = _font_at(textpage, index, fonts, handle)
    if not math.isfinite(size) or size < 0:
        size = 0.0
    return round(size, 2), bold, name, mode


def _font_at(
    textpage: int, index: int, fonts: dict[int, tuple[str, bool]], handle
) -> tuple[str, bool, int]:
    """One letter's font name, boldness (by its font, or drawn filled and stroked) and render
    mode; each font read once a page (``fonts``)."""
    text_object = Plain.text_object(textpage, index)
    key = (Plain.text_font(text_object) or 0) if text_object else 0
    if key not in fonts:
        fonts[key] = _font_facts(handle, index)
    name, bold = fonts[key]
    mode = Plain.render_mode(text_object) if text_object else 0
    return name, bold or mode in FILL_STROKE_MODES, mode


def _font_facts(textpage, index: int) -> tuple[str, bool]:
    buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int(0)
    length = pdfium_c.FPDFText_GetFontInfo(textpage, index, buffer, 256, flags)
    name = buffer.value.decode("utf-8", "replace") if length else ""
    weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
    bold = bool(BOLD_NAME.search(name)) or weight >= 600 or bool(flags.value & FORCE_BOLD_FLAG)
    return name, bold


def _read_objects(page: int | None, view: _View, result: Page) -> None:
    """Collects image boxes (Form XObjects included) and vector drawing boxes, in view coordinates."""
    if not page:
        return
    for kind, simple, left, bottom, right, top in _walk_objects(page, None, IDENTITY, 0, [0]):
        box = view.box(left, bottom, right, top)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            result.pictures.append(box)
        else:
            result.drawings.append(box)
            if simple:
                result.panels.append(box)


_BOXED = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING)


def _walk_objects(
    page_raw: int, form: int | None, matrix: Matrix, depth: int, seen: list[int]
) -> Iterator[tuple[int, bool, float, float, float, float]]:
    """The boxed objects of a page or a form (handles are plain addresses: a report may hold one
    text object per glyph, each passed over here)."""
    if form is None:
        count, get, parent = Plain.page_objects(page_raw), Plain.page_object, page_raw
    else:
        count, get, parent = Plain.form_objects(form), Plain.form_object, form
    kind_of, bounds, segments = Plain.object_type, Plain.object_bounds, Plain.path_segments
    text, form_kind, path = (
        pdfium_c.FPDF_PAGEOBJ_TEXT,
        pdfium_c.FPDF_PAGEOBJ_FORM,
        pdfium_c.FPDF_PAGEOBJ_PATH,
    )
    left, bottom = ctypes.c_float(), ctypes.c_float()
    right, top = ctypes.c_float(), ctypes.c_float()
    for i in range(max(count, 0)):
        seen[0] += 1
        if seen[0] > MAX_OBJECTS_PER_PAGE:
            return
        obj = get(parent, i)
        if not obj:
            continue
        kind = kind_of(obj)
        if kind == text:
            continue
        if kind == form_kind:
            if depth < MAX_FORM_DEPTH:
                yield from _walk_objects(page_raw, obj, _form_matrix(obj, matrix), depth + 1, seen)
            continue
        if kind not in _BOXED:
            continue
        if not bounds(obj, left, bottom, right, top):
            continue
        simple = kind == path and 0 < segments(obj) <= PANEL_MAX_SEGMENTS
        box = _transform_box(matrix, left.value, bottom.value, right.value, top.value)
        yield (kind, simple, *box)


def _form_matrix(form_obj: int, outer: Matrix) -> Matrix:
    """The matrix mapping the form's content space to page space (nested forms compose)."""
    raw = pdfium_c.FS_MATRIX()
    if not Plain.object_matrix(form_obj, raw):
        return outer
    inner = (raw.a, raw.b, raw.c, raw.d, raw.e, raw.f)
    a, b, c, d, e, f = outer
    ia, ib, ic, id_, ie, if_ = inner
    return (
        ia * a + ib * c,
        ia * b + ib * d,
        ic * a + id_ * c,
        ic * b + id_ * d,
        ie * a + if_ * c + e,
        ie * b + if_ * d + f,
    )


def _transform_box(
    m: Matrix, left: float, bottom: float, right: float, top: float
) -> tuple[float, float, float, float]:
    if m == IDENTITY:
        return left, bottom, right, top
    a, b, c, d, e, f = m
    xs, ys = [], []
    for x, y in ((left, bottom), (right, bottom), (left, top), (right, top)):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return min(xs), min(ys), max(xs), max(ys)


def _read_outline(pdf: RawDocument) -> list[OutlineEntry]:
    return [
        OutlineEntry(
            title=clean_text(mend_utf8_read_as_pdfdoc(title)),
            level=level,
            page=None if index is None else index + 1,
        )
        for title, level, index in pdf.bookmarks(max_depth=6, max_count=MAX_OUTLINE_ENTRIES)
    ]


# Markers of active content in the file's bytes. PDFium reports document JavaScript and
# attachments; actions in uncompressed objects (OpenAction, links) are only found this way.
# Every marker is a PDF name, so the pattern starts with its one literal "/": the regex engine
# then jumps from slash to slash instead of trying five alternatives at every byte (60 times
# faster; it was a third of the load of a 50-page Word report). "js" counts as "javascript".
_ACTIVE_MARKERS = re.compile(
    rb"/(?:S\s*/(?:(?P<javascript>JavaScript)|(?P<launch>Launch)"
    rb"|(?P<submit>SubmitForm|ImportData|GoToR|GoToE))"
    rb"|(?P<js>JS\s*[(<])|(?P<attachment>EmbeddedFiles?\b))"
)


def _active_content(pdf: RawDocument, data: bytes) -> dict[str, int]:
    """Counts of things a PDF can ask a reader to run or open; the tool runs none of them."""
    found = dict.fromkeys(("javascript", "launch", "attachment", "submit"), 0)
    for match in _ACTIVE_MARKERS.finditer(data):  # one pass over the bytes
        found["javascript" if match.lastgroup == "js" else match.lastgroup] += 1
    found["javascript"] = max(
        found["javascript"], pdfium_c.FPDFDoc_GetJavaScriptActionCount(pdf.handle)
    )
    found["attachment"] = max(found["attachment"], pdfium_c.FPDFDoc_GetAttachmentCount(pdf.handle))
    return {name: count for name, count in found.items() if count > 0}
