"""Plain data classes for a PDF read once.

Coordinates are those a reader sees: points, origin at the top-left corner of the visible page
(CropBox), after the page rotation, ``top`` growing downwards (as in pdfplumber). Analyses never
have to think about PDF user space, rotation or Form XObject matrices again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rapportlint.model.ocr import OcrReader


TEXT_MIN_CHARS = 20  # readable characters for a page to have a text layer


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned rectangle in page coordinates (points, top-left origin)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return max(0.0, self.x1 - self.x0)

    @property
    def height(self) -> float:
        return max(0.0, self.bottom - self.top)

    @property
    def area(self) -> float:
        return self.width * self.height

    def __reduce__(self) -> tuple:
        # Pickled as a call with the fields: the split loader sends a long report's pages
        # between processes, thousands of boxes, and the default for a frozen slotted class
        # (a state set field by field) costs three times as much at both ends.
        return Box, (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of text as PDFium lays it out, with the typography of its first letters.

    ``size`` is the effective font size in points (text matrix applied), ``bold`` comes from the
    font name, weight or a fill-and-stroke render mode. ``invisible`` lines are drawn in the
    invisible render mode: the text layer an OCR lays over a scan, which nobody sees.
    """

    text: str
    box: Box
    size: float
    bold: bool
    font: str
    invisible: bool = False

    def __reduce__(self) -> tuple:
        return TextLine, (self.text, self.box, self.size, self.bold, self.font, self.invisible)


@dataclass(slots=True)
class Page:
    """One page: its visible size, rotation, text lines and the boxes of what is drawn on it.

    ``pictures`` holds raster images (Form XObjects included); ``drawings`` holds vector path
    objects, which the annex analysis sorts into figures and mere rulings; ``panels`` holds the
    simple closed paths (rectangles, rounded boxes) among them, kept apart because a panel with
    text inside is a text frame or background, not a picture. ``label`` is the printed page
    label the PDF declares (/PageLabels: "iii", "12"), None when it declares none. ``lines``
    are in reading order (top to bottom, then left to right).
    """

    number: int  # 1-based physical page number
    width: float
    height: float
    rotation: int
    lines: list[TextLine] = field(default_factory=list)
    pictures: list[Box] = field(default_factory=list)
    drawings: list[Box] = field(default_factory=list)
    panels: list[Box] = field(default_factory=list)
    char_count: int = 0  # visible characters that read as text
    label: str | None = None
    # Visible characters that decode to nothing (U+FFFD, private use): a font without a
    # Unicode table, as a LaTeX PDF "printed" to PDF has. They are no text.
    unreadable_count: int = 0

    @property
    def has_text(self) -> bool:
        """A text layer worth the name: a handful of readable characters at least, and more
        of them than characters that do not read (a page of undecodable text with a few
        readable symbols or numbers has none)."""
        return self.char_count >= TEXT_MIN_CHARS and self.char_count >= self.unreadable_count

    @property
    def garbled(self) -> bool:
        """Characters are there, but most do not read: the text layer cannot be decoded."""
        return not self.has_text and self.unreadable_count >= TEXT_MIN_CHARS

    @property
    def area(self) -> float:
        return self.width * self.height

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    """A bookmark: its title, depth (0 = top level) and target page (1-based, None if unknown)."""

    title: str
    level: int
    page: int | None


@dataclass(slots=True)
class Document:
    """Everything the analyses know about one PDF file."""

    path: str
    sha256: str
    size_bytes: int
    pages: list[Page]
    outline: list[OutlineEntry] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    active: dict[str, int] = field(default_factory=dict)  # javascript, launch, attachment...
    # Reads on demand the text that is only in pixels (scans, screenshots): see model/ocr.py.
    ocr: OcrReader | None = field(default=None, repr=False, compare=False)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def page(self, number: int) -> Page:
        """The page with this 1-based physical number."""
        return self.pages[number - 1]
