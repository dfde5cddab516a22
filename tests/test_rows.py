"""The class table's row model: a row keeps its contract object packed, and reads like it."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import checked
from rapportlint.render.json_report import to_dict
from rapportlint.render.rows import Packed, Row


def test_a_packed_contract_object_reads_and_writes_as_the_original() -> None:
    data = to_dict(checked("conforme-word"), "fr")
    row = Row(path=Path("lea.pdf"), relative="lea.pdf", student=None, result=data)
    assert isinstance(row.result, Packed)
    assert row.result.json() == json.dumps(data, ensure_ascii=False)  # the JSON line, unchanged
    assert dict(row.result) == json.loads(json.dumps(data))
    assert row.verdict == data["verdict"] and row.count("warnings") == data["summary"]["warnings"]
    assert row.sections == [s["key"] for s in data["sections"]]
    assert row.result.get("cover") == data.get("cover") and row.result.get("absent") is None
    # What a class of 10,000 holds per row: a small fraction of the object's JSON text.
    assert len(row.result._data) < len(row.result.json()) / 2
    other = Row(
        path=Path("b.pdf"), relative="b.pdf", student=None, result=to_dict(checked("scanne"))
    )
    assert row.result["file"]["path"] != other.result["file"]["path"]  # one decoded at a time
    assert row.result == Packed(data) and row.result != other.result
