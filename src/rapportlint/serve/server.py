"""Starting the server: the listening socket, the access token, uvicorn, the address to give.

The socket is bound here, before uvicorn starts, so that an occupied port or an unknown address
is one line and exit code 2 (uvicorn would log and exit 1), and so that ``--port 0`` (a
free port, for the tests and the benchmark) prints the port actually chosen.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import socket
from urllib.parse import quote

from rapportlint.errors import Bilingual

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


class ServeError(Bilingual):
    """The server cannot start; the message says why (French and English)."""


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def access_token(host: str, token: str | None) -> tuple[str | None, bool]:
    """The token the server asks for, and whether it was generated here: none is needed on
    loopback; any other address gets one, the teacher's or a new random one (128 bits)."""
    if token:
        return token, False
    if is_loopback(host):
        return None, False
    return secrets.token_urlsafe(16), True


def open_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port``, or :class:`ServeError`."""
    try:
        infos = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except socket.gaierror as error:
        raise ServeError(
            f"adresse {host} inconnue ({error.strerror})",
            f"unknown address {host} ({error.strerror})",
        ) from error
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        if os.name == "posix":  # restart at once after a stop; a port in use is still refused
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as error:
        sock.close()
        if error.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise ServeError(
                f"le port {port} est déjà utilisé sur {host} : arrêtez l'autre serveur ou "
                "choisissez un autre port (--port)",
                f"port {port} is already in use on {host}: stop the other server or choose "
                "another port (--port)",
            ) from error
        raise ServeError(
            f"impossible d'écouter sur {host}:{port} ({error.strerror or error})",
            f"cannot listen on {host}:{port} ({error.strerror or error})",
        ) from error
    sock.set_inheritable(False)
    return sock


def address(sock: socket.socket, host: str, token: str | None) -> str:
    """The address to open in a browser: this machine's address on the network when the server
    listens on all of them (0.0.0.0 or ::), with the token if there is one."""
    port = sock.getsockname()[1]
    shown = host.strip("[]")
    if shown in ("0.0.0.0", "::", ""):
        shown = _network_address(sock.family)
    if ":" in shown:
        shown = f"[{shown}]"
    query = f"?token={quote(token, safe='')}" if token else ""
    return f"http://{shown}:{port}/{query}"


def _network_address(family: int) -> str:
    """This machine's address on its network (what students type), found without sending a
    packet: connecting a UDP socket only picks the outgoing interface."""
    probe, fallback = ("2001:db8::1", "::1") if family == socket.AF_INET6 else ("192.0.2.1", "")
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as udp:
            udp.connect((probe, 9))
            return udp.getsockname()[0]
    except OSError:
        return fallback or socket.gethostname()


def warm_up() -> None:
    """Loads once, in the server, what every check would otherwise load in its own child: the
    rule catalogue, the language profiles, the report templates. Each forked child starts with
    them in memory (copy-on-write) instead of reading them again."""
    from rapportlint.analysis import language
    from rapportlint.render import html, json_report  # noqa: F401
    from rapportlint.rules.registry import all_rules
    from rapportlint.serve import pages
    from rapportlint.templating import environment

    all_rules()
    language.detect("Le rapport présente l'entreprise, les activités et une conclusion.")
    environment(autoescape=True).get_template("report.html.j2")
    pages.page_template()
    pages.page_csp()


def make(app, limit_concurrency: int, debug: bool = False):
    """The uvicorn server for ``app``: no access log (privacy: no address, no path, which may
    hold the token), no traceback, and a graceful stop of a few seconds at most."""
    import logging

    import uvicorn

    # The parser's own warnings (malformed bodies) would go to stderr, which is the server's
    # log: it keeps the time, size, verdict and duration of each check, and nothing else.
    logging.getLogger("python_multipart").setLevel(logging.CRITICAL)
    config = uvicorn.Config(
        app,
        log_level="info" if debug else "critical",
        access_log=False,
        server_header=False,
        proxy_headers=False,
        lifespan="on",
        timeout_graceful_shutdown=3,
        limit_concurrency=limit_concurrency,
    )
    return uvicorn.Server(config)


def run(app, sock: socket.socket, limit_concurrency: int, debug: bool = False) -> None:
    """Serves ``app`` on ``sock`` until Ctrl-C: checks still running then are dropped, and
    their children die with the server (see :mod:`rapportlint.serve.pool`)."""
    make(app, limit_concurrency, debug).run(sockets=[sock])
