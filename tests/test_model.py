"""The one-pass document model read from real PDFs."""

from __future__ import annotations

import time

import pytest

from conftest import fixture_path
from rapportlint.analysis.text import fold
from rapportlint.model import LoadError, load_document
from rapportlint.model.document import Box, TextLine
from rapportlint.model.loader import SOFT_HYPHEN, _without_echoes, _word_goes_on, clean_text


def test_word_like_report_lines_have_size_and_weight() -> None:
    document = load_document(fixture_path("conforme-word"))
    assert document.page_count == 18
    headings = [
        line for line in document.page(5).lines if line.text == "1. Présentation de l'entreprise"
    ]
    assert len(headings) == 1
    assert headings[0].bold and headings[0].size == pytest.approx(16)
    body = document.page(5).lines[-2]
    assert not body.bold and body.size == pytest.approx(11)
    assert document.metadata["Title"] == "Rapport de stage"


def test_outline_is_read_with_levels_and_pages() -> None:
    outline = load_document(fixture_path("conforme-word")).outline
    titles = {(e.title, e.level, e.page) for e in outline}
    assert ("1. Présentation de l'entreprise", 0, 5) in titles
    assert ("1.1 Historique", 1, 6) in titles
    assert load_document(fixture_path("conforme-sans-signets")).outline == []


def test_canva_scaled_text_gets_its_real_size() -> None:
    """Canva writes text at size 1 scaled by the text matrix: the model gives the visible size."""
    page = load_document(fixture_path("canva-titres-coupes")).page(3)
    title = next(line for line in page.lines if "PRÉSENTATION" in line.text)
    assert title.size == pytest.approx(30) and title.bold


def test_a_title_set_sideways_reads_as_its_words() -> None:
    """Canva draws a sideways title glyph by glyph, PDFium gives one line per letter: the
    letters are joined back, upwards, one line per column ("PRÉSENTATION DE", then
    "L'ENTREPRISE" to its right); the text beside it stays as it was."""
    page = load_document(fixture_path("canva-titres-de-cote")).page(5)
    texts = [(line.text, round(line.size)) for line in page.lines]
    assert ("PRÉSENTATION DE", 40) in texts and ("L'ENTREPRISE", 40) in texts
    assert not [text for text, size in texts if size == 40 and len(text) == 1]
    assert "Découvrez l'entreprise qui m'a" in [text for text, _ in texts]
    assert load_document(fixture_path("canva-titres-de-cote")).page(2).lines[3].text == "SOMMAIRE"


LETTER_SPACED_TITLES = {
    "": {"3. LUMIOTEC", "3.1 PRÉSENTATION DE LUMIOTEC", "4. TRAVAIL EFFECTUÉ", "5. CONCLUSION"},
    "-libreoffice": {"3.1 PRÉSENTATION DE LUMIOTEC", "4. TRAVAIL EFFECTUÉ", "5. CONCLUSION"},
    # LaTeX numbers the chapters itself, and breaks the spaced title over two lines.
    "-latex": {"1.1 PRÉSENTATION DE LUMIOTEC", "TRAVAIL", "EFFECTUÉ", "CONCLUSION"},
}


@pytest.mark.parametrize("producer", sorted(LETTER_SPACED_TITLES))
def test_a_letter_spaced_title_reads_as_its_words(producer: str) -> None:
    """Titles set with letter spacing: each letter placed apart (Canva), Word's "étendu"
    (LibreOffice's export), microtype's \\textls (LaTeX). PDFium reads "4 . T R A V A I L
    E F F E C T U É", or, where a wide letter leaves a narrower gap, "P R ÉSE N T A T ION".
    The model gives the words the page shows, a space where the gap is a word's (in LaTeX
    little more than twice a letter's); the paragraphs keep their own spaces."""
    document = load_document(fixture_path(f"titres-aux-lettres-espacees{producer}"))
    texts = [line.text.replace("’", "'") for page in document.pages for line in page.lines]
    assert LETTER_SPACED_TITLES[producer] <= set(texts)
    assert not [text for text in texts if "N T A" in text or "T R A" in text]
    assert any(text.endswith("L'apprentissage") for text in texts)
    assert any(text.startswith("Je remercie toute l'équipe qui m'a accueilli") for text in texts)


