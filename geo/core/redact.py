"""One redaction for connection strings: what a message, a log line or a banner may show of a
database URL, and of an error raised while connecting with it.

A URL is rebuilt from the parts known to be harmless (scheme, user, hosts, numeric ports, the
database name, the values of well-known libpq parameters that are not secrets):

- the password of the user part (``USER:PASSWORD@``) is left out, whatever it holds (``@``,
  ``%zz``, ``%00``);
- so is every parameter whose name looks like a secret (``password``, ``sslpassword``,
  ``passfile``, ``PassWord``, ``pass%77ord``: names are compared percent-decoded and case-folded);
- the value of a parameter libpq does not know, a name whose percent-escapes do not decode, a
  port that is not a number, and anything after ``#`` become ``***``.

Errors of the database driver may quote the piece of the URL they could not parse (psycopg says
``invalid percent-encoded token: "se%zzcret"``); :func:`redact_text` masks every secret of a
URL wherever it appears in such a text, and :func:`connection_failure` turns an exception into
the one line a person is shown.

Examples
--------
>>> redact_url("postgresql://ana:s3cr%zzet@db.example:5432/blockades?sslmode=require&sslpassword=x")
'postgresql://ana@db.example:5432/blockades?sslmode=require'
>>> redact_url("/srv/blockade-data")
'/srv/blockade-data'
>>> redact_url("host=db user=ana password='s3 cret' dbname=x")
'host=db user=ana password=*** dbname=x'
>>> redact_text('invalid percent-encoded token: "s3cr%zzet"', "postgresql://ana:s3cr%zzet@db/x")
'invalid percent-encoded token: "***"'
"""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

MASK = "***"

