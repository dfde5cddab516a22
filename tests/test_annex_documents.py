"""The three English documents as students paste them: where each ends, what kind it is, what
a picture is, what OCR reads, and which French or code annexes are not among them.

Fixtures from ``fixtures/annex_documents.py`` (reportlab, exact geometry) and
``fixtures/retyped_annexes.py`` (documents retyped in the report's word processor: fpdf2,
LibreOffice, LaTeX). Each report body is 14 pages, then the annex part.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures.annex_documents import CHART_BOX, HEIGHT, WIDTH

from conftest import checked, fired, fixture_path
from rapportlint.checker import check_report
from rapportlint.cli import main
from rapportlint.config import Settings
from rapportlint.findings import Severity
from rapportlint.model.ocr import tesseract_languages
from rapportlint.rules.context import Context
from rapportlint.rules.registry import RULES

ANNEX_RULES = {f"RL30{n}" for n in range(1, 10)}
ANNEX_ERRORS = {"RL301", "RL302", "RL303", "RL304", "RL305"}
needs_ocr = pytest.mark.skipif(
    tesseract_languages() is None,
    reason="tesseract (tesseract-ocr with its English data) is not installed",
)


def annexes(name: str):
    return checked(name).analysis.annexes


def findings(name: str, rule: str):
    return [f for f in checked(name).findings if f.rule == rule]


def hits(result, rule: str):
    """What a rule says of a checked report, before it is phrased (variant, severity)."""
    return list(RULES[rule].check(Context(result.analysis, Settings())))


def pages_line(name: str, page: int) -> str:
    out = CliRunner().invoke(main, ["pages", str(fixture_path(name))])
    assert out.exit_code == 0, out.output
    return next(line for line in out.output.splitlines() if line.split()[:1] == [str(page)])


# Boundaries: where one document ends and the next begins.


def test_datasheet_repeating_its_title_in_its_header_is_one_document() -> None:
    """A two-page datasheet, no bookmark, no label: its second page opens with a section
    ("Absolute Maximum Ratings", set larger) under the datasheet's title in small type."""
    name = "annexe-fiche-technique-deux-pages"
    assert [a.pages for a in annexes(name)] == [[16, 17], [18], [19]]
    assert checked(name).analysis.annex_boundaries[17] == "running-header"
    assert fired(name) & ANNEX_RULES == {"RL302"}
    (finding,) = findings(name, "RL302")
    assert finding.page == 16 and "2 pages" in finding.message
    assert "suite : même en-tête que la page d'avant" in pages_line(name, 17)


def test_press_release_numbered_in_its_own_footer_is_one_document() -> None:
    """A three-page press release whose own footer says "Page 1 of 3" to "Page 3 of 3",
    inside a report whose footer numbers every page ("Page 17 sur 20"); its last page opens
    with the heading "About Northwind Networks"."""
    name = "annexe-communique-trois-pages"
    assert [a.pages for a in annexes(name)] == [[16], [17, 18, 19], [20]]
    assert checked(name).analysis.annex_boundaries[19] == "page-number"
    assert fired(name) & ANNEX_RULES == {"RL302"}
    (finding,) = findings(name, "RL302")
    assert finding.page == 17 and "3 pages" in finding.message


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_retyped_documents_end_on_their_source_line(producer: str) -> None:
    """Three English documents retyped in the report's own font after its bibliography, no
    bookmark, titles in bold at the text size, each page nearly full: each ends on its
    "Source : https://..." line, which is where the next one starts."""
    name = f"annexes-retapees-sources{producer}"
    analysis = checked(name).analysis
    assert (analysis.layout.annex_start, analysis.layout.annex_reason) == (16, "language")
    assert [a.pages for a in analysis.annexes] == [[16], [17], [18]]
    assert [analysis.annex_boundaries[n] for n in (17, 18)] == ["source", "source"]
    assert [a.kind for a in analysis.annexes] == ["technique", "presse", "presse"]
    assert not fired(name) & ANNEX_RULES
    assert "début : la page d'avant finissait sur sa source" in pages_line(name, 17)


# Kinds, read from the document's own text.


@pytest.mark.parametrize(
    ("name", "index", "kind", "cue"),
    [
        ("annexes-cadres-et-bandeaux", 0, "technique", "steps"),  # a tutorial with code
        ("annexes-cadres-et-bandeaux", 1, "presse", "dateline"),  # "PARIS, March 3, 2024 -"
        ("annexes-cadres-et-bandeaux", 2, "presse", "photo credit"),  # university news
        ("annexe-communique-trois-pages", 1, "presse", "press release"),
        ("annexes-communiques", 2, "presse", "press release"),  # FOR IMMEDIATE RELEASE
        ("annexe-fiche-technique-deux-pages", 0, "technique", "maximum ratings"),
        ("annexes-presse-puis-rfc", 1, "technique", "MUST/SHOULD"),  # an RFC-like page
        ("annexe-graphique-demi-page", 1, "presse", "correspondent"),
    ],
)
def test_kind_is_read_with_confidence(name: str, index: int, kind: str, cue: str) -> None:
    annex = annexes(name)[index]
    assert (annex.kind, annex.role) == (kind, "english")
    assert annex.kind_confidence >= 0.6
    assert cue in annex.cues


# French annexes: one of the three only beside an English one.


@pytest.mark.parametrize(
    "name",
    [
        "annexe-presse-francaise-voisine",
        "annexe-presse-francaise-retapee",
        "annexe-presse-francaise-retapee-libreoffice",
    ],
)
def test_french_article_after_two_english_documents_is_the_third(name: str) -> None:
    third = annexes(name)[2]
    assert (third.role, third.language, third.kind) == ("english", "fr", "presse")
    (finding,) = findings(name, "RL303")
    assert finding.page == 18 and "français" in finding.message
    assert finding.severity == "error"  # the three are there: it is plainly one of them


def test_french_article_after_the_three_english_documents_is_an_error() -> None:
    """Three English documents with no kind written, then a French press article as a
    fourth: it stands with two English documents of the three or more, so it is meant as one
    of them; RL303 is an error though the report does not annex exactly three."""
    name = "annexe-francaise-apres-les-trois"
    assert [(a.role, a.language) for a in annexes(name)] == [("english", "en")] * 3 + [
        ("english", "fr")
    ]
    (finding,) = findings(name, "RL303")
    assert (finding.severity, finding.page) == ("error", 19)


@pytest.mark.parametrize(
    "name",
    [
        "annexe-francaise-pres-d-un-support-d-atelier",
        "annexe-francaise-pres-d-un-support-d-atelier-libreoffice",
    ],
)
def test_french_page_beside_a_handout_is_only_perhaps_one_of_the_three(name: str) -> None:
    """A French press-like page, then an English workshop handout over two pages: two
    annexes with no kind written, not the three documents. The French page stands where the
    three stand, but the student's own notes of a conference look the same: RL303 says what
    it saw as a warning, with both fixes, never as an error."""
    french, handout = annexes(name)
    assert (french.role, french.language) == ("english", "fr")
    assert (handout.language, handout.pages) == ("en", [17, 18])
    (finding,) = findings(name, "RL303")
    assert (finding.severity, finding.page) == ("warning", 16)
    assert "si c'est l'un des trois documents" in finding.message
    assert "titrez-le pour ce qu'il est" in finding.fix


def test_french_procedure_among_french_screenshots_is_another_annex() -> None:
    """After the three English documents, a screenshot, an installation procedure in French
    (an extract of the publisher's manual) and another screenshot: no English neighbour, so
    the procedure is another annex, and nothing about the annexes is wrong."""
    name = "procedure-francaise-captures"
    found = annexes(name)
    procedure = found[4]
    assert procedure.title == "Procédure d'installation de l'agent de supervision"
    assert (procedure.role, procedure.language, procedure.kind_shown) == ("other", "fr", "autre")
    assert [a.role for a in found] == ["english"] * 3 + ["other"] * 3
    # Without tesseract, RL309 (info) says the screenshots could not be read: nothing wrong.
    assert not fired(name) & (ANNEX_RULES - {"RL309"})
    data = json.loads(
        CliRunner().invoke(main, ["check", "--format", "json", str(fixture_path(name))]).output
    )
    assert data["annexes"][4]["kind"] == "autre"


@pytest.mark.parametrize(
    "name", ["annexe-liens-de-documentation", "annexe-liens-de-documentation-libreoffice"]
)
def test_documentation_links_under_annexes_are_no_english_document(name: str) -> None:
    """ "Annexes" over the documentation the student used, a title over each link: the
    report's references, another annex; RL301 counts no English document."""
    (links,) = annexes(name)
    assert (links.role, links.language) == ("other", "en")
    (finding,) = findings(name, "RL301")
    assert finding.message.startswith("0 document en anglais")


# Code and listings are other annexes.


@pytest.mark.parametrize("name", ["annexe-code-python", "annexe-code-python-latex"])
def test_a_python_script_over_two_pages_is_another_annex(name: str) -> None:
    """The student's Python script, its comments in English, over two pages: no document of
    the three, so neither RL302 (two pages) nor RL303."""
    script = annexes(name)[-1]
    assert (script.role, script.language, len(script.pages)) == ("other", "en", 2)
    assert [a.role for a in annexes(name)[:3]] == ["english"] * 3
    assert not fired(name) & ANNEX_RULES


# Pictures: what is a figure on an annex page.


def test_boxes_stripes_and_bands_are_no_figures() -> None:
    """A tutorial whose code stands in boxes with a stripe behind every other line, a news
    page printed from a browser with its text in container boxes, a university news post
    under a full-width header band with a side band: only the post's photo is a picture."""
    name = "annexes-cadres-et-bandeaux"
    shares = [a.image_ratio[0] for a in annexes(name)]
    assert shares[1] == 0.0  # the text's containers
    assert shares[2] == pytest.approx(240 * 150 / (WIDTH * HEIGHT), abs=0.005)  # the photo
    assert shares[0] < 0.1  # three code boxes, stripes and all, are not a third of the page
    assert "RL305" not in fired(name)
    assert checked(name).verdict == "pass"


def test_a_vector_chart_over_half_the_page_is_a_figure() -> None:
    name = "annexe-graphique-demi-page"
    x0, y0, x1, y1 = CHART_BOX
    share = (x1 - x0 + 1) * (y1 - y0 + 1) / (WIDTH * HEIGHT)  # the frame and its stroke
    assert annexes(name)[1].image_ratio[0] == pytest.approx(share, abs=0.01)
    (finding,) = findings(name, "RL305")
    assert finding.page == 17 and finding.severity is Severity.ERROR
    (hit,) = hits(checked(name), "RL305")
    assert hit.variant is None  # a real figure, not a page that is only a picture


# OCR: text that is only in pixels.


@needs_ocr
def test_scanned_press_page_is_read_by_ocr() -> None:
    name = "annexe-presse-scannee"
    scan = annexes(name)[1]
    assert (scan.language, scan.kind, scan.read_by_ocr) == ("en", "presse", [17])
    assert scan.scanned == [True] and scan.title == "Cyber attack shuts down city council services"
    variants = {rule: [h.variant for h in hits(checked(name), rule)] for rule in ("RL305", "RL307")}
    assert variants == {"RL305": ["text-in-picture"], "RL307": ["read"]}
    assert "RL309" not in fired(name) and "RL304" not in fired(name)


def test_scanned_press_page_without_ocr_is_said_once(monkeypatch) -> None:
    """Where tesseract is not installed, the scan's language and kind stay unknown, and RL309
    says so once, as information, with what to install."""
    from rapportlint.analysis import report
    from rapportlint.model import ocr

    for module in (ocr, report):  # the analysis holds its own reference to the function
        monkeypatch.setattr(module, "tesseract_languages", lambda: None)
    result = check_report(fixture_path("annexe-presse-scannee"), Settings())
    scan = result.analysis.annexes[1]
    assert (scan.language, scan.kind, scan.read_by_ocr) == ("und", "inconnu", [])
    (finding,) = [f for f in result.findings if f.rule == "RL309"]
    assert (finding.severity, finding.page) == (Severity.INFO, 17)
    assert "tesseract-ocr" in finding.fix
    assert [h.variant for h in hits(result, "RL309")] == [None]
    assert [h.variant for h in hits(result, "RL307")] == [None]


@needs_ocr
def test_the_languages_of_tesseract_are_asked_once_then_kept(monkeypatch) -> None:
    """Asking Tesseract for its languages costs a process on every report read by OCR: the
    answer is kept in the cache folder, and asked again when the installation changed or the
    kept file is not what was written."""
    import subprocess

    from rapportlint.cache import default_folder
    from rapportlint.model import ocr

    asked = []
    real_run = subprocess.run

    def counted_run(*args, **kwargs):
        asked.append(args[0])
        return real_run(*args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counted_run)
    kept = default_folder() / ocr.LANGUAGES_FILE
    try:
        ocr.tesseract_languages.cache_clear()
        first = ocr.tesseract_languages()
        assert len(asked) == 1 and kept.is_file()
        ocr.tesseract_languages.cache_clear()
        assert ocr.tesseract_languages() == first and len(asked) == 1  # from the file
        monkeypatch.setenv("TESSDATA_PREFIX", "/nowhere")  # another installation: asked again
        ocr.tesseract_languages.cache_clear()
        ocr.tesseract_languages()
        assert len(asked) == 2
        monkeypatch.delenv("TESSDATA_PREFIX")
        kept.write_text('{"installation": 3, "languages": ["eng"]}', encoding="utf-8")
        ocr.tesseract_languages.cache_clear()
        assert ocr.tesseract_languages() == first and len(asked) == 3  # damaged: asked again
    finally:
        ocr.tesseract_languages.cache_clear()


@needs_ocr
def test_ocr_stopped_at_its_page_limit_says_so() -> None:
    result = check_report(fixture_path("annexe-presse-scannee"), Settings(ocr_max_pages=0))
    assert result.analysis.annexes[1].language == "und"
    (hit,) = hits(result, "RL309")
    assert (hit.variant, hit.page) == ("limit", 17)


@needs_ocr
def test_pages_read_ahead_are_what_reading_them_gives_within_the_same_budget() -> None:
    """OCR reads ahead on the second core (two Tesseracts): what is asked for afterwards is
    what reading it then would give; pages read ahead count only once asked for, the budget
    still stops the next one, and a pickled reader keeps what was read."""
    import pickle

    from rapportlint.model.ocr import OcrReader

    data = fixture_path("annexe-presse-scannee").read_bytes()
    alone = OcrReader(data).read(17)
    assert alone is not None and "council" in alone.text.lower()
    ahead = OcrReader(data, max_pages=1)
    ahead.prefetch([17, 16, 17])
    assert ahead.read(17) == alone
    assert ahead.read(16) is None  # past the budget of one page, read ahead or not
    copy = pickle.loads(pickle.dumps(ahead))
    assert copy.pages_read == [17] and copy.read(17) == alone


def _tesseracts() -> set[int]:
    """Our child processes named tesseract (Linux's /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid, rest = stat.read_text().split(" ", 1)
        except OSError:
            continue
        name, _, fields = rest.rpartition(") ")
        if name == "(tesseract" and int(fields.split()[1]) == os.getpid():
            found.add(int(pid))
    return found


@needs_ocr
def test_a_tesseract_started_ahead_reads_the_first_page_or_is_stopped() -> None:
    """A report whose second half holds a scan has a Tesseract start loading its models from
    the start of the analysis: the first page read takes it and reads what a fresh one
    reads; unused, settling the reader stops it; a pickled reader starts none."""
    import pickle

    from rapportlint.model.ocr import OcrReader

    data = fixture_path("annexe-presse-scannee").read_bytes()
    fresh = OcrReader(data).read(17)
    ahead = OcrReader(data)
    ahead.warm_up()
    ahead._warming.join()
    assert len(_tesseracts()) == 1
    assert ahead.read(17) == fresh and fresh is not None
    assert _tesseracts() == set()
    unused = OcrReader(data)
    unused.warm_up()
    copy = pickle.loads(pickle.dumps(unused))  # pickling settles the reader
    assert _tesseracts() == set()
    copy.warm_up()
    assert copy._warming is None
    check_report(fixture_path("annexe-presse-scannee"), Settings())
    assert _tesseracts() == set()


@needs_ocr
def test_a_page_ocr_cannot_finish_or_render_is_unread_and_leaves_no_process() -> None:
    """Tesseract starts before the page is rendered (it loads its models meanwhile): when the
    page does not render, or Tesseract overruns its time, the page is unread (None) and the
    process started for it is gone."""
    from rapportlint.model.ocr import OcrReader

    tesseracts = _tesseracts
    data = fixture_path("annexe-presse-scannee").read_bytes()
    assert OcrReader(data).read(999) is None  # no such page
    assert OcrReader(data, timeout=0.01).read(17) is None
    assert tesseracts() == set()


@needs_ocr
def test_letters_drawn_as_shapes_are_read_by_ocr_and_are_no_figure() -> None:
    """A news page printed with its fonts outlined (486 drawn shapes, no text layer) under the
    student's "Annexe 2" label: its text is read by OCR, its shapes are letters."""
    name = "annexe-lettres-dessinees"
    page = annexes(name)[1]
    assert (page.language, page.kind, page.read_by_ocr) == ("en", "presse", [17])
    assert page.image_ratio == [0.0] and page.text_in_pictures == [True]
    assert not fired(name) & ANNEX_ERRORS


@pytest.mark.parametrize(
    "name",
    ["annexe-fiche-technique-deux-tailles", "annexe-fiche-technique-deux-tailles-etiquettes"],
)
def test_a_datasheet_page_in_larger_type_goes_on_with_the_first(name: str) -> None:
    """A two-page datasheet, its second page in the same font at 11 pt after a 9 pt first
    page, under a separator or a label: one document of two pages (RL302), not two technical
    documents (RL301 and RL304 were errors with four documents)."""
    found = annexes(name)
    assert [len(a.pages) for a in found] == [2, 1, 1]
    assert fired(name) & ANNEX_ERRORS == {"RL302"}


@pytest.mark.parametrize("name", ["annexe-fiche-bandeaux", "annexe-fiche-bandeaux-reduite"])
def test_a_datasheet_s_edge_bands_are_page_design_even_shrunk(name: str) -> None:
    """A datasheet designed with a header band, a side strip and a footer band: page design,
    not pictures, also once the page is shrunk to 90 % under the student's label, where the
    bands no longer touch the page's edges (they chained into one figure over 67 % of the page,
    a false RL305 error)."""
    datasheet = annexes(name)[0]
    assert datasheet.kind == "technique" and datasheet.image_ratio[0] < 0.1
    assert not fired(name) & ANNEX_ERRORS


def test_a_router_configuration_is_the_student_s_own_annex_not_an_english_document() -> None:
    """Cisco IOS commands typed one per line ("crypto pki trustpoint LAB-CA", "no sequence
    20", "enrollment retry count 4"): few symbols, but no sentence either. An annex of the
    student's own, not a fourth English document (RL301 was an error, with four)."""
    name = "annexe-configuration-routeur"
    assert [(a.role, a.kind_shown) for a in annexes(name)] == [
        ("other", "autre"),
        ("english", "technique"),
        ("english", "presse"),
        ("english", "presse"),
    ]
    assert not fired(name) & ANNEX_ERRORS


def test_a_list_of_annexes_with_long_titles_is_the_part_s_title_page() -> None:
    """ "Table des annexes" over three entries that carry each document's whole title (over
    16 words, wrapped on two lines): the part's title page, not a fourth English document
    (RL301 was an error, with four)."""
    name = "annexes-liste-longue"
    analysis = checked(name).analysis
    assert analysis.roles[14].role == "annexes-title"  # page 15
    assert [a.pages for a in analysis.annexes] == [[16], [17], [18]]
    assert not fired(name) & ANNEX_ERRORS


def test_text_written_outside_the_page_is_not_read() -> None:
    """A web capture's overflow (the site's header, three lines above the top of the page,
    clipped) came first in the text layer and pushed the student's "Annexe 1" label out of the
    page's first lines: the datasheet was the report's last page, and RL301 an error. What is
    wholly outside the page is not read, as no reader sees it."""
    name = "annexe-texte-hors-page"
    analysis = checked(name).analysis
    first = analysis.document.page(15).lines[0]
    assert first.text == "Annexe 1 : document technique"
    assert (analysis.layout.annex_start, analysis.layout.last_body_page) == (15, 14)
    assert [a.pages for a in analysis.annexes] == [[15], [16], [17]]
    assert not fired(name) & ANNEX_ERRORS


def test_a_page_of_drawn_letters_alone_is_a_document_not_a_blank_page() -> None:
    """The same news page without its label: no text line, no picture, only the shapes of
    its letters. It is the second document, not a blank page between two."""
    assert [a.pages for a in annexes("annexe-lettres-dessinees-seules")] == [[16], [17], [18]]


APPENDED_DRAWN = [
    "annexes-fusionnees-lettres-dessinees",
    "annexes-fusionnees-lettres-dessinees-libreoffice",
]


@pytest.mark.parametrize("name", APPENDED_DRAWN)
def test_documents_appended_with_drawn_letters_open_the_annex_part(name: str) -> None:
    """Right after the conclusion (a PDF merge, no "Annexes" page), an English datasheet, then
    two news pages printed with outlined fonts: no text layer, their language unknown before
    OCR. They go with the English page before them: the annex part starts at the datasheet
    (one English page of three did not make the run alone), and each page is a document."""
    analysis = checked(name).analysis
    assert (analysis.layout.annex_start, analysis.layout.annex_reason) == (15, "language")
    assert [a.pages for a in analysis.annexes] == [[15], [16], [17]]


@needs_ocr
@pytest.mark.parametrize("name", APPENDED_DRAWN)
def test_documents_appended_with_drawn_letters_are_the_three_english_ones(name: str) -> None:
    assert [(a.language, a.kind) for a in annexes(name)] == [
        ("en", "technique"),
        ("en", "presse"),
        ("en", "presse"),
    ]
    assert not fired(name) & ANNEX_ERRORS


def test_a_drawn_back_cover_alone_opens_no_annex_part() -> None:
    """A back cover of concentric circles drawn as shapes after the conclusion: shapes say
    nothing of a language, and no English page is there for them to join: the page stays the
    report's, as a reader counts it."""
    layout = checked("dos-de-couverture-dessine").analysis.layout
    assert (layout.annex_start, layout.last_body_page, layout.page_count) == (None, 15, 15)


# No English document at all.


@pytest.mark.parametrize(
    "name", ["annexes-trois-francaises", "fiche-competences-et-cv", "rapport-sans-annexes"]
)
def test_no_english_document_is_one_error_and_a_warning(name: str) -> None:
    (count,) = findings(name, "RL301")
    assert count.severity is Severity.ERROR and count.message.startswith("0 document en anglais")
    (kinds,) = findings(name, "RL304")
    assert kinds.severity is Severity.WARNING
    assert "Aucun document en anglais" in kinds.message and "Types sûrs" not in kinds.message
    (hit,) = hits(checked(name), "RL304")
    assert hit.variant == "none"


LETTER_SPACED_CODE = """1 #i n cl u d e <s t d i o . h>
5 c l a s s DISQUE //un elemen t de l a p i l e
6 { p r i v a t e :
7 i n t _valeur ;
13 s t a t i c void Empiler (DISQUE ∗∗ t e t e , i n t n ) ;
14 s t a t i c void D e pil e r (DISQUE ∗∗ t e t e , i n t ∗ n ) ;
15 s t a t i c void D e pil e r (DISQUE ∗∗ t e t e ) ; // d e p i l e r to u t
17 i n t GetValeur ( ) { r e t u r n ( _valeur ) ; }
20 void DISQUE : : Empiler (DISQUE ∗∗ t e t e , i n t n )
21 { DISQUE ∗ nouveau = new DISQUE( n ) ;
22 nouveau−>_suivant=∗t e t e ; ∗ t e t e = nouveau ; }
"""


def test_code_set_with_spaced_letters_is_a_listing() -> None:
    """A C++ listing whose text layer spaces its letters ("c l a s s", "i n t"): code, an
    annex of its own kind, never a document in Italian (realextra's LaTeX listing did)."""
    from rapportlint.analysis.annexes import is_listing

    assert is_listing(LETTER_SPACED_CODE * 3)  # a page of it
    assert not is_listing(" ".join(["Le réseau de l'agence a été remplacé en mars."] * 8))


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Références", "other"),  # the report's references, set after its annexes
        ("5 References", "other"),
        ("Bibliographie et webographie", "other"),
        ("Reference design for PoE switches", "english"),  # a datasheet's own title
    ],
)
def test_the_reports_references_after_its_annexes_are_no_document_of_the_three(
    title: str, role: str
) -> None:
    from rapportlint.analysis.annexes import _role

    assert _role("en", "presse", 0.7, [], None, False, title, None, None) == role
