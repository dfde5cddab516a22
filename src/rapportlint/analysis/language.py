"""Language of a text: langdetect, seeded, loaded with only the profiles this tool needs.

Loading langdetect's 55 profiles costs about 0.8 s; five cost a few hundredths. The factory is
seeded so the same text always gets the same answer. A quick stop-word count serves the layout
analysis, which needs a language hint for every page and cannot afford langdetect on each.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

UNDETERMINED = "und"
PROFILES = ("fr", "en", "es", "de", "it")
MIN_LETTERS = 120  # below this, a page says too little to have a language
MAX_TEXT = 1000  # langdetect reads n-grams one character at a time; 1,000 letters settle fr/en

_WORD = re.compile(r"[a-zà-ÿœæ']+", re.I)
_FRENCH = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "du",
        "de",
        "un",
        "une",
        "et",
        "est",
        "sont",
        "dans",
        "pour",
        "par",
        "sur",
        "avec",
        "au",
        "aux",
        "ce",
        "cette",
        "ces",
        "qui",
        "que",
        "nous",
        "vous",
        "il",
        "elle",
        "ils",
        "elles",
        "pas",
        "plus",
        "ont",
        "été",
        "être",
        "leur",
        "leurs",
        "mais",
        "ou",
        "où",
        "son",
        "sa",
        "ses",
        "mon",
        "ma",
        "mes",
        "notre",
        "nos",
        "je",
        "j'",
        "l'",
        "d'",
        "qu'",
        "c'",
        "n'",
        "s'",
        "à",
    ]
)
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "is",
        "are",
        "was",
        "were",
        "for",
        "with",
        "on",
        "by",
        "this",
        "that",
        "these",
        "those",
        "from",
        "it",
        "its",
        "be",
        "been",
        "has",
        "have",
        "had",
        "not",
        "or",
        "which",
        "an",
        "at",
        "as",
        "can",
        "will",
        "would",
        "should",
        "may",
        "we",
        "you",
        "they",
        "their",
        "our",
    ]
)


@lru_cache(maxsize=1)
def _factory():
    from langdetect.detector_factory import DetectorFactory
    from langdetect.utils.lang_profile import LangProfile

    factory = DetectorFactory()
    factory.seed = 0
    folder = resources.files("langdetect") / "profiles"
    for index, code in enumerate(PROFILES):
        data = json.loads((folder / code).read_text(encoding="utf-8"))
        profile = LangProfile(**data)
        factory.add_profile(profile, index, len(PROFILES))
    return factory


def detect(text: str) -> tuple[str, float]:
    """(ISO code or "und", probability). Too little text, or a failure, is "und", never an error."""
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LETTERS or not reads_as_words(text):
        return UNDETERMINED, 0.0
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.set_max_text_length(MAX_TEXT)
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return UNDETERMINED, 0.0
    return best.lang, round(best.prob, 3)


_TOKEN_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_WORD_SHARE = 0.3  # of the text's tokens: below, glyph codes, not words


def reads_as_words(text: str) -> bool:
    """At least a third of the tokens hold a word of two letters or more (code and tables
    do; glyph codes do not). A font without a Unicode table gives
    its glyph codes as the text ("3 ! \" ' % ! 3 & 3 %"): langdetect calls that English with
    full confidence; it is no language at all."""
    tokens = text.split()
    if not tokens:
        return False
    return sum(1 for token in tokens if _TOKEN_WORD.search(token)) >= MIN_WORD_SHARE * len(tokens)


def quick_language(text: str) -> str:
    """ "fr", "en" or "und" from function words: cheap enough for every page of a report."""
    french = english = 0
    for word in _WORD.findall(text.lower()):
        if word in _FRENCH or word[:2] in ("l'", "d'", "j'"):
            french += 1
        elif word in _ENGLISH:
            english += 1
    if french + english < 8:
        return UNDETERMINED
    if english >= 2 * french:
        return "en"
    if french >= 2 * english:
        return "fr"
    return UNDETERMINED
