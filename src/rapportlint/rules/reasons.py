"""Why a file could not be read or checked, in words: what RL001, RL002 and RL004 say, and what
the command line says about an unreadable annex. Its own module, imported without the rules and
the analysis: a command that only has to say why a file is refused does not load them.
"""

from __future__ import annotations

# Why a file cannot be read, in words (the loader's codes, refined by rapportlint.sniff).
LOAD_REASONS = {
    "missing": {"fr": "fichier introuvable", "en": "file not found"},
    "empty": {"fr": "le fichier est vide", "en": "the file is empty"},
    "not-pdf": {
        "fr": "ce n'est pas un PDF, mais un autre format, peut-être renommé en .pdf",
        "en": "this is not a PDF but another format, perhaps renamed to .pdf",
    },
    "word": {
        "fr": "c'est un document Word : exportez-le en PDF",
        "en": "this is a Word document: export it to PDF",
    },
    "opendocument": {
        "fr": "c'est un document LibreOffice : exportez-le en PDF",
        "en": "this is a LibreOffice document: export it to PDF",
    },
    "office-97": {
        "fr": "c'est un ancien document Word (.doc) : exportez-le en PDF",
        "en": "this is an old Word document (.doc): export it to PDF",
    },
    "image": {
        "fr": "c'est une image, pas un PDF : exportez le document en PDF",
        "en": "this is a picture, not a PDF: export the document to PDF",
    },
    "corrupt": {
        "fr": "le PDF est corrompu ou tronqué",
        "en": "the PDF is corrupt or truncated",
    },
    "encrypted": {"fr": "mot de passe requis", "en": "password required"},
    "unreadable": {
        "fr": "le fichier ne peut pas être ouvert",
        "en": "the file cannot be opened",
    },
    "too-large": {"fr": "fichier trop gros", "en": "file too large"},
    "too-many-pages": {"fr": "trop de pages", "en": "too many pages"},
}


def load_reason(kind: str, lang: str) -> str:
    """Why a file cannot be read (a loader code such as "not-pdf" or "word"), in words."""
    return LOAD_REASONS.get(kind, LOAD_REASONS["corrupt"])[lang]


BOUND_REASONS = {
    "too-large": {"fr": "fichier trop gros ({detail})", "en": "file too large ({detail})"},
    "too-many-pages": {"fr": "trop de pages ({detail})", "en": "too many pages ({detail})"},
    "timeout": {
        "fr": "analyse trop longue (plus de {detail} s)",
        "en": "analysis too long (over {detail} s)",
    },
    "memory": {
        "fr": "mémoire dépassée (plus de {detail} Mo)",
        "en": "memory exceeded (over {detail} MB)",
    },
    "crash": {
        "fr": "le moteur PDF s'est arrêté sur ce fichier",
        "en": "the PDF engine stopped on this file",
    },
}
