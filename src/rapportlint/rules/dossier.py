"""Rules on the candidate's dossier: the proof the route asks for, the internship length, and
whether the dossier and the report agree. They run only when a dossier is given (pack, verify)."""

from __future__ import annotations

from collections.abc import Iterator

from rapportlint.analysis.text import fold
from rapportlint.findings import Severity
from rapportlint.rules.base import Hit, rule
from rapportlint.rules.context import Context

# What each route must hand in (regulation 2.1 to 2.4): any one of the listed proof types.
REQUIRED_PROOFS: dict[str, tuple[str, ...]] = {
    "scolaire": ("certificat-de-stage",),
    "apprentissage": ("contrat-apprentissage", "attestation-employeur"),
    "formation-continue": ("certificat-de-stage",),
    "perfectionnement": ("certificat-de-travail",),
    "experience-professionnelle": ("certificat-de-travail",),
    "dispense": ("decision-dispense",),
}
PROOF_NAMES = {
    "certificat-de-stage": {
        "fr": "le certificat de stage signé par l'entreprise",
        "en": "the internship certificate signed by the company",
    },
    "contrat-apprentissage": {
        "fr": "la copie du contrat d'apprentissage",
        "en": "a copy of the apprenticeship contract",
    },
    "attestation-employeur": {
        "fr": "l'attestation de l'employeur",
        "en": "the employer's attestation",
    },
    "certificat-de-travail": {
        "fr": "les certificats de travail (nature et durée des emplois)",
        "en": "the work certificates (nature and length of the jobs)",
    },
    "decision-dispense": {"fr": "la décision de dispense", "en": "the exemption decision"},
}
ROUTES_WITH_INTERNSHIP = ("scolaire", "formation-continue")


@rule(
    "RL501",
    "justificatif-stage",
    Severity.ERROR,
    summary={
        "fr": "Le justificatif que demande la voie du candidat manque au dossier.",
        "en": "The proof the candidate's route asks for is missing from the dossier.",
    },
    message={
        "fr": "Pour la voie « {route} », le dossier doit contenir {wanted} : aucun justificatif de ce type n'est déclaré.",
        "en": "For the '{route}' route, the dossier must hold {wanted}: no proof of that type is declared.",
    },
    expected={"fr": "{wanted}", "en": "{wanted}"},
    found={"fr": "justificatifs déclarés : {found}", "en": "declared proofs: {found}"},
    fix={
        "fr": 'Ajoutez le document scanné en PDF dans dossier.toml ([[fichiers.justificatifs]] avec fichier et type = "{first}"). Sans certificat de stage, le candidat ne peut pas se présenter à l\'examen.',
        "en": 'Add the scanned document as a PDF in dossier.toml ([[fichiers.justificatifs]] with fichier and type = "{first}"). Without it, the candidate cannot sit the exam.',
    },
    family="dossier",
)
def missing_proof(ctx: Context) -> Iterator[Hit]:
    dossier = ctx.dossier
    if dossier is None:
        return
    wanted = REQUIRED_PROOFS[dossier.route]
    declared = {p.kind for p in dossier.proofs}
    if dossier.route == "dispense" and dossier.dispense:
        return  # the decision's reference is given in [stage]
    if declared & set(wanted):
        return
    yield Hit(
        page=None,
        values={
            "route": dossier.route,
            "wanted": {
                lang: " ou ".join(PROOF_NAMES[k][lang] for k in wanted)
                if lang == "fr"
                else " or ".join(PROOF_NAMES[k][lang] for k in wanted)
                for lang in ("fr", "en")
            },
            "found": ", ".join(sorted(k for k in declared if k)) or {"fr": "aucun", "en": "none"},
            "first": wanted[0],
        },
    )


