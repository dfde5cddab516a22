"""Accuracy gate (``make eval``): the development corpus and the real reports, against floors.

Runs ``../shared/devcorpus/score.py`` (generated reports with their truth) and, where the real
reports have been fetched into ``.realdev/`` (see ``../shared/realdev/README.md``; other
people's files, never committed), ``../shared/realdev/score.py``, on the reports as they are, without their bookmarks, and without
their contents pages nor bookmarks (``contents_pages.json``). Each figure must stay at or
above its floor in ``FLOORS``: the floors sit just under what the analysis reaches, so an
accuracy regression fails the gate (and CI, which runs it after the tests).

Where ``../shared/devcorpus`` is missing the gate says it is skipped and succeeds: the unit tests
never depend on it. This is a measure, not a target: no rule may special-case its files.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEVCORPUS = SHARED / "devcorpus"
REALDEV = SHARED / "realdev"
FETCHED = ROOT / ".realdev"
BLIND = Path(__file__).resolve().parent / "blind"  # manifest and truth of the blind waves
BLIND_FETCHED = ROOT / ".realblind"

# Reached on 2026-12-02: devcorpus 1.00 on every figure (the three scanned English pages now
# read by OCR), ratio MAE 0.000; the 64 real reports: company 1.00, activities 0.97,
# conclusion 0.98, body and annex start 0.98, no false error, one missed error (a report ending
# on "Les compétences et les savoirs acquis" read as its conclusion, where the reading finds
# none, which the tool reports as a warning); the annex composites of ../shared/annexdev (seed
# 1): every case right but one. The floors sit just under: one more miss in 40 cases still
# passes, two do not; a false error on a real report fails.
FLOORS = {
    "devcorpus": {
        "verdict_acc": 0.97,
        "rule_f1": 0.97,
        "body_pages_acc": 0.97,
        "section_acc": 0.97,
        "annex_start_acc": 0.97,
        "annex_pages_exact_rate": 0.97,
        "annex_kind_acc": 0.97,
    },
    "devcorpus_max": {"ratio_mae": 0.01},
    "realdev": {
        "sections_acc": 0.95,
        "entreprise_acc": 0.95,
        "activites_acc": 0.94,
        "conclusion_acc": 0.95,
        "body_acc": 0.96,
        "annex_start_acc": 0.96,
    },
    "realdev_max": {"false_errors": 0, "missed_errors": 1},
    # The same real reports with their bookmarks removed (19 of the 64 have some): what the
    # analysis reads from typography alone. Every part right on 2026-12-03, one body count off.
    "unbookmarked": {
        "sections_acc": 0.9,
        "entreprise_acc": 0.9,
        "activites_acc": 0.9,
        "conclusion_acc": 0.9,
        "body_acc": 0.9,
        "annex_start_acc": 0.9,
    },
    "unbookmarked_max": {"false_errors": 0, "missed_errors": 1},
    # The same real reports without their contents pages nor bookmarks (46 of the 64 list their
    # contents before the body; eval/contents_pages.json): the typography alone, as a student
    # who writes no contents list hands in.
    # On 2026-12-03: sections 0.99, company and conclusion 1.00, activities 0.952, body and
    # annex start 0.978, no false error: the floors let one more report in 46 go wrong.
    "uncontented": {
        "sections_acc": 0.97,
        "entreprise_acc": 0.95,
        "activites_acc": 0.92,
        "conclusion_acc": 0.95,
        "body_acc": 0.95,
        "annex_start_acc": 0.95,
    },
    "uncontented_max": {"false_errors": 0, "missed_errors": 1},
    # The reports read blind since 2026-12-04 (eval/blind/README.md), once the tool's causes
    # found on them were fixed: no longer blind, a regression set. On 2026-12-05 (572 reports,
    # waves 10 to 34; 59 of them Word or LibreOffice files converted by LibreOffice; 625 with
    # waves 35 to 37, 67 converted):
    # sections 0.98, company 0.98, activities 0.94, conclusion 0.99, body 0.97, annex start
    # 0.98. Eight
    # missed errors (a licence project whose host is only named, a Pages
    # research report whose "II. Contexte" on databases meets three organisation cues by
    # chance (new175 inria_nosql: RL201 warns at 50 %), a conclusion only the contents list
    # announces, an unfinished draft whose contents list announces a
    # conclusion it never wrote, another whose last title is its second chapter's own
    # "Conclusion" (new157 decade_draft), a research report closing on its "Discussion", a
    # Canva report whose contents list announces a "Bilan" it never wrote (new176
    # centre_social): warnings or parts where the readers found none (new191
    # avanade_chatbot, wave 30's new198 ether_prestashop and ether_ecommerce, the journal
    # new89 rssb_journal and wave 31's two, fixed since), and wave 34's research-paper
    # report whose host has one sentence under "1.1 Contexte" (new222 devoteam_ewat: RL201
    # warns at 50 % on the hint title).
    # Twelve false errors left. Seven are RL201 where the reader
    # marked the host "skip" and realdev's reader reads the same shape as no presentation
    # (mediawan, btssio1_ecole: null): a research lab given two sentences in the résumé on the
    # contents page (new106 ens_cvlab), a coworking space given three sentences of the
    # introduction (new116 betacowork_web), a web agency given two in the introduction's third
    # paragraph (new117 sendix_wisikard), a one-person web-design business given three
    # paragraphs of the foreword, through its owner and premises (new124 getbold_web, a Google
    # Slides report), a departmental service given a paragraph of the introduction (new136
    # sgcd_rsu), a laboratory given the first paragraph of "1 Introduction" (new139
    # lias_ordo), a marketplace given one paragraph of "2.2.1 Type de marketplace" (new160
    # iziway). The eighth is RL203 on a Word 2013 file whose letter spacing makes PDFium split
    # its words ("Expéri ence per sonnelle", new136 atb_banque): its closing words cannot be
    # read. (new108 wordpress_canva, a consultant host presented by the tutor's biography, is a
    # warning since wave 24.) The ninth, from wave 26: RL201 on a mid-internship report whose
    # laboratory is only named (new171 licit_amsterdam_mistage: the reader's "skip" for a
    # setting part on a European project, realdev's convention would say null). Fixed since:
    # new174 d8_espresso_sql (RL203), new180 lirmm_video (RL201) and new180 mines_gpu (RL202),
    # and wave 28's two (new182 mymini_api RL201, new186 thermocold_web RL203). The tenth, from
    # wave 29: RL303 on a master's memoir whose "Annexe C", a French listing, stands beside two
    # English documents (new193 tnah_charavay): the rule's reading for a BTS report's three
    # documents. The eleventh, from wave 30: RL202 on an unfinished draft whose results
    # chapter is empty and whose reader marked the activities "skip" (new199 banque_rating).
    # The twelfth, from wave 31: RL201 on a town hall's mapping project exported from
    # Obsidian (new203 mairie_cartographie), opened a session later: a project dossier with
    # no host part, whose introduction gives the town hall's IT staff one paragraph; the
    # convention shape of the first seven. Wave 32 (nine reports) added none; wave 33 (eleven)
    # brought one, fixed in the same session (new217 synetis_pam: a host paragraph in a LaTeX
    # text whose paragraphs end only on their short last line), and one missed error, fixed
    # too (new213 neel_pfe: an empty closing "Bilan"); wave 34 (seventeen) none, one missed
    # error (above). Waves 35 to 37 (76 reports, 625 in all) brought one false error of the
    # convention shape (new224 mnhn_chipseq: a research unit given one paragraph of the
    # introduction, the thirteenth) and two missed errors (new230 tunisietelecom_gpon and
    # sogertel_reclamations, unfinished drafts with no conclusion: RL203 warns; in the half
    # never opened). The floors let one or two more parts go wrong, never a fourteenth false
    # error. The activities' floor went down with those waves (0.93 -> 0.87): their readers
    # placed the activities where realdev's reader marks "skip" (five Togolese licence
    # reports on one school's template, at "Thème de stage" where realdev's reader of the same
    # template reads the work at "PARTIE 3 : RÉALISATION", as the tool does), and the
    # never-opened halves keep their own misses: 0.71 on the 76 new reports, about 0.91 on
    # the 625, 0.88 on the 353 extracted on 2026-12-05.
    "blind": {
        "sections_acc": 0.95,
        "entreprise_acc": 0.94,
        "activites_acc": 0.87,
        "conclusion_acc": 0.96,
        "body_acc": 0.95,
        "annex_start_acc": 0.95,
    },
    "blind_max": {"false_errors": 13, "missed_errors": 10},
    "annexdev": {
        "case_acc": 0.92,
        "docs_exact": 0.97,
        "kind_acc": 0.95,
        "lang_acc": 0.95,
        "rule_f1": 0.92,
    },
}
ANNEXDEV = SHARED / "annexdev"
POOL = ROOT / ".annexdev-pool"  # the pool documents, extracted as ../shared/annexdev says
ANNEX_CASES, ANNEX_SEED = 40, 1


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
    failures = _realdev_in(FETCHED, "realdev")
    with tempfile.TemporaryDirectory() as folder:
        count = _without_bookmarks(FETCHED, Path(folder))
        print(f"make eval: the {count} real reports with bookmarks, their bookmarks removed")
        failures += _realdev_in(Path(folder), "unbookmarked")
    with tempfile.TemporaryDirectory() as folder:
        count = _without_contents(FETCHED, Path(folder))
        print(f"make eval: {count} real reports without their contents pages nor bookmarks")
        failures += _realdev_in(Path(folder), "uncontented", Path(folder) / "score.py")
    return failures


CONTENTS_PAGES = Path(__file__).resolve().parent / "contents_pages.json"
PARTS = ("entreprise", "activites", "conclusion", "annex_start")


def _without_contents(source: Path, target: Path) -> int:
    """Copies of the reports of ``source`` that list their contents before the body, without
    those pages nor bookmarks, with the scorer and its truth shifted by the pages removed (a
    page the truth names is never removed: see contents_pages.json). Returns how many."""
    from pypdf import PdfReader, PdfWriter

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    removed_pages = json.loads(CONTENTS_PAGES.read_text())["pages"]
    truth = json.loads((REALDEV / "truth.json").read_text())["cases"]
    shifted = {}
    for key, removed in removed_pages.items():
        pdf = source / f"{key}.pdf"
        if key not in truth or not pdf.exists():
            continue
        case = dict(truth[key])
        for part in PARTS:
            if isinstance(case[part], int):
                case[part] -= sum(1 for page in removed if page < case[part])
        case["body_pages"] -= sum(1 for page in removed if page <= truth[key]["body_pages"])
        case["pages"] -= len(removed)
        try:
            reader = PdfReader(pdf)
            writer = PdfWriter()
            for number, page in enumerate(reader.pages, start=1):
                if number not in removed:
                    writer.add_page(page)
            with open(target / pdf.name, "wb") as out:
                writer.write(out)
        except Exception as error:  # a file pypdf cannot rewrite stays out of this measure
            print(f"  (not rewritten: {pdf.name}: {type(error).__name__})")
            continue
        shifted[key] = case
    shutil.copy(REALDEV / "score.py", target / "score.py")
    (target / "truth.json").write_text(json.dumps({"cases": shifted}))
    return len(shifted)


def _without_bookmarks(source: Path, target: Path) -> int:
    """Copies of the reports of ``source`` that have bookmarks, without them (as a student who
    exports without "create bookmarks"): the truth is the same, the headings must then come
    from the typography and the contents list. Returns how many were written."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # real files' repaired cross-references
    count = 0
    for pdf in sorted(source.glob("*.pdf")):
        try:
            reader = PdfReader(pdf)
            if reader.is_encrypted or not reader.outline:
                continue
            writer = PdfWriter(clone_from=reader)
            for key in ("/Outlines", "/PageMode"):
                if key in writer._root_object:
                    del writer._root_object[NameObject(key)]
            with open(target / pdf.name, "wb") as out:
                writer.write(out)
            count += 1
        except Exception as error:  # a file pypdf cannot rewrite stays out of this measure
            print(f"  (not rewritten: {pdf.name}: {type(error).__name__})")
    return count


