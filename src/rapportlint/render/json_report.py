"""The JSON contract (schema_version 1), documented in the README and in schemas/."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from rapportlint import __version__
from rapportlint.findings import Severity
from rapportlint.render.roles import reason
from rapportlint.result import CheckResult

SCHEMA_VERSION = 1


def schema() -> dict[str, Any]:
    """The JSON Schema that every document from :func:`to_dict` validates against."""
    text = (resources.files("rapportlint") / "schemas" / "report-v1.schema.json").read_text("utf-8")
    return json.loads(text)


def to_dict(result: CheckResult, lang: str = "fr") -> dict[str, Any]:
    analysis = result.analysis
    if analysis is not None:
        document, layout = analysis.document, analysis.layout
        file_info = {"path": result.path, "sha256": document.sha256, "pages": document.page_count}
        counted = (
            layout.body_pages_from_intro
            if result.settings.page_count == "from-intro"
            else layout.body_pages
        )
        layout_info = {
            "body_pages": layout.body_pages,
            "body_pages_from_intro": layout.body_pages_from_intro,
            "annex_start": layout.annex_start,
            "intro_page": layout.intro_page,
            "counted_pages": counted,
            "page_count_mode": result.settings.page_count,
            "max_pages": result.settings.max_pages,
        }
        sections = [
            {
                "key": s.key,
                "title": s.title,
                "page": s.page,
                "end_page": s.end_page,
                "source": s.source,
                "wording": s.wording,
                "cue": s.cue,
                "decided_by": list(s.decided_by),
                "confidence": s.confidence,
                "named": s.named,
                "content_cues": list(s.content_cues),
                "within": s.within or None,
                "named_by": s.named_by or None,
            }
            for s in analysis.sections.values()
        ]
        pages = [
            {
                "page": role.page,
                "label": role.label,
                "role": role.role,
                "cue": role.cue,
                "reason": reason(role, analysis, lang),
            }
            for role in analysis.roles
        ]
        body_language = analysis.body_language
        cover = analysis.cover
        cover_info = (
            {
                "candidate": cover.candidate,
                "company": cover.company,
                "tutor": cover.tutor,
                "start": cover.start.isoformat() if cover.start else None,
                "end": cover.end.isoformat() if cover.end else None,
                "weeks": cover.weeks,
                "page": cover.page,
            }
            if cover
            else None
        )
    else:
        error = result.load_error
        file_info = {"path": result.path, "sha256": error.sha256 if error else None, "pages": None}
        layout_info = {
            "body_pages": None,
            "body_pages_from_intro": None,
            "annex_start": None,
            "intro_page": None,
            "counted_pages": None,
            "page_count_mode": result.settings.page_count,
            "max_pages": result.settings.max_pages,
        }
        sections = []
        pages = []
        body_language = None
        cover_info = None
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "rapportlint", "version": __version__},
        "lang": lang,
        "file": file_info,
        "verdict": result.verdict,
        "layout": layout_info,
        "body_language": body_language,
        "cover": cover_info,
        "sections": sections,
        "pages": pages,
        "annexes": [annex_dict(a) for a in analysis.annexes] if analysis else [],
        "findings": [
            {
                "rule": f.rule,
                "name": f.name,
                "severity": f.severity.value,
                "message": f.message,
                "page": f.page,
                "page_label": f.page_label,
                "expected": f.expected,
                "found": f.found,
                "fix": f.fix,
            }
            for f in result.findings
        ],
        "summary": {
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "infos": result.count(Severity.INFO),
        },
    }


def annex_dict(annex) -> dict[str, Any]:
    source = annex.source
    return {
        "index": annex.index,
        "title": annex.title,
        "label": annex.label,
        "pages": annex.pages,
        "file": annex.file,
        "role": annex.role,
        "language": annex.language,
        "kind": annex.kind_shown,
        "kind_confidence": annex.kind_confidence,
        "kind_declared": annex.kind_declared,
        "cues": annex.cues,
        "image_ratio": annex.image_ratio,
        "scanned": annex.scanned,
        "read_by_ocr": annex.read_by_ocr,
        "source": {"url": source.url, "publisher": source.publisher, "date": source.date},
    }


def render(result: CheckResult, lang: str = "fr") -> str:
    return json.dumps(to_dict(result, lang), ensure_ascii=False, indent=2) + "\n"
