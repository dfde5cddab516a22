"""An error whose message exists in French and in English, so that ``--lang en`` is English
all through; ``str()`` is the French text (logs, and callers that know no language)."""

from __future__ import annotations


class Bilingual(Exception):
    def __init__(self, fr: str, en: str | None = None) -> None:
        super().__init__(fr)
        self.texts = {"fr": fr, "en": en if en is not None else fr}

    def text(self, lang: str) -> str:
        return self.texts.get(lang, self.texts["fr"])
