"""The jury summary: one printable A4 page per candidate, as one PDF for the class.

Writer: fpdf2. It is pure Python and fast for text pages (30 pages in well under a second), and
the project already uses it for its fixtures. The alternatives cost more: reportlab is larger,
and a hand-made PDF writer would have to do line wrapping and encodings again. fpdf2 pulls Pillow
and fontTools; it is imported only by this command.

The 14 standard fonts are used with the Windows-1252 encoding (WinAnsi in the PDF), which holds
French typography (’ « » – — … œ €) besides Latin-1; other characters are transliterated
(ﬁ -> fi, ễ -> e, → -> ->), and the glyphs a PDF lost (private-use codes, U+FFFD) are dropped
rather than printed as "?".

The page is laid out to fit one A4 sheet whatever the candidate (every text is one line or a
bounded number of lines, cut cleanly upstream) and to read printed in black and white: the
verdict is a word in a box, solid black when something is wrong, not a colour.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from typing import Any

from rapportlint import __version__
from rapportlint.render.labels import LABELS

ENCODING = "windows-1252"
REPLACEMENTS = {
    "\u202f": "\u00a0",  # narrow no-break space: the no-break space of Windows-1252
    "\u2009": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",
    "\u2192": "->",
    "\u2190": "<-",
    "\u21d2": "=>",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2260": "!=",
    "\u2248": "~",
    "\u2022": "•",
    "\u25cf": "•",
    "\u25aa": "•",
    "\u2713": "v",
    "\u2714": "v",
    "\u2032": "'",
    "\u2033": '"',
    "\u02bc": "’",
}
LEFT, RIGHT, TOP, BOTTOM = 15.0, 15.0, 14.0, 12.0
WIDTH = 210.0 - LEFT - RIGHT
GREY = (90, 90, 90)


def _dropped(ch: str) -> bool:
    """A glyph the PDF lost (private-use code, replacement character) or a control code."""
    category = unicodedata.category(ch)
    return ch == "\ufffd" or (category in ("Co", "Cc", "Cf", "Cs") and ch not in "\n\t")


def printable(text: object) -> str:
    """Text the standard fonts can show: Windows-1252 kept, the rest transliterated, lost
    glyphs dropped; "?" only for a letter that has no Latin form at all."""
    out = []
    for ch in str(text):
        ch = REPLACEMENTS.get(ch, ch)
        try:
            ch.encode(ENCODING)
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        if _dropped(ch):
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        try:
            base.encode(ENCODING)
            out.append(base)
        except UnicodeEncodeError:
            out.append("?")
    return "".join(out)


def render(
    entries: list[dict[str, Any]], lang: str = "fr", created: datetime | None = None
) -> bytes:
    """``entries``: one dict per candidate (see :func:`rapportlint.jury.entry`)."""
    from fpdf import FPDF

    labels = LABELS[lang]["jury"]
    pdf = FPDF(format="A4", unit="mm")
    pdf.core_fonts_encoding = ENCODING
    pdf.set_creation_date(created or datetime.now(UTC))
    pdf.set_title(printable(labels["title"]))
    pdf.set_creator(f"rapportlint {__version__}")
    pdf.set_auto_page_break(False)
    pdf.set_margins(LEFT, TOP, RIGHT)
    for entry in entries:
        pdf.add_page()
        _page(pdf, entry, labels)
    if not entries:
        pdf.add_page()
    return bytes(pdf.output())


class _Writer:
    """The few typographic moves of a jury page."""

    def __init__(self, pdf, labels: dict[str, Any]) -> None:
        self.pdf, self.labels = pdf, labels

    def font(self, style: str = "", size: float = 9.5, grey: bool = False) -> None:
        self.pdf.set_font("Helvetica", style, size)
        self.pdf.set_text_color(*(GREY if grey else (0, 0, 0)))

    def heading(self, text: str) -> None:
        pdf = self.pdf
        pdf.ln(2.5)
        self.font("B", 11)
        pdf.cell(0, 6, printable(text), new_x="LMARGIN", new_y="NEXT")
        y = pdf.get_y()
        pdf.set_draw_color(0, 0, 0)
        pdf.set_line_width(0.3)
        pdf.line(LEFT, y, LEFT + WIDTH, y)
        pdf.ln(1)

    def row(self, label: str, value: str, note: str = "", label_width: float = 34) -> None:
        """A label, its value on one line, and a small grey note at the right (a source)."""
        pdf = self.pdf
        note_width = 30 if note else 0
        self.font("B")
        pdf.cell(label_width, 5.2, printable(label))
        self.font()
        value_width = WIDTH - label_width - note_width
        pdf.cell(value_width, 5.2, printable(_fit(pdf, value, value_width)))
        if note:
            self.font("I", 7.5, grey=True)
            pdf.cell(note_width, 5.2, printable(note), align="R")
        pdf.ln(5.2)

    def lines(self, text: str, size: float = 9, style: str = "", indent: float = 0) -> None:
        pdf = self.pdf
        self.font(style, size)
        pdf.set_x(LEFT + indent)
        pdf.multi_cell(
            WIDTH - indent,
            size * 0.48,
            printable(text),
            new_x="LMARGIN",
            new_y="NEXT",
            align="L",
            max_line_height=size * 0.48,
        )


def _fit(pdf, text: str, width: float) -> str:
    """``text`` cut at a word boundary with "…" so that it fits ``width`` in the current font."""
    text = printable(text)
    if pdf.get_string_width(text) <= width - 1:
        return text
    words = text.split(" ")
    while len(words) > 1 and pdf.get_string_width(" ".join(words) + "…") > width - 1:
        words.pop()
    cut = " ".join(words).rstrip(" ,;:.-–—·")
    while cut and pdf.get_string_width(cut + "…") > width - 1:
        cut = cut[:-1]
    return cut + "…"


def _verdict_box(pdf, entry: dict[str, Any]) -> None:
    """The verdict as a word in a box at the top right: solid black with white letters when
    the report is not compliant, unreadable or missing; outlined when compliant."""
    text = printable(entry["verdict_label"].upper())
    pdf.set_font("Helvetica", "B", 12)
    width = max(42.0, pdf.get_string_width(text) + 10)
    x, y = LEFT + WIDTH - width, TOP
    pdf.set_line_width(0.6)
    pdf.set_draw_color(0, 0, 0)
    if entry["verdict"] == "pass":
        pdf.set_fill_color(255, 255, 255)
        pdf.set_text_color(0, 0, 0)
        pdf.rect(x, y, width, 10, style="D")
    else:
        pdf.set_fill_color(0, 0, 0)
        pdf.set_text_color(255, 255, 255)
        pdf.rect(x, y, width, 10, style="FD")
    pdf.set_xy(x, y)
    pdf.cell(width, 10, text, align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(LEFT, TOP)


def _page(pdf, entry: dict[str, Any], labels: dict[str, Any]) -> None:
    out = _Writer(pdf, labels)
    _verdict_box(pdf, entry)
    name = entry["candidate"]
    out.font("B", 16)
    pdf.cell(WIDTH - 50, 9, _fit(pdf, name.value if name.source else entry["file"], WIDTH - 50))
    pdf.ln(9)
    out.font(size=8.5, grey=True)
    details = [entry["file"]]
    if name.source:
        details.append(f"{labels['name_from']} {name.source}")
    if entry["summary"]:
        details.append(entry["summary"])
    pdf.cell(WIDTH, 4.5, _fit(pdf, " · ".join(details), WIDTH), new_x="LMARGIN", new_y="NEXT")

    out.heading(labels["internship"])
    for label, fact in entry["internship"]:
        out.row(label, fact.value, f"{labels['from']} {fact.source}" if fact.source else "")

    out.heading(labels["report"])
    out.row(labels["pages"], entry["pages"])
    for name, pages, title in entry["sections"]:
        out.row(name, f"{pages} · {title}" if pages else title)

    out.heading(labels["annexes"])
    if not entry["annexes"]:
        out.lines(labels["no_annex"])
    for annex in entry["annexes"]:
        out.font("B", 9.5)
        pdf.cell(WIDTH, 5, _fit(pdf, f"{annex['index']}. {annex['title']}", WIDTH))
        pdf.ln(5)
        out.font(size=8.5)
        pdf.set_x(LEFT + 4)
        pdf.cell(WIDTH - 4, 4.4, _fit(pdf, annex["facts"], WIDTH - 4))
        pdf.ln(5)
    if entry["more_annexes"]:
        out.lines(entry["more_annexes"], size=8.5)
    if entry["others"]:
        out.font("I", 8.5)
        pdf.cell(WIDTH, 4.6, _fit(pdf, entry["others"], WIDTH), new_x="LMARGIN", new_y="NEXT")

    out.heading(labels["questions"])
    if not entry["points"]:
        out.lines(labels["no_point"])
    for question, rules in entry["points"]:
        # The question, then the rule ids in small grey print, flowing as one paragraph.
        out.font("B", 10)
        pdf.cell(5, 5, "•")
        pdf.set_left_margin(LEFT + 5)
        out.font(size=10)
        pdf.write(5, printable(question))
        if rules:
            out.font(size=7, grey=True)
            pdf.write(5, printable(f"   {rules}"))
        pdf.set_left_margin(LEFT)
        pdf.ln(6)
    if entry["more_points"]:
        out.font("I", 8.5, grey=True)
        pdf.cell(WIDTH, 4.5, printable(entry["more_points"]), new_x="LMARGIN", new_y="NEXT")

    out.font(size=7, grey=True)
    pdf.set_xy(LEFT, 297 - BOTTOM)
    pdf.cell(WIDTH, 4, printable(f"{labels['title']} · rapportlint {__version__}"), align="L")
