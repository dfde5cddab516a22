"""Rules on the three English annexed documents (regulation 2.1.3)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from rapportlint.analysis.annexes import AnnexDocument
from rapportlint.analysis.language import UNDETERMINED
from rapportlint.findings import Severity
from rapportlint.rules.base import LANGUAGE_NAMES, Hit, rule
from rapportlint.rules.context import Context
from rapportlint.wording import annex_kind_list

KIND_NAMES = {
    "technique": {"fr": "document technique", "en": "technical document"},
    "presse": {"fr": "article de presse", "en": "press article"},
    "inconnu": {"fr": "type indéterminé", "en": "unknown kind"},
}


SURE_KIND = 0.6  # a guessed kind this confident makes RL304 an error (every guess at 0.5 or more was right on the development sets)

# How a student adds an annex as a separate file and declares its kind, where they read the fix:
# options of the command line, or the upload page of rapportlint serve (which has no options).
ADD_ANNEXES = {
    "cli": {"fr": "ou ajoutez-les avec --annexe", "en": "or add them with --annexe"},
    "web": {
        "fr": "ou ajoutez-les sur cette page, sous « Documents en anglais fournis à part », "
        "chacun avec son type",
        "en": "or add them on this page, under 'English documents given separately', each "
        "with its kind",
    },
}
DECLARE_KIND = {
    "cli": {"fr": "--annexe technique:fichier.pdf", "en": "--annexe technique:file.pdf"},
    "web": {
        "fr": "pour un document fourni à part, choisissez son type à côté du fichier sur cette "
        "page",
        "en": "for a document given separately, choose its kind beside the file on this page",
    },
}


def _interface(ctx: Context) -> str:
    return "web" if ctx.settings.interface == "web" else "cli"


def meant_annexes(ctx: Context) -> list[AnnexDocument]:
    """The annexed documents meant as the three English ones (not glossaries and the like),
    whatever their language."""
    return [a for a in ctx.analysis.annexes if a.role == "english"]


def english_annexes(ctx: Context) -> list[AnnexDocument]:
    """Those of them in English, or whose language cannot be read (a scan, a screenshot)."""
    return [a for a in meant_annexes(ctx) if a.language in ("en", UNDETERMINED)]


def evidently_one_of_the_three(ctx: Context, annex: AnnexDocument) -> bool:
    """Whether the document is plainly meant as one of the three English documents: the
    report annexes exactly three, or kinds are written on its annexes or declared, or it was
    given as one. Otherwise (a workshop handout, a program's documentation, the student's own
    weekly reports in English) it may be something else: what RL302 and RL305 say of it is
    then a warning; RL301 already says that the three are not there."""
    meant = meant_annexes(ctx)
    # A French document counts among the three by its own label's kind only: one set among
    # them by its look and its neighbours (the analysis's placement) is no evidence that the
    # others are the three (two English documents of a memoir, then its French listing).
    on_their_own = [
        a for a in meant if a.language in ("en", UNDETERMINED) or a.kind_declared is not None
    ]
    return (
        annex.file is not None
        or len(on_their_own) == 3
        or any(other.kind_declared is not None for other in meant)
    )


def where(
    annex: AnnexDocument, page_index: int = 0, ctx: Context | None = None
) -> tuple[int | None, dict[str, str]]:
    """The report page of an annex page, and how to name it (its file when it is separate)."""
    page = annex.pages[page_index]
    if annex.file is None:
        if ctx is not None:
            return page, ctx.page_words(page)
        return page, {"fr": f"page {page}", "en": f"page {page}"}
    name = annex.file.rsplit("/", 1)[-1]
    return None, {"fr": f"{name}, page {page}", "en": f"{name}, page {page}"}


def _first_annex_page(ctx: Context) -> int | None:
    return ctx.analysis.layout.annex_start


@rule(
    "RL301",
    "annexes-nombre",
    Severity.ERROR,
    summary={
        "fr": "Il n'y a pas exactement trois documents en anglais en annexe.",
        "en": "There are not exactly three English documents in the annexes.",
    },
    message={
        "fr": "{count:document en anglais trouvé|documents en anglais trouvés} en annexe ; il en faut exactement 3 : un document technique et deux extraits de presse.",
        "en": "{count:English document|English documents} found in the annexes; exactly 3 are required: one technical document and two press extracts.",
    },
    expected={"fr": "3 documents en anglais", "en": "3 English documents"},
    found={"fr": "{count:document|documents}", "en": "{count:document|documents}"},
    fix={
        "fr": "Annexez exactement trois documents en anglais d'une page, chacun titré « Annexe N : ... » sur sa page ({add_annexes}).",
        "en": "Annex exactly three one-page English documents, each headed 'Annexe N: ...' on its page ({add_annexes}).",
    },
    family="annexes",
)
def annex_count(ctx: Context) -> Iterator[Hit]:
    count = len(english_annexes(ctx))
    if count != 3:
        yield Hit(
            page=_first_annex_page(ctx),
            values={"count": count, "add_annexes": ADD_ANNEXES[_interface(ctx)]},
        )


@rule(
    "RL302",
    "annexe-une-page",
    Severity.ERROR,
    summary={
        "fr": "Un document annexé en anglais fait plus d'une page.",
        "en": "An English annexed document is longer than one page.",
    },
    message={
        "fr": "L'annexe {index} « {title} » fait {pages} pages ({where}).",
        "en": "Annex {index} '{title}' has {pages} pages ({where}).",
    },
    expected={"fr": "une page par document", "en": "one page per document"},
    found={"fr": "{pages} pages", "en": "{pages} pages"},
    fix={
        "fr": "Choisissez un extrait d'une seule page (coupez l'article ou réduisez la mise en page) : le règlement demande des documents d'une page chacun.",
        "en": "Choose a one-page extract (cut the article or tighten the layout): the regulation asks for one page per document.",
    },
    family="annexes",
    variants={
        "alone": {
            "message": {
                "fr": "L'annexe {index} « {title} » ({where}), sans type écrit, parmi des annexes qui ne sont pas les trois documents, fait {pages} pages : si c'est l'un des trois documents en anglais, il doit tenir sur une page.",
                "en": "Annex {index} '{title}' ({where}), with no kind written on it, among annexes that are not the three documents, has {pages} pages: if it is one of the three English documents, it must fit on one page.",
            },
            "fix": {
                "fr": "Si c'est l'un des trois documents, choisissez-en un extrait d'une page et titrez-le « Annexe N : document technique » (ou « article de presse ») ; sinon, titrez-le pour ce qu'il est (« Annexe N : support de l'atelier »).",
                "en": "If it is one of the three documents, choose a one-page extract and head it 'Annexe N: document technique' (or 'article de presse'); otherwise head it for what it is ('Annexe N: workshop handout').",
            },
        }
    },
)
def annex_one_page(ctx: Context) -> Iterator[Hit]:
    for annex in english_annexes(ctx):
        if len(annex.pages) > 1:
            page, place = where(annex, 0, ctx)
            evident = evidently_one_of_the_three(ctx, annex)
            yield Hit(
                page=page,
                values={
                    "index": annex.index,
                    "title": annex.title,
                    "pages": len(annex.pages),
                    "where": place,
                },
                severity=None if evident else Severity.WARNING,
                variant=None if evident else "alone",
            )


@rule(
    "RL303",
    "annexe-langue",
    Severity.ERROR,
    summary={
        "fr": "Un des trois documents annexés n'est pas en anglais.",
        "en": "One of the three annexed documents is not in English.",
    },
    message={
        "fr": "L'annexe {index} « {title} » ({where}) est en {language}, pas en anglais.",
        "en": "Annex {index} '{title}' ({where}) is in {language}, not in English.",
    },
    expected={"fr": "un document en anglais", "en": "a document in English"},
    found={"fr": "langue : {language}", "en": "language: {language}"},
    fix={
        "fr": "Remplacez ce document par un document rédigé en anglais, issu d'une source anglophone ; un glossaire ou un schéma en français peut rester, titré comme tel (« Annexe N : glossaire »).",
        "en": "Replace this document with one written in English from an English-speaking source; a French glossary or diagram may stay, titled as such ('Annexe N : glossaire').",
    },
    family="annexes",
    variants={
        "alone": {
            "message": {
                "fr": "L'annexe {index} « {title} » ({where}), sans type écrit, parmi des annexes qui ne sont pas les trois documents, est en {language} : si c'est l'un des trois documents, il doit être en anglais.",
                "en": "Annex {index} '{title}' ({where}), with no kind written on it, among annexes that are not the three documents, is in {language}: if it is one of the three documents, it must be in English.",
            },
            "fix": {
                "fr": "Si c'est l'un des trois documents, remplacez-le par un document rédigé en anglais, issu d'une source anglophone, titré « Annexe N : article de presse » (ou « document technique ») ; sinon, titrez-le pour ce qu'il est (« Annexe N : compte rendu de conférence »).",
                "en": "If it is one of the three documents, replace it with one written in English from an English-speaking source, headed 'Annexe N: article de presse' (or 'document technique'); otherwise head it for what it is ('Annexe N: conference notes').",
            },
        }
    },
)
def annex_language(ctx: Context) -> Iterator[Hit]:
    """An error when the document is plainly one of the three (see
    :func:`evidently_one_of_the_three`); otherwise a French page set next to an English one
    was placed among them by its look alone (a press-like page, its neighbour), and the
    student's own conference notes look the same: a warning that says so."""
    for annex in meant_annexes(ctx):
        if annex.language not in ("en", "und"):
            evident = evidently_one_of_the_three(ctx, annex) or _among_english_ones(ctx, annex)
            page, place = where(annex, 0, ctx)
            language = LANGUAGE_NAMES.get(
                annex.language, {"fr": annex.language, "en": annex.language}
            )
            yield Hit(
                page=page,
                values={
                    "index": annex.index,
                    "title": annex.title,
                    "where": place,
                    "language": language,
                },
                severity=None if evident else Severity.WARNING,
                variant=None if evident else "alone",
            )


