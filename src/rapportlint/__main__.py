"""Allows ``python -m rapportlint``."""

from rapportlint.cli import run

if __name__ == "__main__":
    run()
