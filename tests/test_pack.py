"""The dossier, pack and verify, end to end on generated dossiers and hostile archives."""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import re
import shutil
import stat
import zipfile

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from conftest import fixture_path
from rapportlint.cli import main
from rapportlint.dossier import DossierError, load_dossier

START = datetime.date(2027, 1, 4)  # a Monday


def write_dossier(
    folder,
    *,
    route="scolaire",
    proofs=(("certificat-de-stage.pdf", "certificat-de-stage"),),
    weeks=None,
    start=START,
    end=datetime.date(2027, 2, 26),
    derogation="",
    dispense="",
    report="rapport-sans-annexes",
    company="Réseaux Atlantique SAS",
    extra="",
):
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(fixture_path(report), folder / "rapport.pdf")
    annexes = {
        "tech.pdf": ("annexe-separee-technique", "technique"),
        "presse1.pdf": ("annexe-separee-presse1", "presse"),
        "presse2.pdf": ("annexe-separee-presse2", "presse"),
    }
    for name, (fixture, _) in annexes.items():
        shutil.copy(fixture_path(fixture), folder / name)
    for name, _ in proofs:
        shutil.copy(fixture_path("certificat-de-stage"), folder / name)
    if weeks is not None:  # Monday to the Friday of the last week
        end = start + datetime.timedelta(days=7 * weeks - 3)
    lines = [
        "[candidat]",
        'nom = "Martin"',
        'prenom = "Camille"',
        'etablissement = "Lycée Livet"',
        "session = 2027",
        f'voie = "{route}"',
        "",
        "[entreprise]",
        f'nom = "{company}"',
        'ville = "Nantes"',
        'tuteur = "M. Girard"',
        "",
        "[stage]",
        f"debut = {start.isoformat()}",
        f"fin = {end.isoformat()}",
        f'derogation = "{derogation}"',
        f'dispense = "{dispense}"',
        "",
        "[fichiers]",
        'rapport = "rapport.pdf"',
        extra,
    ]
    for name, (_, kind) in annexes.items():
        lines += ["[[fichiers.annexes]]", f'fichier = "{name}"', f'type = "{kind}"']
    for name, kind in proofs:
        lines += ["[[fichiers.justificatifs]]", f'fichier = "{name}"', f'type = "{kind}"']
    path = folder / "dossier.toml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def rules_of(result) -> dict[str, str]:
    """{rule: severity} from a pack run's text output."""
    found = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].startswith("RL5"):
            found[parts[1]] = parts[0]
    return found


@pytest.mark.parametrize(
    ("route", "proof", "fires"),
    [
        ("scolaire", "certificat-de-stage", False),
        ("scolaire", None, True),
        ("apprentissage", "contrat-apprentissage", False),
        ("apprentissage", "attestation-employeur", False),
        ("apprentissage", None, True),
        ("apprentissage", "certificat-de-stage", True),
        ("formation-continue", "certificat-de-stage", False),
        ("formation-continue", None, True),
        ("perfectionnement", "certificat-de-travail", False),
        ("perfectionnement", None, True),
        ("experience-professionnelle", "certificat-de-travail", False),
        ("experience-professionnelle", "certificat-de-stage", True),
        ("dispense", "decision-dispense", False),
        ("dispense", None, True),
    ],
)
def test_each_route_needs_its_proof(tmp_path, route, proof, fires) -> None:
    proofs = ((f"{proof}.pdf", proof),) if proof else ()
    dossier = write_dossier(tmp_path / "d", route=route, proofs=proofs)
    result = invoke("pack", dossier, "-o", tmp_path / "out")
    assert ("RL501" in rules_of(result)) is fires, result.stdout
    assert result.exit_code == (1 if fires else 0)
    assert (tmp_path / "out" / "MARTIN_Camille_rapport-stage.zip").exists() is not fires


