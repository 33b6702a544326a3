"""The editor's session token: signed with the server's secret under the password hash, expiring,
refused when tampered with, revoked or signed under another hash; and the secret's file."""
from __future__ import annotations

import base64
import json
import os
import stat

import pytest

from geo.store.auth import hash_password
from geo.store.tokens import DEFAULT_LIFETIME_S, Revocations, TokenError, issue_token, session_secret, verify_token

SECRET = bytes(range(32))
HASH = hash_password("open sesame", iterations=1000, salt="00ff")
NOW = 1_700_000_000


def _payload(token: str) -> dict:
    payload = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def _reason(token, secret=SECRET, password_hash=HASH, now=NOW + 10, **kw) -> str:
    with pytest.raises(TokenError) as info:
        verify_token(token, secret, password_hash, now=now, **kw)
    return info.value.reason


def test_a_token_names_its_editor_and_lasts_twelve_hours():
    token = issue_token("  Ana   María ", SECRET, HASH, now=NOW)
    claims = verify_token(token, SECRET, HASH, now=NOW + 60)
    assert (claims.name, claims.issued, claims.expires) == ("Ana María", NOW, NOW + 12 * 3600)
    assert DEFAULT_LIFETIME_S == 43_200
    assert len(claims.token_id) == 16
    # the payload holds the name and times, never the password or its hash
    assert set(_payload(token)) == {"v", "sub", "iat", "exp", "jti"}
    assert "open sesame" not in token and HASH.split("$")[3] not in json.dumps(_payload(token))


def test_it_expires_at_its_expiry_time_and_is_not_valid_before_it_was_issued():
    token = issue_token("Ana", SECRET, HASH, now=NOW, lifetime_s=600)
    assert verify_token(token, SECRET, HASH, now=NOW + 599).name == "Ana"
    assert _reason(token, now=NOW + 600) == "expired"
    assert _reason(token, now=NOW + 10 * 24 * 3600) == "expired"
    assert verify_token(token, SECRET, HASH, now=NOW - 30).name == "Ana"  # clocks a little apart
    assert _reason(token, now=NOW - 3600) == "not_yet_valid"


def test_a_changed_password_hash_or_another_secret_refuses_every_earlier_token():
    token = issue_token("Ana", SECRET, HASH, now=NOW)
    new_hash = hash_password("another password", iterations=1000, salt="00ff")
    assert _reason(token, password_hash=new_hash) == "signature"
    assert _reason(token, secret=bytes(range(1, 33))) == "signature"
    # the hash alone does not sign: a token made with the hash as the secret is refused
    forged = issue_token("Mallory", HASH.encode(), HASH, now=NOW)
    assert _reason(forged) == "signature"


@pytest.mark.parametrize("change", ["name", "expiry", "signature", "unsigned", "truncated", "junk", "dots"])
def test_a_tampered_or_unsigned_token_is_refused(change):
    token = issue_token("Ana", SECRET, HASH, now=NOW, lifetime_s=600)
    payload, signature = token.split(".")
    claims = _payload(token)
    b64 = lambda d: base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()  # noqa: E731
    bad = {
        "name": f"{b64(dict(claims, sub='Mallory'))}.{signature}",
        "expiry": f"{b64(dict(claims, exp=NOW + 10**6))}.{signature}",
        "signature": f"{payload}.{signature[:-2]}{'AA' if signature[-2:] != 'AA' else 'BB'}",
        "unsigned": payload,
        "truncated": f"{payload}.",
        "junk": "not a token at all",
        "dots": f"{payload}.{signature}.{signature}",
    }[change]
    assert _reason(bad) in {"signature", "malformed"}
    assert verify_token(token, SECRET, HASH, now=NOW + 10).name == "Ana"


@pytest.mark.parametrize("value", [None, 7, "", "x" * 5000])
def test_what_is_not_a_token_at_all_is_malformed(value):
    assert _reason(value) == "malformed"


def test_a_logged_out_token_is_refused_and_others_are_not():
    revoked = Revocations(clock=lambda: NOW)
    first, second = issue_token("Ana", SECRET, HASH, now=NOW), issue_token("Ana", SECRET, HASH, now=NOW)
    revoked.revoke(verify_token(first, SECRET, HASH, now=NOW))
    assert _reason(first, revoked=revoked) == "revoked"
    assert verify_token(second, SECRET, HASH, now=NOW, revoked=revoked).name == "Ana"


def test_bad_names_and_lifetimes_are_refused_when_issuing():
    with pytest.raises(ValueError, match="name"):
        issue_token("   ", SECRET, HASH)
    with pytest.raises(ValueError, match="lifetime"):
        issue_token("Ana", SECRET, HASH, lifetime_s=30 * 24 * 3600)
    with pytest.raises(ValueError, match="32 bytes"):
        issue_token("Ana", b"short", HASH)


# ---------------------------------------------------------------- the server's secret

def test_the_secret_is_generated_once_into_an_owner_only_file(tmp_path):
    path = tmp_path / "config" / "blockade-map" / "editor-session.key"
    first = session_secret(path=path)
    assert len(first) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert session_secret(path=path) == first  # kept across restarts
    assert [p.name for p in path.parent.iterdir()] == ["editor-session.key"]  # no temporary left
    other = tmp_path / "other.key"
    assert session_secret(path=other) != first


def test_a_secret_file_others_may_read_is_refused(tmp_path):
    path = tmp_path / "editor-session.key"
    session_secret(path=path)
    os.chmod(path, 0o644)
    with pytest.raises(ValueError, match=r"editor-session.key: .*read by others.*644"):
        session_secret(path=path)
    os.chmod(path, 0o600)
    path.write_text("abcd\n")
    with pytest.raises(ValueError, match="2 bytes, fewer than 32"):
        session_secret(path=path)


def test_the_secret_from_secrets_toml_comes_first_and_must_be_long(tmp_path):
    path = tmp_path / "unused.key"
    assert session_secret({"editor_session_secret": "s" * 40}, path=path) == b"s" * 40
    assert not path.exists()
    with pytest.raises(ValueError, match="editor_session_secret .* at least 32"):
        session_secret({"editor_session_secret": "short"}, path=path)
