"""What every request passes through: a store session, read-only refusal, CSRF (Flask-WTF),
the shared password when the desk is bound beyond localhost, and the security headers."""
from __future__ import annotations

import hmac
from typing import Any

from flask import Flask, abort, g, jsonify, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlalchemy.orm import Session

from .twins import wants_json

csrf = CSRFProtect()

# default-src 'self' covers the CSS, the small script and the evidence images; nothing
# inline runs, so paper text that got past escaping could still not execute.
CSP = ("default-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def session() -> Session:
    """The request's store session (closed when the request ends)."""
    if "store_session" not in g:
        from flask import current_app
        g.store_session = Session(current_app.extensions["desk_engine"],
                                  expire_on_commit=False)
    return g.store_session


def init_app(app: Flask) -> None:
    # Order matters: read-only and the password answer before CSRF looks at a form.
    @app.before_request
    def _password() -> Any:
        wanted = app.config.get("DESK_PASSWORD")
        if not wanted:
            return None
        given = request.authorization.password if request.authorization else None
        if given is None or not hmac.compare_digest(given.encode(), wanted.encode()):
            return ("The desk asks for its password (any user name).", 401,
                    {"WWW-Authenticate": 'Basic realm="boardpapers"'})
        return None

    @app.before_request
    def _read_only() -> None:
        if app.config["READ_ONLY"] and request.method not in ("GET", "HEAD", "OPTIONS"):
            abort(403, "This desk was started with --read-only: nothing can be changed here.")

    csrf.init_app(app)

    @app.errorhandler(CSRFError)
    def _csrf(e: CSRFError) -> Any:
        return _error(400, f"The form was refused ({e.description}); reload the page and "
                           "try again.")

    for code in (400, 403, 404, 405, 413):
        app.register_error_handler(code, lambda e, code=code: _error(
            code, getattr(e, "description", "") or str(e)))

    @app.teardown_appcontext
    def _close(_exc: BaseException | None) -> None:
        s = g.pop("store_session", None)
        if s is not None:
            s.close()

    @app.after_request
    def _headers(response: Any) -> Any:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.context_processor
    def _desk() -> dict[str, Any]:
        return {"read_only": app.config["READ_ONLY"]}


def _error(code: int, message: str) -> Any:
    if wants_json():
        return jsonify({"error": message}), code
    return render_template("error.html", code=code, message=message), code
