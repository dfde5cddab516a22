"""Reading zip archives that may be hostile, without ever writing outside a temporary folder.

Refused before anything is extracted: absolute paths, ``..`` components, drive letters, links,
device or other special entries, duplicated names, more entries than a package can have, and an
announced uncompressed size far beyond the archive's. While extracting, the bytes actually
written are counted, so that lying headers cannot fill the disk either.
"""

from __future__ import annotations

import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from rapportlint.errors import Bilingual

MAX_ENTRIES = 200
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / archive size
CHUNK = 1024 * 1024


class UnsafeArchive(Bilingual):
    """The archive is refused; the message says why (French and English)."""


def _check_name(name: str) -> PurePosixPath:
    if not name or "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise UnsafeArchive(
            f"chemin interdit dans l'archive : {name!r}", f"forbidden path in the archive: {name!r}"
        )
    path = PurePosixPath(name)
    if any(part in ("..", "") for part in path.parts) or path.is_absolute():
        raise UnsafeArchive(
            f"chemin interdit dans l'archive : {name!r}", f"forbidden path in the archive: {name!r}"
        )
    return path


END_RECORD = b"PK\x05\x06"
END_RECORD_SIZE = 22
MAX_COMMENT = 0xFFFF


def cut_short(archive: Path) -> bool:
    """Whether the file ends before its own end record says it does: the record announces a
    comment longer than the bytes left after it. Python's zipfile reads such a file (the comment
    comes out short), so a package cut a few bytes before its end would otherwise pass for one
    whose manifest was edited."""
    try:
        with open(archive, "rb") as handle:
            size = handle.seek(0, 2)
            handle.seek(max(0, size - END_RECORD_SIZE - MAX_COMMENT))
            tail = handle.read()
    except OSError:
        return False
    at = tail.rfind(END_RECORD)
    if at < 0 or len(tail) - at < END_RECORD_SIZE:
        return False  # no end record at all: zipfile refuses the file by itself
    announced = int.from_bytes(tail[at + 20 : at + 22], "little")
    return announced > len(tail) - at - END_RECORD_SIZE


def _unreadable(archive: Path) -> UnsafeArchive:
    return UnsafeArchive(
        f"archive illisible : {archive} (ce n'est pas un zip complet)",
        f"unreadable archive: {archive} (not a complete zip)",
    )


def inspect(
    archive: Path, max_entries: int = MAX_ENTRIES, max_total: int = MAX_TOTAL_BYTES
) -> list[zipfile.ZipInfo]:
    """The regular-file entries of ``archive`` if it is safe to extract, else UnsafeArchive.

    ``max_entries`` and ``max_total`` default to a package's bounds; a class's Moodle download
    (one folder per student) is allowed more entries and bytes, never unbounded."""
    if cut_short(archive):
        raise UnsafeArchive(
            f"archive tronquée : {archive} (la fin du fichier manque : copiez ou téléchargez-le "
            "à nouveau)",
            f"truncated archive: {archive} (the end of the file is missing: copy or download it "
            "again)",
        )
    try:
        handle = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError, ValueError, RuntimeError) as exc:
        raise _unreadable(archive) from exc
    with handle:
        infos = handle.infolist()
    if len(infos) > max_entries:
        raise UnsafeArchive(
            f"trop d'entrées dans l'archive ({len(infos)} > {max_entries})",
            f"too many entries in the archive ({len(infos)} > {max_entries})",
        )
    seen: set[str] = set()
    files = []
    total = 0
    for info in infos:
        path = _check_name(info.filename)
        key = str(path).lower()
        if key in seen:
            raise UnsafeArchive(
                f"nom en double dans l'archive : {info.filename!r}",
                f"duplicate name in the archive: {info.filename!r}",
            )
        seen.add(key)
        kind = stat.S_IFMT(info.external_attr >> 16)  # 0 when the archiver wrote no Unix type
        if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
            raise UnsafeArchive(
                f"lien ou fichier spécial refusé dans l'archive : {info.filename!r}",
                f"link or special file refused in the archive: {info.filename!r}",
            )
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise UnsafeArchive(
                f"entrée chiffrée refusée : {info.filename!r}",
                f"encrypted entry refused: {info.filename!r}",
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnsafeArchive(
                f"compression non prise en charge : {info.filename!r}",
                f"unsupported compression: {info.filename!r}",
            )
        if any(len(part.encode("utf-8")) > 200 for part in path.parts):
            raise UnsafeArchive(
                f"nom trop long dans l'archive : {info.filename[:60]!r}…",
                f"name too long in the archive: {info.filename[:60]!r}…",
            )
        total += info.file_size
        files.append(info)
    size = max(archive.stat().st_size, 1)
    if total > max_total or total > MAX_RATIO * size + 10 * CHUNK:
        raise UnsafeArchive(
            f"taille décompressée annoncée démesurée ({total} octets pour une archive de {size})",
            f"announced uncompressed size out of proportion ({total} bytes for {size})",
        )
    return files


def extract(
    archive: Path,
    target: Path,
    damaged: list[str] | None = None,
    max_entries: int = MAX_ENTRIES,
    max_total: int = MAX_TOTAL_BYTES,
) -> dict[str, Path]:
    """Extracts the regular files of a safe archive into ``target``; ``{name: path}``.

    With ``damaged``, an entry whose bytes fail their checksum or do not decompress is named
    there and left out, and the others are extracted: for a package, a corrupted member is a
    changed file to name, not a reason to say nothing of the rest."""
    files = inspect(archive, max_entries, max_total)
    out: dict[str, Path] = {}
    budget = min(max_total, MAX_RATIO * max(archive.stat().st_size, 1) + 10 * CHUNK)
    written = 0
    root = target.resolve()
    with zipfile.ZipFile(archive) as handle:
        for info in files:
            destination = (root / info.filename).resolve()
            if not destination.is_relative_to(root):
                raise UnsafeArchive(
                    f"chemin interdit dans l'archive : {info.filename!r}",
                    f"forbidden path in the archive: {info.filename!r}",
                )
            try:
                destination.parent.mkdir(parents=True, exist_ok=True)
                with handle.open(info) as source, open(destination, "xb") as sink:
                    while chunk := source.read(CHUNK):
                        written += len(chunk)
                        if written > budget:
                            raise UnsafeArchive(
                                "l'archive se décompresse bien au-delà de sa taille annoncée",
                                "the archive decompresses far beyond its announced size",
                            )
                        sink.write(chunk)
            except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
                if damaged is None:
                    raise UnsafeArchive(
                        f"entrée illisible : {info.filename!r}",
                        f"unreadable entry: {info.filename!r}",
                    ) from exc
                destination.unlink(missing_ok=True)
                damaged.append(info.filename)
                continue
            except (OSError, NotImplementedError, RuntimeError) as exc:
                raise UnsafeArchive(
                    f"entrée illisible : {info.filename!r}", f"unreadable entry: {info.filename!r}"
                ) from exc
            out[info.filename] = destination
    return out
