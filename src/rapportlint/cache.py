"""The class run's cache: a report that has not changed is never checked twice.

``batch`` and ``jury`` keep what each check gave (the JSON contract object, a package's facts,
the HTML report when one was made) in ``$XDG_CACHE_HOME/rapportlint`` (else
``~/.cache/rapportlint``). An entry is found by a key that covers everything its content depends
on: the file's SHA-256 and the name it is reported under, the tool (its version and a digest of
its own code, so that a developer's change or an upgrade never serves an old verdict; PDFium's
version and the tesseract command too), the settings that can change a verdict, and the language of the texts. A changed
file has another key and is checked again; a file whose check was interrupted has no entry yet.

What the cache never does: trust an entry it cannot verify. Each entry holds the SHA-256 of its
compressed body and its own key; a file that does not match (cut short, changed, or put in another
entry's place) is ignored and removed, and the report is checked again. Entries are JSON, never
pickle: a file in the user's cache folder can feed the tool data, never code. Writes go to a
temporary name and are renamed, so a reader sees a whole entry or none. A bound passed (time,
memory, crash) is not kept: the next run tries again. The folder is bounded in size and age
(least recently used first), and any failure of the cache itself (read-only home, full disk) only
turns it off for that run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
import time
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rapportlint import __version__

FORMAT = "1"  # the layout of an entry; a new layout gets a new folder and ignores the old one
MAGIC = b"rapportlint-cache " + FORMAT.encode() + b" "
MAX_BYTES = 512 * 1024 * 1024  # the whole folder, HTML reports included
MAX_AGE_DAYS = 90  # entries not used for this long are removed (one exam session)
STALE_TEMPORARY_SECONDS = 3600  # a temporary file this old was left by a killed writer
# Settings that only bound the cost of a check: a check that ended within them is the same check.
COST_BOUNDS = ("timeout", "memory_mb")


def default_folder() -> Path:
    """``$XDG_CACHE_HOME/rapportlint``, else ``~/.cache/rapportlint`` (the XDG convention)."""
    base = os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "rapportlint"


def write_whole(target: Path, data: bytes) -> None:
    """Writes ``data`` under a temporary name in ``target``'s folder (made for the user alone
    if missing), then renames it: a reader sees the old file or the new one, never a part."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, temporary = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@cache
def code_digest() -> str:
    """A digest of what makes the tool's verdicts: its version, its own files (the code, the
    templates of the HTML report, the JSON Schema) and PDFium's version. The version number
    alone would serve old verdicts to a developer between two releases."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    folders = [package]
    checkout_templates = package.parents[1] / "templates"  # an editable install (templating.py)
    if checkout_templates.is_dir():
        folders.append(checkout_templates)
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".j2", ".json", ".css", ".js") and path.is_file():
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    try:
        import pypdfium2_raw

        digest.update((Path(pypdfium2_raw.__file__).parent / "version.json").read_bytes())
    except (ImportError, OSError):
        pass
    # The OCR of annex pages runs the tesseract command: another build of it may read otherwise
    # (its path, size and date stand for its version without running it).
    command = shutil.which("tesseract")
    if command:
        with contextlib.suppress(OSError):
            info = os.stat(command)
            digest.update(f"{command} {info.st_size} {info.st_mtime_ns}".encode())
    return digest.hexdigest()


def file_digest(path: Path) -> str | None:
    """The SHA-256 of the file's bytes, or None when it cannot be read (no cache for it)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def settings_key(settings: Any) -> dict[str, Any]:
    """The settings a verdict depends on: all of them but the time and memory bounds."""
    values = dataclasses.asdict(settings)
    for name in COST_BOUNDS:
        values.pop(name, None)
    return values


@dataclass(slots=True)
class Entry:
    """What one check gave: the child's message (contract object, or the failure of a package)
    and the HTML report when the run that made it wrote one."""

    message: dict[str, Any]
    html: str | None = None


