"""The facts a jury reads on the cover: candidate, host company, company tutor, internship dates.

Students lay covers out in every possible way: "Nom : Léa DUPONT", a label alone on its line with
the name under it, a two-column table, or no label at all ("Camille Martin" under the title,
"Réseaux Atlantique SAS" under it). So the reading goes in two passes:

1. labelled lines, matched case- and accent-insensitively; the longest label wins, which is how
   "Tuteur pédagogique" (a teacher) is told from "Tuteur" and "Nom de l'entreprise" from "Nom";
2. for what no label gave, the look of the lines: a line shaped like a person's name, a line with
   a company form (SAS, SARL...) or the words after "au sein de" / "chez".

Dates are read from the whole cover text as a range ("du 6 janvier au 28 février 2027",
"06/01/2027 - 28/02/2027"...), since a lone year ("Session 2027") says nothing of the internship.

The cover is the first page with a text layer among pages 1 and 2: a cover made in Canva is often
one picture without text, and then the facts, if any, are on page 2. A cover is informative only,
so reading it never raises: whatever cannot be read is None.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from rapportlint.analysis.text import fold
from rapportlint.model.document import Document, Page, TextLine

COVER_PAGES = 2  # a picture-only cover moves the facts to page 2, never further
MAX_NAME_WORDS = 4  # an unlabelled line longer than this is not a person's name
MAX_PERSON_WORDS = 6  # a labelled name with its civility ("M. Jean-Paul de La Motte")
MAX_COMPANY_WORDS = 12  # longer, a "value" is a sentence of the body, not a name
MAX_COMPANY_LINE = 80  # characters of an unlabelled line taken whole as the company's name

# -- Cleaning -------------------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "´": "'", "ʼ": "'"})
_JUNK = re.compile(r"[\ue000-\uf8ff\ufffd\ufffe]")  # where a lost ligature or symbol glyph was
_TRAILING = " .,;:!?-–—_/|*·•"


def _clean(text: str) -> str:
    """Compatibility forms expanded (ﬁ -> fi), one kind of apostrophe, spaces collapsed.

    NFKC keeps accented letters composed, so that :func:`_fold_same_length` can fold the text
    one character for one character and a match in the folded text slices the original.
    """
    text = _JUNK.sub(" ", unicodedata.normalize("NFKC", text).translate(_APOSTROPHES))
    return " ".join(text.split())


@cache
def _fold_char(char: str) -> str:
    folded = fold(char)
    return folded if len(folded) == 1 else (char.lower()[:1] or char)


def _fold_same_length(text: str) -> str:
    """:func:`fold` character by character: indexes in the result are indexes in ``text``."""
    return "".join(_fold_char(char) for char in text)


def _tidy(value: str) -> str | None:
    """A value without its surrounding punctuation; None if no letter is left."""
    value = " ".join(value.split()).strip(_TRAILING).strip()
    return value if any(char.isalpha() for char in value) else None


@dataclass(frozen=True, slots=True)
class _Line:
    text: str  # cleaned original text: what values are cut from
    folded: str  # same length as ``text``: what patterns are matched on
    size: float


# -- Public API -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CoverFacts:
    """What the cover says; None where it says nothing readable."""

    candidate: str | None
    company: str | None
    tutor: str | None
    start: datetime.date | None
    end: datetime.date | None
    page: int | None  # the page the facts were read on (None if none was found)

    @property
    def weeks(self) -> float | None:
        """Length in weeks, both ends counted (6 Jan-28 Feb = 54 days = 7.7 weeks).

        None when a date is missing or the dates are reversed: a negative length would only hide
        a typing mistake the student should see.
        """
        if self.start is None or self.end is None or self.end < self.start:
            return None
        return round(((self.end - self.start).days + 1) / 7, 1)


NO_FACTS = CoverFacts(None, None, None, None, None, None)


def read_cover(document: Document) -> CoverFacts:
    """Reads the cover of ``document``; never raises (odd input gives None fields)."""
    try:
        page = _cover_page(document)
        return NO_FACTS if page is None else _read_page(page)
    except Exception:  # a cover is informative: it must never stop the check of a report
        return NO_FACTS


def _cover_page(document: Document) -> Page | None:
    return next((page for page in document.pages[:COVER_PAGES] if page.has_text), None)


def _read_page(page: Page) -> CoverFacts:
    lines = [_to_line(line) for line in _reading_order(page.lines)]
    lines = [line for line in lines if line.text]
    labelled, used = _labelled_values(lines)
    free = [line for index, line in enumerate(lines) if index not in used]
    candidate = (
        labelled.get("candidate")
        or _joined_name(labelled.get("firstname"), labelled.get("surname"))
        or _unlabelled_candidate(free)
    )
    company = labelled.get("company") or _unlabelled_company(free)
    tutor = labelled.get("tutor") or _joined_name(
        labelled.get("tutor firstname"), labelled.get("tutor surname")
    )
    start, end = _date_range(" ".join(line.folded for line in lines))
    if not any((candidate, company, tutor, start, end)):
        return NO_FACTS
    return CoverFacts(candidate, company, tutor, start, end, page.number)


def _to_line(line: TextLine) -> _Line:
    text = _clean(line.text)
    return _Line(text, _fold_same_length(text), line.size)


def _reading_order(lines: list[TextLine]) -> list[TextLine]:
    """Top to bottom, then left to right within a row.

    A table cover ("Entreprise :" in one cell, the name in the next) comes out of PDFium as
    separate lines, in the order they were drawn; reading rows makes the value follow its label.
    """
    rows: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda item: item.box.top):
        row = rows[-1] if rows else None
        if row and abs(line.box.top - row[0].box.top) <= 0.5 * max(row[0].box.height, 1.0):
            row.append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda item: item.box.x0)]


# -- Labelled lines -------------------------------------------------------------------------------

_E = r"(?:\(e\)|\.e|e)?"  # inclusive spellings: "Étudiant(e)", "Étudiant.e", "Étudiante"
_OF_STAGE = r"(?:de|du)\s+stage"
# Regexes on folded text. "teacher" and "other" labels are read only so that their values are not
# taken for something else (the referent teacher is not the tutor, "Lycée X" is not a name).
_LABEL_SOURCES: dict[str, tuple[str, ...]] = {
    "candidate": (
        r"noms?\s*(?:et|&|/|-|,)?\s*prenoms?",
        r"prenoms?\s*(?:et|&|/|-|,)?\s*noms?",
        rf"noms?\s+(?:de\s+l'|du\s+)(?:etudiant|eleve|candidat|stagiaire){_E}",
        rf"etudiant{_E}",
        r"eleve",
        rf"candidat{_E}",
        r"stagiaire",
        r"auteur(?:e|\(e\))?",
        rf"(?:realise|presente|redige|effectue|ecrit){_E}\s+par",
        r"par",
    ),
    "surname": (r"noms?", r"nom\s+de\s+famille"),
    "firstname": (r"prenoms?",),
    "company": (
        r"(?:nom|raison\s+sociale)(?:\s+et\s+adresse)?\s+de\s+l'entreprise(?:\s+d'accueil)?",
        r"entreprises?(?:\s+(?:d'accueil|partenaire|de\s+stage))?",
        r"societes?(?:\s+d'accueil)?",
        r"structures?(?:\s+d'accueil)?",
        r"organismes?(?:\s+d'accueil)?",
        r"etablissement\s+d'accueil",
        rf"lieu\s+{_OF_STAGE}",
        r"employeur",
        r"raison\s+sociale",
    ),
    "tutor": (
        r"(?:nom\s+du\s+)?(?:tuteur|tutrice)(?:\s*(?:\(trice\)|\(rice\)|\.trice|/\s*tutrice|\(s\)|s))?"
        rf"(?:\s+(?:en\s+entreprise|entreprise|{_OF_STAGE}|professionnel(?:le)?"
        r"|dans\s+l'entreprise|de\s+l'entreprise))?",
        rf"maitre(?:sse)?\s+{_OF_STAGE}(?:\s+en\s+entreprise)?",
        r"maitre\s+d'apprentissage",
        rf"responsable\s+(?:{_OF_STAGE}|en\s+entreprise|entreprise)",
        rf"encadrant{_E}(?:\s+(?:en\s+entreprise|entreprise|{_OF_STAGE}|professionnel(?:le)?))?",
        rf"referent{_E}\s+(?:en\s+)?entreprise",
    ),
    "teacher": (
        rf"(?:professeur{_E}|enseignant{_E}|tuteur|tutrice|encadrant{_E}|referent{_E})\s+"
        rf"(?:referent{_E}|pedagogique|enseignant{_E}|du\s+lycee|au\s+lycee|lycee|ecole)",
        rf"professeur{_E}(?:\s+principal{_E})?",
        rf"enseignant{_E}",
        rf"referent{_E}(?:\s+pedagogique)?",
        rf"suivi{_E}\s+par",
    ),
    "other": (
        r"classe",
        r"sessions?",
        r"promotion",
        r"annee(?:\s+scolaire)?",
        r"lycee",
        r"etablissement(?:\s+scolaire)?",
        r"academie",
        r"section",
        r"diplome",
        r"formation",
        r"specialite",
        r"option",
        rf"periode(?:\s+{_OF_STAGE})?",
        rf"dates?(?:\s+{_OF_STAGE})?",
        rf"duree(?:\s+{_OF_STAGE})?",
        r"adresse",
        r"tel(?:ephone)?\.?",
        r"e-?mail|courriel|mail",
        r"fonction",
        r"poste",
        r"service",
        r"theme|sujet|titre",
    ),
}
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"(?:{source})(?![\w'])"))
    for name, sources in _LABEL_SOURCES.items()
    for source in sources
)
_SEPARATOR = re.compile(r"\s*(?:[:=]|[-–—](?=\s|$)|\.{2,}|…)?\s*")
_COLON_AHEAD = re.compile(r"\s*:")
_SPACE = re.compile(r"\s")
NAME_PARTS = frozenset({"surname", "firstname"})
READ_FIELDS = NAME_PARTS | {"candidate", "company", "tutor"}


@dataclass(frozen=True, slots=True)
class _Label:
    field: str
    start: int  # where the label begins
    end: int  # where its words end
    value: int  # where its value begins (separator skipped)
    separated: bool  # ":" or "-" after it: what follows is surely its value


def _label_at(folded: str, pos: int) -> _Label | None:
    """The longest label starting at ``pos``, so that "Tuteur pédagogique" is not "Tuteur"."""
    best: tuple[str, re.Match[str]] | None = None
    for name, pattern in _LABELS:
        match = pattern.match(folded, pos)
        if match and (best is None or match.end() > best[1].end()):
            best = (name, match)
    if best is None:
        return None
    name, match = best
    separator = _SEPARATOR.match(folded, match.end())
    assert separator is not None  # every part of it is optional
    return _Label(name, pos, match.end(), separator.end(), bool(separator.group().strip()))


def _labels_in(line: _Line) -> list[_Label]:
    """The labels of a line that starts with one; later ones need a colon ("Nom : X Prénom : Y")."""
    first = _label_at(line.folded, 0)
    if first is None:
        return []
    labels = [first]
    for space in _SPACE.finditer(line.folded, first.value):
        if space.end() < labels[-1].value:
            continue
        label = _label_at(line.folded, space.end())
        if label and _COLON_AHEAD.match(line.folded, label.end):
            labels.append(label)
    return labels


def _labelled_values(lines: list[_Line]) -> tuple[dict[str, str], set[int]]:
    """Key -> first value found, and the indexes of the lines labels used up.

    A label alone on its line ("Maître de stage :") takes the next line as its value, unless that
    line starts with a label itself: then it heads a section of a form ("TUTEUR EN ENTREPRISE",
    then "Nom : GIRARD", "Prénom : Paul"), and the names below it are the section's.
    """
    values: dict[str, str] = {}
    used: set[int] = set()
    section: str | None = None
    for index, line in enumerate(lines):
        labels = _labels_in(line)
        if not labels:
            continue
        used.add(index)
        if _is_section_header(lines, index, labels):
            section = labels[0].field
            continue
        for number, label in enumerate(labels):
            end = labels[number + 1].start if number + 1 < len(labels) else len(line.text)
            raw, head = line.text[label.value : end], line.text[label.start : label.end]
            separated = label.separated
            if not raw.strip() and number + 1 == len(labels):
                raw, separated = _next_value(lines, index, used)
                head = ""
            key = _value_key(label.field, section)
            if key and key not in values:
                value = _field_value(key, raw, separated, head)
                if value:
                    values[key] = value
    return values, used


def _is_section_header(lines: list[_Line], index: int, labels: list[_Label]) -> bool:
    line = lines[index]
    return (
        len(labels) == 1
        and not line.text[labels[0].value :].strip()
        and index + 1 < len(lines)
        and _label_at(lines[index + 1].folded, 0) is not None
    )


def _value_key(field: str, section: str | None) -> str | None:
    """Where a label's value is kept; None to drop it (a teacher's or a school's)."""
    if field in NAME_PARTS and section not in (None, "candidate"):
        if section == "tutor":
            return f"tutor {field}"
        return "company" if (section, field) == ("company", "surname") else None
    return field if field in READ_FIELDS else None


