"""Settings: the limits the rules apply, and which rules run at which severity.

They come from the defaults, then ``rapportlint.toml`` (current folder, or ``--config``), then the
command line. Every key is checked: a typo in a config file must not silently do nothing.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rapportlint.findings import Severity
from rapportlint.output import os_reason

CONFIG_NAME = "rapportlint.toml"
PAGE_COUNT_MODES = ("all", "from-intro")


class ConfigError(Exception):
    """The configuration cannot be used; the message says which key and why (in French)."""


@dataclass(frozen=True, slots=True)
class Settings:
    max_pages: int = 30
    page_count: str = "all"  # "all": every page before the annexes; "from-intro"
    company_max_pages: int = 5
    company_max_share: float = 0.25
    conclusion_max_pages: int = 2
    picture_page_share: float = 0.6
    reproductions_max_share: float = 0.3
    annex_max_picture_share: float = 1 / 3
    # Bounds on what one file may cost (see SECURITY.md): passing one is RL004, never a hang.
    max_file_mb: int = 100
    max_page_count: int = 500
    timeout: float = 60.0
    memory_mb: int = 1024
    # Annex pages whose text is only in pixels that OCR may read per file (0: none).
    ocr_max_pages: int = 8
    ignore: frozenset[str] = field(default_factory=frozenset)
    severity: dict[str, Severity] = field(default_factory=dict)
    # Where the student reads the fixes: "cli", or "web" (rapportlint serve), where an annex
    # given as a separate file is declared on the page, not with --annexe. Not a configuration
    # key: the front end sets it.
    interface: str = "cli"


_LIMITS: dict[str, tuple[str, type, float, float]] = {
    "company-max-pages": ("company_max_pages", int, 1, 100),
    "company-max-share": ("company_max_share", float, 0.0, 1.0),
    "conclusion-max-pages": ("conclusion_max_pages", int, 1, 100),
    "picture-page-share": ("picture_page_share", float, 0.0, 1.0),
    "reproductions-max-share": ("reproductions_max_share", float, 0.0, 1.0),
    "annex-max-picture-share": ("annex_max_picture_share", float, 0.0, 1.0),
    "max-file-mb": ("max_file_mb", int, 1, 2048),
    "max-page-count": ("max_page_count", int, 1, 100_000),
    "timeout": ("timeout", float, 1.0, 3600.0),
    "memory-mb": ("memory_mb", int, 128, 65_536),
    "ocr-max-pages": ("ocr_max_pages", int, 0, 100),
}
_TOP_KEYS = {"max-pages", "page-count", "ignore", "severity", "limits"}


def find_config(explicit: str | Path | None, folder: Path | None = None) -> Path | None:
    """``--config`` if given, else ``rapportlint.toml`` in the current folder if there is one."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"fichier de configuration introuvable : {path}")
        return path
    candidate = (folder or Path.cwd()) / CONFIG_NAME
    return candidate if candidate.is_file() else None


TOML_PROBLEMS = (
    ("Cannot overwrite a value", "clé définie deux fois"),
    ("Cannot declare", "table déclarée deux fois"),
    ("Cannot mutate", "table déclarée deux fois"),
    ("Expected '=' after a key", "« = » attendu après la clé"),
    ("Unclosed array", "crochet « ] » manquant"),
    ("Unclosed inline table", "accolade « } » manquante"),
    ("Unterminated string", "guillemet fermant manquant"),
    ("Illegal character", "caractère interdit"),
    ("Invalid value", "valeur invalide (guillemets oubliés autour d'un texte ?)"),
    ("Invalid date", "date invalide (AAAA-MM-JJ)"),
)


def toml_problem(error: tomllib.TOMLDecodeError) -> str:
    """A TOML syntax error in French with its line: "TOML invalide, ligne 22 : clé définie
    deux fois" (tomllib's own text is English and ends in "(at line 22, column 11)")."""
    text = str(error)
    where = re.search(r"at line (\d+), column (\d+)", text)
    what = next((fr for en, fr in TOML_PROBLEMS if text.startswith(en)), "syntaxe invalide")
    return f"TOML invalide{f', ligne {where.group(1)}' if where else ''} : {what}"


def load_settings(path: Path | None, known_rules: set[str]) -> Settings:
    """Settings from a TOML file (defaults where it says nothing)."""
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path} : lecture impossible (enregistrez-le en UTF-8)") from exc
    except OSError as exc:
        raise ConfigError(f"{path} : lecture impossible ({os_reason(exc)})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} : {toml_problem(exc)}") from exc
    return apply_mapping(Settings(), data, known_rules, where=str(path))


def apply_mapping(
    settings: Settings, data: dict[str, Any], known_rules: set[str], where: str
) -> Settings:
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ConfigError(
            f"{where} : clé inconnue « {sorted(unknown)[0]} » (clés possibles : {', '.join(sorted(_TOP_KEYS))})"
        )
    changes: dict[str, Any] = {}
    if "max-pages" in data:
        changes["max_pages"] = _int_in(data["max-pages"], "max-pages", 1, 1000, where)
    if "page-count" in data:
        if data["page-count"] not in PAGE_COUNT_MODES:
            raise ConfigError(f"{where} : page-count doit valoir {' ou '.join(PAGE_COUNT_MODES)}")
        changes["page_count"] = data["page-count"]
    if "ignore" in data:
        ignore = data["ignore"]
        if not isinstance(ignore, list) or not all(isinstance(r, str) for r in ignore):
            raise ConfigError(
                f'{where} : ignore doit être une liste d\'identifiants (ex. ["RL206"])'
            )
        changes["ignore"] = frozenset(check_rule_ids(ignore, known_rules, where))
    if "severity" in data:
        table = data["severity"]
        if not isinstance(table, dict):
            raise ConfigError(f'{where} : [severity] doit être une table (ex. RL401 = "info")')
        severities = {}
        for rule, value in table.items():
            check_rule_ids([rule], known_rules, where)
            try:
                severities[rule.upper()] = Severity(value)
            except ValueError as exc:
                raise ConfigError(
                    f"{where} : sévérité « {value} » pour {rule} : error, warning ou info attendu"
                ) from exc
        changes["severity"] = severities
    if "limits" in data:
        table = data["limits"]
        if not isinstance(table, dict):
            raise ConfigError(f"{where} : [limits] doit être une table")
        for key, value in table.items():
            if key not in _LIMITS:
                raise ConfigError(
                    f"{where} : limite inconnue « {key} » (possibles : {', '.join(sorted(_LIMITS))})"
                )
            attr, kind, low, high = _LIMITS[key]
            changes[attr] = (
                _int_in(value, key, int(low), int(high), where)
                if kind is int
                else _float_in(value, key, low, high, where)
            )
    return replace(settings, **changes)


def check_rule_ids(rules: list[str], known_rules: set[str], where: str) -> list[str]:
    out = []
    for rule in rules:
        if rule.upper() not in known_rules:
            raise ConfigError(f"{where} : règle inconnue « {rule} » (voir `rapportlint rules`)")
        out.append(rule.upper())
    return out


def _int_in(value: Any, key: str, low: int, high: int, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(f"{where} : {key} doit être un entier entre {low} et {high}")
    return value


def _float_in(value: Any, key: str, low: float, high: float, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ConfigError(f"{where} : {key} doit être un nombre entre {low} et {high}")
    return float(value)
