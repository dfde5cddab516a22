"""The three parts found by what they say and where they stand, not only by their titles.

Fixtures from ``fixtures/part_reports.py``, rendered by fpdf2 and by LibreOffice from a DOCX: a
company part titled with the host's name, activities titled "Déroulé" or by their tasks, a
weekly journal, a conclusion whose title is a picture, a CV and the school's competence form
after the conclusion. A part found by its place or content is a warning that names it; only a
part that nothing fits is an error.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import replace
from types import SimpleNamespace

import jsonschema
import pytest
from click.testing import CliRunner
from fixtures.annexes import TEXTS
from fixtures.part_reports import (
    CLOSING_SENTENCES,
    COMPANY_SENTENCES,
    CURRICULUM,
    HOST_TEAM,
    HOST_UNIT,
    RESEARCH_TEAM_HOST,
    SKILLS_FORM,
    WORK_SENTENCES,
)

from conftest import PDF, checked, fired, fixture_path
from rapportlint.analysis.annex_part import _NUMBERED_SECTION, _pasted_pictures
from rapportlint.analysis.appended import appended_kind
from rapportlint.analysis.body_pages import BodyPages, _right_edges
from rapportlint.analysis.closing import RETROSPECTIVE, RUN_IN_CLOSING
from rapportlint.analysis.content import CLOSING, COMPANY, WORK, profile
from rapportlint.analysis.drawn_titles import _shaped
from rapportlint.analysis.furniture import _lead
from rapportlint.analysis.headings import (
    Heading,
    _align_numbered_parts,
    chapter_label,
    size_classes,
)
from rapportlint.analysis.parts import is_part_title, top_parts
from rapportlint.analysis.sections import WITHIN_RUN_IN, WITHIN_SECTION, main_level
from rapportlint.analysis.text import fold, heading_key
from rapportlint.analysis.toc import _page_to_the_left, _titled_block
from rapportlint.analysis.unnamed import _inner_parts
from rapportlint.analysis.vocabulary import classify, title_match
from rapportlint.checker import check_report
from rapportlint.cli import main
from rapportlint.config import Settings
from rapportlint.findings import Severity
from rapportlint.model.document import Box, TextLine
from rapportlint.render.json_report import schema
from rapportlint.rules.context import Context
from rapportlint.rules.engine import make_finding
from rapportlint.rules.registry import RULES

BOTH = ["", "-libreoffice"]
THREE = ["", "-libreoffice", "-latex"]
PART_RULES = {"RL201", "RL202", "RL203"}


def section(name: str, key: str):
    return checked(name).analysis.sections.get(key)


def findings(name: str, rule: str):
    return [f for f in checked(name).findings if f.rule == rule]


def top_titles(name: str) -> list[str]:
    """The titles of a fixture's top parts, in order."""
    return [part.title for part in checked(name).analysis.parts]


def fired_errors(name: str) -> set[str]:
    return {f.rule for f in checked(name).findings if f.severity is Severity.ERROR}


def hits(analysis, rule: str):
    """What a rule says of an analysis, before it is phrased: each hit's variant and
    severity (None: the rule's own)."""
    return list(RULES[rule].check(Context(analysis, Settings())))


def page_reason(name: str, page: int) -> str:
    out = CliRunner().invoke(main, ["pages", str(fixture_path(name))])
    assert out.exit_code == 0, out.output
    return next(line for line in out.output.splitlines() if line.split()[:1] == [str(page)])


@pytest.mark.parametrize("producer", BOTH)
def test_company_titled_by_the_hosts_name_is_found_by_its_content(producer: str) -> None:
    """ "1. Lumiotec", the host's own name, over two pages that describe a company (created in
    1987, 48 employees, a SARL, its clients): the company part, found by its text."""
    name = f"entreprise-par-son-nom-seul{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.end_page, company.title) == (5, 6, "1. Lumiotec")
    assert not company.named and "content" in company.decided_by
    assert company.confidence >= 0.6
    assert "siège social" in company.content_cues  # the student's words, accents kept
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and finding.page == 5
    assert "« 1. Lumiotec » (page 5)" in finding.message
    assert "siège social" in finding.message


@pytest.mark.parametrize("producer", BOTH)
def test_the_only_middle_part_is_the_activities(producer: str) -> None:
    """Introduction, company, "2. Déroulé" telling the intern's work, conclusion: "Déroulé"
    is the activities, by its place (the only part between the company and the conclusion)."""
    name = f"activites-deroule{producer}"
    activities = section(name, "activites")
    assert (activities.page, activities.end_page, activities.title) == (7, 10, "2. Déroulé")
    assert activities.decided_by[0] == "place" and not activities.named
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING and finding.page == 7
    assert "« 2. Déroulé » (page 7)" in finding.message
    assert not fired(name) & {"RL201", "RL203"}


def test_pages_and_json_say_how_an_unnamed_part_was_found() -> None:
    name = "activites-deroule"
    line = page_reason(name, 7).replace("\u00a0", " ")  # "60 %" with a no-break space
    assert "début de la partie activités, d'après sa place et son contenu : « 2. Déroulé »" in line
    assert "(confiance 60 % ; indices : « mon tuteur »" in line
    out = CliRunner().invoke(main, ["check", "--format", "json", str(fixture_path(name))])
    data = json.loads(out.output)
    jsonschema.validate(data, schema())
    activities = next(s for s in data["sections"] if s["key"] == "activites")
    assert activities["decided_by"] == ["place", "content"]
    assert (activities["named"], activities["confidence"]) == (False, 0.6)
    assert "mon tuteur" in activities["content_cues"]
    company = next(s for s in data["sections"] if s["key"] == "entreprise")
    assert (company["named"], company["decided_by"]) == (True, ["title"])


@pytest.mark.parametrize("producer", BOTH)
def test_weekly_journal_names_the_activities_and_misses_the_rest(producer: str) -> None:
    """ "Semaine du 2 au 6 juin", "Lundi 2 juin"...: the journal is the activities; the host is
    only named in the introduction and nothing concludes: RL201 and RL203 are errors."""
    name = f"journal-hebdomadaire{producer}"
    activities = section(name, "activites")
    assert (activities.page, activities.end_page) == (5, 7) and activities.named
    assert "RL202" not in fired(name)
    for rule in ("RL201", "RL203"):
        (finding,) = findings(name, rule)
        assert finding.severity is Severity.ERROR and finding.page is None
    assert set(checked(name).analysis.sections) == {"activites"}


@pytest.mark.parametrize("producer", BOTH)
def test_conclusion_under_a_title_drawn_as_a_picture(producer: str) -> None:
    """A divider page holding only a picture (the title "Conclusion" as WordArt), then a page
    of closing text: the conclusion starts at the divider; it has no title in the text."""
    name = f"conclusion-titre-image{producer}"
    conclusion = section(name, "conclusion")
    assert (conclusion.page, conclusion.end_page, conclusion.title) == (11, 12, "")
    assert not conclusion.named and "content" in conclusion.decided_by
    (hit,) = hits(checked(name).analysis, "RL203")
    assert (hit.variant, hit.severity, hit.page) == ("untitled", Severity.WARNING, 11)
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING and "titre dessiné comme une image" in (
        finding.message
    )
    assert "sans titre dans la couche texte" in page_reason(name, 11)


@pytest.mark.parametrize("producer", BOTH)
def test_competence_form_and_cv_after_the_conclusion_start_the_annexes(producer: str) -> None:
    """A 30-page body, then the school's "Fiche compétences" and the student's CV, with no
    "Annexes" heading: the annex part starts at the form; the body is 30 pages (no RL101);
    both pages are other annexes, none of the three documents."""
    name = f"fiche-competences-et-cv{producer}"
    analysis = checked(name).analysis
    layout = analysis.layout
    assert (layout.annex_start, layout.annex_reason, layout.body_pages) == (31, "appended", 30)
    assert section(name, "conclusion").end_page == 30
    assert "RL101" not in fired(name)
    assert [(a.pages, a.role) for a in analysis.annexes] == [([31], "other"), ([32], "other")]
    assert [r.role for r in analysis.roles[30:]] == ["annex-other", "annex-other"]
    assert not fired(name) & {"RL302", "RL303", "RL305", "RL306", "RL307", "RL308"}
    out = CliRunner().invoke(main, ["pages", str(fixture_path(name))]).output
    page31 = next(line for line in out.splitlines() if line.split()[:1] == ["31"])
    page32 = next(line for line in out.splitlines() if line.split()[:1] == ["32"])
    assert "fiche de compétences" in page31 and "CV" in page32


def test_appended_pages_raise_no_annex_finding_with_the_three_documents_apart() -> None:
    """The same report with the three English documents given as separate files: the form and
    the CV are other annexes; nothing about the annexes is wrong."""
    annexes = [
        (fixture_path("annexe-separee-technique"), "technique"),
        (fixture_path("annexe-separee-presse1"), "presse"),
        (fixture_path("annexe-separee-presse2"), "presse"),
    ]
    result = check_report(fixture_path("fiche-competences-et-cv"), Settings(), "fr", annexes)
    assert not {f.rule for f in result.findings} & {f"RL30{n}" for n in range(1, 10)}
    assert [a.role for a in result.analysis.annexes] == ["other"] * 2 + ["english"] * 3


@pytest.mark.parametrize("producer", BOTH)
def test_company_only_described_in_the_introduction_is_missing(producer: str) -> None:
    """The host described in a paragraph of the introduction, three middle parts that all read
    alike: no part presents the company, RL201 stays an error."""
    name = f"entreprise-dans-introduction{producer}"
    assert section(name, "entreprise") is None
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize("producer", BOTH)
def test_company_under_a_section_of_the_introduction_is_found_by_its_content(
    producer: str,
) -> None:
    """The host described under "Premiers pas", a section of the introduction whose title
    names nothing: found by its content, and RL201 warns that it has no part of its own."""
    name = f"entreprise-sous-introduction{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.end_page, company.title) == (4, 5, "Premiers pas")
    assert company.within == "introduction" and not company.named
    assert "content" in company.decided_by and company.confidence <= 0.6
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and finding.page == 4
    assert "une section de l'introduction" in finding.message
    assert not fired(name) & {"RL202", "RL203"}


@pytest.mark.parametrize("producer", BOTH)
def test_company_in_a_third_person_paragraph_of_the_introduction_is_a_warning(
    producer: str,
) -> None:
    """The introduction opens on a paragraph given to the host, in the third person: no part
    of its own, but a presentation; RL201 warns and quotes the paragraph's cues. Named in a
    first-person sentence only (6, "entreprise-dans-introduction"), it stays an error."""
    name = f"entreprise-paragraphe-introduction{producer}"
    company = section(name, "entreprise")
    assert company.within == "introduction-text" and company.title == "Introduction"
    assert company.decided_by == ("content",) and company.confidence <= 0.6
    assert "SARL" in company.content_cues
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and finding.page == 4
    assert "le texte de « Introduction »" in finding.message


def test_company_two_levels_under_the_introduction_is_found_by_its_content() -> None:
    """ "Introduction" > "Le projet" > "Logiciel libre et l'agence" (LaTeX parts and
    chapters): the section that presents the host is the company, with RL201's warning."""
    name = "entreprise-deux-niveaux-sous-introduction"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (4, "Logiciel libre et l'agence")
    assert company.within == "introduction" and company.confidence <= 0.6
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING


def test_activities_among_the_sections_after_a_company_section() -> None:
    """ "1. Développement" opening on "1.1 Présentation de l'organisation d'accueil", then "1.2
    Contexte du stage" (one line) and "1.3 Au quotidien" (the work): the company is the
    section that says so, the activities the section after it that tells the work."""
    name = "activites-apres-section-entreprise"
    company, activities = section(name, "entreprise"), section(name, "activites")
    assert (company.page, company.title) == (5, "1.1 Présentation de l'organisation d'accueil")
    assert (activities.page, activities.end_page) == (8, 10)
    assert activities.title == "1.3 Au quotidien"
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING


def test_within_is_in_the_json_contract() -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["check", "--format", "json", str(fixture_path("entreprise-sous-introduction"))]
    )
    data = json.loads(result.output)
    jsonschema.validate(data, schema())
    company = next(s for s in data["sections"] if s["key"] == "entreprise")
    assert company["within"] == "introduction"
    activities = next(s for s in data["sections"] if s["key"] == "activites")
    assert activities["within"] is None


@pytest.mark.parametrize("producer", BOTH)
def test_numbered_parts_in_mixed_sizes_are_one_level(producer: str) -> None:
    """Parts numbered 1 to 6, "2. Présentation de l'entreprise" set as small as the sections
    of part 4 (and bookmarked a level down in the LibreOffice rendering): still a top part."""
    name = f"parties-numerotees-tailles{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.end_page, company.named) == (5, 6, True)
    assert not fired(name) & PART_RULES


def test_numbered_parts_in_mixed_sizes_are_the_top_parts() -> None:
    tops = top_titles("parties-numerotees-tailles")
    assert tops[1:] == [
        "1. Introduction",
        "2. Présentation de l'entreprise",
        "3. Environnement technique",
        "4. Missions réalisées",
        "5. Difficultés rencontrées",
        "6. Conclusion",
    ]


def test_company_titled_by_name_and_set_smaller_is_found_by_its_content() -> None:
    """ "2. Lumiotec" set as small as the sections of part 4: a top part all the same, whose
    text describes the company."""
    name = "entreprise-nom-plus-petit"
    company = section(name, "entreprise")
    assert (company.page, company.end_page, company.title) == (5, 6, "2. Lumiotec")
    assert not company.named and "content" in company.decided_by
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and finding.page == 5


@pytest.mark.parametrize("producer", BOTH)
def test_town_hall_presented_under_the_introduction(producer: str) -> None:
    name = f"mairie-sous-introduction{producer}"
    company = section(name, "entreprise")
    assert company.title == "Présentation de la Mairie de Saint-Herblain"
    assert (company.page, company.end_page, company.named) == (4, 5, True)
    assert not fired(name) & PART_RULES


@pytest.mark.parametrize("producer", BOTH)
def test_chapters_titled_by_their_tasks_are_the_activities(producer: str) -> None:
    """ "Création des comptes utilisateurs", "Mise en place de la supervision", "Installation
    des postes de travail" between the company and the conclusion: the student's work."""
    name = f"chapitres-par-taches{producer}"
    activities = section(name, "activites")
    assert (activities.page, activities.title) == (7, "2. Création des comptes utilisateurs")
    assert activities.end_page == 12  # the three task chapters, up to the conclusion
    assert activities.decided_by == ("title", "place") and not activities.named
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING and finding.page == 7
    assert not fired(name) & {"RL201", "RL203"}


def test_latex_footer_above_the_bottom_tenth_is_furniture() -> None:
    """LaTeX's default footer ("Page 13 sur 14") stands at 88 % of the page, above the bottom
    tenth: repeated at that height on every page, it is furniture, so the divider holding the
    picture title is still a page without title text and the conclusion starts there."""
    name = "conclusion-titre-image-latex"
    conclusion = section(name, "conclusion")
    assert (conclusion.page, conclusion.end_page, conclusion.title) == (13, 14, "")
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING and finding.page == 13
    labels = {r.page: r.label for r in checked(name).analysis.roles}
    assert labels[13] == "13" and labels[14] == "14"


@pytest.mark.parametrize("producer", BOTH)
def test_english_summary_and_references_end_the_body_not_start_the_annexes(
    producer: str,
) -> None:
    """ "Summary" and "References" in English after the conclusion: the report's end pages,
    counted in the body; no English annexed document is made of them."""
    name = f"resume-anglais-en-fin{producer}"
    analysis = checked(name).analysis
    assert analysis.layout.annex_start is None and analysis.layout.last_body_page == 12
    assert analysis.annexes == []
    roles = {r.page: r.role for r in analysis.roles}
    assert roles[11] == roles[12] == "body"


@pytest.mark.parametrize("producer", BOTH)
def test_topic_chapters_whose_sections_name_projects_are_the_activities(producer: str) -> None:
    """Chapters named by topics ("Les CMS utilisés dans les projets", "Intégration HTML et
    CSS"), with sections "Les projets", "Le projet": the activities, from the first chapter to
    the last, at low confidence; a warning, never "no part describes the activities"."""
    name = f"chapitres-par-themes{producer}"
    activities = section(name, "activites")
    assert (activities.page, activities.end_page) == (7, 15)
    assert activities.title == "2. Les CMS utilisés dans les projets"
    assert activities.decided_by == ("place", "content") and activities.confidence == 0.4
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING and finding.page == 7


@pytest.mark.parametrize("producer", BOTH)
def test_chapters_about_one_project_are_the_activities(producer: str) -> None:
    """ "Présentation du projet", "Analyse du projet", "Langages et outils", "Manuel
    d'utilisation" after the company: the activities (a warning at 40 %); the missing
    conclusion stays an error."""
    name = f"chapitres-projet{producer}"
    activities = section(name, "activites")
    assert (activities.page, activities.end_page) == (7, 14)
    assert activities.title == "2. Présentation du projet" and activities.confidence == 0.4
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING
    (missing,) = findings(name, "RL203")
    assert missing.severity is Severity.ERROR


def test_a_study_from_introduction_to_end_is_the_development() -> None:
    """Three technical chapters in the third person, no host presented, no conclusion: RL201
    and RL203 are errors; the chapters are the development, so RL202 only warns."""
    name = "etude-sans-entreprise"
    activities = section(name, "activites")
    assert (activities.page, activities.end_page) == (5, 13)
    assert activities.decided_by == ("place",) and activities.confidence == 0.4
    severities = {f.rule: f.severity for f in checked(name).findings if f.rule in PART_RULES}
    assert severities == {
        "RL201": Severity.ERROR,
        "RL202": Severity.WARNING,
        "RL203": Severity.ERROR,
    }


@pytest.mark.parametrize(("producer", "first"), [("", 11), ("-latex", 14)])
def test_chapters_named_by_the_phases_of_the_work_are_the_activities(
    producer: str, first: int
) -> None:
    """An engineering placement told as a study in the third person: after the problem and
    the state of the art, "Conception de la solution", "Développement des modules",
    "Validation et résultats": the activities, from the first phase to the last (a warning),
    never "no part describes the activities"."""
    name = f"chapitres-par-phases{producer}"
    activities = section(name, "activites")
    assert activities.page == first and activities.title.endswith("Conception de la solution")
    assert activities.decided_by == ("title", "place") and activities.confidence == 0.6
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING and finding.page == first
    assert not fired(name) & {"RL201", "RL203"}


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_a_study_after_the_host_presented_in_the_introduction_is_the_development(
    producer: str,
) -> None:
    """The laboratory in a section of the introduction, then chapters named by what they
    model ("Référentiels", "Roue à réaction", "Loi de commande"), in the third person: the
    company is found, and the chapters are the development, so RL202 only warns."""
    name = f"etude-apres-accueil-en-introduction{producer}"
    assert section(name, "entreprise").page == 4
    activities = section(name, "activites")
    assert activities.page == 5 and activities.title.endswith("Référentiels")
    assert activities.decided_by == ("place",) and activities.confidence == 0.4
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING
    assert not fired(name) & {"RL201", "RL203"}


def test_of_two_chapters_the_one_that_tells_work_is_the_activities() -> None:
    """After the company, a background chapter that tells no work ("Les réseaux radio"),
    then the student's task ("Analyse des données radio"): the task is the activities."""
    name = "chapitre-de-fond-avant-le-travail"
    activities = section(name, "activites")
    assert (activities.page, activities.title) == (10, "Chapitre 3 : Analyse des données radio")
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING and finding.page == 10


@pytest.mark.parametrize(("producer", "page"), [("", 10), ("-latex", 12)])
def test_a_report_ending_on_the_felt_experience_gets_a_warning(producer: str, page: int) -> None:
    """ "Ressenti de l'expérience" and "Prise de recul et analyse de l'expérience" close the
    report, no "Conclusion", their text telling the work: their titles say where the report
    ends, so RL203 warns (as for a "Bilan"), naming the first of them."""
    name = f"fin-ressenti{producer}"
    conclusion = section(name, "conclusion")
    assert conclusion.page == page and "Ressenti de l" in conclusion.title
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING and finding.page == page


def test_chapters_closing_on_their_own_conclusion_stay_the_parts() -> None:
    """ "E- Conclusion" closes chapter II before "III. Nouveaux produits": a chapter's
    conclusion, a level below the company's title; the report's parts are the chapters, not
    their sections, and the first mission chapter is the activities (a warning)."""
    name = "conclusions-de-chapitres"
    activities = section(name, "activites")
    assert (activities.main_level, activities.title) == (1, "II. Optimisation des recettes")
    assert section(name, "entreprise").main_level == 1
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING and finding.page == 6


def test_a_task_chapter_then_tests_and_conclusion_are_found_with_warnings() -> None:
    """No host; "2 Modélisation", the only chapter, titled by its task; "3 Test et
    conclusion" closes the report: activities and conclusion are found (warnings)."""
    name = "modelisation-puis-test-et-conclusion"
    assert section(name, "activites").title == "2 Modélisation"
    assert section(name, "conclusion").title == "3 Test et conclusion"
    severities = {f.rule: f.severity for f in checked(name).findings if f.rule in PART_RULES}
    assert severities == {
        "RL201": Severity.ERROR,
        "RL202": Severity.WARNING,
        "RL203": Severity.WARNING,
    }


def test_an_introduction_holding_the_report_holds_the_activities() -> None:
    """ "Introduction :" the only title of its size, the project's chapters a level below
    it: the activities are found among them (a warning), not missing."""
    name = "introduction-qui-contient-tout"
    activities = section(name, "activites")
    assert activities.page == 5 and activities.title == "Présentation du projet :"
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING


def test_references_after_the_conclusion_do_not_hide_a_study() -> None:
    """Three chapters in the third person, a conclusion, then four pages of references: the
    chapters are nearly all of the report before its end, so RL202 only warns."""
    name = "etude-longues-references"
    activities = section(name, "activites")
    assert activities.page == 5 and activities.decided_by == ("place",)
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING


def test_a_drop_cap_is_not_the_size_of_its_line() -> None:
    """Word's "Lettrine": a 34 pt capital opening an 11 pt paragraph, read by PDFium as one
    line with the rest: the line is 11 pt, so the 14 pt "Conclusion" above it is a title."""
    name = "lettrines-word"
    page = checked(name).analysis.document.page(6)
    title, first = page.lines[0], page.lines[1]
    assert (title.text, title.size) == ("Conclusion", 14.0)
    assert first.text.startswith("Ce stage") and first.size == 11.0
    assert section(name, "conclusion").page == 6
    assert not fired(name) & PART_RULES


def test_an_accent_drawn_over_its_letter_is_no_word_gap() -> None:
    """Word sets some heading fonts' accents as glyphs of their own over their "e", mapped to
    a space: "Pre sentation de l'entreprise". The space inside the letter's box goes, the
    titles read as their words ("Presentation", "Deroulement") and name their parts."""
    name = "accents-flottants-word"
    assert checked(name).analysis.document.page(3).lines[0].text == (
        "1. Presentation de l'entreprise"
    )
    company, activities = section(name, "entreprise"), section(name, "activites")
    assert (company.page, company.wording) == (3, "présentation de l'entreprise")
    assert (activities.page, activities.wording) == (4, "déroulement du stage")
    assert not fired(name) & PART_RULES
    # A word gap stays a space: the body's lines keep their words apart.
    assert " est une PME " in checked(name).analysis.document.page(3).lines[1].text


@pytest.mark.parametrize("producer", BOTH)
def test_front_titles_set_above_the_chapters_do_not_hold_the_report(producer: str) -> None:
    """ "Avant-propos" and "Remerciements" set larger than the chapters, no "Introduction":
    the chapters are the parts; "IV. Présentation du modèle réalisé" names the activities;
    "V. Ouverture", the end of a French essay, stands where the conclusion should (RL203
    warns). Before, "Remerciements" held the whole report and the check broke on its last
    part."""
    name = f"titres-liminaires-au-dessus-des-chapitres{producer}"
    assert section(name, "entreprise").page == 5
    activities = section(name, "activites")
    assert (activities.page, activities.title) == (11, "IV. Présentation du modèle réalisé")
    assert activities.named and activities.wording == "présentation de ce qui a été réalisé"
    assert (section(name, "conclusion").page, section(name, "conclusion").title) == (
        14,
        "V. Ouverture",
    )
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING and finding.page == 14
    assert not fired(name) & {"RL201", "RL202"}


@pytest.mark.parametrize(("producer", "page"), [("", 7), ("-latex", 8)])
def test_missions_named_at_the_end_of_a_long_title_are_the_activities(
    producer: str, page: int
) -> None:
    """ "3 L'objet de ce stage et les différentes missions effectuées", then "4 Résumé du
    travail effectué", both in the third person: the titles name the work, so the activities
    are found by them; the English references after the conclusion ("R´ef´erences" in
    LaTeX's old fonts) stay body, never an annex."""
    name = f"missions-en-fin-de-titre{producer}"
    activities = section(name, "activites")
    assert activities.page == page and activities.named
    assert activities.wording == "... missions effectuées"
    assert not fired(name) & PART_RULES
    layout = checked(name).analysis.layout
    assert layout.annex_start is None and layout.last_body_page == layout.page_count


@pytest.mark.parametrize(("producer", "page"), [("", 12), ("-latex", 15)])
def test_a_section_introduction_does_not_set_the_level_of_the_parts(
    producer: str, page: int
) -> None:
    """No "Introduction" chapter; "2.1 Introduction" and "2.3 Conclusion" open and close a
    chapter's sections: the report's parts are the chapters, and its conclusion is the last
    one, "4 Conclusion", not the section's."""
    name = f"introduction-de-section{producer}"
    conclusion = section(name, "conclusion")
    assert conclusion.page == page and conclusion.title.endswith("Conclusion")
    assert conclusion.level == conclusion.main_level == 1
    assert not fired(name) & {"RL203"}


@pytest.mark.parametrize(("producer", "page"), [("", 10), ("-latex", 11)])
def test_a_company_presented_only_in_the_annexes_is_a_warning(producer: str, page: int) -> None:
    """No company part in the report, but "Annexe 1 : Présentation de la société": the host
    was presented, in the wrong place; RL201 warns where and says to move it."""
    name = f"entreprise-en-annexe{producer}"
    assert section(name, "entreprise") is None
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and finding.page == page
    assert "Présentation de la société" in finding.message and "annexe" in finding.message


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_the_company_in_the_first_section_of_the_first_chapter_is_found(producer: str) -> None:
    """ "1 Comprendre Lumiotec et son portail client": a few sentences on the host under
    "1.1 Lumiotec", then three pages on the product; read whole, the chapter presents no
    company, its first section does (RL201 warns). "3 Mon travail sur le portail" names
    the activities."""
    name = f"entreprise-dans-la-premiere-section{producer}"
    company = section(name, "entreprise")
    assert company.page == 5 and company.title.endswith("Lumiotec")
    assert company.decided_by == ("content", "place")
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and finding.page == 5
    activities = section(name, "activites")
    assert activities.named and activities.title.endswith("Mon travail sur le portail")


