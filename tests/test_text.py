"""Heading normalisation and the wording vocabulary."""

from __future__ import annotations

import pytest

from rapportlint.analysis.headings import _part_number, chapter_label, numbering_kind
from rapportlint.analysis.text import composed, fold, fold_with_map, heading_key, numbering_depth
from rapportlint.analysis.vocabulary import classify


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I. Présentation de l’entreprise", "entreprise"),
        ("1. Présentation de la société", "entreprise"),
        ("Partie 1 : L'entreprise d'accueil", "entreprise"),
        ("Chapitre 1 - Présentation de la structure d’accueil", "entreprise"),
        ("Contexte du stage", "entreprise"),
        ("2.  Mes missions", "activites"),
        ("Partie 2 : Activités réalisées", "activites"),
        ("II. Travaux eectués", "activites"),  # a lost "ff" ligature
        ("Travaux e ectués", "activites"),
        ("Tâches réalisées", "activites"),
        ("Déroulement du stage", "activites"),
        ("Mission 1 : configuration du pare-feu", "activites"),
        ("Conclusion générale", "conclusion"),
        ("III - Bilan du stage", "conclusion"),
        ("Retour d’expérience", "conclusion"),
        ("Introduc on", "introduction"),  # a lost "ti" ligature
        ("Annexes", "annexes"),
        ("Annexe A", "annexes"),
        ("TABLES DES ANNEXES :", "annexes"),  # the list of annexes opens the part (plural slip)
        ("Sommaire des annexes", "annexes"),
        ("Les missions qui m'ont été confiées", "activites"),
        ("Mission n°1 : supervision", "activites"),
        ("Mes activités durant le stage", "activites"),
        ("Description des tâches", "activites"),
        ("L'entreprise et son environnement", "entreprise"),
        ("Présentation du service informatique", "entreprise"),
        ("En conclusion", "conclusion"),
        ("Bilan et perspectives", "conclusion"),
        ("Conclusion et perspectives", "conclusion"),
        ("Table des matières", "front"),
        ("Glossaire", "back"),
        ("II.\u200bPrésentation de l'entreprise", "entreprise"),  # Google Docs' zero-width space
        ("La structure d'accueil", "entreprise"),
        ("Structure d'accueil", "entreprise"),
        ("Le groupe Renault", "entreprise"),
        ("III.\u200bDESCRIPTION ET ANALYSE DE LA MISSION", "activites"),  # a BTS SIO template
        ("Chapitre 2 Présentation de mon activité", "activites"),
        ("Summary", "front"),  # the English summary ending a report
        ("Références / Bibliographie", "back"),
        ("03. À propos de la société", "entreprise"),  # a website's "About"
        ("Conclus ion", "conclusion"),  # wide tracking: a space inside the word
        ("5 Introduct ion", "introduction"),
        ("Chapitre 3 Descriptions des missions", "activites"),
        ("Présentation", "entreprise"),  # a slide's title, weak: the text must confirm it
        ("1.3 Présentation général de l'entreprise", "entreprise"),  # a frequent slip
        ("I Présentation de l'entreprise et du projet", "entreprise"),  # LaTeX's part number
        ("IV Conclusion", "conclusion"),
        ("Qui sont-ils ?", "entreprise"),
        ("2.2 Présentation du travail réalisé", "activites"),
        ("Bibliography", "back"),  # LaTeX's English default
        ("IV. Présentation du modèle réalisé", "activites"),  # what the student made
        ("Description de l'application développée", "activites"),
        ("4 L’objet de ce stage et les différentes missions effectuées", "activites"),
        ("6 Résumé du travail effectué", "activites"),
        ("Observation et description du travail :", "activites"),
        ("4 Mon travail sur le Shaker Data", "activites"),
        ("E. Remerciements et conclusion", "conclusion"),  # not the front matter's thanks
        ("V. Résultats et bilan de l'alternance", "conclusion"),
        ("Conclusion sur le travail réalisé", "conclusion"),  # not the work: its end
        ("Bilan des missions réalisées", "conclusion"),
        ("V. Ouverture", "conclusion"),  # the end of a French essay
        ("R´ef´erences", "back"),  # old LaTeX fonts, the accent on the second letter
        ("II. Activité du stagiaire", "activites"),  # a BUT report's own work
        ("3. Activités de la stagiaire", "activites"),
        ("IV - CONTENU DU STAGE", "activites"),  # what the internship was made of
        ("L’histoire de l’entreprise", "entreprise"),  # the host by its history
        ("4. Présentation des Ministères", "entreprise"),  # a ministry's services, plural
        ("Présentation du ministère", "entreprise"),
    ],
)
def test_wordings_are_recognised(text: str, key: str) -> None:
    match = classify(heading_key(text))
    assert match is not None and match.key == key


