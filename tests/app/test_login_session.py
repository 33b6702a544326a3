"""The editor's login token in a running session: changing the password hash logs the session out
at its next rerun; Log out forgets the editor and refuses the token from then on."""
from __future__ import annotations

import os

import pytest

from geo.store import tokens
from geo.store.auth import hash_password
from tests.conftest import page_test

PASSWORD = "editor password"


def configured() -> str:
    return os.environ["BLOCKADE_MAP_EDITOR_HASH"]


def _log_in(monkeypatch, data):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(data))
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password(PASSWORD, iterations=1000))
    at = page_test("add_event.py", default_timeout=120).run()
    at.text_input(key="login-name").input("Ana")
    at.text_input(key="login-password").input(PASSWORD)
    next(b for b in at.button if str(b.key).startswith("FormSubmitter:login-")).click().run()
    assert not at.exception
    assert at.session_state["editor_name"] == "Ana"
    return at


def test_a_new_password_hash_logs_a_running_session_out(bundled_copy, monkeypatch):
    at = _log_in(monkeypatch, bundled_copy)
    token = at.session_state["_editor_token"]
    claims = tokens.verify_token(token, tokens.session_secret(), configured())
    assert claims.name == "Ana" and claims.expires - claims.issued == 12 * 3600
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password("a new password", iterations=1000))
    at.run()
    assert not at.exception
    assert "editor_name" not in at.session_state and "_editor_token" not in at.session_state
    assert [t.label for t in at.text_input if t.key == "login-password"]  # the login form again


def test_log_out_forgets_the_editor_and_refuses_the_token(bundled_copy, monkeypatch):
    at = _log_in(monkeypatch, bundled_copy)
    token = at.session_state["_editor_token"]
    at.button(key="logout").click().run()
    assert not at.exception
    assert "editor_name" not in at.session_state and at.session_state["_editor_logged_out"] is True
    from ui.editing import session_revocations
    with pytest.raises(tokens.TokenError) as refused:
        tokens.verify_token(token, tokens.session_secret(), configured(), revoked=session_revocations())
    assert refused.value.reason == "revoked"


def test_a_secret_file_others_may_read_keeps_logins_to_the_session_and_says_why(bundled_copy, monkeypatch,
                                                                                    tmp_path):
    secret = tmp_path / "editor-session.key"
    secret.write_text("ab" * 32 + "\n")
    secret.chmod(0o644)
    monkeypatch.setenv(tokens.SECRET_FILE_ENV, str(secret))
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(bundled_copy))
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password(PASSWORD, iterations=1000))
    at = page_test("add_event.py", default_timeout=120, locale="es-PE").run()
    at.text_input(key="login-name").input("Ana")
    at.text_input(key="login-password").input(PASSWORD)
    next(b for b in at.button if str(b.key).startswith("FormSubmitter:login-")).click().run()
    assert not at.exception
    assert at.session_state["editor_name"] == "Ana" and "_editor_token" not in at.session_state
    notes = [c.value for c in at.sidebar.caption]
    assert any(n.startswith("La sesión no se mantiene al recargar la página:") and "otros pueden leer" in n
               and "modo 644" in n for n in notes), notes