@pytest.mark.parametrize(
    ("weeks", "severity", "options"),
    [
        (3, "erreur", {}),
        (3, None, {"dispense": "DEC-2027-12"}),
        (4, "avertissement", {}),
        (5, "avertissement", {}),
        (5, None, {"derogation": "Rectorat 2027-045"}),
        (6, None, {}),
        (8, None, {}),
        (9, "info", {}),
    ],
)
def test_internship_length(tmp_path, weeks, severity, options) -> None:
    dossier = write_dossier(tmp_path / "d", weeks=weeks, **options)
    assert load_dossier(dossier).weeks == weeks
    result = invoke("pack", dossier, "-o", tmp_path / "out")
    assert rules_of(result).get("RL502") == severity, result.stdout


def test_dossier_and_report_disagree(tmp_path) -> None:
    dossier = write_dossier(
        tmp_path / "d", company="Ouest Telecom", start=datetime.date(2027, 1, 11)
    )
    result = invoke("pack", dossier, "-o", tmp_path / "out")
    assert rules_of(result) == {"RL503": "avertissement"}
    assert "Ouest Telecom" in result.stdout and "06/01/2027 - 28/02/2027" in result.stdout
    assert "L'entreprise du dossier (« Ouest Telecom ») n'apparaît pas" in result.stdout


def test_internship_length_with_a_decimal_comma(tmp_path) -> None:
    dossier = write_dossier(tmp_path / "d", end=datetime.date(2027, 2, 3))  # a Wednesday
    result = invoke("pack", dossier, "-o", tmp_path / "out")
    assert "Le stage dure 4,4 semaines (du 04/01/2027 au 03/02/2027)" in result.stdout
    assert "trouvé : 4,4 semaines" in result.stdout
    english = invoke("pack", dossier, "-o", tmp_path / "out2", "--lang", "en")
    assert "The internship lasts 4.4 weeks" in english.stdout


def test_failing_report_gives_no_package_without_force(tmp_path) -> None:
    dossier = write_dossier(tmp_path / "d", report="sans-entreprise")
    out = tmp_path / "out"
    result = invoke("pack", dossier, "-o", out)
    assert result.exit_code == 1 and "paquet non créé" in result.stderr
    assert not out.exists() or not list(out.iterdir())
    forced = invoke("pack", dossier, "-o", out, "--force")
    assert forced.exit_code == 1 and "forcé" in forced.stdout
    manifest = json.loads(
        zipfile.ZipFile(out / "MARTIN_Camille_rapport-stage.zip").read("manifest.json")
    )
    assert manifest["forced"] is True and manifest["verdict"] == "fail"


@pytest.fixture
def package(tmp_path):
    dossier = write_dossier(tmp_path / "d")
    result = invoke("pack", dossier, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    return tmp_path / "out" / "MARTIN_Camille_rapport-stage.zip"


def test_package_contents_and_merged_pdf(package, tmp_path) -> None:
    archive = zipfile.ZipFile(package)
    names = set(archive.namelist())
    assert {
        "MARTIN_Camille_rapport-stage.pdf",
        "manifest.json",
        "conformite.json",
        "conformite.html",
        "originaux/rapport/rapport.pdf",
        "justificatifs/1-certificat-de-stage.pdf",
    } <= names
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["candidate"]["route"] == "scolaire" and manifest["internship"]["weeks"] == 8.0
    assert {f["path"] for f in manifest["files"]} == names - {"manifest.json"}
    merged_path = tmp_path / "merged.pdf"
    merged_path.write_bytes(archive.read("MARTIN_Camille_rapport-stage.pdf"))
    merged = PdfReader(merged_path)
    report = PdfReader(fixture_path("rapport-sans-annexes"))
    annexes = [
        PdfReader(fixture_path(f"annexe-separee-{n}")) for n in ("technique", "presse1", "presse2")
    ]
    originals = [*report.pages, *(p for a in annexes for p in a.pages)]
    assert len(merged.pages) == len(originals) == 17
    assert [p.extract_text() for p in merged.pages] == [p.extract_text() for p in originals]
    titles = [item.title for item in merged.outline if not isinstance(item, list)]
    assert titles[0] == "Rapport de stage"
    assert titles[1].startswith("Annexe 1 : document technique") and titles[3].startswith(
        "Annexe 3 : article de presse"
    )
    assert merged.metadata.title == "Rapport de stage - Camille Martin"


def test_nothing_is_overwritten(package, tmp_path) -> None:
    before = package.read_bytes()
    again = invoke("pack", tmp_path / "d" / "dossier.toml", "-o", package.parent)
    assert again.exit_code == 2 and "existe déjà" in again.stderr
    assert package.read_bytes() == before
    assert [p.name for p in package.parent.iterdir()] == [package.name]  # no temporary left


def test_verify_intact_package(package) -> None:
    result = invoke("verify", package)
    assert result.exit_code == 0 and "paquet intact" in result.stdout


def _rewrite(package, change):
    """A copy of the package with ``change(name, data) -> data | None`` applied to its entries."""
    target = package.with_name("modifie.zip")
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(target, "w") as out:
        out.comment = source.comment
        for info in source.infolist():
            data = change(info.filename, source.read(info))
            if data is not None:
                out.writestr(info, data)
    return target


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            lambda n, d: d + b"\n% edited" if n == "originaux/rapport/rapport.pdf" else d,
            "fichier modifié : originaux/rapport/rapport.pdf",
        ),
        (
            lambda n, d: None if n.startswith("justificatifs/") else d,
            "fichier supprimé : justificatifs/1-certificat-de-stage.pdf",
        ),
    ],
)
def test_verify_detects_changes(package, change, problem) -> None:
    result = invoke("verify", _rewrite(package, change))
    assert result.exit_code == 1 and problem in result.stdout


