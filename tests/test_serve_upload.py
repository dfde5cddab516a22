"""The upload reader of ``rapportlint serve`` on its own: where the bytes go, what is refused."""

from __future__ import annotations

import pytest

pytest.importorskip("python_multipart", reason="the serve extra is not installed (make install)")

from rapportlint.serve.upload import FormReader, UploadError, boundary_of
from webserver import multipart


def read(tmp_path, fields, limit=1024 * 1024, pieces=7):
    """Feeds the body in uneven pieces, as a network would."""
    body, content_type = multipart(fields)
    reader = FormReader(tmp_path, boundary_of(content_type), limit, 1)
    step = max(1, len(body) // pieces)
    for start in range(0, len(body), step):
        reader.feed(body[start : start + step])
    return reader.result()


def test_files_get_the_servers_names_and_kinds_pair_with_their_row(tmp_path) -> None:
    upload = read(
        tmp_path,
        [
            ("rapport", ("../../évil name.pdf", b"%PDF-report")),
            ("annexe", ("a.pdf", b"%PDF-a")),
            ("annexe_type", "technique"),
            ("annexe", ("", b"")),  # an empty file input of the form
            ("annexe_type", "presse"),
            ("annexe", ("c.pdf", b"%PDF-c")),
            ("annexe_type", " Presse "),
            ("autre", "ignoré"),
        ],
    )
    assert upload.report == tmp_path / "rapport.pdf"
    assert upload.report.read_bytes() == b"%PDF-report"
    assert upload.annexes == [
        (tmp_path / "annexe-1.pdf", "technique"),
        (tmp_path / "annexe-3.pdf", "presse"),
    ]
    assert (tmp_path / "annexe-3.pdf").read_bytes() == b"%PDF-c"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "annexe-1.pdf",
        "annexe-3.pdf",
        "rapport.pdf",
    ]
    assert upload.size == len(b"%PDF-report%PDF-a%PDF-c")
    assert oct(upload.report.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(
    ("fields", "status", "words"),
    [
        ([("annexe", ("a.pdf", b"x"))], 400, "« rapport »"),
        ([("rapport", ("a.pdf", b"x")), ("rapport", ("b.pdf", b"y"))], 400, "un seul rapport"),
        (
            [("rapport", ("a.pdf", b"x"))] + [("annexe", ("a.pdf", b"x"))] * 4,
            400,
            "3 annexes au plus",
        ),
        ([("rapport", ("a.pdf", b"x"))] + [("note", "n")] * 16, 400, "16 champs au plus"),
        ([("rapport", ("a.pdf", b"x")), ("annexe_type", "t" * 65)], 400, "trop long"),
        ([("rapport", ("a.pdf", b"x" * (1024 * 1024 + 1)))], 413, "dépasse 1 Mo"),
        (
            [("rapport", ("a" * 5000 + ".pdf", b"x"))],
            400,
            "Envoi incorrect",
        ),  # ours or the parser's bound
    ],
)
def test_what_is_refused(tmp_path, fields, status, words) -> None:
    with pytest.raises(UploadError) as refused:
        read(tmp_path, fields)
    assert refused.value.status == status and words in refused.value.message


def test_a_body_that_ends_early_is_incomplete(tmp_path) -> None:
    body, content_type = multipart([("rapport", ("a.pdf", b"%PDF-1.7 report"))])
    reader = FormReader(tmp_path, boundary_of(content_type), 1024, 1)
    reader.feed(body[: len(body) - 10])
    with pytest.raises(UploadError, match="incomplet"):
        reader.result()


@pytest.mark.parametrize(
    "content_type", ["application/pdf", "multipart/form-data", "text/plain; boundary=x", ""]
)
def test_only_a_multipart_form_is_an_upload(content_type) -> None:
    with pytest.raises(UploadError) as refused:
        boundary_of(content_type)
    assert refused.value.status == 415


@pytest.mark.parametrize("body", [b"pas un formulaire", b"--b\r\nsans fin d'en-tete", b""])
def test_a_body_that_is_not_a_form_is_a_bad_form(tmp_path, body) -> None:
    reader = FormReader(tmp_path, b"b", 1024, 1)
    with pytest.raises(UploadError) as refused:
        reader.feed(body)
        reader.result()
    assert refused.value.status == 400 and refused.value.message.startswith("Envoi incorrect")
    assert list(tmp_path.iterdir()) == []
