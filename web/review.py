"""The review queue (`/review`) and each flag's page as evidence (`/evidence/<id>.png`)."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, jsonify

from store.review import flag_words

from . import reads
from .evidence import flag_page
from .guard import session
from .inputs import text_arg
from .twins import page, twin

bp = Blueprint("review", __name__)


@twin(bp, "/review")
def queue() -> Any:
    data = reads.review_queue(session(), body=text_arg("body"), kind=text_arg("kind"))
    return page("review.html", data)


def _rendered(flag_id: int) -> Any:
    s = session()
    words = flag_words(s, flag_id)
    if words is None:
        abort(404, f"There is no flag {flag_id}.")
    rendered = flag_page(s, flag_id, words)
    assert rendered is not None
    return rendered


@bp.get("/evidence/<int:flag_id>.png")
def evidence_png(flag_id: int) -> Any:
    rendered = _rendered(flag_id)
    if rendered.png is None:
        abort(404, rendered.message)
    response = Response(rendered.png, mimetype="image/png")
    response.headers["X-Evidence"] = rendered.status
    response.headers["Cache-Control"] = "no-store"  # a correction or a moved file changes it
    return response


@bp.get("/evidence/<int:flag_id>.json")
def evidence_json(flag_id: int) -> Any:
    rendered = _rendered(flag_id)
    return jsonify({"flag": flag_id, "status": rendered.status, "message": rendered.message,
                    "image": rendered.png is not None,
                    "bytes": len(rendered.png) if rendered.png else 0})

