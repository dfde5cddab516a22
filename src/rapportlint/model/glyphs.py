"""Glyphs that PDF exports put in the text layer in place of letters, and what they stand for.

Word's Calibri and Cambria have ligature glyphs ("ti", "tt", "ff", "tf") that Unicode has no code
point for. "Microsoft Print to PDF" maps them to plane-16 private-use code points (U+10019F for
"ti"), which many readers, PDFium included, cut to 16 bits: "implémentaƟon", "ceƩe", "eƯectué".
Symbol and Wingdings bullets land in the private-use area (U+F0B7). Standard ligature code points
("ﬁ", "ﬂ") are spelled out too, and so are the same Calibri ligatures as Ghostscript maps them
(a letter's code shifted a byte up: "琀椀" for "ti"). This table is applied once, when the document model is built,
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
# Ghostscript's re-distilled Calibri (a "print to PDF" through PDF24 or PDFCreator) maps the
# same ligatures to their letters' codes shifted a byte up: "ti" becomes U+7400 U+6900 ("琀椀":
# "informa琀椀que"), "ff" U+6600 U+6600. A lower-case ASCII letter's code times 256 is a CJK
# ideograph no French text holds; next to letters it stands for that letter.
_SHIFTED_LETTERS = "".join(chr(code << 8) for code in range(ord("a"), ord("z") + 1))
_SHIFTED = re.compile(f"(?<=[A-Za-zà-ÿœ])[{_SHIFTED_LETTERS}]+|[{_SHIFTED_LETTERS}]+(?=[a-zà-ÿœ])")
_PLANE16 = re.compile("[\U00100000-\U0010ffff]")
_SIMPLE = {**UNICODE_LIGATURES, **SYMBOL_BULLETS}
_SIMPLE_RE = re.compile("[" + "".join(_SIMPLE) + "]")


_ANY = re.compile(
    "["
    + "".join(CALIBRI_LIGATURES)
    + "".join(_SIMPLE)
    + _SHIFTED_LETTERS
    + "\U00100000-\U0010ffff]"
)


# WinAnsi bytes read as Mac Roman: a TrueType font flagged symbolic without a ToUnicode map
# (Ghostscript's print of Word's fonts) is decoded through its Mac cmap, and "générales" reads
# "gÈnÈrales", "3èmes" "3Ëmes", "à" "‡". A capital accented letter inside a lower-case word
# is no French; what each stands for is the WinAnsi letter of the same byte.
_MAC_ROMAN_READ = {
    "È": "é",
    "Ë": "è",
    "Í": "ê",
    "Î": "ë",
    "Ó": "î",
    "Ô": "ï",
    "Ù": "ô",
    "Á": "ç",
    "˘": "ù",
    "˚": "û",
    "ú": "œ",
    "‚": "â",
}
_MISREAD_INSIDE = re.compile("(?<=[^\\W_])[" + "".join(_MAC_ROMAN_READ) + "](?=[a-zà-ÿ])")
# Once the misreading is known, a letter beside a lower-case one, at a word's start or end too
# ("participÈ", "Ècole", "c‚blage").
_MISREAD_BESIDE = re.compile(
    "(?<=[a-zà-ÿ])[{0}]|[{0}](?=[a-zà-ÿ])".format("".join(_MAC_ROMAN_READ))
)
_MISREAD_A = re.compile("(?<![^\\W_])‡(?![^\\W_])")  # "‡ la", "jusqu'‡": the preposition "à"
# In capitals ("PR…SENTATION", "PROBL»ME"), a word's first "…" ("…lèves", "L'…TUDE") and the
# apostrophe between letters ("líentreprise").
_MISREAD_CAPITALS = {"…": "É", "»": "È"}
_MISREAD_CAPITAL = re.compile("(?<=[A-Z])[…»](?=[A-Z])|(?<![^\\W_])…(?=[A-Za-zà-ÿ])")
_MISREAD_APOSTROPHE = re.compile("(?<=[^\\W\\d_])í(?=[^\\W\\d_])")
MAC_ROMAN_MIN = 3  # misread letters in the document: fewer may be a name's own spelling


def reads_winansi_as_mac_roman(texts: list[str]) -> bool:
    """Whether the document's text shows WinAnsi bytes read as Mac Roman: capital accented
    letters inside lower-case words, three times at least."""
    found = 0
    for text in texts:
        if text.isascii():
            continue
        found += len(_MISREAD_INSIDE.findall(text))
        if found >= MAC_ROMAN_MIN:
            return True
    return False


def mend_mac_roman(text: str) -> str:
    """``text`` with the letters Mac Roman misread inside words (in capitals too), the
    apostrophe between letters and "‡" set back; only in a document that shows the misreading
    (:func:`reads_winansi_as_mac_roman`): "lí" and "…" mean that nowhere else."""
    if text.isascii():
        return text
    for _ in range(2):  # twice: "crÈÈ" is "cré" + "È" after one pass
        text = _MISREAD_BESIDE.sub(lambda m: _MAC_ROMAN_READ[m.group(0)], text)
    text = _MISREAD_CAPITAL.sub(lambda m: _MISREAD_CAPITALS[m.group(0)], text)
    text = _MISREAD_APOSTROPHE.sub("’", text)
    return _MISREAD_A.sub("à", text)


def normalise_glyphs(text: str) -> str:
    """The text with ligature and bullet glyphs replaced by what they stand for."""
    if text.isascii() or not _ANY.search(text):
        return text
    if _PLANE16.search(text):  # the untruncated form of the same private-use ligatures
        text = _PLANE16.sub(lambda m: chr(ord(m.group(0)) & 0xFFFF), text)
    text = _CALIBRI.sub(lambda m: CALIBRI_LIGATURES[m.group(0)], text)
    text = _SHIFTED.sub(lambda m: "".join(chr(ord(c) >> 8) for c in m.group(0)), text)
    return _SIMPLE_RE.sub(lambda m: _SIMPLE[m.group(0)], text)


# PDFDocEncoding, the one-byte encoding of a PDF's text strings (bookmarks, metadata), where it
# differs from Latin-1 (PDF 32000-1, annex D): what PDFium turns each of those bytes into.
_PDFDOC_SPECIAL = {
    **dict(zip("\u02d8\u02c7\u02c6\u02d9\u02dd\u02db\u02da\u02dc", range(0x18, 0x20), strict=True)),
    **dict(
        zip(
            "\u2022\u2020\u2021\u2026\u2014\u2013\u0192\u2044\u2039\u203a\u2212\u2030\u201e"
            "\u201c\u201d\u2018\u2019\u201a\u2122\ufb01\ufb02\u0141\u0152\u0160\u0178\u017d"
            "\u0131\u0142\u0153\u0161\u017e",
            range(0x80, 0x9F),
            strict=True,
        )
    ),
    "\u20ac": 0xA0,
}


def mend_utf8_read_as_pdfdoc(text: str) -> str:
    """A bookmark or metadata string whose producer wrote UTF-8 bytes where the PDF expects
    PDFDocEncoding (LuaLaTeX's hyperref without ``unicode``, some web exporters) reads
    "PrÃ©sentation" for "Présentation": the student sees their titles garbled and the
    wording of a part is not recognised. Such a string is turned back into its bytes and read
    as UTF-8; a string that is not valid UTF-8 that way (any real accented title: "é" alone
    is no UTF-8 sequence) is kept as it is."""
    if text.isascii():
        return text
    codes = []
    for char in text:
        code = _PDFDOC_SPECIAL.get(char, ord(char))
        if code > 0xFF:
            return text
        codes.append(code)
    try:
        mended = bytes(codes).decode("utf-8")
    except UnicodeDecodeError:
        return text
    # What a title holds: Latin letters, and the punctuation of French typing. Anything else
    # (a symbol, another script, a control character) means the bytes were no UTF-8 text.
    plausible = all(
        char.isascii() or (char.isalpha() and ord(char) < LATIN_END) or char in _TYPED_PUNCTUATION
        for char in mended
    )
    return mended if plausible else text


LATIN_END = 0x180  # Latin-1 and Latin Extended-A: every letter of French ("œ" included)
_TYPED_PUNCTUATION = set("’‘“”«»–—…°€  ")


# An old LaTeX font (OT1) sets the acute accent as a glyph of its own, before its letter:
# "r´etines", "d´eveloppe". Inside a word the analysis folds it away; after a word's first
# letter it is also how some students type an apostrophe ("l´entreprise"), so "D´eroulement du
# stage" read as "d'eroulement" and named nothing. A document whose words carry the glyph
# inside them is set in such a font, where LaTeX writes its apostrophes as "’": there, the
# glyph after a first letter is the accent of the "e" it stands before.
# (Before an "e" only: the acute accent of French; "aujourd´hui" typed with the glyph for an
# apostrophe does not count.)
_ACCENT_INSIDE_A_WORD = re.compile(r"(?<=[^\W\d_]{2})(?<![qQ][uU])´(?=[eE])")
_ACCENT_AFTER_FIRST_LETTER = re.compile(r"(?<![^\W\d_])([^\W\d_])´([eE])")
OT1_ACCENTED_WORDS = 5  # glyphs inside words, across the document, that show such a font


def sets_accents_apart(texts: list[str]) -> bool:
    """Whether a document's text sets its acute accents as glyphs before their letters."""
    seen = 0
    for text in texts:
        if "´" in text:
            seen += len(_ACCENT_INSIDE_A_WORD.findall(text))
            if seen >= OT1_ACCENTED_WORDS:
                return True
    return False


def accent_after_first_letter(text: str) -> str:
    """ "d´eveloppe" -> "développe", in a document that :func:`sets_accents_apart`."""
    if "´" not in text:
        return text
    return _ACCENT_AFTER_FIRST_LETTER.sub(
        lambda found: found.group(1) + ("é" if found.group(2) == "e" else "É"), text
    )
