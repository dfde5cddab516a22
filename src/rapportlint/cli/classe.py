"""``rapportlint batch`` (the teacher's class run) and ``rapportlint jury`` (the jury summary)."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
NOT_MOODLE = {
    "fr": "{option} demande un téléchargement de devoir Moodle (« Télécharger tous les travaux "
    "remis ») : {folder} n'en est pas un",
    "en": "{option} needs a Moodle assignment download ('Download all submissions'): {folder} "
    "is not one",
}


@dataclass(slots=True)
class Source:
    """The class to check: a folder, or a Moodle download (a ZIP is extracted for the run into
    a temporary folder, removed when the command ends)."""

    root: Path
    download: Any = None  # rapportlint.moodle.Download when the class comes from Moodle
    shown_as: str | None = None  # "TRAVAUX.zip:" for a ZIP: how its files are named


def class_source(options: dict) -> Source:
    """Where the class is. A folder is read as it is, a Moodle download (zipped or unzipped) by
    participant; any other ZIP is refused with what to do (exit 2)."""
    from rapportlint import moodle

    folder, lang = options["folder"], options["lang"]
    if folder.is_file() and folder.suffix.lower() == ".zip":
        temporary = click.get_current_context().with_resource(
            tempfile.TemporaryDirectory(prefix="rapportlint-moodle-")
        )
        try:
            root = moodle.extract_download(folder, Path(temporary).resolve())
        except moodle.MoodleError as error:
            fail(error.text(lang))
        return Source(root, moodle.read_download(root), f"{folder.name}:")
    download = moodle.read_download(folder) if folder.is_dir() else None
    return Source(folder, download)


def run_class(
    options: dict,
    outputs: list[Path],
    html_dir: Path | None = None,
    source: Source | None = None,
    feedback_dir: Path | None = None,
):
    """Checks every PDF and package of the folder (progress bar on a terminal only); a Moodle
    download by participant. Only what changed since the last run is checked (the cache,
    unless --no-cache).

    Every output is tried before the first report is read: an unwritable path ends the command
    at once (exit 2), not after the whole class ran."""
    from rapportlint import batch as runner
    from rapportlint import moodle
    from rapportlint.cache import ResultCache
    from rapportlint.output import os_reason

    lang = options["lang"]
    source = source or class_source(options)
    download = source.download
    try:
        settings = settings_from(options)
        paths = runner.find_inputs(source.root)
        students = runner.read_class_list(options["eleves"]) if options["eleves"] else None
    except ConfigError as error:
        fail(str(error))
    except runner.BatchError as error:
        fail(error.text(lang))
    if download is not None:  # the participants' files are theirs, not rows of their own
        paths = [
            p for p in paths if not moodle.is_download_name(p.relative_to(source.root).as_posix())
        ]
    if not paths and not (download and download.participants):
        fail(NO_INPUT[lang].format(options["folder"]))
    if html_dir is not None:
        try:
            html_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            fail(NO_FOLDER[lang].format(html_dir, os_reason(error, lang)))
    inputs = [*paths, *(f for p in (download.participants if download else []) for f in p.files)]
    check_targets(outputs, options["overwrite"], (options["folder"], *inputs), lang)
    count = len(paths) + (sum(1 for p in download.participants if p.files) if download else 0)
    cache = None if options["no_cache"] else ResultCache()
    with click.progressbar(
        length=count, label="rapportlint", file=sys.stderr, hidden=not sys.stderr.isatty()
    ) as bar:
        rows = runner.run(
            paths,
            source.root,
            settings,
            lang,
            options["jobs"] or os.cpu_count() or 1,
            settings.timeout,
            students=students,
            html_dir=html_dir,
            on_done=lambda _row: bar.update(1),
            download=download,
            feedback_dir=feedback_dir,
            shown_as=source.shown_as,
            cache=cache,
        )
    if cache is not None and cache.hits:
        # On stderr: the table and the files are the same whether a row was checked now or not.
        note = CACHE_NOTE[lang].format(hits=cache.hits, total=count, folder=cache.folder.parent)
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
@click.option(
    "--retours-moodle",
    "feedback_zip",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="RETOURS.zip",
    help="Écrit le ZIP de fichiers de feedback à téléverser dans le devoir Moodle.",
)
@click.option(
    "--feuille-moodle",
    "worksheet_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FEUILLE.csv",
    help="Complète la feuille d'évaluation du devoir (copie FEUILLE.rapportlint.csv à côté).",
)
def batch(
    csv_path: Path | None,
    json_path: Path | None,
    html_dir: Path | None,
    feedback_zip: Path | None,
    worksheet_path: Path | None,
    **options,
) -> None:
    """Vérifie tous les PDF et paquets sous DOSSIER (ou le ZIP d'un devoir Moodle) : le tableau
    de la classe, trié par problèmes."""
    from rapportlint import moodle
    from rapportlint.render import class_table

    lang = options["lang"]
    index = class_table.dashboard_path(html_dir) if html_dir else None
    source = class_source(options)
    worksheet, worksheet_out, feedback_dir = None, None, None
    for option, wanted in (
        ("--retours-moodle", feedback_zip),
        ("--feuille-moodle", worksheet_path),
    ):
        if wanted is not None and source.download is None:
            fail(NOT_MOODLE[lang].format(option=option, folder=options["folder"]))
    if worksheet_path is not None:
        try:
            worksheet = moodle.read_worksheet(worksheet_path)
        except moodle.MoodleError as error:
            fail(error.text(lang))
        worksheet_out = moodle.output_path(worksheet_path)
    if feedback_zip is not None:
        feedback_dir = Path(
            click.get_current_context().with_resource(
                tempfile.TemporaryDirectory(prefix="rapportlint-retours-")
            )
        )
    targets = [p for p in (csv_path, json_path, index, feedback_zip, worksheet_out) if p]
    rows = run_class(options, targets, html_dir, source, feedback_dir)
    click.echo(class_table.text_table(rows, lang), nl=False)
    pairs: list[tuple[Path | None, str | bytes | Iterable[str]]] = [
        (csv_path, class_table.csv_text(rows, lang) if csv_path else ""),
        (json_path, class_table.iter_json_lines(rows) if json_path else ""),
        (index, class_table.dashboard(rows, lang, with_reports=True) if index else ""),
    ]
    if feedback_zip is not None and feedback_dir is not None:
        files = moodle.feedback_files(rows, feedback_dir, lang)
        pairs.append((feedback_zip, moodle.feedback_zip(files)))
    comments: dict[str, str] = {}
    if worksheet is not None:
        comments = {
            row.moodle["id"]: moodle.comment(row, lang, with_file=feedback_zip is not None)
            for row in rows
            if row.moodle is not None
        }
        pairs.append((worksheet_out, worksheet.filled(comments)))
    inputs = (options["folder"], *(row.path for row in rows), *filter(None, [worksheet_path]))
    write_outputs(pairs, options["overwrite"], inputs, lang)
    filled = sum(1 for i in worksheet.participant_ids() if i in comments) if worksheet else 0
    _moodle_notes(feedback_zip, worksheet_out, filled, rows, lang)
    _exit_for(rows)


MOODLE_NOTES = {
    "fr": {
        "zip": "retours Moodle : {path} ({n}) ; dans le devoir : « Téléverser plusieurs "
        "fichiers de feedback dans un ZIP »",
        "sheet": "feuille d'évaluation complétée : {path} ({n}) ; dans le devoir : « Importer "
        "la feuille d'évaluation »",
        "files": ("fichier", "fichiers"),
        "comments": ("commentaire", "commentaires"),
    },
    "en": {
        "zip": "Moodle feedback: {path} ({n}); in the assignment: 'Upload multiple feedback "
        "files in a zip'",
        "sheet": "grading worksheet filled in: {path} ({n}); in the assignment: 'Upload "
        "grading worksheet'",
        "files": ("file", "files"),
        "comments": ("comment", "comments"),
    },
}


def _moodle_notes(
    feedback_zip: Path | None, sheet: Path | None, filled: int, rows, lang: str
) -> None:
    """Where the files for Moodle are, and which Moodle action takes each (on stderr: the
    table on stdout stays the table)."""
    words = MOODLE_NOTES[lang]
    moodle_rows = [row for row in rows if row.moodle is not None]
    if feedback_zip is not None:
        n = sum(1 for row in moodle_rows if row.submitted)
        count = wording.count(n, *words["files"], lang)
        click.echo(words["zip"].format(path=feedback_zip, n=count), err=True)
    if sheet is not None:
        count = wording.count(filled, *words["comments"], lang)
        click.echo(words["sheet"].format(path=sheet, n=count), err=True)


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