def _next_value(lines: list[_Line], index: int, used: set[int]) -> tuple[str, bool]:
    following = index + 1
    if following >= len(lines) or following in used or _label_at(lines[following].folded, 0):
        return "", False
    used.add(following)
    return lines[following].text, True


# A person's value stops at a comma, a bracket or a spaced dash: "M. Paul Girard, technicien".
_PERSON_END = re.compile(r"[,(;|]|\s[-–—/](?=\s|$)")
# A company's value stops at its address or a bracket: "Mairie de Rezé, 1 place ...".
_COMPANY_END = re.compile(r"\(|,\s*\d|\s[-–—]\s+\d")
_CIVILITY = re.compile(r"^(?:m|mme|mlle|mr|mrs|ms|dr|me|monsieur|madame|mademoiselle)\.?\s+", re.I)


def _field_value(key: str, raw: str, separated: bool, label: str) -> str | None:
    """The value kept under ``key``, or None if ``raw`` does not look like one."""
    if key == "company":
        return _company_value(raw, separated, label)
    return _person_value(raw, separated)


def _person_value(raw: str, separated: bool) -> str | None:
    """A person's name; without a separator it must look like one ("Par ailleurs, ..." is not)."""
    value = _tidy(_cut(raw, _PERSON_END))
    if value is None or not _plausible_person(value):
        return None
    if not separated and not _looks_like_name(_CIVILITY.sub("", value), allow_single=True):
        return None
    return value


