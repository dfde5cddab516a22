"""How the code is put together: the rule catalogue is an explicit list, each command imports
what it runs and nothing more. (The import layers themselves are checked by ``make lint``.)"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from conftest import fixture_path
from rapportlint.rules import annexes, base, catalogue, dossier, inputs, report
from rapportlint.rules.registry import RULES, all_rules


def test_the_catalogue_lists_every_rule_once_from_its_module() -> None:
    listed = [rule_id for _module, ids in catalogue.CATALOGUE for rule_id in ids]
    assert len(listed) == len(set(listed)) == len(RULES) == len(base.DEFINED)
    assert [rule.id for rule in all_rules()] == sorted(listed)
    assert catalogue.rule_ids() == set(RULES)
    modules = {inputs, report, annexes, dossier}
    assert {name for name, _ in catalogue.CATALOGUE} == {m.__name__ for m in modules}
    for name, ids in catalogue.CATALOGUE:
        for rule_id in ids:
            check = RULES[rule_id].check
            assert check is None or check.__module__ == name


def test_a_rule_left_out_of_the_catalogue_stops_the_tool(monkeypatch) -> None:
    extra = replace(base.DEFINED["RL206"], id="RL999", name="oubliee")
    monkeypatch.setitem(base.DEFINED, "RL999", extra)
    with pytest.raises(LookupError, match="RL999"):
        catalogue.rules()


def test_a_rule_listed_under_the_wrong_module_stops_the_tool(monkeypatch) -> None:
    wrong = ((inputs.__name__, ("RL001", "RL002", "RL004", "RL601", "RL003", "RL101")),)
    rest = tuple(
        (module, tuple(i for i in ids if i != "RL101")) for module, ids in catalogue.CATALOGUE[1:]
    )
    monkeypatch.setattr(catalogue, "CATALOGUE", wrong + rest)
    with pytest.raises(LookupError, match="RL101"):
        catalogue.rules()


def test_the_command_table_names_every_command() -> None:
    from rapportlint.cli import catalogue as rules_command  # noqa: F401
    from rapportlint.cli import check, classe, pages, serve, submission  # noqa: F401
    from rapportlint.cli.app import COMMANDS, main

    assert set(main.commands) == set(COMMANDS)
    for name, module in COMMANDS.items():
        assert main.commands[name].callback.__module__ == module


RUN_AND_LIST = """
import atexit, sys
listing = sys.argv.pop(1)
def listed():
    with open(listing, "w") as out:
        out.write("\\n".join(sorted(sys.modules)))
atexit.register(listed)
sys.argv[0] = "rapportlint"
from rapportlint.cli import main  # not run(): it ends without the atexit handlers
main()
"""


def imported_by(tmp_path, *args: str) -> set[str]:
    """The modules a fresh ``rapportlint ARGS`` imports: those the command's process holds at
    its end, and every import statement run in it or in its forked check (-X importtime reports
    them on stderr, the child's too)."""
    listing = tmp_path / "modules.txt"
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", RUN_AND_LIST, str(listing), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    timed = {
        line.rsplit("|", 1)[1].strip()
        for line in out.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return timed | set(listing.read_text("utf-8").split())


HEAVY = ("jinja2", "fpdf", "pypdf", "starlette", "uvicorn", "PIL")


def test_the_command_line_imports_only_the_command_it_runs(tmp_path) -> None:
    loaded = imported_by(tmp_path, "--version")
    assert "click" in loaded
    assert not {m for m in loaded if m.startswith(("rapportlint.analysis", "rapportlint.render"))}
    assert not {m for m in loaded if m.split(".")[0] in (*HEAVY, "pypdfium2_raw", "langdetect")}


def test_a_json_check_loads_no_html_pdf_writing_server_or_package_code(tmp_path) -> None:
    report = str(fixture_path("conforme-word"))
    loaded = imported_by(tmp_path, "check", report, "--format", "json")
    assert {"rapportlint.analysis.report", "rapportlint.render.roles"} <= loaded  # JSON renderer
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}
    assert not {m for m in loaded if m.startswith(("rapportlint.package", "rapportlint.serve"))}
    assert not {"rapportlint.render.html", "rapportlint.jury", "rapportlint.batch"} & loaded
    out = str(tmp_path / "rapport.html")
    html = imported_by(tmp_path, "check", report, "--format", "html", "-o", out)
    assert "jinja2" in html and "rapportlint.render.thumbnails" in html  # the HTML renderer