@pytest.mark.parametrize("producer", BOTH)
def test_titles_a_few_tenths_of_a_point_larger_are_no_level_of_their_own(producer: str) -> None:
    """No bookmarks; "Remerciement" at 20 pt, the chapters at 15 pt, but "Mes tâches durant ce
    stage :" and "Bilan :" at 15.5 pt: one style, so "Présentation :" (the student, then the
    host) is a part of the report, not a section of the thanks, and holds the company."""
    name = f"titres-de-tailles-voisines{producer}"
    headings = {h.text: h.level for h in checked(name).analysis.headings}
    assert headings["Présentation :"] == headings["Mes tâches durant ce stage :"]
    assert headings["Remerciement"] < headings["Présentation :"]
    company = section(name, "entreprise")
    assert (company.page, company.title) == (4, "Présentation :")
    assert not fired(name) & {"RL201", "RL202"}


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_the_company_opening_the_project_chapter_comes_before_the_work(producer: str) -> None:
    """ "1 Le projet" names the activities; its first section is the client, its second the
    host agency under a title without its name: the company is read there (RL201 warns) and
    the activities start after it, at "1.3 Ma place dans le projet" (no RL204)."""
    name = f"entreprise-au-debut-du-projet{producer}"
    company, activities = section(name, "entreprise"), section(name, "activites")
    assert company.title.endswith("Logiciel libre et agence web")
    assert company.decided_by == ("content", "place")
    assert activities.title.endswith("Ma place dans le projet")
    assert activities.page == company.end_page + 1
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and finding.page == company.page
    assert not fired(name) & {"RL202", "RL204"}


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_an_unnumbered_title_between_numbered_sections_sits_beside_them(producer: str) -> None:
    """ "Mots-clés" set like the sections, between "2.1" and "2.2": their level, not one
    above, so "1.2 Cadre du stage" stays a section of the introduction and names the
    company there."""
    name = f"mots-cles-parmi-les-sections{producer}"
    levels = {heading_key(h.text): h.level for h in checked(name).analysis.headings}
    assert levels["mots-cles"] == levels["cadre conceptuel"] == levels["cadre du stage"]
    company = section(name, "entreprise")
    assert company.title.endswith("Cadre du stage") and company.page == 4
    assert not fired(name) & PART_RULES


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_a_chapter_opening_on_its_own_plan_is_no_contents_page(producer: str) -> None:
    """Each chapter opens on a page with "Chapitre N" above its title and a "Plan" of its
    sections: that page opens the chapter (its title is read, the label joined to it); only
    the plan is contents. The company is under "Contexte du stage", the activities under
    "Réalisation et tests"."""
    name = f"chapitres-ouverts-par-leur-plan{producer}"
    analysis = checked(name).analysis
    opening = next(h for h in analysis.headings if "Introduction et contexte" in h.text)
    assert opening.text.startswith("Chapitre ") and opening.page == 5
    assert opening.page not in analysis.layout.toc_pages
    assert section(name, "entreprise").title.endswith("Contexte du stage")
    assert section(name, "activites").title.endswith("Réalisation et tests")
    assert section(name, "conclusion").title.endswith("Conclusion générale")
    assert not fired(name) & PART_RULES


def test_front_matter_holds_no_chapter() -> None:
    """ "Résumé du rapport" set as large as the parts, "1 Le projet" a size down after it:
    the chapter is a part of its own, not the summary's, and its opening sections hold the
    company (RL201 warns); the activities start after them."""
    name = "chapitre-sous-le-resume"
    company, activities = section(name, "entreprise"), section(name, "activites")
    assert (company.page, company.title) == (7, "1.2 Logiciel libre et agence web")
    assert activities.page == 8 and activities.title == "1.3 Ma place dans le projet"
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING
    assert not fired(name) & {"RL202", "RL203", "RL204"}


@pytest.mark.parametrize("producer", BOTH)
def test_a_big_chapter_number_is_its_titles(producer: str) -> None:
    """ "1" at 60 pt above "Étude des données" set like the sections: the number is the
    title's, so the chapter stands above its "1.1" and "1.2" and the report's parts are
    the chapters (the conclusion "3 Conclusion" is a part, not a section)."""
    name = f"grands-numeros-de-chapitre{producer}"
    levels = {h.text: h.level for h in checked(name).analysis.headings}
    assert levels["1 Étude des données"] < levels["1.1 Présentation de la base"]
    assert levels["3 Conclusion"] == levels["2 Les méthodes de partitionnement"]
    assert section(name, "conclusion").title == "3 Conclusion"
    assert section(name, "activites").title == "1 Étude des données"
    assert not fired(name) & {"RL201", "RL203"}


@pytest.mark.parametrize("producer", BOTH)
def test_the_last_chapter_titled_by_its_task_holds_the_activities(producer: str) -> None:
    """The client, the tools, then "Chapitre 4 : Mise en place de l'entrepôt de données",
    all told alike: the last, titled by its task, is the activities (RL202 warns, names it,
    and says why: its title and its place)."""
    name = f"chapitre-final-par-sa-tache{producer}"
    activities = section(name, "activites")
    assert activities.title.startswith("Chapitre 4 : Mise en place")
    assert activities.decided_by == ("title", "place") and not activities.named
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING and finding.page == activities.page


@pytest.mark.parametrize("producer", BOTH)
def test_chapters_of_unequal_sizes_are_one_level(producer: str) -> None:
    """ "CHAPITRE I" in 22 pt, "CHAPITRE II" to "IV" in 16 pt, and a run of "1." to "5." in
    one of them: the chapters' numbering is the highest, so they are the report's parts (not
    the longest run), and the activities under "CHAPITRE IV" are not taken into the first."""
    name = f"chapitres-de-tailles-differentes{producer}"
    chapters = [h for h in checked(name).analysis.headings if h.text.startswith("CHAPITRE")]
    assert len(chapters) == 4 and len({h.level for h in chapters}) == 1
    assert section(name, "entreprise").page == 5
    assert section(name, "activites").page == 8
    assert not fired(name) & PART_RULES


@pytest.mark.parametrize("producer", BOTH)
def test_a_general_conclusion_set_below_the_chapters_closes_the_report(producer: str) -> None:
    """Chapters "Chapitre1:" to "Chapitre4:" in 24 pt, each with its own 13 pt "Conclusion",
    then "Conclusion et perspectives" in 18 pt: above every title of the last chapter, it is
    the report's conclusion (no RL203), and "Chapitre4: Réalisation" names the activities."""
    name = f"conclusion-generale-sous-les-chapitres{producer}"
    assert section(name, "conclusion").title == "Conclusion et perspectives"
    activities = section(name, "activites")
    assert activities.title == "Chapitre4: Réalisation" and activities.named
    assert not fired(name) & PART_RULES


def test_a_chapter_chain_runs_through_the_chapters_titles_not_a_footer() -> None:
    """ "Chapitre1:" (28 pt) on page 13, a footer line "Chapitre 1 : Contexte" read on page 21
    (11 pt), then "Chapitre2:" to "Chapitre4:": the chain of chapters goes through the
    title, the most prominent "1", so the footer stays what it was, below the chapters."""

    def heading(text: str, page: int, size: float, level: int) -> Heading:
        return Heading(text, page, 100.0, size, True, level, "typography")

    title = heading("Chapitre1: Contexte général", 13, 27.9, 2)
    footer = heading("Chapitre 1 : Contexte", 21, 11.0, 9)
    others = [heading(f"Chapitre{n}: Partie {n}", 10 + 12 * n, 27.9, 2) for n in (2, 3, 4)]
    headings = [title, footer, *others]
    _align_numbered_parts(headings)
    assert footer.level > title.level == others[0].level == others[-1].level


@pytest.mark.parametrize("producer", BOTH)
def test_the_general_conclusion_set_like_the_chapters_own_is_the_reports(producer: str) -> None:
    """Each chapter ends on a 15 pt "Conclusion", and "Conclusion générale" is set just like
    them: it is the report's, not the first chapter's, so the chapters after the first are
    not cut off (the activities are found there, as a warning)."""
    name = f"conclusion-generale-comme-celles-des-chapitres{producer}"
    assert section(name, "conclusion").title == "Conclusion générale"
    assert section(name, "activites").page == 6
    assert not fired_errors(name) & PART_RULES


def test_size_classes_join_sizes_a_few_percent_apart() -> None:
    """An exporter's scaled heading (24.7 pt among 24 pt) is its neighbours' style; the
    steps between real styles (Word's 16, 13, 12 pt; LaTeX's 20.7, 17.3, 14.4 pt) are not."""
    assert size_classes([26, 24.7, 24, 12.4]) == {26: 1, 24.7: 2, 24: 2, 12.4: 3}
    assert size_classes([16, 13, 12]) == {16: 1, 13: 2, 12: 3}
    assert size_classes([20.74, 17.28, 14.4]) == {20.7: 1, 17.3: 2, 14.4: 3}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Deuxième partie", True),
        ("Troisième partie", True),
        ("Chapitre 2", True),
        ("Partie II :", True),
        ("Deuxième partie : le développement", False),
        ("Développement", False),
    ],
)
def test_a_part_label_over_its_title_is_a_label(text: str, label: bool) -> None:
    """LaTeX's \\part sets "Deuxième partie" above the part's title: a label, not a title
    of its own (the parts read inside a chapter do not start at it)."""
    assert chapter_label(text) is label


def test_the_summary_of_the_report_is_front_matter() -> None:
    """ "Résumé du rapport" (and its English abstract) opens the report: not its first
    chapter, where the company would be looked for."""
    assert classify(heading_key("Résumé du rapport")).key == "front"


@pytest.mark.parametrize("producer", BOTH)
def test_the_general_conclusion_is_the_reports_in_a_flat_outline(producer: str) -> None:
    """Every title a first-level bookmark: each chapter's "Conclusion :" stands beside the
    report's; the last chapter's comes right before "Conclusion générale", which is the
    report's conclusion."""
    name = f"conclusion-generale-apres-celles-des-chapitres{producer}"
    conclusion = section(name, "conclusion")
    assert (conclusion.page, conclusion.title) == (9, "Conclusion générale")
    assert not fired(name) & PART_RULES


def test_parts_read_inside_a_part_end_on_the_body_last_page() -> None:
    """The parts one level inside a part that runs to the end of the body end on its last
    page, not the page after it (the check read that page and broke)."""
    analysis = checked("titres-liminaires-au-dessus-des-chapitres").analysis
    last = analysis.layout.last_body_page
    pages = BodyPages(analysis.document, analysis.furniture | analysis.contents.lines, last)
    headings = [h for h in analysis.headings if h.source == "typography"]
    # The level-1 titles alone: "Remerciements", set larger than the chapters, runs to the end.
    outer = top_parts([h for h in headings if h.level == 1], 1, 1, last, pages.between)
    holder = outer[-1]
    assert holder.title == "Remerciements" and holder.end_page == last
    inner = _inner_parts(holder, outer, headings, pages, set())
    assert [p.title for p in inner][-1] == "V. Ouverture"
    assert all(p.end_page <= last for p in inner) and inner[-1].end_page == last


def test_a_copy_of_the_cover_titles_no_part() -> None:
    """The cover twice (an editor's or a merge tool's duplicate), with its "Entreprise
    d'accueil : Réseaux Atlantique SAS" line in 16 pt bold: the copy is a cover too, and the
    company part is the one its title names."""
    name = "couverture-en-double"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (6, "1. Présentation de l'entreprise")
    assert not fired(name) & PART_RULES


def test_a_slide_deck_takes_its_dividers_for_its_parts() -> None:
    """PowerPoint: one "Diapositive N" bookmark a slide, bullets in 24 pt bold, each part
    opened by a divider slide with its number and its name in 18 pt: the dividers open the
    parts, the bookmarks name none."""
    name = "diaporama-powerpoint"
    analysis = checked(name).analysis
    pages = {key: (s.page, s.end_page) for key, s in analysis.sections.items()}
    assert pages == {"entreprise": (5, 7), "activites": (8, 11), "conclusion": (12, 15)}
    assert analysis.sections["conclusion"].cue == "divider"
    assert not any(p.title.startswith("Diapositive") for p in analysis.parts)
    assert not fired(name) & PART_RULES


def test_an_english_bibliography_going_on_under_no_title_stays_body() -> None:
    """ "Bibliographie" and two pages of English references, the second under no title: a
    list of references (a year, a key on most lines) goes on the back matter, never an
    annexed English document."""
    analysis = checked("bibliographie-anglaise").analysis
    assert analysis.layout.annex_start is None and analysis.layout.last_body_page == 12
    assert analysis.annexes == []


def test_references_under_the_conclusion_going_on_stay_body() -> None:
    """ "References" right under the conclusion on its page, the list going on over the next
    page: the report's end pages, no annex part."""
    analysis = checked("references-sous-conclusion").analysis
    assert analysis.layout.annex_start is None and analysis.layout.last_body_page == 11


def test_a_summary_back_cover_opens_no_part() -> None:
    """The back cover repeats the report's title ("Réalisation d'un outil de supervision")
    above "Résumé", "Mots-clés", "Abstract", "Keywords": no activities there, and the annex
    part starts at "Annexes"."""
    analysis = checked("quatrieme-resume").analysis
    assert analysis.layout.annex_start == 11
    assert analysis.sections["activites"].page == 7
    assert not fired("quatrieme-resume") & PART_RULES - {"RL202"}


def test_a_report_ending_on_a_bilan_has_no_conclusion_as_such() -> None:
    (hit,) = hits(checked("titres-sans-numeros").analysis, "RL203")
    assert (hit.variant, hit.severity, hit.page) == ("closing", Severity.WARNING, 13)
    (finding,) = findings("titres-sans-numeros", "RL203")
    assert "« Bilan du stage » (page 13)" in finding.message


# The severity table, on the analysis of a compliant report with one part changed.


def with_part(key: str, **changes):
    analysis = copy.copy(checked("conforme-word").analysis)
    sections = dict(analysis.sections)
    if changes.get("missing"):
        del sections[key]
    else:
        sections[key] = replace(sections[key], **changes)
    analysis.sections = sections
    return analysis


@pytest.mark.parametrize("rule, key", [("RL201", "entreprise"), ("RL202", "activites")])
def test_severity_follows_how_the_part_was_found(rule: str, key: str) -> None:
    assert hits(with_part(key), rule) == []  # named by its title: nothing to say
    (missing,) = hits(with_part(key, missing=True), rule)
    assert (missing.variant, missing.page) == ("missing", None)
    finding = make_finding(RULES[rule], missing, Settings(), "fr")
    assert finding.severity is Severity.ERROR
    unnamed = with_part(
        key,
        title="1. Lumiotec",
        named=False,
        decided_by=("content", "place"),
        confidence=0.72,
        content_cues=("créée en 1987", "48 salariés"),
    )
    (hit,) = hits(unnamed, rule)
    finding = make_finding(RULES[rule], hit, Settings(), "fr")
    page = unnamed.sections[key].page
    assert (hit.variant, finding.severity, finding.page) == ("unusual", Severity.WARNING, page)
    assert f"« 1. Lumiotec » (page {page})" in finding.message
    assert "confiance 72 %" in finding.message and "« créée en 1987 »" in finding.message
    english = make_finding(RULES[rule], hit, Settings(), "en")
    assert "from what its text says and its place in the outline" in english.message


def test_conclusion_severity_table() -> None:
    (bilan,) = hits(with_part("conclusion", title="3. Bilan", named=False), "RL203")
    assert (bilan.variant, bilan.severity) == ("closing", Severity.WARNING)
    untitled = with_part("conclusion", title="", named=False, decided_by=("content", "place"))
    (hit,) = hits(untitled, "RL203")
    assert (hit.variant, hit.severity) == ("untitled", Severity.WARNING)
    (missing,) = hits(with_part("conclusion", missing=True), "RL203")
    assert missing.variant == "missing" and missing.severity is None  # the rule's: an error
    assert RULES["RL203"].severity is Severity.ERROR


# What a part's text says: content profiles.

COMPANY_TEXT = " ".join(COMPANY_SENTENCES[:6])
WORK_TEXT = " ".join(WORK_SENTENCES[:6])
CLOSING_TEXT = " ".join(CLOSING_SENTENCES[:6])


@pytest.mark.parametrize(
    ("text", "kind"), [(COMPANY_TEXT, COMPANY), (WORK_TEXT, WORK), (CLOSING_TEXT, CLOSING)]
)
def test_each_part_reads_most_like_itself(text: str, kind: str) -> None:
    read = profile(text)
    assert max(read.density, key=read.density.get) == kind
    assert read.kinds_seen(kind) >= 3


def test_profile_quotes_the_students_own_words() -> None:
    read = profile(COMPANY_TEXT)
    cues = dict(read.cues[COMPANY])
    assert cues["creation-date"] == "créée en 1987"
    assert cues["staff"] == "48 salariés"
    assert read.voice == 0.0  # the company is described in the third person
    assert profile(WORK_TEXT).voice > 2
    assert dict(profile(CLOSING_TEXT).cues[CLOSING])["what-it-brought"] == "Ce stage m'a"


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Lumiotec est une SARL de 12 salariés.", "SARL"),
        ("Elle accompagne les PME-PMI de la région.", "PME"),
        ("le corpus de référence CL-SciSumm [SCI-Summ, 2016], proposé dans le cadre", None),
    ],
)
def test_a_legal_form_is_a_word_not_the_start_of_a_name(text: str, form: str | None) -> None:
    """ "SCI" (société civile immobilière) is a legal form; "SCI-Summ", a corpus a research
    report cites, is not (its introduction was read as the host's presentation, and RL201
    warned instead of saying no part presents it). "PME-PMI" names small firms."""
    assert dict(profile(text).cues[COMPANY]).get("legal-form") == form


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Le siège est à l'adresse : 12 rue de la Paix.", {"location"}),
        ("Adresse : 3 rue des Lilas, 35000 Rennes", {"location", "identity-card"}),
        (
            "Adresse web : https://lumiotec.fr",
            {"identity-card"},
        ),  # the host's card, as "Site web :"
        ("Le groupe distribue ses produits en Europe.", {"business"}),
        ("Les codes sont disponibles à l'adresse : https://git.example.org/x", set()),
        ("Mon dépôt, à l'adresse : https ://git.example.org/x", set()),  # babel's French
        ("J'ai configuré l'adresse IP du serveur et son adresse MAC.", set()),
        ("une réflexion sur le mode de programmation distribué, ainsi que", set()),
    ],
)
def test_an_address_and_a_trade_place_a_host_only_when_they_are_its_own(
    text: str, cues: set[str]
) -> None:
    """A postal address, an identity card's "Adresse web :" and a trade ("distribue ses
    produits") are cues of a host; a web, mail or network address in a sentence ("à
    l'adresse : https://...") and a computing adjective ("distribué") are not (a research
    report's introduction, with its code's web address and "programmation distribué", was
    read as the host's presentation)."""
    told = {name for name, _ in profile(text).cues[COMPANY]}
    assert told & {"location", "identity-card", "business"} == cues


def test_a_staff_count_is_a_short_number_not_a_page_of_figures() -> None:
    """ "1 100 agents", "12 000 salariés": a count with its spaces. A page of figures (a
    dendrogram's labels, 70,000 characters of numbers in a real report) is no count: the
    number is a few characters at most, which is also what keeps the search linear (it
    took 30 s on that page)."""
    assert dict(profile("La ville emploie 1 100 agents.").cues[COMPANY])["staff"] == "1 100 agents"
    assert dict(profile("Elle compte 12 000 salariés.").cues[COMPANY])["staff"] == "12 000 salariés"
    figures = " ".join(str(1_000_003 * k % 99_991) for k in range(2_000))
    quoted = dict(profile(f"{figures} 7 salariés").cues[COMPANY])["staff"]
    assert quoted.endswith("7 salariés") and len(quoted) <= 25


@pytest.mark.parametrize(
    ("text", "cue", "words"),
    [
        (
            "Ce projet m'a offert l'opportunité d'affiner mes compétences.",
            "what-it-brought",
            "Ce projet m'a",
        ),
        (
            "Cette mission m'a donné l'occasion de tout reprendre.",
            "what-it-brought",
            "Cette mission m'a",
        ),
        (
            "J'ai ainsi compris l'importance de la communication.",
            "what-it-brought",
            "J'ai ainsi compris",
        ),
        (
            "Cette immersion enrichira mon parcours professionnel.",
            "future",
            "parcours professionnel",
        ),
        (
            "Ce projet de stage a été doublement bénéfique.",
            "what-it-brought",
            "bénéfique",
        ),
        (
            "J'ai eu l'occasion de perfectionner mes qualités relationnelles.",
            "what-it-brought",
            "l'occasion de perfectionner",
        ),
        (
            "Le sens du travail d'équipe est nécessaire pour franchir le pas.",
            "skills",
            "travail d'équipe",
        ),
        (
            "Ces qualités sont nécessaires dans le monde professionnel.",
            "future",
            "monde professionnel",
        ),
    ],
)
def test_a_reflection_on_what_the_placement_brought_reads_as_closing(
    text: str, cue: str, words: str
) -> None:
    """How a part that looks back on the placement says it (new26 app_isae's last part)."""
    assert dict(profile(text).cues[CLOSING])[cue] == words


def test_an_empty_text_has_an_empty_profile() -> None:
    read = profile("  \n ")
    assert read.words == 0 and set(read.density.values()) == {0.0}


# The student's papers appended after the report.


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("\n".join(CURRICULUM), "cv"),
        ("\n".join(SKILLS_FORM), "skills-form"),
        ("\n".join([TEXTS["attestation"][0], *TEXTS["attestation"][1]]), "certificate"),
        ("\n".join([TEXTS["evaluation"][0], *TEXTS["evaluation"][1]]), "evaluation"),
    ],
)
def test_appended_papers_are_told_by_their_vocabulary(text: str, kind: str) -> None:
    found = appended_kind(text)
    assert found is not None and found[0] == kind
    assert len(found[1]) >= 2  # the words that told


def test_a_conclusion_about_skills_is_no_competence_form() -> None:
    conclusion = (
        "Conclusion\nCe stage m'a permis de consolider les compétences acquises en cours et "
        "d'en découvrir de nouvelles. J'ai appris à travailler en équipe et à être autonome. "
        "Cette expérience me conforte dans mon projet professionnel."
    )
    assert appended_kind(conclusion) is None
    assert appended_kind("\n".join(WORK_SENTENCES)) is None


def _heading(text: str) -> Heading:
    return Heading(text=text, page=5, top=80.0, size=16.0, bold=True, level=1, source="typography")


def _outlined(titles: list[tuple[int, str]]) -> list[Heading]:
    headings = []
    for page, (level, text) in enumerate(titles, start=3):
        heading = replace(_heading(text), page=page, level=level)
        heading.match = classify(heading_key(text))
        headings.append(heading)
    return headings


@pytest.mark.parametrize(
    ("titles", "main"),
    [
        # A chapter's "E- Conclusion", lettered under roman parts: the parts stay level 1.
        (
            [
                (1, "I. Présentation de l'entreprise"),
                (1, "II. Optimisation"),
                (2, "A- Objectif"),
                (2, "E- Conclusion"),
                (1, "III. Développement"),
                (2, "C- Conclusion"),
            ],
            1,
        ),
        # "13 – Conclusion" numbered as the parts, set smaller: it still says their level.
        (
            [
                (1, "1- Présentation de l'entreprise"),
                (2, "Conclusion sur la version 1 :"),
                (1, "10 – Réalisation de la version 2"),
                (2, "13 – Conclusion sur le stage"),
            ],
            2,
        ),
    ],
)
def test_a_chapters_conclusion_numbered_as_a_section_does_not_set_the_parts_level(
    titles: list[tuple[int, str]], main: int
) -> None:
    assert main_level(_outlined(titles)) == main


@pytest.mark.parametrize(
    ("text", "is_title"),
    [
        ("2. Déroulé", True),
        ("1. Lumiotec", True),
        ("II - Présentation du musée", True),
        ("ii - mes missions", True),  # a lower-case roman number still opens a part
        ("Semaine du 2 au 6 juin", True),
        ("Figure 3 : schéma du réseau de l'agence", False),  # a caption
        ("Tableau 2 - Les adresses IP", False),
        ("c'est ticket là sont la plupart des demandes", False),  # the rest of a sentence
        ("Le réseau de l'agence, que j'ai repris,", False),
        ("Nous avons ensuite installé les deux serveurs dans la baie du bureau.", False),
        ("2025", False),
        (" ".join(["mot"] * 17).capitalize(), False),  # too long for a title
        ("rapport-de-stage-final.pdf", False),  # a merge tool's bookmark, named after a file
        ("66ae87f2c1d94b0e8a7f3b2d1c0e9f8a7b6c5d4e", False),
        ("Diapositive 8", False),  # PowerPoint's bookmark of a slide
        ("Slide 12", False),
    ],
)
def test_part_titles_are_titles(text: str, is_title: bool) -> None:
    assert is_part_title(_heading(text)) is is_title


def test_headings_that_are_no_part_titles_give_no_parts() -> None:
    """Only captions and file-name bookmarks in the body (a merged PDF, realextra's
    "univproject" crashed here): no part, and no error."""
    headings = [_heading("Figure 3 : schéma du réseau"), _heading("rapport-final.pdf")]
    assert top_parts(headings, 1, 1, 5, lambda start, stop: "") == []


def test_a_two_line_running_header_does_not_keep_the_annex_title_off_the_top() -> None:
    """ "ALLIAUME Hugo Rapport d'alternance" then "7 août 2017 Annexes Sailing C&T" (the
    second line names the chapter, so it repeats on few pages): both stand in the top tenth,
    smaller than "7. Annexes", which opens the page: the annex part starts there."""
    from rapportlint.analysis.annex_part import _opens_page
    from rapportlint.model.document import Box, Page, TextLine

    def line(text: str, top: float, size: float) -> TextLine:
        return TextLine(text, Box(57, top, 400, top + size * 1.15), size, False, "Times")

    title = line("7. Annexes", 111.1, 18.2)
    header = [line("ALLIAUME Hugo Rapport d'alternance", 57.2, 12), line("7 août 2017", 71, 12)]
    page = Page(39, 595, 842, 0, lines=[*header, title])
    assert _opens_page(page, title, set())
    text_above = line("La migration s'est achevée en juin.", 300, 12)
    lower = line("7. Annexes", 420, 18.2)
    assert not _opens_page(Page(39, 595, 842, 0, lines=[*header, text_above, lower]), lower, set())
    # Spread by tab stops over the text's width (as the real header is), it is still a header.
    spread = [
        TextLine(text, Box(57, top, 538, top + 14), 12, False, "Times")
        for text, top in (("ALLIAUME Hugo Rapport d'alternance IUT Lyon 1", 57.2), ("7 août", 71))
    ]
    assert _opens_page(Page(39, 595, 842, 0, lines=[*spread, title]), title, set())
    # The report's last sentences run up to the top edge (Word for Mac): prose, not a header.
    last_words = [
        TextLine(text, Box(71, top, x1, top + 14), 12, False, "Calibri")
        for text, top, x1 in (
            (
                "Il m'est apparu la complémentarité des connaissances et des spécificités et",
                10,
                523,
            ),
            ("particularités de la vente sur le terrain.", 25, 300),
        )
    ]
    assert not _opens_page(Page(7, 595, 842, 0, lines=[*last_words, title]), title, set())


def test_references_are_read_an_entry_at_a_time_under_a_hanging_indent() -> None:
    """A bibliography in an author-year style wraps each entry over several lines, indented
    under its first, and dates it once: a page of them is a reference list, entry by entry,
    the lines that end the previous page's entry included. The same lines with their first
    line indented (a press article's paragraphs) are read a line at a time, and a year in
    four lines is no reference list."""
    from rapportlint.analysis.references import is_reference_list
    from rapportlint.model.document import Box, TextLine

    def line(text: str, x0: float, row: int) -> TextLine:
        return TextLine(text, Box(x0, 100 + 14 * row, 520, 112 + 14 * row), 11, False, "Times")

    words = ("Proceedings of the conference on data mining", "held jointly with workshops")
    hanging = [line("pages 12-24. ACM, New York, 2017.", 93, 0)]
    for entry in range(3):
        hanging += [line(f"A. Author{entry}. A long title of a paper.", 75, 1 + 4 * entry)]
        hanging += [line(text, 93, 2 + 4 * entry + i) for i, text in enumerate(words)]
        hanging += [line(f"Machinery, New York, {2004 + entry}.", 93, 4 + 4 * entry)]
    assert is_reference_list(hanging)
    indented = [line(t.text, 75 if t.box.x0 == 93 else 93, i) for i, t in enumerate(hanging)]
    assert not is_reference_list(indented)
    # An RFC page: its date and its section title at the edge, its text and figure indented.
    rfc = [line("September 1981", 75, 0), line("3.1. Header Format", 75, 1)]
    rfc += [
        line(f"TCP segments are sent as internet datagrams ({n}).", 93, 2 + n) for n in range(9)
    ]
    assert not is_reference_list(rfc)


