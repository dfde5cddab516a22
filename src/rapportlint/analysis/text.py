"""Text normalisation for matching headings as students write them.

The same line is compared by several analyses (contents list, headings, annex part): the
normalised forms are cached per text.

Matching ignores case, accents, numbering ("I.", "1.2", "Partie 2 :", "Chapitre 1 -") and the
damage PDF exports do to ligatures: a lost "fi", "ff" or "ti" glyph leaves "eectué" or
"Introduc on" in the text layer, so keyword patterns accept a gap where a ligature was.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain, compress, repeat

# (str.translate with a dict looks every character up; a few replace() calls run in C.)
_APOSTROPHES = (("’", "'"), ("‘", "'"), ("´", "'"), ("\u00a0", " "))
_APOSTROPHE_OF = dict(_APOSTROPHES)
# Cyrillic and Greek letters drawn like Latin ones: an online editor's font (Canva) wrote
# "Présentatiоn" with a Cyrillic "о", and no wording matched. They read as the Latin letter.
_HOMOGLYPHS = str.maketrans(
    "аеорсухіјѕԁӏАВЕКМНОРСТХУІЈЅοΟ",
    "aeopcyxijsdlABEKMHOPCTXYIJSoO",
)
# Everything students put before a title: "1.2", "I.", "I /", "1/", "1°", "§ 2", "A)", "Partie 2 :",
# "PREMIÈRE PARTIE -", "2ème partie :", "Chapitre 1 -" (or "Chapitre2 :"), and bullets ("➢", "•").
ORDINAL = r"(?:premiere|deuxieme|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme|seconde|derniere|[0-9]+\s*(?:ere|eme|er|nd|e|re))"
# A roman number as students number parts (I to XXXIX): a lone "C" or "L" is a lettered
# section ("C- L'entreprise aujourd'hui" after "B-"), never part 100 or 50.
ROMAN = r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})"
_NUMBERING = re.compile(
    rf"""^\s*(?:
        [•●▪■➢➤►▸◆❖✓→*·\u2190-\u21ff\u25a0-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff\ufe0f\u200d\u20e3]+\s*
      | §\s*[0-9]+\s*[.:)\-–—]?\s*
      | fiche\s+(?:n°\s*)?[0-9]+\s*[-–—:.)/]?\s*  # a school's template: "Fiche 2 : ..."
      | {ORDINAL}\s+(?:partie|part)\b\s*[-–—:.)/]?\s*
      | (?:partie|chapitre|chap\.?|section|part|chapter)(?:\s+|(?=[0-9]))
            (?:[0-9]+|[ivxlc]+|[a-z])\b\s*[-–—:.)/]?\s*
      | (?:[0-9]+|[ivxlc]+|[a-h])(?:\.(?:[0-9]+|[a-h]))*\.[a-h]\.?\s+  # "I.B Mes projets", "2.A ", "A.A "
      | (?:[0-9]+(?:\.[0-9]+)*|[ivxlc]+|[a-h])\s*[.)\-–—:/°]\s*(?:[0-9]+\s*[.)]\s*)*
      | [0-9]+(?:\.[0-9]+)+\s+
      | [0-9]+\s+(?=[a-z])
      | (?:x{{0,3}}(?:ix|iv|v?i{{1,3}})|x{{1,3}}|v)\s+(?=[a-z]{{3}}|(?:[cdjlmnst]|qu)')  # LaTeX: "I Présentation", "II L'entreprise"
    )""",
    re.X,
)
# Ligatures of the fonts students use (Calibri adds "ti", "tt", "ft"); "st" and "ct" ones are rare
# enough in body fonts to leave out, and every alternative makes the patterns slower to compile.
_LIGATURES = ("ffi", "ffl", "ff", "fi", "fl", "ft", "tt", "ti")
# At each place the first ligature of the list that stands there, as a loop over them would take.
_LIGATURE_SEARCH = re.compile("|".join(_LIGATURES))
# What a keyword's other letters become: a space any run of spaces, an apostrophe optional and
# followed by any spaces, what regexes reserve escaped (as re.escape does), the rest as it is.
_KEYWORD_LETTERS = {
    **{ord(c): re.escape(c) for c in "()[]{}?*+-|^$\\.&~#\t\n\r\v\f"},
    ord(" "): r"\s+",
    ord("'"): "'?\\s*",
}


_COMBINING = re.compile(r"[\u0300-\u036f]")
# Zero-width characters and soft hyphens stand where nothing is: Google Docs writes a
# zero-width space after list numbers ("II.\u200bOptimisation"), and a title that kept it
# matched no wording. Old LaTeX fonts (OT1) set an accent as a glyph of its own beside its
# letter ("Pr´esentation"): folded text drops it as it drops the accent of "é".
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\u00a8\u00b8\u02c6\u02c7\u02d8-\u02dd]")
# "´" is an apostrophe after an elided word ("l´entreprise", "jusqu´à") and an accent glyph
# inside a word ("Pr´esentation"): after two letters that are not "qu", after a word's first
# letter that no elision ends on ("R´ef´erences"), or opening a word ("´evolutions"), before
# a letter. The grave accent is set the same way ("financi`eres", "`a").
_ACCENT_GLYPH = re.compile(
    r"(?:(?<=[^\W\d_]{2})(?<![qQ][uU])|(?<=(?<![^\W\d_])[^\W\d_ldjmnstcLDJMNSTC])|(?<![^\W\d_]))"
    r"[´`](?=[^\W\d_])"
)
# The same glyph with the letter it sits on, and the circumflex ("Fenˆetre"), for display.
_GLYPH_ON_LETTER = re.compile(
    _ACCENT_GLYPH.pattern.removesuffix(r"[´`](?=[^\W\d_])") + r"([´`])([^\W\d_])"
    r"|(ˆ)([aeiouAEIOU])"
)
_COMBINING_ACCENT = {"´": "\u0301", "`": "\u0300", "ˆ": "\u0302"}
# A soft hyphen ending a line (the loader's mark of a word LaTeX broke there) and the blanks
# after it: the word is one again ("configu\u00ad ré" -> "configuré").
_WORD_BREAK = re.compile(r"\u00ad\s+")
# Private-use glyphs and replacement characters stand where a ligature glyph was lost.
_JUNK = re.compile(r"[\ue000-\uf8ff\ufffd\ufffe]")
_WORD = re.compile(r"\S+")


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower case, no accents, compatibility forms expanded (ﬁ -> fi), spaces collapsed."""
    if not text.isascii() or "`" in text:
        if "´" in text or "`" in text:  # (the pattern's lookbehinds cost half of the fold)
            text = _ACCENT_GLYPH.sub("", text)
        text = text.translate(_HOMOGLYPHS)
        for old, new in _APOSTROPHES:
            text = text.replace(old, new)
        text = _ZERO_WIDTH.sub("", _WORD_BREAK.sub("", text))
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", _JUNK.sub(" ", text)))
    return " ".join(text.lower().split())


