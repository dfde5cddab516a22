"""What a rule is made of: data (id, name, severity, texts) plus one small function.

As in ruff or flake8, ids are stable and never reused; names are kebab-case French. A rule's
function reads a :class:`~rapportlint.rules.context.Context` (the analysis and the settings) and
yields :class:`Hit` objects; the engine turns hits into findings in the user's language. Rules
never open files.

The rule modules import this module and nothing imports them back but
:mod:`rapportlint.rules.catalogue`, the explicit list that :mod:`rapportlint.rules.registry`
reads: defining a rule here only records it, the catalogue decides what the tool runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rapportlint.findings import Severity
from rapportlint.wording import LANGUAGES

Text = dict[str, str]  # {"fr": ..., "en": ...}

# Names of the languages langdetect is loaded with (and "und"), for messages: one table with the
# renderers'.
LANGUAGE_NAMES: dict[str, Text] = LANGUAGES


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule firing at one place; ``values`` fill the message templates.

    A value may itself be a ``{"fr": ..., "en": ...}`` dict, resolved in the output language.
    """

    page: int | None
    values: dict[str, Any] = field(default_factory=dict)
    severity: Severity | None = None  # for rules whose severity depends on the case
    variant: str | None = None  # which of the rule's case texts to use (see Rule.variants)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    severity: Severity
    summary: Text
    message: Text
    expected: Text
    found: Text
    fix: Text
    check: Callable[[Any], Iterable[Hit]] | None = None  # None: raised by the engine itself
    family: str = "rapport"
    # Texts for the cases a rule tells apart (a part missing, or there under an unusual
    # title): variant name -> the fields ("message", "expected", "found", "fix") it replaces.
    variants: dict[str, dict[str, Text]] = field(default_factory=dict)

    def texts(self, variant: str | None) -> dict[str, Text]:
        """message, expected, found and fix for one case of the rule."""
        base = {
            "message": self.message,
            "expected": self.expected,
            "found": self.found,
            "fix": self.fix,
        }
        return {**base, **self.variants.get(variant or "", {})}


# Every rule defined so far, by id, in the order the rule modules were imported.
DEFINED: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Records a rule defined as data (one the engine raises itself, without a function)."""
    if rule.id in DEFINED:
        raise ValueError(f"duplicate rule id {rule.id}")
    DEFINED[rule.id] = rule
    return rule


def rule(
    id: str,
    name: str,
    severity: Severity,
    *,
    summary: Text,
    message: Text,
    expected: Text,
    found: Text,
    fix: Text,
    family: str = "rapport",
    variants: dict[str, dict[str, Text]] | None = None,
) -> Callable[[Callable[[Any], Iterable[Hit]]], Callable[[Any], Iterable[Hit]]]:
    """Decorator: records the function as the check of a rule with these texts."""

    def decorate(check: Callable[[Any], Iterable[Hit]]) -> Callable[[Any], Iterable[Hit]]:
        register(
            Rule(
                id,
                name,
                severity,
                summary,
                message,
                expected,
                found,
                fix,
                check,
                family,
                variants or {},
            )
        )
        return check

    return decorate
