"""A Moodle assignment: the class as Moodle hands it over, the feedback as Moodle takes it back.

French schools collect reports in a Moodle assignment (most ENTs, éléa). Three of its files are
read or written here, in the formats of Moodle's own code (``mod/assign``, 4.0 to 4.5):

- **the download** ("Télécharger tous les travaux remis", :class:`mod_assign\\downloader`): one
  folder per participant and submission plugin, ``Prénom Nom_<id>_assignsubmission_file`` (4.1
  and later; ``..._file_`` with a final underscore before), or, with "download as folders" off,
  flat files ``Prénom Nom_<id>_assignsubmission_file_<name>``. Moodle replaces any underscore of
  the name by a space, so the name is what comes before the first underscore, and ``<id>`` is the
  participant's number in this assignment (not the user id);
- **the feedback files ZIP** ("Téléverser plusieurs fichiers de feedback dans un ZIP",
  ``feedback/file/importziplib.php``): the importer splits each path part at its first four
  underscores and wants ``name_id_assignsubmission_file``; the same folder names as the download
  are therefore the names it accepts;
- **the grading worksheet** ("Télécharger / Importer la feuille d'évaluation",
  ``feedback/offline``): a CSV whose columns the importer finds by their exact header in the
  teacher's language ("Identifiant", "Note", "Dernière modification (note)", and the feedback
  comments column), the participant by the digits after "Participant" in the first one.

The worksheet is rewritten byte for byte except the feedback cells: the columns, their order,
the quoting of every other cell, the separator, the encoding, the byte order mark and the line
ends stay as the teacher downloaded them, so that Moodle imports the copy as it would the
original. Grades are never touched.
"""

from __future__ import annotations

import html
import io
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from rapportlint.errors import Bilingual

# A path part Moodle wrote for one participant and one submission plugin. The name holds no
# underscore (Moodle turned them into spaces); a folder ends after the plugin (4.1+) or with one
# more underscore (4.0 and before); a flat file has "_" then the student's file name.
PART = re.compile(
    r"^(?P<name>[^_/]+)_(?P<id>\d+)_(?P<subtype>assignsubmission)_(?P<plugin>[a-z0-9]+)"
    r"(?:(?P<sep>_)(?P<rest>.*))?$",
    re.S,
)
FILE_PLUGIN = "file"
TEXT_PLUGIN = "onlinetext"
FEEDBACK_NAME = "rapportlint.html"
# A class's download: a few files per student, a generous bound all the same.
MAX_ENTRIES = 3000
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
# What the system or an archiver adds, never a student's file.
JUNK = re.compile(r"(^|/)(__MACOSX|\.[^/]*|~[^/]*|Thumbs\.db|desktop\.ini)(/|$)", re.I)

REPORT_SUFFIXES = (".pdf",)
PACKAGE_SUFFIXES = (".zip",)
WORD_SUFFIXES = (".docx", ".odt", ".doc", ".rtf")
ANNEX_HINT = re.compile(r"annexe?s?|appendix|datasheet|fiche|article|presse|press", re.I)
REPORT_HINT = re.compile(r"rapport|report|stage|internship", re.I)


class MoodleError(Bilingual):
    """A Moodle file that cannot be used (French and English messages)."""


@dataclass(frozen=True, slots=True)
class Participant:
    """One student (or one group, for a group assignment) of the download."""

    name: str  # as Moodle writes it: "Léa Dupont"
    ident: str  # the participant number of this assignment: "100001"
    files: tuple[Path, ...] = ()  # what the file plugin holds, extracted on disk
    shown: tuple[str, ...] = ()  # the same files as the student named them ("annexes/x.pdf")
    folder: str | None = None  # the file plugin's folder, relative to the download (None: flat)
    online_text: bool = False  # an online text was handed in too (or alone)

    @property
    def prefix(self) -> str:
        """``Léa Dupont_100001``: what every name Moodle gives this participant begins with."""
        return f"{self.name}_{self.ident}"


