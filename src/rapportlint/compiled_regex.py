"""Compiled regular expressions kept from one run to the next, so that the analysis starts sooner.

Importing the analysis compiles about 200 regular expressions (heading wordings, content cues,
annex kinds, dates...). Python's ``re`` parses and translates each one in pure Python: about
60 ms of CPU, a fifth of the check of a 50-page report, and on its critical path (the child
imports the analysis while its helper reads the pages; see ``bench/bench_check.py``). What that
work produces, the program the SRE engine runs, depends only on the pattern, its flags and the
interpreter. So the first run keeps each program in the cache folder
(``$XDG_CACHE_HOME/rapportlint``, see :mod:`rapportlint.cache`), and the next runs hand it
straight to ``_sre.compile``, which is how ``re.compile`` itself ends.

This reaches into CPython's private ``re._compiler`` (its ``compile`` is the same in 3.11, 3.12
and 3.13, where it was read); on another interpreter, or if a piece is missing, nothing is kept
and ``re`` compiles as usual. What keeps it safe:

- a program is only used for the exact pattern text and flags it was made from, by the same
  interpreter: its version, SRE's magic number and the byte order name the file;
- the file holds data only (JSON and 32-bit integers, never pickle nor marshal), behind the
  SHA-256 of its body: a cut or altered file is ignored, and written again;
- ``_sre.compile`` validates every program it is given: a wrong one raises, and the pattern is
  then compiled as usual, so no file can crash the interpreter;
- the tests compare each kept pattern with ``re``'s own compilation of it: equal patterns (same
  text, flags and program).

Any failure of the store (read-only or missing home, full disk) only means compiling as before.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rapportlint.cache import default_folder, write_whole

FORMAT = b"rapportlint-compiled-regex 1\n"

try:
    import _sre
    from re import _compiler, _parser

    _USABLE = (
        sys.implementation.name == "cpython"
        and callable(getattr(_compiler, "_code", None))
        and callable(getattr(_parser, "parse", None))
        and array.array("I").itemsize == _sre.CODESIZE
    )
except ImportError:  # pragma: no cover - another interpreter
    _USABLE = False

# What ``_sre.compile`` takes after the pattern: its final flags, the program, the number of
# groups, the group names to numbers and the numbers to names.
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str, int]  # the pattern's text and the flags it was compiled with


def store_path(folder: Path) -> Path:
    """The file for this interpreter: another Python (or SRE) never reads it."""
    identity = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{sys.byteorder}"
    tag = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return folder / f"regex-{sys.implementation.cache_tag}-{tag}.bin"


def _translate(pattern: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` computes before it calls ``_sre.compile``."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    final = int(flags | parsed.state.flags)
    return final, [int(op) for op in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)


def read_store(path: Path) -> dict[Key, Entry]:
    """The programs kept in ``path``; nothing when the file is missing, cut or altered."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    head_end = len(FORMAT) + 64
    if not data.startswith(FORMAT) or data[head_end : head_end + 1] != b"\n":
        return {}
    body = data[head_end + 1 :]
    if hashlib.sha256(body).hexdigest().encode() != data[len(FORMAT) : head_end]:
        return {}
    try:
        index, _, raw = body.partition(b"\n")
        codes = array.array("I")
        codes.frombytes(raw)
        kept: dict[Key, Entry] = {}
        for pattern, flags, final, groups, names, numbers, start, size in json.loads(index):
            program = codes[start : start + size].tolist()
            kept[(pattern, flags)] = (final, program, groups, names, tuple(numbers))
        return kept
    except (ValueError, TypeError, AttributeError):  # not the layout written: the file is ignored
        return {}


def write_store(path: Path, entries: dict[Key, Entry]) -> None:
    """Writes ``entries`` to ``path`` atomically (a reader sees the old file or the new one)."""
    codes = array.array("I")
    index = []
    for (pattern, flags), (final, code, groups, names, numbers) in entries.items():
        index.append([pattern, flags, final, groups, names, list(numbers), len(codes), len(code)])
        codes.extend(code)
    body = json.dumps(index).encode() + b"\n" + codes.tobytes()
    write_whole(path, FORMAT + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


class _Store:
    """Stands in for ``re._compiler.compile`` while :func:`stored_patterns` is active."""

    def __init__(self, kept: dict[Key, Entry], original: Callable[..., Any]) -> None:
        self.kept = kept
        self.original = original
        self.used: dict[Key, Entry] = {}
        self.new = 0

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, str) or flags & _compiler.SRE_FLAG_DEBUG:
            return self.original(pattern, flags)
        key = (pattern, int(flags))
        entry = self.kept.get(key)
        if entry is not None:
            try:
                compiled = _sre.compile(pattern, *entry)
            except Exception:  # a program SRE refuses: compiled as usual below
                pass
            else:
                self.used[key] = entry
                return compiled
        entry = _translate(pattern, int(flags))
        self.used[key] = entry
        self.new += 1
        return _sre.compile(pattern, *entry)


@contextlib.contextmanager
def stored_patterns(folder: Path | None = None) -> Iterator[None]:
    """While active, ``re`` takes the programs of the patterns it compiles from the store in
    ``folder`` (the cache folder by default). When it compiled one the store did not have, the
    store is written again with the patterns of this run only: every command imports the same
    analysis, so what another version of the code compiled is dropped, and the file stays the
    size of one version's patterns."""
    if not _USABLE:
        yield
        return
    try:
        if folder is None:
            folder = default_folder()
        path = store_path(folder)
    except (OSError, RuntimeError, KeyError):  # no home folder to be found
        yield
        return
    original = _compiler.compile
    store = _Store(read_store(path), original)
    _compiler.compile = store.compile
    try:
        yield
    finally:
        if _compiler.compile == store.compile:
            _compiler.compile = original
        if store.new:
            with contextlib.suppress(OSError, ValueError):
                write_store(path, store.used)
