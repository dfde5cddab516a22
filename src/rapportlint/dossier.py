"""The candidate's dossier file (``dossier.toml``): who, which route, where, when, which files.

Every problem is reported with the line of the file it is on, in French, so that a student can
fix it; unknown keys are errors (a misspelt key must not silently drop a proof).
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapportlint.config import toml_problem
from rapportlint.output import os_reason

ROUTES = (
    "scolaire",
    "apprentissage",
    "formation-continue",
    "perfectionnement",
    "experience-professionnelle",
    "dispense",
)
PROOF_TYPES = (
    "certificat-de-stage",
    "contrat-apprentissage",
    "attestation-employeur",
    "certificat-de-travail",
    "decision-dispense",
)
ANNEX_TYPES = ("technique", "presse")
SCHEMA: dict[str, set[str]] = {
    "candidat": {"nom", "prenom", "etablissement", "session", "voie"},
    "entreprise": {"nom", "ville", "tuteur"},
    "stage": {"debut", "fin", "derogation", "dispense"},
    "fichiers": {"rapport", "annexes", "justificatifs"},
}


class DossierError(Exception):
    """The dossier cannot be used; the message names the file and line (French)."""


@dataclass(frozen=True, slots=True)
class FileEntry:
    path: Path
    kind: str | None  # annex kind or proof type


@dataclass(frozen=True, slots=True)
class Dossier:
    source: Path
    last_name: str
    first_name: str
    school: str
    session: str
    route: str
    company: str
    city: str
    tutor: str
    start: datetime.date | None
    end: datetime.date | None
    derogation: str
    dispense: str
    report: Path
    annexes: list[FileEntry] = field(default_factory=list)
    proofs: list[FileEntry] = field(default_factory=list)

    @property
    def weeks(self) -> float | None:
        """Length in weeks, as RL502 counts it (see :func:`internship_weeks`)."""
        return internship_weeks(self.start, self.end)

    @property
    def package_stem(self) -> str:
        """``NOM_Prenom_rapport-stage``, ASCII only so that every system can store it."""
        return (
            f"{_ascii(self.last_name).upper()}_{_ascii(self.first_name).capitalize()}_rapport-stage"
        )


def internship_weeks(start: datetime.date | None, end: datetime.date | None) -> float | None:
    """Length in weeks, as RL502 counts it and the jury page shows it. A stage that ends on a
    Friday or Saturday is counted to the Sunday: Monday 6 January to Friday 14 February is 6
    weeks, as everyone says it. None without both dates, or with the end before the start."""
    if not start or not end or end < start:
        return None
    if end.weekday() in (4, 5):
        end += datetime.timedelta(days=6 - end.weekday())
    return round(((end - start).days + 1) / 7, 1)


def _ascii(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9-]+", "-", plain).strip("-") or "candidat"


class _Locator:
    """Finds the line of a key in the TOML text, for messages (tomllib gives no positions)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def line(self, table: str | None, key: str | None = None, occurrence: int = 0) -> int | None:
        current, seen = None, -1
        for number, raw in enumerate(self.lines, start=1):
            stripped = raw.strip()
            header = re.match(r"^\[\[?\s*([\w.-]+)\s*\]\]?", stripped)
            if header:
                current = header.group(1)
                if current == table:
                    seen += 1
                    if key is None and seen == occurrence:
                        return number
                continue
            matches = key and current == table and seen == occurrence
            if matches and re.match(rf"^{re.escape(key)}\s*=", stripped):
                return number
        return None


