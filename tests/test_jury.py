"""The jury summary: one page per candidate whose text holds the right facts; the class CSV."""

from __future__ import annotations

import csv
import io
import shutil

from click.testing import CliRunner
from pypdf import PdfReader

from conftest import fixture_path
from rapportlint.cli import main
from rapportlint.render.jury_pdf import latin1


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
    listing.write_text("fichier,nom,prenom\nlea.pdf,Dupont,Léa\nhugo.pdf,Petit,Hugo\n", "utf-8")
    out, table = tmp_path / "jury.pdf", tmp_path / "jury.csv"
    result = CliRunner().invoke(
        main, ["jury", str(folder), "-o", str(out), "--csv", str(table), "--eleves", str(listing)]
    )
    assert result.exit_code == 1, result.output
    pages = [page.extract_text() for page in PdfReader(out).pages]
    assert len(pages) == 3
    lea = next(p for p in pages if "DUPONT Léa" in p)
    assert "Réseaux Atlantique SAS" in lea
    assert "06/01/2027 - 28/02/2027" in lea and "7.7" in lea
    assert "Conforme" in lea and "p. 5-7" in lea
    assert "BBC" in lea and "technique" in lea and "presse" in lea
    hugo = next(p for p in pages if "PETIT Hugo" in p)
    assert "Non conforme" in hugo and "RL305" in hugo  # a point worth a question
    assert "zoe.pdf" in next(p for p in pages if "Illisible" in p)
    rows = list(csv.DictReader(io.StringIO(table.read_text("utf-8")), delimiter=";"))
    assert [r["candidat"] for r in rows] == ["", "DUPONT Léa", "PETIT Hugo"]
    assert rows[1]["semaines"] == "7.7" and rows[1]["entreprise p."] == "5-7"


def test_text_outside_latin1_is_transliterated() -> None:
    assert latin1("Œuvre – “test” Nguyễn") == 'OEuvre - "test" Nguyen'


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
