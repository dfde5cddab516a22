"""``rapportlint batch`` (the teacher's class run) and ``rapportlint jury`` (the jury summary)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from rapportlint import wording
from rapportlint.cli.app import main
from rapportlint.cli.common import (
    EXIT_ERRORS,
    EXIT_OK,
    check_options,
    check_targets,
    fail,
    lang_option,
    overwrite_option,
    settings_from,
    write_outputs,
)
from rapportlint.config import ConfigError

class_options = [
    click.argument("folder", metavar="DOSSIER", type=click.Path(path_type=Path)),
    click.option(
        "--jobs",
        "-j",
        type=click.IntRange(1, 64),
        default=None,
        metavar="N",
        help="Vérifications en parallèle (défaut : nombre de cœurs).",
    ),
    lang_option,
    click.option(
        "--eleves",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="LISTE.csv",
        help="Liste de classe CSV : fichier, nom, prénom.",
    ),
    overwrite_option,
    check_options,
    click.option(
        "--no-cache",
        is_flag=True,
        help="Revérifie chaque fichier, même inchangé depuis la dernière fois (sans lire ni "
        "écrire le cache).",
    ),
]


def _class_command(command):
    for option in reversed(class_options):
        command = option(command)
    return command


NO_INPUT = {"fr": "aucun PDF trouvé sous {0}", "en": "no PDF found under {0}"}
CACHE_NOTE = {
    "fr": "{hits} sur {total} repris du cache ({folder}) : fichiers inchangés ; --no-cache pour tout revérifier",
    "en": "{hits} of {total} taken from the cache ({folder}): unchanged files; --no-cache to check them all again",
}
NO_FOLDER = {
    "fr": "dossier {0} impossible à créer ({1})",
    "en": "cannot create the folder {0} ({1})",
}


def run_class(options: dict, outputs: list[Path], html_dir: Path | None = None):
    """Checks every PDF and package of the folder (progress bar on a terminal only), each file
    that changed since the last run only (the cache, unless --no-cache).

    Every output is tried before the first report is read: an unwritable path ends the command
    at once (exit 2), not after the whole class ran."""
    from rapportlint import batch as runner
    from rapportlint.cache import ResultCache
    from rapportlint.output import os_reason

    folder, lang = options["folder"], options["lang"]
    try:
        settings = settings_from(options)
        paths = runner.find_inputs(folder)
        students = runner.read_class_list(options["eleves"]) if options["eleves"] else None
    except ConfigError as error:
        fail(str(error))
    except runner.BatchError as error:
        fail(error.text(lang))
    if not paths:
        fail(NO_INPUT[lang].format(folder))
    if html_dir is not None:
        try:
            html_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            fail(NO_FOLDER[lang].format(html_dir, os_reason(error, lang)))
    check_targets(outputs, options["overwrite"], tuple(paths), lang)
    cache = None if options["no_cache"] else ResultCache()
    with click.progressbar(
        length=len(paths), label="rapportlint", file=sys.stderr, hidden=not sys.stderr.isatty()
    ) as bar:
        rows = runner.run(
            paths,
            folder,
            settings,
            lang,
            options["jobs"] or os.cpu_count() or 1,
            settings.timeout,
            students=students,
            html_dir=html_dir,
            on_done=lambda _row: bar.update(1),
            cache=cache,
        )
    if cache is not None and cache.hits:
        # On stderr: the table and the files are the same whether a row was checked now or not.
        note = CACHE_NOTE[lang].format(
            hits=cache.hits, total=len(paths), folder=cache.folder.parent
        )
        click.echo(f"rapportlint : {note}" if lang == "fr" else f"rapportlint: {note}", err=True)
    return rows


def _exit_for(rows) -> None:
    sys.exit(EXIT_OK if all(row.verdict == "pass" for row in rows) else EXIT_ERRORS)


@main.command()
@_class_command
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FICHIER",
    help="Écrit le tableau en CSV.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FICHIER",
    help="Écrit un objet JSON par rapport (une ligne chacun).",
)
@click.option(
    "--html",
    "html_dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DOSSIER",
    help="Écrit un tableau de bord (index.html) et le rapport HTML de chaque élève.",
)
def batch(csv_path: Path | None, json_path: Path | None, html_dir: Path | None, **options) -> None:
    """Vérifie tous les PDF et paquets sous DOSSIER : le tableau de la classe, trié par problèmes."""
    from rapportlint.render import class_table

    lang = options["lang"]
    index = class_table.dashboard_path(html_dir) if html_dir else None
    rows = run_class(options, [p for p in (csv_path, json_path, index) if p], html_dir)
    click.echo(class_table.text_table(rows, lang), nl=False)
    write_outputs(
        [
            (csv_path, class_table.csv_text(rows, lang) if csv_path else ""),
            (json_path, class_table.iter_json_lines(rows) if json_path else ""),
            (index, class_table.dashboard(rows, lang, with_reports=True) if index else ""),
        ],
        options["overwrite"],
        tuple(row.path for row in rows),
        lang,
    )
    _exit_for(rows)


@main.command()
@_class_command
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    metavar="FICHIER.pdf",
    help="Le PDF de synthèse (une page par candidat).",
)
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FICHIER",
    help="La synthèse en CSV.",
)
def jury(output: Path, csv_path: Path | None, **options) -> None:
    """Synthèse pour le jury : une page par candidat (PDF) et un tableau de classe (CSV)."""
    from rapportlint import jury as summary
    from rapportlint.render import jury_pdf

    lang = options["lang"]
    rows = run_class(options, [p for p in (output, csv_path) if p])
    rows = summary.ordered(rows)
    pdf = jury_pdf.render([summary.entry(row, lang) for row in rows], lang)
    write_outputs(
        [(output, pdf), (csv_path, summary.csv_text(rows, lang) if csv_path else "")],
        options["overwrite"],
        tuple(row.path for row in rows),
        lang,
    )
    click.echo(
        f"{wording.count(len(rows), 'candidat', 'candidats', lang)} -> {output}"
        if lang == "fr"
        else f"{wording.count(len(rows), 'candidate', 'candidates', lang)} -> {output}"
    )
    _exit_for(rows)
