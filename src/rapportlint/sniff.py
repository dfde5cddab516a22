"""What a file that is not a PDF is, by its content (never its name): a student who hands in
the Word file, or renames it to .pdf, is told to export it, not that the PDF is "corrupt"."""

from __future__ import annotations

import io
import zipfile

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, and other old Office files
IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")
OPENDOCUMENT_TEXT = b"application/vnd.oasis.opendocument.text"


def document_kind(data: bytes | None) -> str | None:
    """ "word" (.docx), "opendocument" (.odt), "office-97" (.doc and the like), "image", or
    None when the bytes are none of these."""
    if not data:
        return None
    if data.startswith(OLE2):
        return "office-97"
    if data.startswith(IMAGES):
        return "image"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "word/document.xml" in names:
                    return "word"
                if "mimetype" in names and archive.read("mimetype").strip() == OPENDOCUMENT_TEXT:
                    return "opendocument"
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError):
            return None
    return None
