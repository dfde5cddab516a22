"""How the code is put together: the rule catalogue is an explicit list."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rapportlint.rules import annexes, base, catalogue, dossier, inputs, report
from rapportlint.rules.registry import RULES, all_rules


def test_the_catalogue_lists_every_rule_once_from_its_module() -> None:
    listed = [rule_id for _module, ids in catalogue.CATALOGUE for rule_id in ids]
    assert len(listed) == len(set(listed)) == len(RULES) == len(base.DEFINED)
    assert [rule.id for rule in all_rules()] == sorted(listed)
    assert {module for module, _ in catalogue.CATALOGUE} == {inputs, report, annexes, dossier}
    for module, ids in catalogue.CATALOGUE:
        for rule_id in ids:
            check = RULES[rule_id].check
            assert check is None or check.__module__ == module.__name__


def test_a_rule_left_out_of_the_catalogue_stops_the_tool(monkeypatch) -> None:
    extra = replace(base.DEFINED["RL206"], id="RL999", name="oubliee")
    monkeypatch.setitem(base.DEFINED, "RL999", extra)
    with pytest.raises(LookupError, match="RL999"):
        catalogue.rules()


def test_a_rule_listed_under_the_wrong_module_stops_the_tool(monkeypatch) -> None:
    wrong = ((inputs, ("RL001", "RL002", "RL004", "RL601", "RL003", "RL101")),)
    rest = tuple(
        (module, tuple(i for i in ids if i != "RL101")) for module, ids in catalogue.CATALOGUE[1:]
    )
    monkeypatch.setattr(catalogue, "CATALOGUE", wrong + rest)
    with pytest.raises(LookupError, match="RL101"):
        catalogue.rules()
