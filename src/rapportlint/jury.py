"""The jury summary: what a jury wants to know of each candidate, from the class run's results.

Names come from the class list when there is one, else from the cover page; internship dates
and length from the cover page (the dossier of the pack issue will be preferred once it exists).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from rapportlint.batch import Row
from rapportlint.render.labels import LABELS

KIND_SHORT = {
    "fr": {"technique": "technique", "presse": "presse", "inconnu": "?"},
    "en": {"technique": "technical", "presse": "press", "inconnu": "?"},
}
QUESTION_SEVERITIES = ("error", "warning")


def _date(value: str | None) -> str:
    if not value:
        return ""
    year, month, day = value.split("-")
    return f"{day}/{month}/{year}"


def entry(row: Row, lang: str) -> dict[str, Any]:
    """Everything one jury page shows, as plain strings."""
    labels = LABELS[lang]
    data = row.result or {}
    cover = data.get("cover") or {}
    layout = data.get("layout") or {}
    summary = data.get("summary") or {"errors": 0, "warnings": 0, "infos": 0}
    sections = {s["key"]: s for s in data.get("sections", [])}
    dates = " - ".join(filter(None, [_date(cover.get("start")), _date(cover.get("end"))]))
    annexes = []
    for annex in data.get("annexes", []):
        if annex.get("role") == "other":
            continue
        source = " · ".join(
            filter(
                None,
                [annex["source"]["publisher"], annex["source"]["url"], annex["source"]["date"]],
            )
        )
        kind = annex["kind_declared"] or annex["kind"]
        facts = (
            f"{labels['kind']}{labels['sep']}{KIND_SHORT[lang][kind]}"
            f"{'' if annex['kind_declared'] else ' (' + str(round(100 * annex['kind_confidence'])) + ' %)'}"
            f" · {labels['language']}{labels['sep']}{annex['language']}"
            f" · {labels['pictures']}{labels['sep']}{round(100 * max(annex['image_ratio'] or [0]))} %"
            f" · p. {', '.join(map(str, annex['pages']))}"
            f" · {labels['source']}{labels['sep']}{source or labels['none_found']}"
        )
        annexes.append(
            {
                "index": annex["index"],
                "title": annex["title"],
                "facts": facts,
                "kind": kind,
                "source": source,
            }
        )
    points = [
        f"{f['rule']} ({labels[f['severity']]}{', p. ' + str(f['page']) if f['page'] else ''}) {f['message']}"
        for f in data.get("findings", [])
        if f["severity"] in QUESTION_SEVERITIES
    ]
    if row.failure:
        points.insert(0, row.failure)
    pages = ""
    if layout.get("body_pages") is not None:
        pages = (
            f"{layout['body_pages']} {labels['all_mode']} · "
            f"{layout['body_pages_from_intro']} {labels['intro_mode']}"
        )
    return {
        "file": row.relative,
        "candidate": row.student or cover.get("candidate"),
        "company": cover.get("company"),
        "tutor": cover.get("tutor"),
        "dates": dates,
        "weeks": cover.get("weeks"),
        "verdict": row.verdict,
        "verdict_label": labels["verdict_" + row.verdict],
        "summary": labels["summary"].format(
            e=summary["errors"], w=summary["warnings"], i=summary["infos"]
        ),
        "pages": pages,
        "sections": [
            (
                labels["names"][key],
                f"p. {sections[key]['page']}-{sections[key]['end_page']} · {sections[key]['title']}"
                if key in sections
                else labels["missing"],
            )
            for key in ("entreprise", "activites", "conclusion")
        ],
        "annexes": annexes,
        "points": points,
    }


CSV_HEADERS = {
    "fr": [
        "candidat",
        "fichier",
        "entreprise",
        "tuteur",
        "début",
        "fin",
        "semaines",
        "verdict",
        "erreurs",
        "avertissements",
        "pages",
        "entreprise p.",
        "activités p.",
        "conclusion p.",
        "annexe 1",
        "annexe 2",
        "annexe 3",
        "points à interroger",
    ],
    "en": [
        "candidate",
        "file",
        "company",
        "tutor",
        "start",
        "end",
        "weeks",
        "verdict",
        "errors",
        "warnings",
        "pages",
        "company p.",
        "activities p.",
        "conclusion p.",
        "annex 1",
        "annex 2",
        "annex 3",
        "points worth a question",
    ],
}


def csv_text(rows: list[Row], lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(CSV_HEADERS[lang])
    for row in sorted(rows, key=lambda r: ((r.student or "").lower(), r.relative.lower())):
        data = row.result or {}
        cover = data.get("cover") or {}
        sections = {s["key"]: f"{s['page']}-{s['end_page']}" for s in data.get("sections", [])}
        item = entry(row, lang)
        annex_cells = [f"{a['kind']}: {a['title']} ({a['source']})" for a in item["annexes"][:3]]
        annex_cells += [""] * (3 - len(annex_cells))
        writer.writerow(
            [
                item["candidate"] or "",
                row.relative,
                item["company"] or "",
                item["tutor"] or "",
                cover.get("start") or "",
                cover.get("end") or "",
                cover.get("weeks") or "",
                row.verdict,
                row.count("errors"),
                row.count("warnings"),
                "" if row.counted_pages is None else row.counted_pages,
                sections.get("entreprise", ""),
                sections.get("activites", ""),
                sections.get("conclusion", ""),
                *annex_cells,
                " | ".join(item["points"]),
            ]
        )
    return buffer.getvalue()
