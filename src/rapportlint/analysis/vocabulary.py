"""Heading wordings seen in real reports, and what part of the report each announces.

The wordings come from the regulation's own words ("présentation de l'entreprise", "activités",
"courte conclusion") and from how students title their parts (see the project's domain notes):
"L'organisme d'accueil :", "Ce que j'ai pu faire lors de mon stage", "Conclusion technique",
"Bilan personnel"... Patterns run on folded, un-numbered heading text (see
:mod:`rapportlint.analysis.text`), anchored at its start, and tolerate lost ligatures.

Each wording has a name (what the output shows as the wording that matched) and a rank:

- 2: the part named outright ("Présentation de l'entreprise", "Missions réalisées", "Conclusion");
- 1: a usual title of the part ("Contexte du stage", "Réalisations", "Bilan du stage");
- 0: a weak hint, counted only when nothing better is found ("Historique", "Le projet").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapportlint.analysis.text import fold, heading_key, keyword_pattern

COMPANY, ACTIVITIES, CONCLUSION = "entreprise", "activites", "conclusion"
MAIN_KEYS = (COMPANY, ACTIVITIES, CONCLUSION)
INTRODUCTION, ANNEXES, FRONT, BACK = "introduction", "annexes", "front", "back"
# What stands around the report's parts: thanks, contents, glossary, bibliography, annexes.
MATTER_KEYS = (FRONT, BACK, ANNEXES)

# The kinds of host a student presents: companies, but also labs, schools, town halls, museums...
# (A "centre" is the host only as the "centre d'accueil": not a data centre, nor a centre of
# interest.)
# (A legal form is no plural: "Sass" is the style-sheet language, not "SAS" twice.)
_ORG = r"(?:entreprise|societe|structure|organisation|organisme|etablissement|groupe|agence|collectivite|entite|association|mairie|ministere|administration|start-?up|sarl|sas(?!s)|ssii|esn|employeur|cabinet|institut|laboratoire|ecole|lycee|college|universite|musee|prefecture|hopital|clinique|commune|rectorat|academie|fondation|federation|club|banque|campus|centre(?= d'\s*ac(?:cu|ce|cue)u?il\b))"
# What a "Présentation de ..." presents: a host, or an administration's directorate ("de la
# Direction des Systèmes d'Information"; a bare "La direction générale :" is one of its services).
_PRESENTED = rf"(?:{_ORG}|direction\b)"
_ART = r"(?:l'\s*|la |le |les |notre |mon |ma |mes |une |un )?"
# Host words that also name technical things ("Structure et types de fibre optique",
# "Groupes et permissions", "Administration réseau"): alone at a title's start they name the
# host only with an article or a host qualifier ("La structure", "Structure d'accueil").
_ORG_TECHNICAL = r"(?:structure|organisation|groupe|agence|entite|administration|cabinet|commune|club|campus|association)"
# "Une organisation simple pour une petite équipe", "L'organisation du travail": the word
# names the host only with a host qualifier ("L'organisation d'accueil"); so do the technical
# words in the plural ("Les groupes et permissions": a host is one "groupe").
_ORG_QUALIFIED = r"(?:organisation)"
# "acceuil": a frequent typo
_HOST = r"(?:d'\s*ac(?:cu|ce|cue)u?il|hote|d'\s*alternance|de stage|du stage)"
_RESEARCH_HOST = r"(?:laboratoire|institut|centre|unite)s? de recherches?"
_STUDENT_WORK = r"(?:realise|effectue|mene|confie|accompli|entrepris|fait)e?s?"
# "Conclusion du projet", "Conclusion sur les rôles": the end of one part, not of the report.
_ABOUT_ONE_PART = r" (?:du|sur|de|d'un|d'une|des|sur le|sur la|sur les|de la|de l'|de ce|de cette)\s*(?:ce |cette |le |la |les |mon |ma |notre )?(?:projet|mission|partie|chapitre|etude|travail|application|role|tache|activite|sprint|semaine|realisation|conception|analyse|phase|etape|section|version|developpement|tests?|installation|configuration|migration|maquette|prototype)"
_OWN = (
    rf"(?! (?:de |du |des |d')\s*{_ART}{_ORG})"  # "les missions de l'entreprise" are the company's
    # "Travaux connexes", "Travaux antérieurs", "Travaux futurs": others' work, or what is left
    # to do, in a research report's related-work or closing section.
    r"(?! (?:connexes|anterieure?s?|existante?s?|similaires|precedente?s?|apparentee?s?|futur(?:e|s|es)?|a venir)\b)"
)

_SIDE_WORD = (
    r"(?:annexes?|secondaires?|complementaires?|annexes? et (?:secondaires?|complementaires?))"
)
_SIDE = rf"(?! {_SIDE_WORD}\b)"


@dataclass(frozen=True, slots=True)
class Wording:
    key: str
    name: str  # shown to the user as the wording that matched
    pattern: str
    rank: int
    # The wording names the internship's setting ("Contexte du stage"): the host, or the
    # project's own context; the part's text tells which.
    setting: bool = False
    # The wording names side work ("Activités annexes"), after the main work's chapters.
    side: bool = False
    # The wording names where the work stood when the stay ended ("Architecture finale"): as
    # the report's last title, its closing words, whatever its text says.
    final_state: bool = False


# "la première mission", "des autres petites missions": which of the missions a title presents.
_RANK = (
    r"(?:premiere|deuxieme|seconde|troisieme|quatrieme|cinquieme|derniere|autres?|petites?"
    r"|principales?|grandes?)(?: petites?)?"
)
# What a presentation of the student's work is about: the project, the missions, the stage.
_WORK_OBJECT = r"(?:(?:l'\s*|la |le |les |mon |ma |mes )?(?:projets?|missions?|stages?|activites?|taches?|sujets?|travail|travaux|postes?)\b)"

# What the student builds or uses: "Présentation générale de l'application" is no host.
_THING = r"(?:(?:l'\s*|la |le |les )?(?:applications?|solutions?|logiciels?|sites?|systemes?|outils?|methodes?|materiels?|reseaux?)\b)"

# The verbs that make "L'entreprise est située à..." a sentence, not a title.
_VERB = r"(?:est|sont|a|ont|compte|comporte|dispose|propose|emploie|regroupe|possede|se|s')"
# The English computing terms a French title writes with "Entreprise" ("Entreprise Service Bus",
# "Entreprise Resource Planning", "Enterprise Edition"): a technology, not a host's name.
_ENTERPRISE_TERM = (
    r"(?:services? bus|resources? planning|ressources? planning|architect(?:ure)?|editions?"
    r"|applications? integration|java ?beans|search|content management|service management)"
)

# "Présentation générale de la pharmacie": something presented by name, the host perhaps.
PRESENTING_HINT = "présentation de ..."

_WORDINGS: list[Wording] = [
    # The company presentation.
    Wording(
        COMPANY,
        "présentation de l'entreprise",
        rf"(?:fiche de )?(?:presentations?|descriptions?|descriptifs?) (?:generale? |globale? )?"
        # "Présentation du secteur et de l'entreprise": the host after its setting (not
        # after the work: "Présentation du projet et de l'entreprise cliente").
        rf"(?:(?:de |d'|du |des )\s*(?!{_WORK_OBJECT})[a-z'-]+(?: [a-z'-]+){{0,2}} et )?"
        rf"(?:de |d'|du |des )\s*{_ART}{_PRESENTED}",
        2,
    ),
    # Two names joined: "Historique et présentation de la société", "Présentation /
    # historique de l'entreprise"; the host's setting first: "Environnement et présentation
    # de la Direction des Systèmes d'Information".
    Wording(
        COMPANY,
        "présentation et historique de l'entreprise",
        rf"(?:presentation|historique|histoire|environnement|contexte|cadre|localisation)s? ?(?:et|/|&|-|–) ?(?:la |l'\s*)?"
        rf"(?:presentation|historique|histoire)s? (?:generale? )?(?:de |d'|du |des )\s*{_ART}{_PRESENTED}",
        2,
    ),
    # Telegraphic: "PRESENTATION ENTREPRISE REDECSO", "Présentation structure d'accueil". Only
    # the words that name a host alone, or any host word with its qualifier ("Présentation
    # structure de données" is no host).
    Wording(
        COMPANY,
        "présentation entreprise",
        rf"(?:presentations?|descriptions?) (?:(?:entreprise|societe|organisme|etablissement|employeur)\b|{_ORG} {_HOST})",
        2,
    ),
    Wording(
        COMPANY,
        "l'entreprise d'accueil",
        rf"(?!{_ORG_TECHNICAL}s?(?! {_HOST}))(?!{_ART}(?:{_ORG_QUALIFIED}s?|{_ORG_TECHNICAL}s)(?! {_HOST}))"
        rf"(?!entreprise {_ENTERPRISE_TERM}\b)"
        # "Organisation du stage" is how the internship ran (its schedule, its meetings), not
        # the host: "organisation" names the host only with "d'accueil" or "hôte".
        rf"(?!{_ART}organisations? d[eu] stage\b)"
        # "Le laboratoire de recherche CERFACS": a research host says what it does.
        rf"{_ART}(?:{_ORG}s?(?: {_HOST})?|{_RESEARCH_HOST})"
        # Not a sentence about it ("L'association est composée de plusieurs membres :").
        rf"(?:$|\s*[:(,–-]|\s+(?!(?:du|de|des|d'|clientes?|partenaires?|{_VERB})\b)\S)",
        2,
    ),
    Wording(
        COMPANY,
        "lieu d'accueil",
        r"(?:le |mon |notre )?lieu (?:d'\s*ac(?:cu|ce|cue)u?il|de (?:mon |ma )?(?:stage|alternance))",
        2,
    ),
    Wording(COMPANY, "qui sommes-nous", r"qui (?:sommes-?\s*nous|sont-?\s*(?:ils|elles))", 1),
    # "Présentation" alone, a slide's title: the company only if the text says so.
    Wording(COMPANY, "présentation", r"presentation$", 0),
    # "À propos de la société", as a website's "About" page.
    Wording(
        COMPANY, "à propos de l'entreprise", rf"a propos (?:de |d'|du |des )\s*{_ART}{_ORG}", 2
    ),
    # School templates with English titles over French text ("1.1 Enterprise: CNAM").
    Wording(
        COMPANY,
        "company",
        r"(?:(?:presentation|overview|description) of )?(?:the |our |my )?(?:host )?"
        r"(?:company|enterprise|host organi[sz]ation)(?: (?:overview|presentation|description))?"
        r"(?:$|\s*[:(,–-])",
        2,
    ),
    Wording(
        COMPANY,
        "présentation du lieu de stage",
        r"(?:presentation|description) (?:du|de mon) lieu de stage",
        2,
    ),
    Wording(
        COMPANY, "organisation de l'entreprise", rf"organisation (?:de |du |d')\s*{_ART}{_ORG}", 2
    ),
    # "Aperçu de l'entreprise", "Découverte de l'entreprise", "Généralités sur la société",
    # "Approche descriptive de l'organisation";
    # not a technical thing a host word also names ("Analyse de la structure d'onde").
    Wording(
        COMPANY,
        "découverte de l'entreprise",
        rf"(?:apercu|decouverte|connaissance|etude|analyse|generalites?|approche(?: descriptive| globale)?)(?: generale?)? "
        rf"(?:de |d'|du |des |sur )\s*{_ART}(?:organisation$|(?!{_ORG_TECHNICAL}\b){_ORG}\b)",
        2,
    ),
    Wording(
        COMPANY,
        "cadre du stage",
        # "Présentation du cadre de stage": the setting, presented.
        r"(?:presentation (?:du |de l'\s*))?(?:le |mon )?(?:cadre|contexte|lieu) (?:du|de|de mon) (?:mon )?stage"
        rf"|contexte (?:de |du |d')\s*{_ART}{_ORG}\b",
        1,
        setting=True,
    ),
    # "Présentation de ..." names the host unless it presents the work or its setting: the
    # project, the network, the study ("Présentation de l'étude :" in a lab report; a
    # notary's "étude notariale" is a host).
    Wording(
        COMPANY,
        PRESENTING_HINT,
        # (Whole words: "boulangerie" holds "oul", "outil" with its "ti" ligature lost.)
        r"presentations? (?:generale? |globale? )?(?:de |d'|du )(?!.*\b(?:projet|mission|stage|activite|tache|sujet|travail|travaux|service|poste|reseau|solution|application|methode|outil|logiciel|site|systeme|materiel|environnement|etudes?\b(?! notariale| de maitre)))",
        0,
    ),
    # "À propos de SpikeeLabs": the host's own "about" page, named by it (not "À propos de
    # moi", "... de ce rapport", "... du projet").
    Wording(
        COMPANY,
        "à propos de ...",
        r"a propos (?:de |d'|du )\s*(?!(?:moi|nous|l'\s*auteure?|ce |cette |ces |mon |ma |mes )\b)"
        r"(?!.*\b(?:projet|mission|stage|activite|tache|sujet|travail|travaux|rapport|document|auteur))",
        0,
    ),
    Wording(
        COMPANY,
        "présentation du service",
        # (Not "Présentation générale du projet" nor "... de l'application": the work's.)
        rf"presentation (?:generale(?! (?:de |d'|du |des )\s*(?:{_WORK_OBJECT}|{_THING}))"
        r"|du service|de l'\s*equipe|du departement)",
        0,
    ),
    # "L'histoire de l'entreprise", "Historique de la société": the host, by its history.
    Wording(
        COMPANY,
        "histoire de l'entreprise",
        rf"(?:l'\s*)?(?:histoire|historique) (?:de |du |d')\s*{_ART}{_ORG}\b(?!\s+(?:de|du|des|d')\b)",
        1,
    ),
    Wording(
        COMPANY,
        "historique",
        # (Not a thing's history: "Historique du projet", "Historique des versions"; "Histoire
        # de Vinci Construction" is the host's, "Histoire de l'informatique" a topic's.)
        r"(?:(?:historique|histoire(?= (?:de |d'|du )))(?! (?:du |de la |des |de l'\s*|d'\s*une? |de )(?:projets?|applications?|logiciels?|sites?|produits?|versions?|modifications?|code|developpement|travail|informatique|internet|reseaux?|langages?|web|ia\b|intelligence))"
        r"|son histoire|son fonctionnement|son organisation|ses activites|ses services)",
        0,
    ),
    # "SELECT ASSUR 66 et ses missions": a name and what it does, under a chapter of that name.
    Wording(
        COMPANY,
        "... et ses missions",
        r"(?!(?:le |la |les |l'\s*|mon |ma )?(?:projet|stage|sujet|poste|application|equipe)\b)"
        r"(?:[a-z0-9'&.-]+ ){1,4}et (?:ses|son) (?:missions|activites|services|metiers|valeurs|histoire|organisation)$",
        0,
    ),
    Wording(COMPANY, "organigramme", r"organigramme", 0),
    # "L'équipe ICAR", "Mon équipe d'accueil": the team the intern joined, a research lab's
    # host; a hint only ("Travail en équipe" is no title of it). A bare "L'équipe" or "Notre
    # équipe de projet" is the interns' own team and its roles, named by nothing of a host.
    Wording(
        COMPANY,
        "l'équipe",
        r"(?:l'\s*|mon |notre )equipe(?: d'\s*accueil| de recherche)?"
        r"(?! (?:de |du |des )?(?:projet|stage|stagiaires?|etudiants?)\b)(?: [a-z0-9&.-]+){1,2}$"
        r"|(?:l'\s*|mon |notre )equipe (?:d'\s*accueil|de recherche)$",
        0,
    ),
    Wording(
        COMPANY,
        "secteur d'activité",
        rf"(?:{_ART}(?:principales? )?(?:activite|domaine|metier|mission)s? (?:de |d.|du )\s*{_ART}{_ORG}|(?:le )?secteur d'\s*activite|activite et )",
        0,
    ),
    Wording(
        COMPANY,
        "organisation du service",
        r"organisation (?:du service|de l'\s*equipe|generale)",
        0,
    ),
    Wording(
        COMPANY,
        "contexte",
        r"(?:le |mon )?(?:contexte|environnement de travail|cadre)(?:\s*[:,-].*)?$",
        0,
    ),
    # The student's activities.
    # BTS SIO's word for the tasks a student carries out and describes: "Situation
    # professionnelle n°1", "Mes situations professionnelles".
    Wording(
        ACTIVITIES,
        "situations professionnelles",
        rf"{_ART}situations? professionnelles?\b",
        2,
    ),
    Wording(
        ACTIVITIES,
        "missions réalisées",
        # ("Principales missions", "Mes principales tâches": the main ones, first.)
        rf"{_ART}(?:principales? )?(?:missions?|activite{{1,2}}s|taches?|travaux|realisations?){_OWN}{_SIDE}\b",
        2,
    ),
    # "Activités annexes", "Missions secondaires": what the student did beside the main work
    # ("Autres activités" names none): a hint, for the text to confirm, that the main work's
    # chapters before it outweigh.
    Wording(
        ACTIVITIES,
        "activités annexes",
        rf"{_ART}(?:missions?|activite{{1,2}}s|taches?|travaux) {_SIDE_WORD}\b",
        0,
        side=True,
    ),
    Wording(
        ACTIVITIES,
        "activités réalisées",
        rf"{_ART}activite{{1,2}}s? (?:{_STUDENT_WORK}|professionnelles?|du stage|de stage|durant|pendant|en (?:entreprise|stage)|(?:de l'\s*|du |de la )(?:apprentie?|alternante?|stagiaire))",
        2,
    ),
    Wording(
        ACTIVITIES,
        "compte rendu du stage",
        r"compte[- ]?rendus? (?:de mon stage|du stage|de stage|de mes (?:semaines|journees|activites|missions)|des (?:activites|missions|taches|travaux)|d'\s*activites?|hebdomadaires?)",
        2,
    ),
    Wording(ACTIVITIES, "description du poste", r"description (?:du|de mon) poste", 1),
    Wording(
        ACTIVITIES,
        "développement du projet",
        r"developpement (?:du projet|de l'\s*application|du site|de la solution|du logiciel)",
        1,
    ),
    Wording(
        ACTIVITIES,
        "présentation des missions",
        r"(?:observation|presentation|description|descriptif|detail|analyse)s?"
        r"(?: et (?:analyse|description|presentation))? "
        rf"(?:(?:des|de mes|de la|de ma|d'une) (?:{_RANK} )?(?:missions?|activites|taches|travaux|realisations?)"
        r"|de mon activite\b|(?:du|de mon) travail(?: (?:realise|effectue|accompli))?\b)",
        2,
    ),
    Wording(ACTIVITIES, "travail réalisé", rf"(?:le |mon )?travail {_STUDENT_WORK}", 2),
    Wording(
        ACTIVITIES,
        "ce que j'ai fait",
        r"ce que j'\s*ai (?:pu )?(?:fait|faire|realise|appris a faire)",
        2,
    ),
    Wording(
        ACTIVITIES,
        "déroulement du stage",
        # "Contenue du stage": a frequent slip, as "acceuil" is.
        r"(?:le )?(?:deroulement|contenue?) (?:du|de mon|de la periode de) stage",
        2,
    ),
    Wording(ACTIVITIES, "projets réalisés", rf"{_ART}projets? {_STUDENT_WORK}", 2),
    Wording(ACTIVITIES, "mission n", r"(?:mission|activite|projet) (?:n°|no|n)?\s*[0-9]+\b", 2),
    Wording(
        ACTIVITIES,
        "conception et réalisation",
        r"(?:conception|analyse|etude) et (?:realisation|developpement|mise en (?:oeuvre|œuvre|place)|implementation)|(?:realisation|implementation|mise en (?:oeuvre|œuvre)) (?:du|de la|de l'|des|d'un|d'une) (?:projet|application|solution|site|logiciel|outil|systeme|reseau|serveur|plateforme|maquette|prototype)",
        1,
    ),
    Wording(
        ACTIVITIES,
        "mon stage",
        r"(?:mon|le) (?:stage|alternance|travail|role|poste)$|(?:mes|les) (?:activites|missions|taches|realisations|travaux)$|travail (?:personnel|effectue|realise)"
        r"|mon (?:travail|role) (?:sur|au sein|chez|dans|pour|a|au|aupres|en tant)\b"
        r"|mon (?:stage|alternance) (?:au sein|chez|dans|aupres|en tant)\b",
        1,
    ),
    Wording(
        ACTIVITIES, "réalisation et mise en œuvre", r"realisation et mise en (?:oeuvre|œuvre)", 1
    ),
    # The student's work named further in the title: "L'objet de ce stage et les différentes
    # missions effectuées", "Résumé du travail effectué". Done, not only given: "Mon
    # intégration et les missions confiées" ends a company chapter.
    Wording(
        ACTIVITIES,
        "... missions effectuées",
        r"(?!(?:conclusions?|bilans?|synthese|retour|ressentis?)\b)"
        r"(?:[a-z'-]+ ){1,8}?(?:les |mes |des |du |de mon |le |mon )?(?:differentes |principales )?(?:missions|taches|activites|travaux|travail) (?:realise|effectue|mene|accompli)e?s?\b",
        1,
    ),
    # "Présentation du modèle réalisé", "Description de l'application développée": the title
    # presents what the student made.
    Wording(
        ACTIVITIES,
        "présentation de ce qui a été réalisé",
        rf"(?:presentation|description)s? (?:du |de la |de l'\s*|des |de mon |de ma |de mes )(?:[a-z'-]+ ){{1,3}}?(?:{_STUDENT_WORK}|developpee?s?|concue?s?|implementee?s?|mise?s? en place)$",
        1,
    ),
    Wording(
        ACTIVITIES,
        "journal de bord",
        r"(?:journal de bord|semaine (?:n°)?\s*[0-9]+|semaine du [0-9]|(?:premiere|deuxieme|troisieme|quatrieme|cinquieme|sixieme|derniere) semaine|(?:lundi|mardi|mercredi|jeudi|vendredi) [0-9]{1,2}\b|jour [0-9]+\b)",
        1,
    ),
    Wording(ACTIVITIES, "déroulement", r"(?:le )?deroulement\b", 1),
    # "Interventions réalisées", "Les différentes tâches", "Travail demandé", "Mon stage au
    # quotidien".
    Wording(
        ACTIVITIES,
        "interventions réalisées",
        rf"(?:les |mes )?(?:interventions|depannages|installations) {_STUDENT_WORK}"
        r"|(?:les |mes )?differentes (?:taches|missions|activites|interventions)\b",
        2,
    ),
    Wording(
        ACTIVITIES,
        "travail demandé",
        r"(?:le )?travail demande\b|(?:mon|le) stage au quotidien\b",
        1,
    ),
    # "Mes projets", in the plural and alone: the projects the student carried out, the
    # work itself (a single "Mon projet" may be its presentation, before its realisation).
    Wording(
        ACTIVITIES, "mes projets", r"mes (?:differents |principaux )?projets(?: de stage)?$", 1
    ),
    Wording(ACTIVITIES, "le projet", r"(?:les |le |mon |mes )?projets?\b", 0),
    Wording(ACTIVITIES, "sujet de stage", r"(?:mon |le )?(?:sujet|theme) (?:de|du) stage", 0),
    Wording(ACTIVITIES, "travail", r"(?:mon |le )?travail$", 0),
    # The conclusion.
    Wording(CONCLUSION, "conclusion", rf"conclusions?\b(?!{_ABOUT_ONE_PART})", 2),
    Wording(
        CONCLUSION,
        "en conclusion",
        r"(?:en conclusion|pour conclure|en guise de conclusion|remerciements et conclusion)",
        2,
    ),
    Wording(CONCLUSION, "mot de la fin", r"(?:le )?mot de la fin\b", 1),
    Wording(
        CONCLUSION,
        "bilan et conclusion",
        # joined by "et", or by a slash, a dash, "&": "Synthèse / conclusion", "Bilan - conclusion"
        r"(?:bilans?|synthese|retour d'\s*experience)\b[^:]{0,40}?(?:\bet |\s*[/&+,–—-]\s*)(?:de )?(?:la )?conclusions?\b",
        2,
    ),
    # "Bilan du stage", and a closing chapter's "Résultats et bilan de l'alternance".
    Wording(CONCLUSION, "bilan", r"bilans?\b|(?:[a-z'-]+ ){1,3}et (?:le )?bilans?\b", 1),
    Wording(CONCLUSION, "conclusion d'un projet", r"conclusions?\b", 1),
    Wording(
        CONCLUSION,
        "retour d'expérience",
        r"(?:mon )?retour (?:d'\s*experience|sur (?:la periode|le stage|mon stage))",
        1,
    ),
    # A school template's closing chapters: "Ressenti de l'expérience", "Prise de recul".
    Wording(
        CONCLUSION,
        "ressenti",
        r"(?:mon |mes |le |les )?(?:ressentis?|prise de recul)\b(?! (?:des|du) (?:client|utilisateur))",
        1,
    ),
    # "Mes impressions sur le stage", "Description de mes impressions sur le stage".
    Wording(
        CONCLUSION,
        "impressions",
        r"(?:description de |descriptif de )?(?:mes |les )?impressions"
        r"(?: (?:sur|de) (?:le |ce |mon |la |cette )(?:stage|alternance|periode|experience))?$",
        1,
    ),
    # "Discussion", a research report's last part in the IMRaD order (Introduction, Matériel
    # et méthodes, Résultats, Discussion): where it looks back on its results. Only the bare
    # title ("Discussion avec le client" is a step of the work).
    Wording(
        CONCLUSION,
        "discussion",
        r"discussions?(?: generale| et perspectives)?$",
        1,
    ),
    # "Avis sur le projet", "Mon avis", "Avis personnel": the student's judgement of the
    # placement, closing the report (not "Avis des utilisateurs", a step of the work).
    Wording(
        CONCLUSION,
        "avis sur le stage",
        r"(?:mon |notre )avis\b|avis personnel\b"
        r"|avis sur (?:le |la |l'\s*|ce |cette |mon |ma |notre )(?:projet|stage|experience|alternance|travail)\b",
        1,
    ),
    # "Réflexion sur mon développement personnel et professionnel", "Réflexions personnelles":
    # the student looks back on what the placement made of them (not "Réflexion sur le choix
    # du SGBD", a step of the work).
    Wording(
        CONCLUSION,
        "réflexion personnelle",
        r"(?:mes |ma )?reflexions? (?:personnelles?|sur (?:mon|ma|mes|le|la|ce|cette) (?:stage|experience|alternance|apprentissage|developpement|parcours|formation|annee))\b"
        r"|(?:mon )?developpement personnel\b",
        1,
    ),
    # "Ce que j'ai pensé du stage", "Ce que je retiens de ce stage": the student looks back.
    Wording(
        CONCLUSION,
        "ce que je retiens du stage",
        r"ce que (?:j'\s*ai |je )(?:pense|retenu|retiens|tire|garde)(?: de| du| sur)? (?:ce |cette |mon |ma |du |le |la |l'\s*)?(?:stage|experience|periode)",
        1,
    ),
    # "Apports du stage", "De nombreux apports personnels", "Les apports de cette
    # expérience", and what the placement brought said the other way round: "Expérience
    # apportée", "Ce que m'a apporté ce stage".
    Wording(
        CONCLUSION,
        "apports du stage",
        r"(?:les )?(?:apports?|consequences?|impacts?|benefices?) (?:du|de ce|de mon|de votre) stage"
        r"|(?:(?:de )?nombreux |mes |les )?apports? personnels?\b"
        r"|(?:les )?apports? de (?:cette|mon|l'\s*) ?(?:experience|alternance|apprentissage)\b"
        r"|(?:l'\s*|mon |une )?experiences? (?:apportee|acquise)s?$"
        r"|ce que (?:m'\s*a|m'\s*ont) apportes? (?:ce |le |mon |cette |l'\s*)(?:stage|experience|alternance)"
        r"|ce que (?:ce|le|mon|cette) (?:stage|experience|alternance) m'\s*a apporte",
        1,
    ),
    # A results chapter that closes the report: "Test et conclusion", "Résultats et conclusion".
    Wording(CONCLUSION, "... et conclusion", r"(?:[a-z'-]+ ){1,3}et (?:la )?conclusions?$", 1),
    Wording(CONCLUSION, "perspectives", r"perspectives?(?: professionnelles?)?$", 0),
    # What comes next, closing a report written during the stay ("V. Suite du stage").
    Wording(
        CONCLUSION,
        "suite du stage",
        r"(?:la )?suite (?:du stage|de mon stage|et perspectives?)$|prochaines etapes$",
        0,
    ),
    # The "ouverture" that ends a French essay's conclusion, as the report's last part.
    Wording(
        CONCLUSION,
        "ouverture",
        r"(?:ouverture|perspectives? et ouverture)(?: et perspectives?)?$",
        0,
    ),
    Wording(
        CONCLUSION,
        "compétences acquises",
        r"(?:les |mes )?(?:competences|connaissances|savoirs?)(?: et [a-z-]+)? (?:acquis|mobilise|developpe|travaille|mis en oeuvre|mises en oeuvre)e?s?\b|bilan (?:des|de mes) competences",
        0,
    ),
    Wording(
        CONCLUSION,
        "axes d'amélioration",
        r"(?:axes?|pistes?|points?) d'\s*amelioration|ameliorations? (?:possibles|futures|envisagees|a venir)",
        0,
    ),
    Wording(CONCLUSION, "synthèse du stage", r"synthese (?:du|de mon|de ce|de) stage\b", 1),
    Wording(CONCLUSION, "synthèse", r"synthese$", 0),
    # "État du produit au rendu de stage", "État final de l'application": where the work stood
    # when the stay ended, the last word of a project report (not "État de l'existant", nor
    # a project's state told on the way: "2.3 État du projet").
    Wording(
        CONCLUSION,
        "état final du projet",
        r"etat (?:final |d'\s*avancement final )(?:du |de l'\s*|de la )"
        r"(?:produit|projet|application|solution|site|prototype|logiciel)\b"
        r"|etat (?:d'\s*avancement )?(?:du |de l'\s*|de la )"
        r"(?:produit|projet|application|solution|site|prototype|logiciel)"
        r" (?:au rendu|a la fin|en fin|au terme)\b"
        r"|(?:architecture|solution|version|infrastructure|application|prototype|resultat)"
        r" (?:finale?|definitive?)$",
        0,
        final_state=True,
    ),
    # The other parts a report has.
    # Not a part's own opening: "7. Introduction technique du projet" after the company part.
    Wording(
        INTRODUCTION,
        "introduction",
        r"introduction(?: generale)?"
        r"(?! (?:technique|(?:au|du|de ce|de la) (?:projet|sujet|probleme|travail)\b))",
        2,
    ),
    Wording(INTRODUCTION, "avant-propos", r"avant-?\s*propos", 1),
    # "ANEXES", "ANEXE A :" with one n, as students misspell it; "Annex :" in English;
    # "Annexe – Anglais" with Word's en dash.
    Wording(
        ANNEXES,
        "annexes",
        r"(?:[a-h] )?(?:documents? |tables? des |listes? des |sommaire des |les )?ann?exe?s?(?:\s*(?:n°|no|n)?\s*(?:[0-9]+|[ivx]+|[a-h]))?(?:\s*[:.\-\u2013\u2014].*)?$",
        2,
    ),
    Wording(ANNEXES, "documents en anglais", r"(?:les )?documents? (?:en anglais|anglais)", 2),
    Wording(ANNEXES, "english documents", r"english documents?", 2),
    # LaTeX numbers appendices with a bare letter: "A Annexe : ...", "B Code développé".
    Wording(
        ANNEXES,
        "appendix",
        r"(?:[a-h] )?appendi(?:x|ces)(?:\s*[a-h0-9]+)?(?:\s*[:\-\u2013\u2014].*)?$",
        2,
    ),
    # ("Remerciements et conclusion" closes the report: the conclusion's wordings take it.)
    Wording(FRONT, "remerciements", r"(?:les |mes )?remerciements?(?!.*\bconclusions?\b)", 2),
    Wording(
        FRONT,
        "sommaire",
        r"(?:sommaire|table des matieres|(?:table of )?contents|plan du rapport)$",
        2,
    ),
    # "Résumé en anglais", "Summary": an English page that closes the body, not an annex.
    Wording(
        FRONT,
        "résumé",
        r"(?:resume|abstract|(?:english |executive )?summary)(?: (?:en anglais|in english|du rapport|of the report))?$",
        2,
    ),
    Wording(FRONT, "dédicace", r"dedicaces?$", 2),
    Wording(
        FRONT,
        "liste des figures",
        r"(?:table|liste) des (?:figures|illustrations|tableaux|abreviations|sigles|acronymes)",
        2,
    ),
    # "Sigles et abréviations", "Les abréviations", "Acronymes": a glossary of letters.
    Wording(
        FRONT,
        "sigles",
        r"(?:les )?(?:sigles|abreviations|acronymes)(?: et (?:abreviations|acronymes|sigles))?$",
        2,
    ),
    Wording(BACK, "glossaire", r"(?:glossaire|lexique)", 2),
    Wording(
        BACK,
        "bibliographie",
        r"(?:references?\s*(?:[/&,-]|et)?\s*)?(?:bibliographi(?:e|ques?)|bibliography|sitographie|webographie|netographie)",
        2,
    ),
    Wording(BACK, "références", r"references(?: bibliographiques)?$", 2),
    Wording(BACK, "index", r"index$", 2),
]


def _tolerant(pattern: str) -> str:
    """Makes the literal letters of ``pattern`` tolerant of lost ligatures."""
    out, literal, i = [], [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":  # keep escapes (\s, \b...) as they are
            out.append(keyword_pattern("".join(literal)) if literal else "")
            literal = []
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch.isalpha():
            literal.append(ch)
        else:
            out.append(keyword_pattern("".join(literal)) if literal else "")
            literal = []
            out.append(ch)
        i += 1
    out.append(keyword_pattern("".join(literal)) if literal else "")
    return "".join(out)


def _group_name(index: int) -> str:
    return f"w{index}"


# One regex per rank, each wording a named group, so that a heading costs three searches and
# one compile per rank (compiling ~50 patterns one by one is measurably slower at start-up).
_BY_RANK: dict[int, re.Pattern[str]] = {
    rank: re.compile(
        r"^(?:"
        + "|".join(
            f"(?P<{_group_name(i)}>{_tolerant(w.pattern)})"
            for i, w in enumerate(_WORDINGS)
            if w.rank == rank
        )
        + r")"
    )
    for rank in (2, 1, 0)
}


@dataclass(frozen=True, slots=True)
class Match:
    key: str
    rank: int
    wording: str  # the name of the wording that matched

    @property
    def strong(self) -> bool:
        """The part is named (rank 1 or 2), not merely hinted at."""
        return self.rank >= 1


def classify(heading_key: str) -> Match | None:
    """What part of the report a heading (folded, un-numbered) announces, if any.

    Higher ranks are tried first; within a rank the order of the table decides, which puts the
    company's own wordings ("Activité et clientèle", "Les missions de l'entreprise") before the
    student's activities.
    """
    text = heading_key.strip(" :.-–—")
    if not text:
        return None
    # "Conslusion", "Présentation de l'entrepise": a part's own name with one letter wrong,
    # missing, extra or swapped, as students type it. Only long words, only the usual
    # wordings; before the weaker wordings the misspelt title would otherwise fall to.
    corrected = " ".join(_spelt_right(word) for word in text.split(" "))
    if corrected != text and _BY_RANK[2].match(text) is None:
        found = _BY_RANK[2].match(corrected)
        if found is not None:
            wording = _WORDINGS[int(found.lastgroup[1:])]
            return Match(wording.key, 2, wording.name)
    for rank in (2, 1, 0):
        found = _BY_RANK[rank].match(text)
        if found is not None:
            if rank == 0:  # "LE PROJET - EN CONCLUSION": the subject's hint, then the part
                named = _named_after_the_subject(text)
                if named is not None and named.rank > 0:
                    return named
            wording = _WORDINGS[int(found.lastgroup[1:])]
            return Match(wording.key, rank, wording.name)
    # "Conclus ion", "Introduct ion": a title set with wide tracking, where the text layer
    # puts a space inside the word. Only a short title, only a usual wording.
    joined = text.replace(" ", "")
    if joined != text and text.count(" ") <= SPLIT_WORD_SPACES:
        found = _BY_RANK[2].fullmatch(joined)
        if found is not None:
            wording = _WORDINGS[int(found.lastgroup[1:])]
            return Match(wording.key, 2, wording.name)
    return _named_after_the_subject(text)


# "Data exploration : missions abordées", "LE PROJET - EN CONCLUSION": the chapter's subject in
# a few words, a colon or a dash, then the part's name.
_SUBJECT_SEPARATOR = re.compile(r"\s+[:\u2013\u2014-]\s+")
SUBJECT_WORDS = 3


def _named_after_the_subject(text: str) -> Match | None:
    """The part that the words after a short subject and its colon or dash name, if any (not
    a project's own contents list, "LE PROJET – SOMMAIRE")."""
    parts = _SUBJECT_SEPARATOR.split(text, maxsplit=1)
    if len(parts) < 2 or len(parts[0].split()) > SUBJECT_WORDS:
        return None
    named = classify(parts[1])
    return named if named is not None and named.key in (COMPANY, ACTIVITIES, CONCLUSION) else None


# "Activités et projets de MyMiniFactory", "Les missions de Thales": the work of an
# organisation named by its own name (a capitalised word that ends a title otherwise in lower
# case) is the host's, as "Les activités de l'entreprise" are: a hint of the company, not the
# student's activities. Not a word of the work capitalised by whim ("Missions de Stage"), nor
# an acronym (in a title in capitals, "SIO", the case tells nothing), nor the student's
# missions "réalisées au sein de Thales".
_OWNERS_WORK = re.compile(
    r"(?:les |la |l'|ses |son |sa )?(?:principales? )?(?:activites|missions|projets|realisations)"
    r"(?: et (?:projets|activites|missions|realisations|services|produits))? (?:de|d'|du) "
)
_OWNER_NAME = re.compile(r"\b(?:de|d['’]|du)\s*([A-Z][\w&.-]*[a-z][\w&.-]*)\s*[:.]?\s*$")
_WORK_WORDS = re.compile(
    r"(?:stage|alternance|apprentissage|developpement|support|maintenance|production|"
    r"formation|conception|recherche|projet|groupe|equipe|service)s?"
)
OWNER_HINT = "activités de l'hôte"


def title_match(text: str) -> Match | None:
    """What part a heading's own text announces (:func:`classify` on its key), where its
    letters' case tells the student's work from a host's named by its name."""
    key = heading_key(text)
    match = classify(key)
    if match is None or match.key != ACTIVITIES or not _OWNERS_WORK.match(key):
        return match
    owner = _OWNER_NAME.search(text.strip())
    if owner is None or _WORK_WORDS.fullmatch(fold(owner.group(1))):
        return match
    words = [word for word in text[: owner.start(1)].split() if any(c.isalpha() for c in word)]
    if any(word[:1].isupper() for word in words[1:]):
        return match  # Title Case: every word capitalised, the name tells nothing
    return Match(COMPANY, 0, OWNER_HINT)


# The parts' own names that a student may misspell by one letter.
PART_WORDS = (
    "conclusion",
    "introduction",
    "annexes",
    "remerciements",
    "bibliographie",
    "entreprise",
)
MISSPELT_MIN_LETTERS = 7


def _spelt_right(word: str) -> str:
    """``word`` as the part's name it misspells by one letter, else as it is; after an
    elision too ("l'entrepise"). A plural is no misspelling ("entreprises")."""
    elided, _, stem = word.rpartition("'")
    elided = f"{elided}'" if elided else ""
    if len(stem) < MISSPELT_MIN_LETTERS or stem in PART_WORDS:
        return word
    right = next((right for right in PART_WORDS if _one_letter_apart(stem, right)), None)
    if right is None or stem in (f"{right}s", right.removesuffix("s")):
        return word
    return elided + right


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter replaced, added, removed, or two neighbours swapped (Damerau distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


SPLIT_WORD_SPACES = 2


# A line that opens one annexed document: "Annexe 1", "ANNEXE N°2 : ...", "Annexe B -",
# "Document 3", "Appendix A" ("Anexe 2" misspelt). On its own or as the document's running
# header.
ANNEX_MARKER = re.compile(
    r"^(?:ann?exe|annex|appendix|document)\s*(?:n°|no\.?|n\.|numero)?\s*(?:[0-9]+|[ivx]+\b|[a-h]\b)"
)


# The labels of a host's identity card, as a school's internship form or a cover prints them
# ("Nom de l'organisation", "Activité de l'organisation", "Adresse postale"), at the start of a
# line (folded). A card names the host, says what it does, and how to reach it. (Not _HOST,
# the "d'accueil" that follows a host word in a title.)
_CARD_HOST = r"(?:l'\s*|la |le |du |de la |de l'\s*)?(?:organisation|entreprise|organisme|etablissement|societe|structure)"
CARD_LABELS = {
    "name": re.compile(
        rf"^(?:(?:nom|denomination) (?:de |d'\s*)?{_CARD_HOST}|raison sociale|(?:entreprise|organisme|structure|lieu) d'\s*accueil)\b"
    ),
    "activity": re.compile(
        rf"^(?:(?:activite|secteur|domaine)(?: d'\s*activite)?(?: principale)? (?:de |d'\s*)?{_CARD_HOST}|secteur d'\s*activite|domaine d'\s*activite|activite principale)\b"
    ),
    "contact": re.compile(
        r"^(?:adresse(?: postale)?|telephone|courriel|e-?mail|site (?:web|internet))\b"
    ),
}


def names_side_work(name: str) -> bool:
    """The wording of that name names side work (see :class:`Wording`)."""
    return any(w.side and w.name == name for w in _WORDINGS)


def names_a_setting(name: str) -> bool:
    """The wording of that name only names the internship's setting (see :class:`Wording`)."""
    return any(w.setting and w.name == name for w in _WORDINGS)


_AMBIGUOUS_HOST_WORD = re.compile(rf"^{_ART}({_ORG_TECHNICAL})\b(?! {_HOST})")


def ambiguous_host_word(key: str) -> str | None:
    """The word by which a title (its heading key) names the host when that word also names
    technical or mathematical things and no host qualifier follows it: "groupe" in "Le groupe
    SO(n) et son algèbre de Lie", "structure" in "La structure" (not in "La structure
    d'accueil"). Its text must speak of an organisation in other words than this one."""
    match = _AMBIGUOUS_HOST_WORD.match(key)
    return match.group(1) if match else None


def without_ambiguous_host_word(text: str, title: str) -> str:
    """A part's text for reading what it says of a host, without the ambiguous word its title
    names the host by (:func:`ambiguous_host_word`): "le groupe SO(n) est le groupe des
    matrices orthogonales" says nothing of a host, though "le groupe" is a cue of one. Other
    parts' texts are returned as they are."""
    word = ambiguous_host_word(heading_key(title))
    if word is None:
        return text
    # Struck from the text as written, so that the cues quoted to the student keep their
    # accents ("entité" for the folded "entite").
    written = word.replace("e", "[eéèêë]")
    return re.sub(rf"\b{written}s?\b", " ", text, flags=re.IGNORECASE)


def names_a_final_state(name: str) -> bool:
    """The wording of that name names the work's final state (see :class:`Wording`)."""
    return any(w.final_state and w.name == name for w in _WORDINGS)
