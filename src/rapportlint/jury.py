"""The jury summary: what a jury wants to know of each candidate, from the class run's results.

Each fact says where it comes from, because the jury weighs them differently: the candidate's
name from the class list (or Moodle), else the dossier of a package, else the cover page; the
company, tutor, dates and length from the dossier when the candidate handed in a package (what
they declared), else from the cover page (what the report says). The length is the one RL502
counts from the dates. A fact found nowhere is "non trouvé", never a dash that could mean zero;
an annex whose kind is not known is "type non reconnu", never "?".

The English documents are shown with the page the jury will find them on: in a package, the
page of the merged PDF (report first, then the annexes), which is what the jury opens.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass
from typing import Any

from rapportlint import wording
from rapportlint.dossier import internship_weeks
from rapportlint.render.class_table import row_points, verdict_word
from rapportlint.render.labels import LABELS
from rapportlint.render.rows import Row

MAX_POINTS = 5
MAX_ANNEXES = 4
TITLE_WIDTH = 80  # characters of a part or document title on the page (one line)
SOURCE_WIDTH = 70

WORDS = {
    "fr": {
        "not_found": "non trouvé",
        "from": {
            "list": "liste de classe",
            "moodle": "Moodle",
            "dossier": "dossier",
            "cover": "page de garde",
        },
        "dates": "du {start} au {end}",
        "weeks": ("semaine", "semaines"),
        "counted": "{counted} sur {limit} autorisées ({mode})",
        "modes": {"all": "avant les annexes", "from-intro": "depuis l'introduction"},
        "other_count": "{n} depuis l'introduction",
        "other_count_all": "{n} avant les annexes",
        "part_missing": "non trouvée",
        "declared": "déclaré",
        "confidence": "confiance {n} %",
        "merged": "{pages} du PDF complet",
        "pictures": "images {n} %",
        "source": "source : {source}",
        "no_source": "source non trouvée",
        "other_annexes": "Autres annexes : {titles}",
        "more_points": "+ {n} : voir le rapport de conformité",
        "more": ("autre point", "autres points"),
        "more_annexes": "+ {n} en anglais",
        "annex_more": ("autre document", "autres documents"),
        "unknown_kind": "type non reconnu",
    },
    "en": {
        "not_found": "not found",
        "from": {
            "list": "class list",
            "moodle": "Moodle",
            "dossier": "dossier",
            "cover": "cover page",
        },
        "dates": "{start} to {end}",
        "weeks": ("week", "weeks"),
        "counted": "{counted} of {limit} allowed ({mode})",
        "modes": {"all": "before the annexes", "from-intro": "from the introduction"},
        "other_count": "{n} from the introduction",
        "other_count_all": "{n} before the annexes",
        "part_missing": "not found",
        "declared": "declared",
        "confidence": "confidence {n}%",
        "merged": "{pages} of the merged PDF",
        "pictures": "pictures {n}%",
        "source": "source: {source}",
        "no_source": "no source found",
        "other_annexes": "Other annexes: {titles}",
        "more_points": "+ {n}: see the compliance report",
        "more": ("more point", "more points"),
        "more_annexes": "+ {n} in English",
        "annex_more": ("more document", "more documents"),
        "unknown_kind": "kind not recognised",
    },
}


@dataclass(frozen=True, slots=True)
class Fact:
    """A value shown to the jury and where it was read ("" when it was found nowhere)."""

    value: str
    source: str = ""


def _date(value: str | None, lang: str) -> str:
    if not value:
        return ""
    if lang != "fr":
        return value
    year, month, day = value.split("-")
    return f"{day}/{month}/{year}"


def _first(lang: str, *candidates: tuple[str, Any]) -> Fact:
    """The first candidate value that is there, with the name of where it came from."""
    for source, value in candidates:
        if value not in (None, ""):
            return Fact(str(value), WORDS[lang]["from"][source])
    return Fact(WORDS[lang]["not_found"])


def candidate(row: Row, lang: str) -> Fact:
    cover = (row.result or {}).get("cover") or {}
    declared = row.declared or {}
    return _first(
        lang,
        ("moodle" if row.moodle else "list", row.student),  # who handed it in on Moodle
        ("dossier", declared.get("candidate")),
        ("cover", cover.get("candidate")),
    )


def internship(row: Row, lang: str) -> list[tuple[str, Fact]]:
    """Company, tutor, dates and length: from the dossier when there is one, else the cover."""
    labels, words = LABELS[lang]["jury"], WORDS[lang]
    cover = (row.result or {}).get("cover") or {}
    declared = row.declared or {}

    def dates(facts: dict) -> str | None:
        if not facts.get("start") or not facts.get("end"):
            return None
        return words["dates"].format(
            start=_date(facts["start"], lang), end=_date(facts["end"], lang)
        )

    def weeks(facts: dict) -> str | None:
        value = _weeks(facts)
        return None if value is None else wording.count(value, *words["weeks"], lang)

    return [
        (
            labels["company"],
            _first(lang, ("dossier", declared.get("company")), ("cover", cover.get("company"))),
        ),
        (
            labels["tutor"],
            _first(lang, ("dossier", declared.get("tutor")), ("cover", cover.get("tutor"))),
        ),
        (labels["dates"], _first(lang, ("dossier", dates(declared)), ("cover", dates(cover)))),
        (labels["weeks"], _first(lang, ("dossier", weeks(declared)), ("cover", weeks(cover)))),
    ]


def _weeks(facts: dict) -> float | None:
    """The length RL502 counts, from the dates (a stage ending on a Friday runs to the Sunday),
    so that the jury reads the length the rule judged; a declared length without dates as is."""
    try:
        start = datetime.date.fromisoformat(facts["start"]) if facts.get("start") else None
        end = datetime.date.fromisoformat(facts["end"]) if facts.get("end") else None
    except (TypeError, ValueError):
        return facts.get("weeks")
    if start is None or end is None:
        return facts.get("weeks")
    return internship_weeks(start, end)


def _pages_line(layout: dict, lang: str) -> str:
    words = WORDS[lang]
    if layout.get("counted_pages") is None:
        return words["not_found"]
    mode = layout.get("page_count_mode", "all")
    counted = words["counted"].format(
        counted=layout["counted_pages"], limit=layout["max_pages"], mode=words["modes"][mode]
    )
    if mode == "all":
        other = words["other_count"].format(n=layout["body_pages_from_intro"])
    else:
        other = words["other_count_all"].format(n=layout["body_pages"])
    return f"{counted} · {other}"


def _host(url: str | None) -> str:
    """The site of a URL ("bbc.com"): what tells the jury where a document comes from."""
    if not url:
        return ""
    host = re.sub(r"^[a-z]+://", "", url.strip(), flags=re.I).split("/", 1)[0]
    return host.removeprefix("www.").lower()


def source_text(source: dict) -> str:
    """Publisher, site and date of a document, or "" when it shows none."""
    date = (source.get("date") or "").strip("() ")
    parts = [source.get("publisher"), _host(source.get("url")), date]
    seen: list[str] = []
    for part in parts:
        if part and part.lower() not in (s.lower() for s in seen):
            seen.append(part)
    return wording.cut(", ".join(seen), SOURCE_WIDTH)


def _source(source: dict, lang: str) -> str:
    text = source_text(source)
    return WORDS[lang]["source"].format(source=text) if text else WORDS[lang]["no_source"]


ANNEX_PREFIX = re.compile(
    r"^\s*(?:annexe|appendix|document|doc\.?)\s*n?°?\s*(\d+)\s*[:.\-–—)]\s*", re.I
)


def annex_title(annex: dict) -> str:
    """The document's title without the "Annexe 2 :" the page list already numbers."""
    title = " ".join(str(annex.get("title") or "").split())
    match = ANNEX_PREFIX.match(title)
    if match and match.group(1) == str(annex["index"]) and title[match.end() :].strip():
        title = title[match.end() :]
    return wording.cut(title, TITLE_WIDTH)


