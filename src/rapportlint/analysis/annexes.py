"""The annexed documents: split the annex part, then language, kind, pictures and source of each.

Splitting: a document starts at a bookmark inside the annex part, at a page headed "Annexe N" /
"Document N" / "Appendix N", or, where nothing announces it, at a page whose language or look
(font, size, margin) differs from the page before. A page with none of those continues the
document before it: a two-page article is one document of two pages. A title page ("Annexes")
is not a document. French annexes announced as glossary, diagram, etc. are "other" annexes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapportlint.analysis.geometry import coverage
from rapportlint.analysis.language import UNDETERMINED, detect, quick_language
from rapportlint.analysis.layout import ANNEX_HEADER
from rapportlint.analysis.text import fold, heading_key
from rapportlint.model.document import Box, Document, Page

SCAN_SHARE = 0.8
OTHER_ANNEX = re.compile(
    r"glossaire|lexique|sigles|acronymes|bibliographie|sitographie|webographie|schema|diagramme|"
    r"organigramme|plan |planning|convention|attestation|certificat|fiche|cahier des charges|code source|listing"
)
DECLARED = {
    # The student's own words on the page or in the bookmark, not the document's title.
    "technique": re.compile(
        r"document technique|documentation technique|technical document|fiche technique"
    ),
    "presse": re.compile(
        r"article de (?:presse|journal)|extrait de presse|press (?:article|extract)|news article|\bpresse\b"
    ),
}
KIND_CUES: dict[str, list[tuple[str, re.Pattern[str], float]]] = {
    "technique": [
        ("features", re.compile(r"\bfeatures\b", re.I), 1.5),
        ("maximum ratings", re.compile(r"absolute maximum ratings", re.I), 2.5),
        ("electrical characteristics", re.compile(r"electrical characteristics", re.I), 2.5),
        ("min/typ/max", re.compile(r"\bmin\b.{0,20}\btyp\b.{0,20}\bmax\b", re.I | re.S), 2),
        ("pin configuration", re.compile(r"pin (?:configuration|description|out)", re.I), 2),
        ("ordering information", re.compile(r"ordering information", re.I), 2),
        ("datasheet", re.compile(r"data ?sheet|specifications?", re.I), 1.5),
        ("request for comments", re.compile(r"request for comments|\bRFC ?\d{3,4}", re.I), 2.5),
        ("status of this memo", re.compile(r"status of this memo", re.I), 2.5),
        ("MUST/SHOULD", re.compile(r"\b(?:MUST|SHOULD|SHALL)(?: NOT)?\b"), 1.5),
        (
            "configuration guide",
            re.compile(r"configuration guide|command reference|user guide|manual", re.I),
            2,
        ),
        ("CLI prompt", re.compile(r"\w+(?:\(config[\w-]*\))?#\s"), 2),
        ("steps", re.compile(r"\bstep \d+\b", re.I), 1),
        ("note:", re.compile(r"\bnote:", re.I), 0.5),
        (
            "units",
            re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:V|mA|A|W|MHz|GHz|Mbps|Gbps|Mpps|°C|ms|kB|MB|GB)\b"),
            0.4,
        ),
    ],
    "presse": [
        ("byline", re.compile(r"^\s*by [A-Z][a-z]+ [A-Z]", re.M), 2.5),
        ("date line", re.compile(r"\b(?:published|updated|posted)\b", re.I), 1.5),
        (
            "reported speech",
            re.compile(r"\b(?:said|says|told|according to|reported|warned)\b", re.I),
            0.8,
        ),
        ("agency", re.compile(r"\b(?:Reuters|AP|AFP|Associated Press|Bloomberg)\b"), 1.5),
        (
            "outlet",
            re.compile(
                r"BBC|The Guardian|Wired|Ars Technica|ZDNet|TechCrunch|The Verge|The Register|BleepingComputer|New York Times|Financial Times|The Economist|CNN|Forbes",
                re.I,
            ),
            2,
        ),
        ("quotes", re.compile(r"[\"“”]"), 0.5),
        (
            "correspondent",
            re.compile(r"\b(?:correspondent|reporter|journalist|editor)\b", re.I),
            1.5,
        ),
    ],
}
URL = re.compile(
    r"\b(?:https?://[^\s)>\]]+|www\.[^\s)>\]]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|gov|edu|fr|co\.uk|de)\b(?:/[^\s)]*)?)",
    re.I,
)
PUBLISHER = re.compile(
    r"BBC|The Guardian|Wired|Ars Technica|ZDNet|TechCrunch|The Verge|The Register|BleepingComputer|"
    r"Reuters|Associated Press|AFP|Bloomberg|New York Times|Financial Times|The Economist|CNN|Forbes|"
    r"Le Monde|Cisco|IETF|RFC Editor|Texas Instruments|Microchip|STMicroelectronics|Schneider Electric|"
    r"Siemens|Microsoft|Juniper|Fortinet|Ubiquiti|HPE|Aruba|Raspberry Pi|Arduino|Espressif",
    re.I,
)
# Without a known name: what follows a copyright sign or a "Source:" / "Publisher:" label.
PUBLISHER_LABEL = re.compile(
    r"(?:©|\(c\)|copyright|\bsource\s*:|\bpublisher\s*:|\bpublished by)\s*(?:\d{4}\s*)?([A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3})"
)
MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|fevrier|février|mars|avril|mai|juin|juillet|aout|août|septembre|octobre|novembre|decembre|décembre)"
DATE = re.compile(
    rf"\b\d{{1,2}} {MONTHS} \d{{4}}\b|\b{MONTHS} \d{{1,2}},? \d{{4}}\b|\b{MONTHS} \d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{4}}\b|\(\d{{4}}\)|/20\d{{2}}/\d{{2}}/",
    re.I,
)


@dataclass(slots=True)
class Source:
    url: str | None = None
    publisher: str | None = None
    date: str | None = None

    @property
    def found(self) -> bool:
        return bool(self.url or self.publisher or self.date)


@dataclass(slots=True)
class AnnexDocument:
    """One annexed document: where it is, and what the analysis found on it."""

    index: int
    title: str
    pages: list[int]  # physical page numbers in the report, or in its own file
    file: str | None  # the separate file it came from, None when inside the report
    role: str  # "english" (one of the three), or "other" (glossary, diagram...)
    language: str
    language_probability: float
    kind: str  # "technique", "presse" or "inconnu"
    kind_confidence: float
    kind_declared: str | None
    cues: list[str] = field(default_factory=list)
    image_ratio: list[float] = field(default_factory=list)
    scanned: list[bool] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)  # one per page
    picture_boxes: list[list[Box]] = field(default_factory=list)  # what was counted, per page

    @property
    def source(self) -> Source:
        """What the document shows, over all its pages."""
        return Source(
            url=next((s.url for s in self.sources if s.url), None),
            publisher=next((s.publisher for s in self.sources if s.publisher), None),
            date=next((s.date for s in self.sources if s.date), None),
        )


def figure_boxes(page: Page) -> list[Box]:
    """Vector figures: clusters of drawn paths that are not rulings or page borders.

    A thin path (under 3 pt across) is a ruling or an underline; a path covering most of the page
    is a border or background. What is left, grouped when boxes touch, is a chart or diagram,
    counted by the box that holds it.
    """
    limit = 0.9 * page.area
    shapes = [b for b in page.drawings if b.width >= 3 and b.height >= 3 and b.area < limit]
    clusters: list[Box] = []
    for box in sorted(shapes, key=lambda b: (b.top, b.x0)):
        for i, cluster in enumerate(clusters):
            if (
                box.x0 <= cluster.x1 + 4
                and box.x1 >= cluster.x0 - 4
                and box.top <= cluster.bottom + 4
                and box.bottom >= cluster.top - 4
            ):
                clusters[i] = Box(
                    min(box.x0, cluster.x0),
                    min(box.top, cluster.top),
                    max(box.x1, cluster.x1),
                    max(box.bottom, cluster.bottom),
                )
                break
        else:
            clusters.append(box)
    return clusters


def picture_share(page: Page) -> tuple[float, bool, list[Box]]:
    """(share of the page covered by pictures and vector figures, whether it is a scan, the
    boxes that were counted)."""
    raster = coverage(page.pictures, page.width, page.height)
    if not page.has_text and raster >= SCAN_SHARE:
        return 1.0, True, [Box(0.0, 0.0, page.width, page.height)]
    boxes = [*page.pictures, *figure_boxes(page)]
    return round(coverage(boxes, page.width, page.height), 4), False, boxes


def find_source(text: str) -> Source:
    url = URL.search(text)
    named = PUBLISHER.search(text)
    labelled = None if named else PUBLISHER_LABEL.search(text)
    date = DATE.search(text)
    return Source(
        url=url.group(0).rstrip(".,;") if url else None,
        publisher=named.group(0) if named else (labelled.group(1) if labelled else None),
        date=date.group(0) if date else None,
    )


def classify_kind(text: str) -> tuple[str, float, list[str]]:
    """("technique" | "presse" | "inconnu", confidence in [0, 1], the cues that decided)."""
    scores: dict[str, float] = {}
    cues: dict[str, list[str]] = {}
    for kind, patterns in KIND_CUES.items():
        score, seen = 0.0, []
        for name, pattern, weight in patterns:
            hits = len(pattern.findall(text))
            if hits:
                score += weight * min(hits, 3)
                seen.append(name)
        scores[kind], cues[kind] = score, seen
    best = max(scores, key=scores.get)
    other = min(scores, key=scores.get)
    if scores[best] < 2 or scores[best] == scores[other]:
        return "inconnu", 0.0, cues[best]
    confidence = round(scores[best] / (scores[best] + scores[other] + 1), 2)
    return best, confidence, cues[best]


def declared_kind(text: str) -> str | None:
    """The kind a student wrote on the page ("Document technique", "Article de presse")."""
    folded = fold(text)
    for kind in ("technique", "presse"):
        if DECLARED[kind].search(folded):
            return kind
    return None


def _signature(page: Page) -> tuple[str, float, int]:
    """The look of a page: its main font, size and left margin (rounded)."""
    counter: Counter[tuple[str, float, int]] = Counter()
    for line in page.lines:
        counter[(line.font, round(line.size), int(line.box.x0 // 10))] += len(line.text)
    return counter.most_common(1)[0][0] if counter else ("", 0.0, 0)


def _header_line(page: Page) -> str | None:
    for line in sorted(page.lines, key=lambda line: line.box.top)[:3]:
        if ANNEX_HEADER.match(fold(line.text)):
            return line.text
    return None


def _starts_with_headline(page: Page) -> bool:
    """An article or a document starts with a title larger than its text; a continued page
    starts with body text."""
    lines = sorted(page.lines, key=lambda line: line.box.top)
    if not lines:
        return False
    sizes = Counter()
    for line in lines:
        sizes[round(line.size)] += len(line.text)
    body = sizes.most_common(1)[0][0]
    return any(line.size >= 1.3 * body for line in lines[:2])


def _is_title_page(page: Page) -> bool:
    texts = [heading_key(line.text) for line in page.lines]
    return (
        bool(texts)
        and len(page.lines) <= 4
        and any(re.match(r"(?:documents? )?annexes?$", t) for t in texts)
    )


def split_annex_part(document: Document, annex_pages: list[int]) -> list[list[int]]:
    """Groups annex pages into documents (lists of physical page numbers)."""
    outline_starts = {e.page for e in document.outline if e.page in annex_pages}
    groups: list[list[int]] = []
    previous: Page | None = None
    for number in annex_pages:
        page = document.page(number)
        if _is_title_page(page):
            previous = None
            continue
        starts = (
            previous is None
            or number in outline_starts
            or _header_line(page) is not None
            or _starts_with_headline(page)
            or _signature(page) != _signature(previous)
            or quick_language(page.text) != quick_language(previous.text)
        )
        if starts or not groups:
            groups.append([number])
        else:
            groups[-1].append(number)
        previous = page
    return groups


def analyse_document(
    index: int, pages: list[Page], file: str | None, declared: str | None, outline_title: str | None
) -> AnnexDocument:
    text = "\n".join(page.text for page in pages)
    first = pages[0]
    header = _header_line(first)
    title = (
        outline_title
        or header
        or next((line.text for line in first.lines if len(line.text) > 3), "")
    )
    language, probability = detect(text)
    kind, confidence, cues = classify_kind(text)
    top_lines = " ".join(
        line.text for line in sorted(first.lines, key=lambda line: line.box.top)[:3]
    )
    declared = declared or declared_kind(" ".join(filter(None, [outline_title, header, top_lines])))
    shares = [picture_share(page) for page in pages]
    folded_title = fold(" ".join(filter(None, [outline_title, header, title])))
    # A glossary, an organisation chart, a French diagram announced as such: another annex,
    # not one of the three (unless it is in English, which makes it a candidate anyway).
    is_other = (language != "en" and bool(OTHER_ANNEX.search(folded_title))) or bool(
        re.search(r"glossaire|lexique", folded_title)
    )
    return AnnexDocument(
        index=index,
        title=title,
        pages=[page.number for page in pages],
        file=file,
        role="other" if is_other else "english",
        language=language if language != UNDETERMINED else UNDETERMINED,
        language_probability=probability,
        kind=kind,
        kind_confidence=confidence,
        kind_declared=declared,
        cues=cues,
        image_ratio=[share for share, _, _ in shares],
        scanned=[scan for _, scan, _ in shares],
        picture_boxes=[boxes for _, _, boxes in shares],
        sources=[find_source(page.text) for page in pages],
    )


def analyse_annexes(
    document: Document, annex_pages: list[int], external: list[tuple[Document, str | None]]
) -> list[AnnexDocument]:
    """Every annexed document: those inside the report, then the separate files in order."""
    annexes: list[AnnexDocument] = []
    titles = {e.page: e.title for e in document.outline if e.page in annex_pages}
    for group in split_annex_part(document, annex_pages):
        pages = [document.page(n) for n in group]
        annexes.append(analyse_document(len(annexes) + 1, pages, None, None, titles.get(group[0])))
    for other, declared in external:
        annexes.append(analyse_document(len(annexes) + 1, other.pages, other.path, declared, None))
    return annexes
