"""Class outputs: the terminal table, CSV, JSON lines and the HTML dashboard."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rapportlint.batch import Row, report_name
from rapportlint.render.labels import LABELS
from rapportlint.templating import environment

SECTION_LETTERS = {"entreprise": "E", "activites": "A", "conclusion": "C"}
FAILURES = {
    "fr": {
        "timeout": "délai dépassé",
        "memory": "mémoire dépassée",
        "crash": "le moteur PDF s'est arrêté sur ce fichier",
        "missing": "disparu",
        "unreadable": "illisible",
    },
    "en": {
        "timeout": "time limit",
        "memory": "memory limit",
        "crash": "the PDF engine stopped on this file",
        "missing": "vanished",
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


def cells(row: Row, lang: str) -> list[str]:
    labels = LABELS[lang]
    sections = "".join(SECTION_LETTERS[k] if k in row.sections else "-" for k in SECTION_LETTERS)
    note = FAILURES[lang].get(row.failure or "", row.failure or "")
    if not note and row.result and row.verdict == "error" and row.result["findings"]:
        note = row.result["findings"][0]["found"]
    package = (row.result or {}).get("package")
    if package and not package["intact"]:
        note = "; ".join(package["problems"])
    elif package and package["forced"]:
        note = "paquet forcé" if lang == "fr" else "forced package"
    return [
        row.student or "",
        row.relative,
        labels["verdict_" + row.verdict],
        str(row.count("errors")),
        str(row.count("warnings")),
        "" if row.counted_pages is None else str(row.counted_pages),
        sections,
        str(row.english_annexes),
        note,
    ]


def text_table(rows: list[Row], lang: str) -> str:
    table = [HEADERS[lang]] + [cells(row, lang) for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    keep = [
        i
        for i, w in enumerate(widths)
        if w > len(table[0][i]) or any(line[i] for line in table[1:])
    ]
    lines = ["  ".join(line[i].ljust(widths[i]) for i in keep).rstrip() for line in table]
    return "\n".join(lines) + "\n"


def csv_text(rows: list[Row], lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(HEADERS[lang])
    writer.writerows(cells(row, lang) for row in rows)
    return buffer.getvalue()


def json_lines(rows: list[Row]) -> str:
    """One contract object per line; a file that could not be checked gets a minimal object."""
    lines = []
    for row in rows:
        data = row.result or {
            "schema_version": 1,
            "file": {"path": str(row.path), "sha256": None, "pages": None},
            "verdict": "error",
            "failure": row.failure,
        }
        lines.append(json.dumps(data, ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")


def dashboard(rows: list[Row], lang: str, with_reports: bool) -> str:
    entries = [
        {
            "row": row,
            "cells": cells(row, lang),
            "link": report_name(row.path)
            if with_reports and row.result and row.path.suffix.lower() == ".pdf"
            else None,
        }
        for row in rows
    ]
    template = environment(autoescape=True).get_template("dashboard.html.j2")
    return template.render(entries=entries, headers=HEADERS[lang], labels=LABELS[lang], lang=lang)


def dashboard_path(folder: Path) -> Path:
    return folder / "index.html"
