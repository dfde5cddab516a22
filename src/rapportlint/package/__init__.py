"""The candidate's submission package: building it (pack) and checking it (verify)."""