def _annex_pages(annex: dict, row: Row, lang: str) -> str:
    """The pages as the jury finds them: in the merged PDF for a package's separate files."""
    offsets = (row.merged or {}).get("offsets", {})
    if annex.get("file") and annex["file"] in offsets:
        shifted = [offsets[annex["file"]] + p for p in annex["pages"]]
        return WORDS[lang]["merged"].format(pages=wording.page_list(shifted))
    return wording.page_list(annex["pages"])


def annexes(row: Row, lang: str) -> tuple[list[dict[str, str]], list[str]]:
    """The English documents (title, then one line of facts), and the other annexes' titles."""
    words = WORDS[lang]
    english, others = [], []
    for annex in (row.result or {}).get("annexes", []):
        if annex.get("role") == "other":
            others.append(wording.cut(annex["title"], 40))
            continue
        kind = annex["kind_declared"] or annex["kind"]
        if annex["kind_declared"]:
            how = f" ({words['declared']})"
        elif kind != "inconnu":
            how = f" ({words['confidence'].format(n=round(100 * annex['kind_confidence']))})"
        else:
            how = ""
        kind_name = words["unknown_kind"] if kind == "inconnu" else wording.kind(kind, lang)
        facts = [
            kind_name + how,
            _annex_pages(annex, row, lang),
            wording.language(annex["language"], lang),
            words["pictures"].format(n=round(100 * max(annex["image_ratio"] or [0]))),
            _source(annex["source"], lang),
        ]
        english.append(
            {
                "index": str(annex["index"]),
                "title": annex_title(annex),
                "kind": kind_name,
                "facts": " · ".join(facts),
                "source": source_text(annex["source"]),
            }
        )
    return english, others


