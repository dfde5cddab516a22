"""What the server sends: the upload page, the report with its links, errors; and the headers.

Nothing here decides a verdict: the report is the renderer's HTML or JSON, byte for byte, with
two links added at the top of the HTML one (back to the page, the JSON of the same check).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from urllib.parse import quote

from markupsafe import Markup, escape
from starlette.responses import HTMLResponse, Response

from rapportlint import __version__
from rapportlint.render.labels import LABELS
from rapportlint.serve import texts
from rapportlint.templating import new_environment, template_dir

# The report's own policy (its <meta> says the same) plus what only a header can say.
REPORT_CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",  # the address may carry the token
    "Cache-Control": "no-store",  # a report is the student's, not a shared cache's
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
BODY_TAG = re.compile(r"<body[^>]*>")
TITLE_TAG = re.compile(r"<title>.*?</title>", re.S)
FILE_LINE = re.compile(r'(<div class="file">)[^<—]*?(\s*(?:—|</div>))')


@cache
def page_template():
    """The page's template, in an environment of its own (see templating.new_environment)."""
    return new_environment(autoescape=True).get_template("serve.html.j2")


@cache
def script() -> str:
    """The page's only script (drag and drop, size check), allowed by its hash alone."""
    return (template_dir() / "serve.js").read_text("utf-8")


@cache
def page_csp(header: bool = True) -> str:
    """The page's policy: its one script by hash, its form to this server only. The header
    also forbids framing (a <meta> policy cannot say that: browsers warn and ignore it)."""
    digest = base64.b64encode(hashlib.sha256(script().encode("utf-8")).digest()).decode("ascii")
    policy = (
        f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; "
        "base-uri 'none'; form-action 'self'"
    )
    return f"{policy}; frame-ancestors 'none'" if header else policy


def with_token(url: str, token: str | None) -> str:
    """A relative address of the server, with the access token if there is one (relative, so
    that the pages work the same behind a reverse proxy that serves them under a sub-path)."""
    return f"{url}?token={quote(token, safe='')}" if token else url


def page(
    token: str | None,
    max_mb: int,
    status: int = 200,
    message: str = "",
    form: bool = True,
    headers: dict[str, str] | None = None,
    lang: str = "fr",
) -> HTMLResponse:
    """The upload page; with a message (an error) above the form, or instead of it."""
    heading = f"h{status}"
    words = texts.TEXTS["en" if lang == "en" else "fr"]
    html = page_template().render(
        labels=LABELS[lang],
        # The server's own constant texts (no quote, no markup: a test says so), as they are.
        t={key: Markup(value.replace("{max_mb}", str(max_mb))) for key, value in words.items()},
        lang=lang,
        version=__version__,
        csp=page_csp(header=False),
        action=with_token("check", token),
        max_mb=max_mb,
        max_bytes=max_mb * 1024 * 1024,
        status=status,
        heading=words.get(heading, ""),
        tone="error" if status == 503 else "fail",
        message=message,
        form=form,
        script=script(),
    )
    return HTMLResponse(
        html,
        status_code=status,
        headers={**HEADERS, "Content-Security-Policy": page_csp(), **(headers or {})},
    )


def report(
    html: str, json_text: str, token: str | None, name: str | None = None, lang: str = "fr"
) -> HTMLResponse:
    """The HTML report of the check, with a link back to the page and the JSON of the same check
    (a data: link: nothing is kept on the server to fetch it from later), titled by the name of
    the file the student sent (the check itself names it ``rapport.pdf``, the server's name)."""
    data = base64.b64encode(json_text.encode("utf-8")).decode("ascii")
    links = (
        '<nav id="serve-links" style="display:flex;gap:1.5rem;flex-wrap:wrap;'
        'margin-bottom:1rem;font-size:.95rem">'
        f'<a href="{with_token("./", token)}">{escape(texts.text(lang, "another"))}</a>'
        f'<a id="json" href="data:application/json;charset=utf-8;base64,{data}" '
        f'download="rapport.json">{escape(texts.text(lang, "download_json"))}</a></nav>'
    )
    if name:
        shown = str(escape(name))
        title = f"<title>{escape(LABELS[lang]['title'])} – {shown}</title>"
        html = TITLE_TAG.sub(lambda _m: title, html, count=1)
        html = FILE_LINE.sub(lambda m: f"{m.group(1)}{shown}{m.group(2)}", html, count=1)
    match = BODY_TAG.search(html)
    at = match.end() if match else 0
    body = f"{html[:at]}\n{links}{html[at:]}"
    return HTMLResponse(body, headers={**HEADERS, "Content-Security-Policy": REPORT_CSP})


def json_report(json_text: str) -> Response:
    """The JSON contract, as ``rapportlint check --format json`` writes it."""
    return Response(
        json_text.encode("utf-8"),
        media_type="application/json; charset=utf-8",
        headers={**HEADERS, "Content-Security-Policy": REPORT_CSP},
    )


def error(
    status: int,
    code: str,
    message: str,
    as_json: bool,
    token: str | None,
    max_mb: int,
    headers: dict[str, str] | None = None,
    form: bool = True,
    lang: str = "fr",
) -> Response:
    """An error in the asked format: JSON ``{"error": {...}}`` for programs, else the page with
    the message above the form (to try again at once)."""
    if as_json:
        body = {"error": {"status": status, "code": code, "message": message}}
        return Response(
            json.dumps(body, ensure_ascii=False).encode("utf-8") + b"\n",
            status_code=status,
            media_type="application/json; charset=utf-8",
            headers={**HEADERS, "Content-Security-Policy": REPORT_CSP, **(headers or {})},
        )
    return page(token, max_mb, status, message, form, headers, lang)


def wants_json(accept: str) -> bool:
    """True when the client prefers JSON to HTML (``Accept: application/json``); browsers,
    which never name JSON, and ``*/*`` get HTML."""
    best: dict[str, float] = {"json": 0.0, "html": 0.0}
    for item in accept.split(","):
        media, *params = (piece.strip() for piece in item.split(";"))
        weight = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        kind = {"application/json": "json", "text/html": "html", "*/*": "html"}.get(media.lower())
        if kind:
            best[kind] = max(best[kind], weight)
    return best["json"] > 0 and best["json"] >= best["html"]
