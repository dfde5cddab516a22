"""Is an annexed document a technical document or a press extract? Read from its own text.

The regulation asks for one technical document (a datasheet, an application note, a manual, a
configuration guide, a standard or RFC, a tutorial or a technical explainer) and two press
extracts (news articles, press releases, magazine and trade-press pages, news-site and company
news posts, university news). Two kinds of evidence tell them apart:

- **vocabulary**: a technical document is dense with the words of devices, signals, protocols and
  software (pins, ports, voltage, output, header, packet, command, configuration...); a press
  text tells who did what, when, and who said it (said, according to, announced, students,
  professor, this week...). Each is measured per 100 words, so a long article that mentions a
  product is not a datasheet, and a tutorial blog post with a byline is not news;
- **landmarks** that only one kind has: "Absolute Maximum Ratings", "Pin Configuration", an RFC's
  "Status of this Memo" and its MUST/SHOULD, code and configuration prompts, steps of a
  procedure; or a press release's "FOR IMMEDIATE RELEASE" and "Media contact", a byline
  ("By Jane Doe", "Written by"), a dateline ("MONTREAL, November 2014 —"), a photo credit, a
  news outlet's name.

Each kind gets a score (vocabulary density plus landmarks, each landmark's hits capped); the
higher wins with a confidence that grows with the margin; "inconnu" only when the text gives no
cue at all (a page of five broken lines, a scan without OCR). The cues that decided are kept,
with machine names, for the output to explain the decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapportlint.analysis.text import fold

TECHNICAL, PRESS, UNKNOWN = "technique", "presse", "inconnu"

# The words of devices, signals, protocols and software, in English, French and German.
TECHNICAL_WORDS = re.compile(
    r"\b(?:pins?|ports?|bits?|bytes?|octets?|registers?|registres?|voltage|volts?|tension|current|"
    r"courant|signals?|signaux|inputs?|outputs?|entrees?|sorties?|modes?|interfaces?|protocols?|"
    r"protocoles?|packets?|paquets?|headers?|en-tetes?|fields?|champs?|segments?|address(?:es)?|"
    r"adresses?|memory|memoire|clock|horloge|frequency|frequence|power|supply|alimentation|"
    r"sensors?|capteurs?|modules?|boards?|cartes?|devices?|firmware|software|logiciels?|hardware|"
    r"materiel|functions?|fonctions?|parameters?|parametres?|values?|valeurs?|commands?|"
    r"commandes?|default|defaut|configuration|configure|leds?|gpio|resistors?|resistances?|wires?|"
    r"wiring|cables?|connectors?|connecteurs?|ground|gnd|vcc|usb|ethernet|serial|serie|i/o|api|"
    r"servers?|serveurs?|client|database|script|code|programs?|programmes?|library|bibliotheque|"
    r"install(?:ation)?|settings?|reglages?|menu|buttons?|boutons?|display|afficheur|screen|ecran|"
    r"battery|batterie|temperature|circuits?|chips?|puces?|microcontroller|microcontroleur|"
    r"processor|processeur|cpu|ram|rom|eprom|flash|timers?|interrupts?|data|donnees|datasheet|"
    r"specifications?|operating|operation|manual|manuel|breadboard|python|java|linux|windows|"
    r"raspberry|arduino|network|reseau|ip|tcp|udp|http|dns|router|routeur|switch|firewall|vlan|ssh|"
    r"sql|json|xml|html|version|mhz|ghz|khz|ma|mw|vdc|vac|dc|ac|anschlusse|spannung|ausgang|"
    r"eingang|schnittstelle)\b"
)
# Who did what, when, and who said it (matched, like the above, on folded text).
PRESS_WORDS = re.compile(
    r"\b(?:said|says|told|according to|announced|announces|added|explained|noted|stated|reported|"
    r"commented|news|today|yesterday|this week|last week|last year|students?|university|college|"
    r"professor|ceo|president|director|founder|community|people|campaign|researchers?|scientists?|"
    r"residents?|officials?|spokesperson|spokesman|launched|launches|plans|fans|season|team|"
    r"players?|study|discovered|award|event|a declare|a annonce|annonce|selon|explique|indique|"
    r"precise|souligne|lance|aujourd'hui|cette semaine|l'an dernier|etudiants?|universite|"
    r"president|directeur|fondateur|habitants|gouvernement|evenement|campagne|financement|public|"
    r"membres|association|a lance|a presente|presente|rassemble|edition|salon|inauguration|"
    r"partenariat|laureats?|recompense|candidature|lancement|sagte|sagt|erklart|laut|berichtet|"
    r"unternehmen|betriebe|prozent|jahr|heute|kunden|mitarbeiter|teilte)\b"
)
PROSE_LINE_WORDS = 8  # a line of running text
PROSE_SHARE = 0.55  # of the lines: a text told in sentences, as news is
PROSE_POINTS = 2.0


@dataclass(frozen=True, slots=True)
class Landmark:
    name: str  # machine name, shown as the cue that decided
    pattern: re.Pattern[str]
    weight: float
    caseless: bool  # the pattern runs on the lower-cased text


def _landmark(name: str, pattern: str, weight: float, flags: int = re.I | re.M) -> Landmark:
    """A landmark; case-insensitive by default. Such a pattern is written in lower case and
    runs, without re.I, on the text lower-cased once: the same matches, and read_kind twice as
    fast (with re.I, Python's matcher gets no first-letter shortcut and tries every position)."""
    if not flags & re.I:
        return Landmark(name, re.compile(pattern, flags), weight, caseless=False)
    if any(char.isupper() for char in re.sub(r"\\.", "", pattern)):
        raise ValueError(f"the case-insensitive landmark {name!r} must be written in lower case")
    return Landmark(name, re.compile(pattern, flags & ~re.I), weight, caseless=True)


_MONTH = r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)"

