"""click's own words (usage errors, "--help", missing arguments) in French.

click marks its texts for gettext (``_("Usage:")``), looking ``_`` and ``ngettext`` up in each
of its modules when the text is shown. Installing a gettext catalogue would mean a compiled
``.mo`` file and the process locale; instead the names ``_`` and ``ngettext`` of those modules
are pointed at :func:`gettext` and :func:`ngettext` below, which translate from the small table
here, in French unless the command line asks for ``--lang en``.

The language is read from the arguments before click parses them (``--lang en`` or
``--lang=en`` anywhere), so that even an error about another option is in the right language.
A text missing from the table (a click upgrade) is shown in English, never lost; a test checks
that every text of the table still exists in the installed click.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

CLICK_MODULES = (
    "click.core",
    "click.exceptions",
    "click.parser",
    "click._optparse",
    "click.types",
    "click.decorators",
    "click.formatting",
    "click.termui",
    "click.utils",
)

FRENCH: dict[str, str] = {
    "Usage:": "Utilisation :",
    "Options": "Options",
    "Commands": "Commandes",
    "Positional arguments": "Arguments",
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Essayez « {command} {option} » pour l'aide.",
    "No such option {name!r}.": "Option inconnue : {name}.",
    "No such command {name!r}.": "Commande inconnue : {name}.",
    "Missing command.": "Commande manquante.",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing {param_type}": "{param_type} manquant",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Option {name!r} does not take a value.": "L'option {name} ne prend pas de valeur.",
    "Argument {name!r} takes {nargs} values.": "L'argument {name} prend {nargs} valeurs.",
    "Show this message and exit.": "Affiche cette aide et quitte.",
    "Show the version and exit.": "Affiche la version et quitte.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "default: {default}": "défaut : {default}",
    "required": "obligatoire",
    "env var: {var}": "variable d'environnement : {var}",
    "(dynamic)": "(dynamique)",
    "Aborted!": "Interrompu.",
    "Choose from:\n\t{choices}": "Choisissez parmi :\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "« {value} » n'est pas un nombre valide.",
    "{value} is not in the range {range}.": "{value} n'est pas dans l'intervalle {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "« {value} » n'est pas un booléen valide. Valeurs reconnues : {states}"
    ),
    "{name} {filename!r} does not exist.": "{name} « {filename} » introuvable.",
    "{name} {filename!r} is a file.": "{name} « {filename} » est un fichier.",
    "{name} {filename!r} is a directory.": "{name} « {filename} » est un dossier.",
    "{name} {filename!r} is not readable.": "{name} « {filename} » n'est pas lisible.",
    "{name} {filename!r} is not writable.": "{name} « {filename} » n'est pas modifiable.",
    "file": "fichier",
    "directory": "dossier",
    "path": "chemin",
}

FRENCH_PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Argument en trop : {args}",
        "Arguments en trop : {args}",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "L'option {name} demande une valeur.",
        "L'option {name} demande {nargs} valeurs.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "« {value} » n'est pas {choice}.",
        "« {value} » n'est pas une des valeurs possibles : {choices}.",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Vouliez-vous dire {possibility} ?",
        "(Vouliez-vous dire l'une de : {possibilities} ?)",
    ),
    (
        "Takes {nargs} values but 1 was given.",
        "Takes {nargs} values but {len} were given.",
    ): ("Prend {nargs} valeurs, 1 donnée.", "Prend {nargs} valeurs, {len} données."),
}

_language = {"current": "fr"}


def gettext(message: str) -> str:
    if _language["current"] != "fr":
        return message
    return FRENCH.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    if _language["current"] == "fr":
        french = FRENCH_PLURALS.get((singular, plural))
        if french is not None:
            return french[0] if count < 2 else french[1]
    return singular if count == 1 else plural


def language_of(args: Sequence[str]) -> str:
    """The language the command line asks for: "en" for ``--lang en``/``--lang=en``, before
    or after the command; the last one given wins, as for the command's own option."""
    args = list(args)
    found = "fr"
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = "en" if args[i + 1] == "en" else "fr"
        elif arg.startswith("--lang="):
            found = "en" if arg.split("=", 1)[1] == "en" else "fr"
    return found


def current() -> str:
    """The language the command line asked for ("fr" or "en")."""
    return _language["current"]


def use(language: str) -> None:
    """Shows click's texts in ``language`` from now on (French unless "en")."""
    _language["current"] = "en" if language == "en" else "fr"


def install() -> None:
    """Points click's gettext names at this module's (once; harmless if done again)."""
    for name in CLICK_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
