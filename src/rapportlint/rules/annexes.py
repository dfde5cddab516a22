"""Rules on the three English annexed documents (next issue)."""
