"""The terminal report: verdict, then each finding with page, expected/found and the fix."""

from __future__ import annotations

import click

from rapportlint.checker import CheckResult
from rapportlint.findings import Severity
from rapportlint.templating import environment

LABELS = {
    "fr": {
        "error": "erreur",
        "warning": "avertissement",
        "info": "info",
        "pass": "CONFORME",
        "fail": "NON CONFORME",
        "error_verdict": "ILLISIBLE",
        "page": "page",
        "expected": "attendu",
        "found": "trouvé",
        "fix": "correction",
        "pages": "pages",
        "counted": "pages comptées",
        "all_mode": "avant les annexes",
        "intro_mode": "depuis l'introduction",
        "annexes_from": "annexes à partir de la page",
        "no_annex": "pas de partie annexes repérée",
        "sections": "parties",
        "missing": "absente",
        "findings": "problèmes",
        "none": "Aucun problème trouvé.",
        "names": {"entreprise": "entreprise", "activites": "activités", "conclusion": "conclusion"},
        "summary": "{e} erreur(s), {w} avertissement(s), {i} info(s)",
        "sep": " : ",
        "annex_table": "annexes : n°  page(s)      langue type   images  titre",
        "page_short": "p.",
        "other_annex": "autre annexe, hors des trois",
    },
    "en": {
        "error": "error",
        "warning": "warning",
        "info": "info",
        "pass": "COMPLIANT",
        "fail": "NOT COMPLIANT",
        "error_verdict": "UNREADABLE",
        "page": "page",
        "expected": "expected",
        "found": "found",
        "fix": "fix",
        "pages": "pages",
        "counted": "counted pages",
        "all_mode": "before the annexes",
        "intro_mode": "from the introduction",
        "annexes_from": "annexes from page",
        "no_annex": "no annex part found",
        "sections": "parts",
        "missing": "missing",
        "findings": "problems",
        "none": "No problem found.",
        "names": {"entreprise": "company", "activites": "activities", "conclusion": "conclusion"},
        "summary": "{e} error(s), {w} warning(s), {i} info(s)",
        "sep": ": ",
        "annex_table": "annexes: no  page(s)      lang kind   pictures  title",
        "page_short": "p.",
        "other_annex": "other annex, not one of the three",
    },
}
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
    )
