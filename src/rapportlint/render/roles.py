"""Page roles and their reasons in words (French, or English with ``--lang en``).

The analysis gives each page a role, a cue (a machine code) and the words from the PDF that
decided; this module phrases them, for ``rapportlint pages``, the JSON ``pages`` array and the
HTML overview. Nothing here decides a role.
"""

from __future__ import annotations

from rapportlint import wording
from rapportlint.analysis.report import ReportAnalysis
from rapportlint.analysis.roles import PageRole

ROLE_NAMES = {
    "fr": {
        "cover": "couverture",
        "contents": "sommaire",
        "front": "début",
        "body": "corps",
        "annexes-title": "titre annexes",
        "annex-separator": "intercalaire",
        "annex": "annexe",
        "annex-other": "autre annexe",
        "back-cover": "4e de couverture",
        "blank": "blanche",
    },
    "en": {
        "cover": "cover",
        "contents": "contents",
        "front": "front matter",
        "body": "body",
        "annexes-title": "annexes title",
        "annex-separator": "separator",
        "annex": "annex",
        "annex-other": "other annex",
        "back-cover": "back cover",
        "blank": "blank",
    },
}

PART_NAMES = {
    "fr": {"entreprise": "entreprise", "activites": "activités", "conclusion": "conclusion"},
    "en": {"entreprise": "company", "activites": "activities", "conclusion": "conclusion"},
}

CUE_NAMES = {
    "fr": {
        "outline": "un signet",
        "contents": "le sommaire",
        "size": "sa taille",
        "bold": "le gras",
        "capitals": "les capitales",
        "numbered": "sa numérotation",
        "colon": "le deux-points final",
        "font": "sa police",
        "alone": "sa ligne à part",
        "alone-like": "sa ligne à part, comme les autres titres",
        "divider": "sa page d'intercalaire",
    },
    "en": {
        "outline": "a bookmark",
        "contents": "the contents list",
        "size": "its size",
        "bold": "bold type",
        "capitals": "capitals",
        "numbered": "its numbering",
        "colon": "its closing colon",
        "font": "its font",
        "alone": "its line set apart",
        "alone-like": "its line set apart, as the other titles",
        "divider": "its divider page",
    },
}

_REASONS = {
    "fr": {
        "cover": "première page sans texte suivi (titre, noms, logos)",
        "contents": "sommaire ou liste de figures",
        "front": "avant l'introduction{detail_part}",
        "blank": "page sans texte ni image",
        "body": "page du rapport hors des trois parties",
        "introduction": "introduction, avant la première partie",
        "part": "suite de la partie {part}",
        "part-start": "début de la partie {part} : titre « {title} »{named_by} ({wording}repéré par {cue}){confirmed}",
        "part-found": "début de la partie {part}, d'après {how} : « {title} » (confiance {confidence}{cues})",
        "part-untitled": "début de la partie {part}, d'après {how}, sans titre dans la couche texte (confiance {confidence}{cues})",
        "annexes-below": "fin du rapport, puis début des annexes (« {detail} »)",
        "annexes-title": "page de titre des annexes (« {detail} »)",
        "title": "page de titre des annexes, qui annonce le document suivant (« {detail} »)",
        "announces": "intercalaire qui annonce le document suivant (« {detail} »)",
        "annex": "document annexé n° {detail} ({annex}){boundary}",
        "annex-other": "autre annexe, hors des trois documents en anglais{detail_part}{boundary}",
        "back-cover": "quatrième de couverture : une image pleine page qui ferme le fichier (lue par OCR : peu de texte, ou le résumé du rapport) ; ni corps du rapport, ni document annexé",
    },
    "en": {
        "cover": "first page without running text (title, names, logos)",
        "contents": "contents or list of figures",
        "front": "before the introduction{detail_part}",
        "blank": "page without text or picture",
        "body": "report page outside the three parts",
        "introduction": "introduction, before the first part",
        "part": "continues the {part} part",
        "part-start": "start of the {part} part: heading '{title}'{named_by} ({wording}found by {cue}){confirmed}",
        "part-found": "start of the {part} part, from {how}: '{title}' (confidence {confidence}{cues})",
        "part-untitled": "start of the {part} part, from {how}, with no heading in the text layer (confidence {confidence}{cues})",
        "annexes-below": "end of the report, then the annexes start ('{detail}')",
        "annexes-title": "title page of the annexes ('{detail}')",
        "title": "title page of the annexes, announcing the next document ('{detail}')",
        "announces": "separator announcing the next document ('{detail}')",
        "annex": "annexed document no. {detail} ({annex}){boundary}",
        "annex-other": "other annex, not one of the three English documents{detail_part}{boundary}",
        "back-cover": "back cover: a full-page picture closing the file (read by OCR: little text, or the report's summary); neither report body nor an annexed document",
    },
}


AND = {"fr": " et ", "en": " and "}
HOW = {
    "fr": {
        "title": "son titre",
        "place": "sa place",
        "content": "son contenu",
        "contents": "le sommaire",
    },
    "en": {
        "title": "its title",
        "place": "its place",
        "content": "its content",
        "contents": "the contents list",
    },
}


