"""The class run's cache: an unchanged class is never checked twice, and the outputs are the same
byte for byte; a changed, new, corrupt or interrupted entry is checked again; --no-cache.

Every test has its own $XDG_CACHE_HOME (conftest.private_cache)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from conftest import PDF, fixture_path
from rapportlint import batch as runner
from rapportlint.cache import FORMAT, ResultCache, default_folder
from rapportlint.cli import main
from rapportlint.config import Settings

CLASS = {
    "dupont.pdf": "conforme-word",
    "martin.pdf": "sans-entreprise",
    "durand.pdf": "tronque",
    "moreau.docx": None,  # a Word file handed in instead of the PDF
}


@pytest.fixture
def classe(tmp_path) -> Path:
    folder = tmp_path / "classe"
    folder.mkdir()
    for name, fixture in CLASS.items():
        if fixture is None:
            shutil.copy(PDF / "rapport-word.docx", folder / name)
        else:
            shutil.copy(fixture_path(fixture), folder / name)
    return folder


def run(folder: Path, cache: ResultCache | None, timeout: float = 60, **options) -> list:
    paths = runner.find_inputs(folder)
    return runner.run(paths, folder, Settings(), "fr", 2, timeout, cache=cache, **options)


def no_check(*_args) -> dict:
    raise AssertionError("a file was checked again")


def entries(folder: Path) -> list[Path]:
    """The class run's entries (beside them, the analysis's compiled patterns may be kept)."""
    results = folder / f"v{FORMAT}"
    return sorted(p for p in results.rglob("*") if p.is_file() and not p.name.startswith("."))


def outputs(folder: Path, out: Path, *extra: str):
    """Runs batch with every output into ``out``: the result and each written file's bytes."""
    out.mkdir()
    args = ["batch", str(folder), "--csv", str(out / "c.csv"), "--json", str(out / "c.jsonl")]
    result = CliRunner().invoke(main, [*args, "--html", str(out / "site"), *extra])
    assert result.exit_code == 1, result.output
    files = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return result, files


def test_cache_folder_follows_xdg(private_cache, monkeypatch) -> None:
    assert default_folder() == private_cache
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_folder() == Path.home() / ".cache" / "rapportlint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relatif")  # the XDG rule: a relative path is ignored
    assert default_folder() == Path.home() / ".cache" / "rapportlint"


def test_a_second_run_checks_nothing_and_writes_the_same_bytes(classe, tmp_path) -> None:
    first, files = outputs(classe, tmp_path / "first")
    assert "repris du cache" not in first.stderr
    second, again = outputs(classe, tmp_path / "second")
    assert "4 sur 4 repris du cache" in second.stderr and "--no-cache" in second.stderr
    assert second.stdout == first.stdout
    assert again == files  # CSV, JSON lines, dashboard and every student's HTML report
    assert len([name for name in files if name.startswith("site/")]) == 5  # index + 4 reports


def test_an_unchanged_class_runs_no_check(classe, private_cache, monkeypatch) -> None:
    first = run(classe, ResultCache())
    assert len(entries(private_cache)) == 4 and not any(row.cached for row in first)
    monkeypatch.setattr(runner, "_check_one", no_check)  # a check would fail the run's row
    cache = ResultCache()
    second = run(classe, cache)
    assert cache.hits == 4 and all(row.cached for row in second)
    assert [(r.relative, r.result, r.failure) for r in second] == [
        (r.relative, r.result, r.failure) for r in first
    ]


def test_a_changed_or_new_file_is_checked_again(classe, private_cache) -> None:
    run(classe, ResultCache())
    shutil.copy(fixture_path("conforme-word"), classe / "martin.pdf")  # handed in again, fixed
    shutil.copy(fixture_path("images-034"), classe / "petit.pdf")  # a late student
    cache = ResultCache()
    rows = {row.relative: row for row in run(classe, cache)}
    assert {name for name, row in rows.items() if not row.cached} == {"martin.pdf", "petit.pdf"}
    assert rows["martin.pdf"].verdict == "pass"  # the new file's verdict, not the old one
    assert cache.hits == 3 and len(entries(private_cache)) == 4 + 2  # the old one ages out


