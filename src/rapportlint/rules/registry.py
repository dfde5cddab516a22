"""The rules the tool runs, by id, read from the explicit list of
:mod:`rapportlint.rules.catalogue`.

The registry imports the catalogue, the catalogue imports the rule modules, and the rule modules
import only :mod:`rapportlint.rules.base`: imports go one way (``make lint`` checks it).
"""

from __future__ import annotations

from rapportlint.rules.base import LANGUAGE_NAMES, Hit, Rule, Text
from rapportlint.rules.catalogue import rules

__all__ = ["LANGUAGE_NAMES", "RULES", "Hit", "Rule", "Text", "all_rules"]

RULES: dict[str, Rule] = {rule.id: rule for rule in rules()}


def all_rules() -> list[Rule]:
    """Every rule, in id order."""
    return [RULES[key] for key in sorted(RULES)]
