"""The closing heading of a summary set before the report (a "fiche de synthèse").

Research internships in French labs open on a one- or two-page summary whose headings run
"Contexte général", "Problème étudié", "Contribution proposée", "Bilan et perspectives". A
report that then ends on its last technical section has no conclusion of its own, but its
author did write its closing words, up front: "the report has no conclusion" cannot be claimed
for certain, and RL203 warns, quoting the summary's heading.

Only a heading: a short line set apart from the text (bold where the text is not, or larger),
whose words name the closing part outright ("Conclusion", "Bilan et perspectives"; not a mere
hint such as "Perspectives"), with text under it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from rapportlint.analysis.furniture import LineRef
from rapportlint.analysis.headings import SIZE_RATIO, BodyStyle
from rapportlint.analysis.text import heading_key
from rapportlint.analysis.vocabulary import CONCLUSION, classify
from rapportlint.model.document import Document, TextLine

TITLE_MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class SummaryClosing:
    """The summary's closing heading, as the student wrote it, and its page."""

    text: str
    page: int


def summary_closing(
    document: Document, hidden: set[LineRef], style: BodyStyle, before: int
) -> SummaryClosing | None:
    """The first heading naming a closing part on the pages before ``before`` (the page the
    report's own text starts on); ``hidden`` are the lines that are no text of the page
    (furniture, contents lists)."""
    for number in range(1, min(before, document.page_count + 1)):
        page = document.page(number)
        lines = [line for i, line in enumerate(page.lines) if (number, i) not in hidden]
        for line, below in itertools.pairwise(lines):
            if _closing_heading(line, below, style):
                return SummaryClosing(line.text.strip(), number)
    return None


def _closing_heading(line: TextLine, below: TextLine, style: BodyStyle) -> bool:
    apart = (line.bold and not style.bold) or line.size >= SIZE_RATIO * style.size
    if not apart or len(line.text.split()) > TITLE_MAX_WORDS:
        return False
    match = classify(heading_key(line.text))
    if match is None or match.key != CONCLUSION or not match.strong:
        return False
    # Text follows, set like the text: not the next title of a list of titles.
    return not below.bold and below.size < SIZE_RATIO * style.size
