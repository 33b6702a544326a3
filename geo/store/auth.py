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
import ipaddress
import logging
import math
import os
import secrets
import threading
import time
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

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
    last_failure: float = 0.0


def normalise_name(name: Any) -> str:
    """The name the limiter counts a guess against: NFKC, case-folded, spaces collapsed.

    >>> normalise_name("  ANA  María ") == normalise_name("ana maría")
    True
    """
    return " ".join(unicodedata.normalize("NFKC", str(name)).casefold().split())


def usable_client(address: str | None) -> str | None:
    """``address`` when it names one client on the internet; None for a loopback or private
    address (a reverse proxy, a local network: many people behind one address), or no address.

    >>> usable_client("203.0.113.9"), usable_client("127.0.0.1"), usable_client("10.0.0.4")
    (None, None, None)
    >>> usable_client("8.8.8.8")
    '8.8.8.8'
    """
    if not address:
        return None
    try:
        return address if ipaddress.ip_address(address).is_global else None
    except ValueError:
        return None


#: Past this many records in one of the limiter's tables, stale ones are forgotten.
SWEEP_OVER = 5_000


class LoginLimiter:
    """Slows password guessing without giving anyone the power to lock the editor out.

    Wrong passwords are counted against their *source*: the browser session, the client's
    address (when it is a public one, see :func:`usable_client`) and the normalised name typed
    (:func:`normalise_name`: ``Ana``, ``ANA`` and ``ana`` are one name). After ``free`` wrong
    passwords a session, and after ``client_free`` an address, waits ``base_s`` seconds before
    its next attempt, then twice as long after each further wrong one (at most ``max_s``).
    A name guessed wrong more than ``name_free`` times, from any sessions, makes every session
    that has itself failed wait likewise before trying that name again.

    The locks fall only on the failing source, never on the account: a session that has not
    failed (the real editor's, say, on another browser) is always checked, whatever strangers
    do with the same name. What bounds the guesses of many fresh sessions instead is time: one
    password is hashed at a time, and while the server has seen more than ``server_free`` wrong
    passwords in ``window_s`` seconds, checks are spaced at least ``spacing_s`` seconds apart
    (a wait in line, not a refusal). An attempt queued behind another is checked against the
    locks again once its turn comes, so parallel sessions gain no extra guesses; an attempt
    that must wait is refused *before* the password is hashed. Counts of a source fall back to
    zero after ``window_s`` seconds without a failure, and a success clears the session. Every
    failed or refused attempt is logged (name, session and address, never the password) to the
    ``blockade_map.auth`` logger.

    Parameters
    ----------
    clock : callable
        Seconds, monotonic (``time.monotonic``; tests pass a fake one).
    sleep : callable
        Waits that many seconds (``time.sleep``; tests pass one that moves their clock).
    """

    def __init__(self, free: int = 3, base_s: float = 2.0, max_s: float = 900.0, server_free: int = 20,
                 window_s: float = 900.0, name_free: int = 5, client_free: int = 10, spacing_s: float = 2.0,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self.free, self.base_s, self.max_s = free, base_s, max_s
        self.server_free, self.window_s, self.clock, self.sleep = server_free, window_s, clock, sleep
        self.name_free, self.client_free, self.spacing_s = name_free, client_free, spacing_s
        self._sessions: dict[str, _Record] = {}
        self._clients: dict[str, _Record] = {}
        self._names: dict[str, _Record] = {}
        self._recent: list[float] = []
        self._last_check = -math.inf
        self._lock = threading.Lock()
        self._hashing = threading.Lock()

    def _delay(self, failures: int, free: int) -> float:
        over = failures - free - 1
        return 0.0 if over < 0 else min(self.max_s, self.base_s * 2 ** min(over, 40))

    def _record(self, table: dict[str, _Record], key: str | None, now: float) -> _Record | None:
        """The live record of ``key`` (one left alone for ``window_s`` starts again from zero)."""
        if key is None:
            return None
        record = table.get(key)
        if record is not None and record.failures and now - record.last_failure >= self.window_s \
                and now >= record.locked_until:
            del table[key]
            return None
        return record

    def _sweep(self, now: float) -> None:
        """Forget the records left alone for ``window_s`` once a table holds more than
        :data:`SWEEP_OVER` (random names and sessions cannot grow memory without limit)."""
        for table in (self._sessions, self._clients, self._names):
            if len(table) > SWEEP_OVER:
                for key in list(table):
                    self._record(table, key, now)

    def _wait(self, session: str, client: str | None, name: str | None, now: float) -> float:
        mine = self._record(self._sessions, session, now)
        until = [mine.locked_until if mine else 0.0]
        address = self._record(self._clients, client, now)
        if address is not None:
            until.append(address.locked_until)
        if mine is not None and mine.failures and name is not None:  # a failing session meets the name's lock
            guessed = self._record(self._names, name, now)
            if guessed is not None:
                until.append(guessed.locked_until)
        return max(0.0, max(until) - now)

    def wait_s(self, session: str, client: str | None = None, name: str | None = None) -> float:
        """Seconds ``session`` (from ``client``, typing ``name``) must wait before its next attempt."""
        with self._lock:
            return self._wait(session, usable_client(client), None if name is None else normalise_name(name),
                              self.clock())

    def _refused(self, session: str, client: str | None, name: str, wait: float) -> LoginResult:
        log.warning("editor login refused without checking: session %s, client %s, name %r, must wait %.0f s",
                    session, client or "-", _loggable(name), wait)
        return LoginResult(False, wait, f"Too many wrong passwords: try again in {_seconds(wait)}.")

    def attempt(self, session: str, name: str, password: str, encoded: str,
                client: str | None = None) -> LoginResult:
        """Check one login attempt of ``session`` from address ``client`` (the editor ``name`` is
        counted normalised, and logged).

        Raises ValueError when ``encoded`` is not a usable hash (a configuration error).
        """
        parse_hash(encoded)
        address, key = usable_client(client), normalise_name(name)
        with self._lock:
            wait = self._wait(session, address, key, self.clock())
        if wait > 0:
            return self._refused(session, address, name, wait)
        with self._hashing:  # one PBKDF2 at a time, whatever the number of sessions
            with self._lock:  # the locks may have fallen while this attempt waited its turn
                now = self.clock()
                wait = self._wait(session, address, key, now)
                self._recent = [t for t in self._recent if now - t < self.window_s]
                pause = self._last_check + self.spacing_s - now if len(self._recent) > self.server_free else 0.0
            if wait > 0:
                return self._refused(session, address, name, wait)
            if pause > 0:  # under attack: checks are spaced out, for everybody alike
                self.sleep(pause)
            ok = verify_password(password, encoded)
            with self._lock:
                now = self._last_check = self.clock()
                if ok:
                    self._sessions.pop(session, None)
                    return LoginResult(True, hashed=True)
                self._recent.append(now)
                self._sweep(now)
                counted = []
                for table, k, free in ((self._sessions, session, self.free), (self._clients, address, self.client_free),
                                       (self._names, key, self.name_free)):
                    if k is None:
                        continue
                    record = self._record(table, k, now) or table.setdefault(k, _Record())
                    record.failures += 1
                    record.last_failure = now
                    record.locked_until = max(record.locked_until, now + self._delay(record.failures, free))
                    counted.append(record.failures)
                wait = self._wait(session, address, key, now)
        log.warning("editor login failed: wrong password for name %r, session %s, client %s (%d in a row; %d on "
                    "the server in %.0f min)%s", _loggable(name), session, address or "-", counted[0],
                    len(self._recent), self.window_s / 60, f"; next attempt in {wait:.0f} s" if wait > 0 else "")
        message = "Wrong password." + (f" Try again in {_seconds(wait)}." if wait > 0 else "")
        return LoginResult(False, wait, message, hashed=True)


def _loggable(name: Any) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in str(name))
    return text if len(text) <= 80 else text[:77] + "..."


def _seconds(seconds: float) -> str:
    seconds = math.ceil(seconds)
    return f"{seconds} s" if seconds < 120 else f"{math.ceil(seconds / 60)} min"
