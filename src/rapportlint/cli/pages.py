"""``rapportlint pages``: the role of every page of a report, and why."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from rapportlint.cli.app import main
from rapportlint.cli.check import run_check
from rapportlint.cli.common import EXIT_OK, MESSAGES, check_options, fail, lang_option


@main.command()
@click.argument("report", metavar="RAPPORT", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Format de sortie.",
)
@lang_option
@check_options
def pages(report: Path, fmt: str, lang: str, **options) -> None:
    """Affiche chaque page de RAPPORT : numéro imprimé, rôle (couverture, sommaire, corps,
    annexe...) et la raison, pour voir ce qui compte dans le corps du rapport."""
    result, rendered = run_check(
        report, lang, options, (), "pages-json" if fmt == "json" else "pages"
    )
    if result.verdict == "error":
        reason = result.findings[0].found if result.findings else ""
        fail(MESSAGES[lang]["not_analysed"].format(path=report, reason=reason))
    click.echo(rendered, nl=False)
    sys.exit(EXIT_OK)
