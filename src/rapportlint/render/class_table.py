"""Class outputs: the terminal table, CSV, JSON lines, the HTML dashboard and its student pages.

One verdict vocabulary everywhere a person reads (terminal, CSV, dashboard, jury CSV):
Conforme, Non conforme, Illisible, Non rendu (``LABELS[lang]["verdict_" + row.verdict]``);
JSON lines keep the machine words pass, fail, error, missing.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from markupsafe import escape

from rapportlint import wording
from rapportlint.render.labels import LABELS
from rapportlint.render.points import points
from rapportlint.render.rows import Packed, Row, report_name, totals
from rapportlint.templating import environment

SECTION_LETTERS = {"entreprise": "E", "activites": "A", "conclusion": "C"}
FAILURES = {
    "fr": {
        "timeout": "délai dépassé",
        "memory": "mémoire dépassée",
        "crash": "le moteur PDF s'est arrêté sur ce fichier",
        "missing": "fichier disparu pendant la vérification",
        "unreadable": "illisible",
    },
    "en": {
        "timeout": "time limit",
        "memory": "memory limit",
        "crash": "the PDF engine stopped on this file",
        "missing": "file vanished during the check",
        "unreadable": "unreadable",
    },
}
HEADERS = {
    "fr": [
        "élève",
        "fichier",
        "verdict",
        "erreurs",
        "avertissements",
        "pages",
        "parties",
        "annexes EN",
        "remarque",
    ],
    "en": [
        "student",
        "file",
        "verdict",
        "errors",
        "warnings",
        "pages",
        "parts",
        "EN annexes",
        "note",
    ],
}
NUMERIC = (3, 4, 5, 7)  # columns holding numbers (right-aligned, sorted as numbers)


def verdict_word(row: Row, lang: str) -> str:
    """The row's verdict in the one vocabulary of the class outputs."""
    return LABELS[lang]["verdict_" + row.verdict]


def failure_text(row: Row, lang: str) -> str | None:
    """A failure of the class run (bound passed, package refused) in words."""
    if not row.failure:
        return None
    return FAILURES[lang].get(row.failure, row.failure)


def row_points(row: Row, lang: str) -> list:
    """The points worth saying about one row of the class, most important first (the same for
    the dashboard's remark and the jury's questions)."""
    return points(
        row.result,
        lang,
        submitted=row.submitted,
        failure=row.failure,
        failure_text=failure_text(row, lang),
    )


def remark(row: Row, lang: str) -> str:
    """The row's main problem in words, and how many more there are."""
    found = row_points(row, lang)
    if not found:
        return ""
    more = len(found) - 1
    return found[0].problem + (f" (+{more})" if more else "")


def student_cell(row: Row, lang: str) -> str:
    if row.student:
        return row.student
    return f"({LABELS[lang]['unlisted']})" if row.listed is False else ""


def cells(row: Row, lang: str) -> list[str]:
    if not row.submitted:
        numbers = ["", "", "", "", ""]
    else:
        sections = "".join(
            SECTION_LETTERS[k] if k in row.sections else "-" for k in SECTION_LETTERS
        )
        numbers = [
            str(row.count("errors")),
            str(row.count("warnings")),
            "" if row.counted_pages is None else str(row.counted_pages),
            sections if row.counted_pages is not None else "",  # nothing read: nothing to say
            str(row.english_annexes) if row.counted_pages is not None else "",
        ]
    return [
        student_cell(row, lang),
        row.relative,
        verdict_word(row, lang),
        *numbers,
        remark(row, lang),
    ]


def totals_line(rows: list[Row], lang: str) -> str:
    """ "12 rapports : 8 conformes, 2 non conformes, 1 illisible, 1 non rendu"."""
    labels = LABELS[lang]
    counts = totals(rows)
    parts = [
        wording.count(counts[key], *labels["verdict_counts"][key], lang)
        for key in ("pass", "fail", "error", "missing")
    ]
    return f"{len(rows)} {labels['reports']}{labels['sep']}{', '.join(parts)}"


