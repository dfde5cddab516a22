"""Writing outputs without ever losing or half-writing a user's file.

Everything goes to a temporary file in the target folder, then is renamed over the target in
one step. An existing file is only replaced when the caller says so, an input is never the
output, and a symlink at the target is refused rather than written through.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


class OutputError(Exception):
    """The output cannot be written; the message is French and says why."""


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
    if target.is_symlink():
        raise OutputError(f"{target} est un lien symbolique : écriture refusée")
    for source in inputs:
        if Path(source).exists() and target.exists() and target.resolve() == Path(source).resolve():
            raise OutputError(f"{target} est un fichier d'entrée : il ne sera pas écrasé")
    if target.exists() and not overwrite:
        raise OutputError(f"{target} existe déjà (ajoutez --overwrite pour le remplacer)")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"le dossier {folder} n'existe pas")
    import tempfile  # here, not at start-up: most runs write nothing

    mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
    try:
        fd, temp_name = tempfile.mkstemp(prefix=".rl-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"écriture impossible dans {folder} ({error.strerror})") from error
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)  # mkstemp makes 0600: give the file the mode a user expects
        os.replace(temp_name, target)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise OutputError(f"écriture impossible : {target} ({error.strerror or error})") from error
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
    data: str | bytes,
    *,
    overwrite: bool = False,
    inputs: tuple[str | Path, ...] = (),
) -> Path:
    """Writes ``data`` to ``target`` through :func:`atomic_file`."""
    with atomic_file(target, overwrite=overwrite, inputs=inputs) as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    return Path(target)