def _among_english_ones(ctx: Context, annex: AnnexDocument) -> bool:
    """The document stands with two English documents of the three or more in its file: a
    press article in French beside them is meant as one of them (a student's own notes
    beside a single English handout may not be)."""
    english = [a for a in english_annexes(ctx) if a.language == "en" and a.file == annex.file]
    return len(english) >= ENGLISH_COMPANY


ENGLISH_COMPANY = 2  # English documents of the three beside a French one: it is one of them


@rule(
    "RL304",
    "annexes-types",
    Severity.ERROR,
    summary={
        "fr": "Les annexes en anglais ne sont pas un document technique et deux extraits de presse (avertissement si un type est incertain, ou sans trois documents : RL301 le dit).",
        "en": "The English annexes are not one technical document and two press extracts (a warning when a kind is uncertain, or without three documents: RL301 says so).",
    },
    message={
        "fr": "Types des annexes en anglais — {kinds}. Attendu : 1 document technique et 2 articles de presse. {certainty}",
        "en": "Kinds of the English annexes — {kinds}. Expected: 1 technical document and 2 press articles. {certainty}",
    },
    expected={
        "fr": "1 document technique + 2 articles de presse",
        "en": "1 technical document + 2 press articles",
    },
    found={"fr": "{kinds}", "en": "{kinds}"},
    fix={
        "fr": "Le premier document doit être technique (documentation, fiche technique, norme) et lié au stage, les deux autres des extraits de presse ou de sites d'information. Écrivez le type sur la page (« Annexe 1 : document technique ») ou déclarez-le ({declare_kind}).",
        "en": "The first document must be technical (manual, datasheet, standard) and linked to the internship, the other two press or news-site extracts. Write the kind on the page ('Annexe 1 : document technique') or declare it ({declare_kind}).",
    },
    family="annexes",
    variants={
        "none": {
            "message": {
                "fr": "Aucun document en anglais en annexe : le mélange demandé (1 document technique et 2 articles de presse) ne peut pas être vérifié (voir RL301).",
                "en": "No English document in the annexes: the required mix (1 technical document and 2 press articles) cannot be checked (see RL301).",
            },
            "found": {"fr": "aucun document en anglais", "en": "no English document"},
        },
        "count": {
            "message": {
                "fr": "Types des annexes en anglais — {kinds}. Avec {count:document|documents} au lieu de 3, le mélange demandé (1 document technique et 2 articles de presse) ne peut pas être complet (voir RL301).",
                "en": "Kinds of the English annexes — {kinds}. With {count:document|documents} instead of 3, the required mix (1 technical document and 2 press articles) cannot be complete (see RL301).",
            },
        },
    },
)
def annex_kinds(ctx: Context) -> Iterator[Hit]:
    """One cause, one error: without three English documents RL301 is the error, and this rule
    only notes, as a warning, that the mix cannot be the one asked for (it names no kind of a
    document that is not there). With three, a wrong mix is an error when every kind is
    declared or clear, a warning when one is a guess."""
    annexes = english_annexes(ctx)
    values = {"declare_kind": DECLARE_KIND[_interface(ctx)]}
    if not annexes:
        yield Hit(
            page=_first_annex_page(ctx), values=values, severity=Severity.WARNING, variant="none"
        )
        return
    kinds = [a.kind_declared or a.kind for a in annexes]
    # A page whose kind could not be read (a scan without OCR: RL307, RL309 say so) may stand
    # for the missing one.
    readable = Counter(
        k for a, k in zip(annexes, kinds, strict=True) if not (all(a.scanned) and k == "inconnu")
    )
    fits = readable["technique"] <= 1 and readable["presse"] <= 2 and readable["inconnu"] == 0
    if len(annexes) == 3 and fits:
        return
    values["kinds"] = annex_kind_list(
        [
            (a.index, k, None if a.kind_declared else a.kind_confidence)
            for a, k in zip(annexes, kinds, strict=True)
        ]
    )
    if len(annexes) != 3:
        values["count"] = len(annexes)
        yield Hit(
            page=_first_annex_page(ctx), values=values, severity=Severity.WARNING, variant="count"
        )
        return
    # A kind is a judgement: the rule is an error only when every kind is declared or clear.
    sure = all(
        a.kind_declared or (a.kind != "inconnu" and a.kind_confidence >= SURE_KIND)
        for a in annexes
        if not (all(a.scanned) and a.kind == "inconnu")
    )
    values["certainty"] = (
        {
            "fr": "Types sûrs (déclarés ou indices nets).",
            "en": "Kinds are clear (declared or strong cues).",
        }
        if sure
        else {
            "fr": "Un type au moins est incertain : vérifiez-le, ou déclarez-le.",
            "en": "At least one kind is uncertain: check it, or declare it.",
        }
    )
    yield Hit(
        page=_first_annex_page(ctx), values=values, severity=None if sure else Severity.WARNING
    )


