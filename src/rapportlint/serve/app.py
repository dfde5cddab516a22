"""The web application: ``GET /`` (the page) and ``POST /check`` (a report in, its check out).

It moves bytes and picks the format, nothing more: the upload goes to a private temporary
folder, :func:`rapportlint.bounded.check_rendered` checks it in a bounded child exactly as
``rapportlint check`` does, and the answer is the renderer's HTML (or JSON, with
``Accept: application/json``). The order of the refusals is what keeps the server responsive:
the token, the declared size, then a place in the queue, all before a byte of the body is read.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import os
import shutil
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from rapportlint.bounded import AnnexError, check_rendered
from rapportlint.config import Settings
from rapportlint.rules.engine import load_failure
from rapportlint.serve import pages, texts
from rapportlint.serve.pool import Busy, CheckPool
from rapportlint.serve.upload import (
    FRAMING_BYTES,
    REPORT_NAME,
    FormReader,
    UploadError,
    boundary_of,
    too_large,
)


@dataclass
class ServeConfig:
    """What the command line decided; the times are in seconds."""

    settings: Settings = field(default_factory=Settings)
    jobs: int = 2
    queue: int = 30
    max_mb: int = 100
    token: str | None = None
    # A client that stops sending in the middle of its body is answered 408 after this long...
    read_timeout: float = 30.0
    # ... and an upload that trickles on is cut after this long in all (a 100 MB report over a
    # slow school network takes a minute or two).
    upload_timeout: float = 600.0
    log: Callable[[str], None] | None = None
    lang: str = "fr"  # of the page, the refusals, the report and the log


class ClientGone(Exception):
    """The client closed the connection before its upload ended."""


def create_app(config: ServeConfig, pool: CheckPool | None = None) -> Starlette:
    """The ASGI application (served by uvicorn, see :mod:`rapportlint.serve.server`)."""
    service = _Service(config, pool or CheckPool(config.jobs, config.queue))

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        service.pool.close()

    async def not_found(request: Request, _exc: Exception) -> Response:
        return service.refuse(request, 404, "not-found", service.say("not_found"))

    async def not_allowed(request: Request, _exc: Exception) -> Response:
        return service.refuse(request, 405, "method", service.say("not_allowed"))

    app = Starlette(
        routes=[
            Route("/", service.home, methods=["GET"]),
            Route("/check", service.check, methods=["POST"]),
            Route("/favicon.ico", service.favicon, methods=["GET"]),
        ],
        exception_handlers={404: not_found, 405: not_allowed},
        lifespan=lifespan,
    )
    app.state.service = service
    return app


class _Service:
    def __init__(self, config: ServeConfig, pool: CheckPool) -> None:
        self.config = config
        self.lang = config.lang
        # The same check as the command line's, said to a browser user: an annex given as a
        # separate file is declared on the page, not with a command line option.
        self.settings = replace(config.settings, interface="web")
        self.pool = pool
        self.limit_bytes = config.max_mb * 1024 * 1024
        # A check reads a long report on two cores when it has them (see check_rendered): only
        # when the checks running at once leave a core free each, else they slow each other.
        self.split = 2 * config.jobs <= (os.cpu_count() or 1)

    # -- what every answer shares -----------------------------------------------------------
    def say(self, key: str, **values: object) -> str:
        """One of the server's texts in its language."""
        return texts.text(self.lang, key, **values)

    def token_ok(self, request: Request) -> bool:
        """On every request: the token of the page's address, when the server has one."""
        if self.config.token is None:
            return True
        given = request.query_params.get("token", "")
        return hmac.compare_digest(given.encode("utf-8"), self.config.token.encode("utf-8"))

    def refuse(
        self,
        request: Request,
        status: int,
        code: str,
        message: str,
        headers: dict[str, str] | None = None,
    ) -> Response:
        as_json = pages.wants_json(request.headers.get("accept", ""))
        token = self.config.token if self.token_ok(request) else None
        form = status not in (403, 404, 405) and (token is not None or self.config.token is None)
        return pages.error(
            status,
            code,
            message,
            as_json,
            token,
            self.config.max_mb,
            headers,
            form=form,
            lang=self.lang,
        )

    def forbidden(self, request: Request) -> Response:
        return self.refuse(request, 403, "token", self.say("forbidden"))

    def log(self, size: int | None, verdict: str, seconds: float | None) -> None:
        """The one line kept of a check: time, size, verdict, duration. Nothing else."""
        if self.config.log is None:
            return
        if size is None:
            amount = "-"
        elif size < 1_000_000:
            amount = f"{max(1, round(size / 1000))} {self.say('kilobytes')}"
        else:
            amount = f"{size / 1e6:.1f} {self.say('megabytes')}"
        duration = "-" if seconds is None else f"{seconds:.2f} s"
        if self.lang == "fr":
            amount, duration = amount.replace(".", ","), duration.replace(".", ",")
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        self.config.log(f"{stamp} · {amount} · {verdict} · {duration}")

    # -- routes -----------------------------------------------------------------------------
    async def favicon(self, _request: Request) -> Response:
        """Nothing, with no token asked: browsers ask for it by themselves."""
        return Response(status_code=204, headers=pages.HEADERS)

    async def home(self, request: Request) -> Response:
        if not self.token_ok(request):
            return self.forbidden(request)
        return pages.page(self.config.token, self.config.max_mb, lang=self.lang)

    async def check(self, request: Request) -> Response:
        if not self.token_ok(request):
            return self.forbidden(request)
        declared = _declared(request)
        if declared is not None and declared > self.limit_bytes + FRAMING_BYTES:
            error = too_large(self.config.max_mb)  # known from the headers: nothing is read
            self.log(declared, self.say("log_refused", status=413), None)
            return self.refuse(request, error.status, error.code, error.text(self.lang))
        started = time.monotonic()
        try:
            with self.pool.place():
                return await self._check(request, started)
        except Busy:
            self.log(_declared(request), self.say("log_busy"), None)
            return self.refuse(
                request,
                503,
                "busy",
                self.say("busy", capacity=self.pool.capacity),
                headers={"Retry-After": "30"},
            )

    async def _check(self, request: Request, started: float) -> Response:
        folder: Path | None = None
        reader: FormReader | None = None
        try:
            boundary = boundary_of(request.headers.get("content-type", ""))
            folder = Path(tempfile.mkdtemp(prefix="rapportlint-serve-"))
            reader = FormReader(folder, boundary, self.limit_bytes, self.config.max_mb)
            await self._receive(request, reader)
            upload = reader.result()
            as_json = pages.wants_json(request.headers.get("accept", ""))
            formats = ("json",) if as_json else ("html", "json")
            annexes = [(path.name, kind) for path, kind in upload.annexes]
            job = self.pool.submit(
                check_rendered,
                Path(REPORT_NAME),
                self.settings,
                self.lang,
                annexes,
                formats,
                folder,
                self.split,
            )
            outcome = await self._outcome(request, job)
            if outcome is None:  # the client left before its check started: nobody to answer
                self.log(upload.size, self.say("log_gone"), time.monotonic() - started)
                return Response(status_code=400)  # never sent: there is no one to send it to
            result, rendered = outcome
            self.log(upload.size, result.verdict, time.monotonic() - started)
            if as_json:
                return pages.json_report(rendered["json"])
            return pages.report(
                rendered["html"], rendered["json"], self.config.token, upload.name, self.lang
            )
        except UploadError as error:
            self.log(
                reader.received if reader else None,
                self.say("log_refused", status=error.status),
                None,
            )
            headers = {"Connection": "close"} if error.status == 408 else None
            return self.refuse(request, error.status, error.code, error.text(self.lang), headers)
        except ClientGone:
            self.log(reader.received if reader else None, self.say("log_interrupted"), None)
            return Response(status_code=400)  # never sent: the client is gone
        except AnnexError as error:
            self.log(reader.received if reader else None, self.say("log_annex"), None)
            number = Path(error.path).stem.rpartition("-")[2]
            # The engine's own words for why a file cannot be read, as for a report.
            reason = load_failure(error.kind, "", self.settings, self.lang)[0].found
            return self.refuse(
                request,
                422,
                "annex-unreadable",
                self.say("annex_unreadable", number=number, reason=reason),
            )
        except Exception as error:  # a bug: one clear answer, never a traceback to the client
            self.log(reader.received if reader else None, self.say("log_internal"), None)
            return self.refuse(
                request, 500, "internal", self.say("internal", name=type(error).__name__)
            )
        finally:
            if reader is not None:
                reader.close()
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)

    async def _receive(self, request: Request, reader: FormReader) -> None:
        """Reads the body into ``reader``, as it arrives, within the read and upload timeouts."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.config.upload_timeout
        while True:
            wait = min(self.config.read_timeout, deadline - loop.time())
            try:
                if wait <= 0:
                    raise TimeoutError
                message = await asyncio.wait_for(request.receive(), wait)
            except TimeoutError:
                raise UploadError(408, "timeout", "timeout") from None
            if message["type"] == "http.disconnect":
                raise ClientGone
            reader.feed(message.get("body", b""))
            if not message.get("more_body", False):
                return

    async def _outcome(self, request: Request, job) -> tuple | None:
        """The check's value; None if the client left while it was still waiting its turn (a
        check already running is let run to its bound and its answer dropped)."""
        gone = asyncio.ensure_future(_disconnected(request))
        try:
            done, _ = await asyncio.wait({job.future, gone}, return_when=asyncio.FIRST_COMPLETED)
            if job.future not in done and self.pool.withdraw(job):
                return None
            return await job.future
        finally:
            gone.cancel()


async def _disconnected(request: Request) -> None:
    """Returns once the client has closed the connection (after its body, nothing else comes)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


def _declared(request: Request) -> int | None:
    """The body's size the client announced (Content-Length), or None (chunked, or nonsense)."""
    value = request.headers.get("content-length")
    if value is None or not value.strip().isdigit():
        return None
    return int(value)
