"""Rules on the report itself: length, the three required parts, pictures, language."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rapportlint import wording
from rapportlint.analysis.sections import (
    WITHIN_CLOSING_WORDS,
    WITHIN_OPENING,
    WITHIN_RUN_IN,
    WITHIN_SECTION,
    WITHIN_TEXT,
)
from rapportlint.analysis.text import fold
from rapportlint.analysis.vocabulary import ACTIVITIES, COMPANY, CONCLUSION
from rapportlint.findings import Severity
from rapportlint.rules.base import LANGUAGE_NAMES, Hit, rule
from rapportlint.rules.context import Context

PART_NAMES = {
    COMPANY: {"fr": "présentation de l'entreprise", "en": "company presentation"},
    ACTIVITIES: {"fr": "activités réalisées", "en": "activities"},
    CONCLUSION: {"fr": "conclusion", "en": "conclusion"},
}


@rule(
    "RL101",
    "pages-max",
    Severity.ERROR,
    summary={
        "fr": "Le rapport dépasse le nombre de pages autorisé (30 par défaut, annexes non comprises).",
        "en": "The report is longer than allowed (30 pages by default, annexes excluded).",
    },
    message={
        "fr": "Le rapport compte {counted} pages ({mode}) pour {limit} au plus ; autre décompte : {other}.",
        "en": "The report has {counted} pages ({mode}), more than the {limit} allowed; other count: {other}.",
    },
    expected={"fr": "{limit} pages au plus", "en": "at most {limit} pages"},
    found={
        "fr": "{counted} pages, dépassement à partir de la page {first_over}",
        "en": "{counted} pages, over the limit from page {first_over}",
    },
    fix={
        "fr": "Réduisez le rapport de {excess:page|pages} : {blanks}{tighten}retirez les captures d'écran ou documents recopiés, ou déplacez-les en annexe.",
        "en": "Cut {excess:page|pages}: {blanks}{tighten}remove screenshots or copied documents, or move them to the annexes.",
    },
    variants={
        # Over the limit only by pictures after the report's last part (a scanned form).
        "pictured-tail": {
            "message": {
                "fr": "Le rapport compte {counted} pages ({mode}) pour {limit} au plus, mais {tail:~la dernière page|les dernières pages} ({pages}) {tail:~n'est qu'une image|ne sont que des images} après sa dernière partie : si c'est un document joint (fiche d'évaluation, attestation, quatrième de couverture), il ne compte pas, et le rapport en a {without}.",
                "en": "The report has {counted} pages ({mode}), more than the {limit} allowed, but {tail:~its last page|its last pages} ({pages}) {tail:~is only a picture|are only pictures} after its last part: if it is an attached document (evaluation form, certificate, back cover), it does not count, and the report has {without}.",
            },
            "found": {
                "fr": "{counted} pages, dont {pages} en image après la dernière partie",
                "en": "{counted} pages, {pages} a picture after the last part",
            },
            "fix": {
                "fr": "Placez ce document après un titre « Annexes » (ou joignez-le avec pack) ; si c'est une page du rapport, réduisez-le à {limit} pages.",
                "en": "Put that document after an 'Annexes' heading (or attach it with pack); if it is a page of the report, cut the report to {limit} pages.",
            },
        },
    },
)
def too_many_pages(ctx: Context) -> Iterator[Hit]:
    layout, limit = ctx.analysis.layout, ctx.settings.max_pages
    counted = ctx.counted_pages
    if counted <= limit:
        return
    all_mode = ctx.settings.page_count == "all"
    mode = (
        {"fr": "toutes les pages avant les annexes", "en": "every page before the annexes"}
        if all_mode
        else {"fr": "à partir de l'introduction", "en": "from the introduction on"}
    )
    other = layout.body_pages_from_intro if all_mode else layout.body_pages
    other_text = (
        {
            "fr": f"{other} pages à partir de l'introduction",
            "en": f"{other} pages from the introduction on",
        }
        if all_mode
        else {"fr": f"{other} pages avant les annexes", "en": f"{other} pages before the annexes"}
    )
    first_over = ctx.first_counted_page + limit
    tail = _pictured_tail(ctx)
    if tail and counted - len(tail) <= limit:
        # Over the limit only by pages that may be no report's: say so, do not assert it.
        yield Hit(
            page=tail[0],
            values={
                "counted": counted,
                "limit": limit,
                "mode": mode,
                "without": counted - len(tail),
                "tail": len(tail),
                "pages": wording.page_list(tail),
            },
            severity=Severity.WARNING,
            variant="pictured-tail",
        )
        return
    yield Hit(
        page=first_over,
        values={
            "counted": counted,
            "limit": limit,
            "mode": mode,
            "other": other_text,
            "first_over": first_over,
            "excess": counted - limit,
            "blanks": _blank_pages_to_delete(ctx),
            # Only a report that presents the company can tighten that presentation.
            "tighten": {
                "fr": "resserrez la présentation de l'entreprise, ",
                "en": "tighten the company presentation, ",
            }
            if COMPANY in ctx.analysis.sections
            else {"fr": "", "en": ""},
        },
    )


def _pictured_tail(ctx: Context) -> list[int]:
    """The body's last pages when each is a picture with a caption at most, after the page
    where the report's last part opens: a scanned evaluation form, an attestation or a back
    cover set after the glossary without an "Annexes" title. Whether they count in the
    report is not sure (the person who reads it may file them with the annexes)."""
    analysis = ctx.analysis
    opened = max((s.page for s in analysis.sections.values()), default=0)
    tail: list[int] = []
    number = analysis.layout.last_body_page
    while number > opened and number in analysis.pages and analysis.pages[number].pictured:
        tail.insert(0, number)
        number -= 1
    return tail


def _blank_pages_to_delete(ctx: Context) -> dict[str, str]:
    """ "supprimez les 7 pages blanches (p. 6, 8, ...), ": the counted pages with nothing on
    them (LaTeX's openright pages, a page break too many), the first pages to cut."""
    last = ctx.analysis.layout.last_body_page
    blank = [
        r.page
        for r in ctx.analysis.roles
        if r.role == "blank" and ctx.first_counted_page <= r.page <= last
    ]
    if not blank:
        return {"fr": "", "en": ""}
    where = ", ".join(map(str, blank))
    if len(blank) == 1:
        return {
            "fr": f"supprimez la page blanche (p. {where}), ",
            "en": f"delete the blank page (p. {where}), ",
        }
    return {
        "fr": f"supprimez les {len(blank)} pages blanches (p. {where}), ",
        "en": f"delete the {len(blank)} blank pages (p. {where}), ",
    }


AND = {"fr": " et ", "en": " and "}
HOW_DECIDED = {
    "title": {"fr": "son titre", "en": "its title"},
    "place": {"fr": "sa place dans le plan", "en": "its place in the outline"},
    "content": {"fr": "ce que dit son texte", "en": "what its text says"},
    "contents": {"fr": "le sommaire", "en": "the contents list"},
}


QUOTE = {"fr": "« {} »", "en": "'{}'"}

# RL201-RL203: a part that only the contents list names, at a page whose text says it.
ANNOUNCED = {
    "message": {
        "fr": "Le sommaire annonce « {title} » ({where}) et le texte de cette page y correspond (confiance {confidence} %{cues}), mais aucun titre ne l'ouvre dans le texte du rapport.",
        "en": "The contents list announces '{title}' ({where}) and the text of that page matches it (confidence {confidence}%{cues}), but no heading opens it in the report's text.",
    },
    "found": {
        "fr": "une partie annoncée par le sommaire seulement",
        "en": "a part announced by the contents list only",
    },
    "fix": {
        "fr": "Écrivez le titre « {title} » en haut de cette partie, avec un style de titre (Titre 1), comme dans le sommaire.",
        "en": "Write the heading '{title}' at the top of that part, in a heading style (Heading 1), as in the contents list.",
    },
}


# RL201-RL203: the contents list names the part, but no title opens it in the text and no
# page reads as it: the part may be missing, or stand under a title that could not be read.
LISTED = {
    "message": {
        "fr": "Le sommaire annonce « {title} » ({where}), mais aucun titre du rapport ne l'ouvre et aucune page ne se lit clairement comme la partie « {part} » : elle manque peut-être, ou son titre n'a pas pu être lu (dessiné comme une image, ou sans style de titre).",
        "en": "The contents list announces '{title}' ({where}), but no heading of the report opens it and no page clearly reads as the '{part}' part: it may be missing, or its heading could not be read (drawn as a picture, or without a heading style).",
    },
    "found": {
        "fr": "« {title} » au sommaire, sans titre ni texte reconnu dans le rapport",
        "en": "'{title}' in the contents list, with no heading or text recognised in the report",
    },
    "fix": {
        "fr": "Si la partie manque, écrivez-la ; si elle est là, ouvrez-la par le titre « {title} » écrit en texte, avec un style de titre (Titre 1), comme dans le sommaire.",
        "en": "If the part is missing, write it; if it is there, open it with the heading '{title}' written as text, in a heading style (Heading 1), as in the contents list.",
    },
}


# RL201-RL203: no title names the part, and the report's text cannot be read (a font without
# a Unicode table gives glyph codes): what it says is unknown, the part may be there.
UNREADABLE = {
    "message": {
        "fr": "Aucun titre ne nomme la partie « {part} », et le texte du rapport n'a pas pu être lu (sa police ne donne pas ses lettres, seulement des codes) : elle y est peut-être sans que rapportlint puisse le voir.",
        "en": "No heading names the '{part}' part, and the report's text could not be read (its font gives codes, not letters): the part may be there without rapportlint seeing it.",
    },
    "found": {
        "fr": "aucun titre, texte illisible",
        "en": "no heading, unreadable text",
    },
    "fix": {
        "fr": "Titrez la partie « {part} » avec un style de titre (Titre 1), et exportez le PDF depuis Word ou LibreOffice (Fichier > Exporter en PDF) pour que son texte soit lisible.",
        "en": "Title the '{part}' part with a heading style (Heading 1), and export the PDF from Word or LibreOffice (File > Export as PDF) so that its text can be read.",
    },
}


# RL201-RL203: the report has readable text but not one title (no bookmark, no contents list,
# no line set apart: titles drawn as pictures): it was never cut into parts to read.
NO_TITLES = {
    "message": {
        "fr": "Aucun titre n'a été trouvé dans le rapport (ni signet, ni sommaire lisible, ni ligne mise en forme de titre : des titres dessinés comme des images ne se lisent pas) : la partie « {part} » y est peut-être sans que rapportlint puisse la situer.",
        "en": "No heading was found in the report (no bookmark, no readable contents list, no line set as a heading: headings drawn as pictures cannot be read): the '{part}' part may be there without rapportlint finding it.",
    },
    "found": {"fr": "aucun titre dans le rapport", "en": "no heading in the report"},
    "fix": {
        "fr": "Écrivez les titres en texte, avec un style de titre (Titre 1), plutôt qu'en images, et titrez la partie « {part} ».",
        "en": "Write the headings as text, in a heading style (Heading 1), not as pictures, and title the '{part}' part.",
    },
}


def _quoted(words: Iterable[str], lang: str) -> str:
    """ "« créée en 1959 », « 630 salariés »" (or in English quotes)."""
    return ", ".join(QUOTE[lang].format(word) for word in words)


def _cue_words(words: tuple[str, ...]) -> dict[str, str]:
    """ "; indices : « créée en 1959 », « 630 salariés »" (the words of the part's text that
    told what it is), or nothing. Two cues that matched the same words ("code" as a task's
    object and as a tool) are quoted once."""
    words = tuple(dict.fromkeys(words))
    if not words:
        return {"fr": "", "en": ""}
    return {
        "fr": " ; indices : " + _quoted(words[:3], "fr"),
        "en": "; cues: " + _quoted(words[:3], "en"),
    }


DRAWN_TITLES = 2  # titles drawn as pictures after the work: one may be a figure's banner


def _part_check(key: str):
    """RL201/RL202/RL203: an error only when no part of the body can be the one asked for
    (no title and no content that fits); a part found by its place or content, or under a
    title that does not name it, is a warning that names it and says how to title it."""

    def check(ctx: Context) -> Iterator[Hit]:
        section = ctx.analysis.sections.get(key)
        annexed = ctx.analysis.company_in_annexes() if key == COMPANY and section is None else None
        if annexed is not None:
            # Presented, but in the annexes: the report lacks the part, the student has it.
            values = {"where": ctx.page_words(annexed.page), "title": annexed.text}
            yield Hit(
                page=annexed.page, values=values, severity=Severity.WARNING, variant="annexed"
            )
            return
        card = ctx.analysis.company_card() if key == COMPANY and section is None else None
        if card is not None:
            # Its name, activity and contact in a form's fields: named, not presented.
            page, labels = card
            values = {
                "where": ctx.page_words(page),
                "labels": {lang: _quoted(labels, lang) for lang in ("fr", "en")},
            }
            yield Hit(page=page, values=values, severity=Severity.WARNING, variant="card")
            return
        if section is None and ctx.analysis.text_unreadable:
            # "No part describes it" needs the text read: unread, the part may be there.
            values = {"part": PART_NAMES[key]}
            yield Hit(page=None, values=values, severity=Severity.WARNING, variant="unreadable")
            return
        drawn = ctx.analysis.drawn_titles if key == CONCLUSION else ()
        if section is None and len(drawn) >= DRAWN_TITLES:
            # Titles drawn as pictures in mid-page after the work: the conclusion may open
            # under one of them, and its text alone did not tell.
            values = {"pages": wording.page_list(list(drawn))}
            yield Hit(page=drawn[-1], values=values, severity=Severity.WARNING, variant="drawn")
            return
        if section is None and ctx.analysis.untitled:
            # "No part describes it" needs parts to read: without a single title (titles
            # drawn as pictures), the body was never cut into parts.
            values = {"part": PART_NAMES[key]}
            yield Hit(page=None, values=values, severity=Severity.WARNING, variant="no-titles")
            return
        listed = ctx.analysis.listed_only.get(key) if section is None else None
        if listed is not None:
            # The report's own contents list names the part: the student meant one.
            values = {
                "title": listed.text,
                "where": ctx.contents_entry_words(listed),
                "part": PART_NAMES[key],
            }
            yield Hit(page=listed.page, values=values, severity=Severity.WARNING, variant="listed")
            return
        aside = ctx.analysis.host_aside if key == COMPANY and section is None else None
        if aside is not None:
            # A titled section of another part describes the host: no part of its own, but
            # "no part describes it" would be false.
            values = {
                "title": aside.heading.text,
                "where": ctx.page_words(aside.heading.page),
                "part": aside.part_title or aside.heading.text,
                "confidence": round(100 * aside.confidence),
                "cues": _cue_words(aside.cues),
            }
            yield Hit(
                page=aside.heading.page, values=values, severity=Severity.WARNING, variant="aside"
            )
            return
        summary = ctx.analysis.summary_closing if key == CONCLUSION and section is None else None
        if summary is not None:
            # The body ends without one, but the summary before the report has its closing
            # words ("Bilan et perspectives" of a "fiche de synthèse").
            values = {"title": summary.text, "where": ctx.page_words(summary.page)}
            yield Hit(
                page=summary.page, values=values, severity=Severity.WARNING, variant="summary"
            )
            return
        empty = ctx.analysis.empty_closing if key == CONCLUSION and section is None else None
        if empty is not None:
            # A closing title with nothing under it: still no conclusion, and the message
            # says which title it read, so that the student does not take it for a misreading.
            values = {"title": empty.title, "where": ctx.page_words(empty.page)}
            yield Hit(page=empty.page, values=values, variant="empty")
            return
        if section is None:
            yield Hit(page=None, values={}, variant="missing")
            return
        if section.named and key == CONCLUSION and ctx.analysis.empty_closing is section:
            # Its title there, its text not: the part is the student's to write.
            values = {"title": section.title, "where": ctx.page_words(section.page)}
            yield Hit(
                page=section.page, values=values, severity=Severity.WARNING, variant="unwritten"
            )
            return
        if section.named:
            return
        if "contents" in section.decided_by:
            variant = "announced"  # named by the contents list only, its page's text says it
        elif section.within == WITHIN_SECTION:
            variant = "within"  # under a section of the introduction, no part of its own
        elif section.within == WITHIN_TEXT:
            variant = "within-text"  # a paragraph of the introduction's own text
        elif section.within == WITHIN_OPENING:
            variant = "opening-text"  # the body's text before its first title
        elif section.within == WITHIN_RUN_IN:
            variant = "run-in"  # the last paragraph opens on "Conclusion :"
        elif section.within == WITHIN_CLOSING_WORDS:
            variant = "closing-words"  # the last sentences say what the stay brought
        elif not section.title:
            variant = "untitled"
        elif key == CONCLUSION and "title" in section.decided_by:
            variant = "closing"  # a "Bilan" or "Retour d'expérience" ends the report
        elif section.decided_by == ("title",):
            variant = "hinted"  # a title that hints at the part, a text that does not confirm it
        else:
            variant = "unusual"
        values = {
            "where": ctx.page_words(section.page),
            "title": section.title,
            "how": {
                lang: AND[lang].join(HOW_DECIDED[c][lang] for c in section.decided_by)
                for lang in ("fr", "en")
            },
            "confidence": round(100 * section.confidence),
            "cues": _cue_words(section.content_cues),
        }
        yield Hit(page=section.page, values=values, severity=Severity.WARNING, variant=variant)

    return check


rule(
    "RL201",
    "section-entreprise",
    Severity.ERROR,
    summary={
        "fr": "Aucune partie ne présente l'entreprise d'accueil (avertissement si une partie la présente sous un titre inhabituel).",
        "en": "No part presents the host company (a warning when a part presents it under an unusual title).",
    },
    message={
        "fr": "Aucune partie ne présente l'entreprise d'accueil : aucun titre ne la nomme (ex. « Présentation de l'entreprise ») et aucune partie ne la décrit (création, effectif, secteur, clients, organisation).",
        "en": "No part presents the host company: no heading names it (e.g. 'Présentation de l'entreprise') and no part describes it (creation, staff, sector, clients, organisation).",
    },
    expected={
        "fr": "une partie qui présente l'entreprise (activité, structure, organisation)",
        "en": "a part presenting the company (business, structure, organisation)",
    },
    found={"fr": "aucun titre ni contenu reconnu", "en": "no recognised heading or content"},
    fix={
        "fr": "Ajoutez une partie titrée « Présentation de l'entreprise » de quelques pages (productions, structure, organisation), avec un vrai style de titre (Titre 1) pour qu'elle apparaisse dans le sommaire.",
        "en": "Add a part titled 'Présentation de l'entreprise' of a few pages (products, structure, organisation), in a real heading style (Heading 1) so that it shows in the table of contents.",
    },
    variants={
        "missing": {},
        "announced": ANNOUNCED,
        "listed": LISTED,
        "unreadable": UNREADABLE,
        "no-titles": NO_TITLES,
        "unusual": {
            "message": {
                "fr": "La partie « {title} » ({where}) semble présenter l'entreprise, d'après {how} (confiance {confidence} %{cues}), mais son titre ne le dit pas.",
                "en": "The part '{title}' ({where}) seems to present the company, from {how} (confidence {confidence}%{cues}), but its title does not say so.",
            },
            "found": {
                "fr": "une présentation sous le titre « {title} »",
                "en": "a presentation titled '{title}'",
            },
            "fix": {
                "fr": "Si c'est bien la présentation de l'entreprise, titrez-la « Présentation de l'entreprise » (ou « Présentation de » suivi du nom) en style Titre 1 ; sinon, ajoutez cette partie.",
                "en": "If it is the company presentation, title it 'Présentation de l'entreprise' (or 'Présentation de' and the name) in Heading 1 style; otherwise add that part.",
            },
        },
        "hinted": {
            "message": {
                "fr": "Le titre « {title} » ({where}) évoque la présentation de l'entreprise sans la nommer (confiance {confidence} %), et son texte ne la décrit pas assez pour le confirmer.",
                "en": "The heading '{title}' ({where}) hints at the company presentation without naming it (confidence {confidence}%), and its text does not describe the company enough to confirm it.",
            },
            "found": {
                "fr": "un titre qui évoque l'entreprise : « {title} »",
                "en": "a heading that hints at the company: '{title}'",
            },
            "fix": {
                "fr": "Si cette partie présente l'entreprise, titrez-la « Présentation de l'entreprise » et décrivez l'entreprise (activité, effectif, organisation, clients) ; sinon, ajoutez cette partie.",
                "en": "If this part presents the company, title it 'Présentation de l'entreprise' and describe the company (business, staff, organisation, clients); otherwise add that part.",
            },
        },
        "within": {
            "message": {
                "fr": "L'entreprise est présentée sous « {title} » ({where}), une section de l'introduction, d'après {how} (confiance {confidence} %{cues}) : elle n'a pas de partie à elle.",
                "en": "The company is presented under '{title}' ({where}), a section of the introduction, from {how} (confidence {confidence}%{cues}): it has no part of its own.",
            },
            "found": {
                "fr": "une section de l'introduction, « {title} »",
                "en": "a section of the introduction, '{title}'",
            },
            "fix": {
                "fr": "Faites de cette présentation une partie à part entière, titrée « Présentation de l'entreprise » en style Titre 1, juste après l'introduction.",
                "en": "Make this presentation a part of its own, titled 'Présentation de l'entreprise' in Heading 1 style, right after the introduction.",
            },
        },
        "card": {
            "message": {
                "fr": "L'entreprise n'apparaît que dans la fiche de la {where} ({labels}) : son nom, son activité et ses coordonnées, mais aucune partie du rapport ne la présente.",
                "en": "The company only appears in the form on {where} ({labels}): its name, business and contact details, but no part of the report presents it.",
            },
            "found": {
                "fr": "une fiche d'identité, {where}",
                "en": "an identity card, {where}",
            },
            "fix": {
                "fr": "Présentez l'entreprise dans une partie titrée « Présentation de l'entreprise » (style Titre 1) après l'introduction : son activité, sa taille, son organisation, ses clients ; la fiche seule ne suffit pas.",
                "en": "Present the company in a part titled 'Présentation de l'entreprise' (Heading 1 style) after the introduction: its business, size, organisation and clients; the form alone is not enough.",
            },
        },
        "annexed": {
            "message": {
                "fr": "L'entreprise n'est présentée qu'en annexe, sous « {title} » ({where}) : le rapport lui-même n'a pas de partie qui la présente.",
                "en": "The company is only presented in the annexes, under '{title}' ({where}): the report itself has no part presenting it.",
            },
            "found": {
                "fr": "une présentation en annexe, « {title} »",
                "en": "a presentation in the annexes, '{title}'",
            },
            "fix": {
                "fr": "Déplacez cette présentation dans le rapport, en partie titrée « Présentation de l'entreprise » (style Titre 1) juste après l'introduction ; les annexes ne comptent pas dans le rapport.",
                "en": "Move this presentation into the report, as a part titled 'Présentation de l'entreprise' (Heading 1 style) right after the introduction; the annexes do not count as the report.",
            },
        },
        "aside": {
            "message": {
                "fr": "L'entreprise n'a pas de partie à elle : elle est décrite dans la section « {title} » ({where}), à l'intérieur de « {part} », d'après ce que dit son texte (confiance {confidence} %{cues}).",
                "en": "The company has no part of its own: it is described in the section '{title}' ({where}), inside '{part}', from what its text says (confidence {confidence}%{cues}).",
            },
            "found": {
                "fr": "une section de « {part} », « {title} »",
                "en": "a section of '{part}', '{title}'",
            },
            "fix": {
                "fr": "Faites de cette description une partie « Présentation de l'entreprise » (activité, effectif, organisation, votre service), en style Titre 1, juste après l'introduction.",
                "en": "Make this description a part 'Présentation de l'entreprise' (business, staff, organisation, your department), in Heading 1 style, right after the introduction.",
            },
        },
        "within-text": {
            "message": {
                "fr": "L'entreprise n'a pas de partie à elle : elle est présentée dans le texte de « {title} » ({where}), d'après {how} (confiance {confidence} %{cues}).",
                "en": "The company has no part of its own: it is presented in the text of '{title}' ({where}), from {how} (confidence {confidence}%{cues}).",
            },
            "found": {
                "fr": "le texte de « {title} »",
                "en": "the text of '{title}'",
            },
            "fix": {
                "fr": "Développez ces lignes en une partie « Présentation de l'entreprise » (activité, effectif, organisation, votre service), en style Titre 1, juste après l'introduction.",
                "en": "Develop these lines into a part 'Présentation de l'entreprise' (business, staff, organisation, your department), in Heading 1 style, right after the introduction.",
            },
        },
        "opening-text": {
            "message": {
                "fr": "L'entreprise n'a pas de partie à elle : elle est présentée dans le texte qui ouvre le rapport, avant son premier titre ({where}, « {title} »), d'après {how} (confiance {confidence} %{cues}).",
                "en": "The company has no part of its own: it is presented in the text that opens the report, before its first heading ({where}, '{title}'), from {how} (confidence {confidence}%{cues}).",
            },
            "found": {
                "fr": "le texte d'ouverture, « {title} »",
                "en": "the opening text, '{title}'",
            },
            "fix": {
                "fr": "Titrez ces lignes « Présentation de l'entreprise » en style Titre 1 et développez-les (activité, effectif, organisation, votre service), après une introduction.",
                "en": "Title these lines 'Présentation de l'entreprise' in Heading 1 style and develop them (business, staff, organisation, your department), after an introduction.",
            },
        },
    },
)(_part_check(COMPANY))

rule(
    "RL202",
    "section-activites",
    Severity.ERROR,
    summary={
        "fr": "Aucune partie ne décrit les activités réalisées pendant le stage (avertissement si une partie les décrit sous un titre inhabituel).",
        "en": "No part describes the activities done during the internship (a warning when a part describes them under an unusual title).",
    },
    message={
        "fr": "Aucune partie ne décrit les activités réalisées pendant le stage : aucun titre ne les nomme et aucune partie ne raconte votre travail (missions, tâches, ce que vous avez installé, développé ou testé).",
        "en": "No part describes the activities done during the internship: no heading names them and no part tells your work (missions, tasks, what you installed, developed or tested).",
    },
    expected={
        "fr": "une partie sur les activités réalisées (ex. « Missions réalisées »)",
        "en": "a part on the activities done (e.g. 'Missions réalisées')",
    },
    found={"fr": "aucun titre ni contenu reconnu", "en": "no recognised heading or content"},
    fix={
        "fr": "Ajoutez une partie titrée « Activités réalisées » ou « Missions réalisées » décrivant une ou plusieurs activités, en style Titre 1.",
        "en": "Add a part titled 'Activités réalisées' or 'Missions réalisées' describing one or more activities, in Heading 1 style.",
    },
    variants={
        "missing": {},
        "announced": ANNOUNCED,
        "listed": LISTED,
        "unreadable": UNREADABLE,
        "no-titles": NO_TITLES,
        "unusual": {
            "message": {
                "fr": "La partie « {title} » ({where}) semble décrire vos activités, d'après {how} (confiance {confidence} %{cues}), mais son titre ne le dit pas.",
                "en": "The part '{title}' ({where}) seems to describe your activities, from {how} (confidence {confidence}%{cues}), but its title does not say so.",
            },
            "found": {
                "fr": "des activités sous le titre « {title} »",
                "en": "activities titled '{title}'",
            },
            "fix": {
                "fr": "Titrez cette partie « Activités réalisées » (ou « Missions réalisées »), ses sous-parties pouvant garder le nom de chaque projet ou mission, en style Titre 1.",
                "en": "Title this part 'Activités réalisées' (or 'Missions réalisées'); its sub-parts may keep each project's or mission's name, in Heading 1 style.",
            },
        },
        "hinted": {
            "message": {
                "fr": "Le titre « {title} » ({where}) évoque vos activités sans les nommer (confiance {confidence} %), et son texte ne raconte pas assez votre travail pour le confirmer.",
                "en": "The heading '{title}' ({where}) hints at your activities without naming them (confidence {confidence}%), and its text does not tell your work enough to confirm it.",
            },
            "found": {
                "fr": "un titre qui évoque les activités : « {title} »",
                "en": "a heading that hints at the activities: '{title}'",
            },
            "fix": {
                "fr": "Si cette partie décrit vos activités, titrez-la « Activités réalisées » et racontez ce que vous avez fait (missions, tâches, résultats) ; sinon, ajoutez cette partie.",
                "en": "If this part describes your activities, title it 'Activités réalisées' and tell what you did (missions, tasks, results); otherwise add that part.",
            },
        },
    },
)(_part_check(ACTIVITIES))

rule(
    "RL203",
    "section-conclusion",
    Severity.ERROR,
    summary={
        "fr": "Le rapport n'a pas de conclusion (avertissement s'il finit par un bilan ou une conclusion sans titre).",
        "en": "The report has no conclusion (a warning when it ends on a review or an untitled conclusion).",
    },
    message={
        "fr": "Le rapport n'a pas de conclusion : aucun titre « Conclusion » (ou « Bilan du stage ») et aucune fin de rapport qui dise ce que le stage vous a apporté.",
        "en": "The report has no conclusion: no 'Conclusion' (or 'Bilan du stage') heading and no ending that says what the internship brought you.",
    },
    expected={"fr": "une courte conclusion", "en": "a short conclusion"},
    found={"fr": "aucune conclusion", "en": "no conclusion"},
    fix={
        "fr": "Terminez le rapport par une courte « Conclusion » : vos découvertes, ce que vous retenez, le lien avec votre projet professionnel.",
        "en": "End the report with a short 'Conclusion': what you discovered, what you keep, the link with your career plans.",
    },
    variants={
        "missing": {},
        "announced": ANNOUNCED,
        "listed": LISTED,
        "unreadable": UNREADABLE,
        "no-titles": NO_TITLES,
        "empty": {
            "message": {
                "fr": "Le rapport n'a pas de conclusion : le titre « {title} » ({where}) n'a rien sous lui, ni texte ni image.",
                "en": "The report has no conclusion: the heading '{title}' ({where}) has nothing under it, no text and no picture.",
            },
            "found": {"fr": "« {title} » sans texte", "en": "'{title}' with no text"},
            "fix": {
                "fr": "Écrivez sous « {title} » une courte conclusion : ce que vous retenez du stage, le lien avec votre projet professionnel.",
                "en": "Write a short conclusion under '{title}': what you take away from the internship, the link with your career plans.",
            },
        },
        "unwritten": {
            "message": {
                "fr": "Le titre « {title} » ({where}) n'a rien sous lui, ni texte ni image : la conclusion reste à écrire.",
                "en": "The heading '{title}' ({where}) has nothing under it, no text and no picture: the conclusion is still to be written.",
            },
            "found": {"fr": "« {title} » sans texte", "en": "'{title}' with no text"},
            "fix": {
                "fr": "Écrivez sous « {title} » une courte conclusion : ce que vous retenez du stage, le lien avec votre projet professionnel.",
                "en": "Write a short conclusion under '{title}': what you take away from the internship, the link with your career plans.",
            },
        },
        "closing": {
            "message": {
                "fr": "Le rapport se termine par « {title} » ({where}), lu comme sa conclusion, mais aucune partie n'est titrée « Conclusion ».",
                "en": "The report ends with '{title}' ({where}), read as its conclusion, but no part is titled 'Conclusion'.",
            },
            "found": {"fr": "« {title} » sans conclusion", "en": "'{title}' without a conclusion"},
            "fix": {
                "fr": "Titrez cette partie « Conclusion » (ou « Bilan et conclusion »), ou ajoutez après elle une courte conclusion : ce que vous retenez, le lien avec votre projet professionnel.",
                "en": "Title this part 'Conclusion' (or 'Bilan et conclusion'), or add a short conclusion after it: what you take away from the internship, the link with your career plans.",
            },
        },
        "unusual": {
            "message": {
                "fr": "La partie « {title} » ({where}) semble conclure le rapport, d'après {how} (confiance {confidence} %{cues}), mais son titre ne le dit pas.",
                "en": "The part '{title}' ({where}) seems to conclude the report, from {how} (confidence {confidence}%{cues}), but its title does not say so.",
            },
            "found": {
                "fr": "une conclusion sous le titre « {title} »",
                "en": "a conclusion titled '{title}'",
            },
            "fix": {
                "fr": "Titrez cette partie « Conclusion » en style Titre 1.",
                "en": "Title this part 'Conclusion' in Heading 1 style.",
            },
        },
        "run-in": {
            "message": {
                "fr": "Le dernier paragraphe du rapport ({where}) commence par « {title} » : il est lu comme sa conclusion (confiance {confidence} %), mais ce mot n'est pas un titre, et rien d'autre ne conclut le rapport.",
                "en": "The report's last paragraph ({where}) opens with '{title}': it is read as its conclusion (confidence {confidence}%), but that word is not a heading, and nothing else concludes the report.",
            },
            "found": {
                "fr": "un paragraphe « {title} » sans titre",
                "en": "a '{title}' paragraph without a heading",
            },
            "fix": {
                "fr": "Si ce paragraphe conclut tout le stage, faites de « Conclusion » un titre sur sa propre ligne, en style Titre 1 (il apparaîtra au sommaire), et dites-y ce que le stage vous a apporté ; sinon, ajoutez une courte conclusion.",
                "en": "If this paragraph concludes the whole internship, make 'Conclusion' a heading on a line of its own, in Heading 1 style (it will show in the table of contents), and say there what the internship brought you; otherwise add a short conclusion.",
            },
        },
        "closing-words": {
            "message": {
                "fr": "Aucune partie ne conclut le rapport, mais ses dernières phrases ({where}, « {title} ») disent ce que le stage vous a apporté : elles sont lues comme sa conclusion (confiance {confidence} %{cues}), sans titre ni partie à elles.",
                "en": "No part concludes the report, but its last sentences ({where}, '{title}') say what the internship brought you: they are read as its conclusion (confidence {confidence}%{cues}), without a heading or a part of their own.",
            },
            "found": {
                "fr": "quelques phrases de fin, sans titre : « {title} »",
                "en": "a few closing sentences, without a heading: '{title}'",
            },
            "fix": {
                "fr": "Faites de ces phrases une vraie conclusion : un titre « Conclusion » en style Titre 1 (il apparaîtra au sommaire), puis ce que vous retenez du stage et le lien avec votre projet professionnel.",
                "en": "Make these sentences a real conclusion: a 'Conclusion' heading in Heading 1 style (it will show in the table of contents), then what you take away from the internship and how it relates to your career plans.",
            },
        },
        "drawn": {
            "message": {
                "fr": "Aucune conclusion ne se lit dans le texte du rapport, mais des titres y sont dessinés comme des images après les activités ({pages}) : la conclusion est peut-être sous l'un d'eux, illisible pour rapportlint.",
                "en": "No conclusion can be read in the report's text, but headings are drawn as pictures after the activities ({pages}): the conclusion may be under one of them, unreadable for rapportlint.",
            },
            "found": {
                "fr": "des titres dessinés en images, aucune conclusion lisible",
                "en": "headings drawn as pictures, no readable conclusion",
            },
            "fix": {
                "fr": "Écrivez ces titres en texte, avec un style de titre (Titre 1), plutôt qu'en WordArt ou en image ; s'il n'y a pas de conclusion, ajoutez-en une courte.",
                "en": "Write these headings as text, in a heading style (Heading 1), rather than as WordArt or pictures; if there is no conclusion, add a short one.",
            },
        },
        "summary": {
            "message": {
                "fr": "Le rapport ne se termine par aucune conclusion, mais la synthèse placée avant lui en a une : « {title} » ({where}). Cette synthèse résume le rapport ; elle ne remplace pas sa conclusion.",
                "en": "The report ends without a conclusion, but the summary set before it has one: '{title}' ({where}). That summary sums the report up; it does not replace its conclusion.",
            },
            "found": {
                "fr": "une conclusion dans la synthèse du début seulement, « {title} »",
                "en": "a conclusion in the opening summary only, '{title}'",
            },
            "fix": {
                "fr": "Terminez le rapport par une courte « Conclusion » qui reprend et développe « {title} » : ce que vous retenez du stage, le lien avec votre projet professionnel.",
                "en": "End the report with a short 'Conclusion' that takes up and develops '{title}': what you take from the internship, the link with your career plans.",
            },
        },
        "untitled": {
            "message": {
                "fr": "La fin du rapport ({where}) semble être une conclusion, d'après {how} (confiance {confidence} %{cues}), mais aucun titre « Conclusion » n'est écrit en texte (un titre dessiné comme une image ne se lit pas).",
                "en": "The end of the report ({where}) seems to be a conclusion, from {how} (confidence {confidence}%{cues}), but no 'Conclusion' heading is written as text (a heading drawn as a picture cannot be read).",
            },
            "found": {"fr": "une conclusion sans titre", "en": "an untitled conclusion"},
            "fix": {
                "fr": "Écrivez le titre « Conclusion » en texte, avec un style de titre (Titre 1), plutôt qu'en image ou en WordArt.",
                "en": "Write the 'Conclusion' heading as text, in a heading style (Heading 1), rather than as a picture or WordArt.",
            },
        },
    },
)(_part_check(CONCLUSION))


@rule(
    "RL204",
    "ordre-sections",
    Severity.WARNING,
    summary={
        "fr": "Les parties entreprise, activités et conclusion ne sont pas dans cet ordre.",
        "en": "The company, activities and conclusion parts are not in that order.",
    },
    message={
        "fr": "Les parties sont dans l'ordre : {order}.",
        "en": "The parts come in this order: {order}.",
    },
    expected={
        "fr": "entreprise, puis activités, puis conclusion",
        "en": "company, then activities, then conclusion",
    },
    found={"fr": "{order}", "en": "{order}"},
    fix={
        "fr": "Réorganisez le rapport : présentez l'entreprise, puis vos activités, et terminez par la conclusion.",
        "en": "Reorder the report: present the company, then your activities, and end with the conclusion.",
    },
)
def sections_out_of_order(ctx: Context) -> Iterator[Hit]:
    found = [
        ctx.analysis.sections[k]
        for k in (COMPANY, ACTIVITIES, CONCLUSION)
        if k in ctx.analysis.sections
    ]
    if len(found) < 2:
        return
    actual = sorted(found, key=lambda s: s.page)
    if [s.key for s in actual] != [s.key for s in found]:
        order = {
            lang: ", ".join(f"{PART_NAMES[s.key][lang]} (p. {s.page})" for s in actual)
            for lang in ("fr", "en")
        }
        misplaced = next(a for a, b in zip(actual, found, strict=True) if a.key != b.key)
        yield Hit(page=misplaced.page, values={"order": order})


# One or two pages are "quelques pages synthétiques" whatever the report's length: the share
# of a very short report (a company page out of three) says the report is short (RL101), not
# that the presentation is long.
SHARE_MIN_PAGES = 3


@rule(
    "RL205",
    "entreprise-longue",
    Severity.WARNING,
    summary={
        "fr": "La présentation de l'entreprise est trop longue (plus de 5 pages, ou 25 % du rapport dès 3 pages).",
        "en": "The company presentation is too long (over 5 pages, or 25% of the report from 3 pages).",
    },
    message={
        "fr": "La présentation de l'entreprise occupe {pages:page|pages} (p. {first} à {last}), soit {share} % du corps du rapport.",
        "en": "The company presentation takes {pages:page|pages} (p. {first} to {last}), {share}% of the body.",
    },
    expected={
        "fr": "{max_pages} pages au plus et {max_share} % du rapport au plus",
        "en": "at most {max_pages} pages and {max_share}% of the report",
    },
    found={"fr": "{pages:page|pages} ({share} %)", "en": "{pages:page|pages} ({share}%)"},
    fix={
        "fr": "Le règlement demande « quelques pages synthétiques » : gardez l'essentiel (activité, structure, organisation, organigramme) et résumez le reste.",
        "en": "The regulation asks for 'a few summary pages': keep the essentials (business, structure, organisation chart) and summarise the rest.",
    },
)
def company_too_long(ctx: Context) -> Iterator[Hit]:
    section = ctx.analysis.sections.get(COMPANY)
    body = ctx.analysis.layout.body_pages
    if section is None or body == 0:
        return
    share = section.page_count / body
    if section.page_count > ctx.settings.company_max_pages or (
        share > ctx.settings.company_max_share and section.page_count >= SHARE_MIN_PAGES
    ):
        yield Hit(
            page=section.page,
            values={
                "pages": section.page_count,
                "first": section.page,
                "last": section.end_page,
                "share": round(100 * share),
                "max_pages": ctx.settings.company_max_pages,
                "max_share": round(100 * ctx.settings.company_max_share),
            },
        )


TEXT_PAGE_WORDS = 40  # fewer words on a page: a title, a caption, a page number


@rule(
    "RL206",
    "conclusion-longue",
    Severity.WARNING,
    summary={
        "fr": "La conclusion dépasse 2 pages.",
        "en": "The conclusion is longer than 2 pages.",
    },
    message={
        "fr": "La conclusion occupe {pages} pages de texte (p. {first} à {last}).",
        "en": "The conclusion takes {pages} pages of text (p. {first} to {last}).",
    },
    expected={"fr": "{limit} pages au plus", "en": "at most {limit} pages"},
    found={"fr": "{pages} pages", "en": "{pages} pages"},
    fix={
        "fr": "Le règlement demande une « courte conclusion » : gardez vos découvertes, ce que vous retenez et le lien avec votre projet professionnel.",
        "en": "The regulation asks for a 'short conclusion': keep what you discovered, what you take away from the internship and the link with your career plans.",
    },
)
def conclusion_too_long(ctx: Context) -> Iterator[Hit]:
    """Counts the pages that carry the conclusion's text: a divider page with only its title,
    a blank back of a page or a page of photos is no length of text to shorten."""
    section = ctx.analysis.sections.get(CONCLUSION)
    if section is None:
        return
    pages = [ctx.analysis.pages.get(n) for n in range(section.page, section.end_page + 1)]
    written = sum(1 for page in pages if page is not None and page.words >= TEXT_PAGE_WORDS)
    if written > ctx.settings.conclusion_max_pages:
        yield Hit(
            page=section.page,
            values={
                "pages": written,
                "first": section.page,
                "last": section.end_page,
                "limit": ctx.settings.conclusion_max_pages,
            },
        )


ELEMENTS = {
    "objectifs": (
        re.compile(r"\b(?:objecti[fv]s?|but(?:s)? (?:du|de|de la)|cahier des charges|besoins?)\b"),
        {"fr": "objectifs", "en": "objectives"},
    ),
    "resultats": (
        re.compile(r"\b(?:resultats?|obtenus?|abouti|livrables?|mise en (?:service|production))\b"),
        {"fr": "résultats", "en": "results"},
    ),
    "contraintes": (
        re.compile(r"\b(?:contraintes?|difficultes?|limites?|problemes? rencontres?|obstacles?)\b"),
        {"fr": "contraintes", "en": "constraints"},
    ),
}


@rule(
    "RL207",
    "activites-elements",
    Severity.INFO,
    summary={
        "fr": "La partie activités ne parle pas d'objectifs, de résultats ou de contraintes.",
        "en": "The activities part never speaks of objectives, results or constraints.",
    },
    message={
        "fr": "La partie « {title} » ne mentionne jamais : {missing}.",
        "en": "The part '{title}' never mentions: {missing}.",
    },
    expected={
        "fr": "les objectifs, les résultats et les contraintes de chaque activité",
        "en": "the objectives, results and constraints of each activity",
    },
    found={"fr": "absents : {missing}", "en": "missing: {missing}"},
    fix={
        "fr": "Pour chaque activité, dites l'objectif fixé, le résultat obtenu et les contraintes prises en compte, avec votre commentaire personnel (règlement, 2.1.3).",
        "en": "For each activity, state the objective, the result and the constraints, with your personal comment (regulation, 2.1.3).",
    },
)
def activity_elements(ctx: Context) -> Iterator[Hit]:
    section = ctx.analysis.sections.get(ACTIVITIES)
    if section is None or ctx.analysis.text_unreadable:  # unread, nothing is "never" said
        return
    text = fold(ctx.analysis.body_text(section.page, section.end_page))
    missing = [label for pattern, label in ELEMENTS.values() if not pattern.search(text)]
    if missing:
        yield Hit(
            page=section.page,
            values={
                "title": section.title,
                "missing": {lang: ", ".join(m[lang] for m in missing) for lang in ("fr", "en")},
            },
        )


@rule(
    "RL401",
    "reproductions",
    Severity.WARNING,
    summary={
        "fr": "Trop de pages du rapport sont surtout des images ou des scans.",
        "en": "Too many report pages are mostly pictures or scans.",
    },
    message={
        "fr": "{count:page|pages} sur {total} {count:~est occupée|sont occupées} à plus de {page_share} % par des images ou des scans : {pages}.",
        "en": "{count} of {total} pages {count:~is|are} more than {page_share}% pictures or scans: {pages}.",
    },
    expected={
        "fr": "au plus {max_share} % de pages d'images",
        "en": "at most {max_share}% of picture pages",
    },
    found={"fr": "{share} % ({count:page|pages})", "en": "{share}% ({count:page|pages})"},
    fix={
        "fr": "Le règlement demande de limiter les reproductions de documents de l'entreprise : réduisez les captures, gardez celles que vous commentez, déplacez les autres en annexe.",
        "en": "The regulation asks to limit reproductions of company documents: shrink screenshots, keep those you comment on, move the others to the annexes.",
    },
)
def too_many_picture_pages(ctx: Context) -> Iterator[Hit]:
    layout, pages = ctx.analysis.layout, ctx.analysis.pages
    body = [n for n in range(2, layout.last_body_page + 1)]  # the cover may be a picture
    if not body:
        return
    threshold = ctx.settings.picture_page_share
    heavy = [n for n in body if pages[n].picture_share >= threshold or pages[n].scanned]
    share = len(heavy) / len(body)
    if share > ctx.settings.reproductions_max_share:
        yield Hit(
            page=heavy[0],
            values={
                "count": len(heavy),
                "total": len(body),
                "pages": ", ".join(str(n) for n in heavy),
                "share": round(100 * share),
                "page_share": round(100 * threshold),
                "max_share": round(100 * ctx.settings.reproductions_max_share),
            },
        )


@rule(
    "RL402",
    "langue-rapport",
    Severity.WARNING,
    summary={
        "fr": "Le corps du rapport n'est pas principalement en français.",
        "en": "The body of the report is not mostly in French.",
    },
    message={
        "fr": "Le corps du rapport semble écrit en {language} (confiance {probability} %), le rapport doit être rédigé en français.",
        "en": "The body of the report seems written in {language} (confidence {probability}%); the report must be written in French.",
    },
    expected={"fr": "un rapport en français", "en": "a report in French"},
    found={"fr": "langue détectée : {language}", "en": "detected language: {language}"},
    fix={
        "fr": "Rédigez le rapport en français ; seuls les trois documents annexés sont en anglais.",
        "en": "Write the report in French; only the three annexed documents are in English.",
    },
)
def body_not_french(ctx: Context) -> Iterator[Hit]:
    language = ctx.analysis.body_language
    if language in ("fr", "und"):
        return
    yield Hit(
        page=ctx.analysis.layout.intro_page,
        values={
            "language": LANGUAGE_NAMES.get(language, {"fr": language, "en": language}),
            "probability": round(100 * ctx.analysis.body_language_probability),
        },
    )
