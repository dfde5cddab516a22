"""``rapportlint serve``: the real server on a loopback port, spoken to over HTTP.

Each answer is compared with what ``rapportlint check`` gives for the same file; each refusal
(non-PDF, too large, bad token, full queue, a client that stops halfway) with what the issue asks.
"""

from __future__ import annotations

import base64
import html
import json
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

import webserver
from conftest import fixture_path
from rapportlint.cli import main
from webserver import post, request, wait_until

MAX_MB = 1
LOG_LINE = re.compile(
    r"^rapportlint serve : \d{4}-\d\d-\d\d \d\d:\d\d:\d\d · (\d+ ko|\d+,\d Mo|-) · [^·]+ · (\d+,\d\d s|-)$"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One server for the module: 2 checks at a time, 1 MB uploads."""
    started = webserver.start(
        tmp_path_factory.mktemp("serve-tmp"), "--jobs", "2", "--max-mb", str(MAX_MB)
    )
    yield started
    started.stop()


@pytest.fixture(scope="module")
def impatient(tmp_path_factory):
    """A server that waits 1 s for the rest of a body (30 s by default): for the clients that
    stop halfway. The others get the default, so that a slow machine never fails them."""
    started = webserver.start(tmp_path_factory.mktemp("serve-tmp"), "--read-timeout", "1")
    yield started
    started.stop()


def cli_json(folder, report: str, *annexes: tuple[str, str | None], name="rapport.pdf") -> str:
    """``rapportlint check --format json`` run in ``folder`` on copies named as the server
    names the upload: the server's answer must be this, byte for byte."""
    shutil.copy(fixture_path(report), folder / name)
    args = ["check", name, "--format", "json"]
    for number, (fixture, kind) in enumerate(annexes, start=1):
        shutil.copy(fixture_path(fixture), folder / f"annexe-{number}.pdf")
        args += ["--annexe", f"{kind}:annexe-{number}.pdf" if kind else f"annexe-{number}.pdf"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1, 2), result.output
    return result.stdout


def pdf(name: str, filename: str | None = None) -> tuple[str, bytes]:
    return (filename or f"{name}.pdf", fixture_path(name).read_bytes())


# -- the page ----------------------------------------------------------------------------------


def test_page_is_french_self_contained_with_strict_headers(server) -> None:
    answer = request(server.url)
    assert answer.status == 200 and answer.headers["content-type"].startswith("text/html")
    page = answer.text
    assert '<html lang="fr">' in page and "Déposez ici le PDF de votre rapport" in page
    assert '<input type="file" id="rapport" name="rapport"' in page
    assert page.count('<input type="file" name="annexe"') == 3
    assert page.count('<select name="annexe_type">') == 3
    assert "Rien n'est conservé ni journalisé, sauf l'heure, la taille, le verdict" in page
    # self-contained: nothing fetched from anywhere, the styles are the HTML report's
    assert not re.search(r"""(?:src|href|action)=["'](?:https?:|//)""", page)
    assert ".banner.pass { background: #16a34a; }" in page
    csp = answer.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/]+=*'", csp)  # the one script, by hash
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "no-referrer"
    assert "server" not in answer.headers


def test_unknown_address_is_a_french_404(server) -> None:
    answer = request(server.url + "etc/passwd")
    assert answer.status == 404 and "Cette adresse n'existe pas ici" in answer.shown
    assert request(server.url + "check").status == 405


# -- answers: exactly the CLI's ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["exemple-rapport", "pas-un-pdf", "chiffre", "tronque", "vide"])
def test_json_answer_is_exactly_what_check_gives(server, tmp_path, monkeypatch, name) -> None:
    answer = post(server.url + "check", [("rapport", pdf(name))], accept="application/json")
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/json; charset=utf-8"
    monkeypatch.chdir(tmp_path)
    assert answer.text == cli_json(tmp_path, name)
    data = json.loads(answer.text)
    expected = {"exemple-rapport": "pass"}.get(name, "error")
    assert data["verdict"] == expected and data["file"]["path"] == "rapport.pdf"
    if name != "exemple-rapport":
        assert data["findings"][0]["rule"] in ("RL001", "RL002")
        assert data["findings"][0]["message"].startswith("Le ")  # French, as the CLI


