"""``rapportlint verify``: is the package intact, and does it still conform?

The archive is opened with :mod:`rapportlint.package.safezip` into a temporary folder that is
removed afterwards; the manifest is compared with the files (missing, changed, added, or with
corrupted bytes); the merged PDF, which is what the jury reads, is compared page by page with
the originals it was made from (:mod:`rapportlint.package.merged`), since a forger can recompute
every digest but not make another report the merge of these originals; then the check runs again
on the original report and annexes, with the dossier rebuilt from the manifest, and what the
package states (the manifest's verdict, the compliance report's verdict and summary) is compared
with what the check gives now.

All of that proves the package consistent, not that it is the one handed in: whoever rebuilds a
package (``pack`` on other files, or every digest recomputed) makes another consistent one. The
**fingerprint** (16 hex digits of the manifest's SHA-256, which holds every file's SHA-256) does:
``pack`` prints it for the teacher to record at submission, and ``verify --empreinte`` says
whether the package is that one.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import tempfile
import zipfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from rapportlint.checker import AnnexError, CheckResult, check_report
from rapportlint.config import Settings
from rapportlint.dossier import ANNEX_TYPES as ANNEX_KINDS
from rapportlint.dossier import PROOF_TYPES, ROUTES, Dossier, FileEntry
from rapportlint.errors import Bilingual
from rapportlint.model.loader import LoadError
from rapportlint.package.build import COMMENT_PREFIX, MANIFEST
from rapportlint.package.merged import check_merge
from rapportlint.package.safezip import UnsafeArchive, extract
from rapportlint.rules.engine import load_reason


class PackageError(Bilingual):
    """Not a rapportlint package, or an unreadable one (French and English messages)."""


PROBLEMS = {
    "changed": {"fr": "fichier modifié : {name}", "en": "file changed: {name}"},
    "corrupt": {
        "fr": "fichier modifié : {name} (octets corrompus)",
        "en": "file changed: {name} (corrupted bytes)",
    },
    "deleted": {"fr": "fichier supprimé : {name}", "en": "file deleted: {name}"},
    "added": {"fr": "fichier ajouté : {name}", "en": "file added: {name}"},
    "not_merge": {
        "fr": "fichier modifié : {name} (ce n'est plus la fusion des originaux : {why})",
        "en": "file changed: {name} (no longer the merge of the originals: {why})",
    },
    "no_merge": {
        "fr": "PDF complet absent du paquet : ce que lit le jury ne peut pas être vérifié",
        "en": "no merged PDF in the package: what the jury reads cannot be checked",
    },
    "no_report": {
        "fr": "rapport original absent : le contrôle ne peut pas être refait",
        "en": "original report missing: the check cannot be run again",
    },
    "verdict_differs": {
        "fr": "le verdict enregistré, {stored}, n'est pas celui que donne la vérification : "
        "{found}",
        "en": "the stored verdict, {stored}, is not the one the check gives: {found}",
    },
    "summary_differs": {
        "fr": "le bilan enregistré, {stored}, n'est pas celui que donne la vérification : {found}",
        "en": "the stored summary, {stored}, is not the one the check gives: {found}",
    },
    "other_package": {
        "fr": "empreinte {found}, différente de celle notée à la remise ({expected}) : ce n'est "
        "pas le paquet remis",
        "en": "fingerprint {found}, not the one recorded at submission ({expected}): this is not "
        "the package handed in",
    },
}
# The problems that say the package's files are unchanged but what it states is not what they
# give (another version of the rules, other settings, or a stored result written by hand).
STATEMENT_PROBLEMS = ("verdict_differs", "summary_differs")
MERGED_ROLE = "dossier-complet"
FINGERPRINT_DIGITS = 16


def fingerprint(manifest: bytes) -> str:
    """What the teacher records when the package is handed in: 16 hex digits of the SHA-256 of
    its manifest, which holds the size and SHA-256 of every file of the package."""
    return hashlib.sha256(manifest).hexdigest()[:FINGERPRINT_DIGITS]


def _problem(key: str, lang: str, **values: str) -> str:
    return PROBLEMS[key][lang if lang in ("fr", "en") else "fr"].format(**values)


@dataclass(slots=True)
class Verification:
    """What ``verify`` found. ``intact``: no problem at all; ``files_intact``: every file as the
    manifest lists it (and the merged PDF the merge of the originals), whatever the stored
    verdict says; ``same_package``: the fingerprint is the one recorded (None when none was
    given)."""

    path: Path
    intact: bool
    problems: list[str] = field(default_factory=list)
    result: CheckResult | None = None
    manifest: dict = field(default_factory=dict)
    # What the candidate declared in the dossier (candidate, company, tutor, dates, weeks).
    declared: dict | None = None
    # The merged PDF the jury reads: its name, and the merged pages before each annex file.
    merged: dict | None = None
    html: str | None = None  # the student's HTML report, when asked for
    # The package's short fingerprint: the first 16 hex digits of its manifest's SHA-256.
    fingerprint: str | None = None
    files_intact: bool = False
    same_package: bool | None = None
    # What the package says of itself: the manifest's verdict, conformite.json's summary.
    stored: dict = field(default_factory=dict)

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
        raise PackageError(
            f"{path} : {MANIFEST} illisible (ce n'est pas du JSON valide)",
            f"{path}: unreadable {MANIFEST} (not valid JSON)",
        ) from error
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, list) or not all(
        isinstance(e, dict) and isinstance(e.get("path"), str) for e in files
    ):
        raise PackageError(
            f"{path} : {MANIFEST} illisible (liste des fichiers invalide)",
            f"{path}: unreadable {MANIFEST} (invalid file list)",
        )
    for key in ("candidate", "company", "internship"):
        if not isinstance(manifest.get(key, {}), dict):
            raise PackageError(
                f"{path} : {MANIFEST} illisible ([{key}] invalide)",
                f"{path}: unreadable {MANIFEST} (invalid [{key}])",
            )
    return manifest, {entry["path"]: entry for entry in files}


def _comment(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.comment.decode("ascii", "replace")


def _declared(dossier: Dossier) -> dict:
    """The dossier's facts as the jury page shows them (dates as ISO strings)."""
    name = " ".join(filter(None, [dossier.last_name.upper(), dossier.first_name]))
    return {
        "candidate": name or None,
        "company": dossier.company or None,
        "tutor": dossier.tutor or None,
        "start": dossier.start.isoformat() if dossier.start else None,
        "end": dossier.end.isoformat() if dossier.end else None,
        "weeks": dossier.weeks,
    }


