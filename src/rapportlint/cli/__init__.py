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
        main()
    except Exception as error:
        if os.environ.get("RAPPORTLINT_DEBUG"):
            raise
        click.echo(
            f"rapportlint: erreur interne ({type(error).__name__}: {error}) ; "
            "relancez avec RAPPORTLINT_DEBUG=1 et signalez-la",
            err=True,
        )
        sys.exit(EXIT_FAILURE)