@pytest.mark.parametrize("name", sorted(path.stem for path in PDF.glob("*.pdf")))
def test_parts_and_sections_stay_inside_the_document(name: str) -> None:
    """On every fixture, each part and each section runs forward between the first and the
    last page: a part read past the body's end made the check read a page that is not
    there (a real report's "erreur interne")."""
    analysis = checked(name).analysis
    if analysis is None:  # unreadable (encrypted, corrupt): its own tests say what is said
        return
    count = analysis.document.page_count
    spans = [(s.key, s.page, s.end_page) for s in analysis.sections.values()]
    spans += [(p.title, p.page, p.end_page) for p in analysis.parts]
    assert [span for span in spans if not 1 <= span[1] <= span[2] <= count] == []


@pytest.mark.parametrize("producer", BOTH)
def test_a_chapter_title_repeated_in_the_page_headers_opens_its_chapter_once(
    producer: str,
) -> None:
    """Each page from the first chapter on repeats the chapter's title in its header (Word's
    STYLEREF field; a section per chapter in LibreOffice). The chapter opens where its title
    stands; the header's copies, on its opening page and the ones after, are page furniture."""
    name = f"titres-de-chapitre-en-en-tete{producer}"
    analysis = checked(name).analysis
    chapters = [(h.page, h.text) for h in analysis.headings if h.text.startswith("Chapitre")]
    assert chapters == [
        (5, "Chapitre 1 : Présentation de Lumiotec"),
        (8, "Chapitre 2 : Mes missions"),
        (12, "Chapitre 3 : Le déploiement des bornes"),
    ]
    top_lines = {
        page.number: (page.number, 0) for page in analysis.document.pages if 5 <= page.number <= 14
    }
    assert set(top_lines.values()) <= analysis.furniture
    assert section(name, "entreprise").page == 5 and section(name, "activites").page == 8
    assert not fired_errors(name) & PART_RULES


def _pages_topped_by(*tops: tuple[str, ...], top: float = 30):
    """A document whose page N has the lines tops[N-1] (the first ``top`` points from the
    page's edge: in the header band by default, 11 pt), then a line of text; twenty pages of
    text alone after them, so that no line comes back on the share of the report's pages that
    makes a header of the whole report."""
    from rapportlint.model.document import Box, Document, Page, TextLine

    pages = []
    for number, texts in enumerate([*tops, *[()] * 20], start=1):
        lines = [
            TextLine(text, Box(72, top + 200 * i, 400, top + 12 + 200 * i), 11, False, "Body")
            for i, text in enumerate(texts)
        ]
        lines.append(
            TextLine(f"Texte de la page {number}.", Box(72, 700, 500, 712), 11, False, "B")
        )
        pages.append(Page(number=number, width=595, height=842, rotation=0, lines=lines))
    return Document(path="x.pdf", sha256="", size_bytes=0, pages=pages)


def test_a_title_repeated_at_the_top_of_pages_in_a_row_is_furniture_after_its_first() -> None:
    """The same words at the same height on three pages in a row: every copy after the first
    is page furniture, and the first too where its page sets them again lower down (the
    chapter's own title under its header). Two pages are not a run; different words
    ("Semaine 1", "Semaine 2") are not the same title; annex labels stay content."""
    from rapportlint.analysis.furniture import find_furniture

    canva = _pages_topped_by(*[("Mes missions",)] * 3, ("Conclusion",))
    assert find_furniture(canva) == {(2, 0), (3, 0)}
    word = _pages_topped_by(
        ("Chapitre 2 : Mes missions", "Chapitre 2 : Mes missions"),
        ("Chapitre 2 : Mes missions",),
        ("Chapitre 2 : Mes missions",),
    )
    assert find_furniture(word) == {(1, 0), (2, 0), (3, 0)}
    assert find_furniture(_pages_topped_by(*[("Mes missions",)] * 2, ("Autre",))) == set()
    weeks = _pages_topped_by(*[(f"Semaine {n}",) for n in range(1, 6)])
    assert find_furniture(weeks) == set()
    annexes = _pages_topped_by(*[("Annexe 2 : article de presse",)] * 3)
    assert find_furniture(annexes) == set()


def test_a_running_header_set_lower_than_the_header_band_is_furniture_after_its_first() -> None:
    """LaTeX's fancyhdr (inria, 93 pt) or a Word header far from the edge (ansible, 88 pt)
    sets its line at 11-12 % of an A4 page, under the top tenth: the same words at the same
    height on pages in a row are still a running header there. Lower, at 17 %, a line that
    comes back is the text's, not the header's."""
    from rapportlint.analysis.furniture import find_furniture

    latex = _pages_topped_by(*[("Camille Martin Rapport de stage",)] * 4, top=93)
    assert find_furniture(latex) == {(2, 0), (3, 0), (4, 0)}
    text = _pages_topped_by(*[("Camille Martin Rapport de stage",)] * 4, top=140)
    assert find_furniture(text) == set()


@pytest.mark.parametrize("producer", BOTH)
def test_the_bulk_of_the_report_telling_a_little_work_is_the_activities_as_a_warning(
    producer: str,
) -> None:
    """Half the report describes the routines written, in the third person, with few work
    cues (under half a narration's density): not sure enough either way for the error "no
    part describes the activities"; the warning names that part, with a low confidence."""
    name = f"description-des-programmes{producer}"
    assert_activities_warned(name, "Description des programmes", 8, 0.3, "confiance 30 %")


def assert_activities_warned(
    name: str, title: str, page: int, confidence: float, wording: str
) -> None:
    """The activities found under ``title`` at low ``confidence``: RL202 warns with
    ``wording`` and no part rule is an error."""
    activities = section(name, "activites")
    assert (activities.title, activities.page, activities.confidence) == (title, page, confidence)
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING and wording in finding.message
    assert not fired_errors(name) & PART_RULES


@pytest.mark.parametrize("producer", BOTH)
def test_titles_set_apart_only_by_their_font_are_headings(producer: str) -> None:
    """No bookmarks, no contents list, titles at the text's size and weight in the heading
    style's own (serif) font: a line that names a part, in a font the text hardly uses, with
    space above it, is a heading ("font" cue), and the parts are found by their titles."""
    name = f"titres-dans-leur-police{producer}"
    analysis = checked(name).analysis
    cues = {h.text: h.cue for h in analysis.headings}
    assert cues["Présentation de la société Lumiotec"] == "font"
    assert cues["Les missions réalisées pendant le stage"] == "font"
    assert section(name, "entreprise").page == 4 and section(name, "activites").page == 6
    assert not {f.rule for f in checked(name).findings} & PART_RULES


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("ABCDEF+Calibri-Bold", "calibri"),
        ("Calibri Light", "calibrilight"),
        ("TimesNewRomanPS-ItalicMT", "timesnewroman"),
        ("TimesNewRomanPSMT", "timesnewroman"),
        ("Arial,Bold", "arial"),
        ("CMBX12", "cmbx"),
    ],
)
def test_font_family_drops_subset_weight_and_size(name: str, family: str) -> None:
    from rapportlint.model.fonts import font_family

    assert font_family(name) == family


@pytest.mark.parametrize("producer", BOTH)
def test_a_host_only_in_the_school_form_is_a_warning_that_quotes_the_card(producer: str) -> None:
    """The school's form before the introduction gives the host's name, activity and contact;
    no part presents it. Named, not presented: RL201 warns, quoting the card's labels and
    its page, and says to present the company in a part of its own."""
    name = f"fiche-entreprise-seule{producer}"
    assert section(name, "entreprise") is None
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and finding.page == 3  # after the thanks
    assert "« Nom de l'organisation », « Activité de l'organisation »" in finding.message
    assert "Présentation de l'entreprise" in finding.fix


def test_a_host_merely_named_on_the_cover_is_still_missing() -> None:
    """A cover that names the host (its name, "Entreprise d'accueil", an address) is no
    identity card: a card also says what the host does. Without a part that presents the
    company, RL201 stays an error."""
    from rapportlint.analysis.text import fold
    from rapportlint.analysis.vocabulary import CARD_LABELS

    result = checked("sans-entreprise")
    assert result.analysis.company_card() is None
    assert Severity.ERROR in {f.severity for f in result.findings if f.rule == "RL201"}
    cover = ["Entreprise d'accueil : Lumiotec SARL", "Adresse : 4 rue des Ardoisiers"]
    kinds = {k for line in cover for k, p in CARD_LABELS.items() if p.match(fold(line))}
    assert kinds == {"name", "contact"}
    assert CARD_LABELS["activity"].match(fold("Secteur d'activité : BTP"))


@pytest.mark.parametrize("producer", BOTH)
def test_research_chapters_between_the_lab_and_the_conclusion_are_the_activities(
    producer: str,
) -> None:
    """A research placement: after the lab's own part, four chapters titled by their subject
    (theory, experiments, an application) make nearly the whole report and tell hardly any
    work in the intern's words. They are where the activities go and about nothing else: a
    warning that names the first of them (by its place, low confidence), not the error "no
    part describes the activities"."""
    name = f"chapitres-de-recherche{producer}"
    title = "2. Matrices aléatoires et tenseurs"
    assert_activities_warned(name, title, 6, 0.4, "d'après sa place")
    assert section(name, "activites").decided_by == ("place",)
    assert section(name, "entreprise").page == 5 and section(name, "conclusion").page == 18


@pytest.mark.parametrize("producer", BOTH)
def test_part_above_a_bookmarked_section_opens_the_company_part(producer: str) -> None:
    """Bookmarks for some headings only: the outline holds the company part's second section
    "B) Organigramme", which merely hints at the part, not the part's own title "I- L
    ’établissement" (with the space before the apostrophe that justified exports leave) set
    above it on the page before. The part starts at its title, found by its typography."""
    name = f"signets-partiels{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title, company.source) == (5, "I- L ’établissement", "typography")
    assert section(name, "activites").page == 7 and section(name, "conclusion").page == 10
    assert not {f.rule for f in checked(name).findings} & PART_RULES


@pytest.mark.parametrize("producer", BOTH)
def test_the_setting_of_the_internship_gives_way_to_the_host_described_before_it(
    producer: str,
) -> None:
    """ "3.1 Le contexte du stage" tells the project's technical background; the chapter
    before it, titled by the host's own name, describes the organisation. "Contexte du stage"
    names the setting, host or project: the text decides. The company part is the chapter,
    found by its content (a warning that says so), not the section by its title."""
    name = f"contexte-apres-l-hote-par-son-nom{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (5, "2 L'Atelier Lumiotec")
    assert company.decided_by == ("content", "place") and not company.named
    findings = {f.rule: f.severity for f in checked(name).findings}
    assert findings.get("RL201") == "warning"
    assert section(name, "activites").page == 9 and section(name, "conclusion").page == 12


@pytest.mark.parametrize("producer", BOTH)
def test_a_hint_far_into_a_chapter_does_not_make_it_the_company_part(producer: str) -> None:
    """A study whose host is only named in the introduction: the third bold paragraph title
    of its state-of-the-art chapter reads "Présentation" (of a method). A hint that far into
    a chapter its title does not name presents something else: no company part, RL201 stays
    an error (a chapter titled by the host's name that opens on "1.1 Historique" is still the
    company part: test_report_rules)."""
    name = f"presentation-d-une-methode{producer}"
    assert section(name, "entreprise") is None
    findings = {f.rule: f.severity for f in checked(name).findings}
    assert findings.get("RL201") == "error"
    assert section(name, "activites").page == 9 and section(name, "conclusion").page == 11


@pytest.mark.parametrize("producer", BOTH)
def test_the_school_form_before_the_report_titles_nothing(producer: str) -> None:
    """The school's internship form before the introduction sets its fields under bold labels
    ("Entreprise d'accueil" over "Nom : ...", "Adresse : ..."): the label is no presentation of
    the host. The company part is the chapter that describes it, found by its content."""
    name = f"fiche-ecole-avant-le-rapport{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (5, "A. Le contexte de la mission")
    assert company.decided_by == ("content", "place")
    assert not any(h.page == 3 for h in checked(name).analysis.headings)
    assert section(name, "activites").page == 7 and section(name, "conclusion").page == 10


@pytest.mark.parametrize("producer", BOTH)
def test_a_named_chapter_the_outline_lacks_comes_before_its_hint(producer: str) -> None:
    """Unnumbered chapters without bookmarks ("Introduction", "Présentation du laboratoire"),
    then bookmarked numbered ones, the first opening on "1.1 Présentation de la base de
    données". The outline only hints at a presentation; the typography names the company part
    before it, which the outline lacks: the part starts at "Présentation du laboratoire"."""
    name = f"chapitres-sans-signet-avant-les-numerotes{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title, company.source) == (
        5,
        "Présentation du laboratoire",
        "typography",
    )
    assert company.named and section(name, "conclusion").page == 10
    severities = {f.rule: f.severity for f in checked(name).findings}
    assert "RL201" not in severities and severities.get("RL202") != "error"


@pytest.mark.parametrize("producer", BOTH)
def test_a_host_part_confirmed_by_its_text_outweighs_a_later_section_named_like_a_host(
    producer: str,
) -> None:
    """ "2 Présentation de Lumiotec" hints at the host and its text describes it; "3.1 Le
    campus", a later section whose words name an organisation, does not describe one. The
    part, its title confirmed by its content, is the company part."""
    name = f"entreprise-avant-une-section-au-nom-d-organisme{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (5, "2 Présentation de Lumiotec")
    assert company.named and company.decided_by == ("title", "content")
    assert "RL201" not in {f.rule for f in checked(name).findings}


@pytest.mark.parametrize("producer", BOTH)
def test_the_activities_open_at_the_first_section_of_their_chapter(producer: str) -> None:
    """ "II.1 Présentation du projet", then "II.2 Réalisation du projet", the chapter's own
    title only in the contents list: the wording names the work at II.2, the part opens at
    the chapter's first section, and says which section named it."""
    name = f"projet-presente-puis-realise{producer}"
    activities = section(name, "activites")
    assert (activities.page, activities.title) == (7, "II.1 Présentation du projet")
    assert activities.named_by == "II.2 Réalisation du projet" and activities.named
    assert activities.end_page == 10 and section(name, "entreprise").page == 5
    out = CliRunner().invoke(main, ["pages", str(fixture_path(name))])
    assert "partie que nomme « II.2 Réalisation du projet »" in out.output
    assert not fired(name) & PART_RULES