def _company_value(raw: str, separated: bool, label: str) -> str | None:
    """The company's name; a one-word label with no separator is kept as part of it.

    "Société Générale", "Groupe La Poste", "Entreprise Dupont": a generic first word may be the
    name's own, and "Entreprise Mairie de Rezé" kept whole still names the company.
    """
    value = _tidy(_cut(raw, _COMPANY_END))
    if value is None or len(value.split()) > MAX_COMPANY_WORDS:
        return None
    if separated:
        return value
    if not (value[0].isupper() or value[0].isdigit()):
        return None
    return f"{label} {value}" if label and " " not in label else value


def _cut(text: str, pattern: re.Pattern[str]) -> str:
    match = pattern.search(text)
    return text[: match.start()] if match else text


def _plausible_person(value: str) -> bool:
    return not any(char.isdigit() for char in value) and len(value.split()) <= MAX_PERSON_WORDS


def _joined_name(firstname: str | None, surname: str | None) -> str | None:
    """ "Prénom : Léa" and "Nom : DUPONT" on two lines make "Léa DUPONT"."""
    if firstname and surname:
        return f"{firstname} {surname}"
    return surname


# -- Unlabelled lines -----------------------------------------------------------------------------

_NAME_WORD = re.compile(r"(?:[dl]')?[^\W\d_]+(?:['-][^\W\d_]+)*")
_PARTICLES = frozenset({"de", "du", "des", "le", "la", "van", "von", "der", "da", "di", "ben"})
# Folded words that make a short capitalised line a title, a school or a company, not a person.
_NOT_NAME_WORDS = """
    rapport rapports stage stages stagiaire bts ciel session lycee college universite iut ecole
    entreprise societe sas sarl sa sasu eurl scop snc groupe group inc ltd llc gmbh academie annee
    scolaire promotion rectorat ministere education nationale region mairie ville commune
    departement metropole communaute service services informatique reseau reseaux cybersecurite
    electronique numerique numeriques systemes option diplome brevet technicien superieur sommaire
    introduction remerciements conclusion annexe annexes presentation activite activites projet
    tuteur tutrice professeur referent maitre encadrant responsable nom prenom etudiant etudiante
    candidat candidate periode page confidentiel version monsieur madame france technologies
    solutions consulting systems industrie industries agence association hopital centre clinique
    banque conseil cabinet bureau office laboratoire institut fondation compagnie cie janvier fevrier
    mars avril mai juin juillet aout septembre octobre novembre decembre lundi mardi mercredi jeudi
    vendredi samedi dimanche
"""
_NOT_NAME = frozenset(_NOT_NAME_WORDS.split())
_COMPANY_FORM = re.compile(
    r"(?<![\w.])(?:SAS|SASU|SARL|SA|EURL|SCOP|SNC|SEM|SCIC|S\.A\.S\.?|S\.A\.R\.L\.?|S\.A\."
    r"|Inc\.?|Ltd\.?|LLC|GmbH|Groupe|GROUPE)(?!\w)"
)
# "au sein de l'entreprise X", "au sein du Crédit Agricole", "chez X": the article goes with the
# preposition, and generic nouns ("l'entreprise") are not part of the name.
_AT_COMPANY = re.compile(
    r"(?<![\w'])(?:au\s+sein\s+(?:de\s+la|de\s+l'|du|des|de|d')|chez"
    r"|dans\s+(?:l'entreprise|la\s+societe|la\s+structure|l'organisme))\s*"
    r"(?:(?:l'|la\s+|le\s+)?(?:entreprise|societe|structure|organisme|association|agence|esn)\s+)?"
)
# After the name: the dates ("... du 6 janvier au ..."), or a new clause.
_COMPANY_TAIL = re.compile(
    r"\s+(?:du|entre|pendant|durant|depuis|de|a|le)\s+(?:le\s+)?"
    r"(?:\d|1er|premier|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
    r"|[,;(]|\s[-–—](?=\s|$)"
)


