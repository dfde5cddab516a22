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
from typing import Any

from rapportlint.cache import Entry, ResultCache
from rapportlint.config import Settings
from rapportlint.errors import Bilingual
from rapportlint.isolation import CRASH, MEMORY, TIMEOUT, Outcome, run_many
from rapportlint.output import os_reason
from rapportlint.render.rows import Row, name_key, report_name

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
    cache: ResultCache | None = None,
    key: str | None = None,
) -> dict:
    """Runs in the child process: check (or verify a package), optional HTML; JSON-ready dict,
    kept in the cache under ``key`` when there is one.

    For a package, also what its dossier declares and where its annexes are in the merged PDF
    (the jury page shows both); they stay out of the contract object, which is the report's."""
    message, html = _checked(path, settings, lang, html_dir)
    if cache is not None and key is not None and message.get("failure") not in UNSURE:
        cache.store(key, Entry(message, html))
    if html_dir and html is not None:
        _write_student_page(Path(html_dir), Path(path), html, student, message, lang)
    return message


def _write_student_page(
    html_dir: Path, path: Path, html: str, student: str | None, message: dict, lang: str
) -> None:
    from rapportlint.output import write_atomic
    from rapportlint.render.class_table import student_page

    package = (message.get("result") or {}).get("package")
    page = student_page(html, student, path.name, package, lang)
    write_atomic(html_dir / report_name(path), page, overwrite=True)


def _checked(
    path: str, settings: Settings, lang: str, html_dir: str | None
) -> tuple[dict, str | None]:
    """The check (or the verification of a package) of one file: the message for the parent,
    and the HTML report when ``html_dir`` asks for one."""
    from rapportlint.model.loader import LoadError
    from rapportlint.render.json_report import to_dict

    package = None
    extra: dict[str, Any] = {}
    html = None
    try:
        if path.lower().endswith(".zip"):
            from rapportlint.package.verify import PackageError, verify

            try:
                checked = verify(Path(path), settings, lang, html=bool(html_dir))
            except PackageError as error:
                return {"failure": error.text(lang)}, None
            if checked.result is None:
                return {"failure": "; ".join(checked.problems)}, None
            result = checked.result
            package = {
                "intact": checked.intact,
                "problems": checked.problems,
                "forced": bool(checked.manifest.get("forced")),
            }
            extra = {"declared": checked.declared, "merged": checked.merged}
            html = checked.html
        else:
            from rapportlint.checker import check_report

            result = check_report(path, settings, lang)
            if html_dir:
                from rapportlint.render.html import render

                html = render(result, lang)
    except LoadError as error:
        return {"failure": error.kind}, None
    data = to_dict(result, lang)
    if package is not None:
        data["package"] = package
        if not package["intact"] and data["verdict"] == "pass":
            data["verdict"] = "fail"  # a changed package is not a conforming submission
    return {"result": data, **extra}, html


def prepare(html: bool, packages: bool) -> None:
    """Imports, in the parent, what every child will run, so that each forked child starts
    with it loaded instead of importing it again (the analysis and langdetect's profiles are
    about 100 ms a child); with ``html``, the report's template is compiled once here too."""
    from rapportlint.checker import prepare as prepare_check

    prepare_check()  # the model, the analysis, the rules, langdetect's profiles
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
    cache: ResultCache | None = None,
) -> list[Row]:
    """Checks every path, ``jobs`` at a time, each in its own process within the bounds.

    With a class list, a listed student with no file gets a row of their own (not handed in),
    and a file that no line names is marked as such: both are what a teacher chases first.
    With a ``cache``, a file checked before with the same settings is not checked again: its
    row comes from the cache (and its HTML report, when ``html_dir`` asks for one), and every
    new result is kept as soon as it is known, so an interrupted run resumes where it stopped."""
    rows: list[Row] = []

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

    def student_name(path: Path) -> str | None:
        student = (students or {}).get(student_key(path))
        return student.name if student else None

    work = []
    for path in paths:
        key = cache.key(path, settings, lang) if cache is not None else None
        entry = cache.load(key, want_html=html_dir is not None) if key else None
        if entry is not None:
            if html_dir is not None and entry.html is not None:
                _write_student_page(
                    html_dir, path, entry.html, student_name(path), entry.message, lang
                )
            finish(path, Outcome(value=entry.message), cached=True)
            continue
        html = str(html_dir) if html_dir else None
        args: tuple = (str(path), settings, lang, html, student_name(path))
        if cache is not None and key is not None:
            args += (cache, key)
        work.append((path, _check_one, args))
    if work:
        prepare(html_dir is not None, any(path.suffix.lower() == ".zip" for path, _, _ in work))
    memory = memory_mb if memory_mb is not None else settings.memory_mb
    # A package is extracted: its child gets a temporary folder that is removed even if killed.
    try:
        run_many(
            work, jobs, timeout, memory, finish, scratch=lambda path: path.suffix.lower() == ".zip"
        )
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


def _relative(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