@rule(
    "RL502",
    "duree-stage",
    Severity.ERROR,
    summary={
        "fr": "Le stage dure moins de 6 semaines (ou plus de 8).",
        "en": "The internship lasts less than 6 weeks (or more than 8).",
    },
    message={
        "fr": "Le stage dure {weeks:semaine|semaines} (du {start} au {end}) : {why}",
        "en": "The internship lasts {weeks:week|weeks} ({start} to {end}): {why}",
    },
    expected={"fr": "de 6 à 8 semaines", "en": "6 to 8 weeks"},
    found={"fr": "{weeks:semaine|semaines}", "en": "{weeks:week|weeks}"},
    fix={"fr": "{fix}", "en": "{fix}"},
    family="dossier",
)
def internship_length(ctx: Context) -> Iterator[Hit]:
    dossier = ctx.dossier
    if dossier is None or dossier.route not in ROUTES_WITH_INTERNSHIP or dossier.weeks is None:
        return
    weeks = dossier.weeks
    values = {
        "weeks": weeks,  # a number: the message writes it with the decimal comma in French
        "start": dossier.start.strftime("%d/%m/%Y"),
        "end": dossier.end.strftime("%d/%m/%Y"),
    }
    if weeks < 4:
        if dossier.dispense:
            return
        yield Hit(
            None,
            {
                **values,
                "why": {
                    "fr": "moins de 4 semaines, ce qui n'est jamais admis sans dispense.",
                    "en": "under 4 weeks, never accepted without an exemption.",
                },
                "fix": {
                    "fr": "Vérifiez les dates ; un stage de moins de 4 semaines ne permet pas de se présenter, sauf dispense (indiquez sa référence dans [stage] dispense).",
                    "en": "Check the dates; under 4 weeks the candidate cannot sit the exam, unless exempted (give its reference in [stage] dispense).",
                },
            },
            severity=Severity.ERROR,
        )
    elif weeks < 6:
        if dossier.derogation:
            return
        yield Hit(
            None,
            {
                **values,
                "why": {
                    "fr": "entre 4 et 6 semaines, une dérogation du recteur est nécessaire.",
                    "en": "between 4 and 6 weeks, a derogation by the rector is needed.",
                },
                "fix": {
                    "fr": "Joignez la référence de la décision du recteur dans [stage] derogation (force majeure, formation adaptée).",
                    "en": "Give the reference of the rector's decision in [stage] derogation (force majeure, adapted training).",
                },
            },
            severity=Severity.WARNING,
        )
    elif weeks > 8:
        yield Hit(
            None,
            {
                **values,
                "why": {
                    "fr": "plus que les 8 semaines prévues.",
                    "en": "longer than the 8 weeks planned.",
                },
                "fix": {
                    "fr": "Rien à corriger si les dates sont justes ; vérifiez-les.",
                    "en": "Nothing to fix if the dates are right; check them.",
                },
            },
            severity=Severity.INFO,
        )


@rule(
    "RL503",
    "dossier-incoherent",
    Severity.WARNING,
    summary={
        "fr": "Le dossier et le rapport ne disent pas la même chose (nom, entreprise, dates).",
        "en": "The dossier and the report disagree (name, company, dates).",
    },
    message={"fr": "{what}", "en": "{what}"},
    expected={"fr": "{expected}", "en": "{expected}"},
    found={"fr": "{found}", "en": "{found}"},
    fix={
        "fr": "Corrigez le dossier ou la page de garde pour qu'ils disent la même chose.",
        "en": "Fix the dossier or the cover page so that they agree.",
    },
    family="dossier",
)
def dossier_disagrees(ctx: Context) -> Iterator[Hit]:
    dossier, analysis = ctx.dossier, ctx.analysis
    if dossier is None:
        return
    cover = analysis.cover
    page = cover.page if cover and cover.page else 1
    cover_text = fold(analysis.document.page(page).text) if analysis.document.page_count else ""
    for label, value in (
        ("Le nom du candidat", dossier.last_name),
        ("L'entreprise", dossier.company),
    ):
        words = [w for w in fold(value).split() if len(w) > 2 and w not in ("sas", "sarl", "the")]
        if words and not all(w in cover_text for w in words):
            english = {"Le nom du candidat": "candidate's name", "L'entreprise": "company"}[label]
            yield Hit(
                page,
                {
                    "what": {
                        "fr": f"{label} du dossier (« {value} ») n'apparaît pas sur la page de garde (page {page}).",
                        "en": f"The dossier's {english} ('{value}') is not on the cover page (page {page}).",
                    },
                    "expected": value,
                    "found": {"fr": "absent de la page de garde", "en": "not on the cover page"},
                },
            )
    if (
        cover
        and cover.start
        and cover.end
        and dossier.start
        and dossier.end
        and (cover.start, cover.end) != (dossier.start, dossier.end)
    ):
        yield Hit(
            page,
            {
                "what": {
                    "fr": "Les dates du stage diffèrent entre le dossier et la page de garde.",
                    "en": "The internship dates differ between the dossier and the cover page.",
                },
                "expected": f"{dossier.start:%d/%m/%Y} - {dossier.end:%d/%m/%Y}",
                "found": f"{cover.start:%d/%m/%Y} - {cover.end:%d/%m/%Y}",
            },
        )
