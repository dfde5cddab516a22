"""Rules about the file itself: unreadable, encrypted, or without a text layer.

RL001 and RL002 are raised by the engine when the document cannot be loaded; RL003 is a rule on
the model like the others.
"""

from __future__ import annotations

from collections.abc import Iterator

from rapportlint.findings import Severity
from rapportlint.rules.context import Context
from rapportlint.rules.registry import Hit, Rule, register, rule

SCANNED_BODY_SHARE = 0.8

register(
    Rule(
        id="RL001",
        name="pdf-illisible",
        severity=Severity.ERROR,
        summary={
            "fr": "Le fichier n'est pas un PDF lisible (corrompu, vide ou autre format).",
            "en": "The file is not a readable PDF (corrupt, empty or another format).",
        },
        message={
            "fr": "Le fichier ne peut pas être lu comme un PDF : {reason}.",
            "en": "The file cannot be read as a PDF: {reason}.",
        },
        expected={"fr": "un fichier PDF lisible", "en": "a readable PDF file"},
        found={"fr": "{reason}", "en": "{reason}"},
        fix={
            "fr": "Réexportez le rapport en PDF depuis votre traitement de texte (Fichier > Exporter au format PDF) et vérifiez qu'il s'ouvre.",
            "en": "Export the report to PDF again from your word processor (File > Export as PDF) and check that it opens.",
        },
        family="fichier",
    )
)
register(
    Rule(
        id="RL002",
        name="pdf-chiffre",
        severity=Severity.ERROR,
        summary={
            "fr": "Le PDF est protégé par un mot de passe.",
            "en": "The PDF is protected by a password.",
        },
        message={
            "fr": "Le PDF demande un mot de passe pour être ouvert : il ne peut pas être vérifié ni lu par le jury.",
            "en": "The PDF needs a password to open: it cannot be checked, nor read by the jury.",
        },
        expected={"fr": "un PDF sans mot de passe", "en": "a PDF without a password"},
        found={"fr": "un PDF protégé par mot de passe", "en": "a password-protected PDF"},
        fix={
            "fr": "Réexportez le PDF sans protection (décochez « Chiffrer le document » ou « Mot de passe » dans les options d'export).",
            "en": "Export the PDF again without protection (untick 'Encrypt' or 'Password' in the export options).",
        },
        family="fichier",
    )
)


@rule(
    "RL003",
    "sans-texte",
    Severity.ERROR,
    summary={
        "fr": "Le corps du rapport n'a pas de couche texte (document scanné) : rien d'autre ne peut être vérifié.",
        "en": "The body of the report has no text layer (a scan): nothing else can be checked.",
    },
    message={
        "fr": "{scanned} pages sur {total} du corps du rapport sont des images sans texte (document scanné ou imprimé en image).",
        "en": "{scanned} of the {total} body pages are pictures without text (a scanned or image-printed document).",
    },
    expected={
        "fr": "un rapport avec du texte sélectionnable",
        "en": "a report with selectable text",
    },
    found={
        "fr": "{scanned}/{total} pages sans texte",
        "en": "{scanned}/{total} pages without text",
    },
    fix={
        "fr": "Exportez le rapport en PDF directement depuis le traitement de texte au lieu de le scanner ou de l'imprimer en image.",
        "en": "Export the report to PDF straight from the word processor instead of scanning it or printing it as an image.",
    },
    family="fichier",
)
def no_text_layer(ctx: Context) -> Iterator[Hit]:
    layout = ctx.analysis.layout
    body = range(1, layout.last_body_page + 1)
    scanned = [n for n in body if not ctx.analysis.pages[n].has_text]
    if len(body) and len(scanned) / len(body) >= SCANNED_BODY_SHARE:
        yield Hit(page=scanned[0], values={"scanned": len(scanned), "total": len(body)})


def body_is_scanned(ctx: Context) -> bool:
    """Whether RL003 applies: then the content rules have nothing to read and stay silent."""
    return any(True for _ in no_text_layer(ctx))