def test_annexes_given_apart_keep_their_declared_kind(server, tmp_path, monkeypatch) -> None:
    annexes = [
        ("annexe-separee-technique", "technique"),
        ("annexe-separee-presse1", "presse"),
        ("annexe-separee-presse2", None),
    ]
    fields = [("rapport", pdf("rapport-sans-annexes"))]
    for fixture, kind in annexes:
        fields += [("annexe", pdf(fixture)), ("annexe_type", kind or "")]
    answer = post(server.url + "check", fields, accept="application/json")
    assert answer.status == 200
    monkeypatch.chdir(tmp_path)
    assert answer.text == cli_json(tmp_path, "rapport-sans-annexes", *annexes)
    data = json.loads(answer.text)
    assert [a["file"] for a in data["annexes"]] == ["annexe-1.pdf", "annexe-2.pdf", "annexe-3.pdf"]
    assert [a["kind_declared"] for a in data["annexes"]] == ["technique", "presse", None]


def test_html_answer_is_the_report_with_its_json(server) -> None:
    answer = post(server.url + "check", [("rapport", pdf("exemple-rapport"))])
    assert answer.status == 200 and answer.headers["content-type"].startswith("text/html")
    report = answer.text
    assert re.search(
        r'<section class="banner pass" id="verdict">\s*<strong>Conforme</strong>', report
    )
    assert len(re.findall(r'<div class="thumb part-\w+"', report)) == 20  # every page
    assert report.count("data:image/png;base64,") >= 20
    assert "<script" not in report
    csp = answer.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src" not in csp
    link = re.search(
        r'<a id="json" href="data:application/json;charset=utf-8;base64,([A-Za-z0-9+/=]+)" '
        r'download="rapport.json">télécharger le JSON</a>',
        report,
    )
    assert link, "no JSON download link"
    same = post(server.url + "check", [("rapport", pdf("exemple-rapport"))], "application/json")
    assert base64.b64decode(link.group(1)).decode("utf-8") == same.text
    assert '<a href="./">← vérifier un autre rapport</a>' in report


@pytest.mark.parametrize("where", ["absolute", "relative"])
def test_a_file_name_from_the_client_is_never_a_path(server, tmp_path, where) -> None:
    target = tmp_path / "Dupont-Camille-confidentiel.pdf"
    hostile = str(target) if where == "absolute" else "../" * 12 + str(target).lstrip("/")
    answer = post(
        server.url + "check",
        [("rapport", pdf("exemple-rapport", hostile))],
        accept="application/json",
    )
    assert answer.status == 200 and json.loads(answer.text)["file"]["path"] == "rapport.pdf"
    assert "Dupont" not in answer.text
    assert not target.exists() and list(tmp_path.iterdir()) == []
    wait_until(lambda: len(server.errors) > 0, "a log line")
    assert not any("Dupont" in line for line in server.errors)


# -- refusals ----------------------------------------------------------------------------------


def test_a_form_without_report_or_not_a_form_is_refused_in_french(server) -> None:
    answer = post(server.url + "check", [("annexe", pdf("exemple-rapport"))], "application/json")
    assert answer.status == 400
    error = json.loads(answer.text)["error"]
    assert error["code"] == "bad-form" and "« rapport »" in error["message"]
    answer = request(server.url + "check", "POST", b"%PDF-1.7", {"Content-Type": "application/pdf"})
    assert answer.status == 415 and "formulaire de la page" in answer.shown
    answer = post(
        server.url + "check",
        [
            ("rapport", pdf("exemple-rapport")),
            ("annexe", pdf("exemple-rapport")),
            ("annexe_type", "roman"),
        ],
    )
    assert answer.status == 400 and "type d'annexe inconnu" in answer.shown
    assert '<form id="envoi"' in answer.text  # the page again, to try at once


def test_an_annex_that_is_not_a_pdf_is_named(server) -> None:
    answer = post(
        server.url + "check",
        [
            ("rapport", pdf("rapport-sans-annexes")),
            ("annexe", pdf("pas-un-pdf")),
            ("annexe_type", "presse"),
        ],
        accept="application/json",
    )
    assert answer.status == 422
    assert json.loads(answer.text)["error"]["message"] == (
        "L'annexe 1 ne peut pas être lue (c'est une image, pas un PDF : exportez le document en "
        "PDF) : envoyez-la en PDF."
    )


def raw(server, head: str, body: bytes = b"") -> socket.socket:
    sock = socket.create_connection((server.host, server.port), timeout=60)
    sock.sendall(head.encode("latin-1") + body)
    return sock


def read_answer(sock: socket.socket) -> tuple[int, bytes]:
    """Status and everything the server sent until it closed or a whole answer came."""
    data = b""
    while True:
        try:
            piece = sock.recv(65536)
        except ConnectionResetError:
            break
        if not piece:
            break
        data += piece
        head, sep, body = data.partition(b"\r\n\r\n")
        length = re.search(rb"content-length: (\d+)", head, re.I)
        if sep and length and len(body) >= int(length.group(1)):
            break
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else 0
    return status, data


