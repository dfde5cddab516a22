"""Runs the rule catalogue over an analysis and applies the settings (ignore, severity)."""

from __future__ import annotations

from typing import Any

from rapportlint.config import Settings
from rapportlint.findings import Finding, Severity
from rapportlint.rules.context import Context
from rapportlint.rules.inputs import body_is_scanned
from rapportlint.rules.registry import RULES, Hit, Rule, all_rules
from rapportlint.wording import fill

FILE_FAMILY = "fichier"


def _resolve(value: Any, lang: str) -> Any:
    if isinstance(value, dict) and set(value) >= {"fr", "en"}:
        return value[lang]
    return value


def make_finding(
    rule: Rule, hit: Hit, settings: Settings, lang: str, labels: dict[int, str] | None = None
) -> Finding:
    values = {key: _resolve(value, lang) for key, value in hit.values.items()}
    label = (labels or {}).get(hit.page) if hit.page is not None else None
    severity = settings.severity.get(rule.id, hit.severity or rule.severity)
    texts = rule.texts(hit.variant)
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=severity,
        page=hit.page,
        message=fill(texts["message"][lang], values, lang),
        expected=fill(texts["expected"][lang], values, lang),
        found=fill(texts["found"][lang], values, lang),
        fix=fill(texts["fix"][lang], values, lang),
        page_label=label if label != str(hit.page) else None,
    )


def run_rules(context: Context, lang: str) -> list[Finding]:
    """Every enabled rule on the analysis; a scanned body silences the rules that need text."""
    settings = context.settings
    rules = [r for r in all_rules() if r.check is not None and r.id not in settings.ignore]
    scanned = body_is_scanned(context)
    labels = context.analysis.page_labels()
    findings: list[Finding] = []
    for rule in rules:
        if scanned and rule.family not in (FILE_FAMILY, "dossier"):
            continue
        findings.extend(
            make_finding(rule, hit, settings, lang, labels) for hit in rule.check(context)
        )
    return sorted(findings, key=Finding.sort_key)


def load_failure(kind: str, detail: str, settings: Settings, lang: str) -> list[Finding]:
    """The finding for a file that cannot be opened: RL002 if encrypted, RL004 if it passes a
    bound (size, pages, time, memory), RL001 otherwise."""
    all_rules()
    if kind in BOUND_REASONS:
        rule = RULES["RL004"]
        hit = Hit(
            page=None,
            values={
                "reason": {
                    lang: BOUND_REASONS[kind][lang].format(detail=detail) for lang in ("fr", "en")
                }
            },
        )
        return [_as_error(make_finding(rule, hit, settings, lang))]
    rule = RULES["RL002" if kind == "encrypted" else "RL001"]
    hit = Hit(page=None, values={"reason": LOAD_REASONS.get(kind, LOAD_REASONS["corrupt"])})
    finding = make_finding(rule, hit, settings, lang)
    # A file that cannot be read is an error whatever the configuration says.
    return [finding if finding.severity is Severity.ERROR else _as_error(finding)]


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


def _as_error(finding: Finding) -> Finding:
    return Finding(
        **{**{f: getattr(finding, f) for f in Finding.__slots__}, "severity": Severity.ERROR}
    )
