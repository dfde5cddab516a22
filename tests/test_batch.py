"""The teacher's class run: one row per file whatever happens, exit codes, CSV/JSON, dashboard."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import browser
from conftest import ROOT, fixture_path
from rapportlint import batch as runner
from rapportlint.cli import main
from rapportlint.config import Settings
from rapportlint.render.json_report import schema

CLASS = {
    "dupont.pdf": "conforme-word",
    "martin.PDF": "sans-entreprise",
    "durand.pdf": "tronque",
    "leroy.pdf": "chiffre",
    "groupe-b/petit.pdf": "images-034",
    "groupe-b/moreau.pdf": "scanne",
}


@pytest.fixture
def classe(tmp_path):
    folder = tmp_path / "classe"
    for name, fixture in CLASS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(fixture_path(fixture), folder / name)
    (folder / "notes.txt").write_text("pas un rapport", "utf-8")
    (folder / ".cache").mkdir()
    shutil.copy(fixture_path("conforme-word"), folder / ".cache" / "cache.pdf")
    return folder


def invoke(*args):
    return CliRunner().invoke(main, ["batch", *map(str, args)])


def test_one_row_per_file_sorted_by_problems(classe, tmp_path) -> None:
    out = tmp_path / "classe.csv"
    jsonl = tmp_path / "classe.jsonl"
    result = invoke(classe, "--jobs", 2, "--csv", out, "--json", jsonl)
    assert result.exit_code == 1
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8")), delimiter=";"))
    assert rows[0][:3] == ["élève", "fichier", "verdict"]
    assert len(rows) == 1 + len(CLASS)
    assert [r[1] for r in rows[1:3]] == ["durand.pdf", "leroy.pdf"]  # unreadable first
    assert rows[-1][1:3] == ["dupont.pdf", "Conforme"]
    assert {r[1] for r in rows[1:]} == set(CLASS)  # hidden folders and other files left out
    objects = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]
    assert len(objects) == len(CLASS)
    for data in objects:
        jsonschema.validate(data, schema())


def test_all_compliant_exit_0_and_no_pdf_exit_2(tmp_path) -> None:
    folder = tmp_path / "ok"
    folder.mkdir()
    shutil.copy(fixture_path("conforme-word"), folder / "a.pdf")
    assert invoke(folder).exit_code == 0
    empty = tmp_path / "vide"
    empty.mkdir()
    result = invoke(empty)
    assert result.exit_code == 2 and "aucun PDF" in result.stderr
    assert invoke(tmp_path / "absent").exit_code == 2


def test_class_list_names_the_students(classe, tmp_path) -> None:
    listing = tmp_path / "liste.csv"
    listing.write_text(
        "Fichier;Nom;Prénom\ndupont.pdf;Dupont;Léa\nmartin.pdf;Martin;Hugo\n", "utf-8"
    )
    result = invoke(classe, "--eleves", listing)
    assert "DUPONT Léa" in result.stdout and "MARTIN Hugo" in result.stdout
    bad = tmp_path / "mauvaise.csv"
    bad.write_text("a,b\n1,2\n", "utf-8")
    assert invoke(classe, "--eleves", bad).exit_code == 2


def test_time_limit_and_crash_become_rows(classe, monkeypatch) -> None:
    def slow(path, settings, lang, html_dir, student=None):
        if path.endswith("dupont.pdf"):
            time.sleep(30)
        if path.endswith("martin.PDF"):
            os._exit(3)
        return {"result": None, "failure": None}

    monkeypatch.setattr(runner, "_check_one", slow)
    started = time.monotonic()
    rows = runner.run(runner.find_inputs(classe), classe, Settings(), "fr", jobs=2, timeout=1.0)
    assert time.monotonic() - started < 10
    failures = {row.relative: row.failure for row in rows}
    assert failures["dupont.pdf"] == "timeout"
    assert failures["martin.PDF"] == "crash"
    assert len(rows) == len(CLASS)


def test_progress_bar_is_absent_when_piped(classe) -> None:
    process = subprocess.run(
        [sys.executable, "-m", "rapportlint", "batch", str(classe)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert process.returncode == 1
    assert process.stderr == ""
    assert "durand.pdf" in process.stdout


def test_outputs_are_not_overwritten(classe, tmp_path) -> None:
    out = tmp_path / "classe.csv"
    out.write_text("à garder", "utf-8")
    result = invoke(classe, "--csv", out)
    assert result.exit_code == 2 and out.read_text("utf-8") == "à garder"


def test_dashboard_sorts_in_a_real_browser(classe, tmp_path) -> None:
    site = tmp_path / "site"
    assert invoke(classe, "--html", site).exit_code == 1
    index = site / "index.html"
    reports = sorted(p.name for p in site.glob("*.html") if p.name != "index.html")
    assert len(reports) == len(CLASS)
    loaded = browser.load(index, "#tri=1")  # by file name, ascending
    assert loaded.console == []
    names = [line.split(">")[1].split("<")[0] for line in loaded.dom.split('<a href="')[1:]]
    assert names == sorted(names, key=str.lower)
    descending = browser.load(index, "#tri=-3")  # by errors, descending
    errors = [
        int(v)
        for v in __import__("re").findall(
            r'<td class="num" data-value="(\d+)">\d+</td>\s*<td class="num" data-value="\d+">',
            descending.dom,
        )
    ]
    assert errors == sorted(errors, reverse=True) and len(errors) == len(CLASS)


VERDICT_WORDS = {"Conforme", "Non conforme", "Illisible", "Non rendu"}


def test_class_list_gives_not_submitted_and_unlisted_rows(classe, tmp_path) -> None:
    listing = tmp_path / "liste.csv"
    listing.write_text(
        "fichier;nom;prénom\ndupont.pdf;Dupont;Léa\nmartin.pdf;Martin;Hugo\nabsent.pdf;Roux;Noé\n",
        "utf-8",
    )
    out, jsonl = tmp_path / "classe.csv", tmp_path / "classe.jsonl"
    result = invoke(classe, "--eleves", listing, "--csv", out, "--json", jsonl)
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first == "7 rapports : 1 conforme, 3 non conformes, 2 illisibles, 1 non rendu"
    rows = {
        r["fichier"]: r for r in csv.DictReader(io.StringIO(out.read_text("utf-8")), delimiter=";")
    }
    assert (
        rows["absent.pdf"]["élève"] == "ROUX Noé" and rows["absent.pdf"]["verdict"] == "Non rendu"
    )
    assert rows["absent.pdf"]["erreurs"] == "" and rows["absent.pdf"]["pages"] == ""
    assert rows["martin.PDF"]["élève"] == "MARTIN Hugo"  # matched whatever the case
    assert rows["leroy.pdf"]["élève"] == "(absent de la liste)"
    assert {r["verdict"] for r in rows.values()} <= VERDICT_WORDS
    lines = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]
    missing = [line for line in lines if line["verdict"] == "missing"]
    assert missing == [
        {
            "schema_version": 1,
            "student": "ROUX Noé",
            "file": {"path": str(classe / "absent.pdf"), "sha256": None, "pages": None},
            "verdict": "missing",
        }
    ]
    for line in lines:
        if line["verdict"] != "missing":
            jsonschema.validate(line, schema())


def test_the_remark_says_the_main_problem_in_words(classe, tmp_path) -> None:
    out = tmp_path / "classe.csv"
    assert invoke(classe, "--csv", out).exit_code == 1
    rows = {
        r["fichier"]: r for r in csv.DictReader(io.StringIO(out.read_text("utf-8")), delimiter=";")
    }
    assert rows["martin.PDF"]["remarque"].startswith(
        "pas de partie de présentation de l'entreprise"
    )
    assert rows["leroy.pdf"]["remarque"] == "illisible : un PDF protégé par mot de passe"
    assert rows["groupe-b/petit.pdf"]["remarque"] == "annexes : images 34 %"
    assert rows["dupont.pdf"]["remarque"] == ""
    assert rows["leroy.pdf"]["parties"] == "" and rows["leroy.pdf"]["pages"] == ""
    legend = invoke(classe).stdout.splitlines()[-1]
    assert legend == "parties : E entreprise, A activités, C conclusion, - partie absente"


def test_a_word_file_handed_in_is_a_row_that_says_so(tmp_path) -> None:
    folder = tmp_path / "classe"
    folder.mkdir()
    shutil.copy(ROOT / "fixtures" / "pdf" / "rapport-word.docx", folder / "leroy.docx")
    out = tmp_path / "classe.csv"
    assert invoke(folder, "--csv", out).exit_code == 1
    (row,) = csv.DictReader(io.StringIO(out.read_text("utf-8")), delimiter=";")
    assert row["verdict"] == "Illisible"
    assert row["remarque"] == "illisible : c'est un document Word : exportez-le en PDF"


@pytest.mark.parametrize("option", ["--csv", "--json"])
def test_unwritable_outputs_stop_before_any_report_is_read(
    classe, tmp_path, monkeypatch, option
) -> None:
    def never(*args, **kwargs):
        raise AssertionError("a report was read before the outputs were checked")

    monkeypatch.setattr(runner, "run", never)
    folder_as_target = tmp_path / "un-dossier"
    folder_as_target.mkdir()
    result = invoke(classe, option, folder_as_target)
    assert result.exit_code == 2 and "est un dossier" in result.stderr
    a_file = tmp_path / "fichier.txt"
    a_file.write_text("x", "utf-8")
    result = invoke(classe, option, a_file / "sortie")
    assert result.exit_code == 2 and "n'est pas un dossier" in result.stderr
    if Path("/proc/version").exists():  # no file can be created there, not even by root
        result = invoke(classe, option, "/proc/rapportlint-sortie")
        assert result.exit_code == 2 and "écriture impossible dans /proc" in result.stderr
        assert "Errno" not in result.stderr


def test_unwritable_dashboard_folder_stops_at_once(classe, monkeypatch) -> None:
    monkeypatch.setattr(runner, "run", lambda *a, **k: pytest.fail("a report was read"))
    if not Path("/proc/version").exists():
        pytest.skip("needs /proc, where no folder can be created")
    result = invoke(classe, "--html", "/proc/rapportlint-tableau")
    assert (
        result.exit_code == 2
        and "dossier /proc/rapportlint-tableau impossible à créer" in result.stderr
    )
    assert "Errno" not in result.stderr


def test_dashboard_totals_legend_and_student_pages(classe, tmp_path) -> None:
    listing = tmp_path / "liste.csv"
    listing.write_text("fichier;nom;prénom\ndupont.pdf;Dupont;Léa\nabsent.pdf;Roux;Noé\n", "utf-8")
    site = tmp_path / "site"
    assert invoke(classe, "--html", site, "--eleves", listing).exit_code == 1
    index = (site / "index.html").read_text("utf-8")
    totals = index.split('id="totaux"', 1)[1].split("</section>", 1)[0]
    for number, word in (
        ("1", "conforme"),
        ("3", "non conformes"),
        ("2", "illisibles"),
        ("1", "non rendu"),
    ):
        assert f"<strong>{number}</strong>{word}</div>" in totals
    assert "E entreprise, A activités, C conclusion, - partie absente" in index
    assert "Non rendu" in index and "(absent de la liste)" in index
    page = next(p for p in site.glob("dupont-*.html"))
    text = page.read_text("utf-8")
    assert '<a href="index.html">← Tableau de la classe</a>' in text
    assert "DUPONT Léa" in text and f'href="{page.name}"' in index


def test_english_class_table(classe) -> None:
    result = invoke(classe, "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines[0] == "6 reports: 1 compliant, 3 not compliant, 2 unreadable, 0 not submitted"
    assert "Not compliant" in result.stdout and "Non conforme" not in result.stdout
    assert lines[-1] == "parts: E company, A activities, C conclusion, - missing part"
