"""The terminal report: verdict, then each finding with page, expected/found and the fix."""

from __future__ import annotations

import click

from rapportlint import wording
from rapportlint.findings import Severity
from rapportlint.render.labels import LABELS
from rapportlint.render.roles import page_words
from rapportlint.result import CheckResult
from rapportlint.templating import environment

COLOURS = {"error": "red", "warning": "yellow", "info": "cyan", "pass": "green", "fail": "red"}
TITLE_WIDTH = 60


def columns(rows: list[list[str]], right: tuple[int, ...] = ()) -> list[str]:
    """Rows of cells as aligned lines: each column as wide as its widest cell, the header
    included (``right``: the columns aligned to the right, numbers)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]


def annex_table(result: CheckResult, lang: str) -> list[str]:
    """The annexed documents, one aligned line each under a header of the same widths."""
    labels = LABELS[lang]
    analysis = result.analysis
    if analysis is None or not analysis.annexes:
        return []
    rows = [list(labels["annex_columns"])]
    for a in analysis.annexes:
        title = wording.cut(a.title, TITLE_WIDTH)
        if a.role == "other":
            title += f" ({labels['other_annex']})"
        rows.append(
            [
                str(a.index),
                a.file.rsplit("/", 1)[-1] if a.file else wording.page_list(a.pages),
                wording.language(a.language, lang),
                wording.kind(a.kind_declared or a.kind, lang),
                wording.percent(max(a.image_ratio or [0]), lang).replace("\u00a0", " "),
                title,
            ]
        )
    return columns(rows, right=(4,))


def render(result: CheckResult, lang: str = "fr", colour: bool = False) -> str:
    labels = LABELS[lang]

    def paint(text: str, key: str, bold: bool = False) -> str:
        return click.style(text, fg=COLOURS.get(key), bold=bold) if colour else text

    verdict_key = "error_verdict" if result.verdict == "error" else result.verdict
    template = environment(autoescape=False).get_template("check.txt.j2")
    return template.render(
        result=result,
        analysis=result.analysis,
        labels=labels,
        lang=lang,
        paint=paint,
        verdict_label=labels[verdict_key],
        summary=wording.summary(
            result.count(Severity.ERROR),
            result.count(Severity.WARNING),
            result.count(Severity.INFO),
            lang,
        ),
        annex_lines=annex_table(result, lang),
        from_intro=result.settings.page_count == "from-intro",
        external_count=wording.count(
            sum(1 for a in result.analysis.annexes if a.file) if result.analysis else 0,
            "fichier" if lang == "fr" else "file",
            "fichiers" if lang == "fr" else "files",
            lang,
        ),
        page_words=lambda number, label: page_words(number, label, lang),
    )
