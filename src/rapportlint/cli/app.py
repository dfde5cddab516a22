"""The ``rapportlint`` command group."""

from __future__ import annotations

import sys

import click

from rapportlint import __version__
from rapportlint.cli import translation


class Group(click.Group):
    """The command group, with click's own texts in the language the command line asks for
    (French unless ``--lang en``), read before click parses anything: a usage error is then
    in the user's language too."""

    def main(self, args=None, *rest, **options):  # type: ignore[override]
        translation.install()
        translation.use(translation.language_of(sys.argv[1:] if args is None else args))
        return super().main(args, *rest, **options)


@click.group(
    cls=Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    subcommand_metavar="COMMANDE [ARGUMENTS]...",
)
@click.version_option(__version__, prog_name="rapportlint", help="Affiche la version et quitte.")
def main() -> None:
    """Vérifie le rapport de stage du BTS CIEL, page par page."""
