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


def test_too_long_report_is_told_its_blank_pages_first() -> None:
    """33 pages, four of them blank (a chapter opening on a right-hand page), no company
    part: the fix names the blank pages to delete, and no company presentation to tighten;
    a report that presents its company keeps that advice."""
    result = run("check", str(fixture_path("trop-long-avec-pages-blanches")))
    assert (
        "correction : Réduisez le rapport de 3 pages : supprimez les 4 pages blanches "
        "(p. 5, 12, 19, 26), retirez les captures d'écran" in result.stdout
    )
    english = run("check", "--lang", "en", str(fixture_path("trop-long-avec-pages-blanches")))
    assert "delete the 4 blank pages (p. 5, 12, 19, 26), remove screenshots" in english.stdout
    other = run("check", str(fixture_path("trente-et-une-pages")))
    assert "1 page : resserrez la présentation de l'entreprise, retirez" in other.stdout


def test_annexes_starting_below_the_conclusion_say_so() -> None:
    """ "Annexes" set below the conclusion, on its page: the page ends the body and opens the
    annex part; the summary says the annexes start in its lower part, not "10 pages before
    the annexes" and "annexes from page 10" side by side."""
    path = str(fixture_path("annexes-sous-la-conclusion"))
    assert "annexes à partir du bas de la page 10" in run("check", path).stdout
    english = run("check", path, "--lang", "en").stdout
    assert "annexes from the lower part of page 10" in english
    assert (
        "annexes à partir de la page 15" in run("check", str(fixture_path("conforme-word"))).stdout
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


def test_counts_agree_and_the_annex_table_is_aligned() -> None:
    result = run("check", str(fixture_path("exemple-rapport")))
    assert "CONFORME (0 erreur, 1 avertissement, 0 info)" in result.stdout
    assert "conclusion p. 14-16" in result.stdout
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.strip().startswith("n°"))
    rows = lines[header + 1 : header + 4]
    for word in ("pages", "langue", "type", "titre"):
        column = lines[header].index(word)
        for row in rows:
            assert row[column - 1] == " " and row[column] != " ", (word, row)
    assert "  1   p. 18  anglais  document technique" in lines[header + 1]


def test_one_page_parts_and_language_names() -> None:
    result = run("check", str(fixture_path("conforme-word")))
    assert "conclusion p. 14\n" in result.stdout and "14-14" not in result.stdout
    english = run("check", str(fixture_path("types-incorrects")), "--lang", "en")
    # Every kind is clear (declared or strong cues): RL304 is an error.
    assert "NOT COMPLIANT (1 error, 0 warnings, 0 infos)" in english.stdout
    assert (
        "Kinds of the English annexes — annex 1: technical document; annex 2: technical "
        "document; annex 3: press article." in english.stdout
    )
    table = english.stdout.split("Annexed documents:", 1)[1]
    first = table.splitlines()[2]
    assert first.split()[:5] == ["1", "p.", "16", "English", "technical"] and "0%" in first
    assert "technique  " not in table and " en  " not in table


def test_rl304_message_names_each_annex() -> None:
    result = run("check", str(fixture_path("types-incorrects")))
    assert (
        "Types des annexes en anglais — annexe 1 : document technique ; annexe 2 : document "
        "technique ; annexe 3 : article de presse. Attendu : 1 document technique et 2 articles "
        "de presse." in result.stdout
    )


def test_click_speaks_french_unless_asked_for_english() -> None:
    unknown = run("check", "--nope")
    assert unknown.exit_code == 2
    assert (
        unknown.stderr.startswith("Utilisation : ") and "check [OPTIONS] RAPPORT" in unknown.stderr
    )
    assert "Erreur : Option inconnue : --nope." in unknown.stderr
    assert "Error" not in unknown.stderr and "Usage" not in unknown.stderr
    missing = run("check")
    assert missing.exit_code == 2 and "Erreur : Argument manquant 'RAPPORT'." in missing.stderr
    choice = run("check", "x.pdf", "--format", "xml")
    assert choice.exit_code == 2 and "« xml » n'est pas une des valeurs possibles" in choice.stderr
    helped = run("batch", "--help")
    assert helped.exit_code == 0
    assert "Utilisation : " in helped.stdout and "batch [OPTIONS] DOSSIER" in helped.stdout
    assert "Affiche cette aide et quitte." in helped.stdout and "[défaut : fr]" in helped.stdout
    assert "Show this message" not in helped.stdout
    english = run("check", "--lang", "en", "--nope")
    assert english.exit_code == 2 and "Error: No such option '--nope'" in english.stderr
    assert run("check", "--lang=en").stderr.count("Missing argument 'REPORT'") == 1


def test_every_translated_click_text_still_exists_in_click() -> None:
    """A click upgrade that rewords a text would leave it in English: this says which."""
    import ast
    from pathlib import Path

    import click

    from rapportlint.cli import translation

    strings = set()
    for source in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
    wanted = set(translation.FRENCH) | {t for pair in translation.FRENCH_PLURALS for t in pair}
    assert wanted - strings == set()


def test_a_word_file_is_told_to_be_exported(tmp_path) -> None:
    word = fixture_path("conforme-word").parent / "rapport-word.docx"
    for path in (word, tmp_path / "renomme.pdf"):
        if path.suffix == ".pdf":
            path.write_bytes(word.read_bytes())
        result = run("check", str(path))
        assert result.exit_code == 2
        assert "c'est un document Word : exportez-le en PDF" in result.stdout
        assert "c'est un document Word : exportez-le en PDF" in result.stderr
        assert "renommé" not in result.output
    data = as_json(run("check", str(word), "--format", "json", "--lang", "en"))
    assert data["findings"][0]["found"] == "this is a Word document: export it to PDF"


