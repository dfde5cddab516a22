"""Reading the cover: candidate, company, tutor and dates, labelled or not, on page 1 or 2.

The committed fixtures have the unlabelled cover of the generated reports and an image-only cover;
the labelled layouts students also use are drawn here with fpdf2 into real PDFs, one per case.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from fpdf import FPDF

from conftest import PDF, fixture_path
from rapportlint.analysis.cover import CoverFacts, read_cover
from rapportlint.model import LoadError, load_document

Row = str | tuple[str, str]  # a line, or a label cell and a value cell on the same row
Cover = list[Row] | None  # None: a page with a drawing and no text, as a picture-only cover

D = datetime.date


def make_pdf(path: Path, *pages: Cover) -> Path:
    """A real PDF with one page per argument; the first row is the title, in large bold type.

    The value cells of (label, value) rows are drawn last, as a table filled column by column: the
    text layer then gives them after every label, out of reading order.
    """
    pdf = FPDF(format="A4")
    for rows in pages:
        pdf.add_page()
        if rows is None:
            pdf.set_fill_color(30, 60, 120)
            pdf.rect(0, 0, 210, 297, style="F")
            continue
        pdf.set_font("Helvetica", style="B", size=26)
        pdf.set_y(70)
        cells: list[tuple[float, str]] = []
        for number, row in enumerate(rows):
            if number == 1:
                pdf.set_font("Helvetica", size=14)
            if isinstance(row, tuple):
                cells.append((pdf.get_y(), row[1]))
                row = row[0]
            pdf.cell(h=12, text=row, new_x="LMARGIN", new_y="NEXT")
        for top, value in cells:
            pdf.set_xy(110, top)
            pdf.cell(h=12, text=value)
    pdf.output(str(path))
    return path


def cover_of(tmp_path: Path, *pages: Cover) -> CoverFacts:
    return read_cover(load_document(make_pdf(tmp_path / "cover.pdf", *pages)))


def test_unlabelled_cover_of_the_generated_report() -> None:
    facts = read_cover(load_document(fixture_path("conforme-word")))
    assert facts == CoverFacts(
        candidate="Camille Martin",
        company="Réseaux Atlantique SAS",
        tutor=None,
        start=D(2027, 1, 6),
        end=D(2027, 2, 28),
        page=1,
    )
    assert facts.weeks == 7.7  # 54 days, both ends counted


@pytest.mark.parametrize("name", ["canva-titres-coupes", "scanne"])
def test_cover_without_text_and_no_facts_on_page_2_gives_nothing(name: str) -> None:
    facts = read_cover(load_document(fixture_path(name)))
    assert facts == CoverFacts(None, None, None, None, None, None)
    assert facts.weeks is None


LABELLED: dict[str, tuple[list[Row], CoverFacts]] = {
    "colons-and-referent-teacher": (
        [
            "Rapport de stage",
            "Nom : Léa DUPONT",
            "Entreprise d'accueil : Mairie de Rezé",
            "Tuteur en entreprise : M. Paul Girard",
            "Professeur référent : Mme Roux",
            "Période : du 02/06/2026 au 11/07/2026",
        ],
        CoverFacts(
            "Léa DUPONT", "Mairie de Rezé", "M. Paul Girard", D(2026, 6, 2), D(2026, 7, 11), 1
        ),
    ),
    "labels-alone-on-their-line": (
        [
            "RAPPORT DE STAGE",
            "Étudiant(e) :",
            "Hugo Lefèvre",
            "Structure d'accueil",
            "Groupe Hospitalier Sud",
            "Maître de stage :",
            "Mme Sophie Bernard",
            "Stage effectué du 2 au 27 juin 2026",
        ],
        CoverFacts(
            "Hugo Lefèvre",
            "Groupe Hospitalier Sud",
            "Mme Sophie Bernard",
            D(2026, 6, 2),
            D(2026, 6, 27),
            1,
        ),
    ),
    "dashes-no-accents-first-of-month-across-new-year": (
        [
            "Rapport de stage BTS CIEL",
            "Realise par - Yanis Benali",
            "Societe - Atelier Numerique SARL",
            "Responsable de stage - Karim Haddad",
            "Du 1er decembre au 15 fevrier 2027",
        ],
        CoverFacts(
            "Yanis Benali",
            "Atelier Numerique SARL",
            "Karim Haddad",
            D(2026, 12, 1),
            D(2027, 2, 15),
            1,
        ),
    ),
    "no-separator-address-role-and-pedagogical-tutor": (
        [
            "Rapport de stage",
            "Présenté par Inès Moreau",
            "Lieu de stage : Clinique Saint-Joseph, 12 rue des Lilas, 44000 Nantes",
            "Tuteur pédagogique : M. Leroy",
            "Encadrant : Thomas Petit (technicien réseau)",
            "Du lundi 6 janvier 2027 au vendredi 28 février 2027",
        ],
        CoverFacts(
            "Inès Moreau", "Clinique Saint-Joseph", "Thomas Petit", D(2027, 1, 6), D(2027, 2, 28), 1
        ),
    ),
    "surname-and-first-name-on-one-line-period-with-dash": (
        [
            "Rapport de stage",
            "Nom : GARNIER    Prénom : Noah",
            "Organisme : Communauté de communes Erdre et Gesvres",
            "Tutrice : Mme Claire Morel, responsable informatique",
            "Période : 6 janvier 2027 - 28 février 2027",
        ],
        CoverFacts(
            "Noah GARNIER",
            "Communauté de communes Erdre et Gesvres",
            "Mme Claire Morel",
            D(2027, 1, 6),
            D(2027, 2, 28),
            1,
        ),
    ),
    "candidate-society-and-aout-without-accent": (
        [
            "Rapport de stage",
            "Candidat : Adam Perrin",
            "Société : Ouest Fibre",
            "Tuteur : Julie Caron",
            "Du 3 juin au 9 aout 2026",
        ],
        CoverFacts("Adam Perrin", "Ouest Fibre", "Julie Caron", D(2026, 6, 3), D(2026, 8, 9), 1),
    ),
    "two-column-table": (
        [
            "Rapport de stage",
            ("Nom et prénom :", "Clara Fontaine"),
            ("Entreprise :", "Fibre 44"),
            ("Tuteur :", "M. Marc Dubois"),
            ("Dates :", "06/01/2027 - 28/02/2027"),
        ],
        CoverFacts(
            "Clara Fontaine", "Fibre 44", "M. Marc Dubois", D(2027, 1, 6), D(2027, 2, 28), 1
        ),
    ),
    "par-and-chez-without-labels": (
        [
            "Rapport de stage",
            "BTS CIEL option IR - Session 2027",
            "Par Mathis Roux",
            "Stage effectué chez Ouest Réseaux du 6/01 au 28/02/2027",
        ],
        CoverFacts("Mathis Roux", "Ouest Réseaux", None, D(2027, 1, 6), D(2027, 2, 28), 1),
    ),
    "au-sein-de-and-name-after-title": (
        [
            "Rapport de stage",
            "Lycée Livet - Académie de Nantes",
            "Jeanne LE GALL",
            "Stage réalisé au sein de l'entreprise Armor Telecom",
            "du 2 juin 2026 au 11 juillet 2026",
        ],
        CoverFacts("Jeanne LE GALL", "Armor Telecom", None, D(2026, 6, 2), D(2026, 7, 11), 1),
    ),
    "first-name-and-surname-apart-named-company-and-tutor": (
        [
            "Rapport de stage",
            "Prénom : Camille",
            "Nom : MARTIN",
            "Nom de l'entreprise : Fibre Ouest",
            "Nom du tuteur : Paul Girard",
            "Professeur référent :",
            "Mme Roux",
            "Du 6 janv. au 28 févr. 2027",
        ],
        CoverFacts(
            "Camille MARTIN", "Fibre Ouest", "Paul Girard", D(2027, 1, 6), D(2027, 2, 28), 1
        ),
    ),
    "company-whose-name-starts-with-a-label-word": (
        ["Rapport de stage", "Camille Martin", "Société Générale", "Du 06/01 au 28/02/2027"],
        CoverFacts("Camille Martin", "Société Générale", None, D(2027, 1, 6), D(2027, 2, 28), 1),
    ),
    "form-with-section-headers": (
        [
            "Rapport de stage",
            "ÉTUDIANT",
            "Nom : DUPONT",
            "Prénom : Léa",
            "ENTREPRISE",
            "Nom : Mairie de Rezé",
            "Adresse : 1 place Jean-Baptiste Daviais, 44400 Rezé",
            "TUTEUR EN ENTREPRISE",
            "Nom : GIRARD",
            "Prénom : Paul",
            "PROFESSEUR RÉFÉRENT",
            "Nom : ROUX",
            "Du 02/06/2026 au 11/07/2026",
        ],
        CoverFacts("Léa DUPONT", "Mairie de Rezé", "Paul GIRARD", D(2026, 6, 2), D(2026, 7, 11), 1),
    ),
}


@pytest.mark.parametrize(("rows", "expected"), LABELLED.values(), ids=LABELLED.keys())
def test_labelled_and_unlabelled_covers(
    tmp_path: Path, rows: list[Row], expected: CoverFacts
) -> None:
    assert cover_of(tmp_path, rows) == expected


@pytest.mark.parametrize(
    ("dates", "weeks"),
    [
        ("Du 6 janvier au 28 février 2027", 7.7),
        ("du 02/06/2026 au 11/07/2026", 5.7),
        ("Stage effectué du 2 au 27 juin 2026", 3.7),
        ("Du 1er décembre 2026 au 15 février 2027", 11.0),
        ("Du 3 juin au 9 août 2026", 9.7),
    ],
)
def test_weeks_count_both_ends(tmp_path: Path, dates: str, weeks: float) -> None:
    rows: list[Row] = ["Rapport de stage", "Camille Martin", dates]
    assert cover_of(tmp_path, rows).weeks == weeks


def test_reversed_dates_are_kept_but_give_no_length(tmp_path: Path) -> None:
    facts = cover_of(
        tmp_path, ["Rapport de stage", "Camille Martin", "Du 28 février 2027 au 6 janvier 2027"]
    )
    assert (facts.start, facts.end, facts.weeks) == (D(2027, 2, 28), D(2027, 1, 6), None)


def test_lone_session_year_and_referent_teacher_give_no_date_nor_tutor(tmp_path: Path) -> None:
    facts = cover_of(
        tmp_path,
        [
            "Rapport de stage",
            "BTS CIEL - Session 2027",
            "Camille Martin",
            "Professeur référent : Mme Roux",
        ],
    )
    assert facts == CoverFacts("Camille Martin", None, None, None, None, 1)
    assert facts.weeks is None


def test_picture_cover_moves_the_facts_to_page_2(tmp_path: Path) -> None:
    facts = cover_of(
        tmp_path,
        None,
        [
            "Rapport de stage",
            "Nom : Léa DUPONT",
            "Entreprise : Mairie de Rezé",
            "Du 2 au 27 juin 2026",
        ],
    )
    assert facts == CoverFacts(
        "Léa DUPONT", "Mairie de Rezé", None, D(2026, 6, 2), D(2026, 6, 27), 2
    )


def test_page_3_is_never_taken_for_the_cover(tmp_path: Path) -> None:
    facts = cover_of(tmp_path, None, None, ["Rapport de stage", "Nom : Léa DUPONT"])
    assert facts == CoverFacts(None, None, None, None, None, None)


def test_every_readable_fixture_is_read_without_raising() -> None:
    for path in sorted(PDF.glob("*.pdf")):
        try:
            document = load_document(path)
        except LoadError:
            continue
        facts = read_cover(document)
        assert facts.page in (None, 1, 2), path.name
