"""Shared test helpers: the committed fixture PDFs and a cached analysis of each."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from rapportlint.checker import CheckResult, check_report
from rapportlint.config import Settings

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "fixtures" / "pdf"


def fixture_path(name: str) -> Path:
    path = PDF / f"{name}.pdf"
    assert path.exists(), f"missing fixture {path}: run `make fixtures`"
    return path


@cache
def checked(name: str, lang: str = "fr") -> CheckResult:
    """The check of a fixture with default settings (cached: fixtures never change in a run)."""
    return check_report(fixture_path(name), Settings(), lang)


def fired(name: str) -> set[str]:
    return {f.rule for f in checked(name).findings}


@pytest.fixture
def pdf_dir() -> Path:
    return PDF


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch) -> Path:
    """Every test has a cache folder of its own (``batch`` and ``jury`` keep their results in
    $XDG_CACHE_HOME/rapportlint): no test reads what another left, nor the user's own cache.
    Commands run as subprocesses inherit the variable."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder / "rapportlint"