@pytest.mark.parametrize(
    ("titles", "opening"),
    [
        # the chapter's own title, then its first section, then the one the wording names
        (["4. Ce que j'ai pu observer", "4.1 Ma journée", "4.2 Ce que j'ai réalisé"], 0),
        # its first section only: the chapter's title is in the contents list alone
        (["II.1 Présentation du projet", "II.2 Réalisation du projet"], 0),
        # earlier sections that say something else: the start stays where it is named
        (["3.2.5 L'environnement", "3.3 Les outils", "3.4 Déroulement du stage"], 2),
        # another part's title between: the company, here
        (["2.1 Le projet", "2.2 Présentation de l'entreprise", "2.3 Missions réalisées"], 2),
        # another chapter's numbered title just before: this chapter did not open here
        (["3.1 Le projet", "3.2 Les tests", "4.2 Missions réalisées"], 2),
        # the chapter's own title, unnumbered sections between
        (["3.1 Le projet", "4 Le réseau", "4.2 Missions réalisées"], 1),
    ],
)
def test_a_chapter_opens_the_activities_only_from_its_first_title(
    titles: list[str], opening: int
) -> None:
    from rapportlint.analysis.sections import _first_title_of_its_chapter

    headings = []
    for index, text in enumerate(titles):
        heading = replace(_heading(text), page=5 + index // 2, top=100.0 + 300 * (index % 2))
        heading.match = classify(heading_key(text))
        headings.append(heading)
    assert _first_title_of_its_chapter(headings[-1], headings) is headings[opening]


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_report_ending_on_its_last_missions_review_gets_a_warning(producer: str) -> None:
    """No "Conclusion": the last title is "2.2.2 Bilan", two levels under "2 Partie 2 - Les
    missions", and its text looks back on the whole internship. The report ends on a review:
    RL203 names it at warning level (its title, its place, its content), and the activities
    end before it."""
    name = f"bilan-de-la-derniere-mission{producer}"
    conclusion = section(name, "conclusion")
    assert (conclusion.title, conclusion.page) == ("2.2.2 Bilan", 10)
    assert conclusion.decided_by == ("title", "content", "place") and not conclusion.named
    assert section(name, "activites").end_page == 9
    (finding,) = findings(name, "RL203")
    assert (finding.severity, finding.page) == (Severity.WARNING, 10)
    assert "« 2.2.2 Bilan »" in finding.message


def test_a_last_review_of_the_mission_alone_is_no_conclusion() -> None:
    """The same report whose last "Bilan" weighs only the mission's result (what works, what
    is left): nothing looks back on the internship, the report has no conclusion."""
    name = "bilan-technique-de-la-derniere-mission"
    assert section(name, "conclusion") is None
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_the_conclusion_ends_at_a_bibliography_the_outline_lacks(producer: str) -> None:
    """ "3. Conclusion" alone on a divider page, two pages of text, then "Bibliographie" and
    "Glossaire" typed as plain titles, not bookmarked: the conclusion ends before them, and
    its length is its two pages of text (the divider holds only its title): no RL206."""
    name = f"conclusion-apres-intercalaire-puis-bibliographie{producer}"
    conclusion = section(name, "conclusion")
    assert (conclusion.page, conclusion.end_page) == (10, 12)
    assert checked(name).analysis.layout.body_pages == 14  # the back matter stays in the body
    assert findings(name, "RL206") == []


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_a_hinting_title_over_a_research_context_is_no_company(producer: str) -> None:
    """ "1 Contexte" of a research placement tells its model over two pages and names no
    organisation: no part presents the company, RL201 is an error."""
    name = f"introduction-de-section{producer}"
    assert "entreprise" not in checked(name).analysis.sections
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_title_that_only_hints_at_the_company_says_so_without_contradiction(
    producer: str,
) -> None:
    """ "1 Contexte" hints at the host and its text says a little of one (a laboratory, its
    researchers, its campus) without describing it: the part is taken by its title alone, at
    50 %, and RL201 says the title hints without naming it and the text does not confirm it
    (not "from its title, but its title does not say so")."""
    name = f"contexte-qui-evoque-le-laboratoire{producer}"
    company = section(name, "entreprise")
    assert company.decided_by == ("title",) and company.confidence == 0.5
    (finding,) = findings(name, "RL201")
    (hit,) = hits(checked(name).analysis, "RL201")
    assert (hit.variant, finding.severity) == ("hinted", Severity.WARNING)
    assert "évoque la présentation de l'entreprise sans la nommer" in finding.message
    assert "ne le dit pas" not in finding.message


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_divider_page_ends_the_company_part_whatever_its_size(producer: str) -> None:
    """ "L'entreprise" on a divider page, then dividers set a size smaller ("Le site web",
    "Les technologies utilisées", "Les tâches réalisées"): each divider opens the next part,
    so the company part is its own 3 pages, not 11 (no RL205)."""
    name = f"parties-ouvertes-par-des-intercalaires{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.end_page) == (5, 7)
    assert findings(name, "RL205") == []
    dividers = {h.text for h in checked(name).analysis.headings if h.alone_on_page}
    assert {"L'entreprise", "Le site web", "Les tâches réalisées"} <= dividers


def test_titles_under_a_bibliography_name_no_part() -> None:
    """A bibliography sorted by subject ("Présentation de l'entreprise", "Docker") under its
    "Bibliographie" title: its categories, a level below, are not the report's parts; the
    title after it at the bibliography's level is read again."""
    from rapportlint.analysis.sections import find_sections

    headings = [
        typographic_heading("Introduction", 3, 1),
        typographic_heading("Missions réalisées", 5, 1),
        typographic_heading("Conclusion", 9, 1),
        typographic_heading("Bibliographie", 10, 1),
        typographic_heading("Présentation de l'entreprise", 10, 3),
        typographic_heading("Glossaire", 11, 1),
    ]
    sections = find_sections(headings, [], 1, 11)
    assert "entreprise" not in sections
    assert sections["conclusion"].end_page == 9


def test_an_appendix_title_under_its_label_names_no_part() -> None:
    """ "Annexe A" above "Organigramme de Lumiotec", "Annexe B" above "Déroulement de la
    migration" (LaTeX's appendix chapters, only the titles bookmarked): the annex part starts
    at "Annexe A", and the activities are the report's own chapter, not the appendix whose
    title the outline names like them."""
    name = "annexes-etiquetees-au-dessus-de-leur-titre"
    layout = checked(name).analysis.layout
    assert (layout.annex_start, layout.body_pages) == (12, 11)
    assert section(name, "activites").page == 7


def test_a_glossary_in_the_front_matter_hides_no_part() -> None:
    """A "Glossaire" before the introduction, set larger than the report's titles: the titles
    after it are the report's, not its terms (only a glossary or bibliography after the
    report's text holds titles that name no part)."""
    from rapportlint.analysis.sections import find_sections

    headings = [
        typographic_heading("Sommaire", 2, 1),
        typographic_heading("Glossaire", 3, 1),
        typographic_heading("Introduction", 4, 2),
        typographic_heading("Présentation de l'entreprise", 5, 2),
        typographic_heading("Missions réalisées", 8, 2),
        typographic_heading("Conclusion", 12, 2),
    ]
    assert sorted(find_sections(headings, [], 1, 12)) == ["activites", "conclusion", "entreprise"]


def typographic_heading(text: str, page: int, level: int):
    """A heading as the typography gives it, first on its page, its wording classified."""
    from rapportlint.analysis.headings import Heading
    from rapportlint.analysis.text import heading_key
    from rapportlint.analysis.vocabulary import classify

    return Heading(
        text,
        page,
        72.0,
        14.0,
        True,
        level,
        "typography",
        classify(heading_key(text)),
        first_on_page=True,
    )


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_the_work_starts_at_the_objectives_after_a_company_section(producer: str) -> None:
    """ "DÉVELOPPEMENT" opens on "Présentation de l'entreprise", then "Contexte et objectifs
    du stage" tells the work; later top-level parts look back. In reading order the
    activities start at the objectives (title, content and place), not at "IV. Mise en
    pratique des acquis", the first later part that tells some work."""
    name = f"objectifs-apres-la-section-entreprise{producer}"
    activities = section(name, "activites")
    assert (activities.title, activities.page) == ("Contexte et objectifs du stage", 6)
    assert activities.decided_by == ("title", "content", "place")
    assert section(name, "entreprise").page == 5


def test_a_section_after_the_company_is_the_work_only_if_its_title_and_text_say_so() -> None:
    """After a company section, a section titled by the internship's objectives whose text
    tells work starts the activities; a section about the tutor, or one naming the
    internship but describing the host, does not."""
    from rapportlint.analysis.parts import Part
    from rapportlint.analysis.unnamed import _work_after_deep_company

    def after(title: str, bank: tuple[str, ...], seed: int) -> Part:
        heading = typographic_heading(title, 6, 2)
        read = profile(" ".join(bank[seed % len(bank) :] + bank[: seed % len(bank)]))
        return Part(title, 6, 72.0, 6, 2, heading, read, 0.1)

    tutor = after("Un tuteur aux multiples casquettes", WORK_SENTENCES, 1)
    choice = after("Les raisons de mon choix de stage", COMPANY_SENTENCES, 2)
    objectives = after("Contexte et objectifs du stage", WORK_SENTENCES, 3)
    assert _work_after_deep_company([tutor, choice]) is None
    found = _work_after_deep_company([tutor, choice, objectives])
    assert found is not None and found.part is objectives


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_company_over_short_third_person_paragraphs_of_the_introduction_is_a_warning(
    producer: str,
) -> None:
    """ "1. Introduction et contexte" presents the host over short paragraphs (none of 60
    words: a sentence, a caption, its sites, its clients) before the student's own paragraph:
    read together they present the company; RL201 warns, it is no error."""
    name = f"entreprise-en-courts-paragraphes-de-l-introduction{producer}"
    company = section(name, "entreprise")
    assert company.within == "introduction-text" and company.page == 4
    assert company.decided_by == ("content",) and company.confidence <= 0.6
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING
    assert "le texte de « 1. Introduction et contexte »" in finding.message
    assert "20 salariés" in finding.message


def test_a_narrated_paragraph_ends_a_run_of_the_hosts_paragraphs() -> None:
    """Third-person paragraphs that follow each other are read together; a paragraph the
    student narrates ("J'ai rejoint...") ends the run and is never part of it."""
    from rapportlint.analysis.unnamed import third_person_passages

    host = ["Lumiotec est une PME créée en 1987.", "Ses clients sont des mairies."]
    narrated = "J'ai rejoint l'équipe, j'ai installé mes postes et j'ai suivi mon tuteur."
    passages = third_person_passages([*host, narrated, "Le siège est à Angers."])
    assert " ".join(host) in passages
    assert not any("J'ai rejoint" in p for p in passages)
    assert "Le siège est à Angers." in passages  # alone: a paragraph, no run


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_conclusion_the_outline_lacks_after_its_last_bilan(producer: str) -> None:
    """The outline ends on "3. Bilan du stage"; the next page opens with "Conclusion", set
    like the chapters but not bookmarked: that is the conclusion, and RL203 says nothing."""
    name = f"conclusion-absente-des-signets{producer}"
    conclusion = section(name, "conclusion")
    assert (conclusion.title, conclusion.page, conclusion.named) == ("Conclusion", 11, True)
    assert findings(name, "RL203") == []


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_parts_own_introduction_is_read_as_that_part(producer: str) -> None:
    """ "Partie II : Rapport de développement" opens on its own "INTRODUCTION", which tells
    the work over most of the report; a late title that only hints at the company ("II.
    Présentation de la plateforme", its text telling work) bounds nothing. The activities
    are that part, shown by its label, at warning level: never "no part" (RL202 error)."""
    name = f"parties-avec-leurs-introductions{producer}"
    activities = section(name, "activites")
    assert (activities.title, activities.page) == ("Partie II : Rapport de développement", 8)
    assert activities.decided_by == ("place", "content") and activities.confidence <= 0.5
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING and finding.page == 8


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_part_only_the_contents_list_names_is_placed_at_its_page(producer: str) -> None:
    """The contents list announces "Présentation de l'entreprise (page 3)" and page 3 presents
    the host under no title: the company part is there, decided by the list and its text, and
    RL201 warns that no title opens it (never "no part presents the company")."""
    name = f"parties-nommees-par-le-sommaire-seul{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (3, "Présentation de l'entreprise")
    assert company.decided_by == ("contents", "content") and not company.named
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and finding.page == 3
    assert "Le sommaire annonce « Présentation de l'entreprise »" in finding.message
    assert "aucun titre ne l'ouvre" in finding.message
    (closing,) = findings(name, "RL203")
    assert closing.severity is Severity.WARNING


def test_an_announced_part_needs_its_page_to_say_it() -> None:
    """A contents entry names the company at a page whose text tells work: nothing is placed
    there (the list alone is no proof); an entry that only hints names nothing."""
    from rapportlint.analysis.announced import placed_by_contents
    from rapportlint.analysis.toc import Contents, TocEntry
    from rapportlint.model.loader import load_document

    document = load_document(fixture_path("parties-nommees-par-le-sommaire-seul"))
    body = BodyPages(document, set(), document.page_count)
    labels = {n: str(n) for n in range(2, document.page_count + 1)}

    def entry(text: str, printed: str) -> TocEntry:
        return TocEntry(text, heading_key(text), printed, 2, 72.0)

    def placed(*entries: TocEntry) -> dict:
        return placed_by_contents(["entreprise"], Contents(entries=list(entries)), labels, body)

    assert placed(entry("Présentation de l'entreprise", "3"))["entreprise"].page == 3
    assert placed(entry("Présentation de l'entreprise", "5")) == {}  # page 5 tells work
    assert placed(entry("Historique", "3")) == {}  # a hint, not a name
    assert classify(heading_key("Ce que j'ai pensé du stage")).key == "conclusion"


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_bookmarked_cover_line_titles_nothing(producer: str) -> None:
    """The cover's field "Établissement / Formation : ..." in a heading style is bookmarked:
    it opens no part (the cover's lines title nothing); the company part is page 5."""
    name = f"ligne-de-couverture-en-signet{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (5, "1. Présentation de l'entreprise")
    assert all(h.page != 1 for h in checked(name).analysis.headings)


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_hinting_title_over_a_text_naming_no_host_is_no_company(producer: str) -> None:
    """ "1. Contexte" over two pages of technical background that name no organisation: the
    title hints, the text says nothing of a host; no part presents the company, and RL201 is
    an error (it was a 50 % warning pointing at the background)."""
    name = f"contexte-technique-sans-entreprise{producer}"
    assert "entreprise" not in checked(name).analysis.sections
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.ERROR


def test_a_things_history_hints_at_no_company() -> None:
    """ "Historique" hints at the host; "Historique du projet", "Historique des versions" tell
    a thing's history."""
    assert classify(heading_key("Historique")).key == "entreprise"
    assert classify(heading_key("1) Historique du projet")) is None
    assert classify(heading_key("Historique des versions")) is None
    assert classify(heading_key("Historique de l'entreprise")).key == "entreprise"


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_late_page_naming_staff_and_addresses_presents_no_host(producer: str) -> None:
    """ "4. Page employés", two pages before the end, describes an application's screen of a
    client's staff and addresses: read by its content alone, a part in the report's second
    half is no presentation of the host; RL201 is an error."""
    name = f"page-employes-en-fin-de-rapport{producer}"
    assert "entreprise" not in checked(name).analysis.sections
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_appendices_numbered_by_letters_open_the_annex_part(producer: str) -> None:
    """After chapters numbered "1." to "4. Bibliographie", "A. Exemple de configuration"
    opens its page: LaTeX's appendices, no "Annexe" in their titles. The annex part starts
    there and the body stops before it."""
    name = f"annexes-numerotees-par-des-lettres{producer}"
    layout = checked(name).analysis.layout
    assert (layout.annex_start, layout.last_body_page) == (12, 11)


def test_the_first_half_is_the_bodys_whatever_the_titled_parts() -> None:
    """ "1. Lumiotec", found by its content right after a short introduction, before titled
    missions and conclusion: it stands in the body's first half (counted over the body, not
    over the untitled parts), so RL201 warns; no error."""
    name = "entreprise-par-son-nom-avant-des-parties-titrees"
    assert section(name, "entreprise").page == 5
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING


def test_a_lettered_section_under_a_roman_part_is_no_appendix() -> None:
    """ "II. Missions réalisées", then "A. Installation du réseau" opening its page: the
    part's first section in an "I." > "A." > "1." outline, not LaTeX's appendix: no annex
    part, the body runs to the last page."""
    analysis = checked("parties-romaines-sections-lettrees").analysis
    assert analysis.layout.annex_start is None
    assert analysis.layout.last_body_page == analysis.document.page_count


def test_an_annexs_own_conclusion_is_not_the_reports() -> None:
    """The outline ends on "3. Bilan du stage", then "Annexes"; the annexed study ends on an
    unbookmarked "Conclusion": the annex part starts at "Annexes" (page 11) and the report
    ends on its bilan (RL203 warns), not on the study's conclusion."""
    analysis = checked("annexe-avec-sa-propre-conclusion").analysis
    assert analysis.layout.annex_start == 11
    assert analysis.sections["conclusion"].page == 10


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_activities_named_deep_in_a_chapter_that_tells_work_start_with_the_chapter(
    producer: str,
) -> None:
    """ "2. L'application" narrates the student's work from its first page and only its
    fourth section, "2.4 Déroulement du stage", names it: the activities start at the
    chapter, named by that section (no warning: the title names them), and run to its end."""
    name = f"activites-nommees-au-fond-de-leur-chapitre{producer}"
    activities = section(name, "activites")
    assert (activities.title, activities.page, activities.end_page) == ("2. L'application", 7, 12)
    assert activities.named and activities.named_by == "2.4 Déroulement du stage"
    assert activities.decided_by == ("title", "content")
    assert not findings(name, "RL202")


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_activities_named_after_a_chapter_that_sets_the_scene_keep_their_section(
    producer: str,
) -> None:
    """ "2. Les technologies du Web" explains techniques (no work told) until "2.4 Déroulement
    du stage": the activities start at that section, not at the chapter."""
    name = f"activites-nommees-apres-leur-cadre{producer}"
    activities = section(name, "activites")
    assert (activities.title, activities.page) == ("2.4 Déroulement du stage", 10)
    assert activities.named_by == "" and activities.decided_by == ("title",)


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_missions_after_the_company_under_a_bare_presentation_are_the_activities(
    producer: str,
) -> None:
    """ "II. Présentation" holds "1. Présentation de Lumiotec" and then "2. Descriptif des
    missions": the activities are that section (a title only hinting at the company holds
    both), the company part ends before it; no RL202 error."""
    name = f"missions-sous-une-presentation-nue{producer}"
    activities = section(name, "activites")
    assert (activities.title, activities.page) == ("2. Descriptif des missions", 6)
    assert section(name, "entreprise").end_page == 5
    assert not findings(name, "RL202") and not findings(name, "RL205")


def test_a_descriptif_names_a_part_as_a_description_does() -> None:
    """ "Descriptif des missions" is "Description des missions" in a student's words; the
    company's descriptif too; a descriptif of a product names nothing."""
    assert classify(heading_key("2. Descriptif des missions")).key == "activites"
    assert classify(heading_key("Descriptif de l'entreprise")).key == "entreprise"
    assert classify(heading_key("Descriptif du produit")) is None


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_appendices_lettered_without_dots_open_the_annex_part(producer: str) -> None:
    """LaTeX's default numbering: "4 Bilan du stage", then "A Conférence : portes ouvertes"
    and "B Travail réalisé": the annex part starts at "A" (page 11), the body ends on the
    bilan, and "B Travail réalisé" is no activities part."""
    analysis = checked(f"annexes-lettrees-sans-point{producer}").analysis
    assert (analysis.layout.annex_start, analysis.layout.last_body_page) == (11, 10)
    assert analysis.sections["activites"].page == 7


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_single_lettered_appendix_after_the_bibliography_opens_the_annex_part(
    producer: str,
) -> None:
    """ "4 Conclusion", "Bibliographie", then "A Précisions sur les graphes de tâches" and no
    "B": right after the back matter, the lone "A" is LaTeX's appendix (page 13)."""
    analysis = checked(f"annexe-lettree-apres-la-bibliographie{producer}").analysis
    assert (analysis.layout.annex_start, analysis.layout.last_body_page) == (13, 12)
    assert analysis.sections["conclusion"].page == 10


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_review_part_before_the_conclusion_may_tell_the_work(producer: str) -> None:
    """ "II. Bilan et retour d'expérience" tells the work ("Contextualisation du stage",
    "Contenu du stage") and the report ends on its own "Conclusion": the review part is the
    activities (a warning names it), not the study "III. L'organisation du sondeur"."""
    name = f"travail-raconte-dans-un-bilan{producer}"
    activities = section(name, "activites")
    assert (activities.page, activities.title) == (7, "II. Bilan et retour d'expérience")
    assert section(name, "conclusion").page == 12
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING and finding.page == 7


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_activities_start_at_the_first_method_chapter_before_the_implementation(
    producer: str,
) -> None:
    """ "Chapitre III : Spécification des besoins", "IV : Conception", "V : Réalisation":
    the analysis and design are the student's work too, the activities start at III (page 9),
    still named by "Réalisation"; "Chapitre II : État de l'art" before them stays out."""
    name = f"chapitres-de-methode-avant-la-realisation{producer}"
    activities = section(name, "activites")
    assert (activities.page, activities.end_page) == (9, 15)
    assert activities.title == "Chapitre III : Spécification des besoins"
    assert activities.named_by == "Chapitre V : Réalisation" and activities.named
    assert not fired(name) & {"RL201", "RL202", "RL203"}
    out = CliRunner().invoke(main, ["pages", str(fixture_path(name))])
    assert "partie que nomme « Chapitre V : Réalisation »" in out.output


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_company_in_the_opening_text_of_the_first_chapter_is_a_warning(producer: str) -> None:
    """ "I. Présentation et contexte du projet" opens on "1- Introduction :" and a paragraph
    about the host in the third person: presented there, no part of its own; RL201 warns,
    and the company spans the chapter's opening pages, not the whole chapter (no RL205)."""
    name = f"entreprise-au-debut-du-premier-chapitre{producer}"
    company = section(name, "entreprise")
    assert company.within == "introduction-text" and company.decided_by == ("content",)
    assert (company.page, company.end_page) == (5, 6)
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING
    assert "le texte de « I. Présentation et contexte du projet »" in finding.message
    assert "RL205" not in fired(name)


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_without_an_introduction_the_report_starts_at_its_first_part(producer: str) -> None:
    """No "Introduction": the report's text starts at "I. Expression des besoins" (page 4),
    not at the activities' "III. Développement et réalisation" (page 7); pages 4 to 6 are
    body, counted from the introduction on."""
    analysis = checked(f"sans-introduction-avant-le-projet{producer}").analysis
    assert analysis.layout.intro_page == 4 and analysis.layout.body_pages_from_intro == 7
    assert analysis.sections["activites"].page == 7
    assert [analysis.role(n).role for n in (4, 5, 6)] == ["body"] * 3


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_activities_named_by_a_chapters_first_section_are_the_chapter(producer: str) -> None:
    """ "III. Développement", then "3.1. Implémentation de la solution" right under it: the
    activities are the chapter (pages 8 to 10), its "3.3. Retour d'expérience technique"
    included; the roman chapter number matches the section's arabic one."""
    activities = section(f"activites-nommees-par-la-premiere-section{producer}", "activites")
    assert (activities.title, activities.page, activities.end_page) == ("III. Développement", 8, 10)


def test_a_theory_chapter_about_a_group_presents_no_host() -> None:
    """ "Contexte théorique" opens on "Le groupe de classes est le groupe quotient...": two
    kinds of organisation cues from one mathematical word are no presentation; RL201 stays
    the error (the first chapter's text needs three kinds, as STE Yamani's has)."""
    name = "contexte-theorique-sans-hote"
    assert "entreprise" not in checked(name).analysis.sections
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize(
    ("name", "cue"),
    [
        # 46 words packed with cues of four kinds (a Canva page in a large font).
        ("entreprise-en-quelques-mots-en-introduction", "« créée en 2016 »"),
        ("entreprise-en-quelques-mots-en-introduction-libreoffice", "« créée en 2016 »"),
        # The lab in the first paragraph (47 words), the team joined in the second, then
        # the project; LaTeX tells its paragraphs apart by their first-line indent alone.
        ("laboratoire-dans-les-paragraphes-de-l-introduction", "« est un organisme »"),
        ("laboratoire-dans-les-paragraphes-de-l-introduction-latex", "« est un organisme »"),
    ],
)
def test_a_host_presented_in_a_short_passage_of_the_introduction(name: str, cue: str) -> None:
    """The introduction's text presents the host in few words or over its opening
    paragraphs: presented there; RL201 warns with those cues, it is no "aucune partie ne la
    décrit" error."""
    company = section(name, "entreprise")
    assert company.within == "introduction-text" and company.page == 4
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING
    assert cue in finding.message


@pytest.mark.parametrize(
    "name",
    [
        # A memoir's introduction recalls "la société DeepMind, filiale de Google" in the
        # third person: a firm named, not described (no date, place, size or trade).
        "introduction-citant-une-autre-societe",
        "introduction-citant-une-autre-societe-latex",
        # "1.1. Contexte du projet" names the host once, in the first person ("j'ai réalisé
        # mon stage chez la société Lumiotec, société spécialisée dans..."): a name and one
        # clause.
        "hote-nomme-dans-le-contexte-du-projet",
        "hote-nomme-dans-le-contexte-du-projet-libreoffice",
    ],
)
def test_a_host_named_but_not_described_is_no_presentation(name: str) -> None:
    """An organisation only named, in a passage or a section, presents no host: no part is
    read as the company's presentation, and RL201 is the error."""
    assert "entreprise" not in checked(name).analysis.sections
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize(
    "name",
    ["titres-numerotes-finis-par-un-point", "titres-numerotes-finis-par-un-point-libreoffice"],
)
def test_a_numbered_title_ending_on_a_period_is_a_title(name: str) -> None:
    """ "1 . Présentation de Lumiotec à Rennes." set at 20 points over 11-point text, no
    contents page: the company part is found by its title (not by its text alone, which
    RL201 reported at warning level), and every part starts on its title's page."""
    company = section(name, "entreprise")
    assert company.title == "1 . Présentation de Lumiotec à Rennes."
    assert "title" in company.decided_by and company.page == 2
    assert "RL201" not in {f.rule for f in checked(name).findings}
    assert section(name, "activites").page == 3 and section(name, "conclusion").page == 5


@pytest.mark.parametrize(
    "name",
    [
        # "2 Le groupe SO(n) et son algèbre de Lie": a mathematical group, two pages of it.
        "groupe-mathematique-en-titre",
        "groupe-mathematique-en-titre-latex",
        # The introduction gives the code's web address ("à l'adresse : https://...") and
        # speaks of "programmation distribué".
        "adresse-web-en-introduction",
        "adresse-web-en-introduction-latex",
    ],
)
def test_words_that_name_other_things_present_no_host(name: str) -> None:
    """A research report with no host part: a title's "Le groupe" over a text that says
    nothing of an organisation in other words, a web address and a computing adjective are
    no presentation; RL201 is the error."""
    assert "entreprise" not in checked(name).analysis.sections
    assert checked(name).analysis.host_aside is None
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize(
    "name",
    ["bus-d-entreprise-dans-l-etat-de-l-art", "bus-d-entreprise-dans-l-etat-de-l-art-libreoffice"],
)
def test_an_enterprise_service_bus_is_no_host(name: str) -> None:
    """ "I.2 Enterprise Service Bus (ESB)" in the state of the art is a technology, not a
    misspelt "Entreprise" naming the host: the company part is "II.1 Organisme d'accueil",
    two pages later; and the activities, named by "Chapitre III : Réalisation", do not open
    on "Chapitre II : Étude de l'existant", which holds the host's section."""
    company = section(name, "entreprise")
    assert (company.title, company.page) == ("II.1 Organisme d'accueil", 7)
    activities = section(name, "activites")
    assert (activities.title, activities.page) == ("Chapitre III : Réalisation", 9)
    assert not [f for f in checked(name).findings if f.rule in ("RL201", "RL202", "RL203")]


@pytest.mark.parametrize(
    "name",
    [
        "titres-images-et-sommaire-sans-numeros",
        "titres-images-et-sommaire-sans-numeros-libreoffice",
    ],
)
def test_a_contents_list_over_unnumbered_pages_counts_the_physical_pages(name: str) -> None:
    """Every title a picture, no page number printed: the contents list's "page 4" and
    "page 5-7" are the physical pages, confirmed by their text. The company and the
    activities are placed there from the list (warnings that no title opens them), not
    reported as parts no page reads as."""
    company, activities = section(name, "entreprise"), section(name, "activites")
    assert (company.page, company.source) == (4, "contents")
    assert (activities.page, activities.end_page, activities.source) == (5, 7, "contents")
    assert section(name, "conclusion").page == 8
    severities = {f.rule: f.severity for f in checked(name).findings}
    assert severities["RL201"] is Severity.WARNING and severities["RL202"] is Severity.WARNING
    assert "le texte de cette page y correspond" in findings(name, "RL202")[0].message


def test_english_computing_terms_name_no_host() -> None:
    """The English terms a French title writes with "Entreprise" or "Enterprise" name a
    technology; the host's own name after the word still names the host."""
    assert classify(heading_key("I.2 Enterprise Service Bus (ESB)")) is None
    assert classify(heading_key("Entreprise Resource Planning (ERP)")) is None
    assert classify(heading_key("Entreprise Sécuritas")).key == "entreprise"
    assert classify(heading_key("Enterprise : CNAM")).key == "entreprise"
    assert classify(heading_key("L'entrepise")).key == "entreprise"


def test_an_ambiguous_host_word_needs_no_qualifier_to_be_ambiguous() -> None:
    """ "Le groupe", "La structure" open titles on technical things too; "La structure
    d'accueil" names the host outright, and "L'entreprise" is never ambiguous."""
    from rapportlint.analysis.vocabulary import ambiguous_host_word

    assert ambiguous_host_word(heading_key("2 Le groupe SO(n) et son algèbre de Lie")) == "groupe"
    assert ambiguous_host_word(heading_key("Le groupe Renault")) == "groupe"
    assert ambiguous_host_word(heading_key("La structure d'accueil")) is None
    assert ambiguous_host_word(heading_key("L'entreprise")) is None


def test_a_text_that_cannot_be_read_proves_no_part_missing() -> None:
    """The technical study with no company part and no conclusion, its font without a
    Unicode table (glyph codes, only the bookmarks readable): RL201 and RL203 warn that the
    text could not be read, and RL207 says nothing of what the text never mentions. The same
    report with readable text keeps its errors."""
    name = "texte-illisible-sans-table-unicode"
    assert checked(name).analysis.text_unreadable
    severities = {f.rule: f.severity for f in checked(name).findings}
    assert severities["RL201"] is Severity.WARNING and severities["RL203"] is Severity.WARNING
    assert "n'a pas pu être lu" in findings(name, "RL201")[0].message
    assert "RL207" not in severities
    assert not checked("etude-sans-entreprise").analysis.text_unreadable
    assert {f.rule: f.severity for f in checked("etude-sans-entreprise").findings}[
        "RL201"
    ] is Severity.ERROR


def test_a_title_opening_on_the_word_a_is_no_appendix() -> None:
    """ "A propos de l'équipe" after "3 Missions réalisées" is no LaTeX appendix unless a
    "B ..." title of its level follows it."""
    from rapportlint.analysis.annex_part import _first_lettered_chapter

    chapter = typographic_heading("3 Missions réalisées", 7, 1)
    about = typographic_heading("A propos de l'équipe", 10, 1)
    second = typographic_heading("B Procédure d'installation", 12, 1)
    assert not _first_lettered_chapter(about, [chapter, about])
    assert _first_lettered_chapter(about, [chapter, about, second])
    assert not _first_lettered_chapter(about, [about, second])  # no chapter numbered before


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_long_research_context_with_scattered_cues_presents_no_host(producer: str) -> None:
    """ "2. Contexte" is eight pages of scientific background where "dans le monde" and "la
    structure" turn up by chance (two kinds of organisation cue, scattered): it presents no
    host, and RL201 says so as an error (not a warning on the hinting title)."""
    name = f"long-contexte-de-recherche-sans-hote{producer}"
    assert section(name, "entreprise") is None
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.ERROR and finding.page is None


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_an_association_with_a_network_is_no_host(producer: str) -> None:
    """ "1.2 Association avec un réseau wifi" joins a network: "association" has a technical
    sense, like "structure" or "groupe", and names the host only with an article or a host
    qualifier ("L'association", "Association d'accueil"). No part presents the company."""
    name = f"association-a-un-reseau-wifi{producer}"
    assert section(name, "entreprise") is None
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.ERROR
    assert classify(heading_key("L'association")).key == "entreprise"
    assert classify(heading_key("Association d'accueil")).key == "entreprise"
    assert classify(heading_key("Présentation de l'association")).key == "entreprise"


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_the_presentation_of_a_study_names_no_host(producer: str) -> None:
    """A lab report: "Définition du système" holds "Présentation de l'étude :" (the study),
    its text saying "fabriqué" and "dirigée" in a physicist's sense. No part presents a
    company: RL201 is the error (not a warning on "Définition du système"); the
    experiments' chapters are read as the activities, at warning level."""
    name = f"presentation-de-l-etude-sans-hote{producer}"
    assert section(name, "entreprise") is None
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.ERROR
    assert [f.severity for f in findings(name, "RL202")] == [Severity.WARNING]
    assert classify(heading_key("Présentation de l'étude :")) is None
    assert classify(heading_key("Présentation de l'étude de marché")) is None
    assert classify(heading_key("Présentation de l'étude notariale")).key == "entreprise"
    assert classify(heading_key("Présentation de Lumiotec")).key == "entreprise"


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_the_setting_of_the_placement_without_a_host_presents_no_company(producer: str) -> None:
    """ "1.1 Contexte du stage" names only the setting; its text (the problem and the sounder)
    names no organisation: no part presents the company, RL201 says so as an error (the title
    alone used to make it the company part, and nothing was said). The project's chapters,
    all the report between its long introduction and "Bilan provisoire", are its development:
    RL202 warns on the first, never "no part describes the activities"."""
    name = f"contexte-du-stage-sans-hote{producer}"
    assert section(name, "entreprise") is None
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.ERROR and "aucune partie ne la décrit" in finding.message
    activities = section(name, "activites")
    assert (activities.title, activities.page, activities.decided_by) == (
        "Architecture générale du projet",
        6,
        ("place",),
    )
    assert [f.severity for f in findings(name, "RL202")] == [Severity.WARNING]


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_personal_reflection_ending_the_report_is_its_conclusion_at_warning_level(
    producer: str,
) -> None:
    """ "4 Réflexion sur mon développement personnel et professionnel", the last part before
    the bibliography, looks back on what the placement taught: it is read as the conclusion,
    and RL203 says so at warning level (it used to be the error "le rapport n'a pas de
    conclusion")."""
    name = f"reflexion-personnelle-en-fin-de-rapport{producer}"
    conclusion = section(name, "conclusion")
    assert (conclusion.page, conclusion.named) == (12, False)
    assert conclusion.title == "4 Réflexion sur mon développement personnel et professionnel"
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING and "se termine par" in finding.message
    assert classify(heading_key("Réflexions personnelles")).key == "conclusion"
    assert classify(heading_key("Réflexion sur le choix du SGBD")) is None


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_the_report_conclusion_is_titled_unlike_the_chapters_own(producer: str) -> None:
    """Each chapter closes on "CONCLUSION", set as the chapters' titles are; the report's
    own is "Conclusion et perspectives", after the last chapter's "CONCLUSION"."""
    name = f"chapitres-conclus-un-a-un{producer}"
    conclusion = section(name, "conclusion")
    assert conclusion.title.endswith("Conclusion et perspectives")
    assert heading_key(section(name, "entreprise").title) == "presentation de l'organisme d'accueil"
    assert not findings(name, "RL203") and not findings(name, "RL206")


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_related_work_and_conclusion_closes_a_research_report(producer: str) -> None:
    """ "6 Travaux connexes et conclusion" (others' work, then the end) is the report's
    conclusion, not its activities; "1.4 Bilan et perspectives", a section of the opening
    summary, is not the conclusion (no RL204 "conclusion before the activities")."""
    name = f"travaux-connexes-et-conclusion{producer}"
    conclusion = section(name, "conclusion")
    assert conclusion.title.endswith("Travaux connexes et conclusion")
    activities = section(name, "activites")
    assert activities is not None and activities.page < conclusion.page
    assert not findings(name, "RL204")
    assert classify(heading_key("Travaux connexes")) is None
    assert classify(heading_key("Travaux futurs")) is None
    assert classify(heading_key("Travaux réalisés")).key == "activites"


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_my_placement_within_a_team_names_the_activities(producer: str) -> None:
    """ "C. Mon stage au sein de l'équipe réseau" names the activities as "Mon stage" does:
    named, no RL202 warning asking to retitle it."""
    name = f"mon-stage-au-sein-d-une-equipe{producer}"
    activities = section(name, "activites")
    assert (activities.title, activities.named) == ("C. Mon stage au sein de l'équipe réseau", True)
    assert not findings(name, "RL202")
    assert classify(heading_key("Mon alternance chez Orange")).key == "activites"


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_the_host_unit_in_the_introduction_is_the_company_not_a_product(producer: str) -> None:
    """ "1.1 Acteurs" > "1.1.1 NUMEDU" presents the apprentice's unit by its mission, its
    structure and who steers it: the company is presented there (RL201 warns that it has no
    part of its own; it used to be the false error "aucune partie ne la décrit"). The
    introduction's "1.2 Contexte du projet" is no start of the activities: they are the
    chapters after the introduction."""
    name = f"unite-d-accueil-et-logiciel-en-introduction{producer}"
    company = section(name, "entreprise")
    assert heading_key(company.title) == "acteurs" and company.within == WITHIN_SECTION
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING
    assert heading_key(section(name, "activites").title) == "formalisation du besoin"
    cues = dict(profile(HOST_UNIT).cues[COMPANY])
    assert cues["organisation"] == "structurée autour de trois"
    assert cues["history"] == "dont la mission"
    assert not profile("l'unité de temps est la noire").cues[COMPANY]


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_roman_numeral_before_an_elided_article_numbers_the_part(producer: str) -> None:
    """ "II L'entreprise" (a roman numeral and a space, as LaTeX sets a part) names the
    company part; "I Contexte", why the student chose the placement, does not win it."""
    name = f"parties-romaines-sans-point{producer}"
    company = section(name, "entreprise")
    assert (company.title, company.page, company.named) == ("II L'entreprise", 5, True)
    assert heading_key("II L'entreprise") == "l'entreprise"
    assert heading_key("III D'autres travaux") == "d'autres travaux"
    assert heading_key("Il s'agit") == "il s'agit"


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_presentation_of_the_company_wins_over_the_frame_of_the_placement(producer: str) -> None:
    """ "Cadre de stage :" (a few lines of the introduction, bookmarked at the chapters'
    level) and then the chapter "Présentation de l'entreprise": the company part is the
    chapter. The two unnamed chapters after it both tell work: the activities run from
    "Cahier des charges" to the end of "Implémentation de l'application"."""
    name = f"cadre-de-stage-avant-la-presentation-de-l-entreprise{producer}"
    company = section(name, "entreprise")
    assert (company.title, company.page, company.end_page) == ("Présentation de l'entreprise", 5, 6)
    activities = section(name, "activites")
    assert (activities.page, activities.end_page) == (7, 10)


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_title_sized_line_of_the_thanks_is_no_company_part(producer: str) -> None:
    """ "L'École nationale supérieure d'informatique" set as a title on the thanks' page,
    under "Remerciements", is the school thanked: the company part is "2 Description de
    l'entreprise" (page 5), the report's own chapter."""
    name = f"ecole-remerciee-dans-une-ligne-en-titre{producer}"
    company = section(name, "entreprise")
    assert (company.title, company.page) == ("2 Description de l'entreprise", 5)


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_sentence_about_the_host_set_as_a_title_is_no_company_part(producer: str) -> None:
    """ "L'association est composée de plusieurs membres :" set as a title after the
    missions is a sentence about the host: no company part after the activities, no RL204;
    the host's people ("A. Le public cible") are read as its presentation (a warning)."""
    name = f"phrase-sur-l-entreprise-en-titre{producer}"
    assert "RL204" not in fired(name)
    assert section(name, "entreprise").title == "A. Le public cible"
    assert classify(heading_key("L'entreprise est située à Paris")) is None
    assert classify(heading_key("L'entreprise s'est développée")) is None
    assert classify(heading_key("L'entreprise et son environnement")).key == "entreprise"


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_misspelt_annexes_open_the_annex_part(producer: str) -> None:
    """ "ANEXES" (one n) and "ANEXE A : ..." open the annex part on page 29: the body is 28
    pages, within the 30, and RL101 says nothing."""
    layout = checked(f"annexes-mal-orthographiees{producer}").analysis.layout
    assert (layout.annex_start, layout.body_pages) == (29, 28)
    assert "RL101" not in fired(f"annexes-mal-orthographiees{producer}")


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_the_company_part_is_the_first_parts_section_not_the_introductions_summary(
    producer: str,
) -> None:
    """The introduction sums the host up under "Présentation de l'entreprise", then the part
    right after it presents it under "1.1 L'entreprise Lumiotec": the company part is that
    section (page 5), not the introduction's summary (page 4)."""
    company = section(f"entreprise-resumee-dans-l-introduction{producer}", "entreprise")
    assert (company.page, company.title) == (5, "1.1 L'entreprise Lumiotec")


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_presentation_of_the_sector_and_the_company_opens_the_company_part(
    producer: str,
) -> None:
    """ "Présentation du secteur et de l'entreprise :" names the host after its setting: the
    company part starts at that chapter, not two pages later at its section "Présentation de
    la société Imrafix"."""
    name = f"presentation-du-secteur-et-de-l-entreprise{producer}"
    company = section(name, "entreprise")
    assert (company.title, company.page, company.named) == (
        "Présentation du secteur et de l'entreprise :",
        5,
        True,
    )
    assert classify(heading_key("Présentation du secteur et de l'entreprise")).rank == 2
    assert classify(heading_key("Présentation du projet et de l'entreprise")) is None


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_the_appendix_label_and_a_numbered_listing_start_the_annexes(producer: str) -> None:
    """ "Annexe A" set above "Annexes" (LaTeX's \\appendix) opens the annex part: the body
    ends on the conclusion's page. The listing numbered line by line under it is the
    student's code, none of the three English documents."""
    name = f"annexe-a-au-dessus-des-annexes{producer}"
    analysis = checked(name).analysis
    conclusion = section(name, "conclusion")
    assert analysis.layout.annex_start == conclusion.end_page + 1
    assert analysis.layout.body_pages == conclusion.end_page
    assert analysis.annexes and all(a.role == "other" for a in analysis.annexes)
    (finding,) = findings(name, "RL301")
    assert finding.message.startswith("0 document en anglais")


def test_a_webography_set_as_text_is_the_reports_back_matter() -> None:
    """ "Webographie" in bold below the text's size (no heading cue), over a list of links
    that langdetect reads as German: the report's last page, not an annex in a foreign
    language."""
    name = "webographie-en-corps-de-texte"
    analysis = checked(name).analysis
    assert analysis.layout.annex_start is None
    assert analysis.layout.body_pages == analysis.layout.page_count
    assert not analysis.annexes


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_work_told_in_topic_chapters_is_the_activities_at_warning_level(producer: str) -> None:
    """Three chapters titled by their topics after the company's, each narrating the work as
    densely as the others: the activities run from the first to the last, and RL202 warns
    that no title names them (it used to be the error "aucune partie ne décrit")."""
    name = f"activites-en-chapitres-thematiques{producer}"
    activities = section(name, "activites")
    assert activities.title.endswith("Parcours du code des élèves")
    assert activities.decided_by == ("content", "place")
    assert activities.end_page == section(name, "conclusion").page - 1
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_host_titled_in_the_introduction_text_is_presented_there(producer: str) -> None:
    """ "Présentation de Lumiotec", set apart in the introduction's text but listed neither
    in the bookmarks nor in the contents, over a short paragraph that describes the host:
    RL201 warns that the company has no part of its own, naming that title (it used to be
    the false error "aucune partie ne la décrit")."""
    name = f"hote-sous-un-titre-hors-signets{producer}"
    company = section(name, "entreprise")
    assert (company.title, company.within) == ("Présentation de Lumiotec", WITHIN_SECTION)
    assert company.decided_by == ("title", "content")
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and "Présentation de Lumiotec" in finding.message


def test_chapters_around_the_technical_environment_describe_no_activities() -> None:
    """ "Environnement technique", "Analyse de l'existant" and "Support aux utilisateurs",
    each told in the first person, none standing out: the setting is no work of the
    student's, and RL202 stays the error that no part describes the activities."""
    name = "chapitres-autour-de-l-environnement-technique"
    assert section(name, "activites") is None
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_a_misspelt_conclusion_is_the_conclusion(producer: str) -> None:
    """ "4 Conslusion", a letter wrong, closes the report: it is its conclusion (it used to
    be the false error "le rapport n'a pas de conclusion"). Only the parts' own long names
    are read past one wrong, missing, extra or swapped letter."""
    name = f"conclusion-mal-orthographiee{producer}"
    assert section(name, "conclusion").title.endswith("Conslusion")
    assert not findings(name, "RL203")
    assert classify(heading_key("Conclsuion générale")).key == "conclusion"
    assert classify(heading_key("Introdution")).key == "introduction"
    assert classify(heading_key("Inclusion")) is None
    assert classify(heading_key("Connexion")) is None


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_side_activities_after_the_project_do_not_start_the_activities(producer: str) -> None:
    """ "Activités annexes" names the side work, after "Analyse" and "Rapport technique" that
    tell the main work: the activities start with "Analyse" and run to the end of the side
    work (they used to start at "Activités annexes", six pages late)."""
    name = f"activites-annexes-apres-le-projet{producer}"
    activities = section(name, "activites")
    assert activities.title.endswith("Analyse")
    assert activities.named_by.endswith("Activités annexes")
    assert activities.end_page == section(name, "conclusion").page - 1
    assert classify(heading_key("Missions secondaires")).rank == 0
    assert classify(heading_key("Missions réalisées")).rank == 2


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_a_research_chapter_opened_by_a_presentation_presents_no_host(producer: str) -> None:
    """ "2 L'algorithme de sélection de composantes" opens on "2.1 Présentation" (of the
    algorithm), over three pages told in "we" where "proposé dans [16]" and "présenté dans"
    are company cues by chance: no host is presented, RL201 is the error, and the chapters
    tell the activities, at warning level (the chapter used to be the company, a warning, and
    RL202 the false error "aucune partie ne décrit les activités" on the real report)."""
    name = f"algorithme-presente-dans-un-chapitre-de-recherche{producer}"
    assert section(name, "entreprise") is None
    (company,) = findings(name, "RL201")
    assert company.severity is Severity.ERROR
    (activities,) = findings(name, "RL202")
    assert activities.severity is Severity.WARNING


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_the_host_section_inside_the_projects_chapter_is_the_company(producer: str) -> None:
    """A second cover whose school's name is set large, then "Chapitre 1 : Présentation
    générale du projet" holding "1.1. Présentation de l'organisme d'accueil": the company part
    is that section, neither the front matter's line nor the project's chapter (whose five
    pages RL205 called "trop longue")."""
    name = f"organisme-d-accueil-dans-le-chapitre-du-projet{producer}"
    company = section(name, "entreprise")
    assert company.title == "1.1. Présentation de l'organisme d'accueil"
    assert company.page == company.end_page == 6
    assert not findings(name, "RL201") and not findings(name, "RL205")
    assert classify(heading_key("Présentation générale du projet")) is None
    assert classify(heading_key("Présentation générale de l'application")) is None
    assert classify(heading_key("Présentation générale")).key == "entreprise"


def test_the_report_conclusion_follows_the_chapters_numbered_conclusions() -> None:
    """Every title set alike: "2.3 Conclusion", "3.3 Conclusion", "4.3 Conclusion" close their
    chapters, "Conclusions et perspectives" the report; the conclusion part is the last one
    (it used to be "4.3 Conclusion", three pages long for RL206)."""
    name = "conclusions-de-chapitres-puis-conclusions-et-perspectives"
    conclusion = section(name, "conclusion")
    assert conclusion.title == "Conclusions et perspectives"
    assert conclusion.page == conclusion.end_page
    assert not findings(name, "RL203") and not findings(name, "RL206")


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_the_host_centre_among_the_presentations_is_the_company(producer: str) -> None:
    """ "2. Présentation du centre d'acceuil" under "I. Présentations", after the school's
    section; "II. Présentation de l'interface", in the next part, presents the student's
    screens: the company part is the host centre's section, by its title."""
    name = f"centre-d-accueil-parmi-les-presentations{producer}"
    company = section(name, "entreprise")
    assert company.title == "2. Présentation du centre d'acceuil"
    assert company.decided_by == ("title",) and company.named
    assert not findings(name, "RL201")
    assert classify(heading_key("Présentation du centre d'accueil")).rank == 2
    assert classify(heading_key("Présentation du centre de données")).rank == 0


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_the_main_missions_open_the_activities_not_the_staffs_missions(producer: str) -> None:
    """ "2.2. Principales missions" (the student's work, in "2. Le bilan carbone du
    laboratoire") names the activities as "Missions principales" does; "3.2. Missions", the
    staff's business trips two chapters on, is not where they start."""
    name = f"principales-missions-puis-missions-du-personnel{producer}"
    activities = section(name, "activites")
    assert activities.page == 5
    assert not findings(name, "RL202") and not findings(name, "RL204")
    assert classify(heading_key("Mes principales missions")).key == "activites"
    assert classify(heading_key("Principales activités de l'entreprise")).key == "entreprise"


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_each_chapters_introduction_listed_in_the_contents_is_an_entry(producer: str) -> None:
    """A contents list where every chapter has its "Introduction ...... N" and "Conclusion
    ...... N": the repeated titles, with their leaders and pages, are entries, and the whole
    page is the contents (the list used to stop at the second "Introduction")."""
    analysis = checked(f"introductions-de-chapitres-au-sommaire{producer}").analysis
    assert analysis.role(3).role == "contents"
    assert analysis.layout.intro_page == 4


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_pasted_code_does_not_set_the_texts_size(producer: str) -> None:
    """Scripts pasted page after page in 9 pt Courier, more characters than the 11 pt text:
    the text's size is still 11 pt, so a page of the text is no cover (a real report's first
    page, its introduction presenting the host, was taken for one: a false RL201 error)."""
    from rapportlint.analysis.furniture import find_furniture
    from rapportlint.analysis.headings import MONOSPACE, body_style
    from rapportlint.analysis.roles import looks_like_cover
    from rapportlint.model.fonts import font_family
    from rapportlint.model.loader import load_document

    name = f"code-colle-sur-la-plupart-des-pages{producer}"
    document = load_document(fixture_path(name))
    furniture = find_furniture(document)
    style = body_style(document, furniture)
    assert style.size == 11
    introduction = section(name, "entreprise").page - 1
    assert not looks_like_cover(document.page(introduction), furniture, style)
    assert not fired_errors(name) & {"RL201", "RL202", "RL203"}
    assert not MONOSPACE.search(font_family("MonotypeCorsiva"))


def test_professional_situations_are_the_activities_from_the_first() -> None:
    """ "Situation professionnelle n°1", set smaller than "Situation professionnelle n°2"
    (a design tool's sizes): the BTS's "situations professionnelles" are the activities, from
    the first of the series (no part used to name them: RL202 warned on the second)."""
    name = "situations-professionnelles-en-tailles-libres"
    activities = section(name, "activites")
    assert activities.title == "Situation professionnelle n°1"
    assert activities.named and not findings(name, "RL202")
    assert section(name, "entreprise").end_page == activities.page - 1


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_report_ending_on_an_opinion_of_the_project_warns(producer: str) -> None:
    """ "4) Avis sur le projet" ends the report (the difficulties met, without the usual
    closing words): it is read as the conclusion, and RL203 warns that no part is titled
    "Conclusion" (it used to be the error that the report has no conclusion). "Avis des
    utilisateurs" is a step of the work, not a conclusion."""
    name = f"avis-sur-le-projet-en-fin-de-rapport{producer}"
    assert section(name, "conclusion").title == "4) Avis sur le projet"
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING
    assert classify(heading_key("Avis des utilisateurs")) is None


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_conclusion_under_a_drawn_title_before_drawn_thanks(producer: str) -> None:
    """ "CONCLUSION", "REMERCIEMENTS", "GLOSSAIRE" drawn as pictures above their text: the
    conclusion is the page its picture opens, up to the thanks' page, at warning level (the
    activities used to run to the end of the body, and RL203 said there was no conclusion)."""
    name = f"titres-de-fin-dessines-en-images{producer}"
    conclusion = section(name, "conclusion")
    assert conclusion.page == conclusion.end_page == section(name, "activites").end_page + 1
    assert conclusion.decided_by == ("content", "place")
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_report_without_one_readable_title_only_warns_of_missing_parts(producer: str) -> None:
    """Every title drawn as a picture, no bookmark, no contents list: the body has text but
    was never cut into parts, so "no part describes the activities" cannot be claimed: the
    parts not found are warnings that say why (they used to be three errors)."""
    name = f"tous-les-titres-en-images{producer}"
    assert not checked(name).analysis.headings
    for rule in ("RL201", "RL202"):
        (finding,) = findings(name, rule)
        assert finding.severity is Severity.WARNING
        assert "Aucun titre n'a été trouvé" in finding.message
    # A titled report without a company part keeps its error.
    (titled,) = findings("sans-entreprise", "RL201")
    assert titled.severity is Severity.ERROR


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_research_report_ending_on_its_discussion_warns(producer: str) -> None:
    """ "Introduction", "Matériel", "Méthodes", "Résultats", "Discussion", then the
    bibliography: the discussion ends the report, read as its conclusion; RL203 warns that no
    part is titled "Conclusion" (it used to be the error that there is none). "Discussion
    avec le client" is a step of the work."""
    name = f"rapport-de-recherche-fini-par-sa-discussion{producer}"
    assert section(name, "conclusion").title == "Discussion"
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING
    assert classify(heading_key("Discussion avec le client")) is None


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_journal_ending_on_a_run_in_conclusion_warns(producer: str) -> None:
    """A weekly journal whose last entry closes on a paragraph opening "Conclusion : au cours
    de ces quatre semaines...": the student wrote a conclusion without a title, so RL203 names
    that paragraph at warning level (it used to be the error that there is none). The second
    week's own "Conclusion :" is not the report's; the host, presented nowhere, keeps RL201's
    error."""
    name = f"journal-fini-par-une-conclusion-en-ligne{producer}"
    report = checked(name)
    conclusion = section(name, "conclusion")
    assert conclusion.within == WITHIN_RUN_IN
    assert conclusion.title == "Conclusion"
    assert conclusion.page == report.analysis.layout.body_pages
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING
    assert "commence par « Conclusion »" in finding.message
    (company,) = findings(name, "RL201")
    assert company.severity is Severity.ERROR
    # The journal without any such paragraph keeps the error.
    (missing,) = findings("journal-hebdomadaire", "RL203")
    assert missing.severity is Severity.ERROR


@pytest.mark.parametrize(
    ("line", "run_in"),
    [
        ("Conclusion : au cours de ces cinq semaines, j'ai", True),
        ("Conclusion générale : ce stage m'a permis", True),
        ("En conclusion, ce stage m'a appris", True),
        ("Pour conclure, je retiens", True),
        ("Conclusion", False),  # a title on its own line
        ("Conclusion :", False),  # a label alone on its line is a title, nothing after it
        ("Conclusions et perspectives", False),
        ("La conclusion de cette mission : le serveur tourne", False),
        ("En conclusion de ce rapport de stage au sein du CROUS", True),
        ("Pour conclure cette expérience, je dirai", True),
        ("En conclusion de cette partie, le serveur tourne", False),  # a chapter's own end
        ("En conclusion du test, la sauvegarde fonctionne", False),
    ],
)
def test_a_run_in_closing_label_opens_its_paragraph(line: str, run_in: bool) -> None:
    assert bool(RUN_IN_CLOSING.match(fold(line))) is run_in


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_summary_labels_before_the_contents_are_no_parts(producer: str) -> None:
    """A "Résumé" before the contents list, with run-in labels in bold as large as its title
    ("Contexte du stage :"): the contents list names the summary, not its labels, so they are
    no parts, and the host is found where its part stands (before, the summary's label was
    taken for it, then dropped: a false "no part presents the company")."""
    name = f"intertitres-du-resume-avant-le-sommaire{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (5, "Présentation de Lumiotec")
    assert not findings(name, "RL201")


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_section_saying_what_the_placement_brought_ends_the_report(producer: str) -> None:
    """No "Conclusion": the last part ends on "2.3 Expérience apportée", whose text says what
    the placement brought. The report ends on that review: RL203 names it at warning level (it
    used to be the error that there is none)."""
    name = f"experience-apportee-en-fin-de-partie{producer}"
    conclusion = section(name, "conclusion")
    assert conclusion.title == "2.3 Expérience apportée"
    assert not conclusion.named
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING
    assert "2.3 Expérience apportée" in finding.message


@pytest.mark.parametrize(
    ("title", "closing"),
    [
        ("2.3 Expérience apportée", True),
        ("Ce que m'a apporté ce stage", True),
        ("Ce que ce stage m'a apporté", True),
        ("Expérience professionnelle", False),  # a CV's heading
        ("Expériences acquises en entreprise", False),
    ],
)
def test_what_the_placement_brought_is_a_closing_wording(title: str, closing: bool) -> None:
    match = classify(heading_key(title))
    assert (match is not None and match.key == "conclusion") is closing


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_screenshots_pasted_after_the_conclusion_open_the_annex_part(producer: str) -> None:
    """Two pages after the conclusion, each a caption over a screenshot, no "Annexes" title:
    pasted annexes. The body ends with the conclusion (they used to be counted in it)."""
    layout = checked(f"captures-collees-apres-la-conclusion{producer}").analysis.layout
    assert (layout.annex_start, layout.last_body_page) == (10, 9)


@pytest.mark.parametrize(
    ("pictured", "empty", "start"),
    [
        ({10, 11}, set(), 10),  # two captioned screenshots end the file: pasted annexes
        ({10, 11}, {12}, 10),  # a blank page after them changes nothing
        ({11}, set(), None),  # one picture page closing the file: a back cover, body
        ({9, 11}, set(), None),  # not one run: a figure of the conclusion, then a back cover
        ({10, 11}, {12, 13}, 10),
    ],
)
def test_which_pasted_pictures_open_the_annex_part(
    pictured: set[int], empty: set[int], start
) -> None:
    last = max(pictured | empty)
    found = _pasted_pictures(last, 9, pictured, empty)
    assert (found.page if found else None) == start


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_short_last_part_looking_back_on_the_placement_warns(producer: str) -> None:
    """No "Conclusion": the report ends on "Mes actions :", a paragraph that looks back on the
    whole placement and what it taught. RL203 names that part at warning level, with a low
    confidence (it used to be the error that there is none); a report whose last part tells
    one more task keeps the error."""
    name = f"dernieres-actions-en-guise-de-conclusion{producer}"
    conclusion = section(name, "conclusion")
    assert (conclusion.title, conclusion.confidence) == ("Mes actions :", 0.4)
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING
    assert "« Mes actions : »" in finding.message
    (missing,) = findings("sans-conclusion", "RL203")
    assert missing.severity is Severity.ERROR


@pytest.mark.parametrize(
    ("text", "looks_back"),
    [
        ("Pendant toute la durée de ce stage, j'ai pu réaliser", True),
        ("Lors de ce stage, j'ai appris à lire des fichiers XML", True),
        ("Au cours de ces cinq semaines, j'ai configuré", True),
        ("Lors de cette mission, j'ai configuré le pare-feu", False),
        ("Pendant le test du serveur, j'ai appris une commande", False),
    ],
)
def test_a_retrospective_looks_back_on_the_whole_placement(text: str, looks_back: bool) -> None:
    assert (RETROSPECTIVE.search(fold(text)) is not None) is looks_back


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_end_titles_drawn_as_pictures_make_a_missing_conclusion_a_warning(producer: str) -> None:
    """After the activities, "Recommandations" and "Conclusion" are WordArt pictures centred
    between paragraphs, and the text under them has no closing cue: the conclusion may be
    there, unread. RL203 warns and names the pages (it used to be the error)."""
    name = f"titres-de-fin-en-wordart{producer}"
    assert checked(name).analysis.drawn_titles == (10, 11)
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING
    assert "(p. 10-11)" in finding.message


@pytest.mark.parametrize(
    ("box", "drawn"),
    [
        ((149, 579, 472, 636), True),  # "Conclusion" in WordArt, centred in mid-page
        ((71, 576, 525, 589), False),  # a command line's screenshot at the text's margin
        ((71, 113, 531, 151), False),  # as wide as the text block: a figure
        ((200, 300, 395, 520), False),  # tall: a figure
        ((149, 20, 472, 60), False),  # in the header band: a logo
    ],
)
def test_a_drawn_title_is_wide_short_and_centred(box: tuple, drawn: bool) -> None:
    page = SimpleNamespace(width=595.0, height=842.0)
    assert _shaped(Box(*box), page) is drawn


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_the_first_chapter_under_the_contents_list_on_its_page_is_no_entry(producer: str) -> None:
    """Thanks, contents list and the first chapter on one page: the chapter's title, the
    host's long name wrapped over two lines, set larger than the entries after a title's
    space, closes the list. Its part is found by what it says (RL201 warns, naming it); its
    lines were taken as the list's, and no part presented the company (RL201's error)."""
    name = f"premier-chapitre-sous-le-sommaire{producer}"
    company = checked(name).analysis.sections["entreprise"]
    assert (company.page, company.decided_by) == (2, ("content", "place"))
    assert company.title.startswith("1. Centre Régional d'Innovation")
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING
    assert "Lumiotec Santé" in finding.message


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_ministries_presented_in_the_plural_are_the_host(producer: str) -> None:
    """ "1. Présentation des ministères sociaux" over pages of directions and bureaux (few of
    a company's cues), then "2. Présentation de Codalis", the application rewritten: the
    ministries' part is the company presentation, by its title (it was missing: RL201's
    error)."""
    name = f"presentation-des-ministeres{producer}"
    company = checked(name).analysis.sections["entreprise"]
    assert (company.page, company.named) == (5, True)
    assert company.title == "1. Présentation des ministères sociaux"
    assert not findings(name, "RL201")


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_the_host_presented_in_the_foreword_is_no_missing_company(producer: str) -> None:
    """A foreword whose title is not read presents the school ("L'Institut Lumio") then
    the host by its bare name ("Lumiotec"), before the thanks and the introduction; the
    chapters are the project's. RL201 warns, naming the host's section, at 50 % (it was the
    error that no part presents the company)."""
    name = f"entreprise-dans-l-avant-propos{producer}"
    company = checked(name).analysis.sections["entreprise"]
    assert (company.page, company.title, company.confidence) == (2, "Lumiotec", 0.5)
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING
    assert "« Lumiotec »" in finding.message


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_an_evaluation_grid_pasted_as_pictures_opens_the_annex_part(producer: str) -> None:
    """ "4. Grille d'évaluation" after the conclusion, the grid a picture on two pages, then
    the references: no "Annexes" title, but the grid's title says it is the school's form.
    The annex part starts there; the body ends with the conclusion (13 pages counted)."""
    name = f"grille-d-evaluation-en-images{producer}"
    layout = checked(name).analysis.layout
    assert (layout.body_pages, layout.annex_start) == (10, 11)


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_technical_then_a_general_conclusion_close_the_report_together(producer: str) -> None:
    """ "Conclusion technique" then "Conclusion générale", two parts with nothing between
    them: the conclusion starts at the first and runs over both (it started at the second)."""
    conclusion = checked(f"conclusion-technique-puis-generale{producer}").analysis.sections[
        "conclusion"
    ]
    assert (conclusion.title, conclusion.page, conclusion.end_page) == (
        "Conclusion technique",
        10,
        11,
    )


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_conclusion_that_only_the_contents_list_names_is_a_warning(producer: str) -> None:
    """A contents list typed by hand lists "III. Conclusion" with no page over "III.1
    Remerciements"; no title, no page of the text is a conclusion. The student meant one: RL203
    warns quoting the entry, not the error that the report has none."""
    name = f"conclusion-au-sommaire-seulement{producer}"
    analysis = checked(name).analysis
    assert "conclusion" not in analysis.sections
    assert analysis.listed_only["conclusion"].text == "III. Conclusion"
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING
    assert finding.page == 2
    assert "Le sommaire annonce « III. Conclusion »" in finding.message
    # A report whose contents list names no conclusion keeps the error.
    (missing,) = findings("journal-hebdomadaire", "RL203")
    assert missing.severity is Severity.ERROR


def test_a_design_tool_contents_list_reads_a_title_listed_twice() -> None:
    """Canva's contents list, page numbers big to the left, lists each situation's own
    "DIFFICULTÉS RENCONTRÉES" and "QU'AI-JE APPRIS ?" twice, then "BILAN": the list goes on
    to its end, and the "BILAN" it announces, absent from the text, is a warning."""
    analysis = checked("canva-sommaire-aux-titres-repetes").analysis
    assert [e.text for e in analysis.contents.entries][-2:] == ["10 BILAN", "11 REMERCIEMENTS"]
    (finding,) = findings("canva-sommaire-aux-titres-repetes", "RL203")
    assert finding.severity is Severity.WARNING
    assert "« 10 BILAN »" in finding.message


def _line(text: str, x0: float, top: float, size: float) -> TextLine:
    return TextLine(text, Box(x0, top, x0 + 8 * len(text), top + size), size, True, "Arial")


def test_a_page_number_set_left_of_its_title_keeps_a_repeated_title_in_the_list() -> None:
    """Canva writes each entry's page number as a line of its own, on the title's row and to
    its left ("9" then "Qu'ai-je appris ?"): a title seen before with its page beside it is
    an entry, and that page is the entry's. Without a page beside it, a repeated title is the
    report's first heading under its list, which ends there."""
    rows = [("3", "Présentation de l'entreprise"), ("6", "Qu'ai-je appris ?")]
    rows += [("9", "Qu'ai-je appris ?"), ("10", "Bilan")]
    lines = [_line("Sommaire", 150, 90, 40)]
    for k, (number, title) in enumerate(rows):
        lines += [_line(number, 150, 260 + 50 * k, 25), _line(title, 200, 266 + 50 * k, 16)]
    block = _titled_block(list(enumerate(lines)))
    assert block is not None and [line.text for _, line in block][-1] == "Bilan"
    assert _page_to_the_left(lines[5], lines[6])
    assert not _page_to_the_left(lines[6], lines[5])  # a number to the right is no such page
    no_pages = [lines[0], *(line for line in lines[1:] if not line.text.isdigit())]
    block = _titled_block(list(enumerate(no_pages)))
    assert block is not None and [line.text for _, line in block][-1] == "Qu'ai-je appris ?"
    assert len(block) == 3  # the title, then two entries: the repeated title ends the list


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_closing_sentences_over_the_annex_title_close_the_report(producer: str) -> None:
    """The last part ends on two sentences on what the stay brought, the second run up to the
    very top of the next page, where "III. Annexes" stands under it: that page is the body's
    (the lines above the title are prose, not a running header; it was left out), and RL203
    warns, quoting the sentences (it was the error that there is no conclusion)."""
    name = f"dernieres-phrases-au-dessus-des-annexes{producer}"
    analysis = checked(name).analysis
    assert (analysis.layout.body_pages, analysis.layout.annex_start) == (8, 8)
    conclusion = analysis.sections["conclusion"]
    assert (conclusion.page, conclusion.end_page, conclusion.within) == (7, 8, "closing-words")
    assert conclusion.title.startswith("Ce stage a été très formateur")
    assert not conclusion.named
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING
    assert "dernières phrases (page 7, « Ce stage a été très formateur" in finding.message


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_run_in_conclusion_without_a_comma_and_missions_named_by_rank(producer: str) -> None:
    """ "Présentation de la première mission : ..." opens the activities by its title, and the
    last paragraph, "En conclusion de ce rapport de stage chez Lumiotec, ..." (no comma after
    the words), is read as the conclusion at warning level (it was the error)."""
    name = f"conclusion-en-ligne-sans-virgule{producer}"
    activities = section(name, "activites")
    assert activities.page == 3 and activities.named
    assert activities.title.startswith("Présentation de la première mission")
    conclusion = section(name, "conclusion")
    assert (conclusion.title, conclusion.within) == ("En conclusion de ce rapport", WITHIN_RUN_IN)
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING
    assert not findings(name, "RL202")


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("III.2 Annexe – Anglais", "annexes"),  # Word's en dash
        ("Annexe — Certificat de stage", "annexes"),
        ("III.2 Annexe - Anglais", "annexes"),
        ("Présentation de la première mission : Installation de GLPI 10", "activites"),
        ("Présentation des autres petites missions :", "activites"),
        ("Présentation de la grande distribution", "entreprise"),  # no mission: the sector
        ("PRESENTATION ENTREPRISE REDECSO", "entreprise"),  # telegraphic, no article
        ("Présentation société", "entreprise"),
        ("Présentation structure de données", None),  # no host without its qualifier
        ("Description de mes impressions sur le stage", "conclusion"),
        ("Mes impressions", "conclusion"),
        ("Impressions d'écran", None),
    ],
)
def test_wordings_of_annex_titles_and_of_missions_by_rank(title: str, key: str | None) -> None:
    match = classify(heading_key(title))
    assert (match.key if match is not None else None) == key


