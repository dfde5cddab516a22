"""Glyphs that PDF exports put in the text layer in place of letters, and what they stand for.

Word's Calibri and Cambria have ligature glyphs ("ti", "tt", "ff", "tf") that Unicode has no code
point for. "Microsoft Print to PDF" maps them to plane-16 private-use code points (U+10019F for
"ti"), which many readers, PDFium included, cut to 16 bits: "implémentaƟon", "ceƩe", "eƯectué".
Symbol and Wingdings bullets land in the private-use area (U+F0B7). Standard ligature code points
("ﬁ", "ﬂ") are spelled out too. This table is applied once, when the document model is built,
so that headings, messages and every output read the words the student typed.
"""

from __future__ import annotations

import re

# Seen in real reports exported by "Microsoft Print to PDF" from Word (Calibri).
CALIBRI_LIGATURES = {
    "\u019f": "ti",  # Ɵ  "implémentaƟon"
    "\u01a9": "tt",  # Ʃ  "ceƩe"
    "\u01af": "ff",  # Ư  "eƯectué"
    "\u019e": "tf",  # ƞ  "plaƞorme"
}
# Unicode's own presentation forms, spelled out.
UNICODE_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "ft",
    "\ufb06": "st",
}
# Bullets of the Symbol and Wingdings fonts, which Word writes in the private-use area.
SYMBOL_BULLETS = {
    "\uf0b7": "•",
    "\uf0a7": "▪",
    "\uf076": "❖",
    "\uf0d8": "➢",
    "\uf0fc": "✓",
    "\uf0e8": "➔",
    "\uf0a8": "◦",
    "\uf06e": "■",
    "\uf071": "❑",
}

# A Calibri ligature code point stands for letters only where letters surround it; elsewhere it
# may be a real letter of another script (Ɵ is a letter in some African orthographies).
_CALIBRI = re.compile(
    "(?<=[a-zà-ÿœ])["
    + "".join(CALIBRI_LIGATURES)
    + "]|["
    + "".join(CALIBRI_LIGATURES)
    + "](?=[a-zà-ÿœ])"
)
_PLANE16 = re.compile("[\U00100000-\U0010ffff]")
_SIMPLE = {**UNICODE_LIGATURES, **SYMBOL_BULLETS}
_SIMPLE_RE = re.compile("[" + "".join(_SIMPLE) + "]")


_ANY = re.compile("[" + "".join(CALIBRI_LIGATURES) + "".join(_SIMPLE) + "\U00100000-\U0010ffff]")


def normalise_glyphs(text: str) -> str:
    """The text with ligature and bullet glyphs replaced by what they stand for."""
    if text.isascii() or not _ANY.search(text):
        return text
    if _PLANE16.search(text):  # the untruncated form of the same private-use ligatures
        text = _PLANE16.sub(lambda m: chr(ord(m.group(0)) & 0xFFFF), text)
    text = _CALIBRI.sub(lambda m: CALIBRI_LIGATURES[m.group(0)], text)
    return _SIMPLE_RE.sub(lambda m: _SIMPLE[m.group(0)], text)
