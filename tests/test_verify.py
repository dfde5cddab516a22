"""What ``verify`` proves, said exactly: the package's fingerprint (``pack`` prints it, ``verify
--empreinte`` compares it), a stored verdict or summary that is not the check's, and a zip cut
short named as the zip."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile

import pytest

from test_pack import _forge, invoke, write_dossier


@pytest.fixture
def packed(tmp_path):
    """A package and what ``pack`` printed."""
    dossier = write_dossier(tmp_path / "d")
    result = invoke("pack", dossier, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    return tmp_path / "out" / "MARTIN_Camille_rapport-stage.zip", result.stdout


def _fingerprint(package) -> str:
    with zipfile.ZipFile(package) as archive:
        return hashlib.sha256(archive.read("manifest.json")).hexdigest()[:16]


def test_pack_prints_the_fingerprint_to_record(packed) -> None:
    package, output = packed
    fingerprint = _fingerprint(package)
    assert (
        f"empreinte du paquet : {fingerprint} (à noter au moment de la remise ; "
        f"rapportlint verify --empreinte {fingerprint} dira si un paquet est celui-là)"
    ) in output
    verified = invoke("verify", package)
    assert verified.exit_code == 0
    assert verified.stdout.startswith(f"{package} : paquet intact\n  empreinte : {fingerprint}\n")


def test_verify_with_the_recorded_fingerprint_says_whether_it_is_that_package(packed) -> None:
    package, _ = packed
    fingerprint = _fingerprint(package)
    # As the teacher may have written it down: capitals, groups of four.
    noted = " ".join(fingerprint.upper()[i : i + 4] for i in range(0, 16, 4))
    same = invoke("verify", package, "--empreinte", noted)
    assert same.exit_code == 0, same.output
    assert same.stdout.startswith(f"{package} : paquet intact, c'est le paquet remis\n")
    assert f"empreinte notée à la remise : {fingerprint} (identique)" in same.stdout
    other = invoke("verify", package, "--empreinte", "0123456789abcdef")
    assert other.exit_code == 1
    assert other.stdout.startswith(f"{package} : ce n'est PAS le paquet remis\n")
    assert (
        f"empreinte {fingerprint}, différente de celle notée à la remise (0123456789abcdef) : "
        "ce n'est pas le paquet remis"
    ) in other.stdout
    data = json.loads(
        invoke("verify", package, "--empreinte", fingerprint, "--format", "json").stdout
    )
    assert data["package"]["same_package"] is True
    assert data["package"]["expected_fingerprint"] == fingerprint
    wrong = invoke("verify", package, "--empreinte", "12ab")
    assert wrong.exit_code == 2 and "16 chiffres hexadécimaux attendus" in wrong.stderr


def test_a_rebuilt_package_is_consistent_but_not_the_one_handed_in(packed) -> None:
    """A forger who changes a file and recomputes every digest makes another, consistent
    package: without the fingerprint it is intact; with it, it is not the one handed in."""
    package, _ = packed
    recorded = _fingerprint(package)
    forged = _forge(package, {"justificatifs/1-certificat-de-stage.pdf": b"%PDF-1.4 autre"})
    assert invoke("verify", forged).stdout.splitlines()[0].endswith(": paquet intact")
    told = invoke("verify", forged, "--empreinte", recorded)
    assert told.exit_code == 1 and ": ce n'est PAS le paquet remis" in told.stdout


def _stated(package, verdict: str, summary: dict) -> object:
    """The package with its manifest and conformite.json saying ``verdict`` and ``summary``,
    every digest recomputed."""
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        statement = json.loads(archive.read("conformite.json"))
    statement.update(verdict=verdict, summary=summary)
    forged = _forge(package, {"conformite.json": json.dumps(statement).encode()})
    with zipfile.ZipFile(forged) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    manifest = json.loads(entries["manifest.json"])
    manifest["verdict"] = verdict
    manifest_bytes = json.dumps(manifest).encode()
    from rapportlint.package.build import COMMENT_PREFIX

    with zipfile.ZipFile(forged, "w", zipfile.ZIP_DEFLATED) as out:
        out.comment = (COMMENT_PREFIX + hashlib.sha256(manifest_bytes).hexdigest()).encode()
        for name, data in {**entries, "manifest.json": manifest_bytes}.items():
            out.writestr(name, data)
    return forged


def test_a_stored_verdict_that_is_not_the_checks_is_said_never_intact(tmp_path) -> None:
    """A forced package (its report fails) whose manifest and compliance report were rewritten
    to say "conforme", digests recomputed: its files agree with its manifest, its verdict does
    not agree with its files."""
    dossier = write_dossier(tmp_path / "d", report="sans-conclusion")
    assert invoke("pack", dossier, "-o", tmp_path / "out", "--force").exit_code == 1
    package = tmp_path / "out" / "MARTIN_Camille_rapport-stage.zip"
    forged = _stated(package, "pass", {"errors": 0, "warnings": 0, "infos": 0})
    result = invoke("verify", forged)
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert "paquet intact" not in result.stdout
    assert first.endswith("paquet INCOHÉRENT (fichiers intacts, bilan enregistré différent)")
    assert (
        "  le verdict enregistré, conforme, n'est pas celui que donne la vérification : "
        "non conforme\n"
    ) in result.stdout
    assert "le bilan enregistré, 0 erreur, 0 avertissement, 0 info, n'est pas celui" in (
        result.stdout
    )
    data = json.loads(invoke("verify", forged, "--format", "json").stdout)["package"]
    assert data["files_intact"] is True and data["intact"] is False
    assert data["stored"]["verdict"] == "pass"
    english = invoke("verify", forged, "--lang", "en")
    assert "the stored verdict, compliant, is not the one the check gives: not compliant" in (
        english.stdout
    )


def test_a_summary_judged_with_other_settings_is_said(packed, tmp_path) -> None:
    package, _ = packed
    config = tmp_path / "autre.toml"
    config.write_text('ignore = ["RL503"]\n', "utf-8")
    result = invoke("verify", package, "--config", config)
    assert result.exit_code == 1
    assert (
        "le bilan enregistré, 0 erreur, 1 avertissement, 0 info, n'est pas celui que donne la "
        "vérification : 0 erreur, 0 avertissement, 0 info"
    ) in result.stdout
    assert "le verdict enregistré" not in result.stdout  # conforme both ways


@pytest.mark.parametrize("cut", [1, 40, 92, 93, 200, 5000, 60000])
def test_a_truncated_zip_is_named_as_the_zip(packed, tmp_path, cut) -> None:
    package, _ = packed
    truncated = tmp_path / "coupé.zip"
    truncated.write_bytes(package.read_bytes()[:-cut])
    result = invoke("verify", truncated)
    assert result.exit_code == 2
    assert re.match(
        rf"rapportlint: archive (tronquée|illisible) : {re.escape(str(truncated))} ",
        (result.stderr),
    )
    assert "manifest.json" not in result.stderr + result.stdout


def test_the_class_page_of_a_package_shows_its_fingerprint(packed, tmp_path) -> None:
    package, _ = packed
    folder = tmp_path / "classe"
    folder.mkdir()
    shutil.copy(package, folder)
    result = invoke("batch", folder, "--html", tmp_path / "tableau", "--json", tmp_path / "c.jsonl")
    assert result.exit_code == 0, result.output
    (page,) = [p for p in (tmp_path / "tableau").glob("*.html") if p.name != "index.html"]
    assert f"paquet intact · empreinte {_fingerprint(package)}" in page.read_text("utf-8")
    line = json.loads((tmp_path / "c.jsonl").read_text("utf-8"))
    assert line["package"]["fingerprint"] == _fingerprint(package)
