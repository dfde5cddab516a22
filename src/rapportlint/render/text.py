"""The terminal report: verdict, then each finding with page, expected/found and the fix."""

from __future__ import annotations

import click

from rapportlint.checker import CheckResult
from rapportlint.findings import Severity
from rapportlint.render.labels import LABELS
from rapportlint.render.roles import page_words
from rapportlint.templating import environment

COLOURS = {"error": "red", "warning": "yellow", "info": "cyan", "pass": "green", "fail": "red"}


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
        paint=paint,
        verdict_label=labels[verdict_key],
        summary=labels["summary"].format(
            e=result.count(Severity.ERROR),
            w=result.count(Severity.WARNING),
            i=result.count(Severity.INFO),
        ),
        from_intro=result.settings.page_count == "from-intro",
        external_count=sum(1 for a in result.analysis.annexes if a.file) if result.analysis else 0,
        page_words=lambda number, label: page_words(number, label, lang),
    )
