"""The ``rapportlint`` command group, whose commands are imported only when they run.

Each command lives in its own module of :mod:`rapportlint.cli` and registers itself on
:data:`main` when that module is imported. The group imports a command's module only when the
command line names it (or ``--help`` lists them all): ``rapportlint check`` never pays for the
code of ``serve``, ``pack`` or ``jury``, nor ``rapportlint --version`` for any of them.
"""

from __future__ import annotations

import sys
from importlib import import_module

import click

from rapportlint import __version__
from rapportlint.cli import help_texts, translation

LANGUAGES = ("fr", "en")

# Command name -> the module that defines it. A command missing here is still found once its
# module is imported; a test checks that this table names every command.
COMMANDS = {
    "batch": "rapportlint.cli.classe",
    "check": "rapportlint.cli.check",
    "init": "rapportlint.cli.submission",
    "jury": "rapportlint.cli.classe",
    "pack": "rapportlint.cli.submission",
    "pages": "rapportlint.cli.pages",
    "rules": "rapportlint.cli.catalogue",
    "serve": "rapportlint.cli.serve",
    "verify": "rapportlint.cli.submission",
}


class Group(click.Group):
    """The command group, with click's own texts and ours in the language the command line
    asks for (French unless ``--lang en``), read before click parses anything: a usage error is
    then in the user's language too. ``--lang`` is taken before the command as well as after
    it (``rapportlint --lang en check x.pdf``). Commands are imported on demand
    (:data:`COMMANDS`)."""

    def main(self, args=None, *rest, **options):  # type: ignore[override]
        translation.install()
        translation.use(translation.language_of(sys.argv[1:] if args is None else args))
        help_texts.localise(self, translation.current())
        return super().main(args, *rest, **options)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            import_module(COMMANDS[cmd_name])  # the module registers the command on the group
        command = super().get_command(ctx, cmd_name)
        return help_texts.localise(command, translation.current()) if command else None


def _lang_for_every_command(ctx: click.Context, _param: click.Parameter, value: str | None):
    """``rapportlint --lang en COMMAND``: the language becomes the default of the command's own
    ``--lang`` (which still wins when given after the command)."""
    if value is not None:
        ctx.default_map = {
            **(ctx.default_map or {}),
            **{name: {"lang": value} for name in ctx.command.list_commands(ctx)},
        }
    return value


@click.group(
    cls=Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    subcommand_metavar="COMMANDE [ARGUMENTS]...",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    expose_value=False,
    is_eager=True,
    callback=_lang_for_every_command,
    help="Langue des messages.",
)
@click.version_option(__version__, prog_name="rapportlint", help="Affiche la version et quitte.")
def main() -> None:
    """Vérifie le rapport de stage du BTS CIEL, page par page."""
