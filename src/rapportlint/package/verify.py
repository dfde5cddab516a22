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
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from rapportlint.checker import AnnexError, CheckResult, check_report
from rapportlint.config import Settings
from rapportlint.dossier import ANNEX_TYPES as ANNEX_KINDS
from rapportlint.dossier import PROOF_TYPES, ROUTES, Dossier, FileEntry
from rapportlint.model.loader import LoadError
from rapportlint.package.build import COMMENT_PREFIX, MANIFEST
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


def _date(value: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _text(table: dict, key: str) -> str:
    value = table.get(key)
    return (
        str(value) if isinstance(value, str | int | float) and not isinstance(value, bool) else ""
    )


def _read_manifest(path: Path, manifest_file: Path) -> tuple[dict, dict[str, dict]]:
    """The manifest and its file entries by name, or PackageError: an edited manifest is a
    reason to refuse the package, never a crash."""
    try:
        manifest = json.loads(manifest_file.read_text("utf-8"))
    except (ValueError, RecursionError, OSError) as error:
        raise PackageError(f"{path} : {MANIFEST} illisible ({type(error).__name__})") from error
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, list) or not all(
        isinstance(e, dict) and isinstance(e.get("path"), str) for e in files
    ):
        raise PackageError(f"{path} : {MANIFEST} illisible (liste des fichiers invalide)")
    for key in ("candidate", "company", "internship"):
        if not isinstance(manifest.get(key, {}), dict):
            raise PackageError(f"{path} : {MANIFEST} illisible ([{key}] invalide)")
    return manifest, {entry["path"]: entry for entry in files}


def _comment(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.comment.decode("ascii", "replace")


def verify(path: Path, settings: Settings, lang: str = "fr") -> Verification:
    """Extracts, compares with the manifest and checks again (in the calling process: see
    :func:`verify_isolated` for the bounded version every command uses)."""
    with tempfile.TemporaryDirectory(prefix="rapportlint-") as temporary:
        tmp = Path(temporary).resolve()  # the extractor resolves paths: compare like with like
        try:
            files = extract(path, tmp)
        except UnsafeArchive as error:
            raise PackageError(str(error)) from error
        if MANIFEST not in files:
            raise PackageError(f"{path} : pas de {MANIFEST}, ce n'est pas un paquet rapportlint")
        manifest, listed = _read_manifest(path, files[MANIFEST])
        problems = []
        if (
            _comment(path)
            != COMMENT_PREFIX + hashlib.sha256(files[MANIFEST].read_bytes()).hexdigest()
        ):
            problems.append(f"fichier modifié : {MANIFEST}")
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
                (
                    files[e["path"]],
                    e.get("kind") if e.get("kind") in ANNEX_KINDS + PROOF_TYPES else None,
                )
                for e in listed.values()
                if e.get("role") == role and e["path"] in files
            ]

        reports = present("rapport")
        if not reports:
            verification.problems.append(
                "rapport original absent : le contrôle ne peut pas être refait"
            )
            return verification
        candidate, company = manifest.get("candidate", {}), manifest.get("company", {})
        internship = manifest.get("internship", {})
        route = candidate.get("route")
        dossier = Dossier(
            source=path,
            last_name=_text(candidate, "last_name"),
            first_name=_text(candidate, "first_name"),
            school=_text(candidate, "school"),
            session=_text(candidate, "session"),
            route=route if route in ROUTES else "scolaire",
            company=_text(company, "name"),
            city=_text(company, "city"),
            tutor=_text(company, "tutor"),
            start=_date(internship.get("start")),
            end=_date(internship.get("end")),
            derogation=_text(internship, "derogation"),
            dispense=_text(internship, "dispense"),
            report=reports[0][0],
            annexes=[FileEntry(p, k if k in ANNEX_KINDS else None) for p, k in present("annexe")],
            proofs=[FileEntry(p, k) for p, k in present("justificatif")],
        )
        try:
            verification.result = check_report(
                dossier.report, settings, lang, [(a.path, a.kind) for a in dossier.annexes], dossier
            )
        except (AnnexError, LoadError) as error:
            name = Path(getattr(error, "path", "") or "").name
            raise PackageError(
                f"{path} : un document du paquet est illisible ({name} : {error.kind})"
            ) from error
        # Paths inside the temporary folder mean nothing once it is gone: name them as in the zip.
        verification.result.path = f"{path.name}:{reports[0][0].relative_to(tmp)}"
        for annex in verification.result.analysis.annexes if verification.result.analysis else []:
            if annex.file:
                annex.file = f"{path.name}:{Path(annex.file).relative_to(tmp)}"
        return verification


def verify_isolated(path: Path, settings: Settings, lang: str = "fr") -> Verification:
    """:func:`verify` in a child process within the time and memory bounds; its temporary files
    live in a folder the parent removes, even if the child is killed."""
    from rapportlint.isolation import INTERNAL, MEMORY, TIMEOUT, run_one
    from rapportlint.rules.engine import BOUND_REASONS

    outcome = run_one(
        _verify_job, (path, settings, lang), settings.timeout, settings.memory_mb, scratch=True
    )
    if outcome.failure is not None:
        if outcome.failure.startswith(INTERNAL):
            raise RuntimeError(outcome.failure)
        detail = {TIMEOUT: f"{settings.timeout:g}", MEMORY: str(settings.memory_mb)}
        reason = BOUND_REASONS.get(outcome.failure, BOUND_REASONS["crash"])["fr"]
        raise PackageError(f"{path} : {reason.format(detail=detail.get(outcome.failure, ''))}")
    kind, value = outcome.value
    if kind == "refused":
        raise PackageError(value)
    return value


def _verify_job(path: Path, settings: Settings, lang: str):
    try:
        return "ok", verify(path, settings, lang)
    except PackageError as error:
        return "refused", str(error)