@rule(
    "RL305",
    "annexe-images",
    Severity.ERROR,
    summary={
        "fr": "Les images couvrent plus d'un tiers d'une page annexe.",
        "en": "Pictures cover more than a third of an annex page.",
    },
    message={
        "fr": "Les images couvrent {share} % de la page ({where}), pour {limit} % au plus.",
        "en": "Pictures cover {share}% of the page ({where}); at most {limit}% is allowed.",
    },
    expected={"fr": "{limit} % de la page au plus", "en": "at most {limit}% of the page"},
    found={"fr": "{share} %", "en": "{share}%"},
    fix={
        "fr": "Réduisez ou retirez des images pour qu'elles occupent au plus un tiers de la page ; gardez le texte du document.",
        "en": "Shrink or remove pictures so that they cover at most a third of the page; keep the document's text.",
    },
    family="annexes",
    variants={
        "text-in-picture": {
            "message": {
                "fr": "La page ({where}) n'est qu'une image (capture d'écran ou scan) : elle compte comme couverte d'images à {share} %, pour {limit} % au plus.",
                "en": "The page ({where}) is only a picture (a screenshot or scan): it counts as {share}% pictures; at most {limit}% is allowed.",
            },
            "fix": {
                "fr": "Annexez le document avec son texte : le PDF d'origine, ou « Imprimer > Enregistrer au format PDF » depuis le site, plutôt qu'une capture ou un scan.",
                "en": "Annex the document with its text: the original PDF, or 'Print > Save as PDF' from the website, rather than a screenshot or scan.",
            },
        },
        "alone": {
            "message": {
                "fr": "Les images couvrent {share} % de la page ({where}), pour {limit} % au plus si ce document, sans type écrit, parmi des annexes qui ne sont pas les trois documents, est l'un des trois documents en anglais.",
                "en": "Pictures cover {share}% of the page ({where}); at most {limit}% is allowed if this document, with no kind written on it, among annexes that are not the three documents, is one of the three English documents.",
            },
            "fix": {
                "fr": "Si c'est l'un des trois documents, réduisez les images à un tiers de la page et titrez-le « Annexe N : document technique » (ou « article de presse ») ; sinon, titrez-le pour ce qu'il est (« Annexe N : captures du tableau de bord »).",
                "en": "If it is one of the three documents, shrink the pictures to a third of the page and head it 'Annexe N: document technique' (or 'article de presse'); otherwise head it for what it is ('Annexe N: dashboard screenshots').",
            },
        },
    },
)
def annex_pictures(ctx: Context) -> Iterator[Hit]:
    limit = ctx.settings.annex_max_picture_share
    for annex in meant_annexes(ctx):
        for i, share in enumerate(annex.image_ratio):
            if share > limit + 1e-9:
                page, place = where(annex, i, ctx)
                pictured = i < len(annex.text_in_pictures) and annex.text_in_pictures[i]
                evident = evidently_one_of_the_three(ctx, annex)
                yield Hit(
                    page=page,
                    values={
                        "share": round(100 * share),
                        "where": place,
                        "limit": round(100 * limit),
                    },
                    severity=None if evident else Severity.WARNING,
                    variant=("text-in-picture" if pictured else None) if evident else "alone",
                )


