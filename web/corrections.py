"""The record of the clerk's corrections (`/corrections`): every one, newest first, with what
it changed and whether it was undone; each standing one has its Undo button (the POST is in
`fixes`, with the other forms)."""
from __future__ import annotations

from typing import Any

from flask import Blueprint

from . import reads
from .guard import session
from .inputs import text_arg
from .twins import page, twin

bp = Blueprint("corrections", __name__)


@twin(bp, "/corrections")
def listing() -> Any:
    return page("corrections.html", reads.corrections(session(), body=text_arg("body")))