def composed(text: str) -> str:
    """``text`` with the accent glyphs of old LaTeX fonts set on their letters, to be shown
    as the student wrote it: "R´ealisation" -> "Réalisation", "Fenˆetre" -> "Fenêtre";
    "l´entreprise" keeps its apostrophe; a word LaTeX broke at a line's end is one again."""
    if "\u00ad" in text:
        text = _WORD_BREAK.sub("", text)
    if "´" not in text and "`" not in text and "ˆ" not in text:
        return text

    def put(found: re.Match[str]) -> str:
        accent, letter = (found.group(1), found.group(2)) if found.group(1) else found.group(3, 4)
        return unicodedata.normalize("NFC", letter + _COMBINING_ACCENT[accent])

    return _GLYPH_ON_LETTER.sub(put, text)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """:func:`fold`'s form of a text, with, for each of its characters, the index of the
    original character it comes from: what matched in the folded text can then be quoted as
    the student wrote it ("fondée en 2019", not "fondee en 2019"). Every part's text goes
    through it: most texts take :func:`_fold_with_map_at_once`; the others are folded a word
    at a time, an ASCII word lowered and mapped in one step, and the other words, which repeat
    ("présentation", "société"), folded once each."""
    at_once = _fold_with_map_at_once(text)
    if at_once is not None:
        return at_once
    out: list[str] = []
    origin: list[int] = []
    ends_with_space = True  # nothing yet: no space goes first
    previous_end = 0
    broken = False  # the word before ended on a soft hyphen: this one goes on with it
    for match in _WORD.finditer(text):
        start, end = match.span()
        if not ends_with_space and not broken:  # the spaces before the word, as one, at the first
            out.append(" ")
            origin.append(previous_end)
            ends_with_space = True
        previous_end = end
        word = match.group()
        broken = word.endswith("\u00ad")
        if word.isascii() and "`" not in word:
            out.append(word.lower())
            origin.extend(range(start, end))
            ends_with_space = False
            continue
        folded, offsets = _fold_word(word)
        if folded:
            out.append(folded)
            origin.extend([start + offset for offset in offsets])
            ends_with_space = folded.endswith(" ")
    result = "".join(out)
    kept = len(result.rstrip(" "))
    return result[:kept], origin[:kept]


