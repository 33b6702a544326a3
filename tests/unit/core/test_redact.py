"""Issue 25: one redaction for connection strings; every connection error is one line without a
password, whatever the URL holds (bad escapes, unknown parameters, a refused connection)."""
from __future__ import annotations

import socket

import pytest

from geo.cli.main import main
from geo.core.model import DataError
from geo.core.redact import connection_failure, redact_text, redact_url, secrets_of
from geo.store import PostgisStore

SECRET = "Zq7Secret"


@pytest.mark.parametrize("url, shown", [
    ("postgresql://ana:Zq7Secret@db.example:5432/blockades",
     "postgresql://ana@db.example:5432/blockades"),
    ("postgresql://ana:Zq7%zzSecret@db.example/blockades", "postgresql://ana@db.example/blockades"),
    ("postgresql://ana:Zq7%00Secret@db.example/blockades", "postgresql://ana@db.example/blockades"),
    ("postgresql://ana:Zq7@Secret@db.example/blockades", "postgresql://ana@db.example/blockades"),
    ("postgresql://ana:Zq7/Secret@db.example/blockades", "postgresql://ana@db.example/blockades"),
    ("postgresql://ana@db.example/b?password=Zq7Secret&sslmode=require",
     "postgresql://ana@db.example/b?sslmode=require"),
    ("postgresql://ana@db.example/b?PassWord=Zq7Secret", "postgresql://ana@db.example/b"),
    ("postgresql://ana@db.example/b?sslpassword=Zq7Secret", "postgresql://ana@db.example/b"),
    ("postgresql://ana@db.example/b?passfile=/home/ana/Zq7Secret", "postgresql://ana@db.example/b"),
    ("postgresql://ana@db.example/b?pass%77ord=Zq7Secret", "postgresql://ana@db.example/b"),
    ("postgresql://ana@db.example/b?pass%zzord=Zq7Secret", "postgresql://ana@db.example/b?***=***"),
    ("postgresql://ana@db.example/b?colour=Zq7Secret", "postgresql://ana@db.example/b?colour=***"),
    ("postgresql://ana@db.example/b?Zq7Secret", "postgresql://ana@db.example/b?***"),
    ("postgresql://ana:Zq7?Secret@db.example/b", "postgresql://ana:***?***"),
    ("postgres://h1:5432,h2:Zq7Secret/b", "postgres://h1:5432,h2:***/b"),
    ("postgresql://ana@[::1]:5432/b#Zq7Secret", "postgresql://ana@[::1]:5432/b#***"),
    ("postgres+psycopg://ana:Zq7Secret@h/b", "postgres+psycopg://ana@h/b"),
    ("/srv/data", "/srv/data"),
    ("host=db user=ana password=Zq7Secret dbname=b", "host=db user=ana password=*** dbname=b"),
    ("host=db sslpassword = 'Zq7 Secret' dbname=b", "host=db sslpassword=*** dbname=b"),
])
def test_redact_url_shows_no_secret(url, shown):
    assert redact_url(url) == shown
    assert "Secret" not in redact_url(url)


def test_secrets_are_masked_in_a_driver_message_wherever_they_are_quoted():
    url = "postgresql://ana:Zq7@Secret@127.0.0.1:1/db"
    assert {"Zq7@Secret", "Zq7", "Secret"} <= set(secrets_of(url))
    # libpq reads the user part up to the first "@" and takes the rest for the host
    message = "failed to resolve host 'Secret@127.0.0.1': [Errno -2] Name or service not known"
    assert redact_text(message, url) == "failed to resolve host '***': [Errno -2] Name or service not known"
    assert redact_text(f"cannot use {url}", url) == "cannot use postgresql://ana@127.0.0.1:1/db"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _urls() -> list[str]:
    port = _closed_port()
    return [f"postgresql://ana:Zq7%zzSecret@127.0.0.1:{port}/db",
            f"postgresql://ana:Zq7%00Secret@127.0.0.1:{port}/db",
            f"postgresql://ana:Zq7Secret@127.0.0.1:{port}/db?colour=blue",
            f"postgresql://ana@127.0.0.1:{port}/db?sslpassword=Zq7Secret&colour=blue",
            f"postgresql://ana:Zq7Secret@127.0.0.1:{port}/db?connect_timeout=2",
            f"postgresql://ana:Zq7@Secret@127.0.0.1:{port}/db",
            f"postgresql://ana:Zq7%c3%28Secret@127.0.0.1:{port}/db"]


@pytest.mark.parametrize("index", range(7))
def test_every_connection_error_is_one_located_line_without_the_password(index):
    url = _urls()[index]
    with pytest.raises(DataError) as caught:
        PostgisStore(url, connect_timeout=2).version()
    text = str(caught.value)
    assert "\n" not in text and "Zq7" not in text and "Secret" not in text, text
    assert text.startswith("postgresql://ana") and "(database): cannot connect: " in text, text


@pytest.mark.parametrize("command", [["validate"], ["day", "2023-01-09"], ["db", "init"]])
def test_the_command_line_prints_one_line_and_no_password(capsys, command):
    for url in _urls():
        assert main([*command, "--data", url]) == 1
        captured = capsys.readouterr()
        lines = [line for line in captured.err.splitlines() if line.strip()]
        assert "Traceback" not in captured.err and len(lines) <= 2, captured.err  # validate adds "1 problem(s) in"
        assert "Zq7" not in captured.err + captured.out and "Secret" not in captured.err + captured.out
        assert "cannot connect" in lines[0]


def test_an_unsupported_url_is_refused_without_its_password(capsys):
    assert main(["validate", "--data", "mysql://ana:Zq7Secret@db.example/b"]) == 1
    err = capsys.readouterr().err
    assert "Zq7Secret" not in err and "mysql://ana@db.example/b" in err


def test_a_keyword_value_string_is_refused_without_its_password(capsys):
    assert main(["validate", "--data", "host=db.example password=Zq7Secret dbname=b"]) == 1
    err = capsys.readouterr().err
    assert "Zq7Secret" not in err and "password=***" in err


def test_connection_failure_is_the_first_line_only():
    line = connection_failure("postgresql://a:Zq7Secret@h/d", OSError("refused Zq7Secret\nhint: more"))
    assert line == "cannot connect: refused ***"
