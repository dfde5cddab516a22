"""Renderers: a check result in a format for people (text) or programs (json). No verdicts here."""