# Bytes of ASCII text: 0 for the whitespace str.split() splits on, 1 for anything else.
_KEPT_BYTE = bytes(0 if chr(code).isspace() else 1 for code in range(256))
# The other characters it splits on (str.isspace beyond ASCII; a test checks the list).
_WHITESPACE = (0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)


def _fold_with_map_at_once(text: str) -> tuple[str, list[int]] | None:
    """:func:`fold_with_map` computed a whole text at a time, in C, where every character
    folds on its own (most do: "é" is "e", "…" is "...", a zero-width space is nothing, a lost
    glyph is a blank): the characters are replaced, the blanks collapsed to one, and each kept
    character points back to the character it comes from; the space between two words points
    to the first blank after the first word, as a word at a time does. None for a text with an
    accent set as a glyph of its own ("Pr´esentation"), which depends on its neighbours, or a
    character folding to something with a blank inside, which a word at a time keeps as is."""
    if "`" in text or "´" in text or ("\u00ad" in text and _WORD_BREAK.search(text)):
        return None
    table: dict[int, str] = {}
    if not text.isascii():
        table = dict.fromkeys(_WHITESPACE, " ")
        for char in set(text):
            if not char.isascii() and not char.isspace():
                folded = _fold_char(char)
                if folded is None:
                    return None
                table[ord(char)] = folded
    lowered = _replaced(text, table).lower()
    folded = " ".join(lowered.split())
    if not folded:
        return "", []
    # Where a character became more or fewer than one, the index of each character of
    # ``lowered`` in ``text``.
    uneven = sorted(
        (position, len(table[ord(char)]))
        for char in {chr(code) for code, value in table.items() if len(value) != 1}
        for position in _positions(text, char)
    )
    sources: Iterable[int] = range(len(text))
    if uneven:
        pieces: list[Iterable[int]] = []
        previous = 0
        for position, size in uneven:
            pieces += [range(previous, position), repeat(position, size)]
            previous = position + 1
        pieces.append(range(previous, len(text)))
        sources = list(chain.from_iterable(pieces))
    # Non-blank characters, and the first blank after each: as flags, one byte per character.
    kept = lowered.encode("latin-1", "replace").translate(_KEPT_BYTE)
    size = len(kept)
    flags = int.from_bytes(kept, "big")
    first_blanks = (flags >> 8) & ~flags & int.from_bytes(b"\x01" * size, "big")
    keep = (flags | first_blanks).to_bytes(size, "big")
    origin = list(compress(sources, keep))[: len(folded)]
    return folded, origin


def _replaced(text: str, table: dict[int, str]) -> str:
    """``text.translate(table)``, a character at a time with str.replace where that is the
    same (no replacement holds a character that is replaced): a few calls in C, where
    translate looks every character of the text up in the table (15 times slower)."""
    changed = {chr(code): value for code, value in table.items() if value != chr(code)}
    if any(piece in changed for value in changed.values() for piece in value):
        return text.translate(table)
    for char, value in changed.items():
        if char in text:
            text = text.replace(char, value)
    return text


def _positions(text: str, char: str) -> Iterator[int]:
    position = text.find(char)
    while position >= 0:
        yield position
        position = text.find(char, position + 1)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str | None:
    """What :func:`_fold_word` makes of a character other than ASCII and blanks (not an accent
    glyph: see :func:`_fold_with_map_at_once`), None when it has a blank inside."""
    if _ZERO_WIDTH.match(char):
        return ""
    if _JUNK.match(char):
        return " "
    folded = _APOSTROPHE_OF.get(char, char).translate(_HOMOGLYPHS)
    if not folded.isascii():
        folded = _COMBINING.sub("", unicodedata.normalize("NFKD", folded))
    folded = folded.lower()
    return None if any(piece.isspace() for piece in folded) else folded


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> tuple[str, tuple[int, ...]]:
    """A word with other than ASCII characters folded letter by letter, with each folded
    character's offset in the word: accents and zero-width characters dropped, an accent set
    as a glyph of its own ("Pr´esentation") too, a lost ligature glyph made a space."""
    glyphs = "´" in word or "`" in word
    accents = {m.start() for m in _ACCENT_GLYPH.finditer(word)} if glyphs else ()
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(word):
        if index in accents:
            continue
        if char.isascii():
            out.append(char.lower())
            origin.append(index)
            continue
        if _ZERO_WIDTH.match(char):
            continue
        if _JUNK.match(char):
            if out and out[-1] != " ":
                out.append(" ")
                origin.append(index)
            continue
        char = _APOSTROPHE_OF.get(char, char).translate(_HOMOGLYPHS)
        if not char.isascii():
            char = _COMBINING.sub("", unicodedata.normalize("NFKD", char))
        for piece in char.lower():
            out.append(piece)
            origin.append(index)
    return "".join(out), tuple(origin)


