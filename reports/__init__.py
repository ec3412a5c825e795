"""Reports read from the store (via `store.queries`) and write files a clerk can open.
Layering: reports import store, never the other way round, and never the CLI.

A report is plain typed data (`document.Report`); `formats.write_report` lays it out as
md, csv, html, xlsx, docx, json or txt."""
from .action_log import write_log
from .action_report import action_log_report, digest_report
from .document import Report
from .formats import FORMATS, TemplateError, format_for, write_report
from .table import COLUMNS, PlainTable, action_table

__all__ = ["COLUMNS", "FORMATS", "PlainTable", "Report", "TemplateError", "action_log_report",
           "action_table", "digest_report", "format_for", "write_log", "write_report"]