@pytest.mark.parametrize(
    "text",
    [
        "Les activités de l'entreprise",  # company content, not the student's activities
        "Les missions de l'entreprise",
        "Le réseau de l'entreprise",
        "Présentation du projet",
        "Un réseau en étoile",
        "4.3 Mon intégration et les missions confiées",  # given, not yet done: a company section
    ],
)
def test_other_headings_are_not_main_parts(text: str) -> None:
    match = classify(heading_key(text))
    assert match is None or (match.key in ("entreprise",) and not match.strong)


@pytest.mark.parametrize(
    "text",
    [
        "2.\u200bStructure et types de fibre optique",  # a host word in its technical sense
        "Groupes et permissions",
        "Les groupes et permissions",  # a host is one "groupe": the plural is technical
        "Administration réseau",
        "4. Une organisation simple pour une petite équipe",  # how the work is organised
        "L'organisation du travail",
        "2 Organisation du stage",  # how the internship ran, not the host
        "L'organisation de stage",
    ],
)
def test_technical_senses_of_host_words_name_no_part(text: str) -> None:
    assert classify(heading_key(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "La structure d'accueil",
        "Le groupe",
        "L'organisation d'accueil",
        "Présentation de l'organisation d'accueil",
        "1.1 Enterprise: CNAM",  # a school template's English titles over French text
        "Presentation of the company",
        "1-1. Description d’organisme d’accueil :",  # "description" says "présentation"
        "Description de l'entreprise",
        "Chapitre 1 Le laboratoire de recherche CERFACS",  # a research host says what it is
        "Unité de recherche : le LIRMM",
        "1.1.2 Présentation du cadre de stage",  # the setting, presented
    ],
)
def test_host_words_with_an_article_or_a_host_qualifier_name_the_company(text: str) -> None:
    match = classify(heading_key(text))
    assert match is not None and match.key == "entreprise"


def test_an_accent_set_as_a_glyph_of_its_own_is_dropped_an_apostrophe_is_kept() -> None:
    """Old LaTeX fonts: "Pr´esentation"; students' keyboards: "l´entreprise", "jusqu´à"."""
    assert fold("1 Pr´esentation de l’organisme") == "1 presentation de l'organisme"
    assert fold("l´entreprise") == "l'entreprise" and fold("jusqu´à") == "jusqu'a"
    # After a word's first letter: an accent, unless an elision ends on that letter.
    assert fold("R´ef´erences") == "references" and fold("d´une") == "d'une"
    # Opening a word, and the grave accent set the same way.
    assert fold("´evolutions") == "evolutions" and fold("financi`eres `a") == "financieres a"
    assert fold_with_map("gr`ace `a")[0] == "grace a"
    text = "Mat´eriels et m´ethodes"
    folded, origin = fold_with_map(text)
    assert folded == fold(text) and len(origin) == len(folded)


def test_a_word_broken_at_a_line_end_is_one_word_again() -> None:
    """The loader ends a line with a soft hyphen where LaTeX broke a word: folded and shown,
    the word is whole; a soft hyphen inside a line's text (Google Docs) is dropped as before."""
    text = "J’ai installé et confi\u00ad\nguré les ser\u00ad veurs"
    assert fold(text) == "j'ai installe et configure les serveurs"
    assert fold_with_map(text)[0] == fold(text)
    assert composed("orga\u00ad nisme") == "organisme"
    assert fold("Présen\u00adtation") == "presentation"


