"""The class run: every report below a folder, checked in parallel, one row each whatever happens.

Each file is checked in its own child process (:mod:`rapportlint.isolation`), so that a
pathological PDF is stopped at its time or memory limit without stopping the others; a crash or
a time-out is a row that says so.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapportlint.cache import Entry, ResultCache
from rapportlint.config import Settings
from rapportlint.errors import Bilingual
from rapportlint.isolation import CRASH, MEMORY, TIMEOUT, Outcome, run_many
from rapportlint.output import os_reason
from rapportlint.render.rows import Row, name_key, report_name

if TYPE_CHECKING:  # a Moodle download is read only when the class comes from Moodle
    from rapportlint.moodle import Download

BOUNDS = (TIMEOUT, MEMORY, CRASH)
# Failures that say nothing lasting about the file's content (it vanished, or could not be
# opened, during the run): not kept in the cache. A passed bound is not kept either (run).
UNSURE = ("missing", "unreadable")

# Reports, packages made by `rapportlint pack`, and the word processor files students hand in
# instead of their PDF: such a file is a row that says so, not a student who handed in nothing.
INPUT_SUFFIXES = (".pdf", ".zip", ".docx", ".odt", ".doc")


class BatchError(Bilingual):
    """The class run cannot be done at all (French and English messages)."""


@dataclass(frozen=True, slots=True)
class Student:
    """One line of the class list: the file the student should hand in, and the name."""

    file: str
    name: str


def find_inputs(folder: Path) -> list[Path]:
    """Every input below ``folder`` (any case of the extension), hidden folders skipped,
    sorted."""
    if not folder.is_dir():
        raise BatchError(f"dossier introuvable : {folder}", f"folder not found: {folder}")
    found = [
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in INPUT_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(found, key=lambda p: str(p).lower())


def student_key(path: Path | str) -> str:
    """How a file is matched with the class list: its name without extension, accents, case or
    punctuation ("Dupont Léa.PDF" and "dupont-lea.zip" are the same student)."""
    return name_key(Path(path).stem)


def read_class_list(path: Path) -> dict[str, Student]:
    """``{file key: Student}`` from a CSV with columns fichier, nom, prénom (; or ,)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise BatchError(
            f"liste d'élèves introuvable : {path}", f"class list not found: {path}"
        ) from exc
    except UnicodeDecodeError as exc:
        raise BatchError(
            f"liste d'élèves illisible : {path} (enregistrez-la en CSV UTF-8)",
            f"unreadable class list: {path} (save it as UTF-8 CSV)",
        ) from exc
    except OSError as exc:
        raise BatchError(
            f"liste d'élèves illisible : {path} ({os_reason(exc)})",
            f"unreadable class list: {path} ({os_reason(exc, 'en')})",
        ) from exc
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else "", delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(text.splitlines(), dialect=dialect)
    columns = {name_key(name): name for name in reader.fieldnames or []}
    file_col = columns.get("fichier") or columns.get("file")
    last_col = columns.get("nom")
    first_col = columns.get("prenom")
    if not file_col or not last_col:
        raise BatchError(
            f"{path} : colonnes « fichier » et « nom » attendues (et « prénom »)",
            f"{path}: columns 'fichier' and 'nom' expected (and 'prénom')",
        )
    students = {}
    for line, row in enumerate(reader, start=2):
        name = " ".join(
            filter(
                None,
                [
                    (row.get(last_col) or "").strip().upper(),
                    (row.get(first_col) or "").strip() if first_col else "",
                ],
            )
        )
        file_name = (row.get(file_col) or "").strip()
        if not file_name or not name:
            raise BatchError(
                f"{path}, ligne {line} : fichier ou nom manquant",
                f"{path}, line {line}: file or name missing",
            )
        students[student_key(file_name)] = Student(file_name, name)
    return students


def _check_one(
    path: str,
    settings: Settings,
    lang: str,
    html_dir: str | None,
    student: str | None = None,
    files: tuple[str, ...] = (),
    feedback_dir: str | None = None,
    shown_as: tuple[str, str] | None = None,
    cache: ResultCache | None = None,
    key: str | None = None,
) -> dict:
    """Runs in the child process: check (or verify a package), optional HTML; JSON-ready dict,
    kept in the cache under ``key`` when there is one.

    For a package, also what its dossier declares and where its annexes are in the merged PDF
    (the jury page shows both); they stay out of the contract object, which is the report's.
    ``files``: what a Moodle participant handed in; the report is chosen among them here (the
    PDFs are opened) and the other PDFs are its annexes. ``feedback_dir``: where the report
    goes as the student's feedback (the HTML of ``check``, without the class's bar).
    ``shown_as``: (extraction folder, what to show instead) for a class read from a ZIP."""
    want_html = bool(html_dir or feedback_dir)
    message, html = _checked(path, settings, lang, want_html, files, shown_as)
    if cache is not None and key is not None and message.get("failure") not in UNSURE:
        cache.store(key, Entry(message, html))
    if html is not None:
        _write_pages(Path(path), html, student, message, lang, html_dir, feedback_dir)
    return message


