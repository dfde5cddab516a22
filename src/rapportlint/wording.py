"""How numbers, counts, pages and names read in French and in English.

Every human output goes through these few functions, so that a teacher never reads "1 erreur(s)",
"4.6 semaines", "p. 13-13" or a language code: agreement (French counts 0 and 1 as singular),
the decimal comma, one-page ranges, names instead of codes, one clean line instead of a paragraph.

Rule messages use the same rules through :func:`fill`, a ``str.format`` whose format spec may
choose a word by the number: ``{count:page|pages}`` gives "1 page" or "3 pages", and
``{count:~est|sont}`` gives only the word ("est" or "sont"), for the verb that agrees with it.
"""

from __future__ import annotations

import re
import string
from typing import Any

ELLIPSIS = "…"
_SPACES = re.compile(r"[ \t\r\n\f\v]+")

LANGUAGES: dict[str, dict[str, str]] = {
    "fr": {"fr": "français", "en": "French"},
    "en": {"fr": "anglais", "en": "English"},
    "es": {"fr": "espagnol", "en": "Spanish"},
    "de": {"fr": "allemand", "en": "German"},
    "it": {"fr": "italien", "en": "Italian"},
    "und": {"fr": "indéterminée", "en": "undetermined"},
}

KINDS: dict[str, dict[str, str]] = {
    "technique": {"fr": "document technique", "en": "technical document"},
    "presse": {"fr": "article de presse", "en": "press article"},
    "inconnu": {"fr": "type indéterminé", "en": "unknown kind"},
    "autre": {"fr": "autre annexe", "en": "other annex"},
}

COUNTED = {
    "error": {"fr": ("erreur", "erreurs"), "en": ("error", "errors")},
    "warning": {"fr": ("avertissement", "avertissements"), "en": ("warning", "warnings")},
    "info": {"fr": ("info", "infos"), "en": ("info", "infos")},
}


def is_singular(value: float, lang: str) -> bool:
    """French puts 0, 1 and 1,5 in the singular ("0 erreur", "1,5 semaine"); English only 1."""
    return abs(value) < 2 if lang == "fr" else value == 1


def number(value: float | int, lang: str) -> str:
    """``7.7`` -> "7,7" in French; whole numbers without decimals ("8", not "8.0")."""
    if isinstance(value, bool):
        return str(value)
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "fr" else text


def percent(share: float, lang: str) -> str:
    """A share of 0-1 as a percentage: "34 %" in French (with its space), "34%" in English."""
    value = round(100 * share)
    return f"{value}\u00a0%" if lang == "fr" else f"{value}%"


def count(value: float | int, singular: str, plural: str, lang: str) -> str:
    """ "1 erreur", "2 erreurs", "0 erreur" (French), "0 errors" (English)."""
    return f"{number(value, lang)} {singular if is_singular(value, lang) else plural}"


def count_of(value: int, key: str, lang: str) -> str:
    """ "1 erreur", "2 avertissements": ``key`` is "error", "warning" or "info"."""
    return count(value, *COUNTED[key][lang], lang)


def summary(errors: int, warnings: int, infos: int, lang: str) -> str:
    """ "1 erreur, 2 avertissements, 0 info"."""
    return ", ".join(
        count(value, *COUNTED[key][lang], lang)
        for key, value in (("error", errors), ("warning", warnings), ("info", infos))
    )


def pages(first: int | None, last: int | None = None) -> str:
    """ "p. 13" for one page, "p. 13-15" for a range; "" when there is no page."""
    if first is None:
        return ""
    if last is None or last == first:
        return f"p. {first}"
    return f"p. {first}-{last}"


def page_list(numbers: list[int]) -> str:
    """ "p. 18", "p. 18-19" for consecutive pages, "p. 3, 7" otherwise."""
    if not numbers:
        return ""
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return pages(numbers[0], numbers[-1])
    return "p. " + ", ".join(map(str, numbers))


def language(code: str | None, lang: str) -> str:
    """The language's name ("anglais", "indéterminée"), never its code."""
    if not code:
        return LANGUAGES["und"][lang]
    return LANGUAGES.get(code, {"fr": code, "en": code})[lang]


def kind(code: str | None, lang: str) -> str:
    """ "document technique", "article de presse", "type indéterminé"."""
    return KINDS.get(code or "inconnu", KINDS["inconnu"])[lang]


def cut(text: str | None, width: int) -> str:
    """One line of at most ``width`` characters, cut at a word boundary with "…"."""
    line = _SPACES.sub(" ", str(text or "")).strip(" ")  # no-break spaces stay unbroken
    if len(line) <= width:
        return line
    head = line[: width - 1]
    space = head.rfind(" ")
    if space >= width // 2:  # a word boundary not too far back; else cut inside the long word
        head = head[:space]
    return head.rstrip(" ,;:.-–—·/") + ELLIPSIS


def heading(title: str | None, width: int) -> str:
    """A part's title as one line: its first line only (the analysis may hand a whole
    paragraph when a heading runs into its text), cut cleanly."""
    for line in str(title or "").splitlines():
        if line.strip():
            return cut(line, width)
    return ""


def _as_number(value: Any) -> float | int | None:
    """``value`` as a number if it is one (or a numeric string such as "4.6"), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    try:
        amount = float(str(value).replace(",", "."))
    except ValueError:
        return None
    return int(amount) if amount.is_integer() else amount


class _Formatter(string.Formatter):
    """``str.format`` with agreement: see the module docstring."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            only_word = format_spec.startswith("~")
            singular, _, plural = format_spec.lstrip("~").partition("|")
            amount = _as_number(value)
            if amount is None:  # not a number after all: the text as given, the plural word
                return plural if only_word else f"{value} {plural}"
            word = singular if is_singular(amount, self.lang) else plural
            return word if only_word else f"{number(amount, self.lang)} {word}"
        if not format_spec and isinstance(value, float):
            return number(value, self.lang)
        return super().format_field(value, format_spec)


def fill(template: str, values: dict[str, Any], lang: str) -> str:
    """``template.format(**values)``, with agreement and the decimal comma of ``lang``."""
    return _Formatter(lang).vformat(template, (), values)


def annex_kind_list(items: list[tuple[int, str, float | None]]) -> dict[str, str]:
    """The kinds of the annexes, for a message in both languages: "annexe 1 : document
    technique (confiance 94 %) ; annexe 2 : type indéterminé". ``items``: (index, kind code,
    confidence, or None when the kind was declared by the student)."""
    if not items:
        return {"fr": "aucune annexe en anglais", "en": "no English annex"}
    parts: dict[str, list[str]] = {"fr": [], "en": []}
    for index, code, confidence in items:
        share = None if confidence is None or code == "inconnu" else round(100 * confidence)
        parts["fr"].append(
            f"annexe {index} : {kind(code, 'fr')}"
            + ("" if share is None else f" (confiance {share} %)")
        )
        parts["en"].append(
            f"annex {index}: {kind(code, 'en')}"
            + ("" if share is None else f" (confidence {share}%)")
        )
    return {"fr": " ; ".join(parts["fr"]), "en": "; ".join(parts["en"])}
