"""``rapportlint pages``: the role of every page of a report, and why."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from rapportlint.cli.app import main
from rapportlint.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    MESSAGES,
    check_options,
    fail,
    lang_option,
    settings_from,
)
from rapportlint.config import ConfigError
from rapportlint.model.loader import LoadError


@main.command()
@click.argument("report", type=click.Path(path_type=Path))
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
    """Affiche chaque page de REPORT : numéro imprimé, rôle (couverture, sommaire, corps,
    annexe...) et la raison, pour voir ce qui compte dans le corps du rapport."""
    from rapportlint.checker import check_isolated

    text = MESSAGES[lang]
    if report.is_dir():
        fail(text["folder"].format(path=report))
    try:
        settings = settings_from(options)
    except ConfigError as error:
        fail(str(error))
    try:
        result, rendered = check_isolated(
            report, settings, lang, [], None, "pages-json" if fmt == "json" else "pages"
        )
    except LoadError as error:
        fail(text["missing" if error.kind == "missing" else "unreadable"].format(path=report))
    except Exception as error:  # a bug must still end in one clear line
        if os.environ.get("RAPPORTLINT_DEBUG"):
            raise
        fail(text["internal"].format(path=report, error=type(error).__name__))
    if result.verdict == "error":
        reason = result.findings[0].found if result.findings else ""
        fail(text["not_analysed"].format(path=report, reason=reason))
    click.echo(rendered, nl=False)
    sys.exit(EXIT_OK)


__all__ = ["EXIT_FAILURE", "pages"]
