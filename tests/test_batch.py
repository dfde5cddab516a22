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
