"""An editor's login that outlives the browser session: a signed, expiring session token.

The token carries the editor's name, when it was issued and when it expires, and an id; it is
signed (HMAC-SHA256) with a key made from two things: a server-side secret, which nobody can
derive from anything else (``editor_session_secret`` in ``.streamlit/secrets.toml``, else 32
random bytes generated once into an owner-only file, see :func:`session_secret`), and the
configured editor password hash. So knowing the hash does not forge a token, and changing the
password (its hash) makes every token issued before unusable. The token never holds the
password or its hash.

A token reads ``<payload>.<signature>``, both base64url without padding; the payload is
compact JSON ``{"v": 1, "sub": name, "iat": seconds, "exp": seconds, "jti": hex}``.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.core.i18n import N_, message

#: The cookie that holds the token in the editor's browser.
COOKIE_NAME = "blockade_map_editor"
#: How long a login lasts: 12 hours.
DEFAULT_LIFETIME_S = 12 * 3600
#: No token may claim a longer life than this, whatever signed it.
MAX_LIFETIME_S = 7 * 24 * 3600
#: A token issued this far in the future (clocks a little apart) is still accepted.
CLOCK_SKEW_S = 60
#: The key of the secret in Streamlit secrets.
SECRET_KEY = "editor_session_secret"
#: The environment variable naming the file the generated secret is kept in.
SECRET_FILE_ENV = "BLOCKADE_MAP_SESSION_SECRET_FILE"
MIN_SECRET_BYTES = 32
MAX_NAME_CHARS = 300
MAX_TOKEN_CHARS = 2048
_VERSION = 1
_CONTEXT = b"blockade-map editor session v1\x00"


class TokenError(ValueError):
    """A token that must not be accepted; ``reason`` is one of ``malformed``, ``signature``,
    ``expired``, ``not_yet_valid``, ``revoked``."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"editor session token refused: {reason}" + (f" ({detail})" if detail else ""))
        self.reason = reason