def _looks_like_name(text: str, *, allow_single: bool = False) -> bool:
    """2 to 4 capitalised (or upper-case) words of letters, hyphens and apostrophes, no title word.

    Lower-case particles ("Léa de Montfort") are allowed inside the name, never at its ends.
    """
    words = text.split()
    if not (1 if allow_single else 2) <= len(words) <= MAX_NAME_WORDS:
        return False
    last = len(words) - 1
    if not all(_name_word(word, inner=0 < at < last) for at, word in enumerate(words)):
        return False
    return not any(_fold_same_length(word) in _NOT_NAME for word in words)


def _name_word(word: str, *, inner: bool) -> bool:
    if not _NAME_WORD.fullmatch(word):
        return False
    if word[0].isupper() or (word[:2] in ("d'", "l'") and word[2:3].isupper()):
        return True  # "Martin", "MARTIN", "d'Alembert"
    return inner and word.lower() in _PARTICLES


def _unlabelled_candidate(lines: list[_Line]) -> str | None:
    """The first name-shaped line after the title (the largest or "Rapport..." line), else any."""
    if not lines:
        return None
    title = next(
        (index for index, line in enumerate(lines) if "rapport" in line.folded),
        max(range(len(lines)), key=lambda index: lines[index].size),
    )
    for line in lines[title + 1 :] + lines[: title + 1]:
        value = _tidy(line.text)
        if value and _looks_like_name(value):
            return value
    return None


