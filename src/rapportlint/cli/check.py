"""``rapportlint check``: one report, in the terminal, as JSON, HTML or Markdown."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from rapportlint.cli.app import main
from rapportlint.cli.common import (
    EXIT_ERRORS,
    EXIT_FAILURE,
    EXIT_OK,
    MESSAGES,
    check_options,
    fail,
    lang_option,
    settings_from,
)
from rapportlint.config import ConfigError
from rapportlint.output import OutputError, write_atomic
from rapportlint.render import FORMATS

ANNEX_KINDS = {"technique": "technique", "tech": "technique", "presse": "presse", "press": "presse"}


class AnnexKindError(ValueError):
    """``--annexe article:x.pdf``: a kind that is not one of ANNEX_KINDS."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def parse_annex(item: str) -> tuple[str, str | None]:
    """ "technique:tech.pdf" -> ("tech.pdf", "technique"); "tech.pdf" -> ("tech.pdf", None).

    A word before the colon that is not a kind is an error (AnnexKindError), unless the whole
    item is an existing file (a name with a colon) or the word is a drive letter ("C:")."""
    kind, sep, path = item.partition(":")
    if not sep:
        return item, None
    if kind.lower() in ANNEX_KINDS:
        return path, ANNEX_KINDS[kind.lower()]
    if len(kind) > 1 and "/" not in kind and "\\" not in kind and not Path(item).exists():
        raise AnnexKindError(kind)
    return item, None


def run_check(
    report: Path,
    lang: str,
    options: dict,
    annexes: tuple[str, ...],
    fmt: str,
    colour: bool = False,
):
    """The bounded check of ``report`` (with the ``--annexe`` items) rendered in ``fmt``, or one
    clear line and exit 2 when it cannot be done (a folder, a bad configuration, an unknown annex
    kind, a missing or unreadable annex, a bug)."""
    # Imported here, not with the command: ``check --help`` and a usage error need none of it.
    # The parent imports what the check runs before it forks, so the child starts ready.
    from rapportlint.bounded import AnnexError, check_isolated
    from rapportlint.model.loader import LoadError
    from rapportlint.rules.reasons import load_reason

    text = MESSAGES[lang]
    if report.is_dir():
        fail(text["folder"].format(path=report))
    try:
        settings = settings_from(options)
    except ConfigError as error:
        fail(str(error))
    try:
        external = [parse_annex(item) for item in annexes]
        return check_isolated(report, settings, lang, external, None, fmt, colour)
    except AnnexKindError as error:
        fail(text["annex_kind"].format(kind=error.kind, kinds="technique, presse"))
    except AnnexError as error:
        fail(text["annex"].format(path=error.path, reason=load_reason(error.kind, lang)))
    except LoadError as error:
        fail(text["missing" if error.kind == "missing" else "unreadable"].format(path=report))
    except Exception as error:  # a bug must still end in one clear line
        if os.environ.get("RAPPORTLINT_DEBUG"):
            raise
        fail(text["internal"].format(path=report, error=type(error).__name__))


@main.command()
@click.argument("report", metavar="RAPPORT", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Format de sortie.",
)
@lang_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FICHIER",
    help="Écrit le résultat dans ce fichier (écriture atomique).",
)
@click.option("--overwrite", is_flag=True, help="Autorise -o à remplacer un fichier existant.")
@click.option(
    "--annexe",
    "annexes",
    multiple=True,
    metavar="[technique:|presse:]FICHIER.pdf",
    help="Document annexé fourni à part (un par option), avec son type déclaré.",
)
@check_options
@click.option("--color/--no-color", default=None, help="Couleurs (par défaut : si terminal).")
def check(
    report: Path,
    fmt: str,
    lang: str,
    output: Path | None,
    overwrite: bool,
    annexes: tuple[str, ...],
    color: bool | None,
    **options,
) -> None:
    """Vérifie RAPPORT (le PDF du rapport) : chaque problème avec sa page et sa correction."""
    text = MESSAGES[lang]
    colour = color if color is not None else (output is None and sys.stdout.isatty())
    result, rendered = run_check(report, lang, options, annexes, fmt, colour)

    if output is not None:
        try:
            inputs = (report, *(Path(parse_annex(item)[0]) for item in annexes))
            write_atomic(output, rendered, overwrite=overwrite, inputs=inputs)
        except OutputError as error:
            fail(error.text(lang))
        click.echo(text["written"].format(path=output), err=True)
    else:
        click.echo(rendered, nl=False)
    if result.verdict == "error":
        # One line on stderr whatever the format (a JSON object, if asked for, is on stdout).
        reason = result.findings[0].found if result.findings else ""
        click.echo(
            f"rapportlint: {text['not_analysed'].format(path=report, reason=reason)}", err=True
        )
        sys.exit(EXIT_FAILURE)
    sys.exit(EXIT_ERRORS if result.verdict == "fail" else EXIT_OK)
