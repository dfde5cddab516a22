"""The HTML report: one self-contained file (styles inline, pictures as data URIs).

What it shows comes from the check result; what it draws (thumbnails, annex pages) comes from
PDFium. Everything taken from the PDF goes through Jinja2's autoescape.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapportlint import __version__
from rapportlint.findings import Severity
from rapportlint.render.labels import LABELS
from rapportlint.render.roles import reason, role_name
from rapportlint.render.thumbnails import render_pages
from rapportlint.result import CheckResult
from rapportlint.templating import environment

THUMB_WIDTH = 90
ANNEX_WIDTH = 380


@dataclass(frozen=True, slots=True)
class Overlay:
    """A picture box drawn over an annex page, in percent of the page (CSS positions)."""

    left: float
    top: float
    width: float
    height: float


def _annex_views(result: CheckResult) -> tuple[list[dict], dict[str, dict[int, int]]]:
    """Per annex page: the file it is in, page number, share and overlays; and what to render."""
    views: list[dict] = []
    wanted: dict[str, dict[int, int]] = {}
    analysis = result.analysis
    for annex in analysis.annexes if analysis else []:
        pages = []
        source_path = annex.file or result.path
        for i, number in enumerate(annex.pages):
            wanted.setdefault(source_path, {})[number] = ANNEX_WIDTH
            # Sizes come with the annex: a separate file's pages are not the report's.
            width, height = annex.page_sizes[i] if i < len(annex.page_sizes) else (None, None)
            overlays = []
            if width and height:
                for box in annex.picture_boxes[i] if i < len(annex.picture_boxes) else []:
                    overlays.append(
                        Overlay(
                            left=round(100 * max(box.x0, 0) / width, 2),
                            top=round(100 * max(box.top, 0) / height, 2),
                            width=round(100 * (min(box.x1, width) - max(box.x0, 0)) / width, 2),
                            height=round(
                                100 * (min(box.bottom, height) - max(box.top, 0)) / height, 2
                            ),
                        )
                    )
            pages.append(
                {
                    "path": source_path,
                    "number": number,
                    "share": annex.image_ratio[i],
                    "scanned": annex.scanned[i],
                    "overlays": [o for o in overlays if o.width > 0 and o.height > 0],
                }
            )
        views.append({"annex": annex, "pages": pages})
    return views, wanted


def render(result: CheckResult, lang: str = "fr") -> str:
    labels = LABELS[lang]
    analysis = result.analysis
    thumbnails: dict[int, str] = {}
    annex_pictures: dict[str, dict[int, str]] = {}
    annexes, wanted = _annex_views(result)
    if analysis is not None:
        count = analysis.document.page_count
        wanted.setdefault(result.path, {})
        for number in range(1, count + 1):
            wanted[result.path].setdefault(number, THUMB_WIDTH)
        for path, widths in wanted.items():
            annex_pictures[path] = render_pages(path, widths)
        report_pictures = annex_pictures.get(result.path, {})
        thumbnails = report_pictures
    pages = []
    if analysis is not None:
        for number in range(1, analysis.document.page_count + 1):
            role = analysis.role(number)
            pages.append(
                {
                    "number": number,
                    "part": analysis.page_part(number),
                    "role": role_name(role.role, lang),
                    "reason": reason(role, analysis, lang),
                    "label": role.label if role.label and role.label != str(number) else None,
                }
            )
    template = environment(autoescape=True).get_template("report.html.j2")
    return template.render(
        result=result,
        analysis=analysis,
        labels=labels,
        lang=lang,
        pages=pages,
        thumbnails=thumbnails,
        annexes=annexes,
        annex_pictures=annex_pictures,
        counts={
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "infos": result.count(Severity.INFO),
        },
        title=analysis.document.metadata.get("Title", "") if analysis else "",
        version=__version__,
    )