#: Parameter names (percent-decoded, case-folded) whose values are secrets.
_SECRET_NAME = re.compile(r"pass|pwd|secret|token|credential|key", re.IGNORECASE)
#: libpq parameters whose values are shown (all others, known or not, are masked).
SHOWN_PARAMETERS = frozenset({
    "host", "hostaddr", "port", "dbname", "user", "connect_timeout", "client_encoding", "application_name",
    "fallback_application_name", "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count",
    "tcp_user_timeout", "replication", "gssencmode", "sslmode", "requiressl", "sslcompression", "sslcert",
    "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "requirepeer", "ssl_min_protocol_version",
    "ssl_max_protocol_version", "krbsrvname", "gsslib", "service", "target_session_attrs",
    "load_balance_hosts", "channel_binding", "require_auth", "sslnegotiation", "options"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
#: ``password=...`` (or ``sslpassword = '...'``) in a libpq keyword/value string.
_KEYWORD_SECRET = re.compile(r"(?i)\b(\w*(?:pass|pwd|secret|token|credential|key)\w*)\s*=\s*('(?:[^'\\]|\\.)*'?|\S*)")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")


def _decoded(text: str) -> str | None:
    """``text`` percent-decoded, or None when one of its escapes does not decode (``%zz``, bad UTF-8)."""
    if re.search(r"%(?![0-9A-Fa-f]{2})", text):
        return None
    try:
        return unquote(text, errors="strict")
    except UnicodeDecodeError:
        return None


def _split(url: str) -> tuple[str, str | None, str, str, str | None] | None:
    """``(scheme, userinfo, authority and path, query, fragment)`` of a ``scheme://`` URL, or None.

    The user part ends at the last ``@`` before the first ``?`` (a password may hold ``@``).
    """
    m = _SCHEME.match(url)
    if not m:
        return None
    rest = url[m.end():]
    fragment = None
    if "#" in rest:
        rest, fragment = rest.split("#", 1)
    head, query = (rest.split("?", 1) + [""])[:2] if "?" in rest else (rest, "")
    userinfo = None
    if "@" in head:
        userinfo, head = head.rsplit("@", 1)
    return m.group(1), userinfo, head, query, fragment


def _parameter(item: str) -> tuple[str, str | None]:
    """One ``name=value`` of the query as shown: the value masked unless the name is harmless."""
    if "=" not in item:
        return (item, None) if item == "" else (MASK, None)
    name, value = item.split("=", 1)
    plain = _decoded(name)
    if plain is None or _SECRET_NAME.search(plain) or plain.lower() not in SHOWN_PARAMETERS:
        return name if plain is not None else MASK, MASK
    return name, value


def _is_secret(item: str) -> bool:
    """Whether a ``name=value`` of the query is a password-like parameter (left out whole)."""
    plain = _decoded(item.split("=", 1)[0]) if "=" in item else None
    return plain is not None and bool(_SECRET_NAME.search(plain))


def _hosts(authority: str) -> str:
    """``host[:port][,host[:port]...]`` with any port that is not a number masked."""
    out = []
    for spec in authority.split(","):
        host, port = spec, None
        if spec.startswith("["):  # [IPv6]:port
            end = spec.find("]")
            host, tail = (spec[:end + 1], spec[end + 1:]) if end >= 0 else (spec, "")
            port = tail[1:] if tail.startswith(":") else (MASK if tail else None)
        elif ":" in spec:
            host, port = spec.split(":", 1)
        if port is not None and not port.isdigit():
            port = MASK
        out.append(host if port is None else f"{host}:{port}")
    return ",".join(out)


def redact_url(url: Any) -> Any:
    """``url`` as it may be shown: without its password, secret parameters or unparsable pieces.

    Anything that is not a ``scheme://`` string comes back unchanged (a Path, a folder), except
    for the values of password-like ``key=value`` pairs (a libpq keyword/value string).
    """
    if not isinstance(url, str):
        return url
    parts = _split(url)
    if parts is None:  # a folder, or a libpq "host=... password=..." string given where a URL belongs
        return _KEYWORD_SECRET.sub(lambda m: f"{m.group(1)}={MASK}", url)
    scheme, userinfo, head, query, fragment = parts
    out = f"{scheme}://"
    if userinfo is not None:
        out += userinfo.split(":", 1)[0] + "@"  # the user, never the password
    authority, slash, path = head.partition("/")
    out += _hosts(authority) + slash + path
    if query:
        shown = [_parameter(item) for item in query.split("&") if not _is_secret(item)]
        if shown:
            out += "?" + "&".join(name if value is None else f"{name}={value}" for name, value in shown)
    if fragment is not None:
        out += "#" + MASK
    return out


def secrets_of(url: str) -> list[str]:
    """The secret pieces of ``url`` (passwords, masked parameter values, in raw and decoded
    form, and their parts around ``@``), longest first: what no text may show."""
    parts = _split(url) if isinstance(url, str) else None
    if parts is None:
        return []
    pieces: set[str] = set()

    def add(secret: str) -> None:
        for text in (secret, _decoded(secret)):
            if text:
                pieces.add(text)
                pieces.update(p for p in re.split(r"[@/?&=:]", text) if p)

    _, userinfo, head, query, fragment = parts
    if userinfo is not None and ":" in userinfo:
        add(userinfo.split(":", 1)[1])
    # libpq ends the user part at the first "@" or "/": a password holding "@" or "?" is read
    # differently there, and its error may quote what it took for the host.
    scheme = _SCHEME.match(url)  # _split found one, so this matches
    rest = url[scheme.end():] if scheme else url
    first = re.search(r"[@/]", rest)
    if first and first.group() == "@" and ":" in rest[:first.start()]:
        add(rest[:first.start()].split(":", 1)[1])
    for spec in head.partition("/")[0].split(","):
        port = spec.rsplit(":", 1)[1] if ":" in spec and not spec.startswith("[") else ""
        if port and not port.isdigit():
            add(port)
    for item in query.split("&") if query else ():
        name, value = item.split("=", 1) if "=" in item else (item, None)
        if _parameter(item)[1] == MASK and value:
            add(value)
        elif value is None and name:
            add(name)
    if fragment:
        add(fragment)
    return sorted(pieces, key=len, reverse=True)


def redact_text(text: Any, url: Any) -> str:
    """``text`` (an error message, a log line) with ``url`` shown redacted and none of its secrets.

    A quoted token (``"..."``) that is or holds a secret is masked whole; a secret of three
    characters or more is masked wherever it appears.
    """
    text = str(text)
    if not isinstance(url, str) or _split(url) is None:
        return text
    text = text.replace(url, redact_url(url))
    pieces = secrets_of(url)
    if not pieces:
        return text
    def quoted(m: re.Match) -> str:
        inner = m.group()[1:-1]
        hit = any(p == inner or (len(p) >= 3 and p in inner) for p in pieces)
        return m.group()[0] + MASK + m.group()[0] if hit else m.group()

    text = _QUOTED.sub(quoted, text)
    for piece in pieces:
        if len(piece) >= 3:
            text = text.replace(piece, MASK)
    return text


def connection_failure_reason(url: str, exc: BaseException) -> str:
    """Why connecting with ``url`` failed, in one line: the first line of the driver's message (or
    the exception's type), with every secret of ``url`` masked (the value of the store's
    ``cannot connect: {reason}`` problem).

    >>> connection_failure_reason("postgresql://u:pw%zz@h/db", ValueError('invalid token: "pw%zz"\\nmore'))
    'invalid token: "***"'
    """
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    first = lines[0] if lines else type(exc).__name__
    first = re.sub(r"^connection failed:\s*", "", first)
    if len(first) > 300:
        first = first[:297] + "..."
    return redact_text(first, url)


def connection_failure(url: str, exc: BaseException) -> str:
    """The one line a person is shown when connecting with ``url`` failed, in English.

    >>> connection_failure("postgresql://u:pw%zz@h/db", ValueError('invalid token: "pw%zz"\\nmore'))
    'cannot connect: invalid token: "***"'
    """
    return "cannot connect: " + connection_failure_reason(url, exc)
