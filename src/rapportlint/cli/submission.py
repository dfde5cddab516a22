"""``rapportlint init``, ``pack`` and ``verify``: the candidate's submission package."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from rapportlint.cli.app import main
from rapportlint.cli.common import (
    EXIT_ERRORS,
    EXIT_OK,
    MESSAGES,
    config_option,
    fail,
    lang_option,
    settings_from,
    write_outputs,
)
from rapportlint.config import ConfigError
from rapportlint.output import OutputError
from rapportlint.rules.reasons import load_reason

PACKAGE_WORDS = {
    "fr": {
        "sep": " : ",
        "intact": "paquet intact",
        "changed": "paquet MODIFIÉ",
        "forced": "paquet créé avec --force malgré des erreurs",
        "not_made": "paquet non créé : corrigez les erreurs ci-dessus (ou --force)",
        "unreadable": "paquet impossible : le rapport ne peut pas être lu",
        "written": "paquet écrit : ",
        "forced_note": " (forcé malgré des erreurs)",
    },
    "en": {
        "sep": ": ",
        "intact": "package intact",
        "changed": "package CHANGED",
        "forced": "package made with --force despite errors",
        "not_made": "no package made: fix the errors above (or --force)",
        "unreadable": "no package: the report cannot be read",
        "written": "package written: ",
        "forced_note": " (forced despite errors)",
    },
}


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FICHIER",
    default=Path("dossier.toml"),
    show_default=True,
    help="Où écrire le dossier à remplir.",
)
@click.option("--overwrite", is_flag=True, help="Remplace un dossier existant.")
def init(output: Path, overwrite: bool) -> None:
    """Écrit un dossier.toml commenté, à remplir avant `rapportlint pack`."""
    from rapportlint.templating import template_dir

    write_outputs([(output, (template_dir() / "dossier.toml").read_text("utf-8"))], overwrite)
    click.echo(
        f"dossier écrit : {output} ; remplissez-le puis lancez : rapportlint pack {output} -o rendu/"
    )


@main.command()
@click.argument("dossier_path", metavar="DOSSIER", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    metavar="DOSSIER",
    help="Dossier où écrire le paquet.",
)
@click.option(
    "--force", is_flag=True, help="Crée le paquet même avec des erreurs (il sera marqué comme tel)."
)
@click.option("--overwrite", is_flag=True, help="Remplace un paquet existant.")
@lang_option
@config_option
def pack(
    dossier_path: Path, out_dir: Path, force: bool, overwrite: bool, lang: str, config: str | None
) -> None:
    """Vérifie le dossier complet (rapport, annexes, justificatifs) et crée le paquet à rendre."""
    from rapportlint.bounded import AnnexError, check_isolated
    from rapportlint.dossier import DossierError, load_dossier
    from rapportlint.package.build import build
    from rapportlint.render import html, json_report, text

    try:
        settings = settings_from({"config": config})
        dossier = load_dossier(dossier_path)
        annexes = [(a.path, a.kind) for a in dossier.annexes]
        result, _ = check_isolated(dossier.report, settings, lang, annexes, dossier)
    except (ConfigError, DossierError) as error:
        fail(str(error))
    except AnnexError as error:
        fail(MESSAGES[lang]["annex"].format(path=error.path, reason=load_reason(error.kind, lang)))
    click.echo(text.render(result, lang, colour=sys.stdout.isatty()), nl=False)
    if result.verdict != "pass" and not force:
        click.echo(f"rapportlint: {PACKAGE_WORDS[lang]['not_made']}", err=True)
        sys.exit(EXIT_ERRORS)
    if result.load_error is not None:
        fail(PACKAGE_WORDS[lang]["unreadable"])
    try:
        target = build(
            dossier,
            result,
            json_report.render(result, lang),
            html.render(result, lang),
            out_dir,
            forced=result.verdict != "pass",
            overwrite=overwrite,
        )
    except OutputError as error:
        fail(error.text(lang))
    except Exception:  # pypdf on a PDF it cannot merge: said in words, not pypdf's
        fail(MESSAGES[lang]["merge"])
    words = PACKAGE_WORDS[lang]
    note = words["forced_note"] if result.verdict != "pass" else ""
    click.echo(f"{words['written']}{target}{note}")
    sys.exit(EXIT_OK if result.verdict == "pass" else EXIT_ERRORS)


@main.command()
@click.argument("package", metavar="PAQUET", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@lang_option
@config_option
def verify(package: Path, fmt: str, lang: str, config: str | None) -> None:
    """Vérifie que PAQUET est intact (empreintes, PDF complet fidèle aux originaux) et conforme."""
    from rapportlint.package.verify import PackageError
    from rapportlint.package.verify import verify_isolated as run_verify
    from rapportlint.render import json_report, text

    if package.is_dir():
        fail(MESSAGES[lang]["folder"].format(path=package))
    if not package.is_file():
        fail(MESSAGES[lang]["missing"].format(path=package))
    try:
        checked = run_verify(package, settings_from({"config": config}), lang)
    except ConfigError as error:
        fail(str(error))
    except PackageError as error:
        fail(error.text(lang))
    if fmt == "json":
        data = {
            "package": {
                "path": str(package),
                "intact": checked.intact,
                "problems": checked.problems,
                "forced": bool(checked.manifest.get("forced")),
            },
            "check": json_report.to_dict(checked.result, lang) if checked.result else None,
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        words = PACKAGE_WORDS[lang]
        click.echo(f"{package}{words['sep']}{words['intact' if checked.intact else 'changed']}")
        for problem in checked.problems:
            click.echo(f"  {problem}")
        if checked.manifest.get("forced"):
            click.echo(f"  {words['forced']}")
        if checked.result:
            click.echo(text.render(checked.result, lang, colour=sys.stdout.isatty()), nl=False)
    sys.exit(EXIT_OK if checked.intact and checked.verdict == "pass" else EXIT_ERRORS)
