"""The few things worth saying about one candidate, most important first, in a few words each.

The teacher's dashboard shows the first one as the row's remark ("pas de conclusion"); the jury
page shows up to five, each phrased for the oral: what to ask or to look at. Findings are
grouped (every annex problem is one line, every missing part another), because a jury with a
few minutes per candidate reads lines, not rule messages. The rule ids stay attached, for who
wants the detail in the compliance report.

Everything is read from the JSON contract object of a check (and the class run's own facts:
not handed in, a bound passed, a changed package), never from the checker: this is a renderer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapportlint import wording

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
LINE_WIDTH = 150  # characters: two printed lines at most on the jury page


@dataclass(frozen=True, slots=True)
class Point:
    severity: str  # "error", "warning" or "info"
    problem: str  # what is wrong, a few words: the dashboard's remark
    question: str  # the line for the oral: the problem and what to ask or look at
    rules: tuple[str, ...] = ()
    order: int = 0  # among points of one severity: the submission first, style last


# Group of each rule, in the order a jury needs them within one severity.
GROUPS = {
    "RL001": "file",
    "RL002": "file",
    "RL003": "file",
    "RL004": "file",
    "RL201": "parts",
    "RL202": "parts",
    "RL203": "parts",
    "RL101": "length",
    "RL301": "annexes",
    "RL302": "annexes",
    "RL303": "annexes",
    "RL304": "annexes",
    "RL305": "annexes",
    "RL306": "annexes",
    "RL307": "annexes",
    "RL308": "annexes",
    "RL501": "dossier",
    "RL502": "dossier",
    "RL503": "dossier",
    "RL402": "language",
    "RL401": "pictures",
    "RL204": "balance",
    "RL205": "balance",
    "RL206": "balance",
    "RL207": "activities",
    "RL601": "active",
}
ORDER = [
    "submission",
    "file",
    "parts",
    "length",
    "annexes",
    "dossier",
    "language",
    "pictures",
    "balance",
    "activities",
    "active",
    "other",
]

T = {
    "fr": {
        "missing": (
            "aucun fichier pour cet élève",
            "Aucun rapport reçu : vérifier auprès du candidat.",
        ),
        "no_annexes": (
            "aucun document en anglais",
            "Aucun document en anglais en annexe : demander lesquels le candidat a lus.",
        ),
        "bound": (
            "analyse impossible ({reason})",
            "L'outil n'a pas pu analyser le rapport ({reason}) : le lire en entier.",
        ),
        "changed": (
            "paquet modifié ({what})",
            "Paquet modifié depuis sa création ({what}) : vérifier la version qui fait foi.",
        ),
        "inconsistent": (
            "paquet : {what}",
            "Paquet intact, mais {what} : vérifier la version qui fait foi.",
        ),
        "forced": (
            "paquet forcé malgré des erreurs",
            "Paquet créé malgré des erreurs (--force) : demander au candidat pourquoi.",
        ),
        "unreadable": (
            "illisible : {found}",
            "Rapport illisible par l'outil ({found}) : en obtenir une version lisible.",
        ),
        "scanned": (
            "rapport scanné, sans texte",
            "Rapport scanné : rien n'a pu être vérifié, le lire en entier.",
        ),
        "parts": (
            "pas de partie {names}",
            "Aucune partie {names} repérée : à faire présenter à l'oral.",
        ),
        "length": (
            "trop long : {counted} pages pour {limit}",
            "Rapport de {counted} pages pour {limit} au plus : demander ce qui pouvait être résumé.",
        ),
        "annexes": (
            "annexes : {what}",
            "Documents en anglais ({what}) : en faire présenter un, avec sa source.",
        ),
        "dossier": ("dossier : {what}", "À vérifier avant l'oral : {what}."),
        "language": (
            "rapport en {language}",
            "Rapport rédigé en {language} : demander pourquoi pas en français.",
        ),
        "pictures": (
            "beaucoup de pages d'images ({found})",
            "Beaucoup de pages d'images ({found}) : demander ce que le candidat a produit lui-même.",
        ),
        "balance": ("{what}", "{what_cap} : {ask}."),
        "activities": (
            "activités : {missing} jamais évoqués",
            "Activités sans {missing} : les demander pour chaque activité.",
        ),
        "active": (
            "contenu actif : {found}",
            "Le PDF contient du contenu actif ({found}) : ne pas ouvrir ses pièces jointes.",
        ),
        "part_names": {
            "RL201": "de présentation de l'entreprise",
            "RL202": "sur les activités",
            "RL203": "de conclusion",
        },
        "and": " ni ",
        "balance_what": {
            "RL204": "parties dans un ordre inhabituel",
            "RL205": "présentation de l'entreprise de {found}",
            "RL206": "conclusion de {found}",
        },
        "balance_ask": {
            "RL204": "demander le plan du rapport",
            "RL205": "la faire résumer en une minute",
            "RL206": "demander ce que le candidat retient du stage",
        },
        "english_count": "{count} en anglais sur 3",
        "annex": "annexe",
        "pages_of": "de {n} pages",
        "in_language": "en {language}",
        "kinds": "types {kinds}",
        "kind_short": {
            "technique": "technique",
            "presse": "presse",
            "inconnu": "non reconnu",
            "autre": "autre annexe",
        },
        "kind_unknown": (
            "type non reconnu pour l'annexe {indexes}",
            "type non reconnu pour les annexes {indexes}",
        ),
        "list_and": " et ",
        "pictures_of": "images {share}",
        "no_source": "sans source",
        "scan": "scannée",
        "declared": "déclarée {declared}, lue {guessed}",
        "proof": "justificatif de stage absent du dossier",
        "length_dossier": "stage de {found}",
        "disagree_dates": "dates {expected} au dossier, {found} sur la page de garde",
        "disagree_name": "«\u00a0{expected}\u00a0» (dossier) absent de la page de garde",
    },
    "en": {
        "missing": ("no file for this student", "No report received: check with the candidate."),
        "no_annexes": (
            "no English document",
            "No English document in the annexes: ask which ones the candidate read.",
        ),
        "bound": (
            "analysis impossible ({reason})",
            "The tool could not analyse the report ({reason}): read it in full.",
        ),
        "changed": (
            "package changed ({what})",
            "Package changed since it was made ({what}): check which version counts.",
        ),
        "inconsistent": (
            "package: {what}",
            "Package intact, but {what}: check which version counts.",
        ),
        "forced": (
            "package forced despite errors",
            "Package made despite errors (--force): ask the candidate why.",
        ),
        "unreadable": (
            "unreadable: {found}",
            "Report unreadable by the tool ({found}): get a readable copy.",
        ),
        "scanned": (
            "scanned report, no text",
            "Scanned report: nothing could be checked, read it in full.",
        ),
        "parts": ("no {names} part", "No {names} part found: to be presented in the oral."),
        "length": (
            "too long: {counted} pages where {limit} are allowed",
            "Report of {counted} pages where {limit} are allowed: ask what could have been "
            "summarised.",
        ),
        "annexes": (
            "annexes: {what}",
            "English documents ({what}): have one presented, with its source.",
        ),
        "dossier": ("dossier: {what}", "To check before the oral: {what}."),
        "language": (
            "report in {language}",
            "Report written in {language}: ask why not in French.",
        ),
        "pictures": (
            "many picture pages ({found})",
            "Many picture pages ({found}): ask what the candidate made themselves.",
        ),
        "balance": ("{what}", "{what_cap}: {ask}."),
        "activities": (
            "activities: {missing} never mentioned",
            "Activities without {missing}: ask for them for each activity.",
        ),
        "active": (
            "active content: {found}",
            "The PDF holds active content ({found}): do not open its attachments.",
        ),
        "part_names": {
            "RL201": "company presentation",
            "RL202": "activities",
            "RL203": "conclusion",
        },
        "and": " nor ",
        "balance_what": {
            "RL204": "parts in an unusual order",
            "RL205": "company presentation of {found}",
            "RL206": "conclusion of {found}",
        },
        "balance_ask": {
            "RL204": "ask for the report's outline",
            "RL205": "have it summed up in a minute",
            "RL206": "ask what the candidate keeps from the internship",
        },
        "english_count": "{count} of 3 in English",
        "annex": "annex",
        "pages_of": "of {n} pages",
        "in_language": "in {language}",
        "kinds": "kinds {kinds}",
        "kind_short": {
            "technique": "technical",
            "presse": "press",
            "inconnu": "not recognised",
            "autre": "other annex",
        },
        "kind_unknown": (
            "kind not recognised for annex {indexes}",
            "kind not recognised for annexes {indexes}",
        ),
        "list_and": " and ",
        "pictures_of": "pictures {share}",
        "no_source": "no source",
        "scan": "scanned",
        "declared": "declared {declared}, reads as {guessed}",
        "proof": "internship proof missing from the dossier",
        "length_dossier": "internship of {found}",
        "disagree_dates": "dates {expected} in the dossier, {found} on the cover page",
        "disagree_name": "'{expected}' (dossier) not on the cover page",
    },
}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _point(group: str, severity: str, rules: list[str], texts: tuple[str, str], **values) -> Point:
    problem, question = (text.format(**values) for text in texts)
    return Point(
        severity=severity,
        problem=wording.cut(problem, LINE_WIDTH),
        question=wording.cut(question, LINE_WIDTH),
        rules=tuple(sorted(set(rules))),
        order=ORDER.index(group),
    )


def _worst(findings: list[dict]) -> str:
    return min((f["severity"] for f in findings), key=SEVERITY_RANK.__getitem__)


def _annex_fragments(data: dict, findings: list[dict], lang: str) -> list[str]:
    """One fragment per annex problem, from the annex facts the contract holds."""
    t = T[lang]
    rules = {f["rule"] for f in findings}
    english = [a for a in data.get("annexes", []) if a.get("role", "english") == "english"]
    fragments = []

    def named(annex: dict, text: str) -> str:
        return f"{t['annex']} {annex['index']} {text}"

    if "RL301" in rules and english:
        fragments.append(t["english_count"].format(count=len(english)))
    if "RL302" in rules:
        fragments += [
            named(a, t["pages_of"].format(n=len(a["pages"])))
            for a in english
            if len(a["pages"]) > 1
        ]
    if "RL303" in rules:
        fragments += [
            named(a, t["in_language"].format(language=wording.language(a["language"], lang)))
            for a in english
            if a["language"] not in ("en", "und")
        ]
    if "RL304" in rules and english:
        # Each kind read, then the annexes whose kind is not known, said so (never "?").
        kinds = [a["kind_declared"] or a["kind"] for a in english]
        known = [t["kind_short"][kind] for kind in kinds if kind != "inconnu"]
        unknown = [
            str(a["index"]) for a, kind in zip(english, kinds, strict=True) if kind == "inconnu"
        ]
        if known:
            fragments.append(t["kinds"].format(kinds=", ".join(known)))
        if unknown:
            listed = (
                ", ".join(unknown[:-1]) + t["list_and"] + unknown[-1]
                if len(unknown) > 1
                else unknown[0]
            )
            fragments.append(t["kind_unknown"][len(unknown) > 1].format(indexes=listed))
    if "RL305" in rules:
        shares = [f["found"] for f in findings if f["rule"] == "RL305"]
        fragments.append(t["pictures_of"].format(share=", ".join(shares)))
    if "RL306" in rules:
        fragments += [
            named(a, t["no_source"])
            for a in english
            if not any(a["source"].values()) and not all(a["scanned"])
        ]
    if "RL307" in rules:
        fragments += [named(a, t["scan"]) for a in english if any(a["scanned"])]
    if "RL308" in rules:
        fragments += [
            named(
                a,
                t["declared"].format(
                    declared=t["kind_short"][a["kind_declared"]],
                    guessed=t["kind_short"][a["kind"]],
                ),
            )
            for a in english
            if a["kind_declared"] and a["kind"] not in ("inconnu", a["kind_declared"])
        ]
    return fragments or [f["found"] for f in findings]


def _from_findings(data: dict, lang: str) -> list[Point]:
    t = T[lang]
    by_group: dict[str, list[dict]] = {}
    for finding in data.get("findings", []):
        by_group.setdefault(GROUPS.get(finding["rule"], "other"), []).append(finding)
    points = []
    for group, findings in by_group.items():
        severity = _worst(findings)
        rules = [f["rule"] for f in findings]
        first = findings[0]
        if group == "file":
            texts = t["scanned"] if first["rule"] == "RL003" else t["unreadable"]
            points.append(_point(group, severity, rules, texts, found=first["found"]))
        elif group == "parts":
            names = t["and"].join(t["part_names"][f["rule"]] for f in findings)
            points.append(_point(group, severity, rules, t["parts"], names=names))
        elif group == "length":
            layout = data.get("layout") or {}
            points.append(
                _point(
                    group,
                    severity,
                    rules,
                    t["length"],
                    counted=layout.get("counted_pages"),
                    limit=layout.get("max_pages"),
                )
            )
        elif group == "annexes":
            english = [a for a in data.get("annexes", []) if a.get("role", "english") == "english"]
            if english:
                what = ", ".join(_annex_fragments(data, findings, lang))
                points.append(_point(group, severity, rules, t["annexes"], what=what))
            else:
                points.append(_point(group, severity, rules, t["no_annexes"]))
        elif group == "dossier":
            parts = []
            for f in findings:
                if f["rule"] == "RL501":
                    parts.append(t["proof"])
                elif f["rule"] == "RL502":
                    parts.append(t["length_dossier"].format(found=f["found"]))
                elif any(ch.isdigit() for ch in f["found"]):
                    parts.append(t["disagree_dates"].format(**f))
                else:
                    parts.append(t["disagree_name"].format(**f))
            what = ", ".join(dict.fromkeys(parts))
            points.append(_point(group, severity, rules, t["dossier"], what=what))
        elif group == "language":
            language = wording.language(data.get("body_language"), lang)
            points.append(_point(group, severity, rules, t["language"], language=language))
        elif group == "pictures":
            points.append(_point(group, severity, rules, t["pictures"], found=first["found"]))
        elif group == "balance":
            what = ", ".join(
                t["balance_what"][f["rule"]].format(found=f["found"]) for f in findings
            )
            ask = "; ".join(t["balance_ask"][f["rule"]] for f in findings)
            points.append(
                _point(
                    group,
                    severity,
                    rules,
                    t["balance"],
                    what=what,
                    what_cap=_capital(what),
                    ask=ask,
                )
            )
        elif group == "activities":
            missing = first["found"].split(":", 1)[-1].strip()
            points.append(_point(group, severity, rules, t["activities"], missing=missing))
        elif group == "active":
            points.append(_point(group, severity, rules, t["active"], found=first["found"]))
        else:
            message = first["message"]
            points.append(_point(group, severity, rules, (first["found"], message)))
    return points


def points(
    data: dict[str, Any] | None,
    lang: str,
    *,
    submitted: bool = True,
    failure: str | None = None,
    failure_text: str | None = None,
) -> list[Point]:
    """Everything worth saying, most important first (errors, then warnings, then infos; the
    submission itself before the report's content). ``failure``: a bound the class run hit
    ("timeout", "memory", "crash"), ``failure_text`` its words."""
    t = T[lang]
    if not submitted:
        return [_point("submission", "error", [], t["missing"])]
    found: list[Point] = []
    if failure and data is None:
        found.append(_point("submission", "error", [], t["bound"], reason=failure_text or failure))
    data = data or {}
    package = data.get("package") or {}
    if package and not package.get("intact", True):
        what = "; ".join(package.get("problems") or [])
        key = "inconsistent" if package.get("files_intact") else "changed"
        found.append(_point("submission", "error", [], t[key], what=what))
    elif package.get("forced"):
        found.append(_point("submission", "warning", [], t["forced"]))
    found += _from_findings(data, lang)
    return sorted(found, key=lambda p: (SEVERITY_RANK[p.severity], p.order))
