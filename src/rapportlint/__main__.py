"""Allows ``python -m rapportlint``."""

from rapportlint.cli import main

if __name__ == "__main__":
    main()
