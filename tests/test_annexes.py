"""The three English annexes: splitting, language, kind, pictures, sources; RL301-RL308."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fixtures.annexes import chart_share

from conftest import checked, fired, fixture_path
from rapportlint.cli import main
from rapportlint.findings import Severity

ANNEX_RULES = {"RL301", "RL302", "RL303", "RL304", "RL305", "RL306", "RL307", "RL308"}


def annexes(name: str):
    return checked(name).analysis.annexes


@pytest.mark.parametrize(
    ("name", "pages"),
    [
        ("annexes-entetes", [[16], [17], [18]]),  # "Annexe N" headers after an "Annexes" page
        ("annexes-signets", [[16], [17], [18]]),  # bookmarks, no header on the pages
        ("annexes-sans-annonce", [[15], [16], [17]]),  # nothing: headlines and language
        ("annexe-deux-pages", [[16], [17, 18], [19]]),  # a two-page article is one document
        ("annexes-quatre", [[16], [17], [18], [19]]),
        ("conforme-word", [[16], [17], [18]]),
        # "Annexe A" goes on over a page opening on a title of its own: "Annexe B" comes later
        ("annexes-lettrees-sur-plusieurs-pages", [[16, 17], [18], [19]]),
    ],
)
def test_annex_part_is_split_into_documents(name: str, pages: list[list[int]]) -> None:
    assert [a.pages for a in annexes(name)] == pages


def test_annex_start_announced_by_nothing_is_the_trailing_english_run() -> None:
    layout = checked("annexes-sans-annonce").analysis.layout
    assert (layout.annex_start, layout.annex_reason) == (15, "language")


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("annexes-signets", ["technique", "presse", "presse"]),  # datasheet, BBC, The Register
        ("annexes-sans-annonce", ["technique", "presse", "presse"]),  # CLI guide first
        ("types-incorrects", ["technique", "technique", "presse"]),  # RFC-like spec second
    ],
)
def test_kind_is_guessed_from_cues_with_confidence(name: str, kinds: list[str]) -> None:
    found = annexes(name)
    assert [a.kind for a in found] == kinds
    assert all(a.kind_confidence >= 0.6 and a.cues for a in found)


WRITTEN_IN_CAPITALS = """FOR IMMEDIATE RELEASE
MONTREAL, November 3, 2014 — Acme announced today a new router.
About Acme Corp
Photo: GETTY IMAGES / AFP
Published March 4, 2021, 10:30 AM
ABSOLUTE MAXIMUM RATINGS
Router(config)# interface gigabitEthernet 0/1
This memo follows RFC 2119.
ACME NEWS | Latest stories
STEP 3 Connect the cable. NOTE: Min 2 Typ 3 Max 5
"""


def test_case_insensitive_landmarks_find_what_re_ignorecase_finds() -> None:
    """Case-insensitive landmarks run without re.I on the lower-cased text (re.I made Python's
    matcher try every position in turn: read_kind was twice as slow): on capitals, as on the
    fixtures' English documents, each finds what its pattern with re.I finds in the text as
    written; and one written with a capital is refused."""
    import re

    from rapportlint.analysis.kinds import LANDMARKS, _landmark

    texts = [WRITTEN_IN_CAPITALS] + [
        "\n".join(line.text for page in annex_pages for line in page.lines)
        for name in ("annexes-signets", "types-incorrects", "annexes-sans-annonce")
        for annex_pages in [
            [checked(name).analysis.document.page(n) for a in annexes(name) for n in a.pages]
        ]
    ]
    caseless = [lm for group in LANDMARKS.values() for lm in group if lm.caseless]
    assert len(caseless) >= 20
    found_in_capitals = set()
    for landmark in caseless:
        reference = re.compile(landmark.pattern.pattern, landmark.pattern.flags | re.I)
        for text in texts:
            hits = landmark.pattern.findall(text.lower())
            assert len(hits) == len(reference.findall(text)), (landmark.name, text[:40])
            if text is WRITTEN_IN_CAPITALS and hits:
                found_in_capitals.add(landmark.name)
    assert {
        "press release", "dateline", "photo credit", "date line", "maximum ratings",
        "CLI prompt", "request for comments", "masthead", "steps", "min/typ/max", "note:",
    } <= found_in_capitals  # fmt: skip
    with pytest.raises(ValueError):
        _landmark("shouting", r"\bRFC\b", 1)


def test_declared_kind_wins_and_disagreement_is_a_warning() -> None:
    first = annexes("type-declare-different")[0]
    assert (first.kind_declared, first.kind) == ("presse", "technique")
    assert "RL308" in fired("type-declare-different")
    assert "RL308" not in fired("annexes-entetes")


@pytest.mark.parametrize(
    ("name", "index", "share"),
    [
        ("images-030", 1, 0.30),
        ("images-034", 1, 0.34),
        ("images-chevauchement", 0, 0.30),  # two overlapping pictures: their union, not the sum
        ("image-hors-page", 2, 0.25),  # only the visible half counts
        ("image-form-xobject", 0, 0.40),  # a picture inside a Form XObject
        ("annexe-tournee", 1, 0.20),  # on a page turned by 90 degrees
        ("graphique-vectoriel", 2, chart_share()),  # a vector chart; the ruled table is not counted
        ("annexe-scannee", 1, 1.0),
        # CropBox hiding the foot of the page (150 pt): a 0.30 picture loses its lowest 70 pt
        # and the page its lowest 150 pt; the share is of what is visible.
        (
            "annexe-cropbox",
            1,
            (80 + 0.30 * 595.2756 * 841.8898 / 483.2756 - 150) * 483.2756 / (595.2756 * 691.8898),
        ),
    ],
)
def test_picture_share_is_measured_within_a_hundredth(name: str, index: int, share: float) -> None:
    assert annexes(name)[index].image_ratio[0] == pytest.approx(share, abs=0.01)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("annexes-entetes", set()),
        ("annexes-signets", set()),
        ("annexes-sans-annonce", set()),
        ("annexe-glossaire", set()),  # the glossary is another annex, not one of the three
        ("annexe-organigramme", set()),  # so is an organisation chart, even mostly a picture
        ("images-030", set()),
        ("image-hors-page", set()),
        ("annexe-tournee", set()),
        ("graphique-vectoriel", set()),
        ("annexes-deux", {"RL301", "RL304"}),
        ("annexes-quatre", {"RL301", "RL304"}),
        ("annexe-deux-pages", {"RL302"}),
        # A French document in place of an English one: in the wrong language (RL303), and the
        # English ones are then two (RL301, RL304).
        ("annexe-francaise", {"RL301", "RL303", "RL304"}),
        ("types-incorrects", {"RL304"}),
        ("images-034", {"RL305"}),
        ("image-form-xobject", {"RL305"}),
        ("sans-source", {"RL306"}),
        ("annexe-scannee", {"RL305", "RL307"}),
        ("type-declare-different", {"RL304", "RL308"}),
        ("rapport-sans-annexes", {"RL301", "RL304"}),
        # A French page labelled "article de presse" with no English document beside it: one
        # cause (no English document), one error, RL301; no RL303.
        ("annexes-francaises-seules", {"RL301", "RL304"}),
    ],
)
def test_annex_rules_on_both_sides(name: str, expected: set[str]) -> None:
    assert fired(name) & ANNEX_RULES == expected, [f.message for f in checked(name).findings]


def test_a_lone_english_document_without_a_kind_gets_warnings_not_errors() -> None:
    """One English document over two pages, half pictures, labelled by its subject ("LoRa
    workshop") among the student's own annexes: it may not be meant as one of the three, so
    RL302 and RL305 say what they saw as warnings, with the condition; RL301 is the error."""
    name = "annexe-anglaise-seule"
    severities = {f.rule: f.severity for f in checked(name).findings if f.rule in ANNEX_RULES}
    assert severities["RL301"] is Severity.ERROR
    assert severities["RL302"] is Severity.WARNING and severities["RL305"] is Severity.WARNING
    one_page = next(f for f in checked(name).findings if f.rule == "RL302")
    assert "si c'est l'un des trois documents en anglais" in one_page.message
    # The same document labelled with its kind is plainly one of the three: errors.
    assert {f.rule: f.severity for f in checked("annexe-deux-pages").findings}[
        "RL302"
    ] is Severity.ERROR


def test_glossary_is_reported_as_another_annex() -> None:
    roles = [(a.role, a.language) for a in annexes("annexe-glossaire")]
    assert roles[0] == ("other", "fr") and [r for r, _ in roles[1:]] == ["english"] * 3


def test_picture_finding_shows_the_measured_share() -> None:
    finding = next(f for f in checked("images-034").findings if f.rule == "RL305")
    assert (
        finding.page == 17
        and finding.found == "34 %"
        and finding.expected == "33 % de la page au plus"
    )


def test_scanned_annex_is_undetermined_not_wrong_language() -> None:
    scan = annexes("annexe-scannee")[1]
    assert scan.language == "und" and scan.scanned == [True]
    assert "RL303" not in fired("annexe-scannee")


def test_sources_are_found() -> None:
    news = annexes("annexes-entetes")[1].source
    assert news.url == "https://www.bbc.com/news/technology-12345678"
    assert news.publisher == "BBC" and news.date == "12 March 2026"


def test_separate_annex_files_with_declared_kinds() -> None:
    runner = CliRunner()
    args = ["check", str(fixture_path("rapport-sans-annexes")), "--format", "json"]
    for declared, name in (("technique:", "technique"), ("presse:", "presse1"), ("", "presse2")):
        args += ["--annexe", declared + str(fixture_path(f"annexe-separee-{name}"))]
    result = runner.invoke(main, args)
    data = json.loads(result.stdout)
    assert result.exit_code == 0, data["findings"]
    assert [(a["kind_declared"], a["kind"]) for a in data["annexes"]] == [
        ("technique", "technique"),
        ("presse", "presse"),
        (None, "presse"),
    ]
    assert data["annexes"][0]["file"].endswith("annexe-separee-technique.pdf")


def test_two_page_separate_annex_names_its_file() -> None:
    result = CliRunner().invoke(
        main,
        [
            "check",
            str(fixture_path("rapport-sans-annexes")),
            "--annexe",
            str(fixture_path("annexe-separee-deux-pages")),
        ],
    )
    assert "RL302" in result.stdout and "annexe-separee-deux-pages.pdf, page 1" in result.stdout


def test_unreadable_annex_file_is_a_clear_exit_2() -> None:
    result = CliRunner().invoke(
        main,
        [
            "check",
            str(fixture_path("rapport-sans-annexes")),
            "--annexe",
            str(fixture_path("tronque")),
        ],
    )
    assert result.exit_code == 2 and "annexe illisible" in result.stderr


def test_the_reports_references_under_the_annex_title_are_no_documents_of_the_three() -> None:
    """The report's numbered references open the annex part ("Références", [1]-[13]) and go
    on at the top of the next page ([14]-[17]) above its French glossary; then the three
    English documents. The two pages of references are other annexes: RL301 counts three
    documents, and the French glossary under [14]-[17] gets no RL303."""
    name = "annexes-ouvertes-par-les-references"
    annexes = checked(name).analysis.annexes
    assert [(a.pages, a.role) for a in annexes[:2]] == [([16], "other"), ([17], "other")]
    assert [a.role for a in annexes[2:]] == ["english"] * 3
    assert not fired(name) & {"RL301", "RL302", "RL303", "RL304"}


def test_a_page_opening_on_numbered_references_is_a_reference_list() -> None:
    """Numbered entries that follow each other from the page's first line ("[14]", "[15]",
    "[16]", their wrapped lines aside) make a list of references; an article that cites a
    "[1]" once, or whose first numbered lines do not follow, is no list."""
    from rapportlint.analysis.references import is_reference_document
    from rapportlint.model.document import Box, TextLine

    def page(*texts: str) -> list[TextLine]:
        return [
            TextLine(t, Box(56, 60 + 14 * i, 500, 70 + 14 * i), 10.0, False, "Helvetica")
            for i, t in enumerate(texts)
        ]

    going_on = page(
        "[14] H. Blanc et al. Automatic cloud experiments with a toolkit. In: IEEE",
        "CloudCom, pages 158-163.",
        "[15] M. Durand et al. Dynamic partitioning of clusters. In: JRES.",
        "[16] L. Wolf et al. Large scale in transit analysis. In: SC.",
        "Glossaire",
        "Grappe : ensemble de machines reliées qui travaillent comme une seule.",
    )
    assert is_reference_document([going_on])
    article = page(
        "[1] Editor's note: this article was updated on 3 March.",
        "Hospitals in the north of England cancelled appointments after an attack.",
        "[3] A spokesperson said the systems were being restored.",
        "Attacks on health services doubled last year, the agency said.",
    )
    assert not is_reference_document([article])
    timeline = page(
        "Our history",
        "1987 Founded in Lyon by two engineers.",
        "1995 First export to Germany.",
        "2003 A new plant in Poland.",
        "2012 The group reaches 1,000 employees.",
        "2020 Listed on Euronext.",
    )
    assert not is_reference_document([timeline])  # dated lines, but no citation's shape


def test_links_set_apart_by_white_space_are_read_an_entry_at_a_time() -> None:
    """A title over each link, a blank between entries: every entry links (the report's
    references), though half its lines do not. Short paragraphs of a news article set apart
    the same way are no entries when they cite nothing, and running text has none."""
    from rapportlint.analysis.references import is_reference_document, spaced_entries
    from rapportlint.model.document import Box, TextLine

    def spaced(*entries: tuple[str, ...], gap: float = 12.0) -> list[TextLine]:
        lines, top = [], 60.0
        for entry in entries:
            for text in entry:
                lines.append(TextLine(text, Box(56, top, 500, top + 12), 11.0, False, "Arial"))
                top += 13
            top += gap
        return lines

    links = spaced(
        ("Annexes",),
        ("ReactJs Documentation:", "https://legacy.reactjs.org/docs/getting-started.html"),
        ("PHP Documentation:", "https://devdocs.io/php/"),
        ("MySQL Documentation:", "https://dev.mysql.com/doc/"),
        ("Couleurs:", "https://colorhunt.co/"),
    )
    assert spaced_entries(links)[1] == (
        "ReactJs Documentation: https://legacy.reactjs.org/docs/getting-started.html"
    )
    assert is_reference_document([links])
    news = spaced(
        ("Cyber-attack hits regional hospitals",),
        ("Hospitals in the north of England cancelled", "appointments after an attack."),
        ("A spokesperson said the systems were being", "restored on Monday."),
        ("Attacks on health services doubled last year,", "the agency said."),
    )
    assert spaced_entries(news) is not None and not is_reference_document([news])
    running = spaced(tuple(f"Line {i} of a paragraph that runs on." for i in range(8)))
    assert spaced_entries(running) is None


def test_a_french_annex_set_among_english_ones_is_no_evidence_of_the_three() -> None:
    """ "Annexe A" (English documentation, two pages), "Annexe B" (English), "Annexe C" (a
    French listing, set among them by its look): the French one still gets RL303 beside two
    English documents, but the two-page documentation is not plainly one of the three, so
    RL302 warns instead of claiming it."""
    name = "annexes-lettrees-sur-plusieurs-pages"
    severities = {f.rule: f.severity for f in checked(name).findings if f.rule in ANNEX_RULES}
    assert severities["RL301"] is Severity.ERROR and severities["RL303"] is Severity.ERROR
    assert severities["RL302"] is Severity.WARNING
    assert checked(name).analysis.annex_boundaries[17] == "labelled-run"
