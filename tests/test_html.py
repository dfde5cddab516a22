"""The HTML and Markdown reports: content, escaping, and a real browser loading them."""

from __future__ import annotations

import re

from click.testing import CliRunner

import browser
from conftest import fixture_path
from rapportlint.cli import main


def make_html(tmp_path, name: str, *extra: str):
    target = tmp_path / f"{name}.html"
    result = CliRunner().invoke(
        main, ["check", str(fixture_path(name)), "--format", "html", "-o", str(target), *extra]
    )
    assert result.exit_code in (0, 1), result.output
    return target


def test_html_report_is_self_contained_and_complete(tmp_path) -> None:
    html = make_html(tmp_path, "images-034").read_text("utf-8")
    assert "Non conforme" in html and "RL305" in html
    assert not re.search(r"""(?:src|href)=["'](?:https?:|//)""", html)  # no external asset
    thumbnails = re.findall(r'<div class="thumb part-(\w+)"', html)
    assert len(thumbnails) == 18  # one per page, coloured by part
    assert (
        thumbnails[4] == "entreprise"
        and thumbnails[7] == "activites"
        and thumbnails[16] == "annexes"
    )
    assert html.count('class="box"') == 1  # the picture box drawn on annex page 17
    assert "34 %" in html


def test_html_in_english(tmp_path) -> None:
    html = make_html(tmp_path, "sans-conclusion", "--lang", "en").read_text("utf-8")
    assert "Not compliant" in html and '<html lang="en">' in html


def test_strings_from_the_pdf_are_escaped(tmp_path) -> None:
    html = make_html(tmp_path, "titre-hostile").read_text("utf-8")
    assert "<script" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;titre&#34;)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#34;missions&#34;)&lt;/script&gt;" in html


def test_markdown_report_escapes_pdf_text() -> None:
    result = CliRunner().invoke(
        main, ["check", str(fixture_path("titre-hostile")), "--format", "markdown"]
    )
    assert result.exit_code == 0
    assert "# Vérification du rapport de stage : Conforme" in result.stdout
    assert r"\<script\>" in result.stdout and "<script>" not in result.stdout
    assert "| activités | p. 8-13 |" in result.stdout


def test_html_report_in_a_real_browser(tmp_path) -> None:
    page = make_html(tmp_path, "titre-hostile")
    loaded = browser.load(page)
    assert loaded.console == []  # no error, no warning, nothing run from the PDF
    assert loaded.dom.count("<img") == 18 + 3  # every page thumbnail and the three annex pages
    assert "<script" not in loaded.dom
    assert "data:image/png;base64," in loaded.dom


def test_thumbnails_say_each_page_role(tmp_path) -> None:
    html = make_html(tmp_path, "annexes-intercalaires").read_text("utf-8")
    roles = re.findall(r'<span class="role">([^<]+)</span>', html)
    assert roles[:3] == ["couverture", "début", "sommaire"]
    assert roles[14:] == ["intercalaire", "annexe"] * 3


def test_annexes_given_as_files_get_their_picture_boxes(tmp_path) -> None:
    """The pages of an annex given with --annexe are drawn with the boxes counted on them, as
    the annexes inside the report are."""
    html = make_html(
        tmp_path,
        "rapport-sans-annexes",
        "--annexe",
        f"presse:{fixture_path('images-034')}",
    ).read_text("utf-8")
    # images-034 is a whole report given as one annex: its page 17 holds a 34 % picture.
    assert html.count('class="box"') >= 1