def test_a_listed_part_is_a_top_entry_whose_title_stands_nowhere_in_the_text() -> None:
    """The contents list's own word is kept only for a top entry ("III-Conclusion", "Bilan")
    whose title no heading of the report bears and whose page the body does not print: a
    mission's "2.3 Bilan" is no conclusion of the report, a "Bilan" read in the text was
    judged there, and a "Conclusion .... 28" over page 28's glossary is a list not brought up
    to date (that page was read)."""
    from rapportlint.analysis.announced import listed_without_title
    from rapportlint.analysis.toc import Contents, TocEntry

    def entry(text: str) -> TocEntry:
        title, printed = [*text.split(" .... "), None][:2]
        return TocEntry(title, heading_key(title), printed, 2, 72.0)

    def listed(entries: list[str], headings: list[str] = ()) -> list[str]:
        contents = Contents(entries=[entry(text) for text in entries])
        read = [typographic_heading(text, 9, 1) for text in headings]
        labels = {n: str(n) for n in range(1, 31)}
        found = listed_without_title(["conclusion"], contents, read, labels, 30)
        return [e.text for e in found.values()]

    assert listed(["II. Missions", "III-Conclusion", "III.1 Remerciements"]) == ["III-Conclusion"]
    assert listed(["Situation n°2", "Bilan", "Remerciements"]) == ["Bilan"]
    assert listed(["2. Missions", "2.3 Bilan"]) == []  # a section's review
    assert listed(["2. Missions", "3. Bilan"], headings=["3. Bilan"]) == []  # read in the text
    assert listed(["2. Missions", "Annexes"]) == []
    assert listed(["Glossaire .... 28", "Conclusion .... 28"]) == []  # page 28 was read
    assert listed(["Bilan .... 44"]) == ["Bilan"]  # no body page prints 44


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_the_introduction_under_the_end_of_the_contents_list_opens_the_body(producer: str) -> None:
    """The contents list's second page ends on its last entries, then "Introduction" and its
    first section's title, set larger than the entries: that page opens the body (it was a
    contents page, the introduction's titles skipped), the list stays on the pages before."""
    analysis = checked(f"introduction-sous-la-fin-du-sommaire{producer}").analysis
    assert analysis.layout.toc_pages == (3,)
    assert analysis.layout.intro_page == 4
    assert analysis.role(4).role != "toc"
    assert all(
        entry.text != "Introduction" or entry.page == 3 for entry in analysis.contents.entries
    )


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_parts_set_smaller_than_the_conclusion_are_the_parts(producer: str) -> None:
    """ "CONTEXTE ET DÉROULEMENT DU STAGE" and "DIFFÉRENCE ENTRE THÉORIE ET PRATIQUE
    OBSERVÉE" in one style, "CONCLUSION" in a larger one, no introduction: the titles before
    the conclusion are the parts (they were front matter), and the first tells the work:
    RL202 warns naming it (it was the error that no part describes the activities)."""
    name = f"conclusion-plus-grande-que-les-parties{producer}"
    activities = section(name, "activites")
    assert (activities.page, activities.title) == (2, "CONTEXTE ET DÉROULEMENT DU STAGE")
    (finding,) = findings(name, "RL202")
    assert finding.severity is Severity.WARNING
    assert section(name, "conclusion").page == 4
    # The host is presented nowhere: that error stays.
    assert findings(name, "RL201")[0].severity is Severity.ERROR


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_contents_list_with_its_pages_in_words_places_the_parts(producer: str) -> None:
    """ "Sommaire page 2", entries "présentation de Lumiotec page 4", "activités réalisées
    page 5-6", chapters with leaders and no page, titles drawn as pictures: the list is read
    by its title, each entry with its page and without the word "page", and the activities
    are placed where it says (RL202 was an error: too few of its lines end with a number for
    an untitled list). The host's entry only hints ("présentation de Lumiotec"): RL201 warns
    that no title could be read."""
    name = f"sommaire-aux-pages-ecrites{producer}"
    analysis = checked(name).analysis
    listed = {entry.text: entry.printed_page for entry in analysis.contents.entries}
    assert listed["présentation de Lumiotec"] == "4"
    assert listed["activités réalisées"] == "5"
    assert "Sommaire page 2" not in listed
    assert listed["CONCLUSION"] is None  # a chapter's line with leaders: whole, not wrapped
    assert {key: s.page for key, s in analysis.sections.items()} == {
        "activites": 5,
        "conclusion": 7,
    }
    assert not fired_errors(name) & PART_RULES