def strip_numbering(folded: str) -> str:
    """Removes a leading section number or "Partie 2 :"-like prefix (text already folded)."""
    previous = None
    while previous != folded:
        previous = folded
        folded = _NUMBERING.sub("", folded, count=1).strip()
    return folded.strip(" .:-–—")


@lru_cache(maxsize=16384)
def heading_key(text: str) -> str:
    """The form headings are compared in."""
    folded = fold(_without_letter_spacing(text))
    if " '" in folded:
        folded = _ELIDED_APART.sub(r"\1'", folded)
    return strip_numbering(folded)


# "I- L ’établissement": justified text exported with a space before the apostrophe of an
# elision (LibreOffice, Word); the title still reads "L'établissement".
_ELIDED_APART = re.compile(r"\b([cdjlmnst]|qu) '(?=\w)")


_LETTER_SPACED = re.compile(r"(?:\w )+\w")
# The number before a letter-spaced title ("6. C O N C L U S I O N", "II - A N N E X E S").
_SPACED_TITLE_NUMBER = re.compile(r"^(?:[0-9]+\s*[.)\-–—:]?|[IVX]+\s*[.)\-–—:])\s+")


def _without_letter_spacing(text: str) -> str:
    """ "A N N E X E" (a title set with spaces between its letters, as Canva and WordArt
    do) is "ANNEXE"; words stand two spaces or more apart ("M E S  M I S S I O N S"). A
    number before it stays ("6. CONCLUSION")."""
    stripped = text.strip()
    number = _SPACED_TITLE_NUMBER.match(stripped)
    title = stripped[number.end() :] if number else stripped
    if len(title) < 3 or title[1] != " ":  # (most titles: no need for the patterns)
        return text
    words = re.split(r"\s{2,}", title)
    if sum(len(w) for w in words) < 7 or not all(_LETTER_SPACED.fullmatch(w) for w in words):
        return text
    return (number.group(0) if number else "") + " ".join(w.replace(" ", "") for w in words)


@lru_cache(maxsize=16384)
def numbering_depth(text: str) -> int | None:
    """1 for "1." or "I." or "Partie 2", 2 for "1.2", "A." or "A- ", 3 for "1.2.3"; None if
    unnumbered."""
    folded = fold(text)
    if re.match(
        rf"^(?:(?:partie|part|chapitre|chapter)(?:\s+\S+|[0-9])|{ORDINAL}\s+partie\b|§)", folded
    ):
        return 1
    dotted = re.match(r"^([0-9]+(?:\.[0-9]+)*)\.?\s*[)\-–—:/°]?\s*(?<=[\s)\-–—:/°.])\S", folded)
    if dotted:
        return dotted.group(1).count(".") + 1
    if re.match(rf"^{ROMAN}\s*[.)\-–—/]\s*\S", folded):
        return 1
    if re.match(r"^[a-h]\s*[.)]\s*\S", folded):
        return 2
    # "A- Présentation", "B – Le secteur": a capital and a dash with a space after it (an
    # "E-commerce" or "A-propos" title has none).
    if re.match(r"^[A-H]\s*[\-–—/]\s+\S", text.strip()):
        return 2
    return None


def keyword_pattern(phrase: str) -> str:
    """A regex for a folded phrase that tolerates lost ligatures ("effectue" ~ "eectue", "e ectue").

    Built from the ligatures found by one search and the text between them translated in one
    call: the analysis makes about 1,200 of these when it is imported, on a check's critical
    path (a loop over each letter trying each ligature took 10 ms there)."""
    out: list[str] = []
    start = 0
    for ligature in _LIGATURE_SEARCH.finditer(phrase):
        out.append(phrase[start : ligature.start()].translate(_KEYWORD_LETTERS))
        out.append(f"(?:{ligature.group()}| ?)")
        start = ligature.end()
    out.append(phrase[start:].translate(_KEYWORD_LETTERS))
    return "".join(out)
