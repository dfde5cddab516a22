"""The rule catalogue: which rule modules the tool runs, and the rules each one defines.

An explicit list rather than whatever happens to be imported: a rule module only defines its
rules (:mod:`rapportlint.rules.base`), this list says what runs, and the registry reads it. A
module or a rule missing here, or defined and not listed, stops the tool at import time (every
test sees it), so the list cannot drift from the code.
"""

from __future__ import annotations

from importlib import import_module

from rapportlint.rules.base import DEFINED, Rule

# The rule modules and the ids of the rules each defines, by name: the ids are known (to check a
# configuration's [severity] and ignore) without importing the rules, and the analysis with them.
CATALOGUE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rapportlint.rules.inputs", ("RL001", "RL002", "RL004", "RL601", "RL003")),
    (
        "rapportlint.rules.report",
        ("RL101", "RL201", "RL202", "RL203", "RL204", "RL205", "RL206", "RL207", "RL401", "RL402"),
    ),
    (
        "rapportlint.rules.annexes",
        ("RL301", "RL302", "RL303", "RL304", "RL305", "RL306", "RL307", "RL308", "RL309"),
    ),
    ("rapportlint.rules.dossier", ("RL501", "RL502", "RL503")),
)


def rule_ids() -> set[str]:
    """Every rule id, without importing a rule module."""
    return {rule_id for _module, ids in CATALOGUE for rule_id in ids}


def rules() -> list[Rule]:
    """The listed rules, each checked to be defined by the module the list names."""
    # Imported here, as written (the import graph that `make lint` checks sees these lines).
    from rapportlint.rules import annexes, dossier, inputs, report  # noqa: F401

    listed: list[Rule] = []
    for name, ids in CATALOGUE:
        import_module(name)
        for rule_id in ids:
            rule = DEFINED.get(rule_id)
            if rule is None:
                raise LookupError(f"{rule_id} is listed but no rule module defines it")
            if rule.check is not None and rule.check.__module__ != name:
                raise LookupError(f"{rule_id} is defined in {rule.check.__module__}, not here")
            listed.append(rule)
    unlisted = sorted(set(DEFINED) - {rule.id for rule in listed})
    if unlisted:
        raise LookupError(f"rules defined but not in the catalogue: {', '.join(unlisted)}")
    return listed
