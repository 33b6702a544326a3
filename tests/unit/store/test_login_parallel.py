"""Issue 25: eight sessions guessing in parallel (32 wrong passwords in under 25 s, names differing
only in case) do not lock the real editor out, and attempts queued behind the hash are checked
against the locks that fell while they waited."""
from __future__ import annotations

import threading
import time

import pytest

from geo.store import auth

PASSWORD = "correct horse battery"
HASH = auth.hash_password(PASSWORD, iterations=20_000, salt="00ff")


@pytest.fixture
def hashes(monkeypatch):
    calls = []
    real = auth._derive
    guard = threading.Lock()

    def derive(password, salt, iterations):
        with guard:
            calls.append(password)
        return real(password, salt, iterations)
    monkeypatch.setattr(auth, "_derive", derive)
    return calls


def _guess_in_parallel(limiter, sessions: int, guesses: int, names: list[str], pause_s: float = 0.05,
                       one_session: str | None = None) -> list[auth.LoginResult]:
    """``sessions`` threads each sending ``guesses`` wrong passwords, ``pause_s`` apart (staggered),
    each as a session of its own, or all as ``one_session``."""
    results, guard = [], threading.Lock()
    start = threading.Barrier(sessions)

    def guesser(i: int) -> None:
        start.wait()
        time.sleep(i * pause_s / sessions)
        for g in range(guesses):
            result = limiter.attempt(one_session or f"attacker-{i}", names[(i + g) % len(names)],
                                     f"guess-{i}-{g}", HASH)
            with guard:
                results.append(result)
            if g < guesses - 1:
                time.sleep(pause_s)
    threads = [threading.Thread(target=guesser, args=(i,)) for i in range(sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_eight_parallel_sessions_cannot_lock_the_editor_out(hashes):
    limiter = auth.LoginLimiter()
    started = time.monotonic()
    results = _guess_in_parallel(limiter, 8, 4, ["Editor", "EDITOR", "editor", "eDiToR"])
    assert time.monotonic() - started < 25
    assert len(results) == 32 and not any(r.ok for r in results)
    refused = [r for r in results if not r.hashed]
    # every session's first guess was checked; past the name's 5 free ones, a session that had
    # failed was refused before hashing, whatever the case of the name
    assert 8 <= len(hashes) <= 8 + 5 and len(refused) == 32 - len(hashes)
    assert all(r.wait_s > 0 and r.message.startswith("Too many wrong passwords") for r in refused)
    # The real editor, from a clean session, gets in at once, with the same name.
    before = time.monotonic()
    result = limiter.attempt("editor-browser", "Editor", PASSWORD, HASH)
    assert result.ok and time.monotonic() - before < 2
    # The attackers' sessions stay held.
    assert all(limiter.wait_s(f"attacker-{i}", name="editor") > 0 for i in range(8))


@pytest.mark.slow
def test_guesses_spread_over_25_seconds_cannot_lock_the_editor_out(hashes):
    """The issue's pace: 32 wrong passwords from 8 sessions spread over about 25 seconds, so that
    the first short delays have run out between guesses."""
    limiter = auth.LoginLimiter()
    started = time.monotonic()
    results = _guess_in_parallel(limiter, 8, 4, ["Editor", "EDITOR", "editor", "eDiToR"], pause_s=7.0)
    assert 20 < time.monotonic() - started < 30
    assert len(results) == 32 and not any(r.ok for r in results)
    assert 8 <= len(hashes) <= 8 + 5
    assert limiter.attempt("editor-browser", "EDITOR", PASSWORD, HASH).ok


def test_attempts_queued_behind_the_hash_meet_the_lock_that_fell_meanwhile(monkeypatch):
    """Six attempts of one session arrive together after its three free wrong passwords: the
    first is hashed and locks the session, the five waiting behind it are refused unhashed."""
    hashed, real = [], auth._derive

    def slow(password, salt, iterations):
        hashed.append(password)
        time.sleep(0.3)  # every attempt passes the first check while this one hashes
        return real(password, salt, iterations)
    limiter = auth.LoginLimiter(free=3, base_s=30.0)
    for i in range(3):
        assert not limiter.attempt("s", "mallory", f"wrong-{i}", HASH).ok
    monkeypatch.setattr(auth, "_derive", slow)
    results = _guess_in_parallel(limiter, 6, 1, ["Mallory"], pause_s=0.0, one_session="s")
    assert len(hashed) == 1
    assert sorted(r.hashed for r in results) == [False] * 5 + [True]
    assert all(r.wait_s == pytest.approx(30.0, abs=2) for r in results)
