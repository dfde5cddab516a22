"""A check in a bounded child process, rendered there: what ``check``, ``pages``, ``pack`` and
``serve`` run.

The child loads, analyses and renders, so the parent gets back only the verdict, the findings and
the rendered text (the document model never crosses the pipe). A single check forks its child
before the analysis is imported: the child imports it while a helper reads the pages
(:func:`rapportlint.checker.prepare`), so start-up and reading share the two cores.

This sits above both :mod:`rapportlint.checker` and :mod:`rapportlint.render`: the checker
decides, the renderers draw, and neither imports the other.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rapportlint.checker import AnnexError, check_report, failed_check
from rapportlint.config import Settings
from rapportlint.model.loader import LoadError
from rapportlint.render import prepare, render
from rapportlint.result import CheckResult

if TYPE_CHECKING:  # the dossier is only needed by pack
    from rapportlint.dossier import Dossier

__all__ = ["AnnexError", "check_isolated", "check_rendered"]


def check_isolated(
    path: str | Path,
    settings: Settings,
    lang: str = "fr",
    annexes: list[tuple[str | Path, str | None]] | None = None,
    dossier: Dossier | None = None,
    fmt: str | None = None,
    colour: bool = False,
) -> tuple[CheckResult, str | None]:
    """:func:`check_report` (and, with ``fmt``, its rendering, which reads the PDF again for
    pictures) in a child process within ``settings.timeout`` and ``settings.memory_mb``.
    A passed bound gives an "error" result with its RL004 finding, rendered here.
    Raises LoadError("missing") and AnnexError like :func:`check_report`."""
    formats = (fmt,) if fmt else ()
    result, rendered = _isolated(path, settings, lang, annexes, dossier, formats, colour)
    return result, rendered.get(fmt) if fmt else None


def check_rendered(
    path: str | Path,
    settings: Settings,
    lang: str,
    annexes: list[tuple[str | Path, str | None]] | None,
    formats: tuple[str, ...],
    cwd: str | Path | None = None,
    split: bool = True,
) -> tuple[CheckResult, dict[str, str]]:
    """:func:`check_isolated` rendered in several formats from one check (the web page shows
    the HTML report and offers the JSON of the same check), with relative paths taken from
    ``cwd``: the child moves there, so a report reads "rapport.pdf", exactly as
    ``rapportlint check rapport.pdf`` run in that folder, not where a server keeps uploads.
    ``split`` lets the loader read a long report on two cores: only worth it when the checks
    running at once leave a core free each."""
    from rapportlint.isolation import CAN_FORK

    # A server forks a check per upload: its renderers are imported once, here, not in each.
    prepare(formats)
    if cwd is not None and not CAN_FORK:  # pragma: no cover - no child to move into cwd
        annexes = [(Path(cwd) / p, kind) for p, kind in annexes or []]
        path, cwd = Path(cwd) / path, None
    return _isolated(path, settings, lang, annexes, None, formats, False, cwd, split)


def _isolated(path, settings, lang, annexes, dossier, formats, colour, cwd=None, split=True):
    from rapportlint.isolation import INTERNAL, MEMORY, TIMEOUT, run_one

    outcome = run_one(
        _checked,
        (path, settings, lang, annexes, dossier, formats, colour, cwd, split),
        settings.timeout,
        settings.memory_mb,
    )
    if outcome.failure is None:
        kind, value = outcome.value
        if kind == "missing":
            raise LoadError("missing", value)
        if kind == "annex":
            raise AnnexError(*value)
        return value
    if outcome.failure.startswith(INTERNAL):
        raise RuntimeError(outcome.failure)
    detail = {TIMEOUT: f"{settings.timeout:g}", MEMORY: f"{settings.memory_mb}"}.get(
        outcome.failure, ""
    )
    result = failed_check(path, outcome.failure, detail, settings, lang)
    return result, {fmt: render(result, fmt, lang, colour) for fmt in formats}


def _checked(path, settings, lang, annexes, dossier, formats, colour, cwd, split):
    """The child's side: exceptions become plain values that cross the process boundary."""
    import os

    if cwd is not None:
        os.chdir(cwd)  # only ever in the forked child (see check_rendered)
    try:
        # A single check has the second core to itself: let the loader use it.
        result = check_report(path, settings, lang, annexes, dossier, split=split)
    except AnnexError as error:
        return "annex", (error.path, error.kind)
    except LoadError as error:
        return "missing", error.detail
    rendered = {fmt: render(result, fmt, lang, colour) for fmt in formats}
    if formats:
        # The parent only needs the verdict and findings now: the document model stays here,
        # which spares pickling thousands of lines across the process boundary.
        result.analysis = None
    return "ok", (result, rendered)
