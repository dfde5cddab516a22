"""The jury summary: one A4 page per candidate whose text holds the right facts, said where they
come from; at most five grouped points for the oral; the class CSV in the batch vocabulary."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from conftest import fixture_path
from rapportlint.cli import main
from rapportlint.render.jury_pdf import printable
from test_pack import write_dossier

A4 = (595, 842)  # points, rounded


def run_jury(folder, out, *extra):
    result = CliRunner().invoke(main, ["jury", str(folder), "-o", str(out), *map(str, extra)])
    pages = [page.extract_text() for page in PdfReader(out).pages] if out.exists() else []
    return result, pages


def test_one_page_per_candidate_with_the_facts(tmp_path) -> None:
    folder = tmp_path / "classe"
    folder.mkdir()
    for name, fixture in {
        "lea.pdf": "conforme-word",
        "hugo.pdf": "images-034",
        "zoe.pdf": "chiffre",
    }.items():
        shutil.copy(fixture_path(fixture), folder / name)
    listing = tmp_path / "liste.csv"
    listing.write_text(
        "fichier,nom,prenom\nlea.pdf,Dupont,Léa\nhugo.pdf,Petit,Hugo\nnoe.pdf,Roux,Noé\n", "utf-8"
    )
    out, table = tmp_path / "jury.pdf", tmp_path / "jury.csv"
    result, pages = run_jury(folder, out, "--csv", table, "--eleves", listing)
    assert result.exit_code == 1, result.output
    assert len(pages) == 4  # three files and the listed student who handed in nothing
    for page in PdfReader(out).pages:
        assert tuple(round(v) for v in page.mediabox[2:]) == A4

    lea = next(p for p in pages if "DUPONT Léa" in p)
    assert "nom : liste de classe" in lea and "CONFORME" in lea
    assert "Réseaux Atlantique SAS" in lea and "source : page de garde" in lea
    assert "du 06/01/2027 au 28/02/2027" in lea and "7,7 semaines" in lea
    assert "Tuteur non trouvé" in lea  # said, not a dash
    assert "p. 5-7 · 1. Présentation de l'entreprise" in lea
    assert "p. 14 · 3. Conclusion" in lea and "14-14" not in lea
    assert "document technique" in lea and "article de presse" in lea and "BBC" in lea
    assert "anglais" in lea and " en · " not in lea  # language names, not codes
    assert "aucun : le rapport respecte les règles vérifiées" in lea
    assert "0 erreur, 0 avertissement, 0 info" in lea

    hugo = next(p for p in pages if "PETIT Hugo" in p)
    assert "NON CONFORME" in hugo
    assert "Documents en anglais (images 34 %)" in hugo and "RL305" in hugo
    zoe = next(p for p in pages if "zoe.pdf" in p)
    assert "ILLISIBLE" in zoe and "mot de passe" in zoe
    noe = next(p for p in pages if "ROUX Noé" in p)
    assert "NON RENDU" in noe and "Aucun rapport reçu" in noe

    rows = list(csv.DictReader(io.StringIO(table.read_text("utf-8")), delimiter=";"))
    by_file = {r["fichier"]: r for r in rows}
    assert {r["verdict"] for r in rows} == {"Conforme", "Non conforme", "Illisible", "Non rendu"}
    assert by_file["lea.pdf"]["semaines"] == "7,7" and by_file["lea.pdf"]["conclusion p."] == "14"
    assert by_file["noe.pdf"]["candidat"] == "ROUX Noé"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Œuvre – “test” Nguyễn", "Œuvre – “test” Nguyen"),
        ("con\ufb01guration du pare-feu", "configuration du pare-feu"),  # a ligature glyph
        ("Travaux e\ue000ectués", "Travaux eectués"),  # a glyph the PDF lost: dropped, not "?"
        ("débit ≥ 1 Gbit/s → switch", "débit >= 1 Gbit/s -> switch"),
    ],
)
def test_text_is_printable_with_the_standard_fonts(text, shown) -> None:
    assert printable(text) == shown
    printable(text).encode("windows-1252")


def test_common_typography_never_prints_as_a_question_mark() -> None:
    for char in "’‘“”«»–—…œŒ€•·°\u00a0\u202f\u2009→≤≥ﬁﬂﬀ\ufffd\ue001":
        assert "?" not in printable(char), repr(char)


def test_jury_page_of_a_package_uses_the_dossier_and_the_merged_pages(tmp_path) -> None:
    dossier = write_dossier(tmp_path / "d")
    assert (
        CliRunner().invoke(main, ["pack", str(dossier), "-o", str(tmp_path / "out")]).exit_code == 0
    )
    package = tmp_path / "out" / "MARTIN_Camille_rapport-stage.zip"
    folder = tmp_path / "classe"
    folder.mkdir()
    shutil.copy(package, folder)
    result, pages = run_jury(folder, tmp_path / "jury.pdf")
    assert result.exit_code == 0, result.output
    (page,) = pages
    assert "MARTIN Camille" in page and "nom : dossier" in page
    assert "M. Girard" in page and "source : dossier" in page  # the tutor only the dossier has
    assert "du 04/01/2027 au 26/02/2027" in page and "8 semaines" in page
    # The report has 14 pages: the annexes are pages 15, 16 and 17 of the merged PDF...
    for number in (15, 16, 17):
        assert f"p. {number} du PDF complet" in page
    # ...and page 15 of the merged PDF is indeed the technical document.
    merged = tmp_path / "merged.pdf"
    merged.write_bytes(zipfile.ZipFile(package).read("MARTIN_Camille_rapport-stage.pdf"))
    technical = PdfReader(fixture_path("annexe-separee-technique")).pages[0].extract_text()
    assert PdfReader(merged).pages[14].extract_text() == technical


def test_points_are_few_grouped_and_ordered(tmp_path) -> None:
    """A package with problems everywhere: parts, length, annexes, dossier, forced, and a long
    company presentation (the sixth, left for the compliance report)."""
    dossier = write_dossier(
        tmp_path / "d", report="sans-activites", company="Ouest Telecom", weeks=3, proofs=()
    )
    shutil.copy(fixture_path("annexe-separee-deux-pages"), tmp_path / "d" / "presse2.pdf")
    packed = CliRunner().invoke(
        main, ["pack", str(dossier), "-o", str(tmp_path / "out"), "--force"]
    )
    assert packed.exit_code == 1, packed.output
    folder = tmp_path / "classe"
    folder.mkdir()
    shutil.copy(next((tmp_path / "out").glob("*.zip")), folder)
    result, pages = run_jury(folder, tmp_path / "jury.pdf", "--max-pages", 5)
    assert result.exit_code == 1
    (page,) = pages  # everything fits one page
    questions = page.split("Points à interroger", 1)[1]
    lines = [line for line in questions.splitlines() if line.startswith("•")]
    assert len(lines) == 5
    assert "+ 1 autre point : voir le rapport de conformité" in questions
    order = [
        "Aucune partie sur les activités repérée",  # errors: the report's parts first...
        "Rapport de 8 pages pour 5 au plus",
        "Documents en anglais (annexe 3 de 2 pages",  # ...every annex problem on one line...
        "À vérifier avant l'oral : justificatif de stage absent du dossier, stage de 3 semaines",
        "Paquet créé malgré des erreurs (--force)",  # ...then the warnings
    ]
    positions = [questions.index(text) for text in order]
    assert positions == sorted(positions)
    assert questions.count("Documents en anglais") == 1
    assert "RL501, RL502, RL503" in questions  # the rule ids, in small print


def test_english_jury_page(tmp_path) -> None:
    folder = tmp_path / "classe"
    folder.mkdir()
    shutil.copy(fixture_path("types-incorrects"), folder / "a.pdf")
    result, pages = run_jury(folder, tmp_path / "jury.pdf", "--lang", "en")
    # Two technical documents, both kinds clear: RL304 is an error, the class has one.
    assert result.exit_code == 1 and "1 candidate -> " in result.stdout
    (page,) = pages
    assert "NOT COMPLIANT" in page and "Points worth a question" in page
    assert "technical document" in page and "press article" in page and "English" in page
    assert "kinds technical, technical, press" in page
    for french in ("semaines", "non trouvé", "anglais", "source :", "avant les annexes"):
        assert french not in page


def test_jury_never_writes_over_a_report_of_the_class(tmp_path) -> None:
    folder = tmp_path / "classe"
    folder.mkdir()
    shutil.copy(fixture_path("conforme-word"), folder / "alice.pdf")
    before = (folder / "alice.pdf").read_bytes()
    result = CliRunner().invoke(
        main, ["jury", str(folder), "-o", str(folder / "alice.pdf"), "--overwrite"]
    )
    assert result.exit_code == 2 and "fichier d'entrée" in result.stderr
    assert (folder / "alice.pdf").read_bytes() == before


def test_outputs_in_a_missing_folder_are_refused_before_the_run(tmp_path) -> None:
    folder = tmp_path / "classe"
    folder.mkdir()
    shutil.copy(fixture_path("conforme-word"), folder / "alice.pdf")
    result = CliRunner().invoke(
        main, ["jury", str(folder), "-o", str(tmp_path / "absent" / "jury.pdf")]
    )
    assert result.exit_code == 2 and "n'existe pas" in result.stderr