@rule(
    "RL306",
    "annexe-source",
    Severity.WARNING,
    summary={
        "fr": "Une page annexe ne montre pas sa source (adresse, éditeur ou date).",
        "en": "An annex page shows no source (URL, publisher or date).",
    },
    message={
        "fr": "L'annexe {index} ({where}) ne montre ni adresse web, ni éditeur, ni date.",
        "en": "Annex {index} ({where}) shows no URL, publisher or date.",
    },
    expected={
        "fr": "la source du document (URL, éditeur, date)",
        "en": "the document's source (URL, publisher, date)",
    },
    found={"fr": "aucune source", "en": "no source"},
    fix={
        "fr": "Ajoutez sous le document sa source : adresse du site, nom de l'éditeur ou du journal, date de publication.",
        "en": "Add the source under the document: web address, publisher or newspaper, publication date.",
    },
    family="annexes",
)
def annex_source(ctx: Context) -> Iterator[Hit]:
    for annex in meant_annexes(ctx):
        if annex.source.found or all(annex.scanned):
            continue  # a scan cannot be read: RL307 says so
        page, place = where(annex, 0, ctx)
        yield Hit(page=page, values={"index": annex.index, "where": place})


@rule(
    "RL307",
    "annexe-scan",
    Severity.WARNING,
    summary={
        "fr": "Une page annexe est un scan : ses images ne peuvent pas être vérifiées, son texte n'est lu que par OCR.",
        "en": "An annex page is a scan: its pictures cannot be checked, its text is only read by OCR.",
    },
    message={
        "fr": "La page ({where}) est une image pleine page sans texte : comptée comme couverte d'images à 100 %, langue et type non vérifiables.",
        "en": "The page ({where}) is one full-page picture without text: counted as 100% pictures; language and kind cannot be checked.",
    },
    expected={
        "fr": "un document avec du texte sélectionnable",
        "en": "a document with selectable text",
    },
    found={"fr": "une page scannée", "en": "a scanned page"},
    fix={
        "fr": "Annexez le document d'origine en PDF (« Imprimer > Enregistrer en PDF » depuis le site) plutôt qu'une photo ou un scan.",
        "en": "Annex the original document as a PDF ('Print > Save as PDF' from the website) rather than a photo or scan.",
    },
    family="annexes",
    variants={
        "read": {
            "message": {
                "fr": "La page ({where}) est une image pleine page sans texte : comptée comme couverte d'images à 100 % ; sa langue et son type ont été lus par reconnaissance de caractères (OCR), ses images ne peuvent pas être vérifiées.",
                "en": "The page ({where}) is one full-page picture without text: counted as 100% pictures; its language and kind were read by optical character recognition (OCR), its pictures cannot be checked.",
            },
        }
    },
)
def annex_scanned(ctx: Context) -> Iterator[Hit]:
    for annex in meant_annexes(ctx):
        for i, scanned in enumerate(annex.scanned):
            if scanned:
                page, place = where(annex, i, ctx)
                read = annex.pages[i] in annex.read_by_ocr
                yield Hit(page=page, values={"where": place}, variant="read" if read else None)


