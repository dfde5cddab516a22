"""Rules about the file itself: unreadable, encrypted, or without a text layer.

RL001 and RL002 are raised by the engine when the document cannot be loaded; RL003 is a rule on
the model like the others.
"""

from __future__ import annotations

from collections.abc import Iterator

from rapportlint.findings import Severity
from rapportlint.rules.base import Hit, Rule, register, rule
from rapportlint.rules.context import Context

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
            "fr": "Le fichier ne peut pas être lu comme un PDF ({reason}).",
            "en": "The file cannot be read as a PDF ({reason}).",
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

register(
    Rule(
        id="RL004",
        name="pdf-hors-limites",
        severity=Severity.ERROR,
        summary={
            "fr": "Le fichier dépasse une limite de l'outil (taille, pages, temps, mémoire).",
            "en": "The file passes one of the tool's bounds (size, pages, time, memory).",
        },
        message={
            "fr": "Le fichier n'a pas été analysé jusqu'au bout : {reason}.",
            "en": "The file was not analysed to the end: {reason}.",
        },
        expected={
            "fr": "un rapport d'une trentaine de pages, de quelques Mo",
            "en": "a report of about thirty pages, a few MB",
        },
        found={"fr": "{reason}", "en": "{reason}"},
        fix={
            "fr": "Vérifiez que c'est bien le rapport et réexportez-le en PDF depuis le traitement de texte (images compressées). Si le fichier est légitime, relevez la limite ([limits] ou --timeout, --memory).",
            "en": "Check that this is the report and export it to PDF again from the word processor (compressed pictures). If the file is legitimate, raise the bound ([limits] or --timeout, --memory).",
        },
        family="fichier",
    )
)


@rule(
    "RL601",
    "contenu-actif",
    Severity.WARNING,
    summary={
        "fr": "Le PDF contient du JavaScript, des actions de lancement ou des fichiers joints.",
        "en": "The PDF holds JavaScript, launch actions or attached files.",
    },
    message={
        "fr": "Le PDF contient : {what}. rapportlint ne l'exécute ni ne l'ouvre, mais un rapport n'en a pas besoin : à regarder.",
        "en": "The PDF holds: {what}. rapportlint neither runs nor opens it, but a report has no need for it: worth a look.",
    },
    expected={"fr": "un PDF sans contenu actif", "en": "a PDF without active content"},
    found={"fr": "{what}", "en": "{what}"},
    fix={
        "fr": "Réexportez le rapport en PDF depuis le traitement de texte (Fichier > Exporter), sans pièce jointe ni script.",
        "en": "Export the report to PDF again from the word processor (File > Export), without attachments or scripts.",
    },
    family="fichier",
)
def active_content(ctx: Context) -> Iterator[Hit]:
    names = {
        "javascript": {"fr": "JavaScript", "en": "JavaScript"},
        "launch": {"fr": "action de lancement d'un programme", "en": "program launch action"},
        "attachment": {"fr": "pièces jointes", "en": "attached files"},
        "submit": {
            "fr": "envoi ou ouverture de données externes",
            "en": "submission or opening of external data",
        },
    }
    active = ctx.analysis.document.active
    if active:
        what = {
            lang: ", ".join(f"{names[k][lang]} ({n})" for k, n in sorted(active.items()))
            for lang in ("fr", "en")
        }
        yield Hit(page=None, values={"what": what})


@rule(
    "RL003",
    "sans-texte",
    Severity.ERROR,
    summary={
        "fr": "Le corps du rapport n'a pas de couche texte lisible (document scanné, ou polices sans correspondance Unicode) : rien d'autre ne peut être vérifié.",
        "en": "The body of the report has no readable text layer (a scan, or fonts without a Unicode mapping): nothing else can be checked.",
    },
    message={
        "fr": "{scanned:page|pages} sur {total} du corps du rapport {scanned:~est une image|sont des images} sans texte (document scanné ou imprimé en image).",
        "en": "{scanned} of the {total} body pages {scanned:~is a picture|are pictures} without text (a scanned or image-printed document).",
    },
    expected={
        "fr": "un rapport avec du texte sélectionnable",
        "en": "a report with selectable text",
    },
    found={
        "fr": "{scanned} {scanned:~page|pages} sur {total} sans texte",
        "en": "{scanned} of {total} {total:~page|pages} without text",
    },
    fix={
        "fr": "Exportez le rapport en PDF directement depuis le traitement de texte au lieu de le scanner ou de l'imprimer en image.",
        "en": "Export the report to PDF straight from the word processor instead of scanning it or printing it as an image.",
    },
    family="fichier",
    variants={
        "scanned": {},
        "garbled": {
            "message": {
                "fr": "{scanned:page|pages} sur {total} du corps du rapport {scanned:~a un texte illisible|ont un texte illisible} : les polices n'ont pas de correspondance Unicode (PDF « imprimé » en PDF ou converti), un copier-coller n'y donne que des signes.",
                "en": "{scanned} of the {total} body pages {scanned:~has|have} an unreadable text layer: the fonts have no Unicode mapping (a PDF 'printed' to PDF or converted), copying gives only symbols.",
            },
            "found": {
                "fr": "{scanned} {scanned:~page|pages} sur {total} au texte illisible",
                "en": "{scanned} of {total} {total:~page|pages} with unreadable text",
            },
            "fix": {
                "fr": "Exportez le rapport en PDF depuis le traitement de texte (Word : Enregistrer sous > PDF ; LaTeX : pdflatex avec \\usepackage[T1]{{fontenc}}) au lieu de l'imprimer en PDF.",
                "en": "Export the report to PDF from the word processor (Word: Save as > PDF; LaTeX: pdflatex with \\usepackage[T1]{{fontenc}}) instead of printing it to PDF.",
            },
        },
    },
)
def no_text_layer(ctx: Context) -> Iterator[Hit]:
    layout = ctx.analysis.layout
    body = range(1, layout.last_body_page + 1)
    scanned = [n for n in body if not ctx.analysis.pages[n].has_text]
    if len(body) and len(scanned) / len(body) >= SCANNED_BODY_SHARE:
        garbled = [n for n in scanned if ctx.analysis.pages[n].garbled]
        yield Hit(
            page=scanned[0],
            values={"scanned": len(scanned), "total": len(body)},
            variant="garbled" if 2 * len(garbled) >= len(scanned) else "scanned",
        )


def body_is_scanned(ctx: Context) -> bool:
    """Whether RL003 applies: then the content rules have nothing to read and stay silent."""
    return any(True for _ in no_text_layer(ctx))
