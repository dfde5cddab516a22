"""``rapportlint rules``: the rule catalogue."""

from __future__ import annotations

import json

import click

from rapportlint.cli.app import main
from rapportlint.cli.common import lang_option


@main.command()
@lang_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def rules(lang: str, fmt: str) -> None:
    """Liste les règles : identifiant, nom, sévérité par défaut, résumé."""
    from rapportlint.rules.registry import all_rules

    catalogue = all_rules()
    if fmt == "json":
        data = [
            {"id": r.id, "name": r.name, "severity": r.severity.value, "summary": r.summary[lang]}
            for r in catalogue
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    width = max(len(r.name) for r in catalogue)
    for r in catalogue:
        click.echo(f"{r.id}  {r.name:<{width}}  {r.severity.value:<7}  {r.summary[lang]}")
