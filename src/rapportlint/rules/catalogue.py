"""The rule catalogue: which rule modules the tool runs, and the rules each one defines.

An explicit list rather than whatever happens to be imported: a rule module only defines its
rules (:mod:`rapportlint.rules.base`), this list says what runs, and the registry reads it. A
module or a rule missing here, or defined and not listed, stops the tool at import time (every
test sees it), so the list cannot drift from the code.
"""

from __future__ import annotations

from types import ModuleType

from rapportlint.rules import annexes, dossier, inputs, report
from rapportlint.rules.base import DEFINED, Rule

CATALOGUE: tuple[tuple[ModuleType, tuple[str, ...]], ...] = (
    (inputs, ("RL001", "RL002", "RL004", "RL601", "RL003")),
    (
        report,
        ("RL101", "RL201", "RL202", "RL203", "RL204", "RL205", "RL206", "RL207", "RL401", "RL402"),
    ),
    (annexes, ("RL301", "RL302", "RL303", "RL304", "RL305", "RL306", "RL307", "RL308")),
    (dossier, ("RL501", "RL502", "RL503")),
)


def rules() -> list[Rule]:
    """The listed rules, each checked to be defined by the module the list names."""
    listed: list[Rule] = []
    for module, ids in CATALOGUE:
        for rule_id in ids:
            rule = DEFINED.get(rule_id)
            if rule is None:
                raise LookupError(f"{rule_id} is listed but no rule module defines it")
            if rule.check is not None and rule.check.__module__ != module.__name__:
                raise LookupError(f"{rule_id} is defined in {rule.check.__module__}, not here")
            listed.append(rule)
    unlisted = sorted(set(DEFINED) - {rule.id for rule in listed})
    if unlisted:
        raise LookupError(f"rules defined but not in the catalogue: {', '.join(unlisted)}")
    return listed