@pytest.mark.parametrize(
    ("text", "spaced"),
    [
        ("6 . T R A V A I L E F F E C T U É", True),
        ("3 . 1 P R ÉSE N T A T ION D E L U M IOTE C", True),
        ("a r b a p a p a $ b", False),  # a row of a Burrows-Wheeler matrix, in a table
        ("Le stage a eu lieu à Lyon", False),
    ],
)
def test_only_a_line_of_spaced_capitals_is_set_again(text: str, spaced: bool) -> None:
    """Letter spacing sets display titles, in capitals; a table of single letters in lower
    case (a LaTeX research report's rotation matrix) keeps its spaces (joined, its rows read
    as titles and cut the chapter around them)."""
    from rapportlint.model.loader import _letter_spaced

    assert _letter_spaced(text) is spaced


def test_a_word_latex_broke_at_a_line_end_is_marked_a_compound_is_not() -> None:
    """PDFium drops the hyphen of "ser-" / "veurs" and ends the line there: the loader ends it
    with a soft hyphen, which folding joins to the next word (the LaTeX fixture)."""
    page = load_document(
        fixture_path("laboratoire-dans-les-paragraphes-de-l-introduction-latex")
    ).page(7)
    broken = [line.text for line in page.lines if line.text.endswith(SOFT_HYPHEN)]
    assert (
        "de tickets. J’ai installé les postes de travail des nouveaux arrivants et confi\u00ad"
        in broken
    )
    assert "configure leurs" in fold(" ".join(line.text for line in page.lines))
    # A compound broken at its own hyphen before a capital stays two words, as PDFium gives it.
    assert not _word_goes_on(["situé à Saint", "\ufffe", "Ouen. Ce rapport"], 0)
    assert _word_goes_on(["la documen", "\ufffe", "tation"], 0)
    assert not _word_goes_on(["la documen", "\n", "tation"], 0)


def test_zero_width_characters_show_nothing_but_a_list_number_stays_apart() -> None:
    """Google Docs' zero-width spaces: after a list number the title is shown apart from it
    ("2. l'Université", as the student saw it), elsewhere nothing is shown."""
    assert clean_text("2.\u200bl’Université du Québec") == "2. l’Université du Québec"
    assert clean_text("V.\u200bDéroulement du stage") == "V. Déroulement du stage"
    assert clean_text("Présen\u200btation\ufeff 14\u200b") == "Présentation 14"


def _line(text: str, x: float, top: float, size: float = 16.0, invisible: bool = False):
    return TextLine(text, Box(x, top, x + 200, top + size), size, False, "Arial", invisible)


def test_a_line_drawn_again_just_beside_itself_is_read_once() -> None:
    """Canva's shadow draws "Introduction" again 2 points lower: one line. The same words on
    the next line (a list's repeated entry), or at another size, stay; where one copy is an
    OCR layer, the visible one is kept."""
    shadow, line = _line("Introduction", 41, 293), _line("Introduction", 41, 291)
    assert _without_echoes([shadow, line]) == [shadow]
    next_row = _line("Introduction", 41, 311)
    assert _without_echoes([line, next_row]) == [line, next_row]
    smaller = _line("Introduction", 41, 292, size=12)
    assert _without_echoes([line, smaller]) == [line, smaller]
    ocr, visible = _line("Introduction", 41, 291, invisible=True), _line("Introduction", 42, 292)
    assert _without_echoes([ocr, visible]) == [visible]


def test_rotated_page_is_seen_as_the_reader_sees_it() -> None:
    document = load_document(fixture_path("page-tournee"))
    page = document.page(6)
    assert page.rotation == 90
    assert page.width > page.height  # a portrait A4 page turned to landscape
    assert all(
        0 <= line.box.x0 <= page.width and 0 <= line.box.top <= page.height for line in page.lines
    )


def test_pages_of_several_sizes() -> None:
    document = load_document(fixture_path("pages-tailles"))
    assert (round(document.page(5).width), round(document.page(5).height)) == (612, 792)
    assert (round(document.page(10).width), round(document.page(10).height)) == (842, 1191)


def test_scan_pages_have_pictures_and_no_text() -> None:
    page = load_document(fixture_path("scanne")).page(3)
    assert not page.has_text and len(page.pictures) == 1
    assert page.pictures[0].area == pytest.approx(page.area, rel=0.01)


