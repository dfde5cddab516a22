"""How counts, numbers, pages, names and titles read in both languages."""

from __future__ import annotations

import pytest

from rapportlint import wording


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (0, "fr", "0 erreur"),
        (1, "fr", "1 erreur"),
        (2, "fr", "2 erreurs"),
        (0, "en", "0 errors"),
        (1, "en", "1 error"),
        (1.5, "fr", "1,5 erreur"),
    ],
)
def test_agreement(value, lang, text) -> None:
    assert wording.count(value, *wording.COUNTED["error"][lang], lang) == text


def test_summary_numbers_and_pages() -> None:
    assert wording.summary(1, 1, 0, "fr") == "1 erreur, 1 avertissement, 0 info"
    assert wording.summary(2, 0, 3, "en") == "2 errors, 0 warnings, 3 infos"
    assert wording.number(4.6, "fr") == "4,6" and wording.number(8.0, "fr") == "8"
    assert wording.number(4.6, "en") == "4.6"
    assert wording.pages(13, 13) == "p. 13" and wording.pages(13, 15) == "p. 13-15"
    assert wording.page_list([18, 19]) == "p. 18-19" and wording.page_list([3, 7]) == "p. 3, 7"
    assert wording.percent(0.344, "en") == "34%" and wording.percent(0.344, "fr") == "34\u00a0%"


def test_names_not_codes() -> None:
    assert wording.language("und", "fr") == "indéterminée"
    assert wording.language(None, "en") == "undetermined"
    assert wording.language("en", "fr") == "anglais"
    assert wording.kind("presse", "en") == "press article"
    assert wording.kind("inconnu", "fr") == "type indéterminé"


def test_titles_on_one_line_cut_at_a_word() -> None:
    paragraph = (
        "2. Missions réalisées\nPendant ces huit semaines au sein du service informatique, "
        "j'ai pris en charge la supervision du réseau et la migration des postes."
    )
    assert wording.heading(paragraph, 40) == "2. Missions réalisées"
    long = "Présentation de l'entreprise Réseaux Atlantique et de son service informatique"
    cut = wording.cut(long, 40)
    assert len(cut) <= 40 and cut.endswith("…") and long.startswith(cut[:-1])
    assert cut == "Présentation de l'entreprise Réseaux…"


def test_message_templates_choose_the_word() -> None:
    template = (
        "{n:page|pages} sur {total} {n:~est occupée|sont occupées} ({weeks:semaine|semaines})"
    )
    assert wording.fill(template, {"n": 1, "total": 3, "weeks": 4.6}, "fr") == (
        "1 page sur 3 est occupée (4,6 semaines)"
    )
    assert wording.fill(template, {"n": 2, "total": 3, "weeks": 1.0}, "fr") == (
        "2 pages sur 3 sont occupées (1 semaine)"
    )
    assert wording.fill("{x}", {"x": 7.7}, "fr") == "7,7"
    # A value handed as text still agrees (and a non-number never breaks the message).
    assert wording.fill("{n:page|pages}", {"n": "1"}, "fr") == "1 page"
    assert wording.fill("{n:page|pages}", {"n": "4.6"}, "fr") == "4,6 pages"
    assert wording.fill("{n:page|pages}", {"n": "plusieurs"}, "fr") == "plusieurs pages"


def test_annex_kinds_for_rl304() -> None:
    texts = wording.annex_kind_list(
        [(1, "inconnu", 0.0), (2, "technique", 0.94), (3, "presse", None)]
    )
    assert texts["fr"] == (
        "annexe 1 : type indéterminé ; annexe 2 : document technique (confiance 94 %) ; "
        "annexe 3 : article de presse"
    )
    assert texts["en"].startswith("annex 1: unknown kind; annex 2: technical document")