def _write_pages(
    key: Path,
    html: str,
    student: str | None,
    message: dict,
    lang: str,
    html_dir: str | Path | None,
    feedback_dir: str | Path | None,
) -> None:
    """A student's HTML report: as feedback for Moodle (the report of ``check``) and in the
    dashboard folder (with the class's bar). ``key``: what the row is known by (a file, or a
    Moodle participant's folder)."""
    from rapportlint.output import write_atomic

    name = report_name(key)
    if feedback_dir:
        write_atomic(Path(feedback_dir) / name, html, overwrite=True)
    if html_dir:
        from rapportlint.render.class_table import student_page

        result = message.get("result") or {}
        package = result.get("package")
        shown = Path(message.get("chosen", {}).get("report") or key).name
        page = student_page(html, student, shown, package, lang)
        write_atomic(Path(html_dir) / name, page, overwrite=True)


def _checked(
    path: str,
    settings: Settings,
    lang: str,
    want_html: bool,
    files: tuple[str, ...],
    shown_as: tuple[str, str] | None,
) -> tuple[dict, str | None]:
    """The check (or the verification of a package) of one file or one Moodle participant's
    files: the message for the parent, and the HTML report when ``want_html``."""
    from rapportlint.model.loader import LoadError
    from rapportlint.render.json_report import to_dict

    package = None
    extra: dict[str, Any] = {}
    html = None
    annexes: list[tuple[str | Path, str | None]] = []
    if files:
        from rapportlint.moodle import choose

        choice = choose([Path(f) for f in files])
        path = str(choice.report)
        annexes = [(annex, None) for annex in choice.annexes]
        extra["chosen"] = {
            "report": path,
            "annexes": [str(p) for p in choice.annexes],
            "ignored": [str(p) for p in choice.ignored],
        }
    try:
        if path.lower().endswith(".zip"):
            from rapportlint.package.verify import PackageError, verify

            try:
                checked = verify(Path(path), settings, lang, html=want_html)
            except PackageError as error:
                return {"failure": error.text(lang), **extra}, None
            if checked.result is None:
                return {"failure": "; ".join(checked.problems), **extra}, None
            result = checked.result
            package = {
                "intact": checked.intact,
                "files_intact": checked.files_intact,
                "problems": checked.problems,
                "forced": bool(checked.manifest.get("forced")),
                "fingerprint": checked.fingerprint,
            }
            extra.update(declared=checked.declared, merged=checked.merged)
            html = checked.html
        else:
            from rapportlint.checker import AnnexError, check_report

            try:
                result = check_report(path, settings, lang, annexes)
            except AnnexError as error:
                from rapportlint.rules.engine import load_reason

                name = Path(error.path).name
                return {"failure": f"{name} : {load_reason(error.kind, lang)}", **extra}, None
            if want_html:
                from rapportlint.render.html import render

                html = render(result, lang)
    except LoadError as error:
        return {"failure": error.kind, **extra}, None
    data = to_dict(result, lang)
    if package is not None:
        data["package"] = package
        if not package["intact"] and data["verdict"] == "pass":
            data["verdict"] = "fail"  # a changed package is not a conforming submission
    if shown_as is not None:
        data, html = _shown(data, html, *shown_as)
    return {"result": data, **extra}, html


def _shown(data: dict, html: str | None, folder: str, instead: str) -> tuple[dict, str | None]:
    """The paths of a class read from a ZIP as the teacher knows them ("TRAVAUX.zip:Léa
    Dupont_.../rapport.pdf"), not where it was extracted for the run."""
    from html import escape

    prefix = folder.rstrip("/") + "/"

    def named(value: str | None) -> str | None:
        return instead + value[len(prefix) :] if value and value.startswith(prefix) else value

    data["file"]["path"] = named(data["file"]["path"])
    for annex in data.get("annexes", []):
        annex["file"] = named(annex.get("file"))
    if html is not None:
        html = html.replace(escape(prefix), escape(instead))
    return data, html


