"""``rapportlint pack``: the report, the three annexes and the proofs in one package.

The package is a zip named ``NOM_Prenom_rapport-stage.zip`` holding the merged PDF (report then
annexes, bookmarks for the parts and each annex, original pages untouched), the original files,
the compliance report (JSON and HTML) and ``manifest.json`` with each file's size and SHA-256.
It is written to a temporary name and renamed: an interrupted run leaves no half package.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import re
import stat
import zipfile
from pathlib import Path
from typing import Any

from rapportlint import __version__
from rapportlint.dossier import Dossier
from rapportlint.output import OutputError, atomic_file
from rapportlint.package.merged import quiet
from rapportlint.result import CheckResult

MANIFEST = "manifest.json"
COMMENT_PREFIX = "rapportlint-manifest-sha256:"
KIND_TITLES = {"technique": "document technique", "presse": "article de presse"}
PART_TITLES = {
    "entreprise": "Présentation de l'entreprise",
    "activites": "Activités",
    "conclusion": "Conclusion",
}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def merged_pdf(dossier: Dossier, result: CheckResult) -> bytes:
    """Report then annexes, pages copied as they are, with bookmarks and metadata."""
    with quiet():
        return _merge(dossier, result)


def _merge(dossier: Dossier, result: CheckResult) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.append(str(dossier.report), import_outline=False)
    top = writer.add_outline_item(title="Rapport de stage", page_number=0)
    if result.analysis is not None:
        for key, section in result.analysis.sections.items():
            writer.add_outline_item(
                title=f"{PART_TITLES[key]} : {section.title}",
                page_number=section.page - 1,
                parent=top,
            )
    annex_titles = (
        {a.file: a.title for a in result.analysis.annexes if a.file} if result.analysis else {}
    )
    for number, annex in enumerate(dossier.annexes, start=1):
        start = len(writer.pages)
        writer.append(str(annex.path), import_outline=False)
        title = annex_titles.get(str(annex.path)) or annex.path.stem
        writer.add_outline_item(
            title=f"Annexe {number} : {KIND_TITLES.get(annex.kind or '', 'document')} - {title}",
            page_number=start,
        )
    writer.add_metadata(
        {
            "/Title": f"Rapport de stage - {dossier.first_name} {dossier.last_name}",
            "/Author": f"{dossier.first_name} {dossier.last_name}",
            "/Subject": f"BTS CIEL, session {dossier.session} - {dossier.company}",
            "/Creator": f"rapportlint {__version__}",
        }
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _safe(name: str) -> str:
    """A member name every system and our own verify accept: no backslash, colon or control
    character, not too long."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name).strip(" .") or "fichier"
    stem, dot, suffix = cleaned.rpartition(".")
    return (stem[:120] + dot + suffix[:10]) if dot else cleaned[:130]


def _members(dossier: Dossier) -> list[tuple[str, Path, str, str | None]]:
    """(name in the zip, source file, role, kind) of every original file."""
    members = [(f"originaux/rapport/{_safe(dossier.report.name)}", dossier.report, "rapport", None)]
    for number, annex in enumerate(dossier.annexes, start=1):
        name = f"originaux/annexes/{number}-{_safe(annex.path.name)}"
        members.append((name, annex.path, "annexe", annex.kind))
    for number, proof in enumerate(dossier.proofs, start=1):
        name = f"justificatifs/{number}-{_safe(proof.path.name)}"
        members.append((name, proof.path, "justificatif", proof.kind))
    return members


def build(
    dossier: Dossier,
    result: CheckResult,
    report_json: str,
    report_html: str,
    out_dir: Path,
    *,
    forced: bool,
    overwrite: bool,
    now: datetime.datetime | None = None,
) -> Path:
    """Writes the package into ``out_dir`` and returns its path."""
    target = out_dir / f"{dossier.package_stem}.zip"
    if target.exists() and not overwrite:  # before the work of merging; atomic_file checks again
        raise OutputError("exists", target=target)
    contents: list[tuple[str, bytes, dict[str, Any]]] = [
        (f"{dossier.package_stem}.pdf", merged_pdf(dossier, result), {"role": "dossier-complet"})
    ]
    for name, source, role, kind in _members(dossier):
        contents.append((name, source.read_bytes(), {"role": role, "kind": kind}))
    contents.append(("conformite.json", report_json.encode("utf-8"), {"role": "conformite"}))
    contents.append(("conformite.html", report_html.encode("utf-8"), {"role": "conformite"}))
    manifest = {
        "manifest_version": 1,
        "tool": {"name": "rapportlint", "version": __version__},
        "created": (now or datetime.datetime.now(datetime.UTC)).isoformat(timespec="seconds"),
        "verdict": result.verdict,
        "forced": forced,
        "candidate": {
            "last_name": dossier.last_name,
            "first_name": dossier.first_name,
            "school": dossier.school,
            "session": dossier.session,
            "route": dossier.route,
        },
        "company": {"name": dossier.company, "city": dossier.city, "tutor": dossier.tutor},
        "internship": {
            "start": dossier.start.isoformat() if dossier.start else None,
            "end": dossier.end.isoformat() if dossier.end else None,
            "weeks": dossier.weeks,
            "derogation": dossier.derogation,
            "dispense": dossier.dispense,
        },
        "files": [
            {
                "path": name,
                "size": len(data),
                "sha256": sha256(data),
                **{k: v for k, v in extra.items() if v},
            }
            for name, data, extra in contents
        ],
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.datetime.now()).timetuple()[:6]
    entries = [
        *((name, data) for name, data, _ in contents),
        (MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")),
    ]
    with (
        atomic_file(target, overwrite=overwrite) as handle,
        zipfile.ZipFile(handle, "w") as archive,
    ):
        # The manifest's own digest, in the archive comment: an edited manifest shows. (Without a
        # signature this stops accidents and naive edits, not a forger who recomputes it.)
        archive.comment = (COMMENT_PREFIX + sha256(entries[-1][1])).encode("ascii")
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return target