@dataclass(slots=True)
class Download:
    """A download read from ``root`` (a folder, or where a ZIP was extracted)."""

    root: Path
    participants: list[Participant]
    flat: bool  # "download as folders" was off
    trailing: str  # "_" when folders end with an underscore (Moodle 4.0 and before), else ""
    others: list[Path] = field(default_factory=list)  # files no participant's name begins

    def feedback_name(self, participant: Participant) -> str:
        """Where the participant's feedback file goes in the feedback ZIP: in their folder of
        the download, or, for a flat download, named with the same prefix."""
        plugin = f"{participant.prefix}_assignsubmission_{FILE_PLUGIN}"
        if self.flat:
            return f"{plugin}_{FEEDBACK_NAME}"
        folder = PurePosixPath(participant.folder).name if participant.folder else None
        return f"{folder or plugin + self.trailing}/{FEEDBACK_NAME}"


def is_download_name(name: str) -> bool:
    """Whether a path (relative, "/"-separated) is one Moodle writes in a download."""
    return any(PART.match(part) for part in PurePosixPath(name).parts)


def extract_download(archive: Path, target: Path) -> Path:
    """Extracts a download with the archive rules of ``verify`` (no path out of ``target``, no
    link, bounded entries and size, a file cut short named as such); MoodleError if it is
    refused, or is no Moodle download (an archive is read as one when at least one of its
    entries is named the way Moodle names them)."""
    from rapportlint.package.safezip import UnsafeArchive, extract, inspect

    try:
        entries = inspect(archive, MAX_ENTRIES, MAX_TOTAL_BYTES)
        if not any(is_download_name(info.filename) for info in entries):
            raise MoodleError(
                f"{archive} n'est pas un téléchargement de devoir Moodle (dossiers ou fichiers "
                "« Prénom Nom_identifiant_assignsubmission_file ») ; pour un paquet de "
                "rapportlint, lancez « rapportlint verify »",
                f"{archive} is not a Moodle assignment download (folders or files "
                "'First Last_id_assignsubmission_file'); for a rapportlint package, run "
                "'rapportlint verify'",
            )
        extract(archive, target, max_entries=MAX_ENTRIES, max_total=MAX_TOTAL_BYTES)
    except UnsafeArchive as error:
        raise MoodleError(error.texts["fr"], error.texts["en"]) from error
    return target


def read_download(root: Path) -> Download | None:
    """The participants of a download extracted (or unzipped by the teacher) under ``root``;
    None when no file under it is named the Moodle way.

    Each file belongs to the first part of its path that Moodle named (so a download unzipped
    into a folder of its own is read the same). An online text (``onlinetext.html``) is noted,
    never checked: the report is a file."""
    found: dict[str, dict] = {}
    others: list[Path] = []
    flat = False
    trailing = ""
    for path in sorted(root.rglob("*"), key=lambda p: str(p).lower()):
        if not path.is_file() or path.is_symlink():
            continue
        relative = path.relative_to(root).as_posix()
        if JUNK.search(relative):
            continue
        parts = PurePosixPath(relative).parts
        for index, part in enumerate(parts):
            match = PART.match(part)
            if not match:
                continue
            last = index == len(parts) - 1
            if last and not match.group("rest"):
                match = None  # "..._file" as a file name: not a student's file
                break
            key = match.group("id")
            entry = found.setdefault(
                key, {"name": match.group("name"), "files": [], "shown": [], "folder": None}
            )
            if match.group("plugin") == TEXT_PLUGIN:
                entry["text"] = True
            elif match.group("plugin") == FILE_PLUGIN:
                entry["files"].append(path)
                if last:
                    flat = True
                    entry["shown"].append(match.group("rest"))
                else:
                    entry["folder"] = "/".join(parts[: index + 1])
                    trailing = match.group("sep") or ""
                    entry["shown"].append("/".join(parts[index + 1 :]))
            break
        else:
            others.append(path)
    if not found:
        return None
    participants = [
        Participant(
            name=entry["name"],
            ident=ident,
            files=tuple(entry["files"]),
            shown=tuple(entry["shown"]),
            folder=entry["folder"],
            online_text=entry.get("text", False),
        )
        for ident, entry in found.items()
    ]
    participants.sort(key=lambda p: (p.name.lower(), p.ident))
    return Download(root, participants, flat, trailing, others)