def prepare(html: bool, packages: bool, keep_patterns: bool = True) -> None:
    """Imports, in the parent, what every child will run, so that each forked child starts
    with it loaded instead of importing it again (the analysis and langdetect's profiles are
    about 100 ms a child); with ``html``, the report's template is compiled once here too.
    ``keep_patterns``: see :func:`rapportlint.checker.prepare` (off with ``--no-cache``)."""
    from rapportlint.checker import prepare as prepare_check

    prepare_check(keep_patterns)  # the model, the analysis, the rules, langdetect's profiles
    modules = ["rapportlint.render.json_report"]
    if html:
        modules += ["rapportlint.render.html", "rapportlint.render.class_table"]
    if packages:
        modules.append("rapportlint.package.verify")
    for module in modules:
        import_module(module)
    if html:
        from rapportlint.templating import environment

        for name in ("report.html.j2", "report.css.j2"):
            environment(autoescape=True).get_template(name)


def run(
    paths: list[Path],
    root: Path,
    settings: Settings,
    lang: str,
    jobs: int,
    timeout: float,
    students: dict[str, Student] | None = None,
    html_dir: Path | None = None,
    on_done: Callable[[Row], None] | None = None,
    memory_mb: int | None = None,
    download: Download | None = None,
    feedback_dir: Path | None = None,
    shown_as: str | None = None,
    cache: ResultCache | None = None,
) -> list[Row]:
    """Checks every path, ``jobs`` at a time, each in its own process within the bounds.

    With a class list, a listed student with no file gets a row of their own (not handed in),
    and a file that no line names is marked as such: both are what a teacher chases first.
    With a Moodle ``download``, each participant is one row more, named as Moodle names them,
    whatever they handed in (a participant who handed in no file is "not handed in");
    ``feedback_dir`` receives each one's HTML report, ``shown_as`` names the ZIP it came from.
    With a ``cache``, a file checked before with the same settings is not checked again: its
    row comes from the cache (and its HTML report, when ``html_dir`` or ``feedback_dir`` asks
    for one), and every new result is kept as soon as it is known, so an interrupted run
    resumes where it stopped."""
    rows: list[Row] = []
    participants = {}
    if download is not None:
        from rapportlint.moodle import display_names

        names = display_names(download.participants)
        for participant in download.participants:
            key = root / (participant.folder or f"{participant.prefix}_assignsubmission_file")
            participants[key] = (participant, names[participant.ident])
    shown = (str(root), shown_as) if shown_as else None
    if shown_as is not None:
        # A class read from a ZIP is extracted to a new temporary folder at every run: nothing
        # of it could be found again (unzipped, a Moodle download is cached like any folder).
        cache = None

    def finish(path: Path, outcome: Outcome, cached: bool = False) -> None:
        message = outcome.value or {}
        if outcome.failure in BOUNDS:
            # A passed bound is a finding (RL004) in an ordinary contract object.
            from rapportlint.checker import failed_check
            from rapportlint.render.json_report import to_dict

            detail = {
                TIMEOUT: f"{settings.timeout:g}",
                MEMORY: str(memory_mb or settings.memory_mb),
            }
            result = failed_check(
                path, outcome.failure, detail.get(outcome.failure, ""), settings, lang
            )
            message = {"result": to_dict(result, lang), "failure": outcome.failure}
        if path in participants:
            participant, name = participants[path]
            moodle = _moodle_facts(participant, download, message.get("chosen"))
            rows.append(
                Row(
                    path=path,
                    relative=_handed_in(participant, moodle, lang),
                    student=name,
                    result=message.get("result"),
                    failure=message.get("failure") or outcome.failure,
                    seconds=outcome.seconds,
                    declared=message.get("declared"),
                    merged=message.get("merged"),
                    moodle=moodle,
                    cached=cached,
                )
            )
            if on_done:
                on_done(rows[-1])
            return
        student = (students or {}).get(student_key(path))
        row = Row(
            path=path,
            relative=_relative(path, root),
            student=student.name if student else None,
            result=message.get("result"),
            failure=message.get("failure") or outcome.failure,
            seconds=outcome.seconds,
            listed=None if students is None else student is not None,
            declared=message.get("declared"),
            merged=message.get("merged"),
            cached=cached,
        )
        rows.append(row)
        if on_done:
            on_done(row)

    feedback = str(feedback_dir) if feedback_dir else None
    html = str(html_dir) if html_dir else None
    want_html = html_dir is not None or feedback_dir is not None
    work: list[tuple[Path, Callable, tuple]] = []

    def schedule(path: Path, student: str | None, files: tuple[Path, ...] = ()) -> None:
        """Takes the row from the cache when the file (or the participant's files) did not
        change, else adds the check to the work."""
        key = cache.key(path, settings, lang, files) if cache is not None else None
        entry = cache.load(key, want_html=want_html) if key else None
        if entry is not None:
            if entry.html is not None:
                _write_pages(path, entry.html, student, entry.message, lang, html_dir, feedback)
            finish(path, Outcome(value=entry.message), cached=True)
            return
        args: tuple = (str(path), settings, lang, html, student)
        if files or shown or key:
            args += (tuple(str(f) for f in files), feedback if files else None, shown)
        if key:
            args += (cache, key)
        work.append((path, _check_one, args))

    for path in paths:
        student = (students or {}).get(student_key(path))
        schedule(path, student.name if student else None)
    for key, (participant, name) in participants.items():
        if participant.files:
            schedule(key, name, tuple(participant.files))
        else:  # an empty submission, or an online text alone: nothing to check
            moodle = _moodle_facts(participant, download, None)
            rows.append(
                Row(
                    # Named as the teacher knows it: nothing of it was extracted to check.
                    path=Path(shown_as + key.name) if shown_as else key,
                    relative=_handed_in(participant, moodle, lang),
                    student=name,
                    result=None,
                    submitted=False,
                    moodle=moodle,
                )
            )
    if work:
        handed = [
            *paths,
            *(f for participant, _ in participants.values() for f in participant.files),
        ]
        zipped = any(f.suffix.lower() == ".zip" for f in handed)
        prepare(want_html, zipped, keep_patterns=cache is not None)
    memory = memory_mb if memory_mb is not None else settings.memory_mb

    def scratch(path: Path) -> bool:
        """A package is extracted: its child gets a temporary folder removed even if killed."""
        if path in participants:
            return any(f.suffix.lower() == ".zip" for f in participants[path][0].files)
        return path.suffix.lower() == ".zip"

    try:
        run_many(work, jobs, timeout, memory, finish, scratch=scratch)
    finally:
        if cache is not None:
            cache.trim()
    handed_in = {student_key(path) for path in paths}
    for key, student in (students or {}).items():
        if key not in handed_in:
            path = root / student.file
            rows.append(
                Row(
                    path=path,
                    relative=_relative(path, root),
                    student=student.name,
                    result=None,
                    listed=True,
                    submitted=False,
                )
            )
    return sorted(rows, key=Row.sort_key)


