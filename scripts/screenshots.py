"""Screenshots of the clerk's desk for the README: load samples/ into a temporary store,
serve it on a free localhost port, and save PNGs of the review queue and of one flag's
evidence image to docs/img/ with headless Chromium (Playwright on /usr/bin/chromium).

    python scripts/screenshots.py [--out docs/img] [--chromium /usr/bin/chromium]
"""
from __future__ import annotations

import argparse
import io
import socket
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
MAX_BYTES = 300_000  # each PNG kept small for the repo


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    opts = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    from boardpapers import batch
    from store import open_session
    from web import create_app

    opts.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'desk.sqlite'}"
        with open_session(url) as session:
            for outcome in batch.run(session, batch.find_files([ROOT / "samples"])):
                print(outcome.action, outcome.file.name)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = make_server("127.0.0.1", port, create_app(url), threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{port}"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=opts.chromium, args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(f"{base}/review")
                _loaded(page)
                _save(page.screenshot(full_page=False), opts.out / "desk-review.png")
                flag = page.locator("article.flag", has_text="Chris Greenwood").first
                flag.scroll_into_view_if_needed()
                flag.locator("summary", has_text="Correct action").click()
                _loaded(page)
                _save(flag.screenshot(), opts.out / "desk-evidence.png")
                browser.close()
        finally:
            server.shutdown()


def _loaded(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the evidence images in view have loaded (they load lazily)."""
    page.wait_for_load_state("networkidle")
    page.wait_for_function("""() => [...document.images].every(
        i => i.getBoundingClientRect().top > innerHeight * 2 || (i.complete && i.naturalWidth))""")


def _save(png: bytes, path: Path) -> None:
    """Write `png` as a palette image (screenshots are flat colour), halved until small."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    while True:
        out = io.BytesIO()
        image.quantize(128).save(out, "PNG", optimize=True)
        if out.tell() <= MAX_BYTES or image.width < 400:
            break
        image = image.resize((image.width * 3 // 4, image.height * 3 // 4), Image.LANCZOS)
    path.write_bytes(out.getvalue())
    print(f"{path} {image.width}x{image.height} {out.tell()} bytes")


if __name__ == "__main__":
    main()