@pytest.mark.parametrize(
    ("line", "entry"),
    [
        ("présentation de telkea page 6", ("présentation de telkea", "6")),
        ("activites realisees page 7-8", ("activites realisees", "7")),
        (
            "mon avis, mes impressions sur ce stage Page 11",
            ("mon avis, mes impressions sur ce stage", "11"),
        ),
        ("Journal de bord (pages 4 à 10)", ("Journal de bord", "4")),
        ("Conclusion ........ 32", ("Conclusion", "32")),
        # Hyphens for leaders, "P" before the page (a Word template's contents list).
        (
            "IV. Présentation de l'entreprise -------------------P6",
            ("IV. Présentation de l'entreprise", "6"),
        ),
        ("1. Tests & corrections ----------------- P17", ("1. Tests & corrections", "17")),
        ("Conclusion ..... p. 12", ("Conclusion", "12")),
        ("Étape 3 - p2", ("Étape 3 - p2", None)),  # one hyphen is no leader
    ],
)
def test_a_contents_entry_may_say_its_page_in_words(line: str, entry: tuple[str, str]) -> None:
    from rapportlint.analysis.toc import split_entry

    assert split_entry(line, False) == entry


def test_a_sentence_wrapped_onto_its_own_line_repeats_no_contents_entry() -> None:
    """ "Entreprise : page 2" in a contents list read well now ("Entreprise :", page 2): the
    body line "entreprise.", the end of "... effectuer un stage en / entreprise.", is no
    title the list confirms; "L'entreprise :" still is one."""
    from rapportlint.analysis.headings import _sentence_tail

    assert _sentence_tail("entreprise.")
    assert not _sentence_tail("Entreprise :")
    assert not _sentence_tail("L'entreprise :")
    assert not _sentence_tail("conclusion")


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_the_host_presented_in_the_opening_text_gets_a_warning(producer: str) -> None:
    """A report that opens without a title: its first paragraph presents the host in the
    third person (legal form, sector, address, staff), then the student's project and the
    tools as a bold bulleted list. The host is there, before the first title: RL201 warns,
    quoting the paragraph (it was the error that no part presents the company)."""
    name = f"hote-dans-le-texte-d-ouverture{producer}"
    analysis = checked(name).analysis
    company = analysis.sections["entreprise"]
    assert (company.page, company.within, company.decided_by) == (2, "opening-text", ("content",))
    opening = " ".join(company.title.split()[:4])  # the paragraph's first words, quoted
    assert any(sentence.startswith(opening) for sentence in COMPANY_SENTENCES)
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING
    assert "avant son premier titre" in finding.message
    # The bold list is no title: its items opened no part.
    assert not [h for h in analysis.headings if h.text.startswith("•")]
    assert analysis.sections["activites"].title == "Exemple : la gestion des articles"


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_an_opening_text_that_only_tells_the_work_presents_no_host(producer: str) -> None:
    """The same report without the host's paragraph: the opening text narrates the work in
    the first person, nothing presents the host, RL201 stays an error."""
    name = f"travail-dans-le-texte-d-ouverture{producer}"
    assert "entreprise" not in checked(name).analysis.sections
    assert findings(name, "RL201")[0].severity is Severity.ERROR


def test_a_bold_bulleted_list_is_no_title_but_a_bulleted_title_alone_is() -> None:
    from rapportlint.analysis.headings import _bulleted_item

    def lines(*rows: tuple[str, float]) -> list[tuple[int, TextLine]]:
        return [
            (i, TextLine(text, Box(72, top, 300, top + 11), 11.0, True, "Arial-Bold"))
            for i, (text, top) in enumerate(rows)
        ]

    listed = lines(("• Symfony 6", 100), ("• Git", 122), ("• Composer", 144))
    assert all(_bulleted_item(listed, k, 13.5) for k in range(3))
    alone = lines(("Mon projet :", 60), ("➢ Présentation de l'entreprise", 100), ("Texte", 140))
    assert not _bulleted_item(alone, 1, 13.5)
    apart = lines(("• Présentation", 100), ("• Missions", 300))  # far apart: two titles
    assert not any(_bulleted_item(apart, k, 13.5) for k in range(2))


def test_a_list_spaced_like_paragraphs_does_not_join_the_paragraphs_above_it() -> None:
    """Two paragraphs of three lines at a 14 pt step, 22 pt apart, then six one-line items
    spaced like paragraphs: the usual step is the one inside a paragraph (the items made the
    median 22 pt, and the whole page one paragraph)."""
    from rapportlint.model.document import Document, Page

    tops = [70, 84, 98, 120, 134, 148, *(170 + 22 * k for k in range(6))]
    page = Page(number=1, width=595, height=842, rotation=0)
    page.lines = [
        TextLine(f"ligne {k}", Box(72, top, 500, top + 8), 11.0, False, "Arial")
        for k, top in enumerate(tops)
    ]
    document = Document(path="x.pdf", sha256="", size_bytes=0, pages=[page])
    paragraphs = BodyPages(document, set(), 1).paragraphs((1, 0.0), (2, 0.0))
    assert paragraphs[:2] == ["ligne 0 ligne 1 ligne 2", "ligne 3 ligne 4 ligne 5"]
    assert len(paragraphs) == 8


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_closing_heading_only_in_the_opening_summary_gets_a_warning(producer: str) -> None:
    """A research internship opens on a summary ("Contexte général" ... "Bilan et
    perspectives", bold at the text's size) and ends on a technical section: the body has no
    conclusion, but its closing words are up front. RL203 warns quoting the summary's heading
    (it was the error that the report has no conclusion)."""
    name = f"conclusion-dans-la-synthese-seulement{producer}"
    analysis = checked(name).analysis
    assert "conclusion" not in analysis.sections
    assert analysis.summary_closing is not None
    assert analysis.summary_closing.text == "Bilan et perspectives"
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING
    assert "« Bilan et perspectives »" in finding.message


def test_a_summary_closing_heading_is_set_apart_and_names_the_part() -> None:
    from rapportlint.analysis.front_summary import _closing_heading
    from rapportlint.analysis.headings import BodyStyle

    style = BodyStyle(size=12.0, bold=False, line_step=14.0)

    def line(text: str, bold: bool = False, size: float = 12.0) -> TextLine:
        return TextLine(text, Box(72, 100, 300, 112), size, bold, "SFRM1200")

    text = line("Ce modèle simplifie les preuves.")
    assert _closing_heading(line("Bilan et perspectives", bold=True), text, style)
    assert _closing_heading(line("Conclusion", size=14.4), text, style)
    assert not _closing_heading(line("Perspectives", bold=True), text, style)  # a hint
    assert not _closing_heading(line("Bilan et perspectives"), text, style)  # set as text
    # A title over another title: a list of titles, not a heading over its text.
    assert not _closing_heading(line("Conclusion", bold=True), line("Annexes", bold=True), style)


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_project_ending_on_its_state_at_the_end_of_the_stay_gets_a_warning(
    producer: str,
) -> None:
    """A group project's last chapter, "6) État du produit au rendu de stage", says where the
    product stood when the stay ended, before its sources: RL203 warns naming it (it was the
    error that the report has no conclusion)."""
    name = f"projet-fini-sur-son-etat-au-rendu{producer}"
    conclusion = section(name, "conclusion")
    assert conclusion.title == "6) État du produit au rendu de stage"
    assert findings(name, "RL203")[0].severity is Severity.WARNING


@pytest.mark.parametrize("producer", BOTH)
def test_a_project_ending_on_its_final_architecture_gets_a_warning(producer: str) -> None:
    """The work's chapter ends on a section "2.4 Architecture finale" that sums up where the
    project stood, in technical words only, and no conclusion follows: its title and place
    make it the closing words. RL203 warns naming it, at a low confidence (it was the error
    that the report has no conclusion)."""
    name = f"projet-fini-sur-son-architecture-finale{producer}"
    conclusion = section(name, "conclusion")
    assert (conclusion.title, conclusion.decided_by) == (
        "2.4 Architecture finale",
        ("title", "place"),
    )
    assert conclusion.confidence < 0.5
    assert findings(name, "RL203")[0].severity is Severity.WARNING


@pytest.mark.parametrize(
    ("title", "closing"),
    [
        ("8) Etat du produit au rendu de stage", True),
        ("État final de l'application", True),
        ("État d'avancement du projet en fin de stage", True),
        ("Etat du projet", False),  # a project's state, told on the way
        ("2.3 État de l'existant", False),
        ("État de l'art", False),
        ("Architecture Finale", True),
        ("3.4 Solution définitive", True),
        ("Version finale", True),
        ("Architecture existante", False),
        ("Phase finale du projet", False),
    ],
)
def test_the_state_of_the_work_at_the_end_of_the_stay_hints_at_the_conclusion(
    title: str, closing: bool
) -> None:
    match = classify(heading_key(title))
    assert (match is not None and match.key == "conclusion" and match.rank == 0) is closing


@pytest.mark.parametrize(
    ("font", "bold"),
    [
        ("SFBX1200", True),  # cm-super, T1-encoded LaTeX without lmodern
        ("ABCDEF+SFBX1000", True),
        ("ECBX1200", True),
        ("SFSX1000", True),
        ("CMBX12", True),
        ("SFRM1200", False),
        ("SFTT1000", False),
        ("ABCDEF+DejaVuSansBook", False),
    ],
)
def test_latex_bold_fonts_are_bold_by_their_names(font: str, bold: bool) -> None:
    from rapportlint.model.loader import BOLD_NAME

    assert bool(BOLD_NAME.search(font)) is bold


def test_sections_set_larger_than_their_chapters_stay_sections() -> None:
    """Roman chapters in the text's size, lettered sections larger: the numbering ranks
    them (I over A), and the activities are chapter IV, not the section "B. Mon rôle dans
    le service" of the chapter presenting the IT service."""
    analysis = checked("sections-plus-grandes-que-les-chapitres").analysis
    activities = analysis.sections["activites"]
    assert (activities.page, activities.title) == (5, "IV. Activités effectuées durant le stage")
    levels = {h.text: h.level for h in analysis.headings}
    assert (
        levels["A. Préparation d'un ordinateur"]
        > levels["IV. Activités effectuées durant le stage"]
    )


def test_a_chapter_conclusion_in_an_outline_of_sections_is_not_the_report_s() -> None:
    """Bookmarks of the section titles only ("2.3 Conclusion" closes the work's chapter),
    the chapter titles set large without bookmarks: the report's conclusion is the
    typography's "4. Conclusion", numbered as a chapter, after the outline's."""
    sections = checked("conclusion-de-chapitre-au-signet").analysis.sections
    conclusion = sections["conclusion"]
    assert (conclusion.page, conclusion.title, conclusion.source) == (
        5,
        "4. Conclusion",
        "typography",
    )
    assert sections["activites"].end_page == 4


@pytest.mark.parametrize(
    ("title", "key", "rank"),
    [
        ("8) Synthèse / conclusion :", "conclusion", 2),
        ("Bilan - conclusion", "conclusion", 2),
        ("Bilan & conclusion", "conclusion", 2),
        ("Synthèse et conclusion", "conclusion", 2),
        ("Bilan du stage", "conclusion", 1),
        ("Synthèse", "conclusion", 0),
        # "entreprise" misspelt after an elision: the usual wording, before the weak
        # "Présentation de ..." it fell to (the company was read at the next title).
        ("PRESENTATION DE L’ENTREPISE", "entreprise", 2),
        ("Présentation de l'entrprise", "entreprise", 2),
        ("Remerciement", "front", 2),
        # Two names joined for the company, a hyphenated report of the activities, the
        # stay's synthesis (a bilan: RL203 warns that no part is titled "Conclusion").
        ("Présentation / historique de l'entreprise", "entreprise", 2),
        ("Historique et présentation de la société", "entreprise", 2),
        ("III.Compte rendu des activités", "activites", 2),
        ("Compte-rendu des missions", "activites", 2),
        ("Synthèse du stage", "conclusion", 1),
        ("Aperçu de l'entreprise", "entreprise", 2),
        ("Généralités sur l'entreprise", "entreprise", 2),
        ("Contexte de l'entreprise", "entreprise", 1),
        ("Les différentes tâches", "activites", 2),
        ("Interventions réalisées", "activites", 2),
        ("Travail demandé", "activites", 1),
        ("En guise de conclusion", "conclusion", 2),
        ("Remerciements et conclusion", "conclusion", 2),
        ("Mot de la fin", "conclusion", 1),
        ("3. Approche descriptive de l’organisation", "entreprise", 2),
        ("III. Présentation de la réalisation", "activites", 2),
        ("I.B Mes projets", "activites", 1),
        ("Mes différents projets", "activites", 1),
        ("Mon projet", "activites", 0),  # may present the project before its realisation
        ("V. Suite du stage", "conclusion", 0),  # next steps, ending a mid-stay report
        ("Prochaines étapes", "conclusion", 0),
    ],
)
def test_a_closing_title_joining_two_names_names_the_conclusion(
    title: str, key: str, rank: int
) -> None:
    """ "Synthèse / conclusion", joined by a slash, a dash or "&" as by "et"; a part's name
    misspelt by one letter; and the students' wordings a sweep found missing."""
    assert classify(heading_key("Analyse de la structure d'onde")) is None  # no host
    assert classify(heading_key("Analyse de l'organisation du travail")) is None
    match = classify(heading_key(title))
    assert (match.key, match.rank) == (key, rank)


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_pfmp_report_ending_on_synthese_slash_conclusion_has_its_conclusion(
    producer: str,
) -> None:
    """A Bac Pro report whose last title is "8) Synthèse / conclusion :" over closing words
    too few to be read as a conclusion by themselves: the title names it (RL203 said the
    report had none)."""
    name = f"synthese-barre-conclusion{producer}"
    conclusion = checked(name).analysis.sections["conclusion"]
    assert (conclusion.page, conclusion.decided_by) == (6, ("title",))
    assert not fired_errors(name) & PART_RULES
    assert "RL203" not in fired(name)


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_part_grouping_the_company_and_the_work_gives_way_to_its_chapters(
    producer: str,
) -> None:
    """ "PARTIE I. CONTEXTE DU STAGE" over "CHAPITRE 1. PRÉSENTATION DE L'ENTREPRISE" and
    "CHAPITRE 2. DÉROULEMENT DU STAGE": the chapters are the company and the activities (the
    part's page was the company, three pages long, RL205 warning it was 43 % of the body, and
    the activities started at "PARTIE II")."""
    name = f"chapitres-groupes-sous-le-contexte{producer}"
    sections = checked(name).analysis.sections
    assert {k: (s.page, s.end_page) for k, s in sections.items()} == {
        "entreprise": (4, 4),
        "activites": (5, 7),
        "conclusion": (8, 8),
    }
    assert sections["activites"].title == "CHAPITRE 2. DÉROULEMENT DU STAGE"
    assert "RL205" not in fired(name)
    assert not fired_errors(name) & PART_RULES


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_research_team_presented_in_the_first_mission_paragraph_is_a_warning(
    producer: str,
) -> None:
    """A research internship in an old LaTeX font: the team that hosted the stay is presented
    only in the first paragraph of "1 Mission du stage" (the hospital, the team and what it
    develops). RL201 warns quoting that passage, not an error; the activities still run over
    their chapter; "2 D´eroulement du stage" reads "Déroulement"."""
    name = f"equipe-d-accueil-dans-la-mission{producer}"
    analysis = checked(name).analysis
    company = analysis.sections["entreprise"]
    assert (company.page, company.within) == (2, "introduction-text")
    assert {"stay-place", "team-work"} <= {
        cue for cue, _ in profile(RESEARCH_TEAM_HOST.replace("´", "")).cues[COMPANY]
    }
    assert analysis.sections["activites"].end_page == 4
    assert "2 Déroulement du stage" in {h.text for h in analysis.headings}
    rl201 = [f for f in checked(name).findings if f.rule == "RL201"]
    assert [f.severity for f in rl201] == ["warning"]


@pytest.mark.parametrize(
    ("lines", "apart"),
    [
        (["Les diff´erentes m´ethodes ont ´et´e d´evelopp´ees", "et test´ees, en r´esum´e"], True),
        (["l´entreprise et l´équipe", "d´une part"], False),
        # A Word user's apostrophe, however often: "aujourd´hui" is no accent.
        (["aujourd´hui"] * 8 + ["l´entreprise"], False),
    ],
)
def test_a_document_whose_words_carry_accent_glyphs_sets_them_apart(
    lines: list[str], apart: bool
) -> None:
    from rapportlint.model.glyphs import accent_after_first_letter, sets_accents_apart

    assert sets_accents_apart(lines) is apart
    assert accent_after_first_letter("D´eroulement du stage") == "Déroulement du stage"
    assert accent_after_first_letter("qui d´eveloppe") == "qui développe"


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_stale_contents_list_does_not_move_a_part_the_text_titles(producer: str) -> None:
    """ "V. Conclusion ---- P7" in a list not brought up to date, "Conclusion générale" on
    page 8 in the text, a page of closing words on page 7: the text's title stands (the
    list's title is inside it)."""
    conclusion = checked(f"sommaire-ancien-sous-les-titres-lus{producer}").analysis.sections[
        "conclusion"
    ]
    assert (conclusion.page, conclusion.title, conclusion.decided_by) == (
        8,
        "Conclusion générale",
        ("title",),
    )


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_the_contents_list_places_the_parts_whose_titles_the_text_does_not_bear(
    producer: str,
) -> None:
    """Titles drawn as pictures, and lines of the text layer set like titles: the host's name
    in large type on an identity page, a bold "Bilan général" before the conclusion. The
    contents list, whose titles stand nowhere in the text, places the company and the
    conclusion on the pages it announces (typography had them at page 2 and at "Bilan
    général"), and each rule warns quoting the list's entry."""
    name = f"sommaire-plutot-que-les-titres-lus{producer}"
    analysis = checked(name).analysis
    sections = analysis.sections
    assert {key: s.page for key, s in sections.items()} == {
        "entreprise": 5,
        "activites": 6,
        "conclusion": 9,
    }
    assert sections["entreprise"].title == "II. Présentation de l'entreprise"
    assert sections["conclusion"].title == "V. Conclusion"
    assert all(s.decided_by == ("contents", "content") for s in sections.values())
    # The activities run over their chapters, up to the next part the list names.
    assert sections["activites"].end_page == 7
    assert not fired_errors(name) & PART_RULES
    findings = checked(name).findings
    assert {f.rule: f.page for f in findings if f.rule in PART_RULES} == {
        "RL201": 5,
        "RL202": 6,
        "RL203": 9,
    }


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_contents_list_with_hyphen_leaders_places_the_parts(producer: str) -> None:
    """A Word template's contents list, "II. Présentation de l'entreprise ------ P4", the
    report's titles drawn as pictures: the list is read (hyphens are leaders, "P4" is page 4)
    and places the parts it names, where their pages' text says so (the parts had no page:
    the list was not read, and no title could be)."""
    name = f"sommaire-aux-tirets{producer}"
    analysis = checked(name).analysis
    listed = {entry.text: entry.printed_page for entry in analysis.contents.entries}
    assert listed["II. Présentation de l'entreprise"] == "4"
    assert listed["1. Installation des postes"] == "5"
    assert analysis.layout.toc_pages == (2,)
    company, activities = analysis.sections["entreprise"], analysis.sections["activites"]
    assert (company.page, activities.page) == (4, 5)
    assert "contents" in company.decided_by
    assert not fired_errors(name) & PART_RULES


@pytest.mark.parametrize("producer", BOTH)
def test_a_title_under_an_annex_names_no_part_of_the_report(producer: str) -> None:
    """ "ANNEXE I. Sensibilisation à l'hygiène et à la sécurité", a school form whose first
    question is set as the title "L'entreprise d'accueil", after "Table des annexes": the
    company is the report's first chapter, read by its content at warning level, and the
    annex part starts at its list (the form's title was the company's part, and the list and
    the form were counted in the body)."""
    name = f"formulaire-annexe-sous-la-table-des-annexes{producer}"
    analysis = checked(name).analysis
    company = analysis.sections["entreprise"]
    assert (company.page, company.title) == (3, "I. Le service informatique : un service central")
    assert "content" in company.decided_by
    assert findings(name, "RL201")[0].severity is Severity.WARNING
    assert (analysis.layout.body_pages, analysis.layout.annex_start) == (7, 8)


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("I.B Mes projets", "mes projets"),
        ("II.A. L'entreprise", "l'entreprise"),
        ("I.A.2.a Formation", "formation"),
        ("2.B Le mail", "le mail"),
        ("B. Organisation", "organisation"),
        ("Bilan", "bilan"),  # a word, not a letter
        ("A.A Présentation de l'organisme", "presentation de l'organisme"),
        ("B.C. Base de données", "base de donnees"),
        ("À propos de Lumiotec", "a propos de lumiotec"),  # "à" alone is a word
    ],
)
def test_a_compound_number_ending_on_a_letter_is_no_word_of_the_title(title: str, key: str) -> None:
    """ "I.B", "2.B", "A.A": a chapter's number (or an appendix's letter) and its section's
    letter, as LibreOffice's outline numbering or a LaTeX appendix writes them; the title is
    what follows."""
    assert heading_key(title) == key


@pytest.mark.parametrize("producer", BOTH)
def test_the_students_projects_inside_the_company_part_are_the_work(producer: str) -> None:
    """ "I. Présentation de la société et des projets" over "I.A L'entreprise" and "I.B Mes
    projets", then "II. E-mail au maître de stage": the activities start at "I.B Mes
    projets", named by its title (the last part was taken for the work by its place, and
    RL202 warned about it)."""
    name = f"projets-dans-la-partie-entreprise{producer}"
    activities = section(name, "activites")
    assert (activities.page, activities.title) == (3, "I.B Mes projets")
    assert not findings(name, "RL202")


@pytest.mark.parametrize("producer", BOTH)
def test_a_designed_host_page_before_the_introduction_is_no_form(producer: str) -> None:
    """ "Présentation de la société :" over a sentence on the host and five boxes whose
    labels stand alone at their lines' ends ("Conversion ERP :"), before the plan and the
    introduction: no form's fields follow a label on its line, so the page is the company
    part, named by its title (it was taken for the school's form, and RL201 warned about
    the thanks)."""
    name = f"page-entreprise-dessinee-avant-l-introduction{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (3, "Présentation de la société :")
    assert not findings(name, "RL201")


