"""Writing outputs without ever losing or half-writing a user's file.

Everything goes to a temporary file in the target folder, then is renamed over the target in
one step. An existing file is only replaced when the caller says so, an input is never the
output, and a symlink at the target is refused rather than written through.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

OS_REASONS = {
    errno.EACCES: {"fr": "permission refusée", "en": "permission denied"},
    errno.EPERM: {"fr": "permission refusée", "en": "permission denied"},
    errno.ENOENT: {"fr": "chemin introuvable", "en": "no such path"},
    errno.ENOSPC: {"fr": "disque plein", "en": "disk full"},
    errno.EDQUOT: {"fr": "quota de disque dépassé", "en": "disk quota exceeded"},
    errno.EROFS: {"fr": "disque en lecture seule", "en": "read-only disk"},
    errno.EISDIR: {"fr": "c'est un dossier", "en": "it is a folder"},
    errno.ENOTDIR: {
        "fr": "un élément du chemin n'est pas un dossier",
        "en": "part of the path is not a folder",
    },
    errno.ENAMETOOLONG: {"fr": "nom trop long", "en": "name too long"},
    errno.EEXIST: {"fr": "existe déjà", "en": "already exists"},
}


def os_reason(error: OSError, lang: str = "fr") -> str:
    """Why the system refused, in words ("permission refusée"), never "[Errno 13] ..."."""
    reason = OS_REASONS.get(error.errno or 0)
    if reason is None:
        return "erreur du système de fichiers" if lang == "fr" else "file system error"
    return reason[lang if lang in reason else "fr"]


MESSAGES = {
    "symlink": {
        "fr": "{target} est un lien symbolique : écriture refusée",
        "en": "{target} is a symbolic link: not written",
    },
    "input": {
        "fr": "{target} est un fichier d'entrée : il ne sera pas écrasé",
        "en": "{target} is an input file: it will not be overwritten",
    },
    "exists": {
        "fr": "{target} existe déjà (ajoutez --overwrite pour le remplacer)",
        "en": "{target} already exists (add --overwrite to replace it)",
    },
    "folder_target": {
        "fr": "{target} est un dossier : donnez un nom de fichier",
        "en": "{target} is a folder: give a file name",
    },
    "no_folder": {
        "fr": "le dossier {folder} n'existe pas",
        "en": "the folder {folder} does not exist",
    },
    "not_a_folder": {
        "fr": "{folder} n'est pas un dossier",
        "en": "{folder} is not a folder",
    },
    "not_writable": {
        "fr": "écriture impossible dans {folder} ({reason})",
        "en": "cannot write in {folder} ({reason})",
    },
    "write_failed": {
        "fr": "écriture impossible : {target} ({reason})",
        "en": "cannot write {target} ({reason})",
    },
}


class OutputError(Exception):
    """The output cannot be written; :meth:`text` says why in French or English (``str()`` is
    the French text)."""

    def __init__(self, key: str, *, error: OSError | None = None, **values: object) -> None:
        self.key, self.error, self.values = key, error, values
        super().__init__(self.text("fr"))

    def text(self, lang: str = "fr") -> str:
        lang = lang if lang in ("fr", "en") else "fr"
        reason = os_reason(self.error, lang) if self.error is not None else ""
        return MESSAGES[self.key][lang].format(reason=reason, **self.values)


def _folder(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def probe(target: str | Path, *, overwrite: bool = False, inputs: tuple = ()) -> None:
    """Raises OutputError now if ``target`` could not be written at the end: what
    :func:`atomic_file` would refuse, and a folder where no file can be created (tried for
    real: permission bits do not tell, for root or on a read-only disk)."""
    target = Path(target)
    _refuse(target, overwrite, inputs)
    if target.is_dir():
        raise OutputError("folder_target", target=target)
    import tempfile

    folder = _folder(target)
    try:
        fd, name = tempfile.mkstemp(prefix=".rl-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError("not_writable", folder=folder, error=error) from error
    os.close(fd)
    os.unlink(name)


def _refuse(target: Path, overwrite: bool, inputs: tuple) -> None:
    """What is never written: through a symlink, over an input, over a file without
    ``overwrite``, in a folder that does not exist."""
    if target.is_symlink():
        raise OutputError("symlink", target=target)
    for source in inputs:
        if Path(source).exists() and target.exists() and target.resolve() == Path(source).resolve():
            raise OutputError("input", target=target)
    if target.exists() and not overwrite and not target.is_dir():
        raise OutputError("exists", target=target)
    folder = _folder(target)
    if not folder.exists():
        raise OutputError("no_folder", folder=folder)
    if not folder.is_dir():
        raise OutputError("not_a_folder", folder=folder)


@contextmanager
def atomic_file(
    target: str | Path,
    *,
    overwrite: bool = False,
    inputs: tuple[str | Path, ...] = (),
) -> Iterator[BinaryIO]:
    """A binary file that becomes ``target`` only when the ``with`` block ends without error.

    Refuses a symlink at the target, an input as the target, and an existing target unless
    ``overwrite``; the bytes go to a temporary name in the same folder, are fsynced, then renamed.
    """
    target = Path(target)
    _refuse(target, overwrite, inputs)
    if target.is_dir():
        raise OutputError("folder_target", target=target)
    folder = _folder(target)
    import tempfile  # here, not at start-up: most runs write nothing

    mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
    try:
        fd, temp_name = tempfile.mkstemp(prefix=".rl-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError("not_writable", folder=folder, error=error) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)  # mkstemp makes 0600: give the file the mode a user expects
        os.replace(temp_name, target)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise OutputError("write_failed", target=target, error=error) from error
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    """0666 less the umask, as a plain open() would create the file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(
    target: str | Path,
    data: str | bytes | Iterable[str],
    *,
    overwrite: bool = False,
    inputs: tuple[str | Path, ...] = (),
) -> Path:
    """Writes ``data`` to ``target`` through :func:`atomic_file`; text given as pieces (the JSON
    lines of a whole class) is written piece by piece, never held whole."""
    with atomic_file(target, overwrite=overwrite, inputs=inputs) as handle:
        if isinstance(data, str | bytes):
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        else:
            for piece in data:
                handle.write(piece.encode("utf-8"))
    return Path(target)
