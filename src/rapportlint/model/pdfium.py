"""A thin layer over PDFium's C API (``pypdfium2_raw``), without pypdfium2's helper classes.

Why not the helpers: importing them costs about 15 ms at every start, a tenth of a whole check;
the loader needs a dozen C calls, which this module wraps with the lifetime rules PDFium asks for
(the document's bytes stay alive while it is open, every page and text page is closed).
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2_raw as c

_initialised = False

ERR_PASSWORD = c.FPDF_ERR_PASSWORD


class PdfiumError(Exception):
    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


def _init() -> None:
    """Initialises PDFium once per process (a second call from pypdfium2 itself is harmless)."""
    global _initialised
    if not _initialised:
        config = c.FPDF_LIBRARY_CONFIG(
            version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0
        )
        c.FPDF_InitLibraryWithConfig(config)
        _initialised = True


class RawDocument:
    """An open PDFium document over bytes that it keeps alive until :meth:`close`."""

    def __init__(self, data: bytes, password: str | None = None) -> None:
        _init()
        self._data = data  # PDFium reads from this buffer for as long as the document is open
        secret = (password + "\x00").encode("utf-8") if password is not None else None
        self.handle = c.FPDF_LoadMemDocument64(data, len(data), secret)
        if not self.handle:
            code = c.FPDF_GetLastError()
            raise PdfiumError(f"PDFium could not load the document (error {code})", code)
        self.page_count = c.FPDF_GetPageCount(self.handle)

    def close(self) -> None:
        if self.handle:
            c.FPDF_CloseDocument(self.handle)
            self.handle = None

    def __enter__(self) -> RawDocument:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def page(self, index: int) -> Iterator[tuple[object, object]]:
        """(page handle, text page handle), both closed on exit."""
        page = c.FPDF_LoadPage(self.handle, index)
        if not page:
            raise PdfiumError(f"PDFium could not load page {index + 1}")
        text = c.FPDFText_LoadPage(page)
        try:
            yield page, text
        finally:
            if text:
                c.FPDFText_ClosePage(text)
            c.FPDF_ClosePage(page)

    def metadata(self) -> dict[str, str]:
        out = {}
        for key in (
            "Title",
            "Author",
            "Subject",
            "Keywords",
            "Creator",
            "Producer",
            "CreationDate",
            "ModDate",
        ):
            value = _utf16(
                lambda buf, n, key=key: c.FPDF_GetMetaText(self.handle, key.encode(), buf, n)
            )
            if value:
                out[key] = value
        return out

    def page_label(self, index: int) -> str:
        """The page's label from the document's /PageLabels, "" without one."""
        return _utf16(lambda buf, n: c.FPDF_GetPageLabel(self.handle, index, buf, n))

    def bookmarks(self, max_depth: int, max_count: int) -> Iterator[tuple[str, int, int | None]]:
        """(title, level, 0-based page index or None), depth first; loops in the tree are cut."""
        seen: set[int] = set()
        stack = [(c.FPDFBookmark_GetFirstChild(self.handle, None), 0)]
        while stack and len(seen) < max_count:
            bookmark, level = stack.pop()
            if not bookmark:
                continue
            address = ctypes.cast(bookmark, ctypes.c_void_p).value or 0
            if address in seen:
                continue
            seen.add(address)
            title = _utf16(lambda buf, n, b=bookmark: c.FPDFBookmark_GetTitle(b, buf, n))
            yield title, level, self._bookmark_page(bookmark)
            stack.append((c.FPDFBookmark_GetNextSibling(self.handle, bookmark), level))
            if level + 1 < max_depth:
                stack.append((c.FPDFBookmark_GetFirstChild(self.handle, bookmark), level + 1))

    def render_grey(self, index: int, scale: float, longest: int) -> tuple[int, int, bytes]:
        """Page ``index`` drawn in shades of grey, ``scale`` pixels per point (less where the
        longest side would pass ``longest`` pixels), annotations included: (width, height, one
        byte per pixel, row after row). What OCR reads; made
        here in a few C calls rather than through pypdfium2's helpers and Pillow, which cost
        about 50 ms to import and 40 ms to encode a page as PNG."""
        page = c.FPDF_LoadPage(self.handle, index)
        if not page:
            raise PdfiumError(f"PDFium could not load page {index + 1}")
        try:
            points = c.FPDF_GetPageWidthF(page), c.FPDF_GetPageHeightF(page)
            scale = min(scale, longest / max(*points, 1.0))
            width, height = (max(1, math.ceil(side * scale)) for side in points)
            pixels = (ctypes.c_ubyte * (width * height))()
            bitmap = c.FPDFBitmap_CreateEx(width, height, c.FPDFBitmap_Gray, pixels, width)
            if not bitmap:
                raise PdfiumError(f"PDFium could not make a {width} x {height} bitmap")
            try:
                c.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xFFFFFFFF)
                flags = c.FPDF_ANNOT | c.FPDF_GRAYSCALE
                c.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, flags)
            finally:
                c.FPDFBitmap_Destroy(bitmap)
            return width, height, bytes(pixels)
        finally:
            c.FPDF_ClosePage(page)

    def _bookmark_page(self, bookmark) -> int | None:
        dest = c.FPDFBookmark_GetDest(self.handle, bookmark)
        if not dest:
            action = c.FPDFBookmark_GetAction(bookmark)
            if action:
                dest = c.FPDFAction_GetDest(self.handle, action)
        if not dest:
            return None
        index = c.FPDFDest_GetDestPageIndex(self.handle, dest)
        return index if 0 <= index < self.page_count else None


def _utf16(call) -> str:
    """Calls a PDFium getter that fills a UTF-16LE buffer (first call sizes it)."""
    size = call(None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    call(buffer, size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")


def page_box(page) -> tuple[float, float, float, float]:
    """The visible box (CropBox within MediaBox, inherited from the page tree when needed)."""
    rect = c.FS_RECTF()
    if c.FPDF_GetPageBoundingBox(page, rect):
        return rect.left, rect.bottom, rect.right, rect.top
    return 0.0, 0.0, c.FPDF_GetPageWidthF(page), c.FPDF_GetPageHeightF(page)


def page_text(text_page, count: int) -> str:
    """The text of ``count`` characters, one character per index (PDFium's UTF-16 units)."""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    target = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    written = c.FPDFText_GetText(text_page, 0, count, target)
    return buffer.raw[: max(0, written - 1) * 2].decode("utf-16-le", errors="replace")


def _plain(function, restype, *argtypes):
    """The same C function, taking and giving handles as plain addresses, and called without
    letting go of the GIL: for the getters the loader calls once per page object or text line.
    Each call is then a few hundred nanoseconds shorter (no pointer object made for a returned
    handle, no GIL hand-over for a call that lasts less than that), which a report of 50,000
    objects (one per glyph, as WPS writes them) feels. Long calls (loading a page) keep the
    usual bindings, which let other threads run meanwhile."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.PYFUNCTYPE(restype, *argtypes)(address)


_V, _I, _D = ctypes.c_void_p, ctypes.c_int, ctypes.c_double
_F = ctypes.POINTER(ctypes.c_float)


class Plain:
    """The per-object and per-line getters of :func:`_plain` (handles as ``int`` or None)."""

    page_objects = staticmethod(_plain(c.FPDFPage_CountObjects, _I, _V))
    page_object = staticmethod(_plain(c.FPDFPage_GetObject, _V, _V, _I))
    form_objects = staticmethod(_plain(c.FPDFFormObj_CountObjects, _I, _V))
    form_object = staticmethod(_plain(c.FPDFFormObj_GetObject, _V, _V, _I))
    object_type = staticmethod(_plain(c.FPDFPageObj_GetType, _I, _V))
    object_bounds = staticmethod(_plain(c.FPDFPageObj_GetBounds, _I, _V, _F, _F, _F, _F))
    path_segments = staticmethod(_plain(c.FPDFPath_CountSegments, _I, _V))
    object_matrix = staticmethod(
        _plain(c.FPDFPageObj_GetMatrix, _I, _V, ctypes.POINTER(c.FS_MATRIX))
    )
    char_box = staticmethod(
        _plain(c.FPDFText_GetLooseCharBox, _I, _V, _I, ctypes.POINTER(c.FS_RECTF))
    )
    is_generated = staticmethod(_plain(c.FPDFText_IsGenerated, _I, _V, _I))
    font_size = staticmethod(_plain(c.FPDFText_GetFontSize, _D, _V, _I))
    char_matrix = staticmethod(
        _plain(c.FPDFText_GetMatrix, _I, _V, _I, ctypes.POINTER(c.FS_MATRIX))
    )
    text_object = staticmethod(_plain(c.FPDFText_GetTextObject, _V, _V, _I))
    text_font = staticmethod(_plain(c.FPDFTextObj_GetFont, _V, _V))
    render_mode = staticmethod(_plain(c.FPDFTextObj_GetTextRenderMode, _I, _V))


def address(handle) -> int | None:
    """A handle of the usual bindings as the plain address :class:`Plain` takes."""
    return ctypes.cast(handle, ctypes.c_void_p).value if handle else None