def display_names(participants: list[Participant]) -> dict[str, str]:
    """``{id: name shown}``: the name, with the number when two share it (anonymous marking
    names everyone "Participant")."""
    counts: dict[str, int] = {}
    for participant in participants:
        counts[participant.name] = counts.get(participant.name, 0) + 1
    return {p.ident: p.name if counts[p.name] == 1 else f"{p.name} {p.ident}" for p in participants}


# -- Which file is the report --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Choice:
    """What one participant handed in, sorted out: the report (or package, or the Word file
    given in its place), the PDFs declared as its annexes, and what is not checked."""

    report: Path
    annexes: tuple[Path, ...] = ()
    ignored: tuple[Path, ...] = ()


def _pages(path: Path) -> int:
    """Pages of a PDF, 0 if it cannot be opened (run in the child, within its bounds)."""
    try:
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(str(path))
        try:
            return len(document)
        finally:
            document.close()
    except Exception:
        return 0


def choose(files: list[Path]) -> Choice:
    """The report among a participant's files: a package if there is one; else, of the PDFs,
    the one that looks like a report (most pages; a name saying "annexe" comes last, one saying
    "rapport" first among equals), the other PDFs being its annexes; else the Word or other
    file, which the check names for what it is. Runs in the child (PDFs are opened)."""
    by_kind: dict[str, list[Path]] = {"package": [], "pdf": [], "word": [], "other": []}
    for path in files:
        suffix = path.suffix.lower()
        if suffix in PACKAGE_SUFFIXES:
            by_kind["package"].append(path)
        elif suffix in REPORT_SUFFIXES:
            by_kind["pdf"].append(path)
        elif suffix in WORD_SUFFIXES:
            by_kind["word"].append(path)
        else:
            by_kind["other"].append(path)
    if by_kind["package"]:
        first = by_kind["package"][0]
        return Choice(first, (), tuple(p for p in files if p != first))
    pdfs = by_kind["pdf"]
    if pdfs:
        pages = {path: _pages(path) for path in pdfs}

        def rank(path: Path) -> tuple:
            name = path.stem
            return (
                pages[path] > 0,
                not (ANNEX_HINT.search(name) and not REPORT_HINT.search(name)),
                pages[path],
                bool(REPORT_HINT.search(name)),
            )

        report = max(pdfs, key=rank)
        annexes = tuple(p for p in pdfs if p != report and pages[p] > 0)
        ignored = tuple(p for p in files if p != report and p not in annexes)
        return Choice(report, annexes, ignored)
    first = (by_kind["word"] or by_kind["other"])[0]
    return Choice(first, (), tuple(p for p in files if p != first))


# -- The feedback files ZIP ----------------------------------------------------------------------


