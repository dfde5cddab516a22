"""The jury summary: one printable A4 page per candidate, as one PDF for the class.

Writer: fpdf2. It is pure Python and fast for text pages (30 pages in well under a second), and
the project already uses it for its fixtures. The alternatives cost more: reportlab is larger,
and a hand-made PDF writer would have to do line wrapping and encodings again. fpdf2 pulls Pillow
and fontTools; it is imported only by this command. The 14 standard fonts are used, so text
outside Latin-1 is transliterated (accents kept, "œ" becomes "oe").
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from typing import Any

from rapportlint.render.labels import LABELS

REPLACEMENTS = {
    "’": "'",
    "‘": "'",
    "“": '"',
    "”": '"',
    "–": "-",
    "—": "-",
    "…": "...",
    "œ": "oe",
    "Œ": "OE",
    "€": "EUR",
    "•": "-",
    "\u00a0": " ",
    "\u202f": " ",
}


def latin1(text: object) -> str:
    """Text the standard PDF fonts can show: Latin-1 kept, the rest transliterated or '?'."""
    out = []
    for ch in str(text):
        ch = REPLACEMENTS.get(ch, ch)
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", ch).encode("latin-1", "ignore").decode("latin-1")
            out.append(base or "?")
    return "".join(out)


def render(
    entries: list[dict[str, Any]], lang: str = "fr", created: datetime | None = None
) -> bytes:
    """``entries``: one dict per candidate (see :func:`rapportlint.jury.entry`)."""
    from fpdf import FPDF

    labels = LABELS[lang]["jury"]
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(created or datetime.now(UTC))
    pdf.set_title(latin1(labels["title"]))
    pdf.set_creator("rapportlint")
    pdf.set_auto_page_break(True, margin=12)
    pdf.set_margins(15, 14, 15)
    for entry in entries:
        pdf.add_page()
        _page(pdf, entry, labels)
    if not entries:
        pdf.add_page()
    return bytes(pdf.output())


def _page(pdf, entry: dict[str, Any], labels: dict[str, Any]) -> None:
    def heading(text: str) -> None:
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(0, 6, latin1(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 9.5)

    def line(label: str, value: object) -> None:
        pdf.set_font("Helvetica", "B", 9.5)
        pdf.cell(48, 5, latin1(label))
        pdf.set_font("Helvetica", "", 9.5)
        pdf.multi_cell(
            0,
            5,
            latin1(value if value not in (None, "") else "-"),
            new_x="LMARGIN",
            new_y="NEXT",
            align="L",
        )

    pdf.set_font("Helvetica", "B", 15)
    pdf.cell(0, 8, latin1(entry["candidate"] or entry["file"]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5, latin1(f"{labels['title']} - {entry['file']}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_text_color(
        *{"pass": (22, 130, 60), "fail": (200, 30, 30)}.get(entry["verdict"], (90, 90, 90))
    )
    pdf.cell(
        0,
        8,
        latin1(f"{labels['verdict']} : {entry['verdict_label']} ({entry['summary']})"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_text_color(0, 0, 0)

    heading(labels["internship"])
    line(labels["company"], entry["company"])
    line(labels["tutor"], entry["tutor"])
    line(labels["dates"], entry["dates"])
    line(labels["weeks"], entry["weeks"])

    heading(labels["report"])
    line(labels["pages"], entry["pages"])
    for name, value in entry["sections"]:
        line(name, value)

    heading(labels["annexes"])
    if not entry["annexes"]:
        pdf.cell(0, 5, latin1(labels["no_annex"]), new_x="LMARGIN", new_y="NEXT")
    for annex in entry["annexes"]:
        pdf.set_font("Helvetica", "B", 9.5)
        pdf.multi_cell(
            0,
            5,
            latin1(f"{annex['index']}. {annex['title']}"),
            new_x="LMARGIN",
            new_y="NEXT",
            align="L",
        )
        pdf.set_font("Helvetica", "", 9)
        pdf.multi_cell(0, 4.5, latin1(annex["facts"]), new_x="LMARGIN", new_y="NEXT", align="L")

    heading(labels["questions"])
    if not entry["points"]:
        pdf.cell(0, 5, latin1(labels["no_point"]), new_x="LMARGIN", new_y="NEXT")
    for point in entry["points"]:
        pdf.multi_cell(0, 4.5, latin1(f"- {point}"), new_x="LMARGIN", new_y="NEXT", align="L")
