"""Issues 10 and 25: password guessing meets growing delays per session, address and name, is
slowed down server-wide without locking anyone out, is logged without the password, and cannot
make the server compute hashes without limit."""
from __future__ import annotations

import logging

import pytest

from geo.store import auth

HASH = auth.hash_password("correct horse battery", iterations=1000, salt="00ff")


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def hashes(monkeypatch):
    """Counts the PBKDF2 computations."""
    calls = []
    real = auth._derive

    def derive(password, salt, iterations):
        calls.append(1)
        return real(password, salt, iterations)
    monkeypatch.setattr(auth, "_derive", derive)
    return calls


def test_25_wrong_guesses_in_a_row_meet_growing_delays_and_are_logged(hashes, caplog):
    clock = Clock()
    limiter = auth.LoginLimiter(free=3, base_s=2.0, max_s=900.0, clock=clock)
    caplog.set_level(logging.WARNING, logger="blockade_map.auth")
    results = []
    for i in range(25):                          # as fast as a script can send them
        results.append(limiter.attempt("session-1", "mallory", f"guess-{i}-secret", HASH))
        clock.now += 0.01
    assert not any(r.ok for r in results)
    assert len(hashes) == 4                      # 3 free guesses, the 4th sets a delay; the rest refused unhashed
    assert [r.hashed for r in results[:5]] == [True, True, True, True, False]
    assert results[3].wait_s == pytest.approx(2.0) and results[3].message == "Wrong password. Try again in 2 s."
    assert results[4].message.startswith("Too many wrong passwords: try again in ")
    # Waiting out each delay: the delays double.
    waits = []
    for _ in range(5):
        clock.now += limiter.wait_s("session-1")
        waits.append(limiter.attempt("session-1", "mallory", "still-wrong", HASH).wait_s)
    assert waits == [pytest.approx(w) for w in (4.0, 8.0, 16.0, 32.0, 64.0)]
    # Even the right password waits while the session is locked.
    assert not limiter.attempt("session-1", "mallory", "correct horse battery", HASH).ok
    clock.now += limiter.wait_s("session-1")
    assert limiter.attempt("session-1", "ana", "correct horse battery", HASH).ok
    # Every failed or refused attempt left a log line naming the name and session, never the password.
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 25 + 5 + 1
    assert all("mallory" in line and "session-1" in line for line in lines)
    assert not any("guess-" in line or "still-wrong" in line or "correct horse" in line for line in lines)
    assert sum("wrong password" in line for line in lines) == 4 + 5


class SleepingClock(Clock):
    """A fake clock whose sleep moves it on (and records the waits)."""

    def __init__(self):
        super().__init__()
        self.slept = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_new_sessions_are_slowed_down_together_but_never_lock_the_editor_out(hashes):
    """Issue 25 replaced the server-wide lock of issue 10 (anyone could keep the editor out with
    80 guesses an hour): each fresh session gets one check, spaced out while under attack."""
    clock = SleepingClock()
    limiter = auth.LoginLimiter(free=3, server_free=10, name_free=5, base_s=2.0, spacing_s=2.0,
                                clock=clock, sleep=clock.sleep)
    results = [limiter.attempt(f"session-{i}", "Editor" if i % 2 else "EDITOR", f"guess-{i}", HASH)
               for i in range(200)]
    assert len(hashes) == 200 and not any(r.ok for r in results)
    # past the server's 10 free wrong passwords, every check waited its turn: 2 s apart
    assert len(clock.slept) == 189 and clock.now - 1000.0 == pytest.approx(189 * 2.0)
    # a session that guessed once meets the name's lock: its second guess is not even hashed
    again = limiter.attempt("session-7", "editor", "guess-again", HASH)
    assert not again.ok and not again.hashed and again.wait_s == pytest.approx(900.0)
    assert len(hashes) == 200
    # ... but the real editor, in a session that has not failed, gets in with the same name
    assert limiter.attempt("editor-laptop", "Editor", "correct horse battery", HASH).ok
    # A guess a second for an hour, each from a new session: one check every 2 s at most.
    start, before = clock.now, len(hashes)
    while clock.now < start + 3600:
        clock.now += 1
        limiter.attempt(f"s-{clock.now}", "mallory", "guess", HASH)
    assert len(hashes) - before <= 3600 / 2 + 1


def test_sessions_from_one_public_address_share_its_limit(hashes):
    clock = SleepingClock()
    limiter = auth.LoginLimiter(free=3, client_free=10, base_s=2.0, clock=clock, sleep=clock.sleep)
    for i in range(40):
        limiter.attempt(f"tab-{i}", f"name-{i}", "guess", HASH, client="8.8.8.8")
    assert len(hashes) == 11                     # the address waits after its 11th wrong password
    assert limiter.wait_s("a-new-tab", client="8.8.8.8") == pytest.approx(2.0)
    # Another address, and every private one (a proxy, a local network), are not held by it.
    assert limiter.wait_s("a-new-tab", client="1.1.1.1") == 0
    assert limiter.attempt("office", "Ana", "correct horse battery", HASH, client="192.168.1.20").ok
    assert limiter.attempt("home", "Ana", "correct horse battery", HASH, client="1.1.1.1").ok


def test_a_limit_falls_after_its_window_without_failures(hashes):
    clock = SleepingClock()
    limiter = auth.LoginLimiter(free=1, base_s=2.0, window_s=600.0, clock=clock, sleep=clock.sleep)
    for _ in range(2):
        limiter.attempt("s", "ana", "wrong-one", HASH)
    assert limiter.wait_s("s") == pytest.approx(2.0)
    clock.now += 600
    assert limiter.wait_s("s") == 0
    limiter.attempt("s", "ana", "wrong-two", HASH)
    assert limiter.wait_s("s") == 0              # counted from zero again: one free wrong password


def test_a_success_resets_the_session_and_the_comparison_is_constant_time(monkeypatch):
    compared = []
    real = auth.hmac.compare_digest
    monkeypatch.setattr(auth.hmac, "compare_digest", lambda a, b: compared.append(1) or real(a, b))
    limiter = auth.LoginLimiter(clock=Clock())
    assert not limiter.attempt("s", "ana", "wrong-one", HASH).ok
    assert limiter.attempt("s", "ana", "correct horse battery", HASH).ok
    assert compared == [1, 1]
    assert limiter.wait_s("s") == 0
    with pytest.raises(ValueError):
        limiter.attempt("s", "ana", "x", "not-a-hash")


def test_random_names_and_sessions_do_not_grow_memory_without_limit(monkeypatch):
    clock = SleepingClock()
    monkeypatch.setattr(auth, "SWEEP_OVER", 50)
    monkeypatch.setattr(auth, "verify_password", lambda password, encoded: False)
    limiter = auth.LoginLimiter(window_s=60.0, spacing_s=0.0, clock=clock, sleep=clock.sleep)
    for i in range(500):
        limiter.attempt(f"s-{i}", f"name-{i}", "guess", HASH)
        clock.now += 1
    assert len(limiter._sessions) <= 61 and len(limiter._names) <= 61
