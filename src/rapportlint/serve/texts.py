"""What ``rapportlint serve`` says to a browser user, to a script and in its log, in French and
in English (``rapportlint serve --lang en``): one table, so that no answer stays half French.

The report itself is the renderer's, in the same language (see :mod:`rapportlint.render`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        # Refusals (the page's banner, or the "message" of the JSON error).
        "not_found": "Cette adresse n'existe pas ici.",
        "not_allowed": "Utilisez la page d'accueil pour envoyer le rapport.",
        "forbidden": "Adresse incomplète : ouvrez l'adresse complète donnée par votre enseignant "
        "(elle se termine par ?token=…).",
        "busy": "Le serveur a déjà {capacity} rapports en cours ou en attente : réessayez dans une "
        "minute (votre fichier n'a pas été vérifié ni gardé).",
        "annex_unreadable": "L'annexe {number} ne peut pas être lue ({reason}) : envoyez-la en PDF.",
        "internal": "Erreur interne ({name}) : réessayez ; si elle revient, signalez-la à votre "
        "enseignant avec le fichier.",
        "timeout": "L'envoi s'est arrêté avant la fin du fichier (connexion coupée ou trop lente) : "
        "renvoyez le rapport.",
        "too_large": "Le fichier envoyé dépasse {limit_mb} Mo (rapport et annexes ensemble) : "
        "réduisez-le (images compressées à l'export PDF) et réessayez.",
        "not_multipart": "Envoi incorrect : le rapport doit être envoyé par le formulaire de la page "
        "(multipart/form-data, champ « rapport »).",
        "bad_form": "Envoi incorrect : {detail}.",
        "form_unreadable": "le corps de la requête n'est pas un formulaire lisible",
        "form_incomplete": "le formulaire est incomplet",
        "form_no_report": "le champ « rapport » (le PDF du rapport) manque",
        "form_kind": "type d'annexe inconnu « {kind} » (technique ou presse)",
        "form_annexes": "{count} annexes au plus",
        "form_parts": "{count} champs au plus",
        "form_headers": "en-têtes de champ trop longs",
        "form_one_report": "un seul rapport par envoi",
        "form_kind_long": "type d'annexe trop long",
        # Headings of the refusals.
        "h400": "Envoi incorrect",
        "h403": "Accès refusé",
        "h404": "Page introuvable",
        "h405": "Méthode non permise",
        "h408": "Envoi interrompu",
        "h413": "Fichier trop gros",
        "h415": "Envoi incorrect",
        "h422": "Annexe illisible",
        "h500": "Erreur interne",
        "h503": "Serveur occupé",
        # The page.
        "drop": "Déposez ici le PDF de votre rapport de stage",
        "choose": "ou cliquez pour le choisir (PDF, {max_mb} Mo au plus)",
        "annexes": "Documents en anglais fournis à part (facultatif, 3 au plus)",
        "annexes_help": "Si vos trois documents en anglais ne sont pas déjà à la fin du rapport, "
        "ajoutez-les ici, chacun avec son type.",
        "annex": "Annexe",
        "kind": "type",
        "kind_none": "non précisé",
        "kind_technique": "document technique",
        "kind_presse": "extrait de presse",
        "submit": "Vérifier le rapport",
        "too_big": "Les fichiers choisis dépassent {max_mb} Mo à eux tous : réduisez-les (images "
        "compressées à l'export PDF) avant de les envoyer.",
        "wait": "Vérification en cours… la réponse arrive dans quelques secondes (plus si toute la "
        "classe envoie en même temps).",
        "megabytes": "Mo",
        "checked_title": "Ce qui est vérifié",
        "checked": "Les règles du BTS CIEL pour le rapport de stage : le nombre de pages, les "
        "parties (entreprise, activités, conclusion), les trois documents en anglais en annexe "
        "(une page chacun, langue, type, part d'images, source). La réponse est le rapport de "
        "vérification, page par page, avec la correction de chaque problème ; il s'imprime tel "
        "quel, et un lien « télécharger le JSON » donne le même résultat aux scripts.",
        "privacy_title": "Confidentialité",
        "privacy": "Vos fichiers sont vérifiés dans un dossier temporaire, effacé dès que la "
        "réponse est prête. Rien n'est conservé ni journalisé, sauf l'heure, la taille, le "
        "verdict et la durée de chaque vérification : ni votre nom, ni le nom du fichier, ni son "
        "contenu.",
        # The report's links.
        "another": "← vérifier un autre rapport",
        "download_json": "télécharger le JSON",
        # The log (one line per check) and the command's own lines.
        "log_refused": "refusé ({status})",
        "log_busy": "refusé (503, occupé)",
        "log_gone": "abandonné",
        "log_interrupted": "interrompu",
        "log_annex": "error (annexe)",
        "log_internal": "erreur interne",
        "kilobytes": "ko",
        "open": "rapportlint serve : ouvrez {address} dans le navigateur{note} ; Ctrl-C pour "
        "arrêter",
        "generated": " (jeton généré ; --token pour le choisir)",
        "stopped": "rapportlint serve : arrêté",
        "log_prefix": "rapportlint serve : ",
        "needs_extra": "rapportlint serve a besoin de l'extra « serve » : pip install "
        "'rapportlint[serve]' (ou make install dans le dépôt)",
        "needs_fork": "rapportlint serve borne chaque vérification dans un processus fils, ce que "
        "ce système ne permet pas : lancez-le sous Linux ou macOS (sous Windows : dans WSL)",
        "empty_token": "--token ne peut pas être vide",
    },
    "en": {
        "not_found": "This address does not exist here.",
        "not_allowed": "Use the home page to send the report.",
        "forbidden": "Incomplete address: open the whole address your teacher gave (it ends with "
        "?token=…).",
        "busy": "The server already has {capacity} reports being checked or waiting: try again in "
        "a minute (your file was neither checked nor kept).",
        "annex_unreadable": "Annex {number} cannot be read ({reason}): send it as a PDF.",
        "internal": "Internal error ({name}): try again; if it comes back, tell your teacher, with "
        "the file.",
        "timeout": "The upload stopped before the end of the file (connection cut or too slow): "
        "send the report again.",
        "too_large": "The upload is larger than {limit_mb} MB (report and annexes together): make "
        "it smaller (compress pictures when exporting the PDF) and try again.",
        "not_multipart": "Wrong upload: the report must be sent with the page's form "
        "(multipart/form-data, field 'rapport').",
        "bad_form": "Wrong upload: {detail}.",
        "form_unreadable": "the request body is not a readable form",
        "form_incomplete": "the form is incomplete",
        "form_no_report": "the field 'rapport' (the report's PDF) is missing",
        "form_kind": "unknown annex kind '{kind}' (technique or presse)",
        "form_annexes": "{count} annexes at most",
        "form_parts": "{count} fields at most",
        "form_headers": "field headers too long",
        "form_one_report": "one report per upload",
        "form_kind_long": "annex kind too long",
        "h400": "Wrong upload",
        "h403": "Access denied",
        "h404": "Page not found",
        "h405": "Method not allowed",
        "h408": "Upload interrupted",
        "h413": "File too large",
        "h415": "Wrong upload",
        "h422": "Unreadable annex",
        "h500": "Internal error",
        "h503": "Server busy",
        "drop": "Drop the PDF of your internship report here",
        "choose": "or click to choose it (PDF, {max_mb} MB at most)",
        "annexes": "English documents given separately (optional, 3 at most)",
        "annexes_help": "If your three English documents are not already at the end of the report, "
        "add them here, each with its kind.",
        "annex": "Annex",
        "kind": "kind",
        "kind_none": "not given",
        "kind_technique": "technical document",
        "kind_presse": "press extract",
        "submit": "Check the report",
        "too_big": "The files chosen are larger than {max_mb} MB together: make them smaller "
        "(compress pictures when exporting the PDF) before sending them.",
        "wait": "Checking… the answer comes in a few seconds (more if the whole class sends at "
        "the same time).",
        "megabytes": "MB",
        "checked_title": "What is checked",
        "checked": "The BTS CIEL rules for the internship report: the number of pages, the parts "
        "(company, activities, conclusion), the three English documents in the annexes (one page "
        "each, language, kind, share of pictures, source). The answer is the check report, page "
        "by page, with the fix of each problem; it prints as it is, and a 'download the JSON' "
        "link gives the same result to scripts.",
        "privacy_title": "Privacy",
        "privacy": "Your files are checked in a temporary folder, deleted as soon as the answer is "
        "ready. Nothing is kept or logged except the time, size, verdict and length of each "
        "check: not your name, not the file's name, not its content.",
        "another": "← check another report",
        "download_json": "download the JSON",
        "log_refused": "refused ({status})",
        "log_busy": "refused (503, busy)",
        "log_gone": "given up",
        "log_interrupted": "interrupted",
        "log_annex": "error (annex)",
        "log_internal": "internal error",
        "kilobytes": "kB",
        "open": "rapportlint serve: open {address} in the browser{note}; Ctrl-C to stop",
        "generated": " (token generated; --token to choose it)",
        "stopped": "rapportlint serve: stopped",
        "log_prefix": "rapportlint serve: ",
        "needs_extra": "rapportlint serve needs the 'serve' extra: pip install "
        "'rapportlint[serve]' (or make install in the repository)",
        "needs_fork": "rapportlint serve bounds each check in a child process, which this system "
        "does not allow: run it on Linux or macOS (on Windows: in WSL)",
        "empty_token": "--token cannot be empty",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """One text in ``lang`` (French unless "en"), its ``{fields}`` filled."""
    return TEXTS["en" if lang == "en" else "fr"][key].format(**values)