LANDMARKS: dict[str, tuple[Landmark, ...]] = {
    TECHNICAL: (
        _landmark(
            "technical document",
            r"technical (?:document|reference|specification|note)|application note|reference manual|"
            r"api reference|man page|\bsynopsis\b|release notes|installation guide|getting started|"
            r"user'?s? (?:manual|guide)|operating (?:manual|instructions)|quick ?start",
            2,
        ),
        _landmark("features", r"^\s*(?:key )?features\s*:?\s*$|^\s*merkmale\s*$", 2),
        _landmark("maximum ratings", r"absolute maximum ratings", 2.5),
        _landmark("electrical characteristics", r"electrical characteristics", 2.5),
        _landmark("min/typ/max", r"\bmin\b.{0,20}\btyp\b.{0,20}\bmax\b", 2, re.I | re.S),
        _landmark("pin configuration", r"pin (?:configuration|description|out|assignment)", 2),
        _landmark("ordering information", r"ordering information", 2),
        _landmark(
            "datasheet",
            r"data ?sheet|\bspecifications?\b|datenblatt|technische daten|fiche technique",
            1.5,
        ),
        _landmark("request for comments", r"request for comments|\brfc ?\d{3,4}", 2.5),
        _landmark("status of this memo", r"status of this memo", 2.5),
        _landmark("MUST/SHOULD", r"\b(?:MUST|SHOULD|SHALL)(?: NOT)?\b", 1.5, re.M),
        _landmark(
            "configuration guide",
            r"configuration guide|command reference|user guide|\bmanual\b|\bmanuel\b|\bhowto\b|how to (?:connect|install|configure|use|set up)",
            2,
        ),
        _landmark("CLI prompt", r"\b\w+(?:\(config[\w-]*\))?#\s|^\s*\$ \w", 2),
        _landmark(
            "code",
            r"[;{}]\s*$|^\s*(?:#include|import |from \w+ import|def |class |public |private |void |int |return\b)|\w+\([^)]*\)\s*[;{]?\s*$|\b0x[0-9a-f]+\b",
            1.5,
        ),
        _landmark(
            "steps",
            r"\bstep \d+\b|^\s*(?:\d+[.)]\s*)?(?:connect|click|open|run|install|type|select|press|insert|plug|remove|download|navigate|go to|wait|save|configure|edit|enable|disable|branchez|cliquez|ouvrez|installez|s[ée]lectionnez|appuyez)\b",
            1,
        ),
        _landmark("figure/table", r"^\s*(?:figure|fig\.|table|tableau)\s*\d+", 0.8),
        _landmark("note:", r"\bnote:", 0.5),
        _landmark(
            "units",
            r"\b\d+(?:[.,]\d+)?\s?(?:V|mV|mA|µA|A|W|mW|kW|Hz|kHz|MHz|GHz|Mbps|Gbps|Mpps|°C|ms|µs|ns|kB|MB|GB|Ω|kΩ|pF|nF|µF)\b",
            0.5,
            re.M,
        ),
    ),
    PRESS: (
        _landmark(
            "byline",
            r"^\s*(?:by|par|von|written by|author:|auteur\s*:)\s+[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3}|^\s*[A-Z][a-z]+ [A-Z][a-z]+ and [A-Z][a-z]+ [A-Z][a-z]+\s*$",
            2.5,
            re.M,
        ),
        _landmark(
            "date line",
            rf"\b(?:published|updated|posted|publi[ée]|mis à jour)\b|^\s*{_MONTH} \d{{1,2}},? \d{{4}}\s*$|^\s*\d{{1,2}} {_MONTH} \d{{4}}\s*$|{_MONTH} \d{{1,2}},? \d{{4}},? \d{{1,2}}[:.]\d{{2}} ?(?:am|pm)",
            1.5,
        ),
        _landmark(
            "press release",
            r"press release|news release|for immediate release|media contacts?|press contact|"
            r"communiqu[ée] de presse|contact presse|^\s*about [a-z][\w&.-]+(?: [a-z][\w&.-]+){0,3}\s*$|"
            r"^\s*à propos de [a-z]",
            2.5,
        ),
        _landmark(
            "dateline",
            rf"^[a-z][a-zß-ÿ× .'-]{{2,30}},? (?:\(\w+\) )?(?:{_MONTH}\.?,? (?:\d{{1,2}},? )?\d{{4}}|\d{{1,2}} {_MONTH} \d{{4}}|{_MONTH}\.? \d{{1,2}})\s*[,–—-]|^[a-z][\wß-ÿ× .'-]{{2,30}}, le \d{{1,2}}(?:er)? {_MONTH} \d{{4}}|^[a-z][a-zß-ÿ× .'-]{{2,30}}(?:, [a-z][a-zß-ÿ× .'-]{{2,30}})?\s*[-–—\u00ad]\s*(?:{_MONTH}\.? \d{{1,2}},? \d{{4}}|\d{{1,2}}(?:er)? {_MONTH} \d{{4}})",
            2.5,
        ),
        _landmark(
            "photo credit",
            r"\b(?:photo(?:graph)?(?: by|:|/| credit)|credit:|getty images\b|shutterstock\b|ap photo\b|cr[ée]dit photo\b)|\(.{0,40} photo/[^)]+\)",
            2,
        ),
        _landmark(
            "photo credit",
            r"^[A-Z]{2,}(?: [A-Z]{2,}){1,3} ?/ ?[A-Z]{2,}(?: [A-Z]{2,})*\s*$",
            2,
            re.M,
        ),
        _landmark(
            "masthead",
            r"^[a-z][a-z0-9 &'.-]{3,40} \| [a-z][\w ]+$|\bnewsroom\b|\bnews\b|\bactualit[ée]s?\b",
            1.5,
        ),
        _landmark(
            "share links",
            r"\b(?:share|tweet|subscribe|newsletter|read more|comments?)\b",
            0.5,
        ),
        _landmark(
            "reported speech",
            r"\b(?:said|says|told|according to|reported|warned|a d[ée]clar[ée]|explique|selon|sagte)\b|[\"“«][^\"”»]{10,}[\"”»],? (?:said|says|explained|added|a-t-il|explique)",
            0.8,
        ),
        _landmark("agency", r"\b(?:Reuters|AP|AFP|Associated Press|Bloomberg)\b", 1.5, re.M),
        _landmark(
            "outlet",
            r"\b(?:BBC|The Guardian|Wired|Ars Technica|ZDNet|TechCrunch|The Verge|The Register|"
            r"BleepingComputer|New York Times|Financial Times|The Economist|CNN|Forbes|Reuters|"
            r"Bloomberg|Engadget|CNET|The Hacker News|SecurityWeek|Dark Reading|InfoWorld|"
            r"Computerworld|Network World|IEEE Spectrum|TechRadar|Tom's Hardware|PCWorld|VentureBeat|"
            r"Axios|Politico|Washington Post|Wall Street Journal|USA Today|The Independent|"
            r"The Telegraph|Le Monde|Les Echos|Le Figaro|Libération|01net|Numerama|LeMagIT)\b",
            2,
            re.M,
        ),
        _landmark(
            "correspondent",
            r"\b(?:correspondent|reporter|journalist|editor|journaliste|r[ée]dacteur)\b",
            1.5,
        ),
    ),
}


