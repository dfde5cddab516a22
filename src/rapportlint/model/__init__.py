"""The document model: what one read of the PDF gives every analysis and rule."""

from rapportlint.model.document import Box, Document, OutlineEntry, Page, TextLine
from rapportlint.model.loader import LoadError, load_document

__all__ = ["Box", "Document", "LoadError", "OutlineEntry", "Page", "TextLine", "load_document"]