@dataclass(frozen=True)
class SessionToken:
    """What a valid token says: the editor's ``name``, issue and expiry times (Unix seconds), its id."""

    name: str
    issued: int
    expires: int
    token_id: str


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    if not text or any(c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" for c in text):
        raise TokenError("malformed", "not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise TokenError("malformed", "not base64url") from exc


def _key(secret: bytes, password_hash: str) -> bytes:
    """The signing key: the secret bound to the configured password hash (a new hash, a new key)."""
    if not isinstance(secret, bytes) or len(secret) < MIN_SECRET_BYTES:
        raise ValueError(f"the session secret must be at least {MIN_SECRET_BYTES} bytes")
    if not isinstance(password_hash, str) or not password_hash.strip():
        raise ValueError("the editor password hash is empty")
    return hmac.new(secret, _CONTEXT + password_hash.strip().encode("utf-8"), hashlib.sha256).digest()


def _sign(key: bytes, payload: str) -> str:
    return _b64(hmac.new(key, payload.encode("ascii"), hashlib.sha256).digest())


def issue_token(name: str, secret: bytes, password_hash: str, now: float | None = None,
                lifetime_s: int = DEFAULT_LIFETIME_S) -> str:
    """A signed token saying ``name`` logged in at ``now`` (default: the clock), valid ``lifetime_s``.

    Examples
    --------
    >>> secret = bytes(range(32))
    >>> token = issue_token("Ana", secret, "pbkdf2_sha256$1000$00$AAAA", now=1_700_000_000)
    >>> verify_token(token, secret, "pbkdf2_sha256$1000$00$AAAA", now=1_700_000_060).name
    'Ana'
    """
    name = " ".join(str(name).split())
    if not name or len(name) > MAX_NAME_CHARS:
        raise ValueError(f"an editor's name has 1 to {MAX_NAME_CHARS} characters")
    if isinstance(lifetime_s, bool) or not isinstance(lifetime_s, int) or not 0 < lifetime_s <= MAX_LIFETIME_S:
        raise ValueError(f"lifetime_s must be an int from 1 to {MAX_LIFETIME_S}")
    issued = int(time.time() if now is None else now)
    claims = {"v": _VERSION, "sub": name, "iat": issued, "exp": issued + lifetime_s, "jti": secrets.token_hex(8)}
    payload = _b64(json.dumps(claims, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return f"{payload}.{_sign(_key(secret, password_hash), payload)}"


def _claims(payload: str) -> SessionToken:
    try:
        claims = json.loads(_unb64(payload).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TokenError("malformed", "payload is not JSON") from exc
    if not isinstance(claims, dict) or claims.get("v") != _VERSION:
        raise TokenError("malformed", "unknown version")
    name, issued, expires, token_id = (claims.get(k) for k in ("sub", "iat", "exp", "jti"))
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME_CHARS:
        raise TokenError("malformed", "no editor name")
    if isinstance(issued, bool) or isinstance(expires, bool) or not isinstance(issued, int) \
            or not isinstance(expires, int):
        raise TokenError("malformed", "times are not integers")
    if not isinstance(token_id, str) or not token_id:
        raise TokenError("malformed", "no token id")
    return SessionToken(name, issued, expires, token_id)


def verify_token(token: Any, secret: bytes, password_hash: str, now: float | None = None,
                 revoked: Callable[[str], bool] | None = None) -> SessionToken:
    """The claims of ``token`` when it was signed with ``secret`` under ``password_hash`` and is
    valid at ``now``; else :class:`TokenError` (a malformed, tampered, expired or revoked token,
    or one signed under another secret or password hash).

    The signature is checked (in constant time) before anything in the payload is believed.
    """
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS or token.count(".") != 1:
        raise TokenError("malformed", "not payload.signature")
    payload, signature = token.split(".")
    expected = _sign(_key(secret, password_hash), payload)
    if not hmac.compare_digest(expected.encode("ascii"), signature.encode("ascii", "replace")):
        raise TokenError("signature")
    claims = _claims(payload)
    now = time.time() if now is None else now
    if claims.expires <= claims.issued or claims.expires - claims.issued > MAX_LIFETIME_S:
        raise TokenError("malformed", "impossible lifetime")
    if claims.issued > now + CLOCK_SKEW_S:
        raise TokenError("not_yet_valid")
    if now >= claims.expires:
        raise TokenError("expired")
    if revoked is not None and revoked(claims.token_id):
        raise TokenError("revoked")
    return claims


class Revocations:
    """Token ids logged out before their expiry, kept (in memory) until they would have expired."""

    def __init__(self, clock: Callable[[], float] = time.time):
        self._until: dict[str, int] = {}
        self._lock = threading.Lock()
        self.clock = clock

    def revoke(self, token: SessionToken) -> None:
        """Refuse ``token`` from now on (a log out)."""
        with self._lock:
            now = self.clock()
            self._until = {k: v for k, v in self._until.items() if v > now}
            self._until[token.token_id] = token.expires

    def __call__(self, token_id: str) -> bool:
        """True when ``token_id`` was logged out."""
        with self._lock:
            return token_id in self._until


# ---------------------------------------------------------------- the server's secret

def default_secret_file(environ: Mapping[str, str] | None = None) -> Path:
    """Where the generated secret is kept: ``$BLOCKADE_MAP_SESSION_SECRET_FILE``, else
    ``$XDG_CONFIG_HOME/blockade-map/editor-session.key`` (``~/.config`` by default)."""
    env = os.environ if environ is None else environ
    if env.get(SECRET_FILE_ENV):
        return Path(env[SECRET_FILE_ENV]).expanduser()
    base = Path(env["XDG_CONFIG_HOME"]).expanduser() if env.get("XDG_CONFIG_HOME") else Path.home() / ".config"
    return base / "blockade-map" / "editor-session.key"


def _read_secret_file(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(message(N_("{path}: the session secret is not a regular file"), path=str(path)))
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise ValueError(message(N_("{path}: the session secret belongs to another user"), path=str(path)))
        if info.st_mode & 0o077:
            raise ValueError(message(N_("{path}: the session secret may be read by others (mode {mode}; make it 600)"),
                                     path=str(path), mode=f"{stat.S_IMODE(info.st_mode):o}"))
        text = os.read(fd, 4096).decode("ascii", "replace").strip()
    finally:
        os.close(fd)
    try:
        secret = bytes.fromhex(text)
    except ValueError as exc:
        raise ValueError(message(N_("{path}: the session secret is not hexadecimal"), path=str(path))) from exc
    if len(secret) < MIN_SECRET_BYTES:
        raise ValueError(message(N_("{path}: the session secret has {n} bytes, fewer than {minimum}"),
                                 path=str(path), n=len(secret), minimum=MIN_SECRET_BYTES))
    return secret


def session_secret(secrets_source: Mapping[str, Any] | None = None, path: Path | None = None) -> bytes:
    """The server's secret for signing editor sessions.

    From ``editor_session_secret`` in ``secrets_source`` (Streamlit secrets; at least 32
    characters), else from ``path`` (:func:`default_secret_file`), which is created on first
    use, readable by its owner only, holding 32 random bytes in hex. A secret file that others
    may read, that belongs to someone else or holds too little is refused (ValueError naming
    the file and the problem), never used.
    """
    if secrets_source is not None and secrets_source.get(SECRET_KEY) is not None:
        value = secrets_source[SECRET_KEY]
        if not isinstance(value, str) or len(value.strip()) < MIN_SECRET_BYTES:
            raise ValueError(message(N_("secrets: {key} must be a string of at least {minimum} characters"),
                                     key=SECRET_KEY, minimum=MIN_SECRET_BYTES))
        return value.strip().encode("utf-8")
    path = default_secret_file() if path is None else path
    try:
        return _read_secret_file(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Written whole into a private temporary file, then linked into place: another server
    # starting at the same moment reads either nothing or the whole secret, and keeps the first.
    fd, temporary = tempfile.mkstemp(prefix=".editor-session-", dir=path.parent)  # mode 600
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_hex(MIN_SECRET_BYTES) + "\n")
        try:
            os.link(temporary, path)
        except FileExistsError:  # another server process wrote it first: use theirs
            pass
    finally:
        os.unlink(temporary)
    return _read_secret_file(path)