def test_settings_and_language_are_part_of_the_key(classe) -> None:
    run(classe, ResultCache())
    cache = ResultCache()
    rows = runner.run(
        runner.find_inputs(classe), classe, Settings(max_pages=10), "fr", 2, 60, cache=cache
    )
    assert cache.hits == 0 and {r.relative: r.verdict for r in rows}["dupont.pdf"] == "fail"
    cache = ResultCache()
    rows = runner.run(runner.find_inputs(classe), classe, Settings(), "en", 2, 60, cache=cache)
    assert cache.hits == 0
    assert (
        "Export"
        in next(r for r in rows if r.relative == "moreau.docx").result["findings"][0]["fix"]
    )
    # The time and memory bounds are not: a check that ended within them is the same check.
    cache = ResultCache()
    runner.run(runner.find_inputs(classe), classe, Settings(timeout=30.0), "fr", 2, 60, cache=cache)
    assert cache.hits == 4


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short (a full disk, a killed copy)
        lambda data: data[:-10] + bytes(b ^ 0xFF for b in data[-10:]),  # bytes changed
        lambda data: b"",
        lambda data: b"not a cache entry at all\n",
    ],
)
def test_a_corrupt_entry_is_ignored_and_checked_again(classe, private_cache, damage) -> None:
    first = {row.relative: row.result for row in run(classe, ResultCache())}
    for entry in entries(private_cache):
        entry.write_bytes(damage(entry.read_bytes()))
    cache = ResultCache()
    rows = run(classe, cache)
    assert cache.hits == 0 and not any(row.cached for row in rows)
    assert {row.relative: row.result for row in rows} == first
    cache = ResultCache()
    run(classe, cache)
    assert cache.hits == 4  # rewritten whole


def test_an_entry_in_another_entrys_place_is_not_trusted(classe, private_cache) -> None:
    """A whole, verified entry copied under another key (the report of another student) is
    refused: each entry names its own key."""
    run(classe, ResultCache())
    files = entries(private_cache)
    data = files[0].read_bytes()
    for other in files[1:]:
        other.write_bytes(data)
    cache = ResultCache()
    rows = {row.relative: row for row in run(classe, cache)}
    assert cache.hits == 1
    assert rows["dupont.pdf"].verdict == "pass" and rows["martin.pdf"].verdict == "fail"


def test_an_interrupted_run_resumes_where_it_stopped(classe, private_cache) -> None:
    done: list[str] = []

    def stop_after_two(row) -> None:
        done.append(row.relative)
        if len(done) == 2:
            raise KeyboardInterrupt  # the teacher's Ctrl-C

    paths = runner.find_inputs(classe)
    with pytest.raises(KeyboardInterrupt):  # one check at a time: the third is not started
        runner.run(
            paths, classe, Settings(), "fr", 1, 60, on_done=stop_after_two, cache=ResultCache()
        )
    assert len(entries(private_cache)) == 2  # what was finished is kept, nothing half-written
    cache = ResultCache()
    rows = run(classe, cache)
    assert {row.relative for row in rows if row.cached} == set(done)
    assert cache.hits == 2 and len(entries(private_cache)) == 4


def test_no_cache_neither_reads_nor_writes(classe, tmp_path, private_cache) -> None:
    result = CliRunner().invoke(main, ["batch", str(classe), "--no-cache"])
    assert result.exit_code == 1 and not private_cache.exists()
    # A cache that says otherwise (an entry made by hand, whole and under the right key) is
    # what a run with the cache reads, and what --no-cache never does.
    run(classe, ResultCache())
    cache = ResultCache()
    key = cache.key(classe / "martin.pdf", Settings(), "fr")
    entry = cache.load(key)
    entry.message["result"]["verdict"] = "pass"
    entry.message["result"]["summary"]["errors"] = 0
    cache.store(key, entry)
    cached = CliRunner().invoke(main, ["batch", str(classe)])
    fresh = CliRunner().invoke(main, ["batch", str(classe), "--no-cache"])
    assert cached.stdout.startswith("4 rapports : 2 conformes, 0 non conforme")
    assert fresh.stdout.startswith("4 rapports : 1 conforme, 1 non conforme")
    assert "repris du cache" not in fresh.stderr
    assert fresh.stdout == CliRunner().invoke(main, ["batch", str(classe), "--no-cache"]).stdout


def test_jury_uses_the_same_cache(classe, tmp_path) -> None:
    def jury(name: str):
        out = tmp_path / name
        out.mkdir()
        result = CliRunner().invoke(
            main, ["jury", str(classe), "-o", str(out / "j.pdf"), "--csv", str(out / "j.csv")]
        )
        return result, out

    first, one = jury("un")
    second, two = jury("deux")
    assert first.exit_code == second.exit_code == 1
    assert "4 sur 4 repris du cache" in second.stderr
    assert (one / "j.csv").read_bytes() == (two / "j.csv").read_bytes()
    rows = list(csv.reader(io.StringIO((two / "j.csv").read_text("utf-8")), delimiter=";"))
    assert len(rows) == 5
    # The PDF carries its creation time; its pages say the same thing.
    pages = [[page.extract_text() for page in PdfReader(d / "j.pdf").pages] for d in (one, two)]
    assert pages[0] == pages[1]


