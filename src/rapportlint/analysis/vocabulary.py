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
            rf"{_ART}{_ORG}(?: d'\s*accueil)?(?:\s*[:,-].*)?$",
            rf"{_ART}{_ORG} d'\s*accueil",
            r"(?:le |mon )?(?:cadre|contexte|lieu) (?:du|de) (?:mon )?stage",
            rf"organisation (?:de |du |d')\s*{_ART}{_ORG}",
            r"(?:presentation|description) du lieu de stage",
        ],
        "weak": [
            r"presentation (?:de |d'|du )(?!.*(?:projet|mission|stage|activite|tache|sujet|travail|travaux|service|poste|reseau|solution))",
            r"historique",
            r"organigramme",
            _ART + r"(?:activite|domaine|metier)s? (?:de |d.|du )\s*" + _ART + _ORG,
        ],
    },
    ACTIVITIES: {
        "strong": [
            rf"{_ART}missions?(?! de l'\s*{_ORG})(?: (?:realisee|effectuee|confiee|principale|du stage|en entreprise|de stage)s?)?(?:\s*[0-9]+)?(?:\s*[:,-].*)?$",
            rf"{_ART}missions? (?:realisee|effectuee|confiee|principale)s?",
            rf"{_ART}travaux (?:realises|effectues|menes)",
            rf"{_ART}activites? (?:realisee|effectuee|menee|professionnelle|du stage|de stage|en entreprise)s?",
            rf"{_ART}activites?(?:\s*[0-9]+)?(?:\s*[:-].*)?$",
            rf"{_ART}taches? (?:realisee|effectuee|confiee)s?",
            rf"{_ART}realisations?(?: professionnelles?)?$",
            r"travail (?:realise|effectue)",
            r"deroulement du stage",
            rf"{_ART}projets? (?:realise|effectue|mene)s?",
            rf"{_ART}travaux",
        ],
        "weak": [
            r"(?:le |mon )?projet(?:\s*[0-9]+)?(?:\s*[:-].*)?$",
            r"(?:mon |le )?sujet de stage",
            r"(?:mon |le )?travail",
        ],
    },
    CONCLUSION: {
        "strong": [
            r"conclusions?(?: (?:generale|personnelle|du stage|de stage))?(?:\s*[:,-].*)?$",
            r"bilan(?: (?:du stage|de stage|personnel|professionnel|general|de mon stage))?(?:\s*[:,-].*)?$",
            r"retour d'\s*experience",
            r"apports? du stage",
        ],
        "weak": [r"perspectives?(?: professionnelles?)?$", r"conclusion"],
    },
    "introduction": {"strong": [r"introduction(?: generale)?", r"avant-?propos"], "weak": []},
    "annexes": {
        "strong": [
            r"(?:documents? )?annexes?(?:\s*(?:n°|no|n)?\s*[0-9ivx]+)?(?:\s*[:.-].*)?$",
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
