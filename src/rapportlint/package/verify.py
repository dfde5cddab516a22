"""``rapportlint verify``: is the package intact, and does it still conform?

The archive is opened with :mod:`rapportlint.package.safezip` into a temporary folder that is
removed afterwards; the manifest is compared with the files (missing, changed, added), then the
check runs again on the original report and annexes, with the dossier rebuilt from the manifest.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rapportlint.checker import CheckResult, check_report
from rapportlint.config import Settings
from rapportlint.dossier import ROUTES, Dossier, FileEntry
from rapportlint.package.build import MANIFEST
from rapportlint.package.safezip import UnsafeArchive, extract


class PackageError(Exception):
    """Not a rapportlint package, or an unreadable one (French message)."""


@dataclass(slots=True)
class Verification:
    path: Path
    intact: bool
    problems: list[str] = field(default_factory=list)
    result: CheckResult | None = None
    manifest: dict = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        return self.result.verdict if self.result else "error"


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def verify(path: Path, settings: Settings, lang: str = "fr") -> Verification:
    with tempfile.TemporaryDirectory(prefix="rapportlint-") as tmp:
        try:
            files = extract(path, Path(tmp))
        except UnsafeArchive as error:
            raise PackageError(str(error)) from error
        if MANIFEST not in files:
            raise PackageError(f"{path} : pas de {MANIFEST}, ce n'est pas un paquet rapportlint")
        try:
            manifest = json.loads(files[MANIFEST].read_text("utf-8"))
            listed = {entry["path"]: entry for entry in manifest["files"]}
            candidate = manifest["candidate"]
        except (ValueError, KeyError, TypeError) as error:
            raise PackageError(f"{path} : {MANIFEST} illisible ({error})") from error
        problems = []
        for name, entry in listed.items():
            if name not in files:
                problems.append(f"fichier supprimé : {name}")
                continue
            data = files[name].read_bytes()
            if len(data) != entry.get("size") or hashlib.sha256(data).hexdigest() != entry.get(
                "sha256"
            ):
                problems.append(f"fichier modifié : {name}")
        for name in sorted(set(files) - set(listed) - {MANIFEST}):
            problems.append(f"fichier ajouté : {name}")
        verification = Verification(
            path=path, intact=not problems, problems=problems, manifest=manifest
        )

        def present(role: str) -> list[tuple[Path, str | None]]:
            return [
                (files[e["path"]], e.get("kind"))
                for e in manifest["files"]
                if e.get("role") == role and e["path"] in files
            ]

        reports = present("rapport")
        if not reports:
            verification.problems.append(
                "rapport original absent : le contrôle ne peut pas être refait"
            )
            return verification
        internship = manifest.get("internship", {})
        company = manifest.get("company", {})
        route = candidate.get("route")
        dossier = Dossier(
            source=path,
            last_name=str(candidate.get("last_name", "")),
            first_name=str(candidate.get("first_name", "")),
            school=str(candidate.get("school", "")),
            session=str(candidate.get("session", "")),
            route=route if route in ROUTES else "scolaire",
            company=str(company.get("name", "")),
            city=str(company.get("city", "")),
            tutor=str(company.get("tutor", "")),
            start=_date(internship.get("start")),
            end=_date(internship.get("end")),
            derogation=str(internship.get("derogation") or ""),
            dispense=str(internship.get("dispense") or ""),
            report=reports[0][0],
            annexes=[FileEntry(p, k) for p, k in present("annexe")],
            proofs=[FileEntry(p, k) for p, k in present("justificatif")],
        )
        verification.result = check_report(
            dossier.report, settings, lang, [(a.path, a.kind) for a in dossier.annexes], dossier
        )
        # Paths inside the temporary folder mean nothing once it is gone: name them as in the zip.
        verification.result.path = f"{path.name}:{reports[0][0].relative_to(tmp)}"
        for annex in verification.result.analysis.annexes if verification.result.analysis else []:
            if annex.file:
                annex.file = f"{path.name}:{Path(annex.file).relative_to(tmp)}"
        return verification