def test_a_passed_bound_is_not_kept(classe, private_cache, monkeypatch) -> None:
    def slow(path, *args):
        if path.endswith("dupont.pdf"):
            time.sleep(30)
        return real(path, *args)

    real = runner._check_one
    monkeypatch.setattr(runner, "_check_one", slow)
    rows = {row.relative: row for row in run(classe, ResultCache(), timeout=2)}
    assert rows["dupont.pdf"].failure == "timeout"
    monkeypatch.setattr(runner, "_check_one", real)
    cache = ResultCache()
    rows = {row.relative: row for row in run(classe, cache)}
    assert not rows["dupont.pdf"].cached and rows["dupont.pdf"].verdict == "pass"
    assert cache.hits == 3


def test_an_unusable_cache_folder_only_turns_the_cache_off(classe, tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "un-fichier"
    blocker.write_text("pas un dossier", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    result = CliRunner().invoke(main, ["batch", str(classe)])
    assert result.exit_code == 1 and "4 rapports" in result.stdout
    assert "repris du cache" not in result.stderr


def test_the_cache_is_bounded_in_age_and_size(classe, private_cache) -> None:
    cache = ResultCache()
    run(classe, cache)
    files = entries(private_cache)
    assert len(files) == 4
    now = time.time()
    old = files[0]
    os.utime(old, (now - 100 * 86400, now - 100 * 86400))
    leftover = files[1].parent / ".tmp-killed-writer"
    leftover.write_bytes(b"half")
    os.utime(leftover, (now - 7200, now - 7200))
    assert cache.trim(now=now) == 2 and not old.exists() and not leftover.exists()
    # Over the size bound, the least recently used entries go first.
    remaining = entries(private_cache)
    for age, path in enumerate(remaining):
        os.utime(path, (now - 10 * (age + 1), now - 10 * (age + 1)))
    small = ResultCache(max_bytes=sum(p.stat().st_size for p in remaining[:2]))
    assert small.trim(now=now) == 1
    assert entries(private_cache) == sorted(remaining[:2])


def test_a_row_from_the_cache_draws_like_a_fresh_one(classe) -> None:
    """The class outputs only read rows: a cached row gives the same table, CSV, JSON lines and
    dashboard as the row of the check that made it."""
    from rapportlint.render import class_table

    fresh = run(classe, ResultCache())
    cached = run(classe, ResultCache())
    assert all(row.cached for row in cached)
    for draw in (
        lambda rows: class_table.text_table(rows, "fr"),
        lambda rows: class_table.csv_text(rows, "en"),
        class_table.json_lines,
        lambda rows: class_table.dashboard(rows, "fr", with_reports=True),
    ):
        assert draw(cached) == draw(fresh)


def test_an_unzipped_moodle_download_is_cached_by_participant(tmp_path) -> None:
    """A participant's row is kept under all the files they handed in: a second run checks
    nothing and writes the same table, JSON and feedback; a ZIP download, extracted anew at
    every run, is not cached."""
    import zipfile

    moodle_zip = PDF.parent / "moodle" / "devoir-fr.zip"
    folder = tmp_path / "TRAVAUX"
    with zipfile.ZipFile(moodle_zip) as archive:
        archive.extractall(folder / "BTS CIEL-Rapport de stage-42")

    def batch(name: str, source: Path = folder):
        out = tmp_path / name
        out.mkdir()
        args = ["batch", str(source), "--json", str(out / "c.jsonl")]
        result = CliRunner().invoke(main, [*args, "--retours-moodle", str(out / "r.zip")])
        assert result.exit_code == 1, result.output
        with zipfile.ZipFile(out / "r.zip") as feedback:
            files = {info.filename: feedback.read(info) for info in feedback.infolist()}
        return result, (out / "c.jsonl").read_bytes(), files

    first, first_json, first_feedback = batch("un")
    second, second_json, second_feedback = batch("deux")
    assert "repris du cache" not in first.stderr and " repris du cache" in second.stderr
    assert second.stdout == first.stdout and second_json == first_json
    assert second_feedback == first_feedback and first_feedback
    zipped, _, _ = batch("zip-1", moodle_zip)
    again, _, _ = batch("zip-2", moodle_zip)
    assert "repris du cache" not in again.stderr and again.stdout == zipped.stdout
