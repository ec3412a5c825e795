"""Ingest: turn PDF, DOCX, HTML and text files into a typed `Document`."""
from .load import load, sha256_of
from .model import Block, Cell, Document, Page, Problem, Provenance, Source, Status, Table

__all__ = ["load", "sha256_of", "Block", "Cell", "Document", "Page", "Problem", "Provenance",
           "Source", "Status", "Table"]
