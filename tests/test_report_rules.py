"""Every report rule on both sides, on real PDFs from several producers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import checked, fired
from rapportlint.config import Settings
from rapportlint.model.document import Page
from rapportlint.rules.context import Context
from rapportlint.rules.registry import RULES

COMPLIANT = [
    "resume-anglais",  # an English abstract in the front matter is not the annex part
    "numeros-decales",  # footers numbered from the introduction, not from the cover
    "conforme-libreoffice",
    "conforme-latex",
    "libreoffice-sans-signets",
    "latex-sans-signets",
    "conforme-word",
    "conforme-sans-signets",
    "canva-titres-coupes",
    "running-footer-entreprise",
    "page-tournee",
    "pages-tailles",
    "chiffre-proprietaire",
    "code-et-glossaire",
    "trente-pages",
    "entreprise-5-pages",
    "conclusion-2-pages",
    "reproductions-quelques",
]
REPORT_RULES = {
    "RL003",
    "RL101",
    "RL201",
    "RL202",
    "RL203",
    "RL204",
    "RL205",
    "RL206",
    "RL401",
    "RL402",
}

# (fixture, the rule it must fire): each is the violating side of one rule.
VIOLATIONS = [
    ("scanne", "RL003"),
    ("trente-et-une-pages", "RL101"),
    ("sans-entreprise", "RL201"),
    ("sans-activites", "RL202"),
    ("sans-conclusion", "RL203"),
    ("ordre-inverse", "RL204"),
    ("entreprise-longue", "RL205"),
    ("conclusion-longue", "RL206"),
    ("activites-sans-elements", "RL207"),
    ("reproductions", "RL401"),
    ("rapport-anglais", "RL402"),
]


# Reports that end on a "Bilan" and have no part titled "Conclusion": (fixture, its page, its title).
ENDS_ON_BILAN = [
    ("titres-gras-taille-texte", 14, "3. Bilan et perspectives"),
    ("titres-sans-numeros", 13, "Bilan du stage"),
    ("ligatures-perdues", 13, "III. Bilan du stage"),
]


@pytest.mark.parametrize(("name", "page", "title"), ENDS_ON_BILAN)
def test_a_report_ending_on_a_bilan_gets_a_warning_not_an_error(
    name: str, page: int, title: str
) -> None:
    """The regulation asks for a conclusion; a "Bilan" stands for it: a warning that names it
    and says how to title it, never "the report has no conclusion"."""
    findings = [f for f in checked(name).findings if f.rule == "RL203"]
    assert [(f.severity.value, f.page) for f in findings] == [("warning", page)]
    assert f"« {title} »" in findings[0].message
    assert "Conclusion" in findings[0].fix
    assert fired(name) & (REPORT_RULES | {"RL207"}) == {"RL203"}


@pytest.mark.parametrize("name", COMPLIANT)
def test_compliant_reports_fire_no_report_rule(name: str) -> None:
    assert fired(name) & (REPORT_RULES | {"RL207"}) == set(), [
        f.message for f in checked(name).findings
    ]
    if name in WITH_ANNEXES:
        assert checked(name).verdict == "pass", [f.message for f in checked(name).findings]


WITH_ANNEXES = {
    "resume-anglais",
    "numeros-decales",
    "conforme-libreoffice",
    "libreoffice-sans-signets",
    "latex-sans-signets",
    "conforme-latex",
    "conforme-word",
    "conforme-sans-signets",
    "page-tournee",
    "pages-tailles",
    "chiffre-proprietaire",
    "code-et-glossaire",
    "trente-pages",
}


@pytest.mark.parametrize(("name", "rule"), VIOLATIONS)
def test_each_violation_fires_its_rule(name: str, rule: str) -> None:
    assert rule in fired(name)


@pytest.mark.parametrize(("name", "rule"), VIOLATIONS)
def test_each_violation_fires_only_what_it_breaks(name: str, rule: str) -> None:
    """A fixture breaking one rule does not drag others with it (a missing part is allowed to
    make the company part a larger share of a short report)."""
    allowed = {rule, "RL205"} if rule in ("RL202", "RL203") else {rule}
    assert (fired(name) & (REPORT_RULES | {"RL207"})) - allowed == set()


@pytest.mark.parametrize(
    ("name", "sections"),
    [
        ("conforme-word", {"entreprise": (5, 7), "activites": (8, 13), "conclusion": (14, 14)}),
        (
            "conforme-sans-signets",
            {"entreprise": (5, 7), "activites": (8, 13), "conclusion": (14, 14)},
        ),
        (
            "titres-sans-numeros",
            {"entreprise": (5, 7), "activites": (8, 12), "conclusion": (13, 13)},
        ),
        ("canva-titres-coupes", {"entreprise": (3, 4), "activites": (5, 7), "conclusion": (8, 8)}),
        (
            "running-footer-entreprise",
            {"entreprise": (5, 7), "activites": (8, 13), "conclusion": (14, 14)},
        ),
        (
            "entreprise-longue",
            {"entreprise": (5, 11), "activites": (12, 23), "conclusion": (24, 24)},
        ),
        ("conclusion-longue", {"entreprise": (5, 7), "activites": (8, 13), "conclusion": (14, 16)}),
        (
            "conforme-libreoffice",
            {"entreprise": (5, 7), "activites": (8, 13), "conclusion": (14, 14)},
        ),
        ("conforme-latex", {"entreprise": (6, 9), "activites": (10, 16), "conclusion": (17, 18)}),
        (
            "latex-sans-signets",
            {"entreprise": (6, 9), "activites": (10, 16), "conclusion": (17, 18)},
        ),
        (
            "libreoffice-sans-signets",
            {"entreprise": (5, 7), "activites": (8, 13), "conclusion": (14, 14)},
        ),
        (
            "titres-gras-taille-texte",
            {"entreprise": (5, 7), "activites": (8, 13), "conclusion": (14, 14)},
        ),
    ],
)
def test_sections_are_found_with_their_pages(
    name: str, sections: dict[str, tuple[int, int]]
) -> None:
    found = checked(name).analysis.sections
    assert {k: (s.page, s.end_page) for k, s in found.items()} == sections


def test_outline_is_preferred_when_present() -> None:
    assert {s.source for s in checked("conforme-word").analysis.sections.values()} == {"outline"}
    assert {s.source for s in checked("conforme-sans-signets").analysis.sections.values()} == {
        "typography"
    }


def test_table_of_contents_lines_are_not_sections() -> None:
    """The contents page (page 3) lists every heading: no section may start there."""
    result = checked("conforme-sans-signets")
    assert result.analysis.layout.toc_pages == (3,)
    assert all(s.page > 3 for s in result.analysis.sections.values())


def test_running_footer_naming_the_company_is_not_a_heading() -> None:
    analysis = checked("running-footer-entreprise").analysis
    assert [h.page for h in analysis.headings if h.key == "entreprise" and h.level == 1] == [5]


@pytest.mark.parametrize(
    ("name", "body", "from_intro", "annex_start"),
    [
        ("conforme-word", 14, 11, 15),
        ("conforme-sans-signets", 14, 11, 15),
        ("trente-pages", 30, 27, 31),
        ("resume-anglais", 15, 11, 16),
        ("numeros-decales", 14, 11, 15),
        ("trente-et-une-pages", 31, 28, 32),
        ("sans-conclusion", 13, 10, None),
        ("code-et-glossaire", 16, 13, 17),
    ],
)
def test_page_counts_in_both_modes(
    name: str, body: int, from_intro: int, annex_start: int | None
) -> None:
    layout = checked(name).analysis.layout
    assert (layout.body_pages, layout.body_pages_from_intro, layout.annex_start) == (
        body,
        from_intro,
        annex_start,
    )


def test_page_limit_message_says_where_it_overflows() -> None:
    finding = next(f for f in checked("trente-et-une-pages").findings if f.rule == "RL101")
    assert finding.page == 31
    assert finding.expected == "30 pages au plus"
    assert finding.found == "31 pages, dépassement à partir de la page 31"
    assert "28 pages à partir de l'introduction" in finding.message


def test_company_share_and_length_thresholds() -> None:
    finding = next(f for f in checked("entreprise-longue").findings if f.rule == "RL205")
    assert finding.found == "7 pages (29 %)" and finding.page == 5


def test_a_company_part_of_one_or_two_pages_is_never_too_long() -> None:
    """The share counts from three pages: a company page in a three-page report says the
    report is short (RL101), not that the presentation is long; three pages out of ten do
    exceed the share."""
    analysis = checked("entreprise-longue").analysis
    company = analysis.sections["entreprise"]

    def rl205(pages: int, body: int) -> list:
        shrunk = replace(company, end_page=company.page + pages - 1)
        short = replace(
            analysis,
            sections={**analysis.sections, "entreprise": shrunk},
            layout=replace(analysis.layout, last_body_page=body),
        )
        return list(RULES["RL205"].check(Context(short, Settings())))

    assert rl205(pages=1, body=3) == [] and rl205(pages=2, body=6) == []
    assert len(rl205(pages=3, body=10)) == 1


def test_activity_elements_names_what_is_missing() -> None:
    finding = next(f for f in checked("activites-sans-elements").findings if f.rule == "RL207")
    assert finding.severity.value == "info"
    assert "objectifs" in finding.found and "contraintes" in finding.found


def test_scanned_body_silences_the_content_rules() -> None:
    assert fired("scanne") == {"RL003"}


def test_an_unreadable_text_layer_is_no_text() -> None:
    """Every font's Unicode table gives U+FFFD (a LaTeX PDF "printed" to PDF): the characters
    are there and none reads. RL003 says so, with its own words and fix, and the content rules
    stay silent: no "no company part" on a report whose text cannot be read."""
    result = checked("texte-illisible")
    assert fired("texte-illisible") == {"RL003"}
    (finding,) = result.findings
    assert "illisible" in finding.message and "Unicode" in finding.message
    assert "imprimer en PDF" in finding.fix
    page = result.analysis.document.page(5)
    assert page.unreadable_count > 100 and not page.has_text and page.garbled


def test_a_few_unreadable_symbols_leave_the_text_readable() -> None:
    """Word's bullets in a private-use font ("\uf0b7") among readable words: text, not a scan."""
    page = Page(number=1, width=595, height=842, rotation=0, char_count=400, unreadable_count=12)
    assert page.has_text and not page.garbled
    mostly_symbols = Page(
        number=1, width=595, height=842, rotation=0, char_count=40, unreadable_count=900
    )
    assert not mostly_symbols.has_text and mostly_symbols.garbled