@pytest.mark.parametrize("producer", BOTH)
def test_names_set_in_bold_inside_paragraphs_are_no_titles(producer: str) -> None:
    """A paragraph opening on a name in bold ("Ouestdata est une association nantaise..."),
    and a paragraph's last line in bold after a comma ("Mozilla Thunderbird," over
    "OpenOffice et VLC."): a line is bold when it ends in bold too, and no title follows a
    comma at a line's step. Neither cuts the host's section (they were titles: the client
    association was read as the company, or the bold line titled it)."""
    name = f"noms-en-gras-dans-les-paragraphes{producer}"
    analysis = checked(name).analysis
    opening = ("Ouestdata est", "OpenOffice et VLC", "Lumiotec est")
    assert not [h.text for h in analysis.headings if h.text.startswith(opening)]
    assert not analysis.sections["entreprise"].title.startswith(opening)
    if not producer:  # fpdf2 sets the sections at 12 pt, as LaTeX does: they are titles
        assert analysis.sections["entreprise"].title == "1.2 Logiciel libre et Lumiotec"


@pytest.mark.parametrize("producer", BOTH)
def test_the_work_starts_with_the_project_presented_before_it(producer: str) -> None:
    """ "PROJET & RÔLE" (the project the student was given, their role), then "TRAVAUX
    RÉALISÉS": the activities open at the project, named by the title after it (they
    started at "TRAVAUX RÉALISÉS")."""
    name = f"projet-et-role-avant-les-travaux{producer}"
    activities = section(name, "activites")
    assert (activities.page, activities.title) == (4, "PROJET & RÔLE")
    assert activities.named_by == "TRAVAUX RÉALISÉS"
    assert not findings(name, "RL202")


@pytest.mark.parametrize("producer", BOTH)
def test_a_lone_c_numbers_the_third_lettered_section(producer: str) -> None:
    """ "I. Introduction" over "A. Présentation de Lumiotec" and "B.", "II." over "A." to
    "C. Développement et tests", all sections in one smaller style: "C." is the third
    letter, not the roman hundred, so the sections share one level and the company's section
    is named by its title (it was read by its content only, and RL201 warned)."""
    name = f"sections-lettrees-jusqu-a-c{producer}"
    analysis = checked(name).analysis
    lettered = [h for h in analysis.headings if h.text[:3] in ("A. ", "B. ", "C. ")]
    assert len(lettered) == 5 and len({h.level for h in lettered}) == 1
    company = section(name, "entreprise")
    assert (company.page, company.title, company.named) == (2, "A. Présentation de Lumiotec", True)
    assert not findings(name, "RL201")


@pytest.mark.parametrize("producer", BOTH)
def test_letters_followed_by_a_dash_number_sections_under_the_roman_parts(producer: str) -> None:
    """Every title in one style: "I- Présentation de l'entreprise" over "A- Historique" to
    "C- Les services", "II- Le déroulement du stage" over "A- Mission 1" to "C- Mission 3".
    The letters number the parts' sections: the top parts are the introduction, the two
    roman parts and the conclusion (each "A- " and "C- " title was a part of its own)."""
    name = f"lettres-au-tiret-d-un-seul-style{producer}"
    parts = ["I- Présentation de l'entreprise", "II- Le déroulement du stage"]
    assert top_titles(name) == ["Introduction", *parts, "Conclusion"]
    assert (section(name, "entreprise").end_page, section(name, "activites").end_page) == (3, 7)


@pytest.mark.parametrize("producer", BOTH)
def test_numbered_steps_under_lettered_parts_stay_sections(producer: str) -> None:
    """ "A. Présentation de l'entreprise" and "B. Description du travail réalisé" between
    "Introduction" and "Conclusion", the work's steps "1." to "4." set smaller inside "B.":
    letters set above the numbers are the parts (the steps were lifted to the parts' level,
    between the introduction and the conclusion)."""
    name = f"etapes-numerotees-sous-des-parties-lettrees{producer}"
    parts = ["A. Présentation de l'entreprise", "B. Description du travail réalisé"]
    assert top_titles(name) == ["Introduction", *parts, "Conclusion"]
    assert (section(name, "activites").page, section(name, "activites").end_page) == (4, 8)


@pytest.mark.parametrize("producer", BOTH)
def test_a_bare_presentation_opening_on_the_host_is_the_company_part(producer: str) -> None:
    """ "I. Présentation" over "A. Lumiotec", "B. Les métiers de Lumiotec", "C. La DSI de
    Lumiotec", then "D. La Banque Lumiotec" two pages on: the part's first section names the
    host that "D." names, so the company part opens at "I. Présentation" (it opened at
    "D.", two pages late)."""
    name = f"presentation-ouverte-sur-l-hote{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.end_page, company.title) == (3, 5, "I. Présentation")
    assert not findings(name, "RL201")


@pytest.mark.parametrize("producer", BOTH)
def test_a_bare_presentation_opening_on_the_school_is_not_the_company_part(producer: str) -> None:
    """ "I. Présentation" over "A. L'IUT de Lannion" (two pages on the school), then "B. La
    société Lumiotec": the first section names another organisation, so the company starts
    at "B."."""
    name = f"presentation-ouverte-sur-l-ecole{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (5, "B. La société Lumiotec")


@pytest.mark.parametrize("producer", BOTH)
def test_the_host_chapter_after_the_school_chapter_is_the_company_part(producer: str) -> None:
    """ "Chapitre 1 : Présentation de l'École Nationale d'Informatique" (the school, three
    pages), then "Chapitre 2 : Présentation de l'établissement d'accueil": both present an
    organisation, the second the host as such, so the company part opens there (it opened
    at the school's chapter)."""
    name = f"chapitre-de-l-ecole-puis-de-l-accueil{producer}"
    company = section(name, "entreprise")
    host = "Chapitre 2 : Présentation de l'établissement d'accueil"
    assert (company.page, company.end_page, company.title) == (7, 7, host)
    assert company.named


@pytest.mark.parametrize(("producer", "page"), [("", 6), ("-libreoffice", 6), ("-latex", 9)])
def test_a_host_described_in_a_section_of_another_part_is_a_warning(
    producer: str, page: int
) -> None:
    """No part presents the host, but "Environnement de travail", a section of "III Synthèse
    au niveau processus", gives it a paragraph in the third person: RL201 warns, naming
    that section and its part (it said no part described the host)."""
    name = f"hote-decrit-dans-une-section-d-une-autre-partie{producer}"
    assert "entreprise" not in checked(name).analysis.sections
    (finding,) = findings(name, "RL201")
    assert finding.severity == "warning" and finding.page == page
    assert "Environnement de travail »" in finding.message  # "« 2.2 Environnement" in LaTeX
    assert "Synthèse au niveau processus »" in finding.message
    assert "est une organisation" in finding.message


@pytest.mark.parametrize("producer", THREE)
def test_tools_in_a_work_environment_section_leave_the_error(producer: str) -> None:
    """The same report whose "Environnement de travail" tells the tools (editor, build,
    tests, review) describes no organisation: RL201's error stands."""
    name = f"outils-dans-l-environnement-de-travail{producer}"
    (finding,) = findings(name, "RL201")
    assert finding.severity == "error"


@pytest.mark.parametrize("producer", BOTH)
def test_a_title_naming_the_host_above_its_presentation_opens_the_company(producer: str) -> None:
    """ "I. Lumiotec Finance" (the host's name) over "1. Présentation", "2. La Direction
    des Opérations" and, a page on, "3. L'entité Recouvrement et Contentieux": the company
    opens at the host's name (it opened at "3.", a page late)."""
    name = f"hote-nomme-au-dessus-de-sa-presentation{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (3, "I. Lumiotec Finance")


@pytest.mark.parametrize("producer", BOTH)
def test_abbreviations_spelt_out_in_english_after_the_conclusion_stay_in_the_body(
    producer: str,
) -> None:
    """ "Les abréviations" after the conclusion, each acronym spelt out in English: a
    glossary of the report, so the body runs to it and no annex part starts there (it was
    read as an English annexed document)."""
    name = f"abreviations-apres-la-conclusion{producer}"
    layout = checked(name).analysis.layout
    assert (layout.annex_start, layout.last_body_page) == (None, 7)
    assert not checked(name).analysis.annexes


def test_bold_read_from_the_font_names_when_ghostscript_loses_the_weights() -> None:
    """Titles set in bold at the text's own size, printed through Ghostscript (PDF24,
    PDFCreator): its fonts lose their weights and PDFium guessed every line bold. The bold
    cut is named ("DejaVuSansBold"), the regular one is not: only the titles read bold, as
    in the file before the print, and the parts are found by them."""
    printed = checked("titres-gras-a-la-taille-du-texte-ghostscript").analysis
    original = checked("titres-gras-a-la-taille-du-texte").analysis
    for analysis in (printed, original):
        lines = [line for page in analysis.document.pages for line in page.lines]
        bold = [line.text for line in lines if line.bold]
        assert "2. Présentation de l'entreprise" in bold and "4. Travaux réalisés" in bold
        assert len(bold) <= 8 < len(lines)
    assert printed.sections["entreprise"].title == "2. Présentation de l'entreprise"
    assert printed.sections["activites"].title == "4. Travaux réalisés"


def test_winansi_letters_read_as_mac_roman_are_set_back() -> None:
    """Fixture 162's report whose fonts' bytes are decoded as Mac Roman (Ghostscript's print
    of Word's fonts): "PREMI»RE PARTIE : PR…SENTATION DE L'ENTREPRISE D'ACCUEIL" reads as
    typed again, so the divider opens the company part, as in the report before the print
    (it opened a page late, at "I. HISTORIQUE")."""
    analysis = checked("accents-lus-en-mac-roman").analysis
    texts = [line.text for page in analysis.document.pages for line in page.lines]
    divider = "PREMIÈRE PARTIE : PRÉSENTATION DE L'ENTREPRISE D'ACCUEIL"
    assert "PREMIÈRE PARTIE : PRÉSENTATION DE" in texts  # the divider's first line
    assert not any(re.search("[a-zé][ÈËÍ]|[ÈËÍ][a-zé]|[»…‡]", text) for text in texts)
    assert (analysis.sections["entreprise"].page, analysis.sections["entreprise"].title) == (
        3,
        divider,
    )


@pytest.mark.parametrize("producer", BOTH)
def test_personal_gains_as_the_last_part_are_read_as_the_conclusion(producer: str) -> None:
    """ "C. De nombreux apports personnels" ends the report, its sections telling again the
    tasks it learnt from, and no "Conclusion": the last part is the conclusion by its title,
    and RL203 warns that none is titled so (it said there was no conclusion)."""
    name = f"apports-personnels-en-derniere-partie{producer}"
    conclusion = section(name, "conclusion")
    assert (conclusion.page, conclusion.title) == (6, "C. De nombreux apports personnels")
    (finding,) = findings(name, "RL203")
    assert finding.severity == "warning" and finding.page == 6


@pytest.mark.parametrize("producer", BOTH)
def test_algorithm_chapters_that_tell_the_work_together_are_the_activities(producer: str) -> None:
    """Four chapters titled by algorithms between the introduction and the conclusion, the
    second mostly explaining its algorithm: read together they tell the intern's work as
    densely as a part titled so, so they are the activities, at warning level (RL202 said
    no part described them)."""
    name = f"chapitres-d-algorithmes-sans-titre-d-activite{producer}"
    activities = section(name, "activites")
    assert (activities.page, activities.end_page) == (3, 6)
    assert activities.title == "2. L'algorithme k-means" and not activities.named
    (finding,) = findings(name, "RL202")
    assert finding.severity == "warning"


@pytest.mark.parametrize("producer", BOTH)
def test_a_scanned_form_after_the_glossary_makes_rl101_a_warning(producer: str) -> None:
    """31 pages, the last a scanned evaluation form after the glossary (a picture, under no
    "Annexes" title): over the limit only by it, so RL101 warns, naming the page and the
    count without it (it said 31 pages for 30)."""
    name = f"fiche-scannee-apres-le-glossaire{producer}"
    (finding,) = findings(name, "RL101")
    assert finding.severity == "warning" and finding.page == 31
    assert "(p. 31)" in finding.message and "le rapport en a 30" in finding.message


@pytest.mark.parametrize("producer", BOTH)
def test_a_page_too_many_before_the_scanned_form_keeps_rl101_an_error(producer: str) -> None:
    """The same report a page longer: 31 pages without the form, so RL101's error stands."""
    name = f"une-page-de-trop-et-une-fiche-scannee{producer}"
    (finding,) = findings(name, "RL101")
    assert finding.severity == "error"


@pytest.mark.parametrize("producer", BOTH)
def test_contents_entries_ending_on_leaders_are_no_titles(producer: str) -> None:
    """A second contents list after the conclusion, its entries in capitals ending on dot
    leaders ("CONCLUSION ......", page numbers lost): no entry is a title (each was one, set
    in capitals), and the conclusion is the report's own."""
    name = f"sommaire-apres-la-conclusion{producer}"
    analysis = checked(name).analysis
    assert not [h.text for h in analysis.headings if "....." in h.text]
    assert (analysis.sections["conclusion"].page, analysis.sections["conclusion"].title) == (
        7,
        "Conclusion",
    )


@pytest.mark.parametrize("producer", BOTH)
def test_a_centred_title_goes_on_on_its_centred_second_line(producer: str) -> None:
    """Chapter titles centred and broken over two lines ("Chapitre 1 : Contexte général du"
    over "Projet"): the second line starts far right of the first but stands on the same
    axis, so it ends the title (each half was a part of its own, and the activities were
    titled "Chapitre 2 : Conception et")."""
    name = f"titres-centres-sur-deux-lignes{producer}"
    tops = top_titles(name)
    assert "Chapitre 1 : Contexte général du Projet" in tops
    assert "Projet" not in tops and "Réalisation" not in tops
    activities = section(name, "activites")
    assert (activities.page, activities.title) == (5, "Chapitre 2 : Conception et Réalisation")
    assert activities.named


@pytest.mark.parametrize("producer", BOTH)
def test_a_conclusion_titled_in_wordart_mid_page_is_read_at_warning_level(producer: str) -> None:
    """ "Conclusion" in WordArt in mid-page, drawn as paths (out of the text layer), over three
    paragraphs on what the placement brought: the conclusion opens at the lettering, read by
    its text and place, and RL203 warns that its title is not written as text (it said the
    report had no conclusion)."""
    name = f"conclusion-en-wordart-en-milieu-de-page{producer}"
    conclusion = section(name, "conclusion")
    assert conclusion.page == 6 and not conclusion.named and not conclusion.first_on_page
    assert conclusion.decided_by == ("content", "place")
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING and finding.page == 6


@pytest.mark.parametrize("producer", BOTH)
def test_bookmarks_that_name_no_part_are_no_plan_of_the_report(producer: str) -> None:
    """The only bookmarks are an organisation chart's boxes ("Gérant" to "Stagiaire (moi)"),
    the report's titles carry none: the sections are read from the typography, and so are
    the parts. The activities start at "3) Activités confiées à l'étudiant" (the last box,
    running to the conclusion, was taken for the work's chapter)."""
    name = f"organigramme-seul-en-signets{producer}"
    tops = top_titles(name)
    assert "3) Activités confiées à l'étudiant" in tops
    activities = section(name, "activites")
    assert (activities.page, activities.title) == (6, "3) Activités confiées à l'étudiant")
    assert activities.named_by == ""


@pytest.mark.parametrize("producer", BOTH)
def test_the_introductions_own_titles_announce_the_parts(producer: str) -> None:
    """ "Introduction" set above every other title, with its own "Les missions" and "Annonce
    du plan" in the parts' style, then "I- L'environnement du stage" and "II- Les travaux
    effectués": the titles before the first roman part are the introduction's, so the
    activities start at "II-" (they started at the introduction's "Les missions", and RL204
    warned that the parts were out of order)."""
    name = f"introduction-qui-annonce-les-parties{producer}"
    activities = section(name, "activites")
    assert (activities.page, activities.title) == (4, "II- Les travaux effectués")
    assert not findings(name, "RL204")


@pytest.mark.parametrize("producer", BOTH)
def test_a_part_divider_the_bookmarks_lack_opens_its_part(producer: str) -> None:
    """ "PREMIÈRE PARTIE : PRÉSENTATION DE L'ENTREPRISE D'ACCUEIL" on its own page, set larger
    than the introduction and without a bookmark, before the bookmarked "I. HISTORIQUE": it
    names the company outright, so the company part opens there (it opened a page later, at
    the first bookmark)."""
    name = f"premiere-partie-sans-signet{producer}"
    company = section(name, "entreprise")
    assert company.page == 3 and company.title.startswith("PREMIÈRE PARTIE : PRÉSENTATION")
    assert company.named


@pytest.mark.parametrize("producer", BOTH)
def test_letter_spaced_titles_read_as_the_page_shows_them(producer: str) -> None:
    """Chapter titles set with letter spacing (Canva, Word's "étendu"), which PDFium reads
    "5 . C O N C L U S I O N": the titles read "5. CONCLUSION" and "4. TRAVAIL EFFECTUÉ",
    each names its part (RL203 said there was no conclusion, and RL202 took the conclusion
    for the work)."""
    name = f"titres-aux-lettres-espacees{producer}"
    tops = top_titles(name)
    assert "5. CONCLUSION" in tops and "4. TRAVAIL EFFECTUÉ" in tops
    assert not [title for title in tops if " C O N" in title]
    pages = {key: s.page for key, s in checked(name).analysis.sections.items()}
    assert pages == {"entreprise": 4, "activites": 6, "conclusion": 9}
    assert not PART_RULES & fired(name)
    # The host's name is no wording: the reason names the cue and what the text says.
    reason = page_reason(name, 4)
    assert "« 3. LUMIOTEC » (repéré par sa taille) ; son texte le confirme" in reason
    assert "formulation" not in reason


def test_letter_spaced_latex_titles_name_their_parts() -> None:
    """The same titles spaced by microtype's \\textls, LaTeX numbering the chapters: the
    work's chapter reads "Chapitre 2 TRAVAIL EFFECTUÉ" and names the activities (RL202 said
    its title did not)."""
    name = "titres-aux-lettres-espacees-latex"
    assert "Chapitre 2 TRAVAIL EFFECTUÉ" in top_titles(name)
    pages = {key: s.page for key, s in checked(name).analysis.sections.items()}
    assert pages == {"entreprise": 4, "activites": 7, "conclusion": 11}
    assert section(name, "activites").named
    assert not PART_RULES & fired(name)


@pytest.mark.parametrize("producer", BOTH)
def test_a_part_presenting_the_tutor_who_hosted_is_read_at_warning_level(producer: str) -> None:
    """ "01 MON TUTEUR" on a divider, then the tutor's titles and roles under "Mon tuteur" (a
    consultant), before "02 MES MISSIONS", nothing presenting an organisation: the host is
    that person, and RL201 warns at 40 %, naming the part (from its first title under the
    divider, which names no organisation) and the fix (it said no part presented the host)."""
    name = f"tuteur-presente-en-premiere-partie{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (3, "Mon tuteur")
    assert company.decided_by == ("title", "place") and company.confidence == 0.4
    (warning,) = findings(name, "RL201")
    assert warning.severity is Severity.WARNING and "« Mon tuteur »" in warning.message


def test_a_tutor_presented_after_the_missions_is_no_host_part() -> None:
    """The same tutor's part after the missions: not where a report presents its host, and
    no part presents an organisation: RL201's error stands."""
    name = "tuteur-presente-apres-les-missions"
    assert section(name, "entreprise") is None
    assert "RL201" in fired_errors(name)


@pytest.mark.parametrize("producer", BOTH)
def test_a_glossary_going_on_over_a_page_stays_in_the_body(producer: str) -> None:
    """ "7 Glossaire" after the conclusion, its bulleted list going on over the next page under
    no title, tools named by their sites ("• Pandas: pandas.pydata.org") that read as
    English: that page is the glossary's, and there is no annex part (it was an annexed
    English document)."""
    analysis = checked(f"glossaire-poursuivi-sur-une-page{producer}").analysis
    assert analysis.layout.annex_start is None
    assert analysis.layout.last_body_page == analysis.layout.page_count == 10
    assert not analysis.annexes


@pytest.mark.parametrize("producer", BOTH)
def test_a_company_part_opens_under_a_divider_that_does_not_name_it(producer: str) -> None:
    """ "Chapitre I : Présentation du contexte de l'étude" alone on a divider page (wrapped over
    two lines), "1.1 Présentation de Lumiotec" on the next: the company part starts at the
    section, as the readers read it (it started on the divider), and the divider is no page
    of the introduction. A divider naming the part outright still opens it (fixture 57)."""
    name = f"chapitre-du-contexte-sur-un-intercalaire{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (4, "1.1 Présentation de Lumiotec")
    divider = checked(name).analysis.role(3)
    assert (divider.role, divider.cue) == ("body", "body")
    assert section("parties-ouvertes-par-des-intercalaires", "entreprise").page == 5


@pytest.mark.parametrize("producer", BOTH)
def test_under_a_setting_divider_the_title_naming_the_company_opens_it(producer: str) -> None:
    """ "CHAPITRE 1 : Contexte du stage" on a divider, "I- INTRODUCTION" on the next page, then
    "II- PRÉSENTATION DE L'ENTREPRISE": the company part starts at the title that names it,
    not at the chapter's first title nor at the divider."""
    company = section(f"entreprise-nommee-sous-un-intercalaire-du-contexte{producer}", "entreprise")
    assert (company.page, company.title) == (5, "II- PRÉSENTATION DE L'ENTREPRISE")


def test_every_heading_cue_is_named_in_the_page_reasons() -> None:
    """A title found on its divider page reads "repéré par sa page d'intercalaire", not by the
    machine name of its cue."""
    reason = page_reason("chapitre-du-contexte-sur-un-intercalaire-libreoffice", 6)
    assert "repéré par sa page d'intercalaire" in reason


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("Chapitre Ⅰ : Présentation générale du Centre Hospitalier Universitaire", True),
        ("PREMIÈRE PARTIE : PRÉSENTATION DE L'ENTREPRISE", True),
        ("Chapitre I : Présentation du contexte de l'étude", False),
        ("CHAPITRE 1 : CONTEXTE DU STAGE", False),
        ("Insertion", False),
    ],
)
def test_a_divider_names_the_host_by_its_wording_or_its_proper_name(
    title: str, names: bool
) -> None:
    """The company part opens on its divider when the divider's title names the part or the
    organisation by its proper name (a reader counts the divider page then), and under it
    when it names the setting only."""
    from rapportlint.analysis.unnamed import _names_an_organisation

    assert _names_an_organisation(typographic_heading(title, 8, 1)) is names


def test_a_research_report_citing_a_corpus_presents_no_host() -> None:
    """A research report whose introduction cites "[SCI-Summ, 2016]" and the tasks "proposées"
    there, and presents no host anywhere: no company part, and RL201's error (the letters of
    a legal form opening the corpus's name made the introduction the host's, at 50 %)."""
    name = "rapport-de-recherche-citant-un-corpus"
    assert section(name, "entreprise") is None
    assert "RL201" in fired_errors(name)


@pytest.mark.parametrize(
    ("title", "presents_the_host"),
    [
        ("1.3. À propos de SpikeeLabs", True),
        ("A propos de la Mairie de Rezé", True),
        ("À propos de moi", False),
        ("À propos de ce rapport", False),
        ("1.2 À propos du projet", False),
    ],
)
def test_an_about_title_presents_the_organisation_it_names(
    title: str, presents_the_host: bool
) -> None:
    """ "À propos de X" hints at the host's presentation, unless X is the student, the
    report or the work."""
    match = classify(heading_key(title))
    assert (match is not None and match.key == "entreprise") is presents_the_host


def test_the_host_about_page_after_the_context_opens_the_company_part() -> None:
    """ "1.1 Contexte" (the projects, naming the host in passing) then "1.3 À propos de
    Lumiotec" on its own page: the company part opens on the host's own page."""
    for name in (
        "a-propos-de-l-hote-apres-le-contexte",
        "a-propos-de-l-hote-apres-le-contexte-libreoffice",
    ):
        assert section(name, "entreprise").page == 3


@pytest.mark.parametrize("producer", BOTH)
def test_a_setting_in_a_lettered_appendix_opens_the_annex_part(producer: str) -> None:
    """Chapters, "Conclusion", "Références", then "A Contexte du stage" (the laboratory) and
    "B Démonstrations": the appendices are the annex part, whatever the bookmarks leave out
    of their titles ("Contexte du stage"), and the host presented only there is a warning."""
    name = f"contexte-du-stage-en-annexe-lettree{producer}"
    layout = checked(name).analysis.layout
    assert (layout.last_body_page, checked(name).analysis.annex_start.page) == (8, 9)
    assert section(name, "entreprise") is None
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and finding.page == 9
    assert "Contexte du stage" in finding.message and "annexe" in finding.message


@pytest.mark.parametrize("producer", BOTH)
def test_the_conclusion_closing_the_discussion_opens_the_conclusion(producer: str) -> None:
    """ "4. Discussion" whose last section is "4.3 Conclusion et perspectives": the explicit
    conclusion starts the part; the discussion is not taken for the activities."""
    name = f"conclusion-en-fin-de-discussion{producer}"
    conclusion = section(name, "conclusion")
    assert (conclusion.page, conclusion.title) == (12, "4.3 Conclusion et perspectives")
    assert section(name, "activites").page == 6


@pytest.mark.parametrize("producer", BOTH)
def test_a_lab_presented_under_no_title_after_the_cover_is_a_warning(producer: str) -> None:
    """The page after the cover places the stay in the first person ("J'ai effectué mon
    stage ... au laboratoire LITMER (UMR 7301)") and describes the laboratory over four
    paragraphs, under no title: the host is presented in the opening text (RL201 warns)."""
    name = f"laboratoire-presente-sans-titre{producer}"
    company = section(name, "entreprise")
    assert company.page == 2 and company.within == "opening-text"
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and finding.page == 2
    assert "UMR 7301" in finding.message


@pytest.mark.parametrize("producer", BOTH)
def test_a_host_in_an_appendix_numbered_by_letters_is_a_warning(producer: str) -> None:
    """No bookmarks; after the conclusion, "Annexes", "A Le centre" and "A.A Présentation de
    l'organisme d'accueil" over the host's founding, staff and clients: the host is presented
    only in the annexes, which RL201 says at warning level, naming the title."""
    name = f"hote-en-annexe-numerotee-par-lettres{producer}"
    assert section(name, "entreprise") is None
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and finding.page == 9
    assert "A.A Présentation de l'organisme d'accueil" in finding.message


@pytest.mark.parametrize("producer", BOTH)
def test_appendix_letters_drawn_larger_still_open_the_annex_part(producer: str) -> None:
    """No bookmarks; "4 Conclusion", then "A Chaînes de Markov" set as the chapters are and
    "B Preuves", "C Résultats" set far larger: the letters after the last chapter open the
    annex part, whatever the size of each."""
    layout = checked(f"lettres-d-annexe-plus-grandes{producer}").analysis.layout
    assert (layout.last_body_page, layout.annex_start) == (11, 12)


@pytest.mark.parametrize("producer", BOTH)
def test_a_mid_stay_report_ending_on_its_next_steps(producer: str) -> None:
    """Bookmarks at four levels; "a) Fonctionnement du simulateur" opens a page under "5.
    Simulation": that section's first point, not an appendix (the annex part started there).
    "V. Suite du stage", the last part, is the conclusion at warning level."""
    name = f"rapport-de-mi-stage-fini-par-la-suite{producer}"
    analysis = checked(name).analysis
    assert (analysis.layout.last_body_page, analysis.annex_start) == (9, None)
    assert section(name, "entreprise").page == 4
    conclusion = section(name, "conclusion")
    # (read from a title that only hints at it, over next steps that do not look back)
    assert (conclusion.title, conclusion.confidence) == ("V. Suite du stage", 0.6)
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING and "Suite du stage" in finding.message