@pytest.mark.parametrize(
    "text",
    [
        "Présentation de l’entreprise : fondée en 2019",
        "nominal \uf02d L’utilisateur clique",  # a lost glyph standing alone between spaces
        "Pr´esentation\u200b  de \u00a0l´entreprise ",
        "ﬁchier\ufffdtexte \u02dc fin\u00ad",  # a ligature, a replacement glyph, a tilde
        "  \u200b  ",
        "İstanbul – Œuvre",  # letters whose folded form is longer than they are
        "Présentatiоn de l’оrganisme",  # Cyrillic "о" in place of the Latin letter (Canva)
        "le serveur est configu\u00ad\nré par l’orga\u00ad nisme",  # words LaTeX broke
    ],
)
def test_fold_with_map_is_fold_and_points_at_the_characters_written(text: str) -> None:
    folded, origin = fold_with_map(text)
    assert folded == fold(text) and len(origin) == len(folded)
    assert origin == sorted(origin)
    for char, index in zip(folded, origin, strict=True):
        if char != " ":
            assert char in fold(text[index])


@pytest.mark.parametrize(
    ("text", "key", "rank"),
    [
        ("1.1 SELECT ASSUR 66 et ses missions", "entreprise", 0),  # a name and what it does
        ("Les conséquences de ce stage", "conclusion", 1),  # what the placement brought
        ("3 Test et Conclusion", "conclusion", 1),  # a results chapter closing the report
        ("Ressenti de l'expérience", "conclusion", 1),
        ("Prise de recul et analyse de l'expérience", "conclusion", 1),
        # A host by a name the vocabulary does not know; "boulangerie" holds "oul", which
        # "outil" (a thing presented, not a host) reads as with its "ti" ligature lost.
        ("Présentation de la boulangerie Martin", "entreprise", 0),
    ],
)
def test_weak_wordings_name_a_part_at_their_rank(text: str, key: str, rank: int) -> None:
    match = classify(heading_key(text))
    assert match is not None and (match.key, match.rank) == (key, rank)


@pytest.mark.parametrize("text", ["Le projet et ses missions", "Ressenti des utilisateurs"])
def test_a_project_and_its_missions_or_users_feelings_name_no_host_nor_ending(text: str) -> None:
    match = classify(heading_key(text))
    assert match is None or match.key not in ("entreprise", "conclusion")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("2. Data exploration : missions abordées", "activites"),  # a subject, then the part
        ("Mon stage : les missions", "activites"),
        ("Sprint 1 : Réalisation", "activites"),
        ("LE PROJET - EN CONCLUSION", "conclusion"),  # the subject's hint gives way to the part
        ("Mes projets d'étude – Conclusion", "conclusion"),
    ],
)
def test_a_short_subject_before_a_colon_leaves_the_part_to_its_name(text: str, key: str) -> None:
    match = classify(heading_key(text))
    assert match is not None and match.key == key


@pytest.mark.parametrize(
    "text",
    [
        "Le laboratoire de physique",  # no research host's own words
        "Le laboratoire de recherche est composé de trois équipes",  # a sentence about it
        "Phase 1 : analyse des besoins du client",
        "Le projet – Sommaire",  # a project's own contents list, no part
        "3.1.2.2.4 Sass",  # the style-sheet language: a legal form has no plural
        "7. Introduction technique du projet",  # the project's opening, not the report's
    ],
)
def test_no_research_host_nor_part_after_a_colon_where_none_is_named(text: str) -> None:
    match = classify(heading_key(text))
    assert match is None or not match.strong


def test_cyrillic_letters_drawn_like_latin_ones_match_wordings() -> None:
    """Canva wrote most "o" of a report as the Cyrillic "о": its titles still say what they
    are."""
    assert fold("Présentatiоn de l’entreprise") == "presentation de l'entreprise"
    match = classify(heading_key("1.1 Présentatiоn de l’entreprise"))
    assert match is not None and match.key == "entreprise"
    assert classify(heading_key("Cоnclusiоn générale")).key == "conclusion"


def test_fold_removes_accents_case_and_ligature_glyphs() -> None:
    assert fold("  Présentation   de l’Entreprise ") == "presentation de l'entreprise"
    assert fold("ﬁchier") == "fichier"
    assert fold("Présen\u00adtation") == "presentation"  # a soft hyphen is nothing


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("1. Intro", 1),
        ("1.2 Historique", 2),
        ("1.2.3 Détail", 3),
        ("IV. Bilan", 1),
        ("Partie 2 : X", 1),
        ("Historique", None),
    ],
)
def test_numbering_depth(text: str, depth: int | None) -> None:
    assert numbering_depth(text) == depth


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A- Présentation de l'entreprise", 2),
        ("B – Le secteur d'activité", 2),
        ("C. Développement et tests", 2),
        ("C- L'entreprise aujourd'hui", 2),
        ("II- Les travaux effectués", 1),
        ("XIV. Annexes techniques", 1),
        ("E-commerce et réseaux sociaux", None),
        ("A-propos du stage", None),
        ("L- Logistique", None),
    ],
)
def test_letters_and_roman_numbers_as_students_number_sections(text: str, kind: int | None) -> None:
    """A capital and a dash number a section ("A- ", "B – "), and a lone "C" or "L" is a
    letter, never part 100 or 50; a word that opens on a capital and a hyphen is no number."""
    numbering = numbering_kind(text)
    assert (numbering[0] if numbering else None) == kind


