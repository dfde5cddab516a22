"""Renderers: a check result in a format for people (text, html, markdown) or programs (json).

No renderer decides a verdict. :func:`render` is the one door, so that the CLI and the isolated
child (which renders HTML thumbnails under the same time and memory bounds) agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rapportlint.checker import CheckResult

FORMATS = ("text", "json", "html", "markdown")


def render(result: CheckResult, fmt: str, lang: str = "fr", colour: bool = False) -> str:
    if fmt == "json":
        from rapportlint.render.json_report import render as json_render

        return json_render(result, lang)
    if fmt == "html":
        from rapportlint.render.html import render as html_render

        return html_render(result, lang)
    if fmt in ("pages", "pages-json"):  # rapportlint pages, rendered where the model lives
        from rapportlint.render.pages import render_json, render_text

        return (render_json if fmt == "pages-json" else render_text)(result, lang)
    if fmt == "markdown":
        from rapportlint.render.markdown import render as markdown_render

        return markdown_render(result, lang)
    from rapportlint.render.text import render as text_render

    return text_render(result, lang, colour=colour)