def test_picture_pages_are_listed() -> None:
    finding = next(f for f in checked("reproductions").findings if f.rule == "RL401")
    assert "6 pages sur 19" in finding.message


def test_a_template_background_is_no_picture() -> None:
    """A small picture stretched under every page, the text over it (a template's background):
    no page is a reproduction, no RL401; the picture is still in the model."""
    analysis = checked("fond-de-page-image").analysis
    assert "RL401" not in fired("fond-de-page-image")
    assert all(analysis.document.page(n).pictures for n in range(2, 6))
    assert all(analysis.pages[n].picture_share == 0 for n in range(2, 6))


def test_scans_under_an_ocr_layer_stay_pictures() -> None:
    """Full-page scans under the invisible text an OCR lays over them are reproductions all
    the same: the OCR lines are invisible, and RL401 lists the six pages."""
    analysis = checked("scans-avec-couche-ocr").analysis
    scans = [
        n
        for n in range(1, analysis.document.page_count + 1)
        if analysis.pages[n].picture_share == 1
    ]
    assert len(scans) == 6
    assert all(line.invisible for n in scans for line in analysis.document.page(n).lines)
    finding = next(f for f in checked("scans-avec-couche-ocr").findings if f.rule == "RL401")
    assert "6 pages sur 19" in finding.message