@rule(
    "RL309",
    "ocr-absent",
    Severity.INFO,
    summary={
        "fr": "Des pages annexes ne sont que des images et la reconnaissance de caractères (OCR) n'a pas pu les lire.",
        "en": "Some annex pages are only pictures and optical character recognition (OCR) could not read them.",
    },
    message={
        "fr": "{pages:~La page|Les pages} {where} {pages:~n'est qu'une image|ne sont que des images} : sans reconnaissance de caractères (OCR) installée, {pages:~sa langue et son type n'ont|leur langue et leur type n'ont} pas pu être lus.",
        "en": "{pages:~Page|Pages} {where} {pages:~is only a picture|are only pictures}: with no optical character recognition (OCR) installed, {pages:~its|their} language and kind could not be read.",
    },
    expected={"fr": "le texte des documents annexés", "en": "the text of the annexed documents"},
    found={
        "fr": "{pages:page image non lue|pages images non lues}",
        "en": "{pages:picture page|picture pages} not read",
    },
    fix={
        "fr": "Installez tesseract-ocr avec ses données anglaises et françaises (Debian, Ubuntu : apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra) pour lire les scans, ou annexez les documents en PDF avec leur texte.",
        "en": "Install tesseract-ocr with its English and French data (Debian, Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra) to read scans, or annex the documents as PDFs with their text.",
    },
    family="annexes",
    variants={
        "limit": {
            "message": {
                "fr": "{pages:~La page|Les pages} {where} {pages:~n'est qu'une image|ne sont que des images} : la reconnaissance de caractères (OCR) a atteint sa limite de pages pour ce fichier, {pages:~sa langue et son type n'ont|leur langue et leur type n'ont} pas été lus.",
                "en": "{pages:~Page|Pages} {where} {pages:~is only a picture|are only pictures}: optical character recognition (OCR) reached its page limit for this file, {pages:~its|their} language and kind were not read.",
            },
            "fix": {
                "fr": "Annexez les documents en PDF avec leur texte plutôt qu'en captures ; ou relevez la limite (limits.ocr-max-pages dans rapportlint.toml).",
                "en": "Annex the documents as PDFs with their text rather than screenshots; or raise the limit (limits.ocr-max-pages in rapportlint.toml).",
            },
        }
    },
)
def ocr_unavailable(ctx: Context) -> Iterator[Hit]:
    unread = ctx.analysis.unread_pixels
    if not unread:
        return
    places = [f"{file.rsplit('/', 1)[-1]} p. {n}" if file else str(n) for file, n in unread]
    first = next((n for file, n in unread if file is None), None)
    yield Hit(
        page=first,
        values={"pages": len(unread), "where": ", ".join(places)},
        variant="limit" if ctx.analysis.ocr_installed else None,
    )


