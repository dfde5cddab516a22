"""The command line's own help texts in English (``--lang en``): commands, options, metavars.

The texts are written in French where they are declared (``help="..."``, the commands'
docstrings); this table gives each its English, keyed by the French text with its spaces
collapsed (a docstring's line breaks do not matter). :func:`localise` puts one language or the
other on a command just before click shows it, and keeps the French to put it back: a process
that runs several commands (the tests) sees each in the language it asked for. A test checks
that every text of every command has its English here.
"""

from __future__ import annotations

import click

ENGLISH: dict[str, str] = {
    # Commands.
    "Vérifie le rapport de stage du BTS CIEL, page par page.": (
        "Checks the BTS CIEL internship report, page by page."
    ),
    "Vérifie RAPPORT (le PDF du rapport) : chaque problème avec sa page et sa correction.": (
        "Checks REPORT (the report's PDF): each problem with its page and its fix."
    ),
    "Affiche chaque page de RAPPORT : numéro imprimé, rôle (couverture, sommaire, corps, "
    "annexe...) et la raison, pour voir ce qui compte dans le corps du rapport.": (
        "Shows each page of REPORT: printed number, role (cover, contents, body, annex...) and "
        "the reason, to see what counts in the body of the report."
    ),
    "Liste les règles : identifiant, nom, sévérité par défaut, résumé.": (
        "Lists the rules: id, name, default severity, summary."
    ),
    "Vérifie tous les PDF et paquets sous DOSSIER (ou le ZIP d'un devoir Moodle) : le tableau "
    "de la classe, trié par problèmes.": (
        "Checks every PDF and package under FOLDER (or a Moodle assignment's ZIP): the class "
        "table, sorted by problems."
    ),
    "Synthèse pour le jury : une page par candidat (PDF) et un tableau de classe (CSV).": (
        "Jury summary: one page per candidate (PDF) and a class table (CSV)."
    ),
    "Écrit un dossier.toml commenté, à remplir avant `rapportlint pack`.": (
        "Writes a commented dossier.toml, to fill in before `rapportlint pack`."
    ),
    "Vérifie le dossier complet (rapport, annexes, justificatifs) et crée le paquet à rendre.": (
        "Checks the whole dossier (report, annexes, proofs) and makes the package to hand in."
    ),
    "Vérifie que PAQUET est intact (empreintes, PDF complet fidèle aux originaux) et conforme.": (
        "Checks that PACKAGE is intact (digests, merged PDF true to the originals) and compliant."
    ),
    "Sert la vérification dans le navigateur : les élèves déposent leur PDF sur une page.": (
        "Serves the check in the browser: students drop their PDF on a page."
    ),
    # Options shared by several commands.
    "Langue des messages.": "Language of the messages.",
    "Fichier rapportlint.toml à utiliser.": "rapportlint.toml file to use.",
    "Autorise à remplacer les fichiers de sortie existants.": (
        "Allows replacing existing output files."
    ),
    "Règles à ignorer.": "Rules to ignore.",
    "Nombre de pages maximal (30).": "Maximum number of pages (30).",
    "Décompte : toutes les pages avant les annexes (all) ou depuis l'introduction.": (
        "Count: every page before the annexes (all) or from the introduction."
    ),
    "Temps maximal d'analyse d'un fichier, en secondes (60).": (
        "Maximum analysis time of one file, in seconds (60)."
    ),
    "Mémoire maximale d'analyse d'un fichier, en Mo (1024).": (
        "Maximum memory to analyse one file, in MB (1024)."
    ),
    "Vérifications en parallèle (défaut : nombre de cœurs).": (
        "Checks in parallel (default: number of cores)."
    ),
    "Revérifie chaque fichier, même inchangé depuis la dernière fois (sans lire ni écrire le "
    "cache).": "Checks every file again, even unchanged since last time (the cache is neither "
    "read nor written).",
    "Format de sortie.": "Output format.",
    "Affiche la version et quitte.": "Shows the version and exits.",
    # check
    "Écrit le résultat dans ce fichier (écriture atomique).": (
        "Writes the result to this file (atomic write)."
    ),
    "Autorise -o à remplacer un fichier existant.": "Allows -o to replace an existing file.",
    "Document annexé fourni à part (un par option), avec son type déclaré.": (
        "Annexed document given as a separate file (one per option), with its declared kind."
    ),
    "Couleurs (par défaut : si terminal).": "Colours (default: on a terminal).",
    # batch and jury
    "Liste de classe CSV : fichier, nom, prénom.": "Class list CSV: file, last name, first name.",
    "Écrit le tableau en CSV.": "Writes the table as CSV.",
    "Écrit un objet JSON par rapport (une ligne chacun).": (
        "Writes one JSON object per report (one line each)."
    ),
    "Écrit un tableau de bord (index.html) et le rapport HTML de chaque élève.": (
        "Writes a dashboard (index.html) and each student's HTML report."
    ),
    "Écrit le ZIP de fichiers de feedback à téléverser dans le devoir Moodle.": (
        "Writes the ZIP of feedback files to upload to the Moodle assignment."
    ),
    "Complète la feuille d'évaluation du devoir (copie FEUILLE.rapportlint.csv à côté).": (
        "Fills in the assignment's grading worksheet (copy WORKSHEET.rapportlint.csv beside it)."
    ),
    "Le PDF de synthèse (une page par candidat).": "The summary PDF (one page per candidate).",
    "La synthèse en CSV.": "The summary as CSV.",
    # init, pack, verify
    "Où écrire le dossier à remplir.": "Where to write the dossier to fill in.",
    "Remplace un dossier existant.": "Replaces an existing dossier.",
    "Dossier où écrire le paquet.": "Folder where the package is written.",
    "Crée le paquet même avec des erreurs (il sera marqué comme tel).": (
        "Makes the package even with errors (it is marked as such)."
    ),
    "Remplace un paquet existant.": "Replaces an existing package.",
    "L'empreinte notée à la remise (16 chiffres hexadécimaux) : dit si le paquet est celui-là.": (
        "The fingerprint recorded at submission (16 hex digits): says whether the package is "
        "that one."
    ),
    # serve
    "Adresse d'écoute ; 0.0.0.0 pour la salle (un jeton est alors exigé).": (
        "Address to listen on; 0.0.0.0 for the classroom (a token is then required)."
    ),
    "Port (0 : libre).": "Port (0: any free one).",
    "Envois en attente au plus, en plus de ceux en cours ; au-delà : « réessayez » (503).": (
        "Uploads waiting at most, besides those being checked; beyond: 'try again' (503)."
    ),
    "Taille maximale d'un envoi, rapport et annexes ensemble, en Mo (100).": (
        "Maximum size of an upload, report and annexes together, in MB (100)."
    ),
    "Jeton d'accès à mettre dans l'adresse (?token=…) ; généré si --host n'est pas local.": (
        "Access token to put in the address (?token=…); generated if --host is not local."
    ),
    # Metavars: the placeholders of the usage lines.
    "COMMANDE [ARGUMENTS]...": "COMMAND [ARGS]...",
    "DOSSIER": "FOLDER",
    "FICHIER": "FILE",
    "FICHIER.pdf": "FILE.pdf",
    "[technique:|presse:]FICHIER.pdf": "[technique:|presse:]FILE.pdf",
    "LISTE.csv": "LIST.csv",
    "MO": "MB",
    "SECONDES": "SECONDS",
    "PAQUET": "PACKAGE",
    "RAPPORT": "REPORT",
    "RETOURS.zip": "FEEDBACK.zip",
    "FEUILLE.csv": "WORKSHEET.csv",
    "EMPREINTE": "FINGERPRINT",
}
# Metavars that read the same in both languages.
SAME = {"N", "RL206[,RL207]"}

TEXT_ATTRIBUTES = ("help", "short_help", "metavar", "subcommand_metavar")


def key(text: str) -> str:
    """The table's key of a text: its spaces collapsed (docstrings keep their line breaks)."""
    return " ".join(text.split())


def english(text: str) -> str:
    """The English of one of our French texts (the text itself when it needs none)."""
    return ENGLISH.get(key(text), text)


def texts_of(command: click.Command) -> list[tuple[object, str]]:
    """Every (object, attribute) of ``command`` that holds one of our texts."""
    return [
        (item, attribute)
        for item in (command, *command.params)
        for attribute in TEXT_ATTRIBUTES
        if isinstance(getattr(item, attribute, None), str)
    ]


def localise(command: click.Command, language: str) -> click.Command:
    """Puts ``command``'s texts in ``language`` ("en", else French), keeping the French."""
    for item, attribute in texts_of(command):
        saved = f"_rapportlint_fr_{attribute}"
        if not hasattr(item, saved):
            setattr(item, saved, getattr(item, attribute))
        french = getattr(item, saved)
        setattr(item, attribute, english(french) if language == "en" else french)
    return command
