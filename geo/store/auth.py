"""Who may edit: one editor password, stored only as a salted PBKDF2 hash.

The hash reads ``pbkdf2_sha256$<iterations>$<salt>$<hash>`` (salt in hex, hash in base64),
made by :func:`hash_password` (or ``blockade-map hash-password``). The dashboard looks for it
in Streamlit secrets (``editor_password_hash`` in ``.streamlit/secrets.toml``) or the
environment variable ``BLOCKADE_MAP_EDITOR_HASH``; without one it is read-only.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import math
import os
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Mapping

ALGORITHM = "pbkdf2_sha256"
DEFAULT_ITERATIONS = 600_000
MIN_ITERATIONS = 1_000
SECRET_KEY = "editor_password_hash"
ENV_VAR = "BLOCKADE_MAP_EDITOR_HASH"
MIN_PASSWORD_LENGTH = 8


def _derive(password: str, salt: str, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode("ascii"), iterations)


def hash_password(password: str, iterations: int = DEFAULT_ITERATIONS, salt: str | None = None) -> str:
    """Hash an editor password for the secrets file.

    Parameters
    ----------
    password : str
        At least :data:`MIN_PASSWORD_LENGTH` characters.
    iterations : int
        PBKDF2 rounds (default 600,000).
    salt : str, optional
        Hex salt; a random 16-byte one by default.

    Returns
    -------
    str
        ``pbkdf2_sha256$iterations$salt$hash``.

    Examples
    --------
    >>> h = hash_password("correct horse", iterations=1000, salt="00ff")
    >>> h.split("$")[:3]
    ['pbkdf2_sha256', '1000', '00ff']
    >>> verify_password("correct horse", h), verify_password("wrong", h)
    (True, False)
    """
    if not isinstance(password, str):
        raise TypeError("password must be a str")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if isinstance(iterations, bool) or not isinstance(iterations, int) or iterations < MIN_ITERATIONS:
        raise ValueError(f"iterations must be an int >= {MIN_ITERATIONS}")
    salt = salt if salt is not None else secrets.token_hex(16)
    if not salt or any(c not in "0123456789abcdef" for c in salt):
        raise ValueError("salt must be lower-case hex")
    digest = base64.b64encode(_derive(password, salt, iterations)).decode("ascii")
    return f"{ALGORITHM}${iterations}${salt}${digest}"


def parse_hash(encoded: str) -> tuple[int, str, bytes]:
    """Split a stored hash into ``(iterations, salt, digest)``; ValueError says what is wrong."""
    if not isinstance(encoded, str):
        raise ValueError("the editor password hash must be a string")
    parts = encoded.strip().split("$")
    if len(parts) != 4 or parts[0] != ALGORITHM:
        raise ValueError(f"the editor password hash must look like {ALGORITHM}$iterations$salt$hash "
                         "(make one with `blockade-map hash-password`)")
    try:
        iterations = int(parts[1])
        digest = base64.b64decode(parts[3], validate=True)
    except ValueError as exc:
        raise ValueError(f"the editor password hash is damaged ({exc})") from exc
    if iterations < MIN_ITERATIONS or not parts[2] or len(digest) != 32:
        raise ValueError("the editor password hash is damaged (iterations, salt or hash length)")
    return iterations, parts[2], digest


def verify_password(password: str, encoded: str) -> bool:
    """True when ``password`` matches the stored hash (constant-time comparison).

    Raises
    ------
    ValueError
        When ``encoded`` is not a valid hash (a configuration error, not a wrong password).
    """
    iterations, salt, digest = parse_hash(encoded)
    if not isinstance(password, str) or not password:
        return False
    return hmac.compare_digest(_derive(password, salt, iterations), digest)


def configured_hash(secrets_source: Mapping[str, Any] | None = None,
                    environ: Mapping[str, str] | None = None) -> str | None:
    """The editor password hash: from secrets (``editor_password_hash``), else the environment.

    Returns None when neither is set: editing is then switched off.
    """
    if secrets_source is not None:
        value = secrets_source.get(SECRET_KEY)
        if isinstance(value, str) and value.strip():
            return value.strip()
    env = os.environ if environ is None else environ
    value = env.get(ENV_VAR)
    return value.strip() if isinstance(value, str) and value.strip() else None


# ---------------------------------------------------------------- limiting password guesses

log = logging.getLogger("blockade_map.auth")


@dataclass(frozen=True)
class LoginResult:
    """The answer to one login attempt: ``ok``, else ``wait_s`` seconds before the next may be
    tried, and a message for the person (which never says which check failed beyond that)."""

    ok: bool
    wait_s: float = 0.0
    message: str = ""
    hashed: bool = False


@dataclass
class _Record:
    failures: int = 0
    locked_until: float = 0.0


class LoginLimiter:
    """Limits password guessing, per session and for the whole server, with growing delays.

    After ``free`` wrong passwords in a row, the next wrong one makes a session wait ``base_s`` seconds before the
    next attempt, then twice as long after each further wrong one (at most ``max_s``). The
    server counts wrong passwords from every session in the last ``window_s`` seconds: past
    ``server_free`` of them, every session waits likewise (an attacker who opens new sessions
    gains nothing). An attempt made while waiting is refused *before* the password is hashed,
    so guessing cannot make the server compute hashes without limit; and only one hash is
    computed at a time. Every failed or refused attempt is logged (name and session, never
    the password) to the ``blockade_map.auth`` logger.

    Parameters
    ----------
    clock : callable
        Seconds, monotonic (``time.monotonic``; tests pass a fake one).
    """

    def __init__(self, free: int = 3, base_s: float = 2.0, max_s: float = 900.0, server_free: int = 20,
                 window_s: float = 900.0, clock: Callable[[], float] = time.monotonic):
        self.free, self.base_s, self.max_s = free, base_s, max_s
        self.server_free, self.window_s, self.clock = server_free, window_s, clock
        self._sessions: dict[str, _Record] = {}
        self._server = _Record()
        self._recent: list[float] = []
        self._lock = threading.Lock()
        self._hashing = threading.Lock()

    def _delay(self, failures: int, free: int) -> float:
        over = failures - free - 1
        return 0.0 if over < 0 else min(self.max_s, self.base_s * 2 ** min(over, 40))

    def wait_s(self, session: str) -> float:
        """Seconds ``session`` must wait before its next attempt (0: it may try now)."""
        now = self.clock()
        with self._lock:
            record = self._sessions.get(session)
            mine = record.locked_until - now if record else 0.0
            return max(0.0, mine, self._server.locked_until - now)

    def attempt(self, session: str, name: str, password: str, encoded: str) -> LoginResult:
        """Check one login attempt of ``session`` (the editor ``name`` is only logged).

        Raises ValueError when ``encoded`` is not a usable hash (a configuration error).
        """
        parse_hash(encoded)
        wait = self.wait_s(session)
        if wait > 0:
            log.warning("editor login refused without checking: session %s, name %r, must wait %.0f s",
                        session, _loggable(name), wait)
            return LoginResult(False, wait, f"Too many wrong passwords: try again in {_seconds(wait)}.")
        with self._hashing:  # one PBKDF2 at a time, whatever the number of sessions
            ok = verify_password(password, encoded)
        now = self.clock()
        with self._lock:
            record = self._sessions.setdefault(session, _Record())
            if ok:
                record.failures, record.locked_until = 0, 0.0
                return LoginResult(True, hashed=True)
            record.failures += 1
            record.locked_until = now + self._delay(record.failures, self.free)
            self._recent = [t for t in self._recent if now - t < self.window_s] + [now]
            server_delay = self._delay(len(self._recent), self.server_free)
            if server_delay:
                self._server.locked_until = max(self._server.locked_until, now + server_delay)
            wait = max(record.locked_until, self._server.locked_until) - now
        log.warning("editor login failed: wrong password for name %r, session %s (%d in a row; %d on the server "
                    "in %.0f min)%s", _loggable(name), session, record.failures, len(self._recent),
                    self.window_s / 60, f"; next attempt in {wait:.0f} s" if wait > 0 else "")
        message = "Wrong password." + (f" Try again in {_seconds(wait)}." if wait > 0 else "")
        return LoginResult(False, max(0.0, wait), message, hashed=True)


def _loggable(name: Any) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in str(name))
    return text if len(text) <= 80 else text[:77] + "..."


def _seconds(seconds: float) -> str:
    seconds = math.ceil(seconds)
    return f"{seconds} s" if seconds < 120 else f"{math.ceil(seconds / 60)} min"
