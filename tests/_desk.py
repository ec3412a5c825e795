"""Shared by the desk's tests (test_web.py, test_web_e2e.py): an invented parish council
paper whose text holds markup, a store built by running the pipeline, a server in a thread."""
from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCRIPT_ACTION = 'Clerk to remove the <script>alert("x")</script> text from the contact page.'
PAPER = (
    "BROOKFIELD PARISH COUNCIL\n"
    "Minutes of the meeting of Brookfield Parish Council held on 20 May 2024 at 7.30pm in "
    "the Village Hall.\n\n"
    "Present: Cllr Marjorie Quince Chair, Cllr Denise Hollins, Cllr Tobias Wren, "
    "Peter Lark (Clerk)\n\n"
    "1. Apologies\nApologies were received from Cllr Harriet Dennison.\n\n"
    f"2. Website\nACTION: {SCRIPT_ACTION}\n\n"
    "3. Play area\nACTION: Oswald Quarrie to inspect the swings in the play area.\n\n"
    "4. Fence\nRESOLVED: that the play area fence be repaired.\n"
)


def write_paper(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "brookfield-pc_minutes_2024-05-20.txt"
    path.write_text(PAPER, encoding="utf-8")
    return path


def run_pipeline(url: str, paths: list[Path]) -> list[str]:
    """`boardpapers run` on `paths` in this process; each file's action (new, unchanged…)."""
    from boardpapers import batch
    from store import open_session

    with open_session(url) as session:
        return [o.action for o in batch.run(session, batch.find_files(paths))]


def csrf_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The app on a free localhost port in a thread; yields its base URL."""
    from werkzeug.serving import make_server

    port = free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
