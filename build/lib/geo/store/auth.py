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
import os
import secrets
from typing import Any, Mapping

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