def normal_fingerprint(value: str) -> str | None:
    """A fingerprint as the teacher may have noted it (spaces, dashes, capitals, or the whole
    SHA-256), as 16 lower-case hex digits; None when it is not one."""
    digits = "".join(ch for ch in value.lower() if ch not in " -:.")
    if len(digits) < FINGERPRINT_DIGITS or any(ch not in "0123456789abcdef" for ch in digits):
        return None
    return digits[:FINGERPRINT_DIGITS]


def verify(
    path: Path,
    settings: Settings,
    lang: str = "fr",
    html: bool = False,
    expected: str | None = None,
) -> Verification:
    """Extracts, compares with the manifest, checks that the merged PDF is the merge of the
    originals, checks again and compares the result with what the package states (in the
    calling process: see :func:`verify_isolated` for the bounded version every command uses).
    ``html``: also render the student's HTML report. ``expected``: the fingerprint recorded at
    submission (normalised), which says whether this is that package."""
    with tempfile.TemporaryDirectory(prefix="rapportlint-") as temporary:
        tmp = Path(temporary).resolve()  # the extractor resolves paths: compare like with like
        damaged: list[str] = []
        try:
            files = extract(path, tmp, damaged)
        except UnsafeArchive as error:
            raise PackageError(error.texts["fr"], error.texts["en"]) from error
        if MANIFEST in damaged:
            raise PackageError(
                f"{path} : {MANIFEST} corrompu, le paquet a été modifié",
                f"{path}: corrupted {MANIFEST}, the package was changed",
            )
        if MANIFEST not in files:
            raise PackageError(
                f"{path} : pas de {MANIFEST}, ce n'est pas un paquet rapportlint",
                f"{path}: no {MANIFEST}, this is not a rapportlint package",
            )
        manifest, listed = _read_manifest(path, files[MANIFEST])
        problems = []
        if (
            _comment(path)
            != COMMENT_PREFIX + hashlib.sha256(files[MANIFEST].read_bytes()).hexdigest()
        ):
            problems.append(_problem("changed", lang, name=MANIFEST))
        unchanged = set()
        for name, entry in listed.items():
            if name in damaged:
                problems.append(_problem("corrupt", lang, name=name))
                continue
            if name not in files:
                problems.append(_problem("deleted", lang, name=name))
                continue
            data = files[name].read_bytes()
            if len(data) != entry.get("size") or hashlib.sha256(data).hexdigest() != entry.get(
                "sha256"
            ):
                problems.append(_problem("changed", lang, name=name))
            else:
                unchanged.add(name)
        for name in sorted((set(files) | set(damaged)) - set(listed) - {MANIFEST}):
            problems.append(_problem("added", lang, name=name))
        verification = Verification(
            path=path,
            intact=False,
            problems=problems,
            manifest=manifest,
            fingerprint=fingerprint(files[MANIFEST].read_bytes()),
        )
        if expected is not None:
            verification.same_package = verification.fingerprint == expected

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
            verification.problems.append(_problem("no_report", lang))
            if verification.same_package is False:
                verification.problems.append(
                    _problem(
                        "other_package", lang, found=verification.fingerprint, expected=expected
                    )
                )
            return verification
        annexes = present("annexe")
        _check_merged(verification, listed, files, unchanged, reports[0][0], annexes, tmp, lang)
        verification.files_intact = not verification.problems
        if verification.same_package is False:
            verification.problems.append(
                _problem("other_package", lang, found=verification.fingerprint, expected=expected)
            )
        verification.intact = not verification.problems
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
            annexes=[FileEntry(p, k if k in ANNEX_KINDS else None) for p, k in annexes],
            proofs=[FileEntry(p, k) for p, k in present("justificatif")],
        )
        verification.declared = _declared(dossier)
        try:
            verification.result = check_report(
                dossier.report, settings, lang, [(a.path, a.kind) for a in dossier.annexes], dossier
            )
        except (AnnexError, LoadError) as error:
            name = Path(getattr(error, "path", "") or "").name
            raise PackageError(
                f"{path} : un document du paquet est illisible ({name} : "
                f"{load_reason(error.kind, 'fr')})",
                f"{path}: a document of the package is unreadable ({name}: "
                f"{load_reason(error.kind, 'en')})",
            ) from error
        _compare_statement(verification, files, unchanged, lang)
        verification.intact = not verification.problems
        if html:
            from rapportlint.render.html import render

            # Rendered while the extracted files exist (thumbnails), then named as in the zip.
            verification.html = render(verification.result, lang).replace(
                escape(str(tmp) + "/"), escape(f"{path.name}:")
            )
        # Paths inside the temporary folder mean nothing once it is gone: name them as in the zip.
        verification.result.path = f"{path.name}:{reports[0][0].relative_to(tmp)}"
        for annex in verification.result.analysis.annexes if verification.result.analysis else []:
            if annex.file:
                annex.file = f"{path.name}:{Path(annex.file).relative_to(tmp)}"
        if verification.merged is not None:
            verification.merged["offsets"] = {
                f"{path.name}:{Path(file).relative_to(tmp)}": offset
                for file, offset in verification.merged["offsets"].items()
            }
        return verification


