"""Analyses of the document model: layout, headings and sections, language, pictures, annexes.

Each module reads the model (never the file) and returns plain data that the rules judge.
"""