def _realdev_in(corpus: Path, name: str, scorer: Path = REALDEV / "score.py") -> list[str]:
    out = subprocess.run(
        [
            sys.executable,
            str(scorer),
            "--json",
            "--corpus",
            str(corpus),
            "--cmd",
            _command(),
        ],
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
        return [f"{name}: the scorer gave no JSON"]
    return _check(name, data["summary"], FLOORS[name], FLOORS[f"{name}_max"])


def blind() -> list[str]:
    """The reports of the blind waves (eval/blind), scored by realdev's scorer on their truth."""
    score = REALDEV / "score.py"
    if not score.exists() or not BLIND_FETCHED.is_dir() or not any(BLIND_FETCHED.glob("*.pdf")):
        print(
            "make eval: blind-wave reports not extracted into .realblind/ (see eval/blind): skipped"
        )
        return []
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(score, Path(folder) / "score.py")  # the scorer reads the truth beside it
        shutil.copy(BLIND / "truth.json", Path(folder) / "truth.json")
        print("make eval: the reports of the blind waves")
        return _realdev_in(BLIND_FETCHED, "blind", Path(folder) / "score.py")


def annexdev() -> list[str]:
    """The annex composites: built afresh (40 cases, seed 1) from the pool documents and the
    real reports when both were fetched, then scored."""
    build, score = ANNEXDEV / "build.py", ANNEXDEV / "score.py"
    pool_table = ANNEXDEV / "POOL.tsv"
    if not (build.exists() and score.exists() and POOL.is_dir() and FETCHED.is_dir()):
        print(
            "make eval: annex composites skipped (extract the pool into .annexdev-pool/ and the "
            "real reports into .realdev/, see ../shared/annexdev/README.md)"
        )
        return []
    with tempfile.TemporaryDirectory() as folder:
        built = subprocess.run(
            [
                sys.executable,
                str(build),
                "--pool",
                str(pool_table),
                "--pool-dir",
                str(POOL),
                "--bases",
                str(ANNEXDEV / "bases.json"),
                "--base-dir",
                str(FETCHED),
                "--out",
                folder,
                "--n",
                str(ANNEX_CASES),
                "--seed",
                str(ANNEX_SEED),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if built.returncode != 0:
            return [f"annexdev: the composites could not be built: {built.stderr[-500:]}"]
        out = subprocess.run(
            [sys.executable, str(score), "--json", "--dir", folder, "--cmd", _command()],
            capture_output=True,
            text=True,
            check=False,
        )
    print(
        next(
            (line for line in out.stderr.splitlines() if line.startswith("ANNEXDEV")),
            out.stderr[-2000:],
        )
    )
    try:
        data = json.loads(out.stdout)
    except json.JSONDecodeError:
        return ["annexdev: the scorer gave no JSON"]
    return _check("annexdev", data["summary"], FLOORS["annexdev"], {})


def main() -> int:
    failures = devcorpus() + realdev() + blind() + annexdev()
    if failures:
        print("make eval: accuracy below its floor: " + "; ".join(failures), file=sys.stderr)
        return 1
    print("make eval: every figure at or above its floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