def _compare_statement(
    verification: Verification, files: dict[str, Path], unchanged: set[str], lang: str
) -> None:
    """What the package states (the manifest's verdict, conformite.json's verdict and summary)
    must be what the check gives now: a package whose digests all agree but which says
    "conforme" of a report that is not is reported as such, never as intact."""
    from rapportlint.findings import Severity
    from rapportlint.render.labels import LABELS

    result = verification.result
    if result is None:
        return
    statement: dict = {}
    if "conformite.json" in unchanged:
        try:
            statement = json.loads(files["conformite.json"].read_text("utf-8"))
        except (ValueError, OSError, RecursionError):
            statement = {}
    statement = statement if isinstance(statement, dict) else {}
    stored_verdict = verification.manifest.get("verdict") or statement.get("verdict")
    summary = statement.get("summary")
    verification.stored = {"verdict": stored_verdict, "summary": summary}
    labels = LABELS[lang if lang in LABELS else "fr"]
    words = {key: labels[f"verdict_{key}"].lower() for key in ("pass", "fail", "error")}
    verdicts = {verification.manifest.get("verdict"), statement.get("verdict")} - {None}
    if any(v != result.verdict for v in verdicts):
        shown = next(v for v in verdicts if v != result.verdict)
        verification.problems.append(
            _problem(
                "verdict_differs",
                lang,
                stored=words.get(shown, str(shown)),
                found=words.get(result.verdict, result.verdict),
            )
        )
    found = {
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "infos": result.count(Severity.INFO),
    }
    if isinstance(summary, dict) and summary != found:
        from rapportlint import wording

        def said(counts: dict) -> str:
            numbers = [counts.get(k) for k in ("errors", "warnings", "infos")]
            if not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers):
                return "illisible" if lang == "fr" else "unreadable"
            return wording.summary(*numbers, lang)

        verification.problems.append(
            _problem("summary_differs", lang, stored=said(summary), found=said(found))
        )


