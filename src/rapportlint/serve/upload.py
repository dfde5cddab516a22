"""Reading a multipart upload straight into a private folder, under names the server chooses.

The body is parsed as it arrives (python-multipart's streaming parser): a file part goes to disk
chunk by chunk, never whole into memory, and the count of bytes stops the upload the moment it
passes the limit. The file names the client sends are never used for a file: the report is
always ``rapport.pdf`` and the annexes ``annexe-1.pdf`` to ``annexe-3.pdf`` in a folder of
:func:`tempfile.mkdtemp` (mode 0700), each file created new (``O_EXCL``, no link followed). The
report's name is only shown back, escaped, as the title of the answer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from rapportlint.serve import texts

REPORT_NAME = "rapport.pdf"
MAX_ANNEXES = 3
ANNEX_KINDS = {"": None, "technique": "technique", "presse": "presse"}
MAX_HEADER_BYTES = 4096  # the headers of one part
MAX_TEXT_BYTES = 64  # a text field (an annex kind)
MAX_PARTS = 16
# Multipart framing around the files (boundaries, part headers, the kinds): a body whose length
# passes the limit by more than this cannot fit, and is refused before a byte of it is read.
FRAMING_BYTES = 64 * 1024


class UploadError(Exception):
    """The upload cannot be used: an HTTP status, a machine code and a message in both
    languages (:meth:`text`; ``message`` and ``str()`` are the French one)."""

    def __init__(self, status: int, code: str, key: str, **values: object) -> None:
        self.status = status
        self.code = code
        self.key = key
        self.values = values
        self.message = self.text("fr")
        super().__init__(self.message)

    def text(self, lang: str) -> str:
        values = dict(self.values)
        detail = values.pop("detail", None)
        if isinstance(detail, tuple):  # (text key, its values): said in the same language
            values["detail"] = texts.text(lang, detail[0], **detail[1])
        return texts.text(lang, self.key, **values)


def too_large(limit_mb: int) -> UploadError:
    return UploadError(413, "too-large", "too_large", limit_mb=limit_mb)


def bad_form(detail: str, **values: object) -> UploadError:
    """Envoi incorrect: ``detail`` is the key of what is wrong, with its values."""
    return UploadError(400, "bad-form", "bad_form", detail=(detail, values))


def boundary_of(content_type: str) -> bytes:
    """The multipart boundary of the request, or :class:`UploadError` (not a form upload)."""
    kind, options = parse_options_header(content_type)
    boundary = options.get(b"boundary", b"")
    if kind != b"multipart/form-data" or not boundary or len(boundary) > 200:
        raise UploadError(415, "not-multipart", "not_multipart")
    return boundary


def shown_name(raw: bytes) -> str | None:
    """The report's file name as the browser sent it, for the title of the answer only (never
    a path, never written anywhere): its last part, without control characters, 120 characters
    at most."""
    name = raw.decode("utf-8", "replace").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[:120] or None


@dataclass
class Upload:
    """What was received: the report's path, the annexes with their declared kind, the size."""

    folder: Path
    report: Path
    annexes: list[tuple[Path, str | None]] = field(default_factory=list)
    size: int = 0
    name: str | None = None  # the report's name on the student's computer, shown as the title


@dataclass
class _Part:
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    name: str = ""
    target: Path | None = None
    fd: int | None = None
    text: bytearray = field(default_factory=bytearray)
    size: int = 0
    header_size: int = 0
    field_bytes: bytearray = field(default_factory=bytearray)
    value_bytes: bytearray = field(default_factory=bytearray)