@rule(
    "RL308",
    "annexe-type-declare",
    Severity.WARNING,
    summary={
        "fr": "Le type déclaré d'une annexe ne correspond pas à son contenu.",
        "en": "An annex's declared kind does not match its content.",
    },
    message={
        "fr": "L'annexe {index} ({where}) est déclarée « {declared} » mais ressemble à un {guessed} (indices : {cues} ; confiance {confidence} %).",
        "en": "Annex {index} ({where}) is declared '{declared}' but looks like a {guessed} (cues: {cues}; confidence {confidence}%).",
    },
    expected={"fr": "{declared}", "en": "{declared}"},
    found={"fr": "{guessed}", "en": "{guessed}"},
    fix={
        "fr": "Vérifiez le type : corrigez le titre de l'annexe ou la déclaration, ou choisissez un document du type demandé.",
        "en": "Check the kind: fix the annex title or the declaration, or choose a document of the required kind.",
    },
    family="annexes",
)
def declared_kind_disagrees(ctx: Context) -> Iterator[Hit]:
    for annex in meant_annexes(ctx):
        if (
            annex.kind_declared
            and annex.kind not in ("inconnu", annex.kind_declared)
            and annex.kind_confidence >= 0.6
        ):
            page, place = where(annex, 0, ctx)
            yield Hit(
                page=page,
                values={
                    "index": annex.index,
                    "where": place,
                    "declared": KIND_NAMES[annex.kind_declared],
                    "guessed": KIND_NAMES[annex.kind],
                    "cues": ", ".join(annex.cues[:4]),
                    "confidence": round(100 * annex.kind_confidence),
                },
            )
