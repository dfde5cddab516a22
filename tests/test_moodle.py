"""A class from Moodle: the assignment's download in, one row per participant, the feedback ZIP
and the completed grading worksheet out, re-read the way Moodle's own import code reads them.

The fixtures (fixtures/moodle/) are shaped like real downloads: see fixtures/moodle.py."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, fixture_path
from rapportlint import moodle
from rapportlint.cli import main

MOODLE = ROOT / "fixtures" / "moodle"


def run(*args) -> object:
    return CliRunner().invoke(main, [str(a) for a in args])


# -- Moodle's import code, as it reads what we write -----------------------------------------------


def moodle_feedback_import(data: bytes, participants: set[str]) -> dict[str, list[str]]:
    """``feedback/file/importziplib.php`` (is_valid_filename_for_import): each path part split
    at its first four underscores (PHP's explode with a limit of 5); the part is taken when it
    has at least four pieces, the second is a known participant number, and the third and
    fourth name a submission plugin of the assignment. ``{participant: [file names]}``."""
    found: dict[str, list[str]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.is_dir() or info.filename.rsplit("/", 1)[-1].startswith((".", "~")):
                continue
            parts = info.filename.split("/")
            while parts:
                info_parts = parts.pop(0).split("_", 4)
                if len(info_parts) < 4 or not info_parts[1].isdigit():
                    continue
                if info_parts[1] not in participants:
                    continue
                if (info_parts[2], info_parts[3]) != ("assignsubmission", "file"):
                    continue
                rest = info_parts[4] if len(info_parts) == 5 else ""
                found.setdefault(info_parts[1], []).append("/".join([rest, *parts]).strip("/"))
                break
    return found


def moodle_grade_import(data: bytes, encoding: str, separator: str, lang: str) -> dict:
    """``feedback/offline/importgradeslib.php``: the CSV read with the encoding and separator
    chosen on the upload form (csv_import_reader trims the byte order mark), columns found by
    their exact header in the teacher's language, the participant by what follows
    "Participant" in the identifier. ``{participant: (grade, modified, feedback)}``."""
    strings = {
        "fr": ("Identifiant", "Note", "Dernière modification (note)", "Commentaires de feedback"),
        "en": ("Identifier", "Grade", "Last modified (grade)", "Feedback comments"),
    }[lang]
    text = data.decode(encoding).removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    columns = rows[0]
    indexes = [columns.index(name) for name in strings]  # ValueError: Moodle refuses the file
    records = {}
    for row in rows[1:]:
        ident = row[indexes[0]].removeprefix("Participant").strip()
        records[ident] = tuple(row[i] for i in indexes[1:])
    return records


def parsed(data: bytes, encoding: str, separator: str) -> list[list[str]]:
    text = data.decode(encoding).removeprefix("\ufeff")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))


def download_folders(path: Path, plugin: str = "file") -> set[str]:
    """The participant folders of a download (for the file plugin)."""
    with zipfile.ZipFile(path) as archive:
        return {
            name.split("/")[0]
            for name in archive.namelist()
            if "/" in name and f"_assignsubmission_{plugin}" in name.split("/")[0]
        }


# -- The French class, downloaded as folders --------------------------------------------------------


@pytest.fixture(scope="module")
def french_class(tmp_path_factory) -> dict:
    """``batch devoir-fr.zip --retours-moodle --feuille-moodle --json``, once for the tests."""
    folder = tmp_path_factory.mktemp("moodle-fr")
    sheet = folder / "feuille-fr.csv"
    shutil.copy(MOODLE / "feuille-fr.csv", sheet)
    result = run(
        "batch",
        MOODLE / "devoir-fr.zip",
        "--retours-moodle",
        folder / "retours.zip",
        "--feuille-moodle",
        sheet,
        "--json",
        folder / "classe.jsonl",
        "--csv",
        folder / "classe.csv",
    )
    return {"result": result, "folder": folder, "sheet": sheet}


def test_six_participants_give_six_rows_named_by_participant(french_class) -> None:
    result = french_class["result"]
    assert result.exit_code == 1, result.output
    rows = {
        r["élève"]: r
        for r in csv.DictReader(
            io.StringIO((french_class["folder"] / "classe.csv").read_text("utf-8")), delimiter=";"
        )
    }
    assert set(rows) == {
        "Léa Dupont",
        "Hugo Martin",
        "Jade Petit",
        "Inès Moreau",
        "Jean-Éric Le Gall",
        "Noé Roux",
    }
    assert rows["Léa Dupont"]["verdict"] == "Conforme"
    assert rows["Hugo Martin"]["verdict"] == "Non conforme"
    assert "pas de partie de conclusion" in rows["Hugo Martin"]["remarque"]
    # Four PDFs from one student: the report is the one that looks like a report, the others
    # are its declared annexes, and the row says which is which.
    jade = rows["Jade Petit"]
    assert jade["fichier"] == (
        "Rapport de stage.pdf + annexes : Annexe 1 - datasheet.pdf, article BBC.pdf, "
        "article Wired.pdf"
    )
    assert jade["verdict"] == "Conforme" and jade["annexes EN"] == "3"
    inès = rows["Inès Moreau"]
    assert inès["verdict"] == "Illisible" and "document Word" in inès["remarque"]
    assert rows["Jean-Éric Le Gall"]["fichier"] == "Rapport final.pdf"  # the online text aside
    noe = rows["Noé Roux"]  # an empty submission (an online text with nothing in it)
    assert noe["verdict"] == "Non rendu" and noe["fichier"] == "texte en ligne"
    assert "6 rapports : 2 conformes, 2 non conformes, 1 illisible, 1 non rendu" in result.output


def test_paths_are_named_in_the_zip_never_where_it_was_extracted(french_class) -> None:
    lines = (french_class["folder"] / "classe.jsonl").read_text("utf-8").splitlines()
    paths = [json.loads(line)["file"]["path"] for line in lines]
    assert len(paths) == 6
    assert all(p.startswith("devoir-fr.zip:") for p in paths), paths
    assert "devoir-fr.zip:Jade Petit_100003_assignsubmission_file/Rapport de stage.pdf" in paths
    jade = next(json.loads(line) for line in lines if "Jade" in line)
    assert jade["annexes"][0]["file"] == (
        "devoir-fr.zip:Jade Petit_100003_assignsubmission_file/Annexe 1 - datasheet.pdf"
    )


def test_feedback_zip_has_the_download_folders_and_moodle_takes_it(french_class) -> None:
    data = (french_class["folder"] / "retours.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        folders = {name.split("/")[0] for name in names}
        pages = {name: archive.read(name).decode("utf-8") for name in names}
    # Every participant who handed in a file has their report, in their folder of the download.
    assert folders == download_folders(MOODLE / "devoir-fr.zip")
    ids = {str(n) for n in range(100001, 100008)}
    imported = moodle_feedback_import(data, ids)
    assert imported == {
        i: ["rapportlint.html"] for i in ("100001", "100002", "100003", "100004", "100005")
    }
    lea = pages["Léa Dupont_100001_assignsubmission_file/rapportlint.html"]
    assert "<strong>Conforme</strong>" in lea and "<html" in lea
    assert 'id="classe"' not in lea  # the report alone, without the class dashboard's bar
    assert "/tmp/" not in lea and "rapportlint-moodle-" not in lea


def test_worksheet_copy_differs_only_in_the_feedback_column(french_class) -> None:
    sheet = french_class["sheet"]
    original = (MOODLE / "feuille-fr.csv").read_bytes()
    assert sheet.read_bytes() == original  # never written over
    done = sheet.with_name("feuille-fr.rapportlint.csv").read_bytes()
    assert done.startswith(b"\xef\xbb\xbf")  # the byte order mark Moodle wrote is kept
    before, after = parsed(original, "utf-8", ","), parsed(done, "utf-8", ",")
    assert len(before) == len(after) and before[0] == after[0]
    feedback = before[0].index("Commentaires de feedback")
    for old, new in zip(before[1:], after[1:], strict=True):
        assert old[:feedback] + old[feedback + 1 :] == new[:feedback] + new[feedback + 1 :]
    # Byte for byte outside the feedback cells: quoting, line ends, the online text's lines.
    assert done.count(b"\n") - original.count(b"\n") == 1  # the teacher's comment, then ours
    assert b'\n<p>Cordialement, ""Jean-\xc3\x89ric""</p>",-,"<p>rapportlint : ' in done

    imported = moodle_grade_import(done, "utf-8", ",", "fr")
    assert imported["100001"][0] == "14,50"  # grades untouched
    lea = imported["100001"][2]
    assert lea.startswith("<p>Bon travail, quelques coquilles.</p>\n<p>rapportlint : Conforme")
    assert "Points relevés : pas de partie de conclusion" in imported["100002"][2]
    assert "annexes déclarées : Annexe 1 - datasheet.pdf" in imported["100003"][2]
    assert "c'est un document Word : exportez-le en PDF" in imported["100004"][2]
    assert "aucun fichier dans le travail remis" in imported["100006"][2]
    assert imported["100007"][2] == ""  # not in the download: left as it was
    assert "rapportlint.html" in imported["100002"][2]  # where the details are
    for text in (imported[i][2] for i in ("100002", "100004")):
        assert "RL" not in text and "(+" not in text  # plain words, no rule ids


def test_a_second_run_replaces_its_own_comment(tmp_path, french_class) -> None:
    first = french_class["sheet"].with_name("feuille-fr.rapportlint.csv")
    again = tmp_path / "feuille.csv"
    shutil.copy(first, again)
    result = run("batch", MOODLE / "devoir-fr.zip", "--feuille-moodle", again)
    assert result.exit_code == 1, result.output
    twice = moodle_grade_import(
        again.with_name("feuille.rapportlint.csv").read_bytes(), "utf-8", ",", "fr"
    )
    assert twice["100001"][2].count("rapportlint :") == 1
    assert twice["100001"][2].startswith("<p>Bon travail, quelques coquilles.</p>")


def test_existing_worksheet_copy_is_refused_before_the_run(tmp_path) -> None:
    sheet = tmp_path / "feuille.csv"
    shutil.copy(MOODLE / "feuille-fr.csv", sheet)
    out = tmp_path / "feuille.rapportlint.csv"
    out.write_text("à moi", "utf-8")
    result = run("batch", MOODLE / "devoir-fr.zip", "--feuille-moodle", sheet)
    assert result.exit_code == 2 and "existe déjà" in result.stderr
    assert "Léa Dupont" not in result.output  # refused before anything was checked
    assert out.read_text("utf-8") == "à moi"
    result = run("batch", MOODLE / "devoir-fr.zip", "--feuille-moodle", sheet, "--overwrite")
    assert result.exit_code == 1 and "rapportlint :" in out.read_text("utf-8")


def test_a_worksheet_saved_again_by_a_spreadsheet_keeps_its_encoding_and_separator(
    tmp_path,
) -> None:
    sheet = tmp_path / "feuille.csv"
    shutil.copy(MOODLE / "feuille-fr-excel.csv", sheet)
    result = run("batch", MOODLE / "devoir-fr.zip", "--feuille-moodle", sheet)
    assert result.exit_code == 1, result.output
    original = sheet.read_bytes()
    done = tmp_path.joinpath("feuille.rapportlint.csv").read_bytes()
    assert not done.startswith(b"\xef\xbb\xbf")
    done.decode("cp1252")  # still Windows-1252 (a UTF-8 é would not survive this comparison)
    assert "é".encode("cp1252") in done and "é".encode() not in done
    assert done.count(b"\r\n") == original.count(b"\r\n")
    before, after = parsed(original, "cp1252", ";"), parsed(done, "cp1252", ";")
    feedback = before[0].index("Commentaires de feedback")
    for old, new in zip(before, after, strict=True):
        assert old[:feedback] == new[:feedback]
    imported = moodle_grade_import(done, "cp1252", ";", "fr")
    assert imported["100001"][0] == "14,50"
    assert "rapportlint : Non conforme" in imported["100002"][2]


# -- Other shapes of download ---------------------------------------------------------------------


def test_english_flat_download_and_worksheet(tmp_path) -> None:
    sheet = tmp_path / "worksheet.csv"
    shutil.copy(MOODLE / "worksheet-en.csv", sheet)
    result = run(
        "batch",
        MOODLE / "devoir-en.zip",
        "--lang",
        "en",
        "--retours-moodle",
        tmp_path / "feedback.zip",
        "--feuille-moodle",
        sheet,
    )
    assert result.exit_code == 1, result.output
    assert "3 reports: 1 compliant, 1 not compliant, 1 unreadable" in result.output
    assert "Zoë Van Damme" in result.output
    assert "internship report.pdf + annexes: datasheet.pdf" in result.output
    data = (tmp_path / "feedback.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = sorted(archive.namelist())
    # A flat download gets flat feedback, named with the same prefix as the student's files.
    assert names == [
        "Chloé Martin_200001_assignsubmission_file_rapportlint.html",
        "Sam Taylor_200003_assignsubmission_file_rapportlint.html",
        "Zoë Van Damme_200002_assignsubmission_file_rapportlint.html",
    ]
    assert moodle_feedback_import(data, {"200001", "200002", "200003"}) == {
        i: ["rapportlint.html"] for i in ("200001", "200002", "200003")
    }
    imported = moodle_grade_import(
        tmp_path.joinpath("worksheet.rapportlint.csv").read_bytes(), "utf-8", ",", "en"
    )
    assert imported["200001"][2].startswith("<p>rapportlint: Compliant (0 errors")
    assert "password" in imported["200003"][2]


def test_folders_of_moodle_4_0_end_with_an_underscore(tmp_path) -> None:
    result = run("batch", MOODLE / "devoir-fr-4.0.zip", "--retours-moodle", tmp_path / "r.zip")
    assert result.exit_code == 1, result.output
    with zipfile.ZipFile(tmp_path / "r.zip") as archive:
        folders = {name.split("/")[0] for name in archive.namelist()}
    assert folders == download_folders(MOODLE / "devoir-fr-4.0.zip")
    assert all(folder.endswith("_assignsubmission_file_") for folder in folders)


def test_the_download_unzipped_in_a_folder_reads_the_same(tmp_path) -> None:
    folder = tmp_path / "TRAVAUX"  # as an unzipping tool makes it: a folder of its own
    with zipfile.ZipFile(MOODLE / "devoir-fr.zip") as archive:
        archive.extractall(folder / "BTS CIEL-Rapport de stage-42")
    result = run(
        "batch", folder, "--csv", tmp_path / "c.csv", "--retours-moodle", tmp_path / "r.zip"
    )
    assert result.exit_code == 1, result.output
    rows = list(csv.DictReader(io.StringIO((tmp_path / "c.csv").read_text("utf-8")), delimiter=";"))
    assert len(rows) == 6 and {r["élève"] for r in rows} >= {"Jade Petit", "Noé Roux"}
    with zipfile.ZipFile(tmp_path / "r.zip") as archive:
        assert {n.split("/")[0] for n in archive.namelist()} == download_folders(
            MOODLE / "devoir-fr.zip"
        )


# -- Refusals -------------------------------------------------------------------------------------


def test_a_zip_that_is_no_moodle_download_is_refused(tmp_path) -> None:
    archive = tmp_path / "autre.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("rapport.pdf", fixture_path("conforme-word").read_bytes())
    result = run("batch", archive)
    assert result.exit_code == 2 and "n'est pas un téléchargement de devoir Moodle" in result.stderr


def test_a_download_with_a_path_out_of_its_folder_is_refused(tmp_path) -> None:
    archive = tmp_path / "devoir.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("Léa Dupont_1_assignsubmission_file/rapport.pdf", b"%PDF-1.4")
        handle.writestr("../../evil.pdf", b"%PDF-1.4")
    result = run("batch", archive)
    assert result.exit_code == 2 and "chemin interdit" in result.stderr
    assert not (tmp_path.parent / "evil.pdf").exists()


def test_a_download_cut_short_is_named_as_the_zip(tmp_path) -> None:
    cut = tmp_path / "devoir.zip"
    cut.write_bytes((MOODLE / "devoir-fr.zip").read_bytes()[:-10])
    result = run("batch", cut)
    assert result.exit_code == 2
    assert result.stderr == (
        f"rapportlint: archive illisible : {cut} (ce n'est pas un zip complet)\n"
    )  # the zip, not one of its files


def test_a_download_of_too_many_entries_is_refused(tmp_path) -> None:
    archive = tmp_path / "devoir.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for number in range(moodle.MAX_ENTRIES + 1):
            handle.writestr(f"Élève {number}_{number}_assignsubmission_file/a.pdf", b"")
    result = run("batch", archive)
    assert result.exit_code == 2 and "trop d'entrées dans l'archive (3001 > 3000)" in result.stderr


def test_moodle_options_need_a_moodle_download(tmp_path) -> None:
    folder = tmp_path / "classe"
    folder.mkdir()
    shutil.copy(fixture_path("conforme-word"), folder / "lea.pdf")
    result = run("batch", folder, "--retours-moodle", tmp_path / "r.zip")
    assert result.exit_code == 2 and "téléchargement de devoir Moodle" in result.stderr


def test_a_worksheet_without_feedback_comments_is_refused_with_what_to_do(tmp_path) -> None:
    sheet = tmp_path / "feuille.csv"
    sheet.write_text('\ufeffIdentifiant,"Nom complet",Note\nParticipant1,"A B",\n', "utf-8")
    result = run("batch", MOODLE / "devoir-fr.zip", "--feuille-moodle", sheet)
    assert result.exit_code == 2
    assert "activez les commentaires de feedback" in result.stderr
    assert not tmp_path.joinpath("feuille.rapportlint.csv").exists()


# -- The pieces -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Léa Dupont_100001_assignsubmission_file", ("Léa Dupont", "100001", "file", None)),
        ("Léa Dupont_100001_assignsubmission_file_", ("Léa Dupont", "100001", "file", "")),
        (
            "Jean-Éric Le Gall_7_assignsubmission_file_rapport_v2.pdf",
            ("Jean-Éric Le Gall", "7", "file", "rapport_v2.pdf"),
        ),
        ("Noé Roux_9_assignsubmission_onlinetext", ("Noé Roux", "9", "onlinetext", None)),
        ("rapport_final_v2.pdf", None),
        ("Léa_assignsubmission_file", None),
    ],
)
def test_moodle_names(name, expected) -> None:
    match = moodle.PART.match(name)
    found = match and (match["name"], match["id"], match["plugin"], match["rest"])
    assert found == expected


def test_the_report_is_the_pdf_that_looks_like_one(tmp_path) -> None:
    files = {
        "Annexe - rapport technique.pdf": "annexe-separee-technique",  # one page, says annexe
        "article.pdf": "annexe-separee-presse1",
        "stage.pdf": "rapport-sans-annexes",  # fourteen pages
        "photo.png": None,
    }
    paths = []
    for name, fixture in files.items():
        path = tmp_path / name
        path.write_bytes(fixture_path(fixture).read_bytes() if fixture else b"\x89PNG\r\n")
        paths.append(path)
    choice = moodle.choose(paths)
    assert choice.report.name == "stage.pdf"
    assert {p.name for p in choice.annexes} == {"Annexe - rapport technique.pdf", "article.pdf"}
    assert [p.name for p in choice.ignored] == ["photo.png"]
    word = tmp_path / "rapport.docx"
    shutil.copy(fixture_path("conforme-word").with_name("rapport-word.docx"), word)
    assert moodle.choose([word]).report == word


def test_csv_cells_keep_their_place() -> None:
    text = 'a,"b, c","d ""e""\nf",\r\n1,2,3,4'
    records = moodle.parse_csv(text, ",")
    assert [[c.value for c in r] for r in records] == [
        ["a", "b, c", 'd "e"\nf', ""],
        ["1", "2", "3", "4"],
    ]
    cell = records[0][2]
    assert text[cell.start : cell.end] == '"d ""e""\nf"'
    assert moodle.quote("un, deux", ",") == '"un, deux"' and moodle.quote("x", ";") == "x"
