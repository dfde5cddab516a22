"""Renderers: a check result in a format for people (text, html, markdown) or programs (json).

No renderer decides a verdict. :func:`render` is the one door, so that the CLI and the isolated
child (which renders HTML thumbnails under the same time and memory bounds) agree. Each format's
module is imported only when that format is asked for: ``check --format json`` never loads
Jinja2 nor the HTML report's code.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rapportlint.result import CheckResult

FORMATS = ("text", "json", "html", "markdown")

# The module that draws each format ("pages" and "pages-json" are `rapportlint pages`, rendered
# where the model lives).
MODULES = {
    "text": "rapportlint.render.text",
    "json": "rapportlint.render.json_report",
    "html": "rapportlint.render.html",
    "markdown": "rapportlint.render.markdown",
    "pages": "rapportlint.render.pages",
    "pages-json": "rapportlint.render.pages",
}


def prepare(formats: tuple[str, ...] | list[str]) -> None:
    """Imports the renderers of ``formats`` now, in the parent, so that every child forked
    afterwards starts with them loaded instead of importing them once per check. Call it from
    one thread only (a child forked while another thread imports would wait on that import)."""
    for fmt in formats:
        import_module(MODULES.get(fmt, MODULES["text"]))


def render(result: CheckResult, fmt: str, lang: str = "fr", colour: bool = False) -> str:
    module = import_module(MODULES.get(fmt, MODULES["text"]))
    if fmt == "pages-json":
        return module.render_json(result, lang)
    if fmt == "pages":
        return module.render_text(result, lang)
    if fmt == "text":
        return module.render(result, lang, colour=colour)
    return module.render(result, lang)