def test_verify_detects_an_added_file(package) -> None:
    with zipfile.ZipFile(package, "a") as archive:
        archive.writestr("en-plus.pdf", b"%PDF-1.4")
    result = invoke("verify", package, "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1 and data["package"] == {
        "path": str(package),
        "intact": False,
        "files_intact": False,
        "problems": ["fichier ajouté : en-plus.pdf"],
        "forced": False,
        "fingerprint": data["package"]["fingerprint"],
        "expected_fingerprint": None,
        "same_package": None,
        "stored": {"verdict": "pass", "summary": {"errors": 0, "warnings": 1, "infos": 0}},
    }
    assert re.fullmatch(r"[0-9a-f]{16}", data["package"]["fingerprint"])


def _hostile(tmp_path, kind):
    path = tmp_path / f"{kind}.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if kind == "traversal":
            archive.writestr("../../evil.txt", b"pwned")
        elif kind == "absolute":
            archive.writestr("/tmp/evil.txt", b"pwned")
        elif kind == "symlink":
            info = zipfile.ZipInfo("lien")
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
        elif kind == "bomb":
            archive.writestr("zeros.bin", b"\0" * (200 * 1024 * 1024))
        elif kind == "duplicate":
            archive.writestr("manifest.json", b"{}")
            archive.writestr("MANIFEST.json", b"{}")
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("traversal", "chemin interdit"),
        ("absolute", "chemin interdit"),
        ("symlink", "lien ou fichier spécial"),
        ("bomb", "démesurée"),
        ("duplicate", "en double"),
    ],
)
def test_hostile_archives_are_refused(tmp_path, kind, message) -> None:
    archive = _hostile(tmp_path, kind)
    result = invoke("verify", archive)
    assert result.exit_code == 2 and message in result.stderr
    assert not (tmp_path.parent / "evil.txt").exists() and not list(tmp_path.rglob("evil.txt"))


def test_batch_accepts_packages(package, tmp_path) -> None:
    folder = tmp_path / "classe"
    folder.mkdir()
    shutil.copy(package, folder / package.name)
    shutil.copy(
        _rewrite(package, lambda n, d: None if n.startswith("justificatifs/") else d),
        folder / "modifie.zip",
    )
    site = tmp_path / "site"
    result = invoke("batch", folder, "--html", site)
    assert result.exit_code == 1
    assert "MARTIN_Camille_rapport-stage.zip  Conforme" in result.stdout
    assert "fichier supprimé" in result.stdout
    # Packages get their student page too, with the way back and the package's state.
    index = (site / "index.html").read_text("utf-8")
    pages = {p.name: p.read_text("utf-8") for p in site.glob("*.html") if p.name != "index.html"}
    assert len(pages) == 2 and all(f'href="{name}"' in index for name in pages)
    intact = next(t for t in pages.values() if "paquet intact" in t)
    assert '<a href="index.html">' in intact and "MARTIN_Camille_rapport-stage.zip" in intact
    assert "MARTIN_Camille_rapport-stage.zip:originaux/rapport/rapport.pdf" in intact
    assert "rapportlint-" not in intact  # no temporary path left in the page
    assert intact.count('src="data:image/png;base64,') >= 17  # thumbnails of the report pages
    assert any("paquet MODIFIÉ" in t for t in pages.values())