def test_glyph_codes_are_no_language() -> None:
    """A font without a Unicode table gives its glyph codes as the text ("3 ! " ' % ! 3 &"):
    langdetect would call it English with full confidence (RL402 on a French report); it is
    no language. Words, French or English, and code with its identifiers still are one."""
    from rapportlint.analysis.language import UNDETERMINED, detect

    codes = " ".join(["3 ! \" ' % ! 3 & 3 % & ' ' 3 $ ' . 3 / . 3 % 3 \" ! & % 3 3 ' 3 /"] * 8)
    assert detect(codes) == (UNDETERMINED, 0.0)
    french = "Pendant ce stage, j'ai configuré les commutateurs du réseau de l'entreprise. " * 4
    assert detect(french)[0] == "fr"
    english = "The network team maintains the servers and the switches of every client. " * 4
    assert detect(english)[0] == "en"


def test_english_body_is_detected_with_langdetect() -> None:
    analysis = checked("rapport-anglais").analysis
    assert analysis.body_language == "en"
    assert checked("conforme-word").analysis.body_language == "fr"


def test_company_part_titled_with_the_company_name() -> None:
    """'1. Réseaux Atlantique' with '1.1 Historique' below it: the part is the parent heading."""
    section = checked("entreprise-par-son-nom").analysis.sections["entreprise"]
    assert (section.title, section.page, section.end_page) == ("1. Réseaux Atlantique", 5, 7)


def test_contents_page_without_page_numbers() -> None:
    """Google Docs contents: linked titles, no numbers, headings bold at the body size."""
    analysis = checked("sommaire-sans-numeros").analysis
    assert analysis.layout.toc_pages == (3,)
    assert {k: s.page for k, s in analysis.sections.items()} == {
        "entreprise": 5,
        "activites": 8,
        "conclusion": 14,
    }