class ResultCache:
    """One cache folder. Every method swallows the folder's own failures: a cache that cannot
    be read or written is a cache that misses, never a class run that fails."""

    def __init__(self, folder: Path | None = None, max_bytes: int = MAX_BYTES) -> None:
        self.folder = (folder or default_folder()) / f"v{FORMAT}"
        self.max_bytes = max_bytes
        self.hits = 0  # entries this process used (stores happen in the checks' children)

    def key(self, path: Path, settings: Any, lang: str, files: tuple[Path, ...] = ()) -> str | None:
        """The entry's name for this file as it is now, or None if it cannot be read. With
        ``files`` (what a Moodle participant handed in, ``path`` being their folder), the
        content is that of every file, each with its name."""
        if files:
            digests = [(str(f), file_digest(f)) for f in files]
            content = None if any(d is None for _, d in digests) else json.dumps(digests)
        else:
            content = file_digest(path)
        if content is None:
            return None
        fields = {
            "code": code_digest(),
            "file": content,
            "path": str(path),  # written in the outputs: the same bytes under another name differ
            "settings": settings_key(settings),
            "lang": lang,
        }
        text = json.dumps(fields, sort_keys=True, ensure_ascii=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def load(self, key: str, want_html: bool = False) -> Entry | None:
        """The entry of ``key`` if there is a whole, verified one (with its HTML report when
        ``want_html``); None otherwise. A corrupt entry is removed."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        entry = _decode(data, key)
        if entry is None:
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        if want_html and entry.html is None:
            return None  # made without --html: checked again, and stored with it
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept the longest when the folder is trimmed
        self.hits += 1
        return entry

    def store(self, key: str, entry: Entry) -> bool:
        """Writes the entry under a temporary name, then renames it into place."""
        body = zlib.compress(
            json.dumps(
                {"key": key, "message": entry.message, "html": entry.html},
                ensure_ascii=False,
                separators=(",", ":"),
            ).encode("utf-8"),
            level=6,
        )
        data = MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body
        try:
            write_whole(self._path(key), data)
        except OSError:
            return False
        return True

    def trim(self, max_age_days: float = MAX_AGE_DAYS, now: float | None = None) -> int:
        """Removes entries unused for ``max_age_days``, temporary files a killed writer left,
        then the least recently used entries until the folder is under its size bound. Returns
        how many files were removed."""
        now = time.time() if now is None else now
        entries: list[tuple[float, int, Path]] = []
        removed = 0
        try:
            groups = [g for g in self.folder.iterdir() if g.is_dir()]
        except OSError:
            return 0
        for group in groups:
            try:
                files = list(os.scandir(group))
            except OSError:
                continue
            for item in files:
                try:
                    info = item.stat(follow_symlinks=False)
                except OSError:
                    continue
                path = Path(item.path)
                age = now - info.st_mtime
                stale = (
                    age > STALE_TEMPORARY_SECONDS
                    if item.name.startswith(".tmp-")
                    else age > max_age_days * 86400
                )
                if stale:
                    removed += _remove(path)
                elif not item.name.startswith(".tmp-"):
                    entries.append((info.st_mtime, info.st_size, path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):  # oldest use first
            if total <= self.max_bytes:
                break
            removed += _remove(path)
            total -= size
        return removed


def _remove(path: Path) -> int:
    try:
        path.unlink()
    except OSError:
        return 0
    return 1


def _decode(data: bytes, key: str) -> Entry | None:
    """The entry in ``data`` if it is whole and is the one of ``key``; None for anything else."""
    if not data.startswith(MAGIC):
        return None
    header, _, body = data[len(MAGIC) :].partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != header:
        return None
    try:
        content = json.loads(zlib.decompress(body).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(content, dict) or content.get("key") != key:
        return None
    message, html = content.get("message"), content.get("html")
    if not isinstance(message, dict) or not (html is None or isinstance(html, str)):
        return None
    if not isinstance(message.get("result"), dict) and not isinstance(message.get("failure"), str):
        return None
    return Entry(message=message, html=html)
