"""Parts that only the contents list names: announced with their page, opened by no title.

Some students write their report as running text: the contents list says "Présentation de
l'entreprise et de l'association (pages 2 à 3)", and page 2 begins "L'entreprise dans laquelle
j'ai réalisé mon stage ... est Lovzysoft, une SAS ... créée le 1er août 2022", under no title.
Telling that student "no part presents the company" would be false: the list announces the
part, and the announced page says it. So a part that neither a title
(:mod:`rapportlint.analysis.sections`) nor a part's content (:mod:`rapportlint.analysis.unnamed`)
found is placed at the page its contents entry prints, when:

- the entry's wording names the part (a usual or explicit wording, not a mere hint);
- its printed page is the label of exactly one body page (the PDF's page labels, else the
  numbers the footers print), and that page is not the contents list itself;
- the text of the announced pages (up to the next entry's page) confirms it, as a hinting
  title needs (:func:`rapportlint.analysis.unnamed.confirms`).

The part is then kept as decided by the contents list and its content, never ``named``: the
rule warns that no title opens it in the text.
"""

from __future__ import annotations

from rapportlint.analysis.body_pages import BodyPages
from rapportlint.analysis.content import CLOSING, COMPANY, WORK, profile
from rapportlint.analysis.sections import Section
from rapportlint.analysis.toc import Contents, TocEntry
from rapportlint.analysis.unnamed import confirms
from rapportlint.analysis.vocabulary import ACTIVITIES, CONCLUSION, classify

KIND_OF = {COMPANY: COMPANY, ACTIVITIES: WORK, CONCLUSION: CLOSING}
ANNOUNCED_CONFIDENCE = 0.6  # the list says it, the text confirms it; no title opens it


def placed_by_contents(
    missing: list[str],
    contents: Contents,
    labels: dict[int, str],
    pages: BodyPages,
) -> dict[str, Section]:
    """The ``missing`` parts (keys) that a contents entry announces at a body page whose text
    confirms them, by key."""
    physical = _physical_pages(labels, pages.last)
    announced = [
        (entry, physical[entry.printed_page])
        for entry in contents.entries
        if entry.printed_page in physical and physical[entry.printed_page] not in contents.pages
    ]
    placed: dict[str, Section] = {}
    for index, (entry, page) in enumerate(announced):
        match = classify(entry.key)
        if match is None or match.key not in missing or match.key in placed or match.rank < 1:
            continue
        later = [p for _, p in announced[index + 1 :] if p > page]
        end_page = min(later) - 1 if later else page
        kind = KIND_OF[match.key]
        read = profile("\n".join(pages.text(n) for n in range(page, end_page + 1)))
        if not confirms(read, kind):
            continue
        placed[match.key] = _section(match.key, entry, page, end_page, match.wording, read, kind)
    return placed


def _physical_pages(labels: dict[int, str], last_body_page: int) -> dict[str, int]:
    """Printed label -> physical page, for labels that name one body page only."""
    seen: dict[str, list[int]] = {}
    for number, label in labels.items():
        if number <= last_body_page:
            seen.setdefault(label, []).append(number)
    return {label: numbers[0] for label, numbers in seen.items() if len(numbers) == 1}


def _section(
    key: str, entry: TocEntry, page: int, end_page: int, wording: str, read, kind: str
) -> Section:
    return Section(
        key=key,
        title=entry.text.lstrip("•·-–—*▪►➢ ").strip(),
        page=page,
        end_page=end_page,
        source="contents",
        wording=wording,
        cue="contents",
        decided_by=("contents", "content"),
        confidence=ANNOUNCED_CONFIDENCE,
        named=False,
        content_cues=tuple(words for _, words in read.cues[kind][:4]),
        top=0.0,
        first_on_page=True,
    )
