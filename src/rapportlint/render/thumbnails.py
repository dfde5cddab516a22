"""Page pictures for the HTML report, rendered by PDFium and embedded as data URIs.

This is the one place that reads the PDF a second time: pixels are not in the document model,
and only the HTML report needs them. pypdfium2's helper classes are imported here, lazily.
"""

from __future__ import annotations

import base64
from pathlib import Path

from rapportlint.render.png import encode_rgb

MAX_PAGES = 400  # a bound for hostile files: pages past it get no picture
MAX_HEIGHT = 1200  # pixels


def render_pages(path: str | Path, widths: dict[int, int]) -> dict[int, str]:
    """``{page number: data URI}`` for each requested page, ``widths[page]`` pixels wide."""
    import pypdfium2 as pdfium

    out: dict[int, str] = {}
    pdf = pdfium.PdfDocument(str(path))
    try:
        for number, width in sorted(widths.items())[:MAX_PAGES]:
            if not 1 <= number <= len(pdf):
                continue
            page = pdf[number - 1]
            try:
                # The width asked for, but never a bitmap taller than MAX_HEIGHT: a page of
                # 1 x 14,400 pt would otherwise ask for a million-pixel-high picture.
                page_width, page_height = max(page.get_width(), 1.0), max(page.get_height(), 1.0)
                scale = min(width / page_width, MAX_HEIGHT / page_height)
                bitmap = page.render(scale=scale, rev_byteorder=True, may_draw_forms=False)
                data = encode_rgb(bitmap.width, bitmap.height, bytes(bitmap.buffer), bitmap.stride)
                out[number] = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
            finally:
                page.close()
    finally:
        pdf.close()
    return out