def text_table(rows: list[Row], lang: str) -> str:
    """The totals, the table (empty columns left out), the legend of the parts codes."""
    table = [HEADERS[lang]] + [cells(row, lang) for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    keep = [i for i in range(len(widths)) if any(line[i] for line in table[1:])]
    lines = [
        "  ".join(
            line[i].rjust(widths[i]) if i in NUMERIC and n else line[i].ljust(widths[i])
            for i in keep
        ).rstrip()
        for n, line in enumerate(table)
    ]
    return "\n".join([totals_line(rows, lang), "", *lines, "", LABELS[lang]["parts_legend"]]) + "\n"


def csv_text(rows: list[Row], lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(HEADERS[lang])
    writer.writerows(cells(row, lang) for row in rows)
    return buffer.getvalue()


def json_lines(rows: list[Row]) -> str:
    """One contract object per checked file; a file that could not be checked gets a minimal
    object, and a listed student with no file a line with the verdict "missing"."""
    return "".join(iter_json_lines(rows))


def iter_json_lines(rows: list[Row]) -> Iterator[str]:
    """:func:`json_lines` line by line, for writing a large class without holding it whole."""
    for row in rows:
        if not row.submitted:
            data: dict[str, Any] = {
                "schema_version": 1,
                "student": row.student,
                "file": {"path": str(row.path), "sha256": None, "pages": None},
                "verdict": "missing",
            }
        elif isinstance(row.result, Packed):
            yield row.result.json() + "\n"  # as the check wrote it
            continue
        else:
            data = row.result or {
                "schema_version": 1,
                "file": {"path": str(row.path), "sha256": None, "pages": None},
                "verdict": "error",
                "failure": row.failure,
            }
        yield json.dumps(data, ensure_ascii=False) + "\n"


def has_report(row: Row) -> bool:
    """Whether the class run wrote this row's HTML report (a file it could check)."""
    return row.submitted and row.result is not None and row.failure is None


def dashboard(rows: list[Row], lang: str, with_reports: bool) -> str:
    entries = [
        {
            "row": row,
            "cells": cells(row, lang),
            "link": report_name(row.path) if with_reports and has_report(row) else None,
        }
        for row in rows
    ]
    counts = totals(rows)
    labels = LABELS[lang]
    boxes = [
        (
            key,
            counts[key],
            labels["verdict_counts"][key][0 if wording.is_singular(counts[key], lang) else 1],
        )
        for key in ("pass", "fail", "error", "missing")
    ]
    template = environment(autoescape=True).get_template("dashboard.html.j2")
    return template.render(
        entries=entries,
        headers=HEADERS[lang],
        labels=labels,
        lang=lang,
        totals=boxes,
        total=len(rows),
        numeric=NUMERIC,
    )


def dashboard_path(folder: Path) -> Path:
    return folder / "index.html"


NAV_STYLE = (
    "font-family:system-ui,sans-serif;margin:0 0 1rem;padding:.6rem 1rem;"
    "background:#f5f7fa;border-bottom:1px solid #e4e7eb"
)


def student_page(html: str, student: str | None, file: str, package: dict | None, lang: str) -> str:
    """A student's HTML report as the class run writes it: the same report as ``check``
    makes, under a bar with a link back to the dashboard and the student's name (and, for a
    package, whether it is intact). Inserted after ``<body>``, so the report itself is untouched.
    """
    labels = LABELS[lang]
    name = escape(student or file)
    status = ""
    if package is not None:
        key = "package_intact" if package.get("intact") else "package_changed"
        if not package.get("intact") and package.get("files_intact"):
            key = "package_inconsistent"
        status = f" · {escape(labels[key])}"
        if package.get("fingerprint"):  # what the teacher compares with the one recorded
            status += f" · {escape(labels['fingerprint'])} {escape(package['fingerprint'])}"
    nav = (
        f'<nav id="classe" style="{NAV_STYLE}"><a href="index.html">← {escape(labels["back"])}</a>'
        f'<h2 style="margin:.3rem 0 0;font-size:1.2rem">{name}</h2>'
        f'<div style="color:#52606d">{escape(file)}{status}</div></nav>'
    )
    match = re.search(r"<body[^>]*>", html)
    if match is None:
        return nav + html
    return html[: match.end()] + "\n" + nav + html[match.end() :]
