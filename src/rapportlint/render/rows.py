"""The class table's row model: one student or file of the class, as the class outputs draw it.

:mod:`rapportlint.batch` runs the checks and fills these rows; :mod:`rapportlint.render.class_table`
and :mod:`rapportlint.jury` only read them. The row holds the JSON contract object of the check,
not the check itself, so drawing a row never needs the checker (and a row read back from the
cache is the same as a fresh one).
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

VERDICTS = ("missing", "error", "fail", "pass")  # machine words, most urgent first


def name_key(text: str) -> str:
    """A name without accents, case, spaces or punctuation ("Dupont Léa" -> "dupontlea")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in folded if ch.isalnum())


class Packed(Mapping):
    """A row's contract object, kept as compressed JSON: a class of 10,000 reports holds about
    1.5 kB a row instead of some 50 kB of dictionaries, so the run's memory does not grow with
    the class. Read like the dictionary it was made from (``row.result["summary"]``); the last
    object read is kept decoded, as the outputs read one row's fields one after another."""

    __slots__ = ("_data",)
    _last: tuple[Packed, dict[str, Any]] | None = None  # one decoded object for all rows

    def __init__(self, value: Mapping[str, Any]) -> None:
        text = value.json() if isinstance(value, Packed) else json.dumps(value, ensure_ascii=False)
        self._data = zlib.compress(text.encode("utf-8"), 1)

    def json(self) -> str:
        """The object as ``json.dumps(obj, ensure_ascii=False)`` writes it."""
        return zlib.decompress(self._data).decode("utf-8")

    def value(self) -> dict[str, Any]:
        last = Packed._last
        if last is not None and last[0] is self:
            return last[1]
        decoded = json.loads(self.json())
        Packed._last = (self, decoded)
        return decoded

    def __getitem__(self, key: str) -> Any:
        return self.value()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.value())

    def __len__(self) -> int:
        return len(self.value())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Packed):
            return self._data == other._data or self.value() == other.value()
        return isinstance(other, Mapping) and self.value() == dict(other)

    __hash__ = None  # type: ignore[assignment]


@dataclass(slots=True)
class Row:
    """One student or file of the class: the file, the student, and the JSON contract object or
    a failure. A listed student with no file is a row too (``submitted`` false). The contract
    object is kept packed (:class:`Packed`), whatever it is given as."""

    path: Path
    relative: str
    student: str | None
    result: Mapping[str, Any] | None
    failure: str | None = None  # "timeout" or "crash"
    seconds: float = 0.0
    listed: bool | None = None  # None without a class list; False: no line of it names the file
    submitted: bool = True
    declared: dict[str, Any] | None = None  # a package's dossier: candidate, company, dates...
    merged: dict[str, Any] | None = None  # a package's merged PDF: name, annex page offsets
    # A Moodle participant: number, feedback file name, and which file was the report.
    moodle: dict[str, Any] | None = None
    cached: bool = False  # taken from the cache of an earlier run (the file had not changed)

    def __post_init__(self) -> None:
        if self.result is not None and not isinstance(self.result, Packed):
            self.result = Packed(self.result)

    @property
    def verdict(self) -> str:
        """ "pass", "fail", "error" (not readable) or "missing" (not handed in)."""
        if not self.submitted:
            return "missing"
        return self.result["verdict"] if self.result else "error"

    def count(self, key: str) -> int:
        return self.result["summary"][key] if self.result else 0

    @property
    def counted_pages(self) -> int | None:
        return self.result["layout"]["counted_pages"] if self.result else None

    @property
    def sections(self) -> list[str]:
        return [s["key"] for s in self.result["sections"]] if self.result else []

    @property
    def english_annexes(self) -> int:
        if not self.result:
            return 0
        return sum(1 for a in self.result["annexes"] if a.get("role", "english") == "english")

    def sort_key(self) -> tuple:
        rank = VERDICTS.index(self.verdict)
        return (rank, -self.count("errors"), -self.count("warnings"), self.relative.lower())


def totals(rows: list[Row]) -> dict[str, int]:
    """How many rows of each verdict, every verdict present (0 when none)."""
    counts = dict.fromkeys(VERDICTS, 0)
    for row in rows:
        counts[row.verdict] += 1
    return counts


def report_name(path: Path) -> str:
    """The file name of a student's HTML report inside the dashboard folder (the class run
    writes it, the dashboard links to it)."""
    digest = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:8]
    return f"{name_key(path.stem) or 'rapport'}-{digest}.html"
