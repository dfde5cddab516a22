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
    # Packed and judged with the same settings: what the package states is what the jury's
    # check finds (with other settings, the package would be told inconsistent).
    config = tmp_path / "rapportlint.toml"
    config.write_text("max-pages = 5\n", "utf-8")
    packed = CliRunner().invoke(
        main,
        ["pack", str(dossier), "-o", str(tmp_path / "out"), "--force", "--config", str(config)],
    )
    assert packed.exit_code == 1, packed.output
    folder = tmp_path / "classe"
    folder.mkdir()
    shutil.copy(next((tmp_path / "out").glob("*.zip")), folder)
    result, pages = run_jury(folder, tmp_path / "jury.pdf", "--config", config)
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


def _cover_report(folder, name: str, rows: list[str]):
    """A real PDF whose first page is a cover with ``rows`` (title first), then a body page."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=26)
    pdf.set_y(70)
    for number, row in enumerate(rows):
        if number == 1:
            pdf.set_font("Helvetica", size=14)
        pdf.cell(h=12, text=row, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Introduction. Ce rapport présente le stage effectué en entreprise. " * 8)
    folder.mkdir(exist_ok=True)
    pdf.output(str(folder / name))


def test_the_length_shown_is_the_one_rl502_counts(tmp_path) -> None:
    """Monday 24 May to Friday 2 July 2021: the rule counts 6 weeks (a stage ending on a Friday
    runs to the Sunday); 40 calendar days would have shown "5,7 semaines"."""
    folder = tmp_path / "classe"
    cover = ["Rapport de stage", "Camille Martin", "Du lundi 24 mai au vendredi 2 juillet 2021"]
    _cover_report(folder, "camille.pdf", cover)
    table = tmp_path / "jury.csv"
    _result, pages = run_jury(folder, tmp_path / "jury.pdf", "--csv", table)
    (page,) = pages
    assert "du 24/05/2021 au 02/07/2021" in page
    assert "Durée 6 semaines source : page de garde" in page and "5,7" not in page
    (row,) = csv.DictReader(io.StringIO(table.read_text("utf-8")), delimiter=";")
    assert row["semaines"] == "6"


def test_the_company_is_read_from_a_cover_that_names_it_with_its_address(tmp_path) -> None:
    folder = tmp_path / "classe"
    _cover_report(
        folder,
        "camille.pdf",
        [
            "Rapport de stage",
            "Camille Martin",
            "Nom et adresse de l'entreprise : Réseaux Atlantique SAS, 12 rue des Forges, Nantes",
            "Du lundi 24 mai au vendredi 2 juillet 2021",
        ],
    )
    _result, pages = run_jury(folder, tmp_path / "jury.pdf")
    (page,) = pages
    assert "Entreprise Réseaux Atlantique SAS source : page de garde" in page


def _unknown_kind_pdf(path) -> None:
    """An English page with neither the cues of a technical document nor those of the press."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    # A few lines, no story and no device: neither the landmarks nor the vocabulary of a kind.
    text = (
        "Things to remember for the trip\n"
        "Take the blue bag and the map\n"
        "Call the hotel before noon\n"
        "Buy water and fruit for the road\n"
        "Check the sky on Friday morning\n"
        "Leave the keys with the neighbour\n"
        "Bring the green umbrella and the scarf\n"
        "Feed the cat twice a day\n"
    )
    pdf.multi_cell(0, 7, text)
    pdf.output(str(path))


def test_an_annex_of_unknown_kind_says_so_on_the_jury_page_and_in_the_class_remark(
    tmp_path,
) -> None:
    """A Moodle participant's report with three PDFs beside it, one of a kind the tool cannot
    tell: "type non reconnu", never "types ?, ?, ?"."""
    folder = tmp_path / "devoir" / "Jade Petit_100003_assignsubmission_file"
    folder.mkdir(parents=True)
    shutil.copy(fixture_path("rapport-sans-annexes"), folder / "Rapport de stage.pdf")
    shutil.copy(fixture_path("annexe-separee-technique"), folder / "datasheet.pdf")
    shutil.copy(fixture_path("annexe-separee-presse1"), folder / "presse.pdf")
    _unknown_kind_pdf(folder / "notes.pdf")
    _result, pages = run_jury(tmp_path / "devoir", tmp_path / "jury.pdf")
    (page,) = pages
    assert "Jade Petit" in page and "nom : Moodle" in page
    assert "type non reconnu" in page and "?" not in page.split("Points à interroger")[1]
    assert "types technique, presse, type non reconnu pour l'annexe 2" in page
    table = tmp_path / "classe.csv"
    batch = CliRunner().invoke(main, ["batch", str(tmp_path / "devoir"), "--csv", str(table)])
    assert batch.exit_code == 0, batch.output  # RL304 is a warning: a kind is uncertain
    (row,) = csv.DictReader(io.StringIO(table.read_text("utf-8")), delimiter=";")
    assert row["remarque"].startswith("annexes : types technique, presse, type non reconnu")
    assert "?" not in row["remarque"]


def test_english_jury_page_says_kind_not_recognised(tmp_path) -> None:
    folder = tmp_path / "devoir" / "Jade Petit_100003_assignsubmission_file"
    folder.mkdir(parents=True)
    shutil.copy(fixture_path("rapport-sans-annexes"), folder / "report.pdf")
    shutil.copy(fixture_path("annexe-separee-technique"), folder / "datasheet.pdf")
    _unknown_kind_pdf(folder / "notes.pdf")
    _unknown_kind_pdf(folder / "other notes.pdf")
    _result, pages = run_jury(tmp_path / "devoir", tmp_path / "jury.pdf", "--lang", "en")
    (page,) = pages
    assert "kind not recognised for annexes 2 and 3" in page
    assert "?" not in page.split("Points worth a question")[1]
