"""The Markdown report, to paste into a school's platform (ENT, Moodle)."""

from __future__ import annotations

from rapportlint.findings import Severity
from rapportlint.render.labels import LABELS
from rapportlint.result import CheckResult
from rapportlint.templating import environment


def _escape(text: object) -> str:
    """Markdown-escapes text taken from the PDF, so that a title cannot become a link or HTML."""
    out = str(text)
    for ch in "\\`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


def render(result: CheckResult, lang: str = "fr") -> str:
    env = environment(autoescape=False)
    env.filters["md"] = _escape
    return env.get_template("report.md.j2").render(
        result=result,
        analysis=result.analysis,
        labels=LABELS[lang],
        lang=lang,
        counts={
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "infos": result.count(Severity.INFO),
        },
    )