def _moodle_facts(participant, download, chosen: dict | None) -> dict[str, Any]:
    """What a Moodle row keeps: the participant's number, where their feedback goes, and what
    they handed in (which file was the report, which its annexes), as the student named them."""
    shown = dict(zip(map(str, participant.files), participant.shown, strict=True))
    facts: dict[str, Any] = {
        "id": participant.ident,
        "name": participant.name,
        "feedback": download.feedback_name(participant),
        "files": list(participant.shown),
        "online_text": participant.online_text,
    }
    if chosen:
        facts["report"] = shown.get(chosen["report"], Path(chosen["report"]).name)
        facts["annexes"] = [shown.get(p, Path(p).name) for p in chosen["annexes"]]
        facts["ignored"] = [shown.get(p, Path(p).name) for p in chosen["ignored"]]
    return facts


HANDED_IN = {
    "fr": {"annexes": " + annexes : ", "ignored": " (non vérifié : {0})", "text": "texte en ligne"},
    "en": {"annexes": " + annexes: ", "ignored": " (not checked: {0})", "text": "online text"},
}


def _handed_in(participant, facts: dict[str, Any], lang: str) -> str:
    """The file cell of a Moodle row: which file is the report, which are its annexes
    ("rapport.pdf + annexes : datasheet.pdf, bbc.pdf"), what was not checked."""
    words = HANDED_IN[lang]
    if "report" not in facts:
        listed = ", ".join(facts["files"])
        return listed or (words["text"] if participant.online_text else "")
    cell = facts["report"]
    if facts["annexes"]:
        cell += words["annexes"] + ", ".join(facts["annexes"])
    if facts["ignored"]:
        cell += words["ignored"].format(", ".join(facts["ignored"]))
    return cell


def _relative(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