def entry(row: Row, lang: str) -> dict[str, Any]:
    """Everything one jury page shows, as plain strings (the PDF and CSV only lay it out)."""
    labels, words = LABELS[lang], WORDS[lang]
    data = row.result or {}
    summary = data.get("summary") or {"errors": 0, "warnings": 0, "infos": 0}
    sections = {s["key"]: s for s in data.get("sections", [])}
    english, others = annexes(row, lang)
    found = row_points(row, lang)
    shown = found[:MAX_POINTS]
    more = len(found) - len(shown)
    return {
        "file": row.relative,
        "candidate": candidate(row, lang),
        "verdict": row.verdict,
        "verdict_label": verdict_word(row, lang),
        "summary": wording.summary(summary["errors"], summary["warnings"], summary["infos"], lang)
        if row.submitted
        else "",
        "internship": internship(row, lang),
        "pages": _pages_line(data.get("layout") or {}, lang),
        "sections": [
            (
                labels["names"][key].capitalize(),
                wording.pages(sections[key]["page"], sections[key]["end_page"])
                if key in sections
                else "",
                wording.heading(sections[key]["title"], TITLE_WIDTH)
                if key in sections
                else words["part_missing"],
            )
            for key in ("entreprise", "activites", "conclusion")
        ],
        "annexes": english[:MAX_ANNEXES],
        "more_annexes": words["more_annexes"].format(
            n=wording.count(len(english) - MAX_ANNEXES, *words["annex_more"], lang)
        )
        if len(english) > MAX_ANNEXES
        else "",
        "others": words["other_annexes"].format(titles=", ".join(others)) if others else "",
        "points": [(p.question, ", ".join(p.rules)) for p in shown],
        "more_points": words["more_points"].format(n=wording.count(more, *words["more"], lang))
        if more
        else "",
        "problems": [p.problem for p in found],
    }


def ordered(rows: list[Row]) -> list[Row]:
    """Candidates in alphabetical order of the name the jury page shows, then by file."""

    def key(row: Row) -> tuple[str, str]:
        name = candidate(row, "fr")
        return (name.value.lower() if name.source else "", row.relative.lower())

    return sorted(rows, key=key)


CSV_HEADERS = {
    "fr": [
        "candidat",
        "fichier",
        "entreprise",
        "tuteur",
        "début",
        "fin",
        "semaines",
        "verdict",
        "erreurs",
        "avertissements",
        "pages",
        "entreprise p.",
        "activités p.",
        "conclusion p.",
        "annexe 1",
        "annexe 2",
        "annexe 3",
        "points à interroger",
    ],
    "en": [
        "candidate",
        "file",
        "company",
        "tutor",
        "start",
        "end",
        "weeks",
        "verdict",
        "errors",
        "warnings",
        "pages",
        "company p.",
        "activities p.",
        "conclusion p.",
        "annex 1",
        "annex 2",
        "annex 3",
        "points worth a question",
    ],
}


def csv_text(rows: list[Row], lang: str) -> str:
    """The class's jury table: same facts and the same verdict words as the pages."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(CSV_HEADERS[lang])
    for row in ordered(rows):
        data = row.result or {}
        cover = data.get("cover") or {}
        declared = row.declared or {}
        facts = declared if declared else cover
        sections = {
            s["key"]: wording.pages(s["page"], s["end_page"]).removeprefix("p. ")
            for s in data.get("sections", [])
        }
        item = entry(row, lang)
        name = item["candidate"]
        sep = LABELS[lang]["sep"]
        annex_cells = [
            f"{a['kind']}{sep}{a['title']}" + (f" ({a['source']})" if a["source"] else "")
            for a in item["annexes"][:3]
        ]
        annex_cells += [""] * (3 - len(annex_cells))
        weeks = _weeks(facts)
        writer.writerow(
            [
                name.value if name.source else "",
                row.relative,
                declared.get("company") or cover.get("company") or "",
                declared.get("tutor") or cover.get("tutor") or "",
                facts.get("start") or "",
                facts.get("end") or "",
                "" if weeks is None else wording.number(weeks, lang),
                item["verdict_label"],
                row.count("errors") if row.submitted else "",
                row.count("warnings") if row.submitted else "",
                "" if row.counted_pages is None else row.counted_pages,
                sections.get("entreprise", ""),
                sections.get("activites", ""),
                sections.get("conclusion", ""),
                *annex_cells,
                " | ".join(item["problems"]),
            ]
        )
    return buffer.getvalue()
