"""Is the package's merged PDF still the merge of its originals? Page by page, with pypdf.

The jury reads the merged PDF, the check runs on the originals: a package whose merged PDF was
swapped for another report (manifest digests and zip comment recomputed) would otherwise verify
as intact and compliant. ``pack`` copies pages without touching them (pypdf's ``append``), so
each merged page has the same content stream and the same pictures as the page it came from,
in order: the report's pages, then each annex's. That is what is compared: the decoded content
stream and the bytes of every XObject the page draws (pictures, and forms with theirs), which is
what a reader sees, rather than the file bytes, which the merge rewrites.

pypdf reports oddities of real-world PDFs through the logging module and ``warnings``; they are
not the user's business, so :func:`quiet` silences both while the package is built or read.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_FORM_DEPTH = 4


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """pypdf's log records and warnings stay out of the user's terminal in this block."""
    logger = logging.getLogger("pypdf")  # its modules log to children of this one
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _xobjects(resources: Any, digest: Any, depth: int) -> None:
    """Feeds the bytes of the XObjects a page (or form) can draw, by name, into ``digest``."""
    if resources is None or depth > MAX_FORM_DEPTH:
        return
    resources = resources.get_object()
    xobjects = resources.get("/XObject") if hasattr(resources, "get") else None
    if xobjects is None:
        return
    xobjects = xobjects.get_object()
    for name in sorted(xobjects):
        item = xobjects[name].get_object()
        digest.update(str(name).encode("utf-8", "replace"))
        digest.update(getattr(item, "_data", b"") or b"")
        if item.get("/Subtype") == "/Form":
            _xobjects(item.get("/Resources"), digest, depth + 1)


def page_fingerprint(page: Any) -> str:
    """What a reader sees of one pypdf page: content stream and drawn objects, as a digest."""
    digest = hashlib.sha256()
    contents = page.get_contents()
    digest.update(contents.get_data() if contents is not None else b"")
    _xobjects(page.get("/Resources"), digest, 0)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a page of the merged PDF must come from: its original file and page there."""

    label: str  # "rapport", "annexe 2"...
    page: int  # 1-based, in the original file


@dataclass(frozen=True, slots=True)
class MergeCheck:
    """``problem``: None when the merged PDF is the merge, else why not in a few words;
    ``offsets``: the merged pages before each original (0 for the report, which comes first)."""

    problem: str | None
    offsets: list[int]


def _fingerprints(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page_fingerprint(page) for page in PdfReader(path).pages]


def check_merge(merged: Path, originals: list[tuple[str, Path]], lang: str = "fr") -> MergeCheck:
    """Compares ``merged`` with the pages of ``originals`` ((label, file), in merge order)."""
    fr = lang == "fr"
    expected: list[tuple[str, Origin]] = []
    offsets: list[int] = []
    with quiet():
        for label, path in originals:
            offsets.append(len(expected))
            try:
                digests = _fingerprints(path)
            except Exception:  # pypdf merged it at pack time: unreadable now means changed
                problem = (
                    f"original illisible ({label})" if fr else f"unreadable original ({label})"
                )
                return MergeCheck(problem, offsets)
            expected.extend((d, Origin(label, n)) for n, d in enumerate(digests, start=1))
        try:
            actual = _fingerprints(merged)
        except Exception:  # a merged PDF pypdf cannot read is not the merge either
            return MergeCheck("PDF illisible" if fr else "unreadable PDF", offsets)
    if len(actual) != len(expected):
        return MergeCheck(
            f"{len(actual)} pages au lieu de {len(expected)}"
            if fr
            else f"{len(actual)} pages instead of {len(expected)}",
            offsets,
        )
    for number, (digest, (want, origin)) in enumerate(zip(actual, expected, strict=True), 1):
        if digest != want:
            return MergeCheck(
                f"sa page {number} n'est pas la page {origin.page} de l'original ({origin.label})"
                if fr
                else f"its page {number} is not page {origin.page} of the original ({origin.label})",
                offsets,
            )
    return MergeCheck(None, offsets)
