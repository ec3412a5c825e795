"""Running the desk: werkzeug's threaded server, which is enough for one clerk's desk on
this machine (a team sharing one desk would put it behind a proper WSGI server). Bound to
127.0.0.1 by default, with no login; bound anywhere else it needs $BOARDPAPERS_SECRET,
which then signs the session and is the password every request must give."""
from __future__ import annotations

import ipaddress
import os

SECRET_VAR = "BOARDPAPERS_SECRET"
MIN_SECRET = 16


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind_refusal(host: str, secret: str | None) -> str | None:
    """Why the desk must not bind to `host` with this secret, in one sentence; None if it may."""
    if is_loopback(host):
        return None
    if not secret:
        return (f"serving on {host} lets other machines reach the store, so set "
                f"${SECRET_VAR} (at least {MIN_SECRET} characters; it becomes the desk's "
                "password) or leave --host at 127.0.0.1")
    if len(secret) < MIN_SECRET:
        return f"${SECRET_VAR} is shorter than {MIN_SECRET} characters; choose a longer one"
    return None


def secret_from_env() -> str | None:
    return os.environ.get(SECRET_VAR) or None


def run(db_url: str, host: str, port: int, *, read_only: bool, secret: str | None) -> None:
    from . import create_app

    app = create_app(db_url, read_only=read_only, secret=secret,
                     password=not is_loopback(host))
    app.run(host=host, port=port, debug=False, use_reloader=False, threaded=True)
