"""Command line: ``rapportlint check``, ``rapportlint rules``.

Exit codes: 0 no error found, 1 errors found, 2 the check could not be done (missing file, not a
PDF, encrypted, bad option or configuration). Failures print one clear line on stderr, never a
traceback (set RAPPORTLINT_DEBUG=1 to see one).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from rapportlint import __version__
from rapportlint.config import (
    PAGE_COUNT_MODES,
    ConfigError,
    Settings,
    apply_mapping,
    find_config,
    load_settings,
)
from rapportlint.model.loader import LoadError
from rapportlint.output import OutputError, write_atomic
from rapportlint.render import FORMATS

EXIT_OK, EXIT_ERRORS, EXIT_FAILURE = 0, 1, 2

MESSAGES = {
    "fr": {
        "missing": "fichier introuvable : {path}",
        "unreadable": "impossible de lire {path}",
        "not_analysed": "{path} : analyse impossible ({reason})",
        "internal": "erreur interne en analysant {path} : {error} (signalez-la avec le fichier)",
        "written": "rapport écrit dans {path}",
        "annex": "annexe illisible : {path} ({reason})",
    },
    "en": {
        "missing": "file not found: {path}",
        "unreadable": "cannot read {path}",
        "not_analysed": "{path}: cannot be analysed ({reason})",
        "internal": "internal error while analysing {path}: {error} (please report it with the file)",
        "written": "report written to {path}",
        "annex": "unreadable annex: {path} ({reason})",
    },
}


def _fail(message: str) -> None:
    click.echo(f"rapportlint: {message}", err=True)
    sys.exit(EXIT_FAILURE)


def _settings(
    config: str | None,
    ignore: tuple[str, ...],
    max_pages: int | None,
    page_count: str | None,
    timeout: float | None = None,
    memory: int | None = None,
) -> Settings:
    from rapportlint.rules.registry import all_rules

    known = {r.id for r in all_rules()}
    settings = load_settings(find_config(config), known)
    overrides: dict[str, object] = {}
    ids = [part.strip() for item in ignore for part in item.split(",") if part.strip()]
    if ids:
        merged = sorted(set(settings.ignore) | {i.upper() for i in ids})
        overrides["ignore"] = merged
    if max_pages is not None:
        overrides["max-pages"] = max_pages
    if page_count is not None:
        overrides["page-count"] = page_count
    limits = {"timeout": timeout, "memory-mb": memory}
    if any(v is not None for v in limits.values()):
        overrides["limits"] = {k: v for k, v in limits.items() if v is not None}
    return (
        apply_mapping(settings, overrides, known, where="ligne de commande")
        if overrides
        else settings
    )


def run() -> None:
    """The console entry point: a bug ends in one clear line and exit 2, not a traceback."""
    try:
        main()
    except Exception as error:
        if os.environ.get("RAPPORTLINT_DEBUG"):
            raise
        click.echo(
            f"rapportlint: erreur interne ({type(error).__name__}: {error}) ; "
            "relancez avec RAPPORTLINT_DEBUG=1 et signalez-la",
            err=True,
        )
        sys.exit(EXIT_FAILURE)


def _parse_annex(item: str) -> tuple[str, str | None]:
    """ "technique:tech.pdf" -> ("tech.pdf", "technique"); "tech.pdf" -> ("tech.pdf", None)."""
    kind, sep, path = item.partition(":")
    aliases = {"technique": "technique", "tech": "technique", "presse": "presse", "press": "presse"}
    if sep and kind.lower() in aliases:
        return path, aliases[kind.lower()]
    return item, None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rapportlint")
def main() -> None:
    """Vérifie le rapport de stage du BTS CIEL, page par page."""


@main.command()
@click.argument("report", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Format de sortie.",
)
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    default="fr",
    show_default=True,
    help="Langue des messages.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Écrit le résultat dans ce fichier (écriture atomique).",
)
@click.option("--overwrite", is_flag=True, help="Autorise -o à remplacer un fichier existant.")
@click.option(
    "--config", type=click.Path(dir_okay=False), help="Fichier rapportlint.toml à utiliser."
)
@click.option("--ignore", multiple=True, metavar="RL206[,RL207]", help="Règles à ignorer.")
@click.option("--max-pages", type=click.IntRange(1, 1000), help="Nombre de pages maximal (30).")
@click.option(
    "--page-count",
    type=click.Choice(PAGE_COUNT_MODES),
    help="Décompte : toutes les pages avant les annexes (all) ou depuis l'introduction.",
)
@click.option(
    "--annexe",
    "annexes",
    multiple=True,
    metavar="[technique:|presse:]FICHIER.pdf",
    help="Document annexé fourni à part (un par option), avec son type déclaré.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(1, 3600),
    default=None,
    help="Temps maximal d'analyse, en secondes (60).",
)
@click.option(
    "--memory",
    type=click.IntRange(128, 65536),
    default=None,
    help="Mémoire maximale de l'analyse, en Mo (1024).",
)
@click.option("--color/--no-color", default=None, help="Couleurs (par défaut : si terminal).")
def check(
    report: Path,
    fmt: str,
    lang: str,
    output: Path | None,
    overwrite: bool,
    config: str | None,
    ignore: tuple[str, ...],
    max_pages: int | None,
    page_count: str | None,
    annexes: tuple[str, ...],
    timeout: float | None,
    memory: int | None,
    color: bool | None,
) -> None:
    """Vérifie REPORT (le PDF du rapport) et affiche les problèmes avec leur page et leur correction."""
    from rapportlint.checker import AnnexError, check_isolated

    text = MESSAGES[lang]
    external = [_parse_annex(item) for item in annexes]
    try:
        settings = _settings(config, ignore, max_pages, page_count, timeout, memory)
    except ConfigError as error:
        _fail(str(error))
    try:
        use_colour = color if color is not None else (output is None and sys.stdout.isatty())
        result, rendered = check_isolated(report, settings, lang, external, None, fmt, use_colour)
    except AnnexError as error:
        _fail(text["annex"].format(path=error.path, reason=error.kind))
    except LoadError as error:
        _fail(text["missing" if error.kind == "missing" else "unreadable"].format(path=report))
    except Exception as error:  # a bug must still end in one clear line
        if os.environ.get("RAPPORTLINT_DEBUG"):
            raise
        _fail(text["internal"].format(path=report, error=type(error).__name__))

    if output is not None:
        try:
            write_atomic(output, rendered, overwrite=overwrite, inputs=(report,))
        except OutputError as error:
            _fail(str(error))
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


def _class_options(command):
    """The options every command that runs over a class folder shares."""
    options = [
        click.argument("folder", type=click.Path(path_type=Path)),
        click.option(
            "--jobs",
            "-j",
            type=click.IntRange(1, 64),
            default=None,
            help="Vérifications en parallèle (défaut : nombre de cœurs).",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(1, 3600),
            default=None,
            help="Temps maximal par fichier, en secondes (60).",
        ),
        click.option(
            "--memory",
            type=click.IntRange(128, 65536),
            default=None,
            help="Mémoire maximale par fichier, en Mo (1024).",
        ),
        click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True),
        click.option(
            "--eleves",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Liste de classe CSV : fichier, nom, prénom.",
        ),
        click.option(
            "--overwrite",
            is_flag=True,
            help="Autorise à remplacer les fichiers de sortie existants.",
        ),
        click.option(
            "--config", type=click.Path(dir_okay=False), help="Fichier rapportlint.toml à utiliser."
        ),
        click.option("--ignore", multiple=True, metavar="RL206[,RL207]", help="Règles à ignorer."),
        click.option(
            "--max-pages", type=click.IntRange(1, 1000), help="Nombre de pages maximal (30)."
        ),
        click.option(
            "--page-count", type=click.Choice(PAGE_COUNT_MODES), help="Décompte des pages."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _run_class(options: dict, outputs: list[Path], html_dir: Path | None = None):
    """Checks every PDF of the folder (progress bar on a terminal only) and returns the rows."""
    from rapportlint import batch as runner

    folder, lang = options["folder"], options["lang"]
    try:
        settings = _settings(
            options["config"],
            options["ignore"],
            options["max_pages"],
            options["page_count"],
            options["timeout"],
            options["memory"],
        )
        paths = runner.find_inputs(folder)
        students = runner.read_class_list(options["eleves"]) if options["eleves"] else None
    except (ConfigError, runner.BatchError) as error:
        _fail(str(error))
    if not paths:
        _fail(
            (
                "aucun PDF trouvé sous {folder}" if lang == "fr" else "no PDF found under {folder}"
            ).format(folder=folder)
        )
    for target in outputs:
        if target.exists() and not options["overwrite"]:
            _fail(f"{target} existe déjà (ajoutez --overwrite pour le remplacer)")
    if html_dir is not None:
        try:
            html_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            _fail(f"dossier {html_dir} impossible à créer ({error.strerror})")
    with click.progressbar(
        length=len(paths), label="rapportlint", file=sys.stderr, hidden=not sys.stderr.isatty()
    ) as bar:
        return runner.run(
            paths,
            folder,
            settings,
            lang,
            options["jobs"] or os.cpu_count() or 1,
            settings.timeout,
            students=students,
            html_dir=html_dir,
            on_done=lambda _row: bar.update(1),
        )


def _write_outputs(pairs: list[tuple[Path | None, str | bytes]], overwrite: bool) -> None:
    try:
        for target, data in pairs:
            if target is not None:
                write_atomic(target, data, overwrite=overwrite)
    except OutputError as error:
        _fail(str(error))


@main.command()
@_class_options
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Écrit le tableau en CSV.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Écrit un objet JSON par rapport (une ligne chacun).",
)
@click.option(
    "--html",
    "html_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Écrit un tableau de bord (index.html) et le rapport HTML de chaque élève.",
)
def batch(csv_path: Path | None, json_path: Path | None, html_dir: Path | None, **options) -> None:
    """Vérifie tous les PDF sous FOLDER et affiche le tableau de la classe, trié par problèmes."""
    from rapportlint.render import class_table

    lang = options["lang"]
    index = class_table.dashboard_path(html_dir) if html_dir else None
    rows = _run_class(options, [p for p in (csv_path, json_path, index) if p], html_dir)
    click.echo(class_table.text_table(rows, lang), nl=False)
    _write_outputs(
        [
            (csv_path, class_table.csv_text(rows, lang) if csv_path else ""),
            (json_path, class_table.json_lines(rows) if json_path else ""),
            (index, class_table.dashboard(rows, lang, with_reports=True) if index else ""),
        ],
        options["overwrite"],
    )
    sys.exit(EXIT_OK if all(row.verdict == "pass" for row in rows) else EXIT_ERRORS)


@main.command()
@_class_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Le PDF de synthèse (une page par candidat).",
)
@click.option(
    "--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path), help="La synthèse en CSV."
)
def jury(output: Path, csv_path: Path | None, **options) -> None:
    """Synthèse pour le jury : une page par candidat (PDF) et un tableau de classe (CSV)."""
    from rapportlint import jury as summary
    from rapportlint.render import jury_pdf

    lang = options["lang"]
    rows = _run_class(options, [p for p in (output, csv_path) if p])
    rows = sorted(rows, key=lambda r: ((r.student or "").lower(), r.relative.lower()))
    pdf = jury_pdf.render([summary.entry(row, lang) for row in rows], lang)
    _write_outputs(
        [(output, pdf), (csv_path, summary.csv_text(rows, lang) if csv_path else "")],
        options["overwrite"],
    )
    click.echo(
        f"{len(rows)} candidat(s) -> {output}"
        if lang == "fr"
        else f"{len(rows)} candidate(s) -> {output}"
    )
    sys.exit(EXIT_OK if all(row.verdict == "pass" for row in rows) else EXIT_ERRORS)


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("dossier.toml"),
    show_default=True,
    help="Où écrire le dossier à remplir.",
)
@click.option("--overwrite", is_flag=True, help="Remplace un dossier existant.")
def init(output: Path, overwrite: bool) -> None:
    """Écrit un dossier.toml commenté, à remplir avant `rapportlint pack`."""
    from rapportlint.templating import template_dir

    text = (template_dir() / "dossier.toml").read_text("utf-8")
    try:
        write_atomic(output, text, overwrite=overwrite)
    except OutputError as error:
        _fail(str(error))
    click.echo(
        f"dossier écrit : {output} ; remplissez-le puis lancez : rapportlint pack {output} -o rendu/"
    )


@main.command()
@click.argument("dossier_path", metavar="DOSSIER", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Dossier où écrire le paquet.",
)
@click.option(
    "--force", is_flag=True, help="Crée le paquet même avec des erreurs (il sera marqué comme tel)."
)
@click.option("--overwrite", is_flag=True, help="Remplace un paquet existant.")
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@click.option(
    "--config", type=click.Path(dir_okay=False), help="Fichier rapportlint.toml à utiliser."
)
def pack(
    dossier_path: Path, out_dir: Path, force: bool, overwrite: bool, lang: str, config: str | None
) -> None:
    """Vérifie le dossier complet (rapport, annexes, justificatifs) et crée le paquet à rendre."""
    from rapportlint.checker import AnnexError, check_report
    from rapportlint.dossier import DossierError, load_dossier
    from rapportlint.package.build import build
    from rapportlint.render import html, json_report, text

    try:
        settings = _settings(config, (), None, None)
        dossier = load_dossier(dossier_path)
        result = check_report(
            dossier.report, settings, lang, [(a.path, a.kind) for a in dossier.annexes], dossier
        )
    except (ConfigError, DossierError) as error:
        _fail(str(error))
    except AnnexError as error:
        _fail(MESSAGES[lang]["annex"].format(path=error.path, reason=error.kind))
    click.echo(text.render(result, lang, colour=sys.stdout.isatty()), nl=False)
    if result.verdict != "pass" and not force:
        click.echo(
            "rapportlint: paquet non créé : corrigez les erreurs ci-dessus (ou --force)", err=True
        )
        sys.exit(EXIT_ERRORS)
    if result.load_error is not None:
        _fail("paquet impossible : le rapport ne peut pas être lu")
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
        _fail(str(error))
    except Exception as error:  # pypdf on a damaged annex, a full disk...
        _fail(f"paquet impossible ({type(error).__name__}: {error})")
    note = " (forcé malgré des erreurs)" if result.verdict != "pass" else ""
    click.echo(f"paquet écrit : {target}{note}")
    sys.exit(EXIT_OK if result.verdict == "pass" else EXIT_ERRORS)


@main.command()
@click.argument("package", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@click.option(
    "--config", type=click.Path(dir_okay=False), help="Fichier rapportlint.toml à utiliser."
)
def verify(package: Path, fmt: str, lang: str, config: str | None) -> None:
    """Vérifie qu'un paquet est intact (empreintes) et toujours conforme."""
    from rapportlint.package.verify import PackageError
    from rapportlint.package.verify import verify as run_verify
    from rapportlint.render import json_report, text

    if not package.is_file():
        _fail(MESSAGES[lang]["missing"].format(path=package))
    try:
        settings = _settings(config, (), None, None)
        checked = run_verify(package, settings, lang)
    except (ConfigError, PackageError) as error:
        _fail(str(error))
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
        state = "intact" if checked.intact else "MODIFIÉ"
        click.echo(f"{package} : paquet {state}")
        for problem in checked.problems:
            click.echo(f"  {problem}")
        if checked.manifest.get("forced"):
            click.echo("  paquet créé avec --force malgré des erreurs")
        if checked.result:
            click.echo(text.render(checked.result, lang, colour=sys.stdout.isatty()), nl=False)
    ok = checked.intact and checked.verdict == "pass"
    sys.exit(EXIT_OK if ok else EXIT_ERRORS)


@main.command()
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def rules(lang: str, fmt: str) -> None:
    """Liste les règles : identifiant, nom, sévérité par défaut, résumé."""
    from rapportlint.rules.registry import all_rules

    catalogue = all_rules()
    if fmt == "json":
        data = [
            {"id": r.id, "name": r.name, "severity": r.severity.value, "summary": r.summary[lang]}
            for r in catalogue
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    width = max(len(r.name) for r in catalogue)
    for r in catalogue:
        click.echo(f"{r.id}  {r.name:<{width}}  {r.severity.value:<7}  {r.summary[lang]}")