def test_annex_kind_and_missing_annex_are_said_in_words() -> None:
    report = str(fixture_path("rapport-sans-annexes"))
    unknown = run("check", report, "--annexe", "article:x.pdf")
    assert unknown.exit_code == 2
    assert unknown.stderr.strip() == (
        "rapportlint: type d'annexe « article » inconnu (types possibles : technique, presse)"
    )
    missing = run("check", report, "--annexe", "presse:absent.pdf")
    assert (
        missing.stderr.strip() == "rapportlint: annexe illisible : absent.pdf (fichier introuvable)"
    )
    english = run("check", report, "--annexe", "presse:absent.pdf", "--lang", "en")
    assert english.stderr.strip() == "rapportlint: unreadable annex: absent.pdf (file not found)"


def test_no_python_error_text_in_messages(tmp_path) -> None:
    folder_config = tmp_path / "config.toml"
    folder_config.mkdir()
    unreadable_list = tmp_path / "liste.csv"
    unreadable_list.mkdir()
    classe = tmp_path / "classe"
    classe.mkdir()
    (classe / "a.pdf").write_bytes(fixture_path("conforme-word").read_bytes())
    outputs = [
        run("check", str(fixture_path("conforme-word")), "-o", str(tmp_path / "x" / "o.json")),
        run("batch", str(classe), "--eleves", str(unreadable_list)),
        run("pack", str(tmp_path), "-o", str(tmp_path / "out")),
        run("check", str(fixture_path("rapport-sans-annexes")), "--annexe", "presse:absent.pdf"),
    ]
    for result in outputs:
        assert result.exit_code == 2, result.output
        for python in ("Errno", "(missing)", "Error:", "Traceback", "not-pdf"):
            assert python not in result.output, (python, result.output)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "--nope"], "Erreur : Option inconnue : --nope."),
        (["check", "--nope", "--lang", "en"], "Error: No such option '--nope'."),
    ],
)
def test_click_language_in_a_real_process(args, expected) -> None:
    """The console entry point reads the language from sys.argv before click parses it."""
    process = subprocess.run(
        [sys.executable, "-m", "rapportlint", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 2 and expected in process.stderr


def test_lang_before_the_command_as_well_as_after() -> None:
    report = str(fixture_path("images-034"))
    before = run("--lang", "en", "check", report)
    after = run("check", report, "--lang", "en")
    assert before.exit_code == after.exit_code == 1
    assert before.stdout == after.stdout and "NOT COMPLIANT" in before.stdout
    assert run("--lang=en", "rules").stdout.startswith("RL001  pdf-illisible        error    The")
    # The last one given wins, for the messages and for click's own words alike.
    back = run("--lang", "en", "check", report, "--lang", "fr")
    assert "NON CONFORME" in back.stdout
    assert "Erreur : Option inconnue" in run("--lang", "en", "check", "--lang", "fr", "--x").stderr
    assert "No such option" in run("--lang", "en", "check", "--x").stderr


def test_lang_before_the_command_in_a_real_process() -> None:
    process = subprocess.run(
        [sys.executable, "-m", "rapportlint", "--lang", "en", "check", "absent.pdf"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 2 and process.stderr == "rapportlint: file not found: absent.pdf\n"


def _commands():
    from rapportlint.cli import main as group

    return sorted(group.commands)


def test_every_help_text_has_its_english() -> None:
    """A new option without its English would show French in `--lang en --help`: this says
    which (the table of rapportlint.cli.help_texts)."""
    from rapportlint.cli import help_texts
    from rapportlint.cli import main as group

    missing = [
        (getattr(item, "name", ""), attribute, value)
        for command in [group, *group.commands.values()]
        for item, attribute in help_texts.texts_of(command)
        if (value := getattr(item, f"_rapportlint_fr_{attribute}", getattr(item, attribute)))
        and help_texts.key(value) not in help_texts.ENGLISH
        and value not in help_texts.SAME
    ]
    assert missing == []


@pytest.mark.parametrize("command", ["", *_commands()])
def test_help_in_english_with_lang_en(command: str) -> None:
    args = [command] if command else []
    english = run("--lang", "en", *args, "--help")
    after = run(*args, "--help", "--lang", "en") if command else english
    french = run(*args, "--help")
    assert english.exit_code == after.exit_code == french.exit_code == 0
    assert english.stdout.startswith("Usage: ") and french.stdout.startswith("Utilisation : ")
    for accented in "éèàùçêô«":
        assert accented not in english.stdout, (command, accented, english.stdout)
        assert accented not in after.stdout, (command, accented, after.stdout)
    assert any(accented in french.stdout for accented in "éèàç")  # French came back


def test_english_messages_read_as_english() -> None:
    pictures = run("check", str(fixture_path("images-034")), "--lang", "en").stdout
    assert "Pictures cover 34% of the page (page 17); at most 33% is allowed." in pictures
    long = run("check", str(fixture_path("trente-et-une-pages")), "--lang", "en").stdout
    assert "The report has 31 pages (every page before the annexes), more than the 30 allowed;" in (
        long
    )
    conclusion = run("check", str(fixture_path("conclusion-longue")), "--lang", "en").stdout
    assert "what you take away from the internship" in conclusion
    for french_order in ("for at most", "pages for 30", "what you retain"):
        assert french_order not in pictures + long + conclusion


def test_class_remark_in_english_word_order(tmp_path) -> None:
    folder = tmp_path / "classe"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(fixture_path("trente-et-une-pages").read_bytes())
    result = run("batch", str(folder), "--lang", "en")
    assert "too long: 31 pages where 30 are allowed" in result.stdout
    assert "pages for" not in result.stdout
