"""The adversarial corpus through the real command: a clear French message and the right exit
code for each input, within time and memory bounds, and never a traceback."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import ROOT
from rapportlint.cli import main
from rapportlint.render.json_report import schema

HOSTILE = ROOT / "fixtures" / "hostile"
CORPUS = sorted(HOSTILE.glob("*.pdf"))
# Inputs that cannot be analysed: exit 2 and a one-line reason (RL001, RL002 or RL004).
UNREADABLE = {
    "vide.pdf": "RL001",
    "espaces.pdf": "RL001",
    "octets-aleatoires.pdf": "RL001",
    "image-png.pdf": "RL001",
    "docx-renomme.pdf": "RL001",
    "html-renomme.pdf": "RL001",
    "entete-seul.pdf": "RL001",
    "entete-puis-bruit.pdf": "RL001",
    "sans-racine.pdf": "RL001",
    "arbre-boucle.pdf": "RL001",
    "chiffre-utilisateur.pdf": "RL002",
    "compte-pages-faux.pdf": "RL004",
    "deux-mille-pages.pdf": "RL004",
    "tres-lent.pdf": "RL004",  # 11 s of parsing (6 s on two cores), stopped at its 2 s limit
    **{f"tronque-{n}.pdf": "RL001" for n in (5, 25, 50, 75, 95, 99)},
}
ACTIVE = {"javascript.pdf", "action-lancement.pdf", "fichier-joint.pdf"}
CHECK_TIMEOUT = "5"  # the time limit given to each check of the corpus
# The slow file's own limit, far enough under its parsing time that no machine finishes it
# (at 5 s, a quiet machine once read it whole: a faster loader must not make the test fail).
TIMEOUTS = {"tres-lent.pdf": "2"}
TIME_BOUND = 10.0  # seconds for one input, interpreter start included
MEMORY_BOUND_MB = 1100  # the default memory cap (1024 MB) plus the parent process


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 40


def run_check(path: Path, *options: str) -> tuple[subprocess.CompletedProcess, float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    process = subprocess.run(
        [sys.executable, "-m", "rapportlint", "check", str(path), "--format", "json", *options],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    elapsed = time.monotonic() - started
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return process, elapsed, peak


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_each_input_ends_cleanly(path: Path) -> None:
    process, elapsed, peak = run_check(path, "--timeout", TIMEOUTS.get(path.name, CHECK_TIMEOUT))
    assert "Traceback" not in process.stderr and "Traceback" not in process.stdout
    data = json.loads(process.stdout)
    jsonschema.validate(data, schema())
    expected = UNREADABLE.get(path.name)
    if expected:
        assert process.returncode == 2, process.stderr
        assert [f["rule"] for f in data["findings"]] == [expected]
        assert data["verdict"] == "error"
        assert process.stderr.startswith("rapportlint: ") and process.stderr.count("\n") == 1
        assert "analyse impossible" in process.stderr
    else:
        assert process.returncode in (0, 1), process.stderr
        assert data["verdict"] in ("pass", "fail")
    if path.name in ACTIVE:
        assert "RL601" in {f["rule"] for f in data["findings"]}
    assert elapsed < TIME_BOUND
    assert peak < MEMORY_BOUND_MB


def test_memory_bound_is_a_finding_not_a_killed_process() -> None:
    process, _, _ = run_check(HOSTILE / "bombe-flate.pdf", "--memory", "256")
    assert process.returncode == 2
    data = json.loads(process.stdout)
    assert data["findings"][0]["rule"] == "RL004"
    assert "mémoire dépassée (plus de 256 Mo)" in data["findings"][0]["message"]


def test_size_and_page_bounds_are_settings(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rapportlint.toml").write_text(
        "[limits]\nmax-page-count = 3000\nmax-file-mb = 1\n", "utf-8"
    )
    runner = CliRunner()
    pages = runner.invoke(
        main, ["check", str(HOSTILE / "deux-mille-pages.pdf"), "--format", "json"]
    )
    assert pages.exit_code == 1 and json.loads(pages.stdout)["file"]["pages"] == 2000
    big = tmp_path / "gros.pdf"
    big.write_bytes((HOSTILE / "texte-enorme.pdf").read_bytes() * 5)
    result = runner.invoke(main, ["check", str(big), "--format", "json"])
    assert (
        result.exit_code == 2
        and "fichier trop gros" in json.loads(result.stdout)["findings"][0]["message"]
    )


def test_time_bound() -> None:
    """A check that cannot finish in time ends with RL004 at the limit, not later."""
    started = time.monotonic()
    process, _, _ = run_check(HOSTILE / "tres-lent.pdf", "--timeout", "1")
    assert time.monotonic() - started < 5
    assert process.returncode == 2
    assert (
        "analyse trop longue (plus de 1 s)" in json.loads(process.stdout)["findings"][0]["message"]
    )


def test_batch_over_the_corpus_gives_one_row_each(tmp_path) -> None:
    out = tmp_path / "corpus.jsonl"
    result = CliRunner().invoke(
        main, ["batch", str(HOSTILE), "--jobs", "2", "--timeout", CHECK_TIMEOUT, "--json", str(out)]
    )
    assert result.exit_code == 1
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == len(CORPUS)
    for line in lines:
        jsonschema.validate(json.loads(line), schema())


def test_no_network_and_nothing_run(monkeypatch, tmp_path) -> None:
    """URLs, launch actions and JavaScript are never followed: with sockets and process
    creation forbidden, the checks of those files still complete."""
    import socket
    import subprocess as sp

    def forbidden(*args, **kwargs):
        raise AssertionError("the tool tried to reach the network or run a program")

    monkeypatch.setattr(socket, "socket", forbidden)
    monkeypatch.setattr(socket, "create_connection", forbidden)
    monkeypatch.setattr(sp, "Popen", forbidden)
    from rapportlint.checker import check_report
    from rapportlint.config import Settings
    from rapportlint.render.html import render

    for name in ("lien-url.pdf", "action-lancement.pdf", "javascript.pdf", "fichier-joint.pdf"):
        result = check_report(HOSTILE / name, Settings())
        assert result.verdict in ("pass", "fail")
        assert "<script" not in render(result)


def test_text_from_the_pdf_is_safe_to_print() -> None:
    """Characters beyond the BMP come out whole; terminal escape sequences do not come out."""
    emoji, _, _ = run_check(HOSTILE / "emoji-hors-bmp.pdf")
    assert emoji.returncode in (0, 1) and "erreur interne" not in emoji.stderr
    text = subprocess.run(
        [
            sys.executable,
            "-m",
            "rapportlint",
            "check",
            str(HOSTILE / "sequences-terminal.pdf"),
            "--no-color",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "\x1b" not in text.stdout and "\x07" not in text.stdout
