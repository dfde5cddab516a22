"""The store of compiled regular expressions: the same patterns as ``re``'s, or none at all."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rapportlint import compiled_regex
from rapportlint.compiled_regex import read_store, store_path, stored_patterns, write_store

pytestmark = pytest.mark.skipif(not compiled_regex._USABLE, reason="not CPython's re")

ORIGINAL = compiled_regex._compiler.compile
ROOT = Path(__file__).resolve().parents[1]


def import_analysis_in(cache: Path) -> None:
    """Imports the analysis in a fresh interpreter whose cache folder is ``cache``."""
    code = "from rapportlint.checker import import_analysis; import_analysis()"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def test_the_analysis_patterns_come_back_equal_to_re_s_own(tmp_path: Path) -> None:
    import_analysis_in(tmp_path)
    path = store_path(tmp_path / "rapportlint")
    kept = read_store(path)
    assert len(kept) >= 200  # the analysis compiles about 240 patterns when imported
    for (pattern, flags), entry in kept.items():
        # Pattern objects are equal when their text, flags and SRE program are.
        assert compiled_regex._sre.compile(pattern, *entry) == ORIGINAL(pattern, flags), pattern
    written = path.stat().st_mtime_ns
    import_analysis_in(tmp_path)  # everything found: nothing to write again
    assert path.stat().st_mtime_ns == written


def fresh(name: str) -> str:
    """A pattern no other test compiled (``re`` keeps its own cache of patterns by text)."""
    return rf"(?P<{name}>\b(?:rapport|stage)s?\b)\s+n[°o]\s*(\d+)"


def test_a_pattern_compiled_in_the_store_is_kept_and_found_again(tmp_path: Path) -> None:
    text = "Rapport n° 12 ; stages no 3"
    with stored_patterns(tmp_path):
        first = re.compile(fresh("first"), re.IGNORECASE)
    assert compiled_regex._compiler.compile is ORIGINAL  # put back on leaving
    kept = read_store(store_path(tmp_path))
    assert (fresh("first"), int(re.IGNORECASE)) in kept
    assert [m.group("first", 2) for m in first.finditer(text)] == [
        ("Rapport", "12"),
        ("stages", "3"),
    ]
    store = compiled_regex._Store(kept, ORIGINAL)
    again = store.compile(fresh("first"), int(re.IGNORECASE))
    assert store.new == 0  # from the file, not translated again
    assert again == first
    assert again.groupindex == {"first": 1}


def test_a_program_sre_refuses_is_compiled_as_usual(tmp_path: Path) -> None:
    pattern = fresh("refused")
    entry = compiled_regex._translate(pattern, 0)
    broken = (entry[0], [999_999] * len(entry[1]), *entry[2:])
    write_store(store_path(tmp_path), {(pattern, 0): broken})
    store = compiled_regex._Store(read_store(store_path(tmp_path)), ORIGINAL)
    compiled = store.compile(pattern, 0)
    assert store.new == 1
    assert compiled == ORIGINAL(pattern, 0)
    assert compiled.search("le rapport no 7").group(2) == "7"


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit of a program changed
        lambda data: b"rapportlint-compiled-regex 9\n" + data.split(b"\n", 1)[1],  # other layout
        lambda data: b"",
    ],
    ids=["cut", "altered", "other-format", "empty"],
)
def test_a_damaged_store_is_ignored(tmp_path: Path, damage) -> None:
    path = store_path(tmp_path)
    write_store(path, {(fresh("damaged"), 0): compiled_regex._translate(fresh("damaged"), 0)})
    assert read_store(path)
    path.write_bytes(damage(path.read_bytes()))
    assert read_store(path) == {}


def test_a_folder_that_cannot_be_written_only_turns_the_store_off(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    with stored_patterns(blocked):
        compiled = re.compile(fresh("blocked"))
    assert compiled.search("stage no 4").group(2) == "4"
    assert compiled_regex._compiler.compile is ORIGINAL


def test_a_class_run_without_cache_keeps_no_pattern(tmp_path: Path) -> None:
    """``batch --no-cache`` writes nothing in the cache folder, compiled patterns included."""
    classe = tmp_path / "classe"
    classe.mkdir()
    shutil.copy(ROOT / "fixtures" / "pdf" / "conforme-word.pdf", classe / "martin.pdf")
    cache = tmp_path / "xdg"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-m", "rapportlint", "batch", str(classe)]
    subprocess.run([*command, "--no-cache"], env=env, capture_output=True, check=False)
    assert not (cache / "rapportlint").exists()
    subprocess.run(command, env=env, capture_output=True, check=False)
    assert store_path(cache / "rapportlint").exists()


def test_a_store_written_again_keeps_only_the_patterns_of_its_run(tmp_path: Path) -> None:
    """Another version of the code compiled other patterns: they do not pile up."""
    old = fresh("stale")
    write_store(store_path(tmp_path), {(old, 0): compiled_regex._translate(old, 0)})
    with stored_patterns(tmp_path):
        re.compile(fresh("current"))
    assert set(read_store(store_path(tmp_path))) == {(fresh("current"), 0)}