def _unlabelled_company(lines: list[_Line]) -> str | None:
    """The first line naming a company: "... au sein de X" / "chez X", or "X SAS" whole."""
    for line in lines:
        value = _company_after_preposition(line) or _company_by_form(line)
        if value:
            return value
    return None


def _company_after_preposition(line: _Line) -> str | None:
    match = _AT_COMPANY.search(line.folded)
    if not match:
        return None
    rest = line.text[match.end() :]
    tail = _COMPANY_TAIL.search(_fold_same_length(rest))
    value = _tidy(rest[: tail.start()] if tail else rest)
    if value is None or not value[0].isupper() or len(value.split()) > MAX_COMPANY_WORDS:
        return None  # "chez moi", "au sein de l'équipe technique": not a company
    return value


def _company_by_form(line: _Line) -> str | None:
    if len(line.text) > MAX_COMPANY_LINE or not _COMPANY_FORM.search(line.text):
        return None
    return _tidy(line.text)


# -- Dates ----------------------------------------------------------------------------------------

_MONTHS = {
    "janvier": 1,
    "janv": 1,
    "jan": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "sep": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "decembre": 12,
    "dec": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+"


def _date_source(prefix: str, *, month_needed: bool) -> str:
    """A date in folded text, its parts in groups named ``prefix`` + d/m/y (words) or nd/nm/ny.

    "6 janvier 2027", "lundi 6 janvier", "1er juin", "06/01/2027", "6/01"; a start date may be a
    bare day ("du 2 au 27 juin 2026").
    """
    p = prefix
    words = (
        rf"(?P<{p}d>\d{{1,2}}|premier)(?:er|re)?(?!\d)"
        rf"(?:\s+(?P<{p}m>{_MONTH})\.?(?![a-z])(?:\s+(?P<{p}y>\d{{4}})(?!\d))?)"
        + ("" if month_needed else "?")
    )
    numbers = (
        rf"(?P<{p}nd>\d{{1,2}})\s*[/.-]\s*(?P<{p}nm>\d{{1,2}})"
        rf"(?:\s*[/.-]\s*(?P<{p}ny>\d{{4}}|\d{{2}}))?(?![\d/])"
    )
    return rf"(?:{_WEEKDAY})?(?:{numbers}|{words})"


_RANGE = re.compile(
    r"(?<![\w/])(?:(?:du|de|entre\s+le)\s+(?:le\s+)?)?"
    + _date_source("s", month_needed=False)
    + r"\s*(?:au|a|jusqu'au|et\s+le|-|–|—|>|→)\s*(?:le\s+)?"
    + _date_source("e", month_needed=True)
)

_Parts = tuple[int, int | None, int | None]  # day, month, year


def _date_range(folded: str) -> tuple[datetime.date | None, datetime.date | None]:
    """The first date range of the text that makes calendar sense, preferring one in order."""
    found: list[tuple[datetime.date, datetime.date]] = []
    for match in _RANGE.finditer(folded):
        dates = _range_dates(match)
        if dates and dates[0] <= dates[1]:
            return dates
        if dates:
            found.append(dates)
    return found[0] if found else (None, None)


def _parts(match: re.Match[str], prefix: str) -> _Parts:
    groups = match.groupdict()
    if groups[f"{prefix}nd"] is not None:
        year = groups[f"{prefix}ny"]
        full_year = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
        return int(groups[f"{prefix}nd"]), int(groups[f"{prefix}nm"]), full_year
    day = groups[f"{prefix}d"]
    month = groups[f"{prefix}m"]
    year = groups[f"{prefix}y"]
    return (
        1 if day == "premier" else int(day),
        None if month is None else _MONTHS[month],
        None if year is None else int(year),
    )


def _range_dates(match: re.Match[str]) -> tuple[datetime.date, datetime.date] | None:
    """Completes the start from the end ("du 2 au 27 juin 2026") and the end from the start.

    A start month later than the end month is in the year before ("du 1er décembre au 15 février
    2027"). None if no year is written at all, or a date does not exist (31/02).
    """
    start_day, start_month, start_year = _parts(match, "s")
    end_day, end_month, end_year = _parts(match, "e")
    assert end_month is not None  # the end date needs its month
    if start_month is None:
        start_month = end_month if start_day <= end_day else (end_month - 2) % 12 + 1
    if end_year is None:
        if start_year is None:
            return None
        end_year = start_year + (1 if end_month < start_month else 0)
    elif start_year is None:
        start_year = end_year - (1 if start_month > end_month else 0)
    try:
        return (
            datetime.date(start_year, start_month, start_day),
            datetime.date(end_year, end_month, end_day),
        )
    except ValueError:
        return None
