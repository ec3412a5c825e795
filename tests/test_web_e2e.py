"""The clerk's desk end to end in headless Chromium (Playwright driving Debian's
/usr/bin/chromium; `playwright install` is never needed): load the samples, correct an owner
through the queue's form (its flag leaves the queue, its cause gone), run the pipeline again
and the correction is still there; undo it on the corrections page and the flag is back;
paper text holding <script> is shown as text; a POST without the CSRF token is refused."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from _desk import SCRIPT_ACTION, run_pipeline, serving, write_paper
from conftest import SAMPLES

from store import db as store_db
from web import create_app

CHROMIUM = os.environ.get("BOARDPAPERS_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not shutil.which(CHROMIUM):
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)",
                allow_module_level=True)


@pytest.fixture
def browser():  # type: ignore[no-untyped-def]
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_clerk_corrects_an_owner_a_rerun_keeps_it_and_undo_brings_the_flag_back(
        browser, tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    write_paper(papers)
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    sources = [SAMPLES, papers]
    run_pipeline(url, sources)
    dialogs: list[str] = []
    try:
        with serving(create_app(url)) as base:
            page = browser.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(f"{base}/review")
            assert page.locator("h1").inner_text() == "Review queue"
            flag = page.locator("article.flag", has_text="Oswald Quarrie").first
            flag.locator("summary", has_text="Correct action").click()
            flag.locator("input[name=owner]").fill("Tobias Wren")
            flag.locator("input[name=note]").first.fill("named at the meeting")
            flag.locator("button", has_text="Save correction").click()
            page.wait_for_load_state()
            assert "corrected (owner)" in page.locator(".flash.ok").inner_text()
            assert page.locator(".flash.undo button", has_text="Undo owner").count() == 1
            # its cause is gone, so the flag left the queue; the log shows the new owner
            assert page.locator("article.flag", has_text="Oswald Quarrie").count() == 0

            def owner_in_log() -> str:
                page.goto(f"{base}/actions?status=all")
                return page.locator("tr", has_text="Oswald Quarrie").locator("td").nth(2)\
                    .inner_text()
            assert owner_in_log() == "Tobias Wren"

            # the pipeline again, on the same files: the correction survives
            assert set(run_pipeline(url, sources)) == {"unchanged"}
            assert owner_in_log() == "Tobias Wren"

            # undo it from the record of corrections: the paper's (no) owner, the flag back
            page.click("nav >> text=Corrections")
            row = page.locator("tr", has_text="named at the meeting")
            assert "owner" in row.inner_text()
            row.locator("button", has_text="Undo owner").click()
            page.wait_for_load_state()
            assert "(owner) undone" in page.locator(".flash.ok").inner_text()
            assert "undone" in page.locator("tr", has_text="named at the meeting")\
                .locator("td").last.inner_text()
            page.goto(f"{base}/review")
            back = page.locator("article.flag", has_text="Oswald Quarrie")
            assert back.count() == 1 and back.locator("td.owners").inner_text() == "—"
            assert owner_in_log() == "—"

            # paper text holding <script> is text on the page, and runs nothing
            page.goto(f"{base}/actions?status=all")
            assert page.get_by_text(SCRIPT_ACTION).count() == 1
            assert dialogs == []

            # a POST without the CSRF token is refused (a fix, and an undo)
            for path in ("/actions/1/correct", "/corrections/1/undo"):
                status = page.evaluate(
                    """async (url) => (await fetch(url, {method: 'POST',
                        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                        body: 'owner=Somebody'})).status""", f"{base}{path}")
                assert status == 400, path
    finally:
        store_db.dispose_all()