def _cue_words(words: tuple[str, ...], lang: str) -> str:
    if not words:
        return ""
    if lang == "fr":
        return " ; indices : " + ", ".join(f"« {w} »" for w in words[:3])
    return "; cues: " + ", ".join(f"'{w}'" for w in words[:3])


APPENDED = {
    "fr": {
        "cv": "CV",
        "certificate": "attestation de stage",
        "evaluation": "fiche d'évaluation",
        "skills-form": "fiche de compétences",
    },
    "en": {
        "cv": "CV",
        "certificate": "internship certificate",
        "evaluation": "evaluation form",
        "skills-form": "competence form",
    },
}
# Why an annex page starts a document or goes on with one (analysis/boundaries.py's codes).
BOUNDARIES = {
    "fr": {
        "first": "début du document",
        "separator": "début : annoncé par l'intercalaire",
        "bookmark": "début : un signet",
        "label": "début : une nouvelle étiquette « Annexe N »",
        "format": "début : autre format de page",
        "headline": "début : un titre en tête de page",
        "look": "début : autre police ou autre langue",
        "ended": "début : la page d'avant s'arrêtait tôt",
        "source": "début : la page d'avant finissait sur sa source",
        "page-number": "suite : la numérotation du document continue",
        "running-header": "suite : même en-tête que la page d'avant",
        "sentence": "suite : la phrase continue",
        "same-look": "suite : même présentation, sans titre",
        "labelled-run": "suite : l'étiquette « Annexe » suivante vient plus loin",
    },
    "en": {
        "first": "start of the document",
        "separator": "start: announced by the separator",
        "bookmark": "start: a bookmark",
        "label": "start: a new 'Annexe N' label",
        "format": "start: another page format",
        "headline": "start: a headline at the top",
        "look": "start: another font or language",
        "ended": "start: the page before stopped early",
        "source": "start: the page before ended on its source",
        "page-number": "continued: the document's page numbers count on",
        "running-header": "continued: same header as the page before",
        "sentence": "continued: the sentence goes on",
        "same-look": "continued: same look, no title",
        "labelled-run": "continued: the next 'Annexe' label comes later",
    },
}


def _boundary(code: str | None, lang: str) -> str:
    if not code:
        return ""
    return f" — {BOUNDARIES[lang].get(code, code)}"


def role_name(role: str, lang: str) -> str:
    return ROLE_NAMES[lang].get(role, role)


def reason(page: PageRole, analysis: ReportAnalysis, lang: str) -> str:
    """Why the page has its role, in words."""
    template = _REASONS[lang].get(page.cue, page.cue)
    values = {
        "detail": page.detail,
        "detail_part": f" ({page.detail})" if page.detail else "",
        "part": PART_NAMES[lang].get(page.detail, page.detail),
        "title": "",
        "wording": "",
        "cue": "",
        "annex": "",
        "confirmed": "",
        "named_by": "",
        "boundary": _boundary(analysis.annex_boundaries.get(page.page), lang),
    }
    if page.cue == "part-start" and page.detail in analysis.sections:
        section = analysis.sections[page.detail]
        values.update(
            title=section.title,
            wording=_wording_of(section.wording, lang),
            cue=CUE_NAMES[lang].get(section.cue, section.cue),
            how=AND[lang].join(HOW[lang][c] for c in section.decided_by),
            confidence=wording.percent(section.confidence, lang),
            cues=_cue_words(section.content_cues, lang),
            confirmed=(
                (" ; son texte le confirme" if lang == "fr" else "; its text confirms it")
                + _cue_words(section.content_cues, lang)
                if "content" in section.decided_by
                else ""
            ),
            named_by=_opens_the_chapter_of(section.named_by, lang),
        )
        if not section.title:
            template = _REASONS[lang]["part-untitled"]
        elif not section.named or section.decided_by[0] != "title":
            template = _REASONS[lang]["part-found"]
    if page.cue in ("annex", "annex-other") and page.detail.isdigit():
        annex = analysis.annexes[int(page.detail) - 1]
        values["annex"] = f"{annex.language}, {annex.kind_declared or annex.kind}"
        values["detail_part"] = f" : « {annex.title} »" if lang == "fr" else f": '{annex.title}'"
        if annex.appended:
            values["detail_part"] = f" ({APPENDED[lang][annex.appended]})" + values["detail_part"]
    return template.format(**values)


def _wording_of(found: str, lang: str) -> str:
    """ "formulation « conclusion », ": none for a title taken by what stands under it (a
    chapter named after the host, whose first section presents it)."""
    if not found:
        return ""
    return f"formulation « {found} », " if lang == "fr" else f"wording '{found}', "


def _opens_the_chapter_of(title: str, lang: str) -> str:
    """ ", partie que nomme « II.2 Réalisation du projet »": the part opens before the title
    whose wording named it (at its chapter's first title, at the chapter holding it, at the
    first method chapter before "Réalisation")."""
    if not title:
        return ""
    return f", partie que nomme « {title} »" if lang == "fr" else f", the part that '{title}' names"


def page_words(number: int, label: str | None, lang: str) -> str:
    """ "page 7", or "page 7, numérotée 5" when the page prints another number (for a finding's
    header, which stands in parentheses)."""
    if label and label != str(number):
        word = "numérotée" if lang == "fr" else "numbered"
        return f"page {number}, {word} {label}"
    return f"page {number}"