class FormReader:
    """Feeds the body to the parser; writes the ``rapport`` and ``annexe`` parts to ``folder``
    and keeps the ``annexe_type`` values. Other fields are read and dropped."""

    def __init__(self, folder: Path, boundary: bytes, limit_bytes: int, limit_mb: int) -> None:
        self.folder = folder
        self.limit_bytes = limit_bytes
        self.limit_mb = limit_mb
        self.received = 0
        self.file_bytes = 0
        self.ended = False
        self.report: Path | None = None
        self.name: str | None = None
        self.annexes: list[tuple[Path, int]] = []  # (path, size), in the form's order
        self.kinds: list[str] = []
        self.parts = 0
        self._part: _Part | None = None
        self._error: UploadError | None = None
        try:
            self.parser = MultipartParser(boundary, self._callbacks())
        except FormParserError as error:  # a boundary the parser refuses (too long...)
            raise bad_form("form_unreadable") from error

    def _callbacks(self) -> dict:
        return {
            "on_part_begin": self._begin,
            "on_header_field": self._header_field,
            "on_header_value": self._header_value,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_done,
            "on_part_data": self._data,
            "on_part_end": self._end,
            "on_end": self._finished,
        }

    def feed(self, chunk: bytes) -> None:
        """One piece of the body; raises :class:`UploadError` as soon as it is unusable."""
        self.received += len(chunk)
        if self.received > self.limit_bytes + FRAMING_BYTES:
            raise too_large(self.limit_mb)
        try:
            self.parser.write(chunk)
        except FormParserError as error:
            raise bad_form("form_unreadable") from error
        finally:
            if self._error is not None:
                self.close()
        if self._error is not None:
            raise self._error

    def result(self) -> Upload:
        """The upload, once the whole body was fed."""
        self.close()
        if not self.ended:
            raise bad_form("form_incomplete")
        if self.report is None:
            raise bad_form("form_no_report")
        annexes = []
        for index, (path, size) in enumerate(self.annexes):
            kind = self.kinds[index] if index < len(self.kinds) else ""
            if kind not in ANNEX_KINDS:
                raise bad_form("form_kind", kind=kind[:20])
            if size == 0:  # an empty file input of the form: no annex given there
                path.unlink(missing_ok=True)
                continue
            annexes.append((path, ANNEX_KINDS[kind]))
        if len(annexes) > MAX_ANNEXES:
            raise bad_form("form_annexes", count=MAX_ANNEXES)
        return Upload(self.folder, self.report, annexes, self.file_bytes, self.name)

    def close(self) -> None:
        """Closes the file being written, if any (an interrupted upload)."""
        part = self._part
        if part is not None and part.fd is not None:
            os.close(part.fd)
            part.fd = None

    # The parser's callbacks: they cannot raise through the parser cleanly, so they record the
    # first problem and stop writing; feed() raises it.
    def _fail(self, error: UploadError) -> None:
        if self._error is None:
            self._error = error

    def _begin(self) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS:
            self._fail(bad_form("form_parts", count=MAX_PARTS))
        self._part = _Part()

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._grow(self._part.field_bytes, data[start:end])

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._grow(self._part.value_bytes, data[start:end])

    def _grow(self, buffer: bytearray, piece: bytes) -> None:
        part = self._part
        part.header_size += len(piece)
        if part.header_size > MAX_HEADER_BYTES:
            self._fail(bad_form("form_headers"))
            return
        buffer.extend(piece)

    def _header_end(self) -> None:
        part = self._part
        part.headers.append((bytes(part.field_bytes).lower(), bytes(part.value_bytes)))
        part.field_bytes.clear()
        part.value_bytes.clear()

    def _headers_done(self) -> None:
        part = self._part
        disposition = dict(part.headers).get(b"content-disposition", b"")
        _, options = parse_options_header(disposition)
        part.name = options.get(b"name", b"").decode("utf-8", "replace")
        if self._error is not None:
            return
        if part.name == "rapport":
            self.name = shown_name(options.get(b"filename", b""))
            if self.report is not None:
                self._fail(bad_form("form_one_report"))
                return
            part.target = self.folder / REPORT_NAME
        elif part.name == "annexe":
            part.target = self.folder / f"annexe-{len(self.annexes) + 1}.pdf"
        else:
            return
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        part.fd = os.open(part.target, flags, 0o600)

    def _data(self, data: bytes, start: int, end: int) -> None:
        part = self._part
        if self._error is not None or part is None:
            return
        piece = data[start:end]
        part.size += len(piece)
        if part.fd is not None:
            self.file_bytes += len(piece)
            if self.file_bytes > self.limit_bytes:
                self._fail(too_large(self.limit_mb))
                return
            view = memoryview(piece)
            while view:
                view = view[os.write(part.fd, view) :]
        elif part.name == "annexe_type":
            if len(part.text) + len(piece) > MAX_TEXT_BYTES:
                self._fail(bad_form("form_kind_long"))
                return
            part.text.extend(piece)

    def _end(self) -> None:
        part = self._part
        if part is None:
            return
        self.close()
        if part.name == "rapport" and part.target is not None:
            self.report = part.target
        elif part.name == "annexe" and part.target is not None:
            self.annexes.append((part.target, part.size))
        elif part.name == "annexe_type" and self._error is None:
            self.kinds.append(part.text.decode("utf-8", "replace").strip().lower())
        self._part = None

    def _finished(self) -> None:
        self.ended = True
