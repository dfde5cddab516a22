"""Table of contents pages: their lines name every heading, but are not the headings."""

from __future__ import annotations

import re

from rapportlint.analysis.furniture import LineRef
from rapportlint.analysis.text import heading_key
from rapportlint.model.document import Document

TOC_TITLE = re.compile(r"^(?:sommaire|table des matieres|table of contents|contents|plan)$")
TOC_LINE = re.compile(r"(?:\.{3,}|…+|\s)\s*[0-9]{1,3}$")


def _numbered_share(lines: list[str]) -> float:
    if len(lines) < 4:
        return 0.0
    return sum(1 for text in lines if TOC_LINE.search(text)) / len(lines)


def find_toc_pages(document: Document, furniture: set[LineRef]) -> set[int]:
    """Pages titled "Sommaire"/"Table des matières", or mostly lines ending in page numbers.

    A table of contents may run over several pages: the pages right after one, still mostly made
    of numbered lines, belong to it.
    """
    toc: set[int] = set()
    for page in document.pages:
        texts = [
            line.text for i, line in enumerate(page.lines) if (page.number, i) not in furniture
        ]
        titled = any(TOC_TITLE.match(heading_key(t)) for t in texts[:4])
        share = _numbered_share(texts)
        # Google Docs and some templates write contents without page numbers: a titled page of
        # short lines is a table of contents too.
        short = sum(1 for t in texts if len(t) < 90) / len(texts) if len(texts) >= 4 else 0.0
        if (
            (titled and (share >= 0.3 or short >= 0.8))
            or share >= 0.6
            or (page.number - 1 in toc and share >= 0.4)
        ):
            toc.add(page.number)
    return toc
