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
