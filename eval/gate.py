"""Accuracy gate (``make eval``): the development corpus and the real reports, against floors.

Runs ``../shared/devcorpus/score.py`` (generated reports with their truth) and, where the real
reports have been fetched into ``.realdev/`` (see ``../shared/realdev/README.md``; other
people's files, never committed), ``../shared/realdev/score.py``. Each figure must stay at or
above its floor in ``FLOORS``: the floors sit just under what the analysis reaches, so an
accuracy regression fails the gate (and CI, which runs it after the tests).

Where ``../shared/devcorpus`` is missing the gate says it is skipped and succeeds: the unit tests
never depend on it. This is a measure, not a target: no rule may special-case its files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEVCORPUS = SHARED / "devcorpus"
REALDEV = SHARED / "realdev"
FETCHED = ROOT / ".realdev"

# Reached on 2026-12-01: devcorpus 1.00 on every figure but the kind accuracy, 0.974 (three
# scanned English pages whose kind cannot be read without OCR), ratio MAE 0.000; real reports
# 1.00 on the three figures. One more miss in 40 cases (0.975) still passes; two do not.
FLOORS = {
    "devcorpus": {
        "verdict_acc": 0.97,
        "rule_f1": 0.97,
        "body_pages_acc": 0.97,
        "section_acc": 0.97,
        "annex_start_acc": 0.97,
        "annex_pages_exact_rate": 0.97,
        "annex_kind_acc": 0.95,
    },
    "devcorpus_max": {"ratio_mae": 0.01},
    "realdev": {"sections_acc": 0.95, "body_acc": 0.95, "annex_start_acc": 0.95},
}


def _command() -> str:
    """The installed command of this checkout (its virtual environment's, when there is one)."""
    venv = ROOT / ".venv" / "bin" / "rapportlint"
    exe = str(venv) if venv.exists() else "rapportlint"
    return f"{exe} check --format json {{pdf}}"


def _check(
    name: str, summary: dict, floors: dict[str, float], ceilings: dict[str, float]
) -> list[str]:
    failures = []
    for key, floor in floors.items():
        value = summary.get(key)
        status = "ok" if value is not None and value >= floor else "BELOW"
        print(f"  {name:<10} {key:<24} {value!s:<8} floor {floor}  {status}")
        if status != "ok":
            failures.append(f"{name} {key}={value} < {floor}")
    for key, ceiling in ceilings.items():
        value = summary.get(key)
        status = "ok" if value is not None and value <= ceiling else "ABOVE"
        print(f"  {name:<10} {key:<24} {value!s:<8} ceiling {ceiling}  {status}")
        if status != "ok":
            failures.append(f"{name} {key}={value} > {ceiling}")
    return failures


def devcorpus() -> list[str]:
    score = DEVCORPUS / "score.py"
    if not score.exists():
        print(f"make eval: {DEVCORPUS} absent: development corpus skipped")
        return []
    jobs = str(max(1, min(2, os.cpu_count() or 1)))
    out = subprocess.run(
        [sys.executable, str(score), "--json", "--jobs", jobs, "--cmd", _command()],
        capture_output=True,
        text=True,
        check=False,
    )
    score_line = next((line for line in out.stderr.splitlines() if line.startswith("SCORE")), "")
    print(score_line or out.stderr[-2000:])
    try:
        data = json.loads(out.stdout)
    except json.JSONDecodeError:
        return ["devcorpus: the scorer gave no JSON"]
    for rule, counts in data["rules"].items():
        print(f"  {rule} F1 {counts['f1']}")
    return _check("devcorpus", data["summary"], FLOORS["devcorpus"], FLOORS["devcorpus_max"])


def realdev() -> list[str]:
    score = REALDEV / "score.py"
    if not score.exists() or not FETCHED.is_dir() or not any(FETCHED.glob("*.pdf")):
        print("make eval: real reports not fetched into .realdev/ (see ../shared/realdev): skipped")
        return []
    out = subprocess.run(
        [sys.executable, str(score), "--json", "--corpus", str(FETCHED), "--cmd", _command()],
        capture_output=True,
        text=True,
        check=False,
    )
    print(
        next(
            (line for line in out.stderr.splitlines() if line.startswith("REALDEV")),
            out.stderr[-2000:],
        )
    )
    try:
        data = json.loads(out.stdout)
    except json.JSONDecodeError:
        return ["realdev: the scorer gave no JSON"]
    return _check("realdev", data["summary"], FLOORS["realdev"], {})


def main() -> int:
    failures = devcorpus() + realdev()
    if failures:
        print("make eval: accuracy below its floor: " + "; ".join(failures), file=sys.stderr)
        return 1
    print("make eval: every figure at or above its floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
