"""Ingest: turn PDF, DOCX, HTML and text files into a typed `Document`."""
from .errors import IngestError
from .load import load, sha256_of
from .model import Block, Cell, Document, Page, Problem, Provenance, Source, Status, Table

__all__ = ["IngestError", "load", "sha256_of", "Block", "Cell", "Document", "Page", "Problem",
           "Provenance", "Source", "Status", "Table"]