def test_too_large_is_refused_from_the_headers_before_any_body(server) -> None:
    """The declared length is enough: the server answers 413 without a byte of the body."""
    head = (
        "POST /check HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n"
        "Content-Type: multipart/form-data; boundary=b\r\n"
        f"Content-Length: {50 * 1024 * 1024}\r\n\r\n"
    )
    with raw(server, head) as sock:
        status, data = read_answer(sock)
    assert status == 413
    assert f"dépasse {MAX_MB} Mo".encode() in data


def test_too_large_is_refused_while_streaming(server) -> None:
    """Without a declared length (chunked), the count stops the upload as it passes the limit:
    the answer comes while the client is still sending, long before its 64 MB."""
    boundary = "b0undary"
    head = (
        "POST /check HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    )
    opening = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="rapport"; filename="a.pdf"\r\n\r\n'
    ).encode()
    chunk = b"%" * 256 * 1024
    sent = 0
    with raw(server, head) as sock:
        sock.sendall(b"%x\r\n%s\r\n" % (len(opening), opening))
        sock.setblocking(False)
        while sent < 64 * 1024 * 1024:
            readable, writable, _ = select.select([sock], [sock], [], 30)
            if readable:
                break
            if writable:
                try:
                    sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                except BlockingIOError:
                    continue
                sent += len(chunk)
        sock.setblocking(True)
        status, data = read_answer(sock)
    assert status == 413 and sent < 64 * 1024 * 1024
    assert json.loads(data.partition(b"\r\n\r\n")[2])["error"]["code"] == "too-large"