def test_a_frequent_slip_in_a_parts_name_still_names_it() -> None:
    """ "Contenue du stage" (for "Contenu"), as "acceuil" for "accueil": the course of the
    placement, named outright."""
    match = classify(heading_key("Contenue du stage :"))
    assert match is not None and (match.key, match.rank) == ("activites", 2)


@pytest.mark.parametrize(
    ("text", "kind", "number", "key"),
    [
        ("Chapitre2 : Planification et analyse", 0, 2, "planification et analyse"),
        ("Chapitre 4 : Internet des objets", 0, 4, "internet des objets"),
        ("Deuxième partie : le développement", 0, None, "le developpement"),
        ("1) Partie électrique", 3, 1, "partie electrique"),
        ("Chapitres techniques", None, None, "chapitres techniques"),
    ],
)
def test_chapter_numbers_students_write(
    text: str, kind: int | None, number: int | None, key: str
) -> None:
    """ "Chapitre2" without its space is the second chapter; "1) Partie électrique" is the
    first item of a list that speaks of a part, not "Partie 1"."""
    numbering = numbering_kind(text)
    assert (numbering[0] if numbering else None) == kind
    assert _part_number(text) == number
    assert heading_key(text) == key


def test_a_part_name_alone_under_a_blank_is_a_heading_even_set_like_the_text() -> None:
    """ "Conclusion" in 12 pt regular like the text, a blank line above and none below (a
    two-page LibreOffice report without contents): the part's name. The same word inside a
    paragraph's flow, or a sentence, is not."""
    from rapportlint.analysis.headings import BodyStyle, _cue
    from rapportlint.model.document import Box, TextLine

    style = BodyStyle(size=12.0, bold=False, line_step=13.5)

    def line(text: str) -> TextLine:
        return TextLine(text=text, box=Box(57, 692, 120, 704), size=12.0, bold=False, font="Arial")

    assert _cue(line("Conclusion"), style, gap_before=28, gap_after=14) == "alone"
    assert _cue(line("Conclusion"), style, gap_before=14, gap_after=14) is None
    assert _cue(line("Conclusion de ce que j'ai vu cette semaine."), style, 28, 14) is None
    assert _cue(line("Ordinateurs"), style, gap_before=28, gap_after=14) is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("A N N E X E", "annexes"),  # Canva's letter-spaced titles
        ("M E S  M I S S I O N S", "activites"),  # words two spaces apart
        ("C O N C L U S I O N", "conclusion"),
        ("6. C O N C L U S I O N", "conclusion"),  # the number typed apart from the letters
        ("II - A N N E X E S", "annexes"),
    ],
)
def test_letter_spaced_titles_are_read_as_words(text: str, key: str) -> None:
    match = classify(heading_key(text))
    assert match is not None and match.key == key


def test_short_letter_runs_are_left_alone() -> None:
    assert heading_key("A B") == "a b"
    assert heading_key("I N") == "i n"  # no roman number without its sign


@pytest.mark.parametrize(
    ("text", "label"),
    [("Chapitre 2", True), ("Partie I", True), ("4", True), ("A", True), ("Annexe 1", False)],
)
def test_a_chapter_label_is_only_a_number_or_a_letter_over_the_title(
    text: str, label: bool
) -> None:
    """LaTeX sets "4" or "A" (an appendix) alone above the chapter's title: the title still
    opens its page."""
    assert chapter_label(text) is label