def test_init_writes_a_template_that_loads(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert invoke("init").exit_code == 0
    text = (tmp_path / "dossier.toml").read_text("utf-8")
    assert 'voie = "scolaire"' in text and text.startswith("# Dossier de stage")
    assert invoke("init").exit_code == 2  # never overwritten without --overwrite


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('raport = "x.pdf"', "ligne 21 : clé inconnue « raport » dans [fichiers]"),
        ('annexes = "x"', "TOML invalide, ligne 22 : clé définie deux fois"),
    ],
)
def test_dossier_errors_name_the_line(tmp_path, extra, message) -> None:
    dossier = write_dossier(tmp_path / "d", extra=extra)
    result = invoke("pack", dossier, "-o", tmp_path / "out")
    assert result.exit_code == 2 and message in result.stderr, result.stderr


def test_dossier_bad_dates_and_missing_files(tmp_path) -> None:
    dossier = write_dossier(tmp_path / "d")
    text = dossier.read_text("utf-8")
    dossier.write_text(text.replace("fin = 2027-02-26", 'fin = "28 février"'), "utf-8")
    with pytest.raises(DossierError, match=r"ligne 15 : \[stage\] fin doit être une date"):
        load_dossier(dossier)
    dossier.write_text(text.replace("fin = 2027-02-26", "fin = 2026-12-01"), "utf-8")
    with pytest.raises(DossierError, match="précède son début"):
        load_dossier(dossier)
    (tmp_path / "d" / "presse2.pdf").unlink()
    dossier.write_text(text, "utf-8")
    with pytest.raises(DossierError, match=r"ligne \d+ : fichier introuvable : presse2.pdf"):
        load_dossier(dossier)


def test_unknown_route_names_its_line(tmp_path) -> None:
    dossier = write_dossier(tmp_path / "d", route="alternance")
    with pytest.raises(DossierError, match="ligne 6 : voie « alternance » inconnue"):
        load_dossier(dossier)


def test_batch_reads_hostile_archives_without_writing_outside(tmp_path) -> None:
    folder = tmp_path / "classe"
    folder.mkdir()
    for kind in ("traversal", "absolute", "symlink", "bomb", "duplicate"):
        _hostile(tmp_path, kind).rename(folder / f"{kind}.zip")
    result = invoke("batch", folder)
    assert result.exit_code == 1
    for kind, message in (
        ("traversal", "chemin interdit"),
        ("symlink", "lien ou fichier spécial"),
        ("bomb", "démesurée"),
        ("duplicate", "en double"),
    ):
        line = next(line for line in result.stdout.splitlines() if line.startswith(f"{kind}.zip"))
        assert message in line
    assert not list(tmp_path.rglob("evil.txt")) and not (tmp_path.parent / "evil.txt").exists()


def _zip(tmp_path, name, entries, method=zipfile.ZIP_DEFLATED):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        for entry, data in entries:
            archive.writestr(entry, data)
    return path


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([("a", b"x"), ("a/b", b"y")], "entrée illisible"),  # a file where a folder must go
        ([("x" * 240 + ".pdf", b"x")], "nom trop long"),
    ],
)
def test_odd_archives_are_refused_clearly(tmp_path, entries, message) -> None:
    result = invoke("verify", _zip(tmp_path, "odd.zip", entries))
    assert (
        result.exit_code == 2 and message in result.stderr and "erreur interne" not in result.stderr
    )


