"""What a Spanish-speaking journalist's walk through the app found (issue 22, last pass): numbers
written the Spanish way on the news page."""
from __future__ import annotations

from geo.store.auth import hash_password
from tests.conftest import page_test, plain

PASSWORD = "editor password"


def _logged_in(page: str, locale: str, data, monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(data))
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password(PASSWORD, iterations=1000))
    at = page_test(page, default_timeout=120, locale=locale).run()
    at.text_input(key="login-name").input("Ana")
    at.text_input(key="login-password").input(PASSWORD)
    next(b for b in at.button if str(b.key).startswith("FormSubmitter:login-")).click().run()
    assert not at.exception
    return at


def test_the_news_page_writes_its_character_limit_as_the_reader_writes_numbers(bundled_copy, monkeypatch):
    captions = [plain(c.value) for c in _logged_in("news_report.py", "es-PE", bundled_copy, monkeypatch).caption]
    assert "Como máximo 50.000 caracteres: pegue un artículo a la vez." in captions
    captions = [plain(c.value) for c in _logged_in("news_report.py", "en-US", bundled_copy, monkeypatch).caption]
    assert "At most 50,000 characters: paste one article at a time." in captions
