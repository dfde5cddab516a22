"""Where the report's parts are, and the pages that count: read off the page roles.

The body is every page before the annex part; a page where the annex part starts under the
report's last lines (a "5. Annexes" heading in the middle of the page) is in the body too. The
count "from the introduction" leaves out the pages before the introduction (cover, thanks,
contents).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Layout:
    """Physical page numbers (1-based) of the report's parts, and both page counts."""

    page_count: int
    intro_page: int
    annex_start: int | None
    annex_reason: str | None  # "heading", "marker", "appended", "language", "pictures" or None
    toc_pages: tuple[int, ...]
    last_body_page: int  # the body's last page (the annex part may start on it)

    @property
    def body_pages(self) -> int:
        """Every page before the annex part: the default count, the strictest reading."""
        return self.last_body_page

    @property
    def body_pages_from_intro(self) -> int:
        """Pages from the introduction on (cover, thanks and contents left out)."""
        return max(0, self.last_body_page - self.intro_page + 1)

    @property
    def annex_pages(self) -> list[int]:
        """The annex part's pages that hold no body text."""
        return annex_pages(self.annex_start, self.last_body_page, self.page_count)


def annex_pages(annex_start: int | None, last_body_page: int, page_count: int) -> list[int]:
    """The annex part's pages that hold no body text (the part may start on the body's last
    page, under its conclusion)."""
    if not annex_start:
        return []
    return list(range(max(annex_start, last_body_page + 1), page_count + 1))
