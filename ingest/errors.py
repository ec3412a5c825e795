"""Our own small exception tree. Foreign exceptions (pdfminer, zipfile, lxml) are translated
into these at the ingest boundary, each with a message that says what is wrong and what to do.
"""
from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be read. `code` is a stable slug stored with the document."""

    code = "unreadable"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


class EmptyFile(IngestError):
    code = "empty-file"


class UnsupportedFormat(IngestError):
    code = "unsupported-format"


class CorruptFile(IngestError):
    code = "corrupt-file"


class EncryptedFile(IngestError):
    code = "encrypted"


class UnsafeFile(IngestError):
    code = "unsafe-file"


class TooLarge(IngestError):
    code = "too-large"


class NotAFile(IngestError):
    code = "not-a-file"


def reason(err: BaseException) -> str:
    """The exception named with its message: a bare MemoryError has no message, and an
    empty reason tells the clerk nothing."""
    text = str(err)
    return f"{type(err).__name__}: {text}" if text else type(err).__name__
