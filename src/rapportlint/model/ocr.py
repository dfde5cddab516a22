"""Text that is only in pixels: scans and screenshots of annexed documents, read by OCR.

Students paste the English documents as screenshots or scans: their text is in a picture, and
without reading it nothing can be said of their language or kind. This module renders such a
page from the PDF bytes already in memory (the file is not read again) and reads it with
Tesseract, Debian's ``tesseract-ocr`` with its English and French data, run as a command.

Why Tesseract and this way: measured here on the scans and screenshots of the annex
development set, it reads a page rendered at 150 dpi in about 1.2 s and 65 MB on one thread
(``OMP_THREAD_LIMIT=1``: its default threads made it five times slower on two cores), where
rapidocr-onnxruntime took about 6 s and 670 MB; the command needs no Python binding and runs
offline. It is bounded: a few pages per report (the analysis asks only for annex pages whose
text is a picture), a time limit per page, a pixel limit per image; it runs inside the
check's bounded child, whose process group a time-out stops.

Without Tesseract (or its data), :attr:`OcrReader.available` is False: the pages stay unread
and the analysis says so once (rule RL309).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when pages are read ahead: most reports need no OCR
    from concurrent.futures import Future, ThreadPoolExecutor

DPI = 150
MAX_PIXELS = 2600  # longest side of a rendered page (an A1 page is not read at 150 dpi)
MIN_WORD_CONFIDENCE = 40  # Tesseract's 0-100 score under which a "word" is noise
TIMEOUT_S = 20.0
MAX_PAGES = 8  # pages read per document: the three documents and a few more


@dataclass(frozen=True, slots=True)
class OcrText:
    """What OCR read on a page: its text (words Tesseract is confident of, in reading order),
    how many words, and their mean confidence (0-1)."""

    text: str
    words: int
    confidence: float


@lru_cache(maxsize=1)
def tesseract_languages() -> str | None:
    """ "eng+fra" (or what of it is installed) when the tesseract command can read English,
    else None.

    Asking Tesseract costs a process (20 to 70 ms, on the way of every report whose annexes are
    read by OCR), so the answer is kept in the cache folder with what it depends on: the
    command (path, size, date), ``TESSDATA_PREFIX`` and the date of the folder of language data
    it named (installing or removing a language changes it). Anything else, or a file that
    cannot be read or does not say that, and Tesseract is asked again."""
    command = shutil.which("tesseract")
    if command is None:
        return None
    installed = _kept_languages(command)
    if installed is None:
        try:
            listed = subprocess.run(
                [command, "--list-langs"], capture_output=True, text=True, timeout=10, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return None
        output = listed.stdout + listed.stderr
        # one language a line, under a heading that names the folder of their data
        installed = sorted(
            {word for line in output.splitlines() if (word := line.strip()) and " " not in word}
        )
        _keep_languages(command, output, installed)
    if "eng" not in installed:
        return None
    return "eng+fra" if "fra" in installed else "eng"


LANGUAGES_FILE = "tesseract-languages.json"
# 'List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (3):'
_DATA_FOLDER = re.compile(r'languages in "([^"]+)"')


def _installation(command: str, folder: str) -> dict[str, object] | None:
    """What the list of languages depends on, as it stands now (None if it cannot be seen)."""
    try:
        program, data = os.stat(command), os.stat(folder)
    except OSError:
        return None
    return {
        "command": command,
        "command_stat": [program.st_size, program.st_mtime_ns],
        "tessdata_prefix": os.environ.get("TESSDATA_PREFIX"),
        "folder": folder,
        "folder_mtime_ns": data.st_mtime_ns,
    }


def _kept_languages(command: str) -> list[str] | None:
    """The languages kept by an earlier run, if what they depend on has not changed."""
    from rapportlint.cache import default_folder

    try:
        kept = json.loads((default_folder() / LANGUAGES_FILE).read_text(encoding="utf-8"))
        installation, languages = kept["installation"], kept["languages"]
        if installation != _installation(command, str(installation["folder"])):
            return None
    except (OSError, ValueError, TypeError, KeyError, RuntimeError):  # RuntimeError: no home
        return None
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        return None
    return languages


def _keep_languages(command: str, listing: str, languages: list[str]) -> None:
    """Keeps the answer for the next runs; never fails (a read-only home only costs the ask)."""
    from rapportlint.cache import default_folder, write_whole

    named = _DATA_FOLDER.search(listing)
    installation = _installation(command, named.group(1)) if named else None
    if installation is None:
        return
    kept = {"installation": installation, "languages": languages}
    with contextlib.suppress(OSError, RuntimeError):  # RuntimeError: no home folder
        write_whole(default_folder() / LANGUAGES_FILE, json.dumps(kept).encode())


class OcrReader:
    """Reads the pixels of one PDF's pages on demand, each page at most once.

    Pickling keeps what was read and drops the PDF bytes (a checked report travels from the
    bounded child to its parent as a pickle): after it, nothing more can be read.
    """

    def __init__(
        self,
        data: bytes | None,
        password: str | None = None,
        max_pages: int = MAX_PAGES,
        timeout: float = TIMEOUT_S,
    ) -> None:
        self._data = data
        self._password = password
        self.max_pages = max_pages
        self.timeout = timeout
        self._read: dict[int, OcrText | None] = {}
        self._worker: ThreadPoolExecutor | None = None
        self._pending: dict[int, Future[OcrText | None]] = {}
        self._warming: threading.Thread | None = None
        self._warm: subprocess.Popen[bytes] | None = None
        self._warm_lock = threading.Lock()

    def __getstate__(self) -> dict:
        self.settle()
        return {"max_pages": self.max_pages, "timeout": self.timeout, "_read": self._read}

    def __setstate__(self, state: dict) -> None:
        self._data = self._password = None
        self.max_pages = state["max_pages"]
        self.timeout = state["timeout"]
        self._read = state["_read"]
        self._worker = None
        self._pending = {}
        self._warming = None
        self._warm = None
        self._warm_lock = threading.Lock()

    @property
    def available(self) -> bool:
        return self._data is not None and self.max_pages > 0 and tesseract_languages() is not None

    @property
    def pages_read(self) -> list[int]:
        return sorted(n for n, text in self._read.items() if text is not None)

    def read(self, number: int) -> OcrText | None:
        """The text of page ``number`` (1-based), None when it cannot be read (no Tesseract,
        past the page budget, a time-out, a rendering failure)."""
        if number in self._read:
            return self._read[number]
        if not self.available or len(self._read) >= self.max_pages:
            return None
        if number in self._pending:
            result = self._pending.pop(number).result()
        else:
            self._stop_reading_ahead()  # PDFium renders in one thread at a time
            result = self._ocr(number)
        self._read[number] = result
        return result

    def prefetch(self, numbers: list[int]) -> None:
        """Starts reading these pages, in this order, in threads of their own: Tesseract then
        works on the second core while the analysis goes on. What :meth:`read` is later asked
        for comes from there; the page budget still counts only what is asked for."""
        # Whether Tesseract has its languages is asked in the worker (it costs a process): a
        # reader without them reads nothing, there as in :meth:`read`.
        if self._data is None or self.max_pages <= 0 or self._worker is not None:
            return
        if shutil.which("tesseract") is None:
            return
        wanted = [n for n in dict.fromkeys(numbers) if n not in self._read][: self.max_pages]
        if not wanted:
            return
        from concurrent.futures import ThreadPoolExecutor

        # Two Tesseracts at a time where there are two cores: while the first pages are read
        # the analysis mostly waits for them; PDFium renders one page at a time (_RENDERING).
        workers = 2 if (os.cpu_count() or 1) >= 2 and len(wanted) > 1 else 1
        self._worker = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr")
        self._pending = {n: self._worker.submit(self._ocr, n) for n in wanted}

    def warm_up(self) -> None:
        """Starts one Tesseract ahead, from a thread: it loads its language models (about
        0.1 s, after the 20 ms of asking which it has) while the analysis finds the pages it
        must read, and the first page read takes it. Called when a report has pages whose
        text may be in pixels; :meth:`settle` stops it if no page was asked for."""
        if self._data is None or self.max_pages <= 0 or self._warming is not None:
            return
        if shutil.which("tesseract") is None:
            return
        self._warming = threading.Thread(target=self._start_warm, name="ocr-warm", daemon=True)
        self._warming.start()

    def _start_warm(self) -> None:
        languages = tesseract_languages()
        if languages is None:
            return
        process = _start_tesseract(languages)
        with self._warm_lock:
            self._warm = process

    def _take_warm(self) -> subprocess.Popen[bytes] | None:
        """The Tesseract started ahead, for the first page read (and None after)."""
        if self._warming is None:
            return None
        self._warming.join()
        with self._warm_lock:
            process, self._warm = self._warm, None
        return process

    def settle(self) -> None:
        """Drops the pages read ahead that nobody asked for, waits for the one being read and
        stops a Tesseract started ahead that no page took: after it, no other thread uses
        PDFium (which is not thread-safe) and no Tesseract of ours runs."""
        self._stop_reading_ahead()
        process = self._take_warm()
        if process is not None:
            process.kill()
            process.communicate()

    def _stop_reading_ahead(self) -> None:
        if self._worker is None:
            return
        self._worker.shutdown(wait=True, cancel_futures=True)
        self._worker = None
        self._pending = {}

    def _ocr(self, number: int) -> OcrText | None:
        """Reads one page. Tesseract is started first (or was, ahead: :meth:`warm_up`): it
        loads its language models (about 0.1 s) while PDFium renders the page, which it then
        reads from its standard input."""
        tesseract = self._take_warm()
        if tesseract is None:
            languages = tesseract_languages()
            if languages is None:
                return None
            tesseract = _start_tesseract(languages)
            if tesseract is None:
                return None
        with tesseract:
            image = _render_page(self._data, self._password, number)
            if image is None:
                tesseract.kill()
                tesseract.communicate()
                return None
            try:
                tsv, _ = tesseract.communicate(image, timeout=self.timeout)
            except (OSError, subprocess.SubprocessError):
                tesseract.kill()
                tesseract.communicate()
                return None
        if tesseract.returncode != 0:
            return None
        return _from_tsv(tsv.decode("utf-8", "replace"))


def _start_tesseract(languages: str) -> subprocess.Popen[bytes] | None:
    """Tesseract waiting for a page on its standard input, its TSV on its standard output;
    one thread (``OMP_THREAD_LIMIT``: see the module's docstring)."""
    try:
        return subprocess.Popen(
            ["tesseract", "-", "-", "-l", languages, "--psm", "3", "tsv"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except OSError:
        return None


_RENDERING = threading.Lock()  # PDFium is not thread-safe: one page renders at a time


def _render_page(data: bytes | None, password: str | None, number: int) -> bytes | None:
    """The page as a grey image at :data:`DPI` (less for a page larger than the pixel limit),
    in the plain PGM format Tesseract reads as it reads a PNG: no encoding to pay for."""
    if data is None:
        return None
    with _RENDERING:
        return _render_page_alone(data, password, number)


def _render_page_alone(data: bytes, password: str | None, number: int) -> bytes | None:
    from rapportlint.model.pdfium import RawDocument

    try:
        with RawDocument(data, password=password) as pdf:
            if not 1 <= number <= pdf.page_count:
                return None
            columns, rows, pixels = pdf.render_grey(number - 1, DPI / 72, MAX_PIXELS)
    except Exception:  # a page PDFium cannot draw, whatever the reason, is one OCR cannot read
        return None
    return b"P5\n%d %d\n255\n" % (columns, rows) + pixels


def _from_tsv(tsv: str) -> OcrText:
    """Text, word count and mean confidence from Tesseract's TSV (one row per word, with the
    block, paragraph and line it belongs to)."""
    lines: dict[tuple[str, str, str], list[str]] = {}
    confidences: list[float] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        try:
            confidence = float(row.get("conf") or -1)
        except ValueError:
            continue
        if not word or confidence < MIN_WORD_CONFIDENCE:
            continue
        confidences.append(confidence)
        key = (row.get("block_num", ""), row.get("par_num", ""), row.get("line_num", ""))
        lines.setdefault(key, []).append(word)
    text = "\n".join(" ".join(words) for words in lines.values())
    mean = sum(confidences) / len(confidences) / 100 if confidences else 0.0
    return OcrText(text=text, words=len(confidences), confidence=round(mean, 2))
