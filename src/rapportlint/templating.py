"""Where the Jinja2 templates are, installed or in a source checkout."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2


def template_dir() -> Path:
    """``rapportlint/templates`` inside the wheel; the repository's ``templates/`` in a checkout
    (an editable install does not copy the folder into the package)."""
    packaged = Path(str(resources.files("rapportlint") / "templates"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


@lru_cache(maxsize=4)
def environment(autoescape: bool) -> jinja2.Environment:
    """Autoescape is on for HTML: every string taken from a PDF is shown, never interpreted."""
    return new_environment(autoescape)


def new_environment(autoescape: bool) -> jinja2.Environment:
    """An environment of its own, sharing no cache (nor the cache's lock) with the renderers'
    one: the web server renders its page while checks fork, and a child must never start with
    a lock another thread held at the fork.

    The filters of :mod:`rapportlint.wording` are there so that every template writes pages,
    numbers, languages and kinds the same way ("p. 13", "7,7", "anglais", "article de presse")."""
    from rapportlint import wording

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir())),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        pages=wording.pages,
        page_list=wording.page_list,
        number=wording.number,
        count_of=wording.count_of,
        language=wording.language,
        kind=wording.kind,
        cut=wording.cut,
        heading=wording.heading,
    )
    return env
