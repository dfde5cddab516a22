"""Heading wordings seen in real reports, and what part of the report each announces.

Patterns run on folded, un-numbered heading text (see :mod:`rapportlint.analysis.text`); lost
ligatures are tolerated by :func:`_compile`. ``strong`` wordings name the part outright
("Présentation de l'entreprise"); ``weak`` ones usually do ("Historique", "Perspectives") and
only count when nothing strong is found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapportlint.analysis.text import keyword_pattern

COMPANY, ACTIVITIES, CONCLUSION = "entreprise", "activites", "conclusion"
MAIN_KEYS = (COMPANY, ACTIVITIES, CONCLUSION)

_ORG = r"(?:entreprise|societe|structure|organisme|etablissement|groupe|agence|collectivite|entite|association|mairie|administration|start-?up|sarl|sas|ssii|esn)"
_ART = r"(?:l'\s*|la |le |les |notre |mon |ma |mes )?"

_PATTERNS: dict[str, dict[str, list[str]]] = {
    COMPANY: {
        "strong": [
            rf"presentation (?:generale )?(?:de |d'|du |des )\s*{_ART}{_ORG}",
            rf"{_ART}{_ORG}\b(?! (?:cliente|partenaire)s?)",
            rf"{_ART}{_ORG} d'\s*accueil",
            r"(?:le |mon )?(?:cadre|contexte|lieu) (?:du|de) (?:mon )?stage",
            rf"organisation (?:de |du |d')\s*{_ART}{_ORG}",
            r"(?:presentation|description) du lieu de stage",
        ],
        "weak": [
            r"presentation (?:de |d'|du )(?!.*(?:projet|mission|stage|activite|tache|sujet|travail|travaux|service|poste|reseau|solution))",
            r"historique",
            r"organigramme",
            _ART + r"(?:activite|domaine|metier|mission)s? (?:de |d.|du )\s*" + _ART + _ORG,
            r"presentation (?:generale|du service|de l'\s*equipe|du departement)",
            r"organisation (?:du service|de l'\s*equipe|generale)",
            r"(?:le |mon )?(?:contexte|environnement de travail|cadre)(?:\s*[:,-].*)?$",
        ],
    },
    ACTIVITIES: {
        "strong": [
            # "Missions", "Mes activités durant le stage", "Mission n°1": the word opens the
            # heading; "Les missions de l'entreprise" is the company's, not the student's.
            rf"{_ART}(?:missions?|activites?|taches?|travaux|realisations?)\b(?! (?:de |du |des )\s*{_ART}{_ORG})",
            r"description des (?:taches|missions|activites|travaux)",
            r"travail (?:realise|effectue)",
            r"deroulement (?:du stage|de la periode)",
            rf"{_ART}projets? (?:realise|effectue|mene)s?",
        ],
        "weak": [
            r"(?:les |le |mon |mes )?projets?\b",
            r"(?:mon |le )?sujet de stage",
            r"(?:mon |le )?travail",
            r"realisation d",
            r"competences (?:mobilisees|mises en (?:oeuvre|œuvre)|developpees)",
        ],
    },
    CONCLUSION: {
        "strong": [
            r"conclusions?(?: (?:generale|personnelle|du stage|de stage))?(?:\s*[:,-].*)?$",
            r"bilan\b",
            r"en conclusion",
            r"retour d'\s*experience",
            r"apports? du stage",
        ],
        "weak": [r"perspectives?(?: professionnelles?)?$", r"conclusion", r"synthese$"],
    },
    "introduction": {"strong": [r"introduction(?: generale)?", r"avant-?propos"], "weak": []},
    "annexes": {
        "strong": [
            r"(?:documents? )?annexes?(?:\s*(?:n°|no|n)?\s*(?:[0-9]+|[ivx]+|[a-h]))?(?:\s*[:.-].*)?$",
            r"(?:les )?documents? en anglais",
            r"english documents?",
            r"appendi(?:x|ces)(?:\s*[:-].*)?$",
            r"table des annexes",
        ],
        "weak": [],
    },
    "front": {
        "strong": [
            r"remerciements?",
            r"sommaire",
            r"table des matieres",
            r"(?:table of )?contents",
            r"resume",
            r"abstract",
            r"plan du rapport",
        ],
        "weak": [],
    },
    "back": {
        "strong": [
            r"glossaire",
            r"lexique",
            r"bibliographie",
            r"sitographie",
            r"webographie",
            r"references",
            r"(?:table|liste) des (?:figures|illustrations|tableaux)",
            r"index",
        ],
        "weak": [],
    },
}


def _tolerant(pattern: str) -> str:
    """Makes the literal letters of ``pattern`` tolerant of lost ligatures."""
    out, literal, i = [], [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":  # keep escapes (\s, \b...) as they are
            out.append(keyword_pattern("".join(literal)) if literal else "")
            literal = []
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch.isalpha():
            literal.append(ch)
        else:
            out.append(keyword_pattern("".join(literal)) if literal else "")
            literal = []
            out.append(ch)
        i += 1
    out.append(keyword_pattern("".join(literal)) if literal else "")
    return "".join(out)


def _compile(patterns: list[str]) -> re.Pattern[str] | None:
    """One regex for a group of wordings (one compile is much cheaper than one per wording)."""
    if not patterns:
        return None
    return re.compile(r"^(?:" + "|".join(f"(?:{_tolerant(p)})" for p in patterns) + r")\b")


_COMPILED = {
    key: {strength: _compile(pats) for strength, pats in groups.items()}
    for key, groups in _PATTERNS.items()
}


@dataclass(frozen=True, slots=True)
class Match:
    key: str
    strong: bool


def classify(heading_key: str) -> Match | None:
    """What part of the report a heading (folded, un-numbered) announces, if any.

    A heading that speaks of the company's activities ("Les activités de l'entreprise") belongs
    to the company presentation, so strong company wordings are tried before activities.
    """
    text = heading_key.strip()
    if not text:
        return None
    for strength in ("strong", "weak"):
        for key, groups in _COMPILED.items():
            pattern = groups[strength]
            if pattern is not None and pattern.search(text):
                return Match(key, strength == "strong")
    return None