def test_unsupported_compression_is_refused(tmp_path) -> None:
    path = _zip(tmp_path, "bz.zip", [("manifest.json", b"{}")], method=zipfile.ZIP_BZIP2)
    result = invoke("verify", path)
    assert result.exit_code == 2 and "compression non prise en charge" in result.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: {**m, "candidate": "bob"}, "[candidate] invalide"),
        (lambda m: {**m, "internship": [1]}, "[internship] invalide"),
        (lambda m: {**m, "files": "tout"}, "liste des fichiers invalide"),
        (
            lambda m: {**m, "internship": {**m["internship"], "start": 5}},
            None,
        ),  # ignored, not a crash
    ],
)
def test_an_edited_manifest_is_a_reason_not_a_crash(package, change, message) -> None:
    def edit(name, data):
        return json.dumps(change(json.loads(data))).encode() if name == "manifest.json" else data

    result = invoke("verify", _rewrite(package, edit))
    assert "erreur interne" not in result.stderr and "Traceback" not in result.output
    if message:
        assert result.exit_code == 2 and message in result.stderr
    else:
        assert result.exit_code == 1 and "fichier modifié : manifest.json" in result.stdout


def test_verify_through_a_symlinked_temporary_folder(package, tmp_path, monkeypatch) -> None:
    real = tmp_path / "vrai-tmp"
    real.mkdir()
    (tmp_path / "lien-tmp").symlink_to(real)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "lien-tmp"))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    assert invoke("verify", package).exit_code == 0


def test_annexes_written_as_a_value_name_their_line(tmp_path) -> None:
    dossier = write_dossier(tmp_path / "d")
    text = dossier.read_text("utf-8").replace(
        'rapport = "rapport.pdf"', 'rapport = "rapport.pdf"\njustificatifs = 1', 1
    )
    dossier.write_text(text.split("[[fichiers.justificatifs]]")[0], "utf-8")
    result = invoke("pack", dossier, "-o", tmp_path / "out")
    assert (
        result.exit_code == 2
        and "ligne 21" in result.stderr
        and "[[fichiers.justificatifs]]" in result.stderr
    )


def test_odd_file_names_are_packed_so_that_verify_accepts_them(tmp_path) -> None:
    dossier = write_dossier(tmp_path / "d")
    (tmp_path / "d" / "rapport.pdf").rename(tmp_path / "d" / "mon\\rapport.pdf")
    dossier.write_text(
        dossier.read_text("utf-8").replace(
            'rapport = "rapport.pdf"', 'rapport = "mon\\\\rapport.pdf"'
        ),
        "utf-8",
    )
    assert invoke("pack", dossier, "-o", tmp_path / "out").exit_code == 0
    assert invoke("verify", tmp_path / "out" / "MARTIN_Camille_rapport-stage.zip").exit_code == 0


def test_verify_is_bounded_in_time(package, tmp_path, monkeypatch) -> None:
    """A package whose report takes PDFium seconds to parse stops at the time limit."""
    slow = (fixture_path("conforme-word").parent.parent / "hostile" / "tres-lent.pdf").read_bytes()
    hostile = _rewrite(
        package, lambda name, data: slow if name == "originaux/rapport/rapport.pdf" else data
    )
    (tmp_path / "limite.toml").write_text("[limits]\ntimeout = 1\n", "utf-8")
    result = invoke("verify", hostile, "--config", tmp_path / "limite.toml")
    assert result.exit_code == 2 and "analyse trop longue (plus de 1 s)" in result.stderr


def _forge(package, replace: dict[str, bytes]):
    """A copy of the package with entries replaced and the manifest's digests and the zip
    comment recomputed, as a forger who knows the format would do."""
    from rapportlint.package.build import COMMENT_PREFIX

    target = package.with_name("contrefait.zip")
    with zipfile.ZipFile(package) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    entries.update(replace)
    manifest = json.loads(entries["manifest.json"])
    for entry in manifest["files"]:
        data = entries[entry["path"]]
        entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    entries["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        out.comment = (
            COMMENT_PREFIX + hashlib.sha256(entries["manifest.json"]).hexdigest()
        ).encode()
        for name, data in entries.items():
            out.writestr(name, data)
    return target


