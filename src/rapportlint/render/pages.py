"""``rapportlint pages``: one line per page, with its printed number, its role and why.

So that a student sees why a page counts in the body or not, and a wrong call can be understood.
"""

from __future__ import annotations

import json

from rapportlint.render.roles import reason, role_name
from rapportlint.result import CheckResult

HEADERS = {
    "fr": ("page", "n°", "rôle", "pourquoi"),
    "en": ("page", "no.", "role", "why"),
}
SUMMARY = {
    "fr": "{path} : {pages} pages, {body} avant les annexes ({intro} depuis l'introduction)",
    "en": "{path}: {pages} pages, {body} before the annexes ({intro} from the introduction)",
}


def render_text(result: CheckResult, lang: str = "fr") -> str:
    analysis = result.analysis
    if analysis is None:
        return ""
    layout = analysis.layout
    lines = [
        SUMMARY[lang].format(
            path=result.path,
            pages=layout.page_count,
            body=layout.body_pages,
            intro=layout.body_pages_from_intro,
        )
    ]
    width = max(len(role_name(r.role, lang)) for r in analysis.roles)
    page_h, label_h, role_h, why_h = HEADERS[lang]
    lines.append(f"{page_h:>5}  {label_h:<5} {role_h:<{width}}  {why_h}")
    for role in analysis.roles:
        label = role.label if role.label and role.label != str(role.page) else ""
        lines.append(
            f"{role.page:>5}  {label:<5} {role_name(role.role, lang):<{width}}  "
            f"{reason(role, analysis, lang)}"
        )
    return "\n".join(lines) + "\n"


def render_json(result: CheckResult, lang: str = "fr") -> str:
    """The ``pages`` array of the JSON contract, with the layout it gives."""
    from rapportlint.render.json_report import to_dict

    data = to_dict(result, lang)
    keep = ("schema_version", "tool", "lang", "file", "verdict", "layout", "pages")
    return json.dumps({k: data[k] for k in keep}, ensure_ascii=False, indent=2) + "\n"
