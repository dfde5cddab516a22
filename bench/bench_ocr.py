"""Benchmark: what OCR adds per scanned annex page (target: 2 s at most, on one core).

Builds image-only pages the way students scan or screenshot them (a text page of the fixtures
rendered at 150 dpi in grey and wrapped as a picture in a PDF, in memory), then times
:class:`rapportlint.model.ocr.OcrReader` reading each (rendering and Tesseract, which runs on
one thread), and its peak memory. Then the whole ``check`` of a report whose three annexes are
such scans, with OCR and without it (``limits.ocr-max-pages = 0``): the difference per scanned
page. Skipped with a message where Tesseract is not installed. Not a test: it prints numbers.
"""

from __future__ import annotations

import io
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

from rapportlint.model.ocr import OcrReader, tesseract_languages

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "fixtures" / "pdf" / "conforme-word.pdf"  # its last three pages: English annexes
RUNS = 3


def scanned_pdf(source: Path, pages: list[int]) -> bytes:
    """The given pages of ``source`` as grey pictures, one per page, no text layer."""
    pdf = pdfium.PdfDocument(source.read_bytes())
    images = []
    for number in pages:
        bitmap = pdf[number - 1].render(scale=150 / 72, grayscale=True)
        images.append(bitmap.to_pil().convert("L"))
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", resolution=150, save_all=True, append_images=images[1:])
    return buffer.getvalue()


def time_reader(data: bytes, count: int) -> list[float]:
    times = []
    for number in range(1, count + 1):
        reader = OcrReader(data, max_pages=8)
        start = time.perf_counter()
        reader.read(number)
        times.append(time.perf_counter() - start)
    return times


def whole_check(pdf: Path, ocr: bool) -> float:
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "rapportlint.toml"
        config.write_text(f"[limits]\nocr-max-pages = {8 if ocr else 0}\n", "utf-8")
        command = [sys.executable, "-m", "rapportlint", "check", "--config", str(config), str(pdf)]
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        return time.perf_counter() - start


def main() -> int:
    if tesseract_languages() is None:
        print(
            "bench_ocr: tesseract absent (apt-get install tesseract-ocr tesseract-ocr-eng "
            "tesseract-ocr-fra): skipped"
        )
        return 0
    count = len(pdfium.PdfDocument(SOURCE.read_bytes()))
    annexes = [count - 2, count - 1, count]
    scans = scanned_pdf(SOURCE, annexes)
    runs = [time_reader(scans, len(annexes)) for _ in range(RUNS)]
    per_page = [statistics.median(page) for page in zip(*runs, strict=True)]
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"OCR per scanned page (render 150 dpi + tesseract {tesseract_languages()}, one thread):")
    for number, seconds in zip(annexes, per_page, strict=True):
        print(f"  page {number}: {seconds:.2f} s")
    print(f"  median {statistics.median(per_page):.2f} s, Tesseract peak {peak_mb:.0f} MB")

    # A report whose three annexes are scans: the whole check with and without OCR.
    with tempfile.TemporaryDirectory() as folder:
        body = pdfium.PdfDocument(SOURCE.read_bytes())
        scanned = pdfium.PdfDocument(scans)
        merged = pdfium.PdfDocument.new()
        merged.import_pages(body, list(range(count - 3)))
        merged.import_pages(scanned)
        target = Path(folder) / "scans.pdf"
        merged.save(str(target))
        with_ocr = statistics.median(whole_check(target, True) for _ in range(RUNS))
        without = statistics.median(whole_check(target, False) for _ in range(RUNS))
    added = (with_ocr - without) / len(annexes)
    print(f"check with three scanned annexes: {with_ocr:.2f} s with OCR, {without:.2f} s without")
    verdict = "OK" if added <= 2.0 else "OVER"
    print(f"OCR adds {added:.2f} s per scanned page (target <= 2 s): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
