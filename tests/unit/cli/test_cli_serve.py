"""Issue 25: ``blockade-map serve`` shows no password, and stopping it (SIGTERM, SIGINT) stops its
Streamlit child, so the port is free afterwards."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.cli import serve
from geo.cli.main import main

BIN = Path(sys.executable).parent / "blockade-map"


class _Child:
    """A stand-in for the Streamlit process: records what it was started with, exits at once."""

    started: list = []

    def __init__(self, cmd, env=None):
        _Child.started.append((cmd, env))
        self.returncode = 0

    def poll(self):
        return 0

    def wait(self, timeout=None):
        return 0


def test_serve_banner_never_shows_a_password(monkeypatch, capsys):
    _Child.started = []
    monkeypatch.setattr(serve.subprocess, "Popen", _Child)
    url = "postgresql://editor:Hunter2Secret@db.example:5432/blockades?sslpassword=KeyPass99&sslmode=require"
    assert main(["serve", "--data", url, "--headless", "--port", "8999"]) == 0
    err = capsys.readouterr().err
    assert "Hunter2Secret" not in err and "KeyPass99" not in err
    assert "postgresql://editor@db.example:5432/blockades?sslmode=require" in err
    (cmd, env), = _Child.started
    assert env["BLOCKADE_MAP_DATA"] == url  # the child itself gets the real URL
    assert "8999" in cmd


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_stopping_serve_stops_streamlit_and_frees_the_port(tiny_data, sig):
    port = _free_port()
    env = dict(os.environ, BLOCKADE_MAP_DATA=str(tiny_data))
    proc = subprocess.Popen([str(BIN), "serve", "--headless", "--port", str(port), "--address", "127.0.0.1"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    children: list[int] = []
    try:
        deadline = time.monotonic() + 90
        while not _listening(port):
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "streamlit did not start listening within 90 s"
            time.sleep(0.5)
        children = _children(proc.pid)
        assert len(children) == 1
        proc.send_signal(sig)
        assert proc.wait(timeout=30) == 0
        time.sleep(0.2)
        assert not _alive(children[0]), "the Streamlit child outlived serve"
        assert not _listening(port)
        with socket.socket() as s:  # the port can be bound again at once
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", port))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in children:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
