"""A data file that breaks while the session is served (or one served without `make present`,
e.g. on a hub) never shows Voila's developer message: the page says so in plain words and
lists the emergency warning signs, which are written out in the package."""

from __future__ import annotations

import os
import shutil

from spasm_edu import facts, present
from spasm_edu.text import session as wording
from tests.browser.conftest import ARTIFACTS, running


def test_a_broken_causes_file_shows_plain_words_and_the_warning_signs(browser, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(facts.DATA_DIR, data)
    causes = data / "causes.csv"
    text = causes.read_text(encoding="utf-8")
    assert "\ncaffeine,Caffeine," in text
    causes.write_text(text.replace("\ncaffeine,Caffeine,", "\ncaffeine;Caffeine,", 1))
    assert present.data_problem(data)  # `make present` would refuse to start with it

    port = present.free_port()
    env = present.voila_env(dict(os.environ, **{facts.DATA_ENV: str(data)}))
    cmd = present.voila_command(port, preheat=False)
    context = None
    with running(cmd, port, "voila-broken-data.log", env) as (_, base):
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.route(
                "**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort()
            )
            page.goto(base + "/", wait_until="commit")
            page.get_by_role("heading", name=wording.DATA_FAILED_TITLE).wait_for(timeout=90_000)
            shown = page.locator("body").inner_text()
            assert wording.DATA_FAILED in shown
            assert wording.FALLBACK_EMERGENCY_HEADING in shown
            for sign in wording.FALLBACK_EMERGENCY_SIGNS:
                assert sign in shown
            html = page.content()
            assert "There was an error when executing" not in html  # Voila's developer message
            assert "show_tracebacks" not in html and "causes.csv" not in html
            page.screenshot(path=str(ARTIFACTS / "broken-data.png"), full_page=True)
        finally:
            if context is not None:
                context.close()
