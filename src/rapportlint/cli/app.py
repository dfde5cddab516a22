"""The ``rapportlint`` command group."""

from __future__ import annotations

import click

from rapportlint import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rapportlint")
def main() -> None:
    """Vérifie le rapport de stage du BTS CIEL, page par page."""
