"""A minimal PNG encoder for page thumbnails: zlib and struct, no imaging library needed."""

from __future__ import annotations

import struct
import zlib


def encode_rgb(width: int, height: int, pixels: bytes, stride: int) -> bytes:
    """PNG bytes of an 8-bit RGB image whose rows are ``stride`` bytes apart in ``pixels``."""
    row = width * 3
    raw = b"".join(b"\x00" + pixels[y * stride : y * stride + row] for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )
