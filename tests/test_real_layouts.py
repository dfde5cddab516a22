"""Report structure and annex part on layouts seen in real students' reports.

Each fixture is built to look like the real report that broke an earlier analysis (see
``fixtures/layouts.py`` and ``fixtures/annex_reports.py``), most from two producers; the
expectations are what a person reads on the pages.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import checked, fired, fixture_path
from rapportlint.cli import main
from rapportlint.render.json_report import schema

SECTIONS = ("entreprise", "activites", "conclusion")


def parts(name: str) -> dict[str, tuple[int, int] | None]:
    sections = checked(name).analysis.sections
    return {
        k: (sections[k].page, sections[k].end_page) if k in sections else None for k in SECTIONS
    }


def roles(name: str) -> str:
    """The roles as one letter a page, so that a whole report reads at a glance."""
    letters = {
        "cover": "C",
        "contents": "S",
        "front": "F",
        "body": "b",
        "annexes-title": "T",
        "annex-separator": "|",
        "annex": "A",
        "annex-other": "o",
        "blank": "_",
    }
    return "".join(letters[r.role] for r in checked(name).analysis.roles)


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_no_company_part_although_missions_have_a_context(producer: str) -> None:
    """The host is named only in the introduction; "Contexte" under each mission and a
    "Présentation de l'application" inside the activities are no company part."""
    name = f"sans-entreprise-contexte{producer}"
    assert parts(name) == {"entreprise": None, "activites": (5, 7), "conclusion": (8, 8)}
    assert "RL201" in fired(name) and "RL202" not in fired(name)


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_company_activity_is_not_the_students(producer: str) -> None:
    """ "Activité et clientèle" under "L'entreprise" is the company's: no activities part."""
    name = f"activite-clientele{producer}"
    assert parts(name)["entreprise"] == (5, 5) and parts(name)["activites"] is None
    assert "RL202" in fired(name) and "RL201" not in fired(name)


def test_canva_parts_opened_by_sideways_titles() -> None:
    """Each part opens on a divider whose title runs up the margin ("PRÉSENTATION DE" /
    "L'ENTREPRISE" in two columns), the contents page is titled sideways too: every part is
    found at its divider, none is missing."""
    assert parts("canva-titres-de-cote") == {
        "entreprise": (5, 6),
        "activites": (7, 8),
        "conclusion": (9, 10),
    }
    assert checked("canva-titres-de-cote").analysis.sections["entreprise"].title == (
        "PRÉSENTATION DE L'ENTREPRISE"
    )
    assert not {"RL201", "RL202", "RL203"} & fired("canva-titres-de-cote")


def test_canva_page_titles_at_sizes_of_their_own() -> None:
    """Each page's title set its own size, no outline: "Déroulement du stage" at 16 points,
    smaller than every other title, still opens the activities (a title naming them outright
    at the top of its page); the company's presentation ends before it, not four pages on."""
    name = "canva-titres-de-tailles-libres"
    assert parts(name) == {"entreprise": (3, 4), "activites": (5, 8), "conclusion": (9, 9)}
    assert checked(name).analysis.sections["activites"].title == "Déroulement du stage"
    assert not {"RL201", "RL202", "RL203", "RL205"} & fired(name)


def test_canva_torn_outline_is_no_plan() -> None:
    """Bookmarks of each text box of a split title ("1.", "PRÉSENTATION", "DE", ...), of a
    line's end ("la mission et") and of a paragraph: the outline is set aside and the parts
    are read from the page titles, the activities at "2. MISSIONS RÉALISÉES", not at the
    piece "la mission et"."""
    from rapportlint.analysis.headings import torn_outline

    name = "canva-signets-dechires"
    assert torn_outline([entry.title for entry in checked(name).analysis.document.outline])
    assert parts(name) == {"entreprise": (3, 4), "activites": (5, 6), "conclusion": (7, 7)}
    assert checked(name).analysis.sections["activites"].title == "2. MISSIONS RÉALISÉES"
    assert not torn_outline(["Introduction", "1. Présentation de l'entreprise", "", "", "2."])


def test_canva_title_in_capitals_over_two_lines() -> None:
    """ "PRÉSENTATION DES" / "MISSIONS RÉALISÉES", listed on one line in the contents and written
    after the text in the content stream; a larger sentence ending with a colon is no heading."""
    assert parts("canva-missions") == {
        "entreprise": (4, 5),
        "activites": (6, 7),
        "conclusion": (8, 8),
    }
    activities = checked("canva-missions").analysis.sections["activites"]
    assert activities.title == "PRÉSENTATION DES MISSIONS RÉALISÉES"
    assert activities.wording == "présentation des missions"


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_headings_told_by_their_words_and_colon(producer: str) -> None:
    """Everything bold at the body size ("Print to PDF" of a bold style): "L'organisme
    d'acceuil :" (with its typo), "Ce que j'ai pu faire lors de mon stage :", "Conclusion :"."""
    name = f"titres-deux-points{producer}"
    assert parts(name) == {"entreprise": (2, 2), "activites": (3, 4), "conclusion": (5, 5)}
    sections = checked(name).analysis.sections
    assert sections["entreprise"].wording == "l'entreprise d'accueil"
    assert sections["activites"].wording == "ce que j'ai fait"
    assert not fired(name) & {"RL201", "RL202", "RL203", "RL205"}


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_contents_and_first_part_on_one_page(producer: str) -> None:
    """A short report: the list of its parts (untitled and numbered, or titled), then the first
    part under it on the same page."""
    name = f"sommaire-et-debut{producer}"
    assert parts(name)["entreprise"] == (2, 2)
    assert parts(name)["conclusion"] == (5, 5)
    assert roles(name) == "Cbbbb"  # page 2 holds the first part: it is body, not contents
    layout = checked(name).analysis.layout
    assert (layout.body_pages, layout.intro_page) == (5, 2)


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_contents_at_the_end_confirms_headings_and_starts_nothing(producer: str) -> None:
    """Headings set like the text are found because the contents list on the last page lists
    them; that page is contents, after the annexes, and the body starts at the introduction."""
    name = f"sommaire-a-la-fin{producer}"
    assert parts(name) == {"entreprise": (4, 5), "activites": (6, 8), "conclusion": (9, 9)}
    layout = checked(name).analysis.layout
    assert (layout.body_pages, layout.annex_start, layout.intro_page) == (9, 10, 3)
    assert roles(name).endswith("TS")


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_singular_annex_heading_ends_a_thirty_page_body(producer: str) -> None:
    name = f"annexe-singulier{producer}"
    layout = checked(name).analysis.layout
    assert (layout.body_pages, layout.annex_start) == (30, 31)
    assert parts(name)["conclusion"] == (30, 30)
    assert parts(name)["activites"][1] < 30  # parts never run into each other
    assert not fired(name) & {"RL101", "RL205", "RL206"}
    (vocabulary,) = checked(name).analysis.annexes
    assert vocabulary.role == "other"


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_explicit_conclusion_wins_and_covers_the_bilans(producer: str) -> None:
    """ "4. Conclusion technique", "5. Bilan de la mission", "6. Bilan personnel": the part starts
    at the explicit conclusion and covers the bilans (3 pages: RL206); "2.3 Conclusion du
    projet" inside the activities is no conclusion of the report."""
    name = f"conclusion-technique-bilans{producer}"
    assert parts(name)["conclusion"] == (13, 15)
    assert checked(name).analysis.sections["conclusion"].title == "4. Conclusion technique"
    assert parts(name)["activites"] == (7, 12)
    assert "RL206" in fired(name)


def test_calibri_ligature_glyphs_read_as_letters() -> None:
    """Ɵ, Ʃ and Ư (Calibri's "ti", "tt", "ff" as Print to PDF writes them) are letters again in
    headings, messages and outputs."""
    result = checked("ligatures-calibri")
    sections = result.analysis.sections
    assert sections["activites"].title == "2. Missions effectuées"
    assert sections["entreprise"].title == "1. Présentation de l'entreprise"
    text = result.analysis.body_text(1, result.analysis.layout.body_pages)
    assert "configuration" in text and "cette" in text
    assert not set(text) & {"\u019f", "\u01a9", "\u01af"}
    assert result.analysis.layout.intro_page == 4  # "IntroducƟon" is the introduction


def test_findings_name_the_printed_page_number() -> None:
    """Footers numbered from the introduction: physical page 14 is printed "11"."""
    finding = next(f for f in checked("conclusion-numerotee").findings if f.rule == "RL206")
    assert (finding.page, finding.page_label) == (14, "11")
    out = CliRunner().invoke(main, ["check", str(fixture_path("conclusion-numerotee"))])
    assert "(page 14, numérotée 11)" in out.output


@pytest.mark.parametrize(
    ("name", "pages", "role_string"),
    [
        # 1. an "Annexes" page listing the annexes, under a running header and above a footer
        ("annexes-page-liste", [[16], [17], [18]], "CFSbbbbbbbbbbbTAAA"),
        ("annexes-page-liste-libreoffice", [[16], [17], [18]], "CFSbbbbbbbbbbbTAAA"),
        # ... the running header set lower, at 11-12 % of the page (fpdf2; LaTeX's fancyhdr)
        ("annexes-page-liste-en-tete-bas", [[16], [17], [18]], "CFSbbbbbbbbbbbTAAA"),
        ("annexes-page-liste-en-tete-bas-latex", [[20], [21], [22]], "CFSbbbbbbbbbbbbbbbTAAA"),
        # ... opening on its own contents list, "Sommaire des annexes :" in bold over the entries
        ("annexes-sommaire-propre", [[16], [17], [18]], "CFSbbbbbbbbbbbTAAA"),
        ("annexes-sommaire-propre-libreoffice", [[16], [17], [18]], "CFSbbbbbbbbbbbTAAA"),
        # 2. a separator page before each document
        ("annexes-intercalaires", [[16], [18], [20]], "CFSbbbbbbbbbbb|A|A|A"),
        ("annexes-intercalaires-latex", [[20], [22], [24]], "CFSbbbbbbbbbbbbbbb|A|A|A"),
        # 3. the part announced only by each page's "Annexe N : ..." header
        ("annexes-entetes-seules", [[15], [16], [17]], "CFSbbbbbbbbbbbAAA"),
        # 4. nothing announces them: a press article, then an RFC page, then another article
        ("annexes-presse-puis-rfc", [[15], [16], [17]], "CFSbbbbbbbbbbbAAA"),
        # 6. French annexes that are not among the three
        (
            "annexes-francaises-autres",
            [[16], [17], [18], [19], [20], [21], [22]],
            "CFSbbbbbbbbbbbTAAAoooo",
        ),
    ],
)
def test_annex_part_pages_and_documents(
    name: str, pages: list[list[int]], role_string: str
) -> None:
    assert [a.pages for a in checked(name).analysis.annexes] == pages
    assert roles(name) == role_string


@pytest.mark.parametrize(
    "name",
    [
        "annexes-page-liste",
        "annexes-page-liste-libreoffice",
        "annexes-page-liste-en-tete-bas",
        "annexes-page-liste-en-tete-bas-latex",
        "annexes-sommaire-propre",
        "annexes-sommaire-propre-libreoffice",
        "annexes-intercalaires",
        "annexes-intercalaires-latex",
        "annexes-entetes-seules",
        "annexes-presse-puis-rfc",
        "annexes-francaises-autres",
        "annexes-communiques",
        "annexes-magazine",
    ],
)
def test_compliant_annex_parts_raise_no_annex_error(name: str) -> None:
    assert not fired(name) & {"RL301", "RL302", "RL303", "RL304", "RL305"}
    assert checked(name).verdict == "pass"


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_contents_list_in_capitals_at_the_end_is_no_english_document(producer: str) -> None:
    """No annex; a two-page contents list closes the document, its titles in capitals without
    accents ("OUTILS TECHNOLOGIQUES ET LANGAGES UTILISES"), which langdetect reads as English
    on its second page. The list is the report's own matter: no annex part starts there and
    the body runs to the last page."""
    result = checked(f"sommaire-majuscules-a-la-fin{producer}")
    layout = result.analysis.layout
    assert layout.annex_start is None and layout.last_body_page == layout.page_count == 19
    assert roles(f"sommaire-majuscules-a-la-fin{producer}").endswith("bSS")
    assert result.analysis.annexes == []


@pytest.mark.parametrize("producer", ["", "-latex", "-libreoffice"])
def test_references_wrapped_over_several_lines_stay_the_body_s_last_page(producer: str) -> None:
    """No annex; the report ends on two pages of English references in an author-year style,
    each entry wrapped over three or four lines under a hanging indent with its year once.
    Read an entry at a time, the second page, under no title, is still the references: the
    body runs to the last page, no English document is appended."""
    name = f"references-sur-la-derniere-page{producer}"
    layout = checked(name).analysis.layout
    assert layout.annex_start is None and layout.last_body_page == layout.page_count
    assert checked(name).analysis.annexes == []
    assert roles(name).endswith("bb")


def test_separator_gives_its_label_and_kind_to_the_next_document() -> None:
    annexes = checked("annexes-intercalaires").analysis.annexes
    assert annexes[1].label == "Annexe 2 - Article de presse"
    assert annexes[1].kind_declared == "presse"
    assert annexes[1].title == "Cyber-attack hits regional hospitals"  # its own title


def test_page_furniture_is_never_a_title_or_a_source() -> None:
    """The running header "Rapport de stage - Camille Martin" and "Page 16 sur 18" are on every
    annex page: no document takes its title or its source from them."""
    for annex in checked("annexes-page-liste").analysis.annexes:
        assert "Rapport de stage" not in annex.title and "Page" not in annex.title
        assert annex.source.date is None or "sur" not in annex.source.date


def test_french_annexes_that_are_something_else_are_other_annexes() -> None:
    annexes = checked("annexes-francaises-autres").analysis.annexes
    others = [a for a in annexes if a.role == "other"]
    assert [a.label for a in others] == [
        "Annexe 4 : attestation de stage",
        "Annexe 5 : fiche d'évaluation",
        "Annexe 6 : schéma du réseau",
        "Annexe 7 : vocabulaire",
    ]
    assert "RL303" not in fired("annexes-francaises-autres")


def test_text_panels_are_not_pictures() -> None:
    """A graphical datasheet: coloured panels holding text (Form XObjects) are no pictures;
    its product photo covers 8 % of the page."""
    datasheet = checked("annexe-panneaux-texte").analysis.annexes[0]
    assert datasheet.image_ratio[0] == pytest.approx(0.08, abs=0.01)


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("annexes-communiques", ["technique", "presse", "presse"]),  # news and press releases
        ("annexes-magazine", ["technique", "presse", "presse"]),  # a magazine page
        ("annexes-presse-puis-rfc", ["presse", "technique", "presse"]),
    ],
)
def test_press_releases_and_magazines_are_press(name: str, kinds: list[str]) -> None:
    annexes = checked(name).analysis.annexes
    assert [a.kind for a in annexes] == kinds
    assert all(a.kind_declared is None for a in annexes)


def test_annexes_given_as_files_are_named_in_the_text_output() -> None:
    report = fixture_path("rapport-sans-annexes")
    files = [
        f"technique:{fixture_path('annexe-separee-technique')}",
        f"presse:{fixture_path('annexe-separee-presse1')}",
        str(fixture_path("annexe-separee-presse2")),
    ]
    args = ["check", str(report)] + [x for f in files for x in ("--annexe", f)]
    out = CliRunner().invoke(main, args).output
    assert "pas de partie annexes repérée" not in out
    assert "annexes fournies à part : 3 fichiers" in out
    assert "annexe-separee-presse1.pdf" in out


def test_pages_command_says_each_page_role_and_why() -> None:
    out = CliRunner().invoke(main, ["pages", str(fixture_path("annexes-intercalaires"))])
    assert out.exit_code == 0
    lines = out.output.splitlines()
    assert "14 avant les annexes" in lines[0]
    page5 = next(line for line in lines if line.split()[:1] == ["5"])
    assert "début de la partie entreprise" in page5 and "présentation de l'entreprise" in page5
    page17 = next(line for line in lines if line.split()[:1] == ["17"])
    assert "intercalaire" in page17 and "Annexe 2 - Article de presse" in page17


def test_pages_json_is_part_of_the_contract() -> None:
    runner = CliRunner()
    out = runner.invoke(
        main, ["check", "--format", "json", str(fixture_path("titres-deux-points"))]
    )
    data = json.loads(out.output)
    jsonschema.validate(data, schema())
    assert [p["role"] for p in data["pages"]] == ["cover", "body", "body", "body", "body"]
    company = next(s for s in data["sections"] if s["key"] == "entreprise")
    assert (company["wording"], company["cue"]) == ("l'entreprise d'accueil", "colon")
    pages = json.loads(
        runner.invoke(
            main,
            ["pages", "--format", "json", "--lang", "en", str(fixture_path("titres-deux-points"))],
        ).output
    )
    assert pages["pages"][1]["reason"].startswith("start of the company part")


def test_printed_labels_come_from_the_pdf_page_labels() -> None:
    """/PageLabels numbering the front matter i-iii and the body from 1: the labels every output
    shows are the PDF's own."""
    analysis = checked("etiquettes-pages").analysis
    assert [analysis.label(n) for n in (1, 3, 4, 14)] == ["i", "iii", "1", "11"]
    out = CliRunner().invoke(main, ["pages", str(fixture_path("etiquettes-pages"))]).output
    assert any(line.split()[:3] == ["3", "iii", "sommaire"] for line in out.splitlines())


def test_jury_page_reads_words_not_ligature_glyphs(tmp_path) -> None:
    from pypdf import PdfReader

    folder = tmp_path / "classe"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(fixture_path("ligatures-calibri").read_bytes())
    out = tmp_path / "jury.pdf"
    CliRunner().invoke(main, ["jury", str(folder), "-o", str(out)])
    text = PdfReader(out).pages[0].extract_text()
    assert "Missions effectuées" in text and "?" not in text


def test_labels_in_capitals_do_not_make_a_screenshot_german() -> None:
    """A chart pasted as a picture under three labels in capitals ("ANNEXE N°4 : ..."): the
    labels are the student's French, not the document's text; it is another annex."""
    screenshot = checked("annexes-captures-legendees").analysis.annexes[3]
    assert (screenshot.role, screenshot.language) == ("other", "und")
    assert "RL303" not in fired("annexes-captures-legendees")


def test_a_french_datasheet_stands_for_the_technical_document_a_configuration_does_not() -> None:
    """Unannounced, a French datasheet is one of the three in the wrong language (RL303); a
    French router configuration with its prompts is another annex, never RL303."""
    annexes = checked("annexe-fiche-technique-francaise").analysis.annexes
    assert [(a.role, a.language, a.kind) for a in annexes] == [
        ("english", "fr", "technique"),
        ("english", "en", "presse"),
        ("english", "en", "presse"),
        ("other", "fr", "technique"),
    ]
    finding = next(
        f for f in checked("annexe-fiche-technique-francaise").findings if f.rule == "RL303"
    )
    assert finding.page == 16