def feedback_zip(entries: list[tuple[str, bytes]]) -> bytes:
    """A ZIP of ``(name, content)``, as the feedback import reads it (entries only, no folder
    entries needed; UTF-8 names, flagged as such by zipfile for non-ASCII ones)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


# -- The grading worksheet -----------------------------------------------------------------------

ID_HEADERS = ("Identifiant", "Identifier")
FEEDBACK_HEADERS = ("Commentaires de feedback", "Feedback par commentaires", "Feedback comments")
GRADE_HEADERS = ("Note", "Grade")
SEPARATORS = (",", ";", "\t", ":")
MARK = "rapportlint :"  # how our paragraph begins, so that a second run replaces it
OUR_PARAGRAPH = re.compile(r"\s*<p>\s*rapportlint\s*:.*?</p>", re.S | re.I)
ID_DIGITS = re.compile(r"(\d+)\s*$")


@dataclass(frozen=True, slots=True)
class Cell:
    """One field of the CSV: its value and where its raw text (quotes included) is."""

    value: str
    start: int
    end: int


def parse_csv(text: str, separator: str) -> list[list[Cell]]:
    """Records of ``text``, each field with its span in ``text``; quotes as RFC 4180 (and PHP's
    fputcsv, which Moodle writes with): a quoted field may hold separators, line ends and
    doubled quotes."""
    records: list[list[Cell]] = []
    record: list[Cell] = []
    i, n = 0, len(text)
    while i < n or record:
        start = i
        if i < n and text[i] == '"':
            i += 1
            chunks = []
            while i < n:
                if text[i] == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        chunks.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                chunks.append(text[i])
                i += 1
            value = "".join(chunks)
            while i < n and text[i] not in (separator, "\r", "\n"):  # stray text after quotes
                value += text[i]
                i += 1
        else:
            while i < n and text[i] not in (separator, "\r", "\n"):
                i += 1
            value = text[start:i]
        record.append(Cell(value, start, i))
        if i < n and text[i] == separator:
            i += 1
            continue
        # End of record: a line end, or the end of the text.
        if i < n and text[i] == "\r":
            i += 1
        if i < n and text[i] == "\n":
            i += 1
        if any(cell.value for cell in record) or len(record) > 1:
            records.append(record)
        record = []
        if i >= n:
            break
    return records


def quote(value: str, separator: str) -> str:
    """A field as fputcsv writes it: quoted when it holds the separator, a quote, a line end,
    a tab or a space; quotes doubled."""
    if any(ch in value for ch in (separator, '"', "\n", "\r", "\t", " ")):
        return '"' + value.replace('"', '""') + '"'
    return value


@dataclass(slots=True)
class Worksheet:
    """A grading worksheet as downloaded: text, how it is written, and where its columns are."""

    path: Path
    text: str
    encoding: str
    separator: str
    records: list[list[Cell]]
    id_column: int
    feedback_column: int

    @property
    def header(self) -> list[str]:
        return [cell.value for cell in self.records[0]]

    def participant_ids(self) -> list[str]:
        """The participant number of each row ("Participant 100001" -> "100001")."""
        ids = []
        for record in self.records[1:]:
            cell = record[self.id_column].value if self.id_column < len(record) else ""
            match = ID_DIGITS.search(cell)
            ids.append(match.group(1) if match else "")
        return ids

    def filled(self, comments: dict[str, str]) -> bytes:
        """The worksheet with ``comments`` (participant number -> paragraph text) in the feedback
        column, every other byte as it was. An existing comment is kept, ours added after it (or
        put in place of the one a previous run added)."""
        out, at = [], 0
        for record, ident in zip(self.records[1:], self.participant_ids(), strict=True):
            if ident not in comments or self.feedback_column >= len(record):
                continue
            cell = record[self.feedback_column]
            old = OUR_PARAGRAPH.sub("", cell.value).rstrip()
            paragraph = f"<p>{html.escape(comments[ident], quote=False)}</p>"
            new = f"{old}\n{paragraph}" if old.strip() else paragraph
            out.append(self.text[at : cell.start])
            out.append(quote(new, self.separator))
            at = cell.end
        out.append(self.text[at:])
        return "".join(out).encode(self.encoding, errors="replace")


def output_path(path: Path) -> Path:
    """``FEUILLE.csv`` -> ``FEUILLE.rapportlint.csv``, beside it (never the original)."""
    return path.with_name(f"{path.stem}.rapportlint{path.suffix or '.csv'}")


def read_worksheet(path: Path) -> Worksheet:
    """Reads a worksheet downloaded from the assignment; MoodleError (with what to do) when it
    cannot be read or has no feedback comments column."""
    try:
        data = path.read_bytes()
    except OSError as error:
        from rapportlint.output import os_reason

        raise MoodleError(
            f"feuille d'évaluation illisible : {path} ({os_reason(error)})",
            f"unreadable grading worksheet: {path} ({os_reason(error, 'en')})",
        ) from error
    for encoding in ("utf-8", "cp1252"):
        try:
            text = data.decode(encoding)  # a BOM stays in the text: it is written back as read
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly anything
        raise MoodleError(
            f"{path} : encodage non reconnu (téléchargez à nouveau la feuille depuis Moodle)",
            f"{path}: unknown encoding (download the worksheet from Moodle again)",
        )
    body = text.removeprefix("\ufeff")
    offset = len(text) - len(body)
    for separator in SEPARATORS:
        records = parse_csv(body, separator)
        if not records:
            continue
        header = [cell.value.strip() for cell in records[0]]
        id_column = next((i for i, h in enumerate(header) if h in ID_HEADERS), None)
        if id_column is None:
            continue
        feedback = next((i for i, h in enumerate(header) if h in FEEDBACK_HEADERS), None)
        if feedback is None:
            raise MoodleError(
                f"{path} : pas de colonne « Commentaires de feedback » : activez les commentaires "
                "de feedback dans les réglages du devoir, puis téléchargez à nouveau la feuille",
                f"{path}: no 'Feedback comments' column: enable feedback comments in the "
                "assignment's settings, then download the worksheet again",
            )
        shifted = [[Cell(c.value, c.start + offset, c.end + offset) for c in r] for r in records]
        return Worksheet(path, text, encoding, separator, shifted, id_column, feedback)
    raise MoodleError(
        f"{path} n'est pas une feuille d'évaluation de Moodle (colonne « Identifiant » absente)",
        f"{path} is not a Moodle grading worksheet (no 'Identifier' column)",
    )


# -- What is written back ------------------------------------------------------------------------

WORDS = {
    "fr": {
        "head": "rapportlint : {verdict} ({summary}).",
        "missing": "rapportlint : aucun fichier dans le travail remis (le rapport en PDF est "
        "attendu).",
        "files": " Rapport vérifié : {report} ; annexes déclarées : {annexes}.",
        "ignored": " Non vérifié : {ignored}.",
        "points": " Points relevés : {points}.",
        "none": " Aucun problème relevé par les règles vérifiées.",
        "detail": " Le détail, page par page avec les corrections, est dans le fichier {name} "
        "de ce retour.",
        "title": "Vérification du rapport de stage",
    },
    "en": {
        "head": "rapportlint: {verdict} ({summary}).",
        "missing": "rapportlint: no file in the submission (the report is expected as a PDF).",
        "files": " Report checked: {report}; declared annexes: {annexes}.",
        "ignored": " Not checked: {ignored}.",
        "points": " Points found: {points}.",
        "none": " No problem found by the rules checked.",
        "detail": " The details, page by page with the fixes, are in the file {name} of this "
        "feedback.",
        "title": "Internship report check",
    },
}


def comment(row, lang: str, with_file: bool) -> str:
    """The student's summary in plain words for the feedback comments column: the verdict, the
    counts, which file was the report, every point found (the class table's remarks), and
    where the details are."""
    from rapportlint import wording
    from rapportlint.render.class_table import row_points, verdict_word

    words = WORDS[lang]
    if not row.submitted:
        return words["missing"]
    summary = row.result["summary"] if row.result else {"errors": 0, "warnings": 0, "infos": 0}
    text = words["head"].format(
        verdict=verdict_word(row, lang),
        summary=wording.summary(summary["errors"], summary["warnings"], summary["infos"], lang),
    )
    facts = row.moodle or {}
    if facts.get("annexes"):
        text += words["files"].format(report=facts["report"], annexes=", ".join(facts["annexes"]))
    if facts.get("ignored"):
        text += words["ignored"].format(ignored=", ".join(facts["ignored"]))
    points = [point.problem for point in row_points(row, lang)]
    text += (
        words["points"].format(points=" ; ".join(points) if lang == "fr" else "; ".join(points))
        if points
        else words["none"]
    )
    if with_file:
        text += words["detail"].format(name=FEEDBACK_NAME)
    return text


def note_page(title: str, text: str, lang: str) -> str:
    """The feedback file of a student whose report could not be checked (a bound passed): the
    summary alone, as a page of its own."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
        f"<title>{html.escape(WORDS[lang]['title'])} – {html.escape(title)}</title></head>\n"
        f"<body><h1>{html.escape(title)}</h1>\n<p>{html.escape(text)}</p></body>\n</html>\n"
    )


def feedback_files(rows, reports: Path, lang: str) -> list[tuple[str, bytes]]:
    """``(name in the ZIP, HTML)`` for each participant who handed in a file: their report as
    ``check --format html`` writes it (found in ``reports``), else a page with the summary."""
    from rapportlint.render.rows import report_name

    entries = []
    for row in rows:
        if row.moodle is None or not row.submitted:
            continue
        page = reports / report_name(row.path)
        if page.is_file():
            data = page.read_bytes()
        else:
            data = note_page(row.student or "", comment(row, lang, False), lang).encode("utf-8")
        entries.append((row.moodle["feedback"], data))
    return sorted(entries)
