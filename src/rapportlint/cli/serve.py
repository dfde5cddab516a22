"""``rapportlint serve``: the check of one report, for a whole class, in the browser."""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import replace

import click

from rapportlint.cli.app import main
from rapportlint.cli.common import EXIT_OK, check_options, fail, lang_option, settings_from
from rapportlint.config import ConfigError


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Adresse d'écoute ; 0.0.0.0 pour la salle (un jeton est alors exigé).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port (0 : libre).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=None,
    help="Vérifications en parallèle (défaut : nombre de cœurs).",
)
@click.option(
    "--queue",
    type=click.IntRange(0, 1000),
    default=30,
    show_default=True,
    help="Envois en attente au plus, en plus de ceux en cours ; au-delà : « réessayez » (503).",
)
@click.option(
    "--max-mb",
    type=click.IntRange(1, 2048),
    default=None,
    help="Taille maximale d'un envoi, rapport et annexes ensemble, en Mo (100).",
)
@click.option(
    "--token",
    default=None,
    help="Jeton d'accès à mettre dans l'adresse (?token=…) ; généré si --host n'est pas local.",
)
# Seconds to wait for the rest of a stalled body (408 after): hidden, the tests shorten it.
@click.option("--read-timeout", type=click.FloatRange(0.1, 3600), default=30.0, hidden=True)
@lang_option
@check_options
def serve(
    host: str,
    port: int,
    jobs: int | None,
    queue: int,
    max_mb: int | None,
    token: str | None,
    read_timeout: float,
    lang: str,
    **options,
) -> None:
    """Sert la vérification dans le navigateur : les élèves déposent leur PDF sur une page."""
    from rapportlint.serve.texts import text

    try:
        from rapportlint.serve import server
        from rapportlint.serve.app import ServeConfig, create_app
    except ImportError:
        fail(text(lang, "needs_extra"))
    from rapportlint.isolation import CAN_FORK

    if not CAN_FORK:
        fail(text(lang, "needs_fork"))
    try:
        settings = settings_from(options)
    except ConfigError as error:
        fail(str(error))
    if token is not None and not token.strip():
        fail(text(lang, "empty_token"))
    token, generated = server.access_token(host, token)
    try:
        sock = server.open_socket(host, port)
    except server.ServeError as error:
        fail(error.text(lang))
    server.warm_up()
    jobs = jobs or os.cpu_count() or 1
    if max_mb is not None:  # the loader's own bound follows, so that what is received is read
        settings = replace(settings, max_file_mb=max_mb)
    config = ServeConfig(
        settings=settings,
        jobs=jobs,
        queue=queue,
        max_mb=settings.max_file_mb,
        token=token,
        read_timeout=read_timeout,
        log=lambda line: click.echo(text(lang, "log_prefix") + line, err=True),
        lang=lang,
    )
    app = create_app(config)
    note = text(lang, "generated") if generated else ""
    click.echo(text(lang, "open", address=server.address(sock, host, token), note=note))
    sys.stdout.flush()
    debug = bool(os.environ.get("RAPPORTLINT_DEBUG"))
    # A service manager's stop (SIGTERM) ends like Ctrl-C: uvicorn stops gracefully, then the
    # signal comes back here as KeyboardInterrupt.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        server.run(app, sock, limit_concurrency=4 * (jobs + queue) + 64, debug=debug)
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    click.echo(text(lang, "stopped"))
    sys.exit(EXIT_OK)
