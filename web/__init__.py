"""The clerk's desk: `boardpapers serve`, a local web app over the same store as the CLI.

Server-rendered pages (Jinja, autoescaped; no JavaScript build), each with a JSON twin at
the same URL + ".json" (or asked for with `Accept: application/json`), so tests and scripts
read the data a page shows. Blueprints by page kind: `review` (the queue and the evidence
image), `fixes` (the POST forms that record corrections through store.corrections),
`browse` (meetings, actions, people, RAG), `corrections` (the record of every correction,
each with its Undo). `guard` holds what every request passes through:
CSRF, read-only, the password off localhost and the security headers.

Layering: web imports store (and ingest for a file's hash); only the CLI's `serve` imports web.
"""
from __future__ import annotations

import secrets

from flask import Flask, redirect, url_for

from store.db import get_engine

from . import browse, corrections, fixes, guard, review
from .twins import IsoJSONProvider

MAX_FORM_BYTES = 64 * 1024  # a correction is a few hundred characters; refuse floods early


def create_app(db_url: str, *, read_only: bool = False, secret: str | None = None,
               password: bool = False) -> Flask:
    """The desk over the store at `db_url` (migrated on first use, like every command).
    `read_only` hides the forms and refuses every POST (403). `secret` signs the session
    (flash messages, CSRF tokens); without one a random key is made, so tokens last as long
    as the process. `password`: every request must give `secret` as its HTTP Basic password
    (the desk bound beyond localhost)."""
    app = Flask(__name__)
    app.json = IsoJSONProvider(app)
    app.config.update(
        SECRET_KEY=secret or secrets.token_hex(32),
        READ_ONLY=read_only,
        DESK_PASSWORD=secret if password else None,
        MAX_CONTENT_LENGTH=MAX_FORM_BYTES,
        WTF_CSRF_TIME_LIMIT=None,  # a clerk leaves the queue open all day
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_HTTPONLY=True,
    )
    engine = get_engine(db_url)
    app.extensions["desk_engine"] = engine
    guard.init_app(app)
    for module in (review, fixes, browse, corrections):
        app.register_blueprint(module.bp)

    @app.get("/")
    def index():  # type: ignore[no-untyped-def]
        return redirect(url_for("review.queue"))

    return app
