"""In the browser: an editor's login survives a reload and a new tab (a signed cookie), and
"Log out" ends it there and everywhere."""
from __future__ import annotations

import pytest

from geo.store.auth import hash_password
from geo.store.tokens import COOKIE_NAME
from tests.conftest import log_in_from_the_map, make_event, write_folder

LOGIN_FORM = "Your name (goes into the change log)"


def _logged_in_as(page, name: str) -> None:
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Editing as").wait_for(timeout=30000)
    sidebar.get_by_text(name, exact=True).wait_for(timeout=10000)
    page.get_by_role("button", name="Log out").wait_for(timeout=10000)
    assert page.get_by_label(LOGIN_FORM).count() == 0


def _logged_out(page) -> None:
    page.get_by_label(LOGIN_FORM).wait_for(timeout=30000)
    assert page.get_by_role("button", name="Log out").count() == 0
    assert page.locator('[data-testid="stSidebar"]').get_by_text("Editing as").count() == 0


@pytest.mark.browser
def test_a_login_survives_a_reload_and_a_new_tab_and_log_out_ends_it(browser, serve_app, tmp_path, monkeypatch):
    folder = write_folder(tmp_path / "data", [make_event("e-juliaca", start="2023-01-09")])
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password("open sesame", iterations=1000))
    url = serve_app(folder)
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    try:
        log_in_from_the_map(page, url, "2023-01-09", "Add an event", "open sesame", name="Ana María")
        _logged_in_as(page, "Ana María")
        page.wait_for_function(f"() => document.cookie.includes('{COOKIE_NAME}=')", timeout=10000)
        cookie = next(c for c in context.cookies() if c["name"] == COOKIE_NAME)
        assert cookie["sameSite"] == "Strict" and cookie["path"] == "/"
        assert "open sesame" not in cookie["value"] and "pbkdf2" not in cookie["value"]
        assert 11.9 * 3600 < cookie["expires"] - page.evaluate("Date.now() / 1000") <= 12 * 3600

        page.reload()
        _logged_in_as(page, "Ana María")

        other = context.new_page()  # a new tab on another editing page
        other.goto(f"{url}/edit")
        _logged_in_as(other, "Ana María")
        other.close()

        # a tampered cookie (another name, same signature) is refused and cleared
        payload, signature = cookie["value"].split(".")
        context.add_cookies([dict(cookie, value=f"{payload[:-4]}AAAA.{signature}")])
        page.reload()
        _logged_out(page)
        page.wait_for_function(f"() => !document.cookie.includes('{COOKIE_NAME}=')", timeout=10000)

        page.get_by_label(LOGIN_FORM).fill("Ana María")
        page.get_by_label("Editor password").fill("open sesame")
        page.get_by_role("button", name="Log in").click()
        _logged_in_as(page, "Ana María")
        page.wait_for_function(f"() => document.cookie.includes('{COOKIE_NAME}=')", timeout=10000)
        kept = next(c for c in context.cookies() if c["name"] == COOKIE_NAME)

        page.get_by_role("button", name="Log out").click()
        _logged_out(page)
        page.wait_for_function(f"() => !document.cookie.includes('{COOKIE_NAME}=')", timeout=10000)
        page.reload()
        _logged_out(page)

        # the logged-out token, put back by hand (a copy kept elsewhere), is refused by the server
        context.add_cookies([kept])
        page.reload()
        _logged_out(page)
    finally:
        context.close()