def test_a_client_that_stops_halfway_gets_408_and_leaves_nothing(impatient) -> None:
    server = impatient
    body, content_type = webserver.multipart([("rapport", pdf("exemple-rapport"))])
    head = (
        f"POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    with raw(server, head, body[: len(body) // 2]) as sock:  # then silence
        status, data = read_answer(sock)
    assert status == 408
    assert "L'envoi s'est arrêté avant la fin du fichier" in html.unescape(data.decode("utf-8"))
    wait_until(lambda: server.leftovers() == [], "the half upload removed")


def test_a_client_that_hangs_up_halfway_leaves_nothing(impatient) -> None:
    server = impatient
    body, content_type = webserver.multipart([("rapport", pdf("trente-pages"))])
    head = (
        f"POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    raw(server, head, body[: len(body) // 2]).close()
    wait_until(lambda: any("interrompu" in line for line in server.errors), "the log line")
    wait_until(lambda: server.leftovers() == [], "the half upload removed")
    # and the server goes on
    answer = post(server.url + "check", [("rapport", pdf("exemple-rapport"))], "application/json")
    assert answer.status == 200 and json.loads(answer.text)["verdict"] == "pass"


def test_nothing_is_kept_and_only_time_size_verdict_duration_logged(server) -> None:
    post(server.url + "check", [("rapport", pdf("exemple-rapport"))], "application/json")
    wait_until(lambda: server.leftovers() == [], "uploads removed")
    wait_until(lambda: any(" · pass · " in line for line in server.errors), "a pass logged")
    assert server.errors and all(LOG_LINE.match(line) for line in server.errors), server.errors
    assert server.output[0].startswith("rapportlint serve : ouvrez http://127.0.0.1:")
    assert len(server.output) == 1


# -- access, start and stop --------------------------------------------------------------------


def test_token_is_asked_on_every_request_and_ctrl_c_stops_cleanly(tmp_path) -> None:
    started = webserver.start(tmp_path / "tmp", "--token", "s3cret-é", "--jobs", "1")
    try:
        assert "?token=s3cret-%C3%A9 " in started.output[0]
        base = started.url.split("?")[0]
        for url in (base, base + "?token=wrong", base + "?token="):
            answer = request(url)
            assert answer.status == 403 and "Adresse incomplète" in answer.text
            assert "<form" not in answer.text
        page = request(started.url)
        assert page.status == 200 and 'action="check?token=s3cret-%C3%A9"' in page.text
        fields = [("rapport", pdf("exemple-rapport"))]
        assert post(base + "check", fields, "application/json").status == 403
        answer = post(base + "check?token=s3cret-%C3%A9", fields, "application/json")
        assert answer.status == 200 and json.loads(answer.text)["verdict"] == "pass"
        report = post(base + "check?token=s3cret-%C3%A9", fields).text
        assert '<a href="./?token=s3cret-%C3%A9">' in report
        # the token comes before anything else: not even the size is looked at without it
        head = (
            "POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
            f"Content-Length: {10**9}\r\n\r\n"
        )
        with raw(started, head) as sock:
            assert read_answer(sock)[0] == 403
    finally:
        code = started.stop()
    assert code == 0
    assert started.output[-1] == "rapportlint serve : arrêté"
    assert not any("Traceback" in line for line in started.errors)
    assert started.leftovers() == []


def test_an_occupied_port_is_one_line_and_exit_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = subprocess.run(
            [sys.executable, "-m", "rapportlint", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert process.returncode == 2
    assert process.stderr.splitlines() == [
        f"rapportlint: le port {port} est déjà utilisé sur 127.0.0.1 : arrêtez l'autre serveur "
        "ou choisissez un autre port (--port)"
    ]


def test_loopback_needs_no_token_any_other_address_gets_one() -> None:
    from rapportlint.serve.server import access_token, is_loopback

    for host in ("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"):
        assert is_loopback(host) and access_token(host, None) == (None, False)
    for host in ("0.0.0.0", "::", "192.168.1.20", "salle-b12.lycee.fr"):
        token, generated = access_token(host, None)
        assert not is_loopback(host) and generated and len(token) >= 20
        assert access_token(host, "choisi") == ("choisi", False)
    assert access_token("0.0.0.0", None) != access_token("0.0.0.0", None)


def test_browsers_get_html_programs_that_ask_get_json() -> None:
    from rapportlint.serve.pages import wants_json

    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert not wants_json(browser) and not wants_json("*/*") and not wants_json("")
    assert wants_json("application/json")
    assert wants_json("application/json, text/html;q=0.5")
    assert not wants_json("application/json;q=0.2, text/html")


# -- the queue ---------------------------------------------------------------------------------


def test_a_full_queue_answers_503_at_once_and_the_others_are_served(tmp_path, monkeypatch) -> None:
    """One check at a time, one waiting: a third request is refused at once, never left hanging.
    Deterministic: the pool holds its first check until the test has seen the third refused."""
    from rapportlint.serve import server as serving
    from rapportlint.serve.app import ServeConfig, create_app
    from rapportlint.serve.pool import CheckPool

    release = threading.Event()

    class HeldPool(CheckPool):
        def _execute(self, function, args):
            release.wait(120)
            return function(*args)

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    pool = HeldPool(1, 1)
    app = create_app(ServeConfig(jobs=1, queue=1, max_mb=MAX_MB), pool=pool)
    sock = serving.open_socket("127.0.0.1", 0)
    uvicorn_server = serving.make(app, limit_concurrency=64)
    thread = threading.Thread(target=uvicorn_server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    url = serving.address(sock, "127.0.0.1", None) + "check"
    answers: dict[str, webserver.Answer] = {}
    fields = [("rapport", pdf("exemple-rapport"))]

    def send(key: str) -> None:
        answers[key] = post(url, fields, "application/json")

    first = threading.Thread(target=send, args=("first",))
    second = threading.Thread(target=send, args=("second",))
    try:
        wait_until(lambda: uvicorn_server.started, "the server started")
        first.start()
        wait_until(lambda: pool.running == 1, "the first check running")
        second.start()
        wait_until(lambda: pool.admitted == 2, "the second request waiting")
        busy = post(url, fields, "application/json")
        assert busy.status == 503 and busy.headers["retry-after"] == "30"
        error = json.loads(busy.text)["error"]
        assert error["code"] == "busy" and "réessayez" in error["message"]
        page = post(url, fields)
        assert page.status == 503 and "Serveur occupé" in page.shown and "réessayez" in page.shown
        assert "first" not in answers and "second" not in answers  # still held
    finally:
        release.set()
        first.join(120)
        second.join(120)
        uvicorn_server.should_exit = True
        thread.join(30)
        sock.close()
    assert answers["first"].status == 200 and answers["second"].status == 200
    assert json.loads(answers["second"].text)["verdict"] == "pass"
    assert list(tmp_path.iterdir()) == []


def test_a_service_manager_stop_is_as_clean_as_ctrl_c(tmp_path) -> None:
    started = webserver.start(tmp_path / "tmp")
    assert request(started.url).status == 200
    assert started.stop(signal.SIGTERM) == 0
    assert started.output[-1] == "rapportlint serve : arrêté"
    assert not any("Traceback" in line for line in started.errors)


# -- said to a browser user ---------------------------------------------------------------------


def test_fixes_say_how_to_declare_annexes_on_the_page_not_with_an_option(server) -> None:
    """Two English documents and a kind the page can fix: RL301 and RL304 tell to use the
    form, never --annexe (an option a browser user has never seen)."""
    html_answer = post(server.url + "check", [("rapport", pdf("annexes-deux"))])
    json_answer = post(server.url + "check", [("rapport", pdf("annexes-deux"))], "application/json")
    fixes = {f["rule"]: f["fix"] for f in json.loads(json_answer.text)["findings"]}
    assert {"RL301", "RL304"} <= set(fixes)
    assert "sous « Documents en anglais fournis à part », chacun avec son type" in fixes["RL301"]
    assert "choisissez son type à côté du fichier sur cette page" in fixes["RL304"]
    for text in (html_answer.shown, json_answer.text):
        assert not re.search(r"--annexe\b", text)  # (the CSS has a --annexes colour)
    # The command line keeps its own words.
    cli = CliRunner().invoke(main, ["check", str(fixture_path("annexes-deux"))])
    assert "ou ajoutez-les avec --annexe" in cli.stdout and "--annexe technique:" in cli.stdout


def test_result_page_is_titled_by_the_uploaded_file_name(server) -> None:
    answer = post(server.url + "check", [("rapport", pdf("exemple-rapport", "Stage Léa.pdf"))])
    assert answer.status == 200
    assert "<title>Vérification du rapport de stage – Stage Léa.pdf</title>" in answer.text
    assert '<div class="file">Stage Léa.pdf' in answer.text
    # A name is shown, escaped, never used as a path (the JSON keeps the server's name).
    hostile = post(server.url + "check", [("rapport", pdf("exemple-rapport", "Léa <script>.pdf"))])
    assert "– Léa &lt;script&gt;.pdf</title>" in hostile.text and "<script>" not in hostile.text
    climbing = post(server.url + "check", [("rapport", pdf("exemple-rapport", "../../x/y.pdf"))])
    assert "<title>Vérification du rapport de stage – y.pdf</title>" in climbing.text
    as_json = post(
        server.url + "check",
        [("rapport", pdf("exemple-rapport", "Stage Léa.pdf"))],
        "application/json",
    )
    assert json.loads(as_json.text)["file"]["path"] == "rapport.pdf"


def test_the_servers_texts_hold_no_markup() -> None:
    """They go into the page as they are (and into attributes): no quote, no markup."""
    from rapportlint.serve.texts import TEXTS

    assert set(TEXTS["fr"]) == set(TEXTS["en"])
    for words in TEXTS.values():
        for key, value in words.items():
            assert not any(ch in value for ch in '"<>&'), key


@pytest.fixture(scope="module")
def english_server(tmp_path_factory):
    started = webserver.start(tmp_path_factory.mktemp("serve-en"), "--lang", "en", "--jobs", "1")
    yield started
    started.stop()


def test_serve_in_english(english_server) -> None:
    assert english_server.output[0].startswith("rapportlint serve: open http://127.0.0.1:")
    page = request(english_server.url)
    assert '<html lang="en">' in page.text and "Drop the PDF of your internship report here" in (
        page.text
    )
    assert "English documents given separately" in page.text and "Privacy" in page.text
    for french in ("Déposez", "Confidentialité", "rapport de stage", " Mo "):
        assert french not in page.text
    answer = post(english_server.url + "check", [("rapport", pdf("annexes-deux", "My report.pdf"))])
    shown = answer.shown
    assert "<title>Internship report check – My report.pdf</title>" in answer.text
    assert "Not compliant" in shown or "NOT COMPLIANT" in shown
    assert "← check another report" in shown and "download the JSON" in shown
    assert "under 'English documents given separately', each with its kind" in shown
    assert not re.search(r"--annexe\b", shown)
    refused = request(english_server.url + "nowhere")
    assert refused.status == 404 and "This address does not exist here." in refused.shown
    bad = post(english_server.url + "check", [("annexe", pdf("annexes-deux"))], "application/json")
    assert json.loads(bad.text)["error"]["message"] == (
        "Wrong upload: the field 'rapport' (the report's PDF) is missing."
    )
    wait_until(lambda: any("· fail ·" in line for line in english_server.errors), "a log line")
    logged = [line for line in english_server.errors if "· fail ·" in line]
    assert logged[0].startswith("rapportlint serve: ") and " kB · " in logged[0]