@pytest.mark.parametrize(
    "text",
    [
        "Présentation de l’entreprise : fondée en 2019",
        "etc… Marque™ et ﬁchier",  # folded longer than written
        "a\u200bb x \u200b y \ufeffdébut",  # zero-width inside a word, alone, first
        "x \ufffdab a\uf02db ab\ufffd c a\ufffd\ufffdb \ufffd fin\ufffd",  # lost glyphs
        "Œuvre İstanbul прoжект",  # longer, and Cyrillic letters drawn like Latin ones
        "mot\u00a0insécable\u2003cadratin\u3000idéographique\n\tfin  ",
        "a \u02dcb c\u02dc d",  # a tilde folding to a blank: a word at a time keeps it
        "Pr´esentation et gr`ace",  # accents set as glyphs: a word at a time
        "",
        "   ",
    ],
)
def test_folding_a_whole_text_at_once_is_folding_it_a_word_at_a_time(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Most texts are folded at once in C; the result must be the word-at-a-time one."""
    from rapportlint.analysis import text as module

    at_once = module._fold_with_map_at_once(text)
    monkeypatch.setattr(module, "_fold_with_map_at_once", lambda _: None)
    word_by_word = fold_with_map(text)
    if at_once is not None:
        assert at_once == (word_by_word[0], list(word_by_word[1]))
    else:
        assert "´" in text or "`" in text or "\u02dc" in text


def test_the_blanks_folding_splits_on_are_python_s_own() -> None:
    from rapportlint.analysis.text import _WHITESPACE

    beyond_ascii = [code for code in range(0x80, 0x110000) if chr(code).isspace()]
    assert list(_WHITESPACE) == beyond_ascii


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I- L ’établissement", "l'etablissement"),
        ("Présentation de l 'entreprise", "presentation de l'entreprise"),
        ("Qu ’est-ce que le SIEM ?", "qu'est-ce que le siem ?"),
        ("Plan A 'bis'", "plan a 'bis'"),
    ],
)
def test_an_elision_exported_apart_is_joined(text: str, key: str) -> None:
    """Justified text exported with a space before an elision's apostrophe ("L ’établissement")
    reads as the word it is; an apostrophe after any other letter is left alone."""
    assert heading_key(text) == key


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("PrÃ©sentation d'Alter Solutions", "Présentation d'Alter Solutions"),  # é: C3 A9
        ("DÃ©tail du sujet de stage", "Détail du sujet de stage"),
        ("lâ•Žentreprise", "l’entreprise"),  # ’: E2 80 99, 0x80 and 0x99 in PDFDocEncoding
        ("Missions rÃ©alisÃ©es", "Missions réalisées"),
        ("Présentation de l'entreprise", "Présentation de l'entreprise"),  # Latin-1: kept
        ("Ã bientôt", "Ã bientôt"),  # C3 20: no UTF-8 that way, kept
        ("Conclusion", "Conclusion"),
    ],
)
def test_utf8_bytes_read_as_pdfdoc_encoding_are_mended(read: str, meant: str) -> None:
    """A bookmark written as UTF-8 bytes where the PDF expects PDFDocEncoding reads back as
    "PrÃ©sentation": turned into its bytes and read as UTF-8 it is the title the student
    typed; a string that is not UTF-8 that way is kept as it is."""
    from rapportlint.model.glyphs import mend_utf8_read_as_pdfdoc

    assert mend_utf8_read_as_pdfdoc(read) == meant


def test_bookmarks_written_in_utf8_bytes_read_as_typed() -> None:
    """The compliant report whose bookmark titles are UTF-8 bytes in one-byte strings
    (LuaLaTeX's hyperref without unicode): the outline and the parts read as typed."""
    from conftest import checked

    analysis = checked("signets-utf8-lus-en-pdfdoc").analysis
    titles = [entry.title for entry in analysis.document.outline]
    assert "1. Présentation de l'entreprise" in titles and "2. Missions réalisées" in titles
    assert not any("Ã" in title for title in titles)
    assert analysis.sections["entreprise"].title == "1. Présentation de l'entreprise"


@pytest.mark.parametrize(
    ("line", "entry"),
    [
        ("3. Conclusion ………………………… 14\u200b", ("3. Conclusion", "14")),  # Google Docs
        ("3. Présentation de l’entreprise ……………… 4 - 5", ("3. Présentation de l’entreprise", "4")),
        ("• Journal de bord (pages 4 à 10)", ("• Journal de bord", "4")),
        ("• Ce que j’ai pensé du stage (page 10)", ("• Ce que j’ai pensé du stage", "10")),
        ("Mission 2", ("Mission 2", None)),
    ],
)
def test_contents_lines_give_their_title_and_first_page(line: str, entry: tuple) -> None:
    """Leaders of "…" characters, a page range, a zero-width space after the number (Google
    Docs), the pages said in words: the title and the first printed page."""
    from rapportlint.analysis.toc import split_entry

    assert split_entry(line, False) == entry


def test_a_title_opened_by_an_emoji_is_read_without_it() -> None:
    """ "🔹 3. Présentation de l’entreprise": a symbol or an emoji before the number is a
    bullet, as "●" and "➢" were."""
    assert heading_key("🔹 3. Présentation de l’entreprise") == "presentation de l'entreprise"
    assert classify(heading_key("✅ Missions réalisées")).key == "activites"


def test_bookmarked_contents_lines_are_no_headings() -> None:
    """The compliant report whose contents lines are bookmarked too, pointing at the contents
    page ("1. Présentation de l'entreprise …… 5 - 7"): they are lines of the list, not
    headings on page 2."""
    from conftest import checked

    analysis = checked("sommaire-en-signets").analysis
    assert not [h for h in analysis.headings if h.source == "outline" and h.page == 2]
    assert {k: s.page for k, s in analysis.sections.items()} == {
        "entreprise": 5,
        "activites": 8,
        "conclusion": 14,
    }


def test_cue_words_are_quoted_with_their_accents_on_their_letters() -> None:
    """An old LaTeX font sets each accent as a glyph of its own ("cr´e´ee"): the words a
    message quotes as the cues of a part are shown as the student wrote them ("créée en
    1987", "48 salariés"), not as PDFium reads them."""
    from rapportlint.analysis.content import COMPANY, profile

    read = profile("Lumiotec est une PME cr´e´ee en 1987 `a Angers, qui compte 48 salari´es.")
    quoted = [words for _, words in read.cues[COMPANY]]
    assert "créée en 1987" in quoted and "48 salariés" in quoted


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("1. Introduc琀椀on", "1. Introduction"),
        ("e昀昀ectué a昀椀n de me琀琀re en œuvre", "effectué afin de mettre en œuvre"),
        ("informa琀椀que et fonc琀椀onnement", "informatique et fonctionnement"),
        ("中文 琀", "中文 琀"),  # an ideograph away from letters stays one
    ],
)
def test_ligatures_shifted_a_byte_up_are_spelled_out(read: str, meant: str) -> None:
    """Ghostscript's print of Word's Calibri (PDF24, PDFCreator) maps the "ti", "ff", "fi"
    and "tt" ligatures to their letters' codes shifted a byte up ("琀椀"): next to letters,
    each stands for its letter; elsewhere it is left as it is."""
    from rapportlint.model.glyphs import normalise_glyphs

    assert normalise_glyphs(read) == meant


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        (
            "Admission des 3Ëmes GÈnÈrales pour l'annÈe",
            "Admission des 3èmes Générales pour l'année",
        ),
        ("I. PR…SENTATION DU PROBL»ME", "I. PRÉSENTATION DU PROBLÈME"),
        ("líentreprise, ‡ Grenoble, 700 000 …lËves", "l’entreprise, à Grenoble, 700 000 Élèves"),
        ("Et puis… la suite", "Et puis… la suite"),  # an ellipsis after a word stays one
    ],
)
def test_winansi_bytes_read_as_mac_roman_are_set_back(read: str, meant: str) -> None:
    """A capital accented letter inside a lower-case word, an ellipsis inside capitals, "í"
    between letters and a lone "‡" are WinAnsi letters read as Mac Roman; set back."""
    from rapportlint.model.glyphs import mend_mac_roman

    assert mend_mac_roman(read) == meant


def test_mac_roman_misreading_is_told_by_three_misread_letters() -> None:
    """Three capital accented letters inside lower-case words tell the misreading; a name's
    own spelling ("Élodie", "PRÉSENTATION") does not."""
    from rapportlint.model.glyphs import reads_winansi_as_mac_roman

    assert reads_winansi_as_mac_roman(["Les 3Ëmes GÈnÈrales"])
    assert not reads_winansi_as_mac_roman(["Élodie", "PRÉSENTATION GÉNÉRALE", "Noël"])
