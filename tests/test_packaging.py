"""The wheel carries the templates and the JSON Schema; the committed fixtures are up to date."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, fixture_path
from rapportlint.model import load_document


def test_wheel_ships_templates_and_schema(tmp_path) -> None:
    pytest.importorskip("hatchling")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("rapportlint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "rapportlint/templates/check.txt.j2" in names
    for name in ("serve.html.j2", "serve.js", "report.css.j2"):  # the page of rapportlint serve
        assert f"rapportlint/templates/{name}" in names
    assert "rapportlint/schemas/report-v1.schema.json" in names
    assert not any(name.startswith(("tests/", "fixtures/")) for name in names)


def _signature(data_or_path) -> list[tuple]:
    """What the analyses see of a PDF: per page its size, text and picture boxes (rounded)."""
    document = load_document(data_or_path)
    return [
        (
            round(p.width),
            round(p.height),
            p.rotation,
            tuple(line.text for line in p.lines),
            tuple((round(b.x0), round(b.top), round(b.x1), round(b.bottom)) for b in p.pictures),
        )
        for p in document.pages
    ]


@pytest.mark.parametrize(
    "name", ["conforme-word", "canva-titres-coupes", "images-034", "annexes-sans-annonce"]
)
def test_committed_fixtures_match_the_generator(tmp_path, name: str) -> None:
    """Regenerating gives the same pages, text and pictures as the committed file."""
    pytest.importorskip("fpdf")
    from fixtures import annex_reports, canva, reports
    from fixtures.producers import fpdf_report

    if name == "canva-titres-coupes":
        data = canva.render()
    elif name in reports.all_reports():
        data = fpdf_report.render(reports.all_reports()[name])
    else:
        data = annex_reports.all_annex_reports()[name]()
    fresh = tmp_path / f"{name}.pdf"
    fresh.write_bytes(data)
    assert _signature(fresh) == _signature(fixture_path(name))