def test_verify_sees_a_merged_pdf_replaced_by_another_report(package) -> None:
    merged = "MARTIN_Camille_rapport-stage.pdf"
    forged = _forge(package, {merged: fixture_path("conforme-word").read_bytes()})
    result = invoke("verify", forged)
    assert result.exit_code == 1, result.output
    assert "paquet MODIFIÉ" in result.stdout
    assert f"fichier modifié : {merged} (ce n'est plus la fusion des originaux" in result.stdout
    data = json.loads(invoke("verify", forged, "--format", "json").stdout)
    assert data["package"]["intact"] is False


def test_verify_sees_one_merged_page_swapped(package, tmp_path) -> None:
    """Same page count, one page replaced by a page of another report."""
    from pypdf import PdfReader, PdfWriter

    merged = "MARTIN_Camille_rapport-stage.pdf"
    original = tmp_path / "merged.pdf"
    original.write_bytes(zipfile.ZipFile(package).read(merged))
    writer = PdfWriter()
    other = PdfReader(fixture_path("conforme-word"))
    for number, page in enumerate(PdfReader(original).pages, start=1):
        writer.add_page(other.pages[2] if number == 3 else page)
    buffer = io.BytesIO()
    writer.write(buffer)
    result = invoke("verify", _forge(package, {merged: buffer.getvalue()}))
    assert result.exit_code == 1
    assert "sa page 3 n'est pas la page 3 de l'original (rapport)" in result.stdout


def test_verify_names_a_member_with_corrupted_bytes(package) -> None:
    """Bytes flipped inside a member's compressed data: that member is named as changed, the
    rest of the package is still verified."""
    name = "justificatifs/1-certificat-de-stage.pdf"
    data = bytearray(package.read_bytes())
    with zipfile.ZipFile(package) as archive:
        info = archive.getinfo(name)
    header = info.header_offset
    start = header + 30 + int.from_bytes(data[header + 26 : header + 28], "little")
    start += int.from_bytes(data[header + 28 : header + 30], "little")
    for offset in range(start + 20, start + 40):
        data[offset] ^= 0xFF
    damaged = package.with_name("abime.zip")
    damaged.write_bytes(bytes(data))
    result = invoke("verify", damaged)
    assert result.exit_code == 1, result.output
    assert "paquet MODIFIÉ" in result.stdout
    assert f"fichier modifié : {name} (octets corrompus)" in result.stdout
    assert "CONFORME" in result.stdout  # the report itself was still checked


def test_pypdf_warnings_never_reach_the_terminal(tmp_path) -> None:
    """A report with a damaged cross-reference table: pypdf warns while merging and reading it;
    the user sees rapportlint's output only."""
    import subprocess
    import sys

    dossier = write_dossier(tmp_path / "d")
    report = tmp_path / "d" / "rapport.pdf"
    data = report.read_bytes()
    position = data.rfind(b"startxref")
    report.write_bytes(data[:position] + b"startxref\n999999\n%%EOF\n")
    out = tmp_path / "out"
    pack = subprocess.run(
        [sys.executable, "-m", "rapportlint", "pack", str(dossier), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert pack.returncode == 0, pack.stderr
    verify = subprocess.run(
        [sys.executable, "-m", "rapportlint", "verify", str(next(out.glob("*.zip")))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert pack.stderr == "" and verify.stderr == ""
    assert "startxref" not in verify.stdout and "Object Streams" not in verify.stdout


def test_verify_in_english(package, tmp_path) -> None:
    intact = invoke("verify", package, "--lang", "en")
    assert intact.exit_code == 0 and "package intact" in intact.stdout
    refused = invoke("verify", _hostile(tmp_path, "traversal"), "--lang", "en")
    assert refused.exit_code == 2 and "forbidden path in the archive" in refused.stderr
    forged = _forge(
        package, {"MARTIN_Camille_rapport-stage.pdf": fixture_path("vide").read_bytes()}
    )
    changed = invoke("verify", forged, "--lang", "en")
    assert "package CHANGED" in changed.stdout
    assert "file changed: MARTIN_Camille_rapport-stage.pdf (no longer the merge" in changed.stdout
