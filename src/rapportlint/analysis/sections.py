"""The three parts the regulation asks for: company presentation, activities, conclusion.

Each is the best heading that announces it (a strong wording before a weak one, the highest
level first; the first one for the company and activities, the last one for the conclusion,
which closes the report), and runs until the next heading of the same or a higher level.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapportlint.analysis.headings import Heading
from rapportlint.analysis.vocabulary import CONCLUSION, MAIN_KEYS


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    page: int
    end_page: int
    source: str  # "outline" or "typography"

    @property
    def page_count(self) -> int:
        return self.end_page - self.page + 1


def _pick(candidates: list[Heading], key: str) -> Heading | None:
    if not candidates:
        return None
    strong = [h for h in candidates if h.match and h.match.strong] or candidates
    best_level = min(h.level for h in strong)
    top = [h for h in strong if h.level == best_level]
    return top[-1] if key == CONCLUSION else top[0]


def _end_page(heading: Heading, ordered: list[Heading], last_body_page: int) -> int:
    for other in ordered:
        if (other.page, other.top) <= (heading.page, heading.top) or other is heading:
            continue
        if other.level <= heading.level:
            end = other.page - 1 if other.first_on_page else other.page
            return max(heading.page, min(end, last_body_page))
    return max(heading.page, last_body_page)


def _parent_of_weak(chosen: Heading, ordered: list[Heading]) -> Heading:
    """A weak wording below an unrecognised heading ("ACME Networks" > "Historique") means the
    parent is the part: the company presentation is titled with the company's name."""
    if chosen.match is None or chosen.match.strong or chosen.level <= 1:
        return chosen
    before = [h for h in ordered if (h.page, h.top) < (chosen.page, chosen.top)]
    parent = next((h for h in reversed(before) if h.level < chosen.level), None)
    if parent is not None and parent.key is None:
        return parent
    return chosen


def find_sections(
    primary: list[Heading], fallback: list[Heading], last_body_page: int
) -> dict[str, Section]:
    """Sections by key, looked up in ``primary`` headings, then in ``fallback`` ones."""
    sections: dict[str, Section] = {}
    for key in MAIN_KEYS:
        for headings in (primary, fallback):
            in_body = [h for h in headings if h.page <= last_body_page]
            chosen = _pick([h for h in in_body if h.key == key], key)
            if chosen is None:
                continue
            ordered = sorted(in_body, key=lambda h: (h.page, h.top))
            chosen = _parent_of_weak(chosen, ordered)
            sections[key] = Section(
                key=key,
                title=chosen.text,
                page=chosen.page,
                end_page=_end_page(chosen, ordered, last_body_page),
                source=chosen.source,
            )
            break
    return sections
