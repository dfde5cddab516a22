"""rapportlint: checks the internship report of BTS CIEL students, page by page."""

__version__ = "0.2.0"
