"""The command line end to end: outputs, exit codes, JSON contract, configuration."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import fixture_path
from rapportlint.cli import main
from rapportlint.render.json_report import schema


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def as_json(result) -> dict:
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema())
    return data


@pytest.mark.parametrize(
    ("name", "code", "verdict"),
    [
        ("conforme-word", 0, "pass"),
        ("sans-entreprise", 1, "fail"),
        ("chiffre", 2, "error"),
        ("tronque", 2, "error"),
        ("vide", 2, "error"),
        ("pas-un-pdf", 2, "error"),
        ("scanne", 1, "fail"),
    ],
)
def test_exit_codes_and_json_validates(name: str, code: int, verdict: str) -> None:
    result = run("check", str(fixture_path(name)), "--format", "json")
    assert result.exit_code == code
    data = as_json(result)
    assert data["verdict"] == verdict
    assert data["schema_version"] == 1


def test_unreadable_file_still_gets_its_json_object() -> None:
    data = as_json(run("check", str(fixture_path("chiffre")), "--format", "json"))
    assert [f["rule"] for f in data["findings"]] == ["RL002"]
    assert data["file"]["sha256"] and data["file"]["pages"] is None


def test_json_contract_fields() -> None:
    data = as_json(run("check", str(fixture_path("conforme-word")), "--format", "json"))
    assert data["file"]["pages"] == 18
    assert data["layout"]["body_pages"] == 14 and data["layout"]["body_pages_from_intro"] == 11
    assert [s["key"] for s in data["sections"]] == ["entreprise", "activites", "conclusion"]
    assert data["summary"] == {"errors": 0, "warnings": 0, "infos": 0}


def test_text_output_in_french_with_page_and_fix() -> None:
    result = run("check", str(fixture_path("trente-et-une-pages")))
    assert result.exit_code == 1
    assert "NON CONFORME" in result.stdout
    assert "erreur RL101 pages-max (page 31)" in result.stdout
    assert "correction : Réduisez le rapport de 1 page :" in result.stdout
    assert (
        "31 pages avant les annexes" in result.stdout
        and "28 depuis l'introduction" in result.stdout
    )


def test_english_output() -> None:
    result = run("check", str(fixture_path("sans-conclusion")), "--lang", "en")
    assert "NOT COMPLIANT" in result.stdout and "fix: End the report" in result.stdout


def test_missing_file_is_one_clear_line() -> None:
    result = run("check", "absent.pdf")
    assert result.exit_code == 2
    assert result.stderr.strip() == "rapportlint: fichier introuvable : absent.pdf"


def test_ignore_and_max_pages_options() -> None:
    path = str(fixture_path("trente-et-une-pages"))
    assert run("check", path, "--ignore", "RL101").exit_code == 0
    assert run("check", path, "--max-pages", "31").exit_code == 0
    assert run("check", path, "--page-count", "from-intro").exit_code == 0
    bad = run("check", path, "--ignore", "RL999")
    assert bad.exit_code == 2 and "règle inconnue" in bad.stderr


def test_config_file_changes_severity_and_limits(tmp_path, monkeypatch) -> None:
    (tmp_path / "rapportlint.toml").write_text(
        'max-pages = 35\n[severity]\nRL206 = "error"\n[limits]\nconclusion-max-pages = 3\n', "utf-8"
    )
    monkeypatch.chdir(tmp_path)  # rapportlint.toml is looked up in the current folder
    result = run("check", str(fixture_path("trente-et-une-pages")), "--format", "json")
    assert result.exit_code == 0
    config = tmp_path / "strict.toml"
    config.write_text('[severity]\nRL206 = "error"\n', "utf-8")
    strict = run(
        "check", str(fixture_path("conclusion-longue")), "--config", str(config), "--format", "json"
    )
    assert strict.exit_code == 1
    severities = {f["rule"]: f["severity"] for f in as_json(strict)["findings"]}
    assert severities["RL206"] == "error"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("max-pages = 'trente'\n", "max-pages doit être un entier"),
        ("maxpages = 30\n", "clé inconnue « maxpages »"),
        ("[severity]\nRL206 = 'fatal'\n", "sévérité « fatal »"),
        ("[limits]\nfoo = 1\n", "limite inconnue « foo »"),
        ("ignore = [\n", "TOML invalide"),
    ],
)
def test_invalid_config_is_a_clear_message_and_exit_2(tmp_path, content: str, message: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(content, "utf-8")
    result = run("check", str(fixture_path("conforme-word")), "--config", str(config))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_output_file_is_written_atomically_and_not_overwritten(tmp_path) -> None:
    target = tmp_path / "out.json"
    first = run("check", str(fixture_path("conforme-word")), "--format", "json", "-o", str(target))
    assert first.exit_code == 0 and json.loads(target.read_text("utf-8"))["verdict"] == "pass"
    target.write_text("précieux", "utf-8")
    again = run("check", str(fixture_path("conforme-word")), "--format", "json", "-o", str(target))
    assert again.exit_code == 2 and "existe déjà" in again.stderr
    assert target.read_text("utf-8") == "précieux"
    forced = run("check", str(fixture_path("conforme-word")), "-o", str(target), "--overwrite")
    assert forced.exit_code == 0 and "CONFORME" in target.read_text("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_output_never_replaces_the_input(tmp_path) -> None:
    report = tmp_path / "rapport.pdf"
    report.write_bytes(fixture_path("conforme-word").read_bytes())
    result = run("check", str(report), "-o", str(report), "--overwrite")
    assert result.exit_code == 2
    assert report.read_bytes() == fixture_path("conforme-word").read_bytes()


def test_rules_command_lists_the_catalogue() -> None:
    result = run("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("RL001  pdf-illisible")
    ids = [line.split()[0] for line in lines]
    assert {"RL003", "RL101", "RL201", "RL207", "RL401", "RL402"} <= set(ids)
    data = json.loads(run("rules", "--format", "json", "--lang", "en").stdout)
    assert {"id", "name", "severity", "summary"} == set(data[0])


def test_module_entry_point_runs_as_a_process() -> None:
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "rapportlint",
            "check",
            str(fixture_path("sans-activites")),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 1
    assert json.loads(process.stdout)["findings"][0]["rule"] == "RL202"
    assert process.stderr == ""


def test_output_never_writes_through_a_symlink(tmp_path) -> None:
    victim = tmp_path / "victime.txt"
    victim.write_text("à garder", "utf-8")
    link = tmp_path / "sortie.json"
    link.symlink_to(victim)
    result = run(
        "check",
        str(fixture_path("conforme-word")),
        "--format",
        "json",
        "-o",
        str(link),
        "--overwrite",
    )
    assert result.exit_code == 2 and "lien symbolique" in result.stderr
    assert victim.read_text("utf-8") == "à garder" and link.is_symlink()


def test_a_folder_given_to_check_points_to_batch(tmp_path) -> None:
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "est un dossier" in result.stderr and "rapportlint batch" in result.stderr


def test_outputs_get_the_usual_file_mode(tmp_path) -> None:
    import os

    target = tmp_path / "sortie.json"
    assert (
        run(
            "check", str(fixture_path("conforme-word")), "--format", "json", "-o", str(target)
        ).exit_code
        == 0
    )
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
