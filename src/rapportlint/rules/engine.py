"""Runs the rule catalogue over an analysis and applies the settings (ignore, severity)."""

from __future__ import annotations

from typing import Any

from rapportlint.config import Settings
from rapportlint.findings import Finding, Severity
from rapportlint.rules.context import Context
from rapportlint.rules.inputs import body_is_scanned
from rapportlint.rules.reasons import BOUND_REASONS, LOAD_REASONS, load_reason
from rapportlint.rules.registry import RULES, Hit, Rule, all_rules
from rapportlint.wording import fill

FILE_FAMILY = "fichier"

__all__ = [
    "BOUND_REASONS",
    "LOAD_REASONS",
    "load_failure",
    "load_reason",
    "make_finding",
    "run_rules",
]


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


def _as_error(finding: Finding) -> Finding:
    return Finding(
        **{**{f: getattr(finding, f) for f in Finding.__slots__}, "severity": Severity.ERROR}
    )
