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
        "inconsistent": "paquet INCOHÉRENT (fichiers intacts, bilan enregistré différent)",
        "other": "ce n'est PAS le paquet remis",
        "same": "paquet intact, c'est le paquet remis",
        "fingerprint": "empreinte : {value}",
        "recorded": "empreinte notée à la remise : {value} ({verdict})",
        "recorded_same": "identique",
        "to_note": "empreinte du paquet : {value} (à noter au moment de la remise ; "
        "rapportlint verify --empreinte {value} dira si un paquet est celui-là)",
        "bad_fingerprint": "--empreinte {value} : 16 chiffres hexadécimaux attendus (0-9, a-f), "
        "tels que rapportlint pack les affiche",
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
        "inconsistent": "package INCONSISTENT (files intact, stored summary differs)",
        "other": "this is NOT the package handed in",
        "same": "package intact, the package handed in",
        "fingerprint": "fingerprint: {value}",
        "recorded": "fingerprint recorded at submission: {value} ({verdict})",
        "recorded_same": "the same",
        "to_note": "package fingerprint: {value} (record it at submission; "
        "rapportlint verify --empreinte {value} tells whether a package is that one)",
        "bad_fingerprint": "--empreinte {value}: 16 hex digits expected (0-9, a-f), as "
        "rapportlint pack prints them",
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
@lang_option
def init(output: Path, overwrite: bool, lang: str) -> None:
    """Écrit un dossier.toml commenté, à remplir avant `rapportlint pack`."""
    from rapportlint.templating import template_dir

    template = (template_dir() / "dossier.toml").read_text("utf-8")
    write_outputs([(output, template)], overwrite, lang=lang)
    click.echo(
        f"dossier écrit : {output} ; remplissez-le puis lancez : rapportlint pack {output} -o rendu/"
        if lang == "fr"
        else f"dossier written: {output}; fill it in, then run: rapportlint pack {output} -o rendu/"
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
    click.echo(words["to_note"].format(value=_fingerprint_of(target)))
    sys.exit(EXIT_OK if result.verdict == "pass" else EXIT_ERRORS)


def _fingerprint_of(package: Path) -> str:
    """The fingerprint of the package just written, read back from it."""
    import zipfile

    from rapportlint.package.build import MANIFEST
    from rapportlint.package.verify import fingerprint

    with zipfile.ZipFile(package) as archive:
        return fingerprint(archive.read(MANIFEST))


@main.command()
@click.argument("package", metavar="PAQUET", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Format de sortie.",
)
@click.option(
    "--empreinte",
    "expected",
    metavar="EMPREINTE",
    help="L'empreinte notée à la remise (16 chiffres hexadécimaux) : dit si le paquet est celui-là.",
)
@lang_option
@config_option
def verify(package: Path, fmt: str, expected: str | None, lang: str, config: str | None) -> None:
    """Vérifie que PAQUET est intact (empreintes, PDF complet fidèle aux originaux) et conforme."""
    from rapportlint.package.verify import PackageError, normal_fingerprint
    from rapportlint.package.verify import verify_isolated as run_verify
    from rapportlint.render import json_report, text

    words = PACKAGE_WORDS[lang]
    wanted = None
    if expected is not None:
        wanted = normal_fingerprint(expected)
        if wanted is None:
            fail(words["bad_fingerprint"].format(value=expected))
    if package.is_dir():
        fail(MESSAGES[lang]["folder"].format(path=package))
    if not package.is_file():
        fail(MESSAGES[lang]["missing"].format(path=package))
    try:
        checked = run_verify(package, settings_from({"config": config}), lang, expected=wanted)
    except ConfigError as error:
        fail(str(error))
    except PackageError as error:
        fail(error.text(lang))
    if fmt == "json":
        data = {
            "package": {
                "path": str(package),
                "intact": checked.intact,
                "files_intact": checked.files_intact,
                "problems": checked.problems,
                "forced": bool(checked.manifest.get("forced")),
                "fingerprint": checked.fingerprint,
                "expected_fingerprint": wanted,
                "same_package": checked.same_package,
                "stored": checked.stored,
            },
            "check": json_report.to_dict(checked.result, lang) if checked.result else None,
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{package}{words['sep']}{_status(checked, words)}")
        click.echo(f"  {words['fingerprint'].format(value=checked.fingerprint)}")
        if checked.same_package:  # a different one is one of the problems below
            same = words["recorded_same"]
            click.echo(f"  {words['recorded'].format(value=wanted, verdict=same)}")
        for problem in checked.problems:
            click.echo(f"  {problem}")
        if checked.manifest.get("forced"):
            click.echo(f"  {words['forced']}")
        if checked.result:
            click.echo(text.render(checked.result, lang, colour=sys.stdout.isatty()), nl=False)
    sys.exit(EXIT_OK if checked.intact and checked.verdict == "pass" else EXIT_ERRORS)


def _status(checked, words: dict[str, str]) -> str:
    """The first line of ``verify``: "paquet intact" only when nothing at all is wrong."""
    if checked.same_package is False:
        return words["other"]
    if not checked.files_intact:
        return words["changed"]
    if not checked.intact:
        return words["inconsistent"]
    return words["same" if checked.same_package else "intact"]