def test_a_research_unit_is_described_in_its_own_words() -> None:
    """A laboratory describes itself as "une unité mixte de recherche", by its "UMR" number
    and its "équipes de recherche"; "affiliée à" places it as "rattachée à" does."""
    read = profile(
        "Le LITMER (UMR 7301) est une unité mixte de recherche affiliée à l'université ; "
        "il s'organise en six équipes de recherche."
    )
    names = {name for name, _ in read.cues["entreprise"]}
    assert {"research-unit", "definition", "organisation"} <= names
    assert not profile("Nous avons mesuré le niveau de la mer à six stations.").cues["entreprise"]


@pytest.mark.parametrize("producer", BOTH)
def test_a_personal_review_quoting_the_evaluation_form_is_the_conclusion(producer: str) -> None:
    """No bookmarks; "V. Bilan personnel" in the first person quotes the tutor's form ("La
    fiche d'évaluation rédigée par mon tuteur (Annexe B)... « Très satisfaisant »"): the
    report's own last part, not the form, so the annex part starts at "ANNEXES" and the
    review is the conclusion at warning level."""
    name = f"bilan-personnel-citant-la-fiche-d-evaluation{producer}"
    layout = checked(name).analysis.layout
    assert (layout.last_body_page, layout.annex_start) == (9, 10)
    conclusion = section(name, "conclusion")
    # (a "Bilan", which only hints at the conclusion, over a text that looks back)
    assert (conclusion.title, conclusion.confidence) == ("V. Bilan personnel", 0.8)
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING and finding.page == 9


@pytest.mark.parametrize("producer", BOTH)
def test_numbered_titles_at_the_top_of_their_pages_are_no_running_header(producer: str) -> None:
    """ "Situation professionnelle 1", "... 2", "... 3" open three pages in their top tenth,
    set as large as the chapters: titles that differ by their number, not a running header
    whose number changes ("Page 5"). The activities start at the first of them."""
    name = f"situations-professionnelles-en-haut-de-page{producer}"
    activities = section(name, "activites")
    assert (activities.page, activities.title) == (4, "Situation professionnelle 1")
    assert section(name, "entreprise").end_page == 3
    assert not findings(name, "RL202")


@pytest.mark.parametrize("producer", BOTH)
def test_a_chapter_title_on_two_lines_at_one_and_a_half_spacing_is_one_title(
    producer: str,
) -> None:
    """A divider "Chapitre 1 : Présentation" over "de l'entreprise d'accueil", 26 points at
    Word's 1.5 lines (the second line 1.7 sizes under the first): one title, which names
    the company part; the part starts on the divider, not at the chapter's "Introduction"."""
    name = f"chapitre-entreprise-a-un-interligne-et-demi{producer}"
    company = section(name, "entreprise")
    assert company.page == 3
    assert company.title == "Chapitre 1 : Présentation de l'entreprise d'accueil"
    assert not findings(name, "RL201")


@pytest.mark.parametrize("producer", BOTH)
def test_an_annex_part_titled_in_english_starts_the_annexes(producer: str) -> None:
    """ "Annex :", the English spelling, over captioned screenshots, then the notes for the
    oral: the annex part starts at that title, and the body ends at the conclusion."""
    layout = checked(f"annexes-titrees-en-anglais{producer}").analysis.layout
    assert (layout.last_body_page, layout.annex_start) == (6, 7)


def test_annex_in_english_names_the_annex_part_but_annexion_does_not() -> None:
    """ "Annex", "Annexs" and "Anexe" name the part as "Annexes" does; a word that only
    starts like it ("Annexion", "Annexer les documents") does not."""
    for title in ("Annex :", "ANNEX", "Annexs", "Anexe 2 : article"):
        assert classify(heading_key(title)).key == "annexes", title
    for title in ("Annexion de la Savoie", "Annexer les documents"):
        assert classify(heading_key(title)) is None, title


@pytest.mark.parametrize("producer", BOTH)
def test_a_host_named_in_the_introduction_beats_a_bare_presentation_title(producer: str) -> None:
    """ "I- PRÉSENTATION" presents the memoir's theme (its text does not describe a host);
    "A- Présentation de la Société de gestion :" under "II- INTRODUCTION" names the host
    outright: the company is presented there, in the introduction, which RL201 says at
    warning level, naming that title (it named "I- PRÉSENTATION")."""
    name = f"theme-presente-avant-l-hote-en-introduction{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (3, "A- Présentation de la Société de gestion :")
    assert company.within == WITHIN_SECTION
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and "Société de gestion" in finding.message


@pytest.mark.parametrize("producer", BOTH)
def test_lettered_appendices_after_a_chapter_cut_into_numbered_sections(producer: str) -> None:
    """ "3 Perspectives et résultats" with "3.1" and "3.2", "Conclusion", "Références", then
    "A Contexte du stage" and "B Code de l'outil": the chapter's numbered sections do not
    hide it, the letters open the annex part, and the host presented only there is a
    warning; no part rule is an error (RL202 said no part describes the work)."""
    name = f"annexe-lettree-apres-sections-numerotees{producer}"
    analysis = checked(name).analysis
    assert (analysis.layout.last_body_page, analysis.annex_start.page) == (8, 9)
    assert section(name, "entreprise") is None
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and "Contexte du stage" in finding.message
    assert not fired_errors(name) & PART_RULES


def test_lettered_appendices_need_a_numbered_chapter_within_reach() -> None:
    """Looking back from "A ..." for the last chapter, its numbered sections ("5.2") are
    skipped; the chapter's own number ("5 ") and a year are no section number."""
    assert _NUMBERED_SECTION.match("5.2 resultats")
    assert not _NUMBERED_SECTION.match("5 perspectives")
    assert not _NUMBERED_SECTION.match("2024 bilan")


@pytest.mark.parametrize("producer", THREE)
def test_a_host_team_presented_in_the_project_chapter_is_a_warning(producer: str) -> None:
    """ "3 Le Projet Filmo" holds "3.2 L'équipe IMAGO": the team's head, its 9 permanent
    members and its 4 research axes. That section presents the host under its own title:
    RL201 warns naming it (it said no part presents the host)."""
    name = f"equipe-d-accueil-dans-le-chapitre-du-projet{producer}"
    company = section(name, "entreprise")
    # (the bookmarks leave the number out, LibreOffice's keep it)
    assert company.page == 4 and company.title.endswith("L'équipe IMAGO")
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING and "L'équipe IMAGO" in finding.message


def test_a_research_team_is_told_by_its_staff_axes_and_head() -> None:
    """A lab's team says what it is by its permanent staff, its research axes and how they
    are structured: organisation cues, as salaried staff and departments are; "L'équipe
    ..." titles hint at the host ("Travail en équipe" does not)."""
    cues = {cue for cue, _ in profile(" ".join(HOST_TEAM)).cues[COMPANY]}
    assert {"staff", "organisation", "research-unit"} <= cues
    assert classify(heading_key("L'équipe ICAR")).key == "entreprise"
    assert classify(heading_key("Mon équipe d'accueil")).key == "entreprise"
    assert classify(heading_key("Travail en équipe")) is None


@pytest.mark.parametrize("producer", BOTH)
def test_bookmarks_of_the_contents_entries_name_no_part(producer: str) -> None:
    """Every top-level bookmark is an entry of the contents list ("1 - Description de
    l'entreprise 5") pointing at the list itself: the parts are read on their pages, none on
    the contents page (the conclusion was read there)."""
    name = f"signets-du-sommaire-vers-le-sommaire{producer}"
    pages = {key: section(name, key).page for key in ("entreprise", "activites", "conclusion")}
    assert pages == {"entreprise": 5, "activites": 7, "conclusion": 10}
    assert 3 in checked(name).analysis.contents.whole_pages


@pytest.mark.parametrize("producer", BOTH)
def test_a_lab_presented_above_the_thanks_is_named_by_its_title(producer: str) -> None:
    """ "Présentation du laboratoire d'accueil" opens the page after the contents, with the
    thanks under it, before "Chapitre 1 Introduction": the title names the host, so no RL201
    (it warned that the title did not say so, the part read from its text only)."""
    name = f"laboratoire-presente-au-dessus-des-remerciements{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (3, "Présentation du laboratoire d'accueil")
    assert company.named and "title" in company.decided_by
    assert "RL201" not in fired(name)


@pytest.mark.parametrize("producer", BOTH)
def test_a_directorate_presented_under_a_topic_chapter_is_the_company(producer: str) -> None:
    """ "1.1 Environnement et Présentation de la Direction des Systèmes d'Information (DSI)"
    under "Chapitre 1 : Sécurité des Systèmes d'Information": the title names the host (a
    public "Direction", its setting first), so the company part starts there, named (it was
    read from the chapter's divider by its text, with a warning)."""
    name = f"direction-presentee-sous-un-chapitre-thematique{producer}"
    company = section(name, "entreprise")
    assert company.page == 4 and company.title.startswith("1.1 Environnement et Présentation")
    assert "RL201" not in fired(name)


def test_a_directorate_names_a_host_but_a_direction_alone_does_not() -> None:
    """ "Présentation de la Direction régionale", "Contexte et présentation de la société"
    name the host; "Changement de direction", a bare "La direction Générale :" (a service
    in the host's chart), "Contexte et présentation du projet" do not."""
    for title in (
        "Présentation de la Direction régionale des finances",
        "Contexte et présentation de la société",
        "Environnement et présentation de l'entreprise",
    ):
        assert classify(heading_key(title)).key == "entreprise", title
    for title in (
        "Changement de direction",
        "Direction du vent",
        "La direction Générale :",  # one of the host's services, under its "Organigramme"
        "Contexte et présentation du projet",
    ):
        assert classify(heading_key(title)) is None, title


@pytest.mark.parametrize("producer", BOTH)
def test_a_template_of_numbered_fiches_names_its_parts(producer: str) -> None:
    """ "Fiche 1 : Présentation de la structure d'accueil" ... "Fiche 5 : Retour
    d'expérience": "Fiche N :" labels a part as "Partie N :" does, so the titles name the
    company, the activities and the closing part (the first two were read from their
    text only, with warnings that their titles did not say so)."""
    name = f"modele-en-fiches-numerotees{producer}"
    assert section(name, "entreprise").named and section(name, "activites").named
    assert section(name, "conclusion").title == "Fiche 5 : Retour d'expérience"
    assert not fired(name) & {"RL201", "RL202"}
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING


def test_a_fiche_number_is_a_label_but_a_fiche_is_not() -> None:
    """ "Fiche 2 :" and "FICHE N° 3 -" are labels the title's key leaves out; "Fiche
    d'évaluation" and "Fiche de synthèse" are what the title says."""
    assert heading_key("Fiche 1 : Présentation de la structure d'accueil") == (
        "presentation de la structure d'accueil"
    )
    assert heading_key("FICHE N° 3 - Conclusion") == "conclusion"
    assert heading_key("Fiche d'évaluation") == "fiche d'evaluation"
    assert heading_key("Fiche de synthèse") == "fiche de synthese"


@pytest.mark.parametrize("producer", BOTH)
def test_the_activities_of_a_host_named_by_its_name_present_it(producer: str) -> None:
    """ "1. PRINTANIA, LEADER DANS UN DOMAINE PORTEUR" opens on "1.1 Activités et projets de
    Printania": the activities of an organisation named by its name are the host's, so the
    chapter presents the company and the work starts at "2." (RL201 said no part presents
    the company, the chapter being read as the student's activities)."""
    name = f"activites-de-l-hote-sous-son-nom{producer}"
    assert section(name, "entreprise").page == 3
    assert section(name, "activites").page == 5
    assert "RL201" not in fired_errors(name)


def test_a_capitalised_owner_makes_activities_the_hosts() -> None:
    """The case of the title tells: "Les activités de Vinci" hints at the host, "Missions de
    Stage" (Title Case), "LES MISSIONS DE THALES" (capitals), "Missions réalisées au sein
    de Orange" and "Activités de développement" stay the student's activities."""
    assert title_match("1.1 Activités et projets de MyMiniFactory").key == "entreprise"
    assert title_match("Les activités de Vinci").key == "entreprise"
    for title in (
        "Missions de Stage",
        "LES MISSIONS DE THALES",
        "Missions réalisées au sein de Orange",
        "Activités de développement",
    ):
        assert title_match(title).key == "activites", title


@pytest.mark.parametrize("producer", BOTH)
def test_the_hosts_history_under_its_name_opens_the_company_part(producer: str) -> None:
    """ "HISTOIRE DE LUMIOTEC" (three pages on the host) before "ORGANIGRAMME SI": the
    host's history opens the company part (it started at the chart, three pages late);
    "Histoire de l'informatique" or "Histoire du projet" would be no host's."""
    name = f"histoire-de-l-hote-par-son-nom{producer}"
    assert section(name, "entreprise").page == 3
    assert classify(heading_key("Histoire de l'informatique")) is None
    assert classify(heading_key("Histoire du projet")) is None


@pytest.mark.parametrize("producer", BOTH)
def test_a_bare_team_title_is_the_interns_team_not_the_host(producer: str) -> None:
    """ "IV. L'équipe" (the interns' project roles) after "2. Lumiotec" (the host's founding,
    staff and clients): the bare title hints at no host, the company part is the host's
    section, found by its content; "L'équipe ICAR" or "Mon équipe d'accueil" still hint."""
    name = f"equipe-du-projet-apres-l-hote{producer}"
    company = section(name, "entreprise")
    assert company.page == 2
    assert "content" in company.decided_by
    for title in (
        "L'équipe",
        "Notre équipe projet",
        "L'équipe du projet",
        "L'équipe de stagiaires",
    ):
        assert classify(heading_key(title)) is None, title
    for title in ("L'équipe ICAR", "Mon équipe d'accueil", "L'équipe de recherche"):
        assert classify(heading_key(title)).key == "entreprise", title


@pytest.mark.parametrize("producer", BOTH)
def test_a_chapter_title_alone_under_the_contents_opens_its_part(producer: str) -> None:
    """ "Sommaire :" in the chapters' size over its entries, then "2. Présentation de
    l'entreprise" alone at the page's foot, its text on the next page: the title is the
    company part's, on the contents page (it was the list's: the part opened two pages late,
    at "3. Présentation du service")."""
    name = f"titre-seul-au-pied-du-sommaire{producer}"
    company = section(name, "entreprise")
    assert (company.page, company.title) == (3, "2. Présentation de l'entreprise")


@pytest.mark.parametrize("producer", BOTH)
def test_a_list_of_acronyms_in_english_is_back_matter(producer: str) -> None:
    """ "Liste des acronymes" after "Conclusion générale", each acronym expanded in English,
    then a "Bibliographie": the report's back matter, no annex part (the list was read as
    the first English document: the annex part started there)."""
    layout = checked(f"acronymes-en-anglais-apres-la-conclusion{producer}").analysis.layout
    assert layout.annex_start is None and layout.last_body_page == layout.page_count
    assert classify(heading_key("Liste des acronymes")).wording == "liste des figures"


@pytest.mark.parametrize("producer", BOTH)
def test_the_general_conclusion_the_outline_lacks_closes_the_report(producer: str) -> None:
    """Three chapters each ending on a "Conclusion" section (bookmarked under the chapter),
    then "Conclusion générale", an unnumbered chapter without a bookmark, set like the
    chapters: the report's conclusion is the general one, not a chapter's own."""
    name = f"conclusions-de-chapitre-puis-generale-sans-signet{producer}"
    conclusion = section(name, "conclusion")
    assert (conclusion.page, conclusion.title) == (9, "Conclusion générale")


@pytest.mark.parametrize(
    "name",
    ["chapitre-repris-sous-son-intercalaire", "chapitre-repris-sous-son-intercalaire-libreoffice"],
)
def test_a_roman_number_restating_the_divider_makes_the_numbers_sections(name: str) -> None:
    """A divider page, then "I. Présentation du cadre de l'étude" (the same words) set like
    the "1." to "5." under it: the report's parts are the dividers, and the host's
    presentation starts where the chapter starts telling of it ("1. Présentation générale
    de LTC"), not at "5. Présentation de la structure d'accueil", four pages on."""
    assert top_titles(name)[1:4] == [
        "PRÉSENTATION DU CADRE DE L'ÉTUDE",
        "ANALYSE DE L'EXISTANT",
        "ÉTUDE CONCEPTUELLE",
    ]
    company = section(name, "entreprise")
    assert (company.title, company.page) == ("I. Présentation du cadre de l'étude", 4)
    assert not [f for f in checked(name).findings if f.rule in ("RL201", "RL202", "RL203")]


@pytest.mark.parametrize(
    "name",
    [
        "annexe-lettree-sous-un-en-tete-titre-et-chapitre",
        "annexe-lettree-sous-un-en-tete-titre-et-chapitre-libreoffice",
    ],
)
def test_a_header_of_the_title_and_the_chapter_is_furniture(name: str) -> None:
    """The header prints the report's title, then the chapter's ("Amélioration des
    workflows de développement   3. Réalisation"), the title alone where a chapter opens:
    furniture on every page, so "A. Déplacer des fichiers..." opens its page after "5.
    Conclusion" and starts the annex part; the body stops before it."""
    analysis = checked(name).analysis
    first_lines = {number: analysis.document.page(number).lines[0].text for number in (11, 12, 29)}
    assert all(t.startswith("Amélioration des workflows") for t in first_lines.values())
    assert all((n, 0) in analysis.furniture for n in first_lines)
    layout = analysis.layout
    assert (layout.annex_start, layout.body_pages) == (29, 28)
    assert section(name, "conclusion").page == 28


def test_a_bold_title_repeated_at_the_top_is_no_header() -> None:
    """A weekly journal's "Semaine du ..." at the top of each page, or any bold line, keeps
    its place: only lines set no larger than the text, opening on the same words with no
    number among them, are taken for a header's fixed part."""
    assert _lead("Amélioration des workflows de développement 3. Réalisation") == (
        "amelioration des workflows"
    )
    assert _lead("Semaine 2 du 9 au 13 juin") is None
    assert _lead("Rapport de") is None


@pytest.mark.parametrize("name", ["bilan-laisse-vide", "bilan-laisse-vide-latex"])
def test_a_closing_title_left_empty_is_no_conclusion(name: str) -> None:
    """ "Bilan" alone on its page, not a word under it, then the bibliography: the report
    has no conclusion, and RL203's error names the empty title and its page."""
    assert section(name, "conclusion") is None
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.ERROR
    assert re.search(r"« (Chapitre 4 )?Bilan »", finding.message)
    assert "n'a rien sous lui" in finding.message
    assert finding.page == checked(name).analysis.empty_closing.page


@pytest.mark.parametrize(
    "name",
    [
        "entreprise-dans-un-paragraphe-sans-retrait",
        "entreprise-dans-un-paragraphe-sans-retrait-latex",
    ],
)
def test_a_host_paragraph_told_apart_by_its_short_last_line(name: str) -> None:
    """Forced line breaks between the introduction's paragraphs, no indent, no space: the
    short last line of each (justified text) ends it, so the host's paragraph is read on
    its own and RL201 warns that the host has no part of its own, instead of saying that
    nothing describes it."""
    company = section(name, "entreprise")
    assert (company.title, company.within) == ("Introduction", "introduction-text")
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING


def test_ragged_text_has_no_right_edge() -> None:
    """Only justified pages tell a paragraph's end by a short line: where lines end anywhere
    (text aligned left), a short line is just a line."""

    def line(text: str, top: float, x1: float) -> tuple[int, TextLine]:
        return 3, TextLine(text, Box(72, top, x1, top + 12), 11, False, "Calibri")

    text = "Le réseau du site compte quarante postes et deux serveurs de fichiers."
    justified = [line(text, 100 + 14 * i, 520 if i % 4 else 380) for i in range(8)]
    ragged = [line(text, 100 + 14 * i, 420 + 17 * i) for i in range(8)]
    assert _right_edges(justified) == {3: 520}
    assert _right_edges(ragged) == {}


def test_two_host_paragraphs_in_the_middle_of_a_text_are_read_together() -> None:
    """The host named with what it is, then what it does, in two paragraphs after the
    subject's: the pair is one passage, though the run from the text's start is not. A pair
    whose first paragraph describes no organisation (the subject, a caption) is none."""
    from rapportlint.analysis.unnamed import third_person_passages

    subject = "Les courants de turbidité sont des écoulements gravitaires sous-marins."
    host = [
        "Ce stage a été réalisé avec le Laboratoire Saint-Venant. C'est un centre de recherche.",
        "Le laboratoire travaille sur l'eau en mouvement, les rivières et les barrages.",
    ]
    caption = "Figure 1 – Schéma d'un courant de turbidité qui descend une pente."
    passages = third_person_passages([subject, caption, *host])
    assert " ".join(host) in passages
    assert f"{caption} {host[0]}" not in passages


@pytest.mark.parametrize("name", ["conclusion-laissee-vide", "conclusion-laissee-vide-latex"])
def test_an_empty_conclusion_title_keeps_its_place_and_is_to_be_written(name: str) -> None:
    """ "Conclusion" alone on its page, then the bibliography: the part is there, unwritten.
    No error; RL203 warns that the title has nothing under it."""
    assert section(name, "conclusion").title == "Conclusion"
    (finding,) = findings(name, "RL203")
    assert finding.severity is Severity.WARNING
    assert "la conclusion reste à écrire" in finding.message


@pytest.mark.parametrize(
    "name", ["conclusion-revue-par-themes", "conclusion-revue-par-themes-latex"]
)
def test_the_conclusions_look_back_at_the_host_does_not_present_it(name: str) -> None:
    """A misspelt company chapter, then "2 Organisation du stage" and a conclusion whose
    sub-titles review "Entreprise" and "Travail réalisé": the company is the first chapter,
    found by what it says; neither the internship's schedule nor the conclusion's review."""
    company = section(name, "entreprise")
    assert "Présententation de l'entreprise" in company.title
    (finding,) = findings(name, "RL201")
    assert finding.severity is Severity.WARNING
    assert section(name, "conclusion").title == "Conclusion"
    assert "Organisation du stage" in section(name, "activites").title


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_single_lettered_appendix_after_the_closing_chapter_opens_the_annex_part(
    producer: str,
) -> None:
    """ "3 Missions réalisées", "Conclusion générale" and its "Perspectives", then "A Matrice
    de couverture" and its "A.1", no "B" and no back matter: the lone "A" after the report's
    closing chapter is its appendix (page 12), not the conclusion's continuation."""
    analysis = checked(f"annexe-a-seule-apres-la-conclusion{producer}").analysis
    assert (analysis.layout.annex_start, analysis.layout.last_body_page) == (12, 11)
    assert analysis.sections["conclusion"].page == 10


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_lettered_appendices_under_the_bibliographys_last_lines_open_the_annex_part(
    producer: str,
) -> None:
    """ "Références", then "A Code source du serveur" under its last lines on page 11, and
    "B Intégration de la bibliothèque" further on: the annex part starts at the bottom of
    page 11 (that page still counts in the body, as a shared page does)."""
    analysis = checked(f"annexes-sous-la-bibliographie{producer}").analysis
    assert (analysis.layout.annex_start, analysis.layout.last_body_page) == (11, 11)
    assert analysis.sections["conclusion"].page == 10


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_part_title_presenting_the_host_under_the_introduction_opens_the_company(
    producer: str,
) -> None:
    """ "PREMIÈRE PARTIE : PRÉSENTATION GÉNÉRALE DE LA BOULANGERIE MARTIN" under the
    introduction's last lines on page 4, set larger than "CHAPITRE I : LA STRUCTURE
    D'ACCUEIL" which opens page 5: the company part starts at the part's title."""
    company = section(f"partie-presentant-l-hote-sous-l-introduction{producer}", "entreprise")
    assert company.page == 4
    assert company.title.startswith("PREMIÈRE PARTIE : PRÉSENTATION GÉNÉRALE")


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_a_contents_list_drawn_with_a_shadow_is_read_once(producer: str) -> None:
    """Canva's shadow draws each entry of the contents list twice, 2.5 points apart, titles
    and page numbers in boxes of their own: read once, page 3 is the contents list, and the
    company part is its chapter on page 5, not the list's entry."""
    analysis = checked(f"sommaire-en-ombre{producer}").analysis
    roles = {r.page: r.role for r in analysis.roles}
    assert roles[3] == "contents"
    assert analysis.layout.intro_page == 4
    assert analysis.sections["entreprise"].page == 5


RULE_OF_PART = {"entreprise": "RL201", "activites": "RL202", "conclusion": "RL203"}


def _named_by_its_title(name: str, key: str, page: int) -> None:
    """The part starts on ``page``, decided by its title, and its rule says nothing (it
    warned that the part, found by its text, had no title of its own)."""
    part = section(name, key)
    assert part.page == page and "title" in part.decided_by
    assert findings(name, RULE_OF_PART[key]) == []


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_a_research_host_named_by_what_it_is_titles_the_company_part(producer: str) -> None:
    """ "1. Le laboratoire de recherche Lumiotec" names the host as "Le laboratoire" does:
    the company part is that chapter, decided by its title, and RL201 says nothing (it
    warned that the title did not say so, the part found by its text)."""
    _named_by_its_title(f"laboratoire-de-recherche-par-son-nom{producer}", "entreprise", 5)


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_chapter_naming_its_subject_then_its_missions_opens_the_activities(
    producer: str,
) -> None:
    """ "2. Exploration des données : missions abordées" under the company part's last lines
    on page 6, "2.2 Missions principales" on page 7: the activities start at the chapter,
    whose title says after its colon what it holds; the company part stays on page 5."""
    name = f"chapitre-sujet-puis-missions{producer}"
    assert section(name, "activites").page == 6
    assert section(name, "entreprise").page == 5


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_closing_part_named_after_the_project_and_a_dash_is_the_conclusion(
    producer: str,
) -> None:
    """ "LE PROJET - EN CONCLUSION" on the last page: the project's name, a dash, then the
    part's; the conclusion is that title, and RL203 says nothing (it warned that the
    conclusion, found by its text, had no title of its own)."""
    _named_by_its_title(f"projet-tiret-en-conclusion{producer}", "conclusion", 10)


@pytest.mark.parametrize("producer", ["", "-latex"])
def test_a_federation_then_its_local_branch_opens_the_company_at_the_first(
    producer: str,
) -> None:
    """ "a) La fédération de l'Union Lumiotec" on page 5 (no wording names it), then "b) La
    fédération départementale Lumiotec Nord" on page 6, which names the host: the title just
    before it, at its level, names the same organisation, so the company part starts at
    "a)"."""
    company = section(f"federation-puis-son-antenne{producer}", "entreprise")
    assert company.page == 5
    assert "La fédération de l" in company.title


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_the_setting_presented_three_levels_down_after_the_school_is_the_company(
    producer: str,
) -> None:
    """ "1.1 Présentations" > "1.1.1 Brève présentation de l'école" (page 5), then "1.1.2
    Présentation du cadre de stage" (page 6): the company part is that deep title; "2.1.3
    Sass", a tool of the work part, is no "SAS"."""
    company = section(f"cadre-de-stage-sous-la-presentation-de-l-ecole{producer}", "entreprise")
    assert (company.page, company.title) == (6, "1.1.2 Présentation du cadre de stage")


@pytest.mark.parametrize("producer", ["", "-libreoffice"])
def test_a_projects_technical_introduction_opens_the_activities(producer: str) -> None:
    """ "3. Introduction technique du projet" after the company part, "3.2 Ma mission" on
    its second page: the project's own introduction is not the report's, and the activities
    start at it (page 7), not at its section."""
    activities = section(f"introduction-technique-du-projet{producer}", "activites")
    assert (activities.page, activities.title) == (7, "3. Introduction technique du projet")