def test_owner_password_only_is_readable() -> None:
    assert load_document(fixture_path("chiffre-proprietaire")).page_count == 18


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("chiffre", "encrypted"),
        ("tronque", "corrupt"),
        ("vide", "empty"),
        ("pas-un-pdf", "not-pdf"),
    ],
)
def test_unreadable_files_raise_a_typed_error(name: str, kind: str) -> None:
    with pytest.raises(LoadError) as info:
        load_document(fixture_path(name))
    assert info.value.kind == kind
    assert info.value.sha256 is not None


def test_missing_file(tmp_path) -> None:
    with pytest.raises(LoadError) as info:
        load_document(tmp_path / "absent.pdf")
    assert info.value.kind == "missing"


def test_split_loading_gives_the_same_model() -> None:
    """The single check reads a long report with a forked helper, from both ends, while it
    runs ``meanwhile`` (its imports): the same model however the pages were shared."""
    path = fixture_path("bench-40-pages-libreoffice")
    alone = load_document(path)
    calls: list[str] = []
    assert load_document(path, split=True, meanwhile=lambda: calls.append("quick")) == alone
    # A long ``meanwhile``: the helper reads nearly every page; the meeting page is read once.
    slow = load_document(
        path, split=True, meanwhile=lambda: time.sleep(0.5) or calls.append("slow")
    )
    assert slow == alone and calls == ["quick", "slow"]


def test_pages_cross_a_pipe_unchanged() -> None:
    """The split loader pickles pages: lines, boxes and all come back equal and frozen."""
    import dataclasses
    import pickle

    document = load_document(fixture_path("conforme-word"))
    copy = pickle.loads(pickle.dumps(document.pages, protocol=5))
    assert copy == document.pages
    line = copy[4].lines[0]
    assert type(line.box).__name__ == "Box" and line == document.pages[4].lines[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.box.x0 = 0.0  # type: ignore[misc]


def test_ocr_image_is_the_page_in_grey() -> None:
    """What Tesseract reads: a PGM of the page at 150 dpi, white where nothing is drawn, dark
    where text is; nothing for a page that does not exist."""
    from rapportlint.model.ocr import _render_page

    data = fixture_path("conforme-word").read_bytes()
    image = _render_page(data, None, 5)
    header = b"P5\n1241 1754\n255\n"  # A4 at 150 dpi, rounded up; one byte a pixel
    assert image.startswith(header)
    pixels = image[len(header) :]
    assert len(pixels) == 1241 * 1754
    assert pixels[0] == 255 and min(pixels) < 64
    assert _render_page(data, None, 99) is None


def test_split_loading_survives_a_helper_that_dies(monkeypatch) -> None:
    """A helper that dies before sending its pages costs time, never a page."""
    import os

    from rapportlint.model import loader

    parent, read_page = os.getpid(), loader._read_page

    def fragile(pdf, index):
        if os.getpid() != parent:
            os._exit(1)
        return read_page(pdf, index)

    path = fixture_path("bench-40-pages-libreoffice")
    alone = load_document(path)
    monkeypatch.setattr(loader, "_read_page", fragile)
    assert load_document(path, split=True) == alone


def test_active_content_markers_are_counted_by_kind() -> None:
    """Each marker of active content in the bytes counts once under its kind; a link (/URI) and
    names that only look alike (/JSON, /EmbeddedFilesX) are not counted."""
    from rapportlint.model.loader import _ACTIVE_MARKERS

    data = (
        b"<< /S /JavaScript /JS (app.alert(1)) >> << /JS <6170703b> >> << /S/Launch /F (x) >>"
        b" << /EmbeddedFiles 3 0 R >> << /EmbeddedFile >> << /S /SubmitForm >> << /S /GoToR >>"
        b" << /S /ImportData >> << /S /URI /URI (http://x) >> /JSON (a) /EmbeddedFilesX"
    )
    kinds = [
        "javascript" if m.lastgroup == "js" else m.lastgroup for m in _ACTIVE_MARKERS.finditer(data)
    ]
    assert kinds.count("javascript") == 3
    assert kinds.count("launch") == 1
    assert kinds.count("attachment") == 2
    assert kinds.count("submit") == 3
    assert len(kinds) == 9
    hostile = fixture_path("conforme-word").parents[1] / "hostile"
    assert load_document(hostile / "javascript.pdf").active == {"javascript": 2}
    assert load_document(hostile / "action-lancement.pdf").active == {"launch": 1}
    assert load_document(hostile / "fichier-joint.pdf").active == {"attachment": 2}
