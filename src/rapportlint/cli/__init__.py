"""The command line: one module per family of commands, all on the ``rapportlint`` group.

Exit codes: 0 no error found, 1 errors found, 2 the work could not be done (missing file, not a
PDF, encrypted, bound passed, bad option or configuration). Failures print one clear line on
stderr, never a traceback (set RAPPORTLINT_DEBUG=1 to see one).
"""

from __future__ import annotations

import os
import sys

import click

# The commands' modules are imported by the group when a command is asked for
# (rapportlint.cli.app.COMMANDS): importing this package costs click and the group only.
from rapportlint.cli.app import main
from rapportlint.cli.common import EXIT_FAILURE

__all__ = ["main", "run"]


def run() -> None:
    """The console entry point: a bug ends in one clear line and exit 2, not a traceback."""
    try:
        main()  # click ends every command, --help and usage errors with SystemExit
    except SystemExit as done:
        _exit_now(done.code)
    except Exception as error:
        if os.environ.get("RAPPORTLINT_DEBUG"):
            raise
        click.echo(
            f"rapportlint: erreur interne ({type(error).__name__}: {error}) ; "
            "relancez avec RAPPORTLINT_DEBUG=1 et signalez-la",
            err=True,
        )
        sys.exit(EXIT_FAILURE)


def _exit_now(code: object) -> None:
    """Ends the process once its output is flushed, without the interpreter's teardown.

    A command is done when click raises SystemExit: every file it wrote was written atomically
    and closed, every child process was waited for. Tearing down the imported modules (the
    analysis, PDFium's library) then only costs time, 20 to 40 ms of a 0.4 s check, so the
    console entry point flushes the output and ends there. Not under a tool that collects at
    exit (a tracer, coverage); ``main`` called from Python (tests, ``CliRunner``) exits as
    usual."""
    if sys.gettrace() is not None or "coverage" in sys.modules:
        sys.exit(code)
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): the message on stderr, status 1
        print(code, file=sys.stderr)
        status = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away (``rapportlint check x.pdf | head``)
        pass
    os._exit(status)