def load_dossier(path: str | Path) -> Dossier:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DossierError(f"dossier introuvable : {path}") from exc
    except UnicodeDecodeError as exc:
        raise DossierError(f"{path} : lecture impossible (enregistrez-le en UTF-8)") from exc
    except OSError as exc:
        raise DossierError(f"{path} : lecture impossible ({os_reason(exc)})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DossierError(f"{path} : {toml_problem(exc)}") from exc
    where = _Locator(text)

    def fail(message: str, table: str | None, key: str | None = None, occurrence: int = 0) -> None:
        line = where.line(table, key, occurrence)
        raise DossierError(f"{path}{f', ligne {line}' if line else ''} : {message}")

    for table, value in data.items():
        if table not in SCHEMA:
            fail(f"table inconnue [{table}] (possibles : {', '.join(SCHEMA)})", table)
        if not isinstance(value, dict):
            fail(f"[{table}] doit être une table", None, table)
        for key in value:
            if key not in SCHEMA[table]:
                fail(
                    f"clé inconnue « {key} » dans [{table}] (possibles : {', '.join(sorted(SCHEMA[table]))})",
                    table,
                    key,
                )

    def text_value(table: str, key: str, required: bool = True) -> str:
        value = data.get(table, {}).get(key)
        if value is None:
            if required:
                fail(f"[{table}] {key} manquant", table)
            return ""
        if not isinstance(value, str | int) or isinstance(value, bool):
            fail(f"[{table}] {key} doit être un texte", table, key)
        return str(value).strip()

    def date_value(key: str) -> datetime.date | None:
        value = data.get("stage", {}).get(key)
        if value is None or value == "":
            return None
        if isinstance(value, datetime.datetime):
            value = value.date()
        if not isinstance(value, datetime.date):
            fail(
                f"[stage] {key} doit être une date AAAA-MM-JJ (ex. 2027-01-06), pas « {value} »",
                "stage",
                key,
            )
        return value

    route = text_value("candidat", "voie")
    if route not in ROUTES:
        fail(f"voie « {route} » inconnue (possibles : {', '.join(ROUTES)})", "candidat", "voie")
    start, end = date_value("debut"), date_value("fin")
    if start and end and end < start:
        fail(
            f"la fin du stage ({end.isoformat()}) précède son début ({start.isoformat()})",
            "stage",
            "fin",
        )
    if (
        route in ("scolaire", "formation-continue")
        and (start is None or end is None)
        and not text_value("stage", "dispense", False)
    ):
        fail("[stage] debut et fin sont nécessaires pour cette voie", "stage")

    base = path.parent
    files = data.get("fichiers", {})

    def existing(relative: Any, table: str, key: str, occurrence: int = 0) -> Path:
        if not isinstance(relative, str) or not relative.strip():
            fail(f"{key} doit être un chemin de fichier", table, key, occurrence)
        target = (base / relative).resolve()
        if not target.is_file():
            fail(f"fichier introuvable : {relative}", table, key, occurrence)
        return target

    report = existing(files.get("rapport"), "fichiers", "rapport")
    annexes = []
    for key in ("annexes", "justificatifs"):
        if not isinstance(files.get(key, []), list):
            fail(f"[fichiers] {key} s'écrit avec des tables [[fichiers.{key}]]", "fichiers", key)
    for i, item in enumerate(files.get("annexes", [])):
        if not isinstance(item, dict) or set(item) - {"fichier", "type"}:
            fail(
                "chaque annexe a « fichier » et « type » (technique ou presse)",
                "fichiers.annexes",
                None,
                i,
            )
        kind = item.get("type")
        if kind not in ANNEX_TYPES:
            fail(
                f"type d'annexe « {kind} » inconnu (technique ou presse)",
                "fichiers.annexes",
                "type",
                i,
            )
        annexes.append(
            FileEntry(existing(item.get("fichier"), "fichiers.annexes", "fichier", i), kind)
        )
    proofs = []
    for i, item in enumerate(files.get("justificatifs", [])):
        if not isinstance(item, dict) or set(item) - {"fichier", "type"}:
            fail("chaque justificatif a « fichier » et « type »", "fichiers.justificatifs", None, i)
        kind = item.get("type")
        if kind not in PROOF_TYPES:
            fail(
                f"type de justificatif « {kind} » inconnu (possibles : {', '.join(PROOF_TYPES)})",
                "fichiers.justificatifs",
                "type",
                i,
            )
        proofs.append(
            FileEntry(existing(item.get("fichier"), "fichiers.justificatifs", "fichier", i), kind)
        )

    return Dossier(
        source=path,
        last_name=text_value("candidat", "nom"),
        first_name=text_value("candidat", "prenom"),
        school=text_value("candidat", "etablissement", False),
        session=text_value("candidat", "session", False),
        route=route,
        company=text_value("entreprise", "nom", False),
        city=text_value("entreprise", "ville", False),
        tutor=text_value("entreprise", "tuteur", False),
        start=start,
        end=end,
        derogation=text_value("stage", "derogation", False),
        dispense=text_value("stage", "dispense", False),
        report=report,
        annexes=annexes,
        proofs=proofs,
    )