def _told_in_sentences(text: str, technical_density: float) -> bool:
    """Most lines are sentences, and few words are technical: a story, not a manual."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 8 or technical_density >= TECHNICAL_PROSE_LIMIT:
        return False
    prose = sum(1 for line in lines if len(line.split()) >= PROSE_LINE_WORDS)
    return prose >= PROSE_SHARE * len(lines)


TECHNICAL_PROSE_LIMIT = 5.0  # technical words per 100: above, prose is a manual's
VOCABULARY_SCALE = {TECHNICAL: 2.5, PRESS: 1.5}  # density per 100 words for one point
LANDMARK_CAP = 3  # hits of one landmark counted at most
MIN_SCORE = 2.0  # below this the text gives no usable cue
MIN_WORDS = 15


@dataclass(frozen=True, slots=True)
class KindReading:
    kind: str  # TECHNICAL, PRESS or UNKNOWN
    confidence: float
    cues: list[str]  # machine names of what decided, strongest first
    scores: dict[str, float]


def read_kind(text: str) -> KindReading:
    """The kind of an annexed document's text (see the module's docstring)."""
    folded = fold(text)
    words = re.findall(r"[^\W\d_][\w'/#-]*", folded)
    count = len(words)
    scores: dict[str, float] = {}
    cues: dict[str, list[tuple[float, str]]] = {}
    vocabulary = {TECHNICAL: TECHNICAL_WORDS, PRESS: PRESS_WORDS}
    densities = {
        kind: 100 * len(pattern.findall(folded)) / max(count, 1)
        for kind, pattern in vocabulary.items()
    }
    lowered = text.lower()
    for kind, landmarks in LANDMARKS.items():
        seen: list[tuple[float, str]] = []
        points = densities[kind] / VOCABULARY_SCALE[kind] if count >= MIN_WORDS else 0.0
        if points >= 1:
            seen.append((points, f"{'technical' if kind == TECHNICAL else 'news'} vocabulary"))
        score = points
        if kind == PRESS and _told_in_sentences(text, densities[TECHNICAL]):
            score += PROSE_POINTS
            seen.append((PROSE_POINTS, "running prose"))
        for landmark in landmarks:
            hits = len(landmark.pattern.findall(lowered if landmark.caseless else text))
            if hits:
                gained = landmark.weight * min(hits, LANDMARK_CAP)
                score += gained
                seen.append((gained, landmark.name))
        scores[kind] = round(score, 2)
        cues[kind] = sorted(seen, key=lambda s: -s[0])
    best = max(scores, key=scores.get)
    other = PRESS if best == TECHNICAL else TECHNICAL
    names = [name for _, name in cues[best]]
    if scores[best] < MIN_SCORE or scores[best] == scores[other]:
        return KindReading(UNKNOWN, 0.0, names, scores)
    confidence = round(scores[best] / (scores[best] + scores[other] + 1), 2)
    return KindReading(best, confidence, names, scores)
