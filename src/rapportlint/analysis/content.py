"""What a part of the report talks about: a content profile, read from its text alone.

A title says what a student meant; the text says what the part is. Students title their parts
in a thousand ways ("I - Présentation du musée", the company's own name, "Environnement",
"Déroulé", "Mon stage", "Semaine du 2 juin"), but the three parts the regulation asks for read
very differently:

- the company presentation describes an organisation, in the third person: when it was
  created, its staff, its sector, where it is, its clients and services, its organisation
  chart, its legal form ("SARL", "association"), "l'établissement", "le laboratoire";
- the activities narrate the intern's own work: the first person ("j'ai", "nous avons", "on
  m'a confié") with work verbs ("installé", "configuré", "développé", "testé"), missions,
  tasks, tickets, days and weeks, a project, the tools used;
- the conclusion looks back: what the internship brought, what was learned, the professional
  project, perspectives, "pour conclure".

Each profile is a density (weighted cue hits per 100 words, each cue's hits capped so that one
repeated word cannot decide) and the list of cues that were seen, with the words that matched,
so that every decision can say why. The patterns run on folded text (no accents, lower case:
see :mod:`rapportlint.analysis.text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapportlint.analysis.text import composed, fold_with_map

COMPANY, WORK, CLOSING = "entreprise", "activites", "conclusion"
KINDS = (COMPANY, WORK, CLOSING)

_YEAR = r"(?:1[89]|20)[0-9]{2}"
_NUMBER = r"[0-9][0-9 .,]{0,12}"  # "1 100", "12.000": bounded, or a page of figures backtracks
# An address that places the host, not a web, mail or network one ("disponibles sur mon dépôt
# Github, à l'adresse : https://...", "l'adresse IP du serveur").
_POSTAL_ADDRESS = (
    r"adresse(?!\s*:?\s*(?:https?\s?:|www\.|[\w.-]+@)"  # babel's French "https ://" too
    r"|s? (?:ip|mac|e-?mail|mail|electronique|url|web|internet|reseau|memoire|physique|logique)\b)"
)
# The label of the host's identity card ("Adresse :", "Adresse web :", as "Site web :"), not
# "à l'adresse :" in a sentence, which points at the student's own code.
_ADDRESS_LABEL = r"(?<!l')adresse(?: postale| web| internet| e-?mail| electronique)?"
# The host's trade ("le groupe distribue ses produits en Europe"), not a computing adjective
# ("le mode de programmation distribué, ainsi que..."): the verb has its object after it.
_DISTRIBUTES = (
    r"distribuen?t?(?= (?:des|les|ses|leurs|du|de|d'|ces|son|sa|un|une|en|dans|aux"
    r"|principalement|notamment|egalement|aussi)\b)"
)


@dataclass(frozen=True, slots=True)
class Cue:
    """One kind of evidence: a machine name, the pattern, its weight."""

    name: str
    pattern: re.Pattern[str]
    weight: float


def _cue(name: str, pattern: str, weight: float) -> Cue:
    return Cue(name, re.compile(pattern), weight)


CUES: dict[str, tuple[Cue, ...]] = {
    COMPANY: (
        _cue(
            "creation-date",
            rf"\b(?:creee?s?|fondee?s?|creation|fondation|nee?|existe|implantee?|installee?|ouverte?)\b[^.]{{0,40}}\b{_YEAR}\b|\bdepuis {_YEAR}\b|\ben {_YEAR},|\bfondee? (?:par|en|a)\b|\bdate de creation\b",
            2.0,
        ),
        _cue(
            "definition",
            r"\b(?:est|etait|reste|constitue) (?:aujourd'\s*hui |actuellement |egalement )?(?:un|une|le|la|l')\s*(?:(?:grand|grande|petit|petite|jeune|importante?|principal|principale|premier|premiere|leader|veritable)e?s? )?(?:entreprise|societe|etablissement|association|laboratoire|organisme|organisation|groupe|collectivite|administration|start-?up|cabinet|agence|ecole|institut|structure|pme|tpe|esn|ssii|filiale|editeur|operateur|fournisseur|prestataire|constructeur|acteur|leader|commune|ville|service public|centre|clinique|hopital|banque|mutuelle|club|federation)\b|\b(?:sous la tutelle|(?:rattachee?|affiliee?) (?:a|au))\b",
            2.0,
        ),
        _cue(
            "staff",
            rf"\b{_NUMBER}\s*(?:salaries|employes|collaborateurs|collaboratrices|agents|personnes|ingenieurs|chercheurs|enseignants-chercheurs|permanents|doctorants|techniciens|benevoles|habitants|etudiants|eleves|adherents)\b|\beffectifs?\b|\bnombre (?:de |d')\s*(?:salari|employ|collaborat|agents|personnes)|\bsalaries\b|\bemployes\b",
            1.5,
        ),
        _cue(
            "turnover",
            r"chiffre d'\s*affaires|\bmillions? d'\s*euros|\b[0-9]+ ?(?:m|k)€|\bcapital social\b|\bbudget annuel\b",
            1.5,
        ),
        _cue(
            "legal-form",
            # (Not a name that opens on such letters, "SCI-Summ", a corpus; "PME-PMI" is one.)
            r"\b(?:sarl|sas|sasu|eurl|scop|sci|gie|epic|societe anonyme|association loi 1901|forme juridique|siret|siren|code ape|code naf|filiale|maison mere|etablissement public|collectivite territoriale|entreprise publique|startup|start-up|pme|tpe|multinationale)\b(?!-(?!pmi\b)\w)",
            1.5,
        ),
        _cue(
            "location",
            rf"\b(?:siege(?: social)?|situee?s?|implantee?s?|locaux|{_POSTAL_ADDRESS}|agences|succursales?|antennes|implantations?|present(?:e)? (?:en|dans|a)|dans le monde|a l'international)\b",
            1.0,
        ),
        _cue(
            "clients",
            r"\b(?:ses clients|clientele|nos clients|les clients|clients? (?:sont|comme|tels)|types? de clients|partenaires|fournisseurs|usagers|administres|adherents|patients)\b",
            1.0,
        ),
        _cue(
            "identity-card",
            rf"\b(?:raison sociale|nom de l'\s*(?:entreprise|organisme|etablissement)|{_ADDRESS_LABEL}|telephone|coordonnees|site (?:web|internet)|secteur|domaine d'\s*activite|forme juridique|date de creation|statut juridique|activite principale|effectif)\s*:",
            1.5,
        ),
        _cue(
            "business",
            rf"\b(?:secteur d'\s*activite|domaine d'\s*activite|secteur|specialisee?s?|leader|activites? principales?|coeur de metier|savoir-faire|expertise|prestations?|propose|proposons|commercialise|fabrique|{_DISTRIBUTES}|offre (?:des|de)|gamme)\b",
            1.0,
        ),
        _cue(
            "organisation",
            r"\b(?:organigramme|direction generale|directeur|directrice|pdg|dirigeant|dirigee|gerant|gerante|president|presidente|poles?|departements|hierarchie|conseil d'administration|sous la direction|pilotee? par|(?:structuree?|organisee?) (?:autour|en|suivant|selon) (?:de )?(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|plusieurs|[0-9]+))\b",
            1.0,
        ),
        _cue(
            "the-organisation",
            r"\b(?:l'entreprise|la societe|l'etablissement|le laboratoire|l'association|la structure|l'organisme|la mairie|la collectivite|l'agence|le groupe|le cabinet|la commune|l'ecole|le lycee|l'universite|le musee|la start-?up|l'institut|la prefecture|le rectorat|le campus|le club|l'hopital|la clinique|le centre hospitalier|l'\s*unite(?: de recherche| mixte|(?! (?:de|d'|du|des|centrale)\b)))\b",
            0.6,
        ),
        _cue(
            # Where the stay took place, the host named: "Mon stage a eu lieu à l'Hôpital des
            # 15-20", "J'ai effectué mon stage au sein de la société..."
            "stay-place",
            r"\b(?:stage|alternance|apprentissage)\b[^.]{0,40}?\b(?:a eu lieu|s'\s*est deroulee?|se deroule|a ete effectuee?)\s+(?:a|au|aux|chez|dans|au sein)\b|\b(?:effectue|realise) (?:mon|ce|notre) (?:stage|alternance|apprentissage)\s+(?:a|au|aux|chez|dans|au sein)\b",
            0.5,
        ),
        _cue(
            # What the host's team or service does, in the third person: "l'équipe de M. Atlan
            # qui développe un logiciel", "L'équipe conçoit des méthodes", "le service gère".
            "team-work",
            r"\b(?:l'\s*equipe|cette equipe|le service|ce service|le pole|le departement|l'\s*unite)\b(?: [a-z'-]+){0,4}? (?:qui )?(?:developpe|concoit|etudie|travaille sur|gere|assure|fournit|produit|accompagne|mene|s'\s*occupe)\b",
            1.0,
        ),
        # A research laboratory's own words: "une unité mixte de recherche", "UMR 7266",
        # "six équipes de recherche", "structurée suivant 4 axes de recherche".
        _cue(
            "research-unit",
            r"\bunites? (?:mixtes? )?de recherche\b|\b(?:umr|upr|usr|ums)\s*[0-9]{3,4}\b|\bequipes? de recherche\b|\baxes de recherche\b",
            1.0,
        ),
        _cue(
            "history",
            r"\b(?:historique|son histoire|ses valeurs|nos valeurs|sa mission|ses missions|dont la mission|a pour missions?|ses activites|son activite|son ambition|sa vision|chiffres cles)\b",
            1.0,
        ),
    ),
    WORK: (
        _cue(
            "first-person",
            r"\bj'\s*(?:ai|avais|etais|suis|y)\b|\bje (?:me |m'|les |l'|le |la |leur |lui |n'|ne |suis |vais |dois |devais |pouvais |peux )?[a-z]+(?:e|ai|ais|ait|is|it|u)\b|\bon m'a\b|\bm'a (?:ete )?(?:confie|demande|propose|permis|montre|explique|appris|fait)|\bnous avons\b|\bmes (?:missions|taches|tuteurs?|collegues)\b|\bmon (?:tuteur|maitre|stage|travail|poste|projet|role|responsable)\b|\bma (?:mission|tache|tutrice|premiere)\b",
            1.0,
        ),
        _cue(
            "work-verbs",
            r"\b(?:installe|configure|developpe|realise|teste|deploye|mis en place|parametre|redige|code|programme|migre|depanne|intervenu|effectue|concu|implemente|integre|corrige|documente|automatise|mis a jour|remplace|cable|brasse|sauvegarde|restaure|formate|virtualise|supervise|cree|ajoute|modifie|verifie|analyse|prepare|participe|aide|resolu|traite|repare|monte|demonte|ecrit|dessine|modelise|calcule|mesure|prototype|assemble)e?s?\b",
            1.0,
        ),
        _cue(
            "tasks",
            r"\b(?:missions?|taches?|tickets?|interventions?|sprints?|livrables?|maquettes?|prototypes?|etapes?|demandes?|incidents?|procedures?|cahier des charges)\b",
            0.6,
        ),
        _cue(
            "time",
            r"\b(?:semaines?|journees?|lundi|mardi|mercredi|jeudi|vendredi|le matin|l'apres-midi|premier jour|dernier jour|premiere semaine)\b",
            0.6,
        ),
        _cue(
            "tools",
            r"\b(?:serveurs?|scripts?|base de donnees|reseaux?|applications?|logiciels?|postes?|windows|linux|debian|ubuntu|machines? virtuelles?|vm|switchs?|commutateurs?|routeurs?|vlan|active directory|glpi|php|python|java|sql|html|css|javascript|api|docker|git|wordpress|pare-feu|firewall|dns|dhcp|adresses? ip|code|fonctions?|interface|base|requetes?|composants?|cartes?|capteurs?|cablage|baie|imprimantes?)\b",
            0.4,
        ),
    ),
    CLOSING: (
        _cue(
            "what-it-brought",
            r"\b(?:(?:ce|cet) (?:stage|projet|apprentissage) m'a|cette (?:experience|periode|alternance|mission) m'a|ce stage (?:a ete|fut|etait)|m'a (?:beaucoup )?(?:permis|apporte|appris)|m'a (?:offert|donne) (?:l'\s*opportunite|l'\s*occasion|la possibilite|la chance)|j'\s*ai (?:[a-z]+ ){0,2}(?:appris|acquis|compris|decouvert|pu (?:decouvrir|apprendre|acquerir|developper|mettre en pratique|approfondir))|l'occasion de (?:mettre|decouvrir|travailler|apprendre|perfectionner|approfondir|developper|consolider)|mettre a profit|mettre en pratique|enrichissante?s?|formatrice|benefiques?)\b",
            2.0,
        ),
        _cue(
            "skills",
            r"\b(?:competences|connaissances|savoir-etre|savoir-faire|autonomie|rigueur|travail (?:en|d')\s*equipe|qualites (?:relationnelles|humaines))\b",
            0.8,
        ),
        _cue(
            "future",
            r"\b(?:projet professionnel|parcours professionnel|vie professionnelle|monde professionnel|monde du travail|avenir|perspectives?|poursuite d'\s*etudes|poursuivre|orientation|carriere|futur|futures?|l'an prochain|annee prochaine|me conforte|m'a conforte|confirme mon|confirme)\b",
            1.5,
        ),
        _cue(
            "looking-back",
            r"\b(?:pour conclure|en conclusion|en resume|pour finir|en definitive|au final|bilan|ressenti|satisfait|satisfaite|points? positifs?|points? negatifs?|difficultes rencontrees|rencontre (?:[a-z]+ ){0,2}difficultes|je retiens|retiendrai|je garde|je remercie|remercier)\b",
            1.5,
        ),
    ),
}


@dataclass(frozen=True, slots=True)
class ContentProfile:
    """How much a text reads like each part, and the cues that were seen.

    ``density`` maps each kind (:data:`KINDS`) to weighted cue hits per 100 words; ``cues`` maps
    each kind to the cues seen, most frequent first, each with the first words that matched.
    """

    words: int
    density: dict[str, float] = field(default_factory=dict)
    cues: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    voice: float = 0.0  # first-person phrases per 100 words: the intern telling their own work

    def kinds_seen(self, kind: str) -> int:
        """How many different cues of a kind were seen: one cue repeated is weaker evidence
        than several (a date of creation, a staff count and clients)."""
        return len(self.cues.get(kind, ()))

    def cue_words(self, kind: str, count: int = 4) -> tuple[str, ...]:
        """The words of the ``count`` most frequent cues of a kind, as the student wrote
        them: what a decision quotes to say why ("créée en 2015", "J'ai")."""
        return tuple(words for _, words in self.cues.get(kind, ())[:count])


EMPTY = ContentProfile(words=0, density={k: 0.0 for k in KINDS}, cues={k: () for k in KINDS})


def profile(text: str) -> ContentProfile:
    """The content profile of a text (a part of the report, without page furniture)."""
    folded, origin = fold_with_map(text)
    words = len(folded.split())
    if words == 0:
        return EMPTY
    hundreds = max(1.0, words / 100)
    cap = max(2, words // 60)  # a cue counts at most once a paragraph or so
    density: dict[str, float] = {}
    seen: dict[str, tuple[tuple[str, str], ...]] = {}
    voice = 0.0
    for kind, cues in CUES.items():
        score = 0.0
        found: list[tuple[int, str, str]] = []
        for cue in cues:
            matches = list(cue.pattern.finditer(folded))
            if not matches:
                continue
            score += cue.weight * min(len(matches), cap)
            first = matches[0]
            quoted = text[origin[first.start()] : origin[max(first.start(), first.end() - 1)] + 1]
            # (as the student wrote it: "réseau", not the old LaTeX font's "r´eseau")
            found.append((len(matches), cue.name, composed(" ".join(quoted.split()))))
            if cue.name == "first-person":
                voice = round(len(matches) / hundreds, 2)
        density[kind] = round(score / hundreds, 2)
        seen[kind] = tuple((name, words_) for _, name, words_ in sorted(found, key=lambda f: -f[0]))
    return ContentProfile(words=words, density=density, cues=seen, voice=voice)
