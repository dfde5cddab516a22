"""Font names as PDFs carry them, reduced to the family a report's styles share.

A subset tag ("ABCDEF+"), a style after a hyphen or comma ("-Bold", ",Italic"), Adobe's "PS" and
"MT" and TeX's design size are no part of the family: "ABCDEF+Calibri-Bold" and "Calibri" are
one font in two cuts. The model reads it (which lines a lost weight set in bold) and so does the
analysis (which font the body is set in).
"""

from __future__ import annotations

import re

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_FONT_STYLE = re.compile(r"[-,].*$")  # "-Bold", ",Italic"
_FONT_SUFFIX = re.compile(r"(?:PS)?(?:MT)?[0-9]*$")  # Adobe's "PSMT", TeX's design size


def font_family(name: str) -> str:
    """ "ABCDEF+Calibri-Bold" -> "calibri", "TimesNewRomanPS-ItalicMT" -> "timesnewroman",
    "CMR12" -> "cmr"; "Calibri Light" stays itself: Word's heading font, not its body's."""
    family = _FONT_SUFFIX.sub("", _FONT_STYLE.sub("", _SUBSET.sub("", name)))
    return family.replace(" ", "").lower()