def _check_merged(
    verification: Verification,
    listed: dict[str, dict],
    files: dict[str, Path],
    unchanged: set[str],
    report: Path,
    annexes: list[tuple[Path, str | None]],
    tmp: Path,
    lang: str,
) -> None:
    """The merged PDF the jury reads must be the report's pages then the annexes', unchanged:
    a problem naming it otherwise. Records where each annex starts in it, for the jury page."""
    merged_names = [n for n, e in listed.items() if e.get("role") == MERGED_ROLE]
    if not merged_names:
        verification.problems.append(_problem("no_merge", lang))
        return
    name = merged_names[0]
    word = "annexe" if lang == "fr" else "annex"
    originals = [("rapport" if lang == "fr" else "report", report)] + [
        (f"{word} {number}", annex) for number, (annex, _) in enumerate(annexes, start=1)
    ]
    check = check_merge(files[name], originals, lang) if name in files else None
    if name in unchanged and check is not None and check.problem is not None:
        verification.problems.append(_problem("not_merge", lang, name=name, why=check.problem))
    if check is not None:
        verification.merged = {
            "name": name,
            "offsets": {
                str(annex): offset
                for (annex, _), offset in zip(annexes, check.offsets[1:], strict=False)
            },
        }


def verify_isolated(
    path: Path,
    settings: Settings,
    lang: str = "fr",
    html: bool = False,
    expected: str | None = None,
) -> Verification:
    """:func:`verify` in a child process within the time and memory bounds; its temporary files
    live in a folder the parent removes, even if the child is killed."""
    from rapportlint.isolation import INTERNAL, MEMORY, TIMEOUT, run_one
    from rapportlint.rules.engine import BOUND_REASONS

    outcome = run_one(
        _verify_job,
        (path, settings, lang, html, expected),
        settings.timeout,
        settings.memory_mb,
        scratch=True,
    )
    if outcome.failure is not None:
        if outcome.failure.startswith(INTERNAL):
            raise RuntimeError(outcome.failure)
        detail = {TIMEOUT: f"{settings.timeout:g}", MEMORY: str(settings.memory_mb)}
        reason = BOUND_REASONS.get(outcome.failure, BOUND_REASONS["crash"])
        value = detail.get(outcome.failure, "")
        raise PackageError(
            f"{path} : {reason['fr'].format(detail=value)}",
            f"{path}: {reason['en'].format(detail=value)}",
        )
    kind, value = outcome.value
    if kind == "refused":
        raise PackageError(*value)
    return value


def _verify_job(
    path: Path, settings: Settings, lang: str, html: bool = False, expected: str | None = None
):
    try:
        return "ok", verify(path, settings, lang, html, expected)
    except PackageError as error:
        return "refused", (error.texts["fr"], error.texts["en"])
