"""What every command shares: exit codes, messages, settings from options, shared options."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NoReturn

import click

from rapportlint.config import PAGE_COUNT_MODES, Settings, apply_mapping, find_config, load_settings
from rapportlint.output import OutputError, probe, write_atomic

EXIT_OK, EXIT_ERRORS, EXIT_FAILURE = 0, 1, 2

MESSAGES = {
    "fr": {
        "missing": "fichier introuvable : {path}",
        "unreadable": "impossible de lire {path}",
        "not_analysed": "{path} : analyse impossible ({reason})",
        "internal": "erreur interne en analysant {path} : {error} (signalez-la avec le fichier)",
        "written": "rapport écrit dans {path}",
        "annex": "annexe illisible : {path} ({reason})",
        "annex_kind": "type d'annexe « {kind} » inconnu (types possibles : {kinds})",
        "merge": "paquet impossible : un des PDF n'a pas pu être fusionné (réexportez-le en PDF)",
        "folder": "{path} est un dossier : pour toute une classe, lancez « rapportlint batch {path} »",
    },
    "en": {
        "missing": "file not found: {path}",
        "unreadable": "cannot read {path}",
        "not_analysed": "{path}: cannot be analysed ({reason})",
        "internal": "internal error while analysing {path}: {error} (please report it with the file)",
        "written": "report written to {path}",
        "annex": "unreadable annex: {path} ({reason})",
        "annex_kind": "unknown annex kind '{kind}' (possible kinds: {kinds})",
        "merge": "no package: one of the PDFs could not be merged (export it to PDF again)",
        "folder": "{path} is a folder: for a whole class, run 'rapportlint batch {path}'",
    },
}


def fail(message: str) -> NoReturn:
    """One line on stderr and exit 2: the work could not be done."""
    click.echo(f"rapportlint: {message}", err=True)
    sys.exit(EXIT_FAILURE)


def check_targets(
    targets: list[Path], overwrite: bool, inputs: tuple[Path, ...] = (), lang: str = "fr"
) -> None:
    """Refuses, before any work, outputs that could not be written at the end: an existing
    file without --overwrite, an input, a missing or unwritable folder (exit 2 at once rather
    than after a whole class was checked)."""
    for target in targets:
        try:
            probe(target, overwrite=overwrite, inputs=inputs)
        except OutputError as error:
            fail(error.text(lang))


def settings_from(options: dict) -> Settings:
    """Defaults, then rapportlint.toml (or --config), then the command line's options."""
    from rapportlint.rules.catalogue import rule_ids  # the ids only: no rule, no analysis

    known = rule_ids()
    settings = load_settings(find_config(options.get("config")), known)
    overrides: dict[str, object] = {}
    ids = [p.strip() for item in options.get("ignore") or () for p in item.split(",") if p.strip()]
    if ids:
        overrides["ignore"] = sorted(set(settings.ignore) | {i.upper() for i in ids})
    if options.get("max_pages") is not None:
        overrides["max-pages"] = options["max_pages"]
    if options.get("page_count") is not None:
        overrides["page-count"] = options["page_count"]
    limits = {"timeout": options.get("timeout"), "memory-mb": options.get("memory")}
    if any(v is not None for v in limits.values()):
        overrides["limits"] = {k: v for k, v in limits.items() if v is not None}
    if not overrides:
        return settings
    return apply_mapping(settings, overrides, known, where="ligne de commande")


def write_outputs(
    pairs: list[tuple[Path | None, str | bytes | Iterable[str]]],
    overwrite: bool,
    inputs: tuple[Path, ...] = (),
    lang: str = "fr",
) -> None:
    """Writes each (target, data) atomically, never over one of ``inputs``; the first refusal
    ends the command."""
    try:
        for target, data in pairs:
            if target is not None:
                write_atomic(target, data, overwrite=overwrite, inputs=inputs)
    except OutputError as error:
        fail(error.text(lang))


def _stack(*decorators: Callable) -> Callable:
    def apply(command: Callable) -> Callable:
        for decorator in reversed(decorators):
            command = decorator(command)
        return command

    return apply


lang_option = click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    default="fr",
    show_default=True,
    help="Langue des messages.",
)
config_option = click.option(
    "--config",
    type=click.Path(dir_okay=False),
    metavar="FICHIER",
    help="Fichier rapportlint.toml à utiliser.",
)
overwrite_option = click.option(
    "--overwrite", is_flag=True, help="Autorise à remplacer les fichiers de sortie existants."
)

# The options that change how a report is checked, shared by check, batch and jury.
check_options = _stack(
    config_option,
    click.option("--ignore", multiple=True, metavar="RL206[,RL207]", help="Règles à ignorer."),
    click.option(
        "--max-pages",
        type=click.IntRange(1, 1000),
        metavar="N",
        help="Nombre de pages maximal (30).",
    ),
    click.option(
        "--page-count",
        type=click.Choice(PAGE_COUNT_MODES),
        help="Décompte : toutes les pages avant les annexes (all) ou depuis l'introduction.",
    ),
    click.option(
        "--timeout",
        type=click.FloatRange(1, 3600),
        default=None,
        metavar="SECONDES",
        help="Temps maximal d'analyse d'un fichier, en secondes (60).",
    ),
    click.option(
        "--memory",
        type=click.IntRange(128, 65536),
        default=None,
        metavar="MO",
        help="Mémoire maximale d'analyse d'un fichier, en Mo (1024).",
    ),
)
