"""``blockade-map serve``: run the dashboard (the installed or checked-out ``app.py``) with
Streamlit, configured as the project's ``.streamlit/config.toml`` says, wherever it is run from."""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time

from geo.cli.args import Command
from geo.core.paths import app_script
from geo.store import redact_url, resolve_source

#: What .streamlit/config.toml sets, as command-line options (that file is read only from the
#: current folder, so an installed app needs them spelt out).
STREAMLIT_OPTIONS = ("--server.enableStaticServing", "true", "--browser.gatherUsageStats", "false",
                     "--client.toolbarMode", "minimal")


def configure_serve(p: argparse.ArgumentParser) -> None:
    p.add_argument("--port", type=int, default=8501, help="port to serve on (default 8501)")
    p.add_argument("--address", default=None, help="address to listen on (default: Streamlit's)")
    p.add_argument("--headless", action="store_true", help="do not open a browser")


def serve_command(args: argparse.Namespace) -> list[str]:
    """The ``streamlit run`` command line that serves the dashboard."""
    cmd = [sys.executable, "-m", "streamlit", "run", str(app_script()), "--server.port", str(args.port),
           *STREAMLIT_OPTIONS]
    if args.address:
        cmd += ["--server.address", args.address]
    if args.headless:
        cmd += ["--server.headless", "true"]
    return cmd


#: Seconds Streamlit is given to stop after SIGTERM before it is killed.
STOP_GRACE_S = 10.0
#: The signals that stop ``serve``, and its Streamlit child with it.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


def run_serve(args: argparse.Namespace) -> int:
    """Serve the dashboard on the data source of ``--data`` (or $BLOCKADE_MAP_DATA, or the bundled data).

    SIGTERM, SIGINT or SIGHUP stop the Streamlit child too (SIGTERM, then SIGKILL after
    :data:`STOP_GRACE_S` seconds), so the port is free when ``serve`` has ended.
    """
    source = str(resolve_source(args.data))
    env = dict(os.environ, BLOCKADE_MAP_DATA=source)
    print(f"serving {app_script()} on port {args.port} with data from {redact_url(source)}", file=sys.stderr)
    child = subprocess.Popen(serve_command(args), env=env)
    return wait_for_child(child)


def wait_for_child(child: subprocess.Popen, grace_s: float = STOP_GRACE_S) -> int:
    """Wait for ``child``, passing on a stop signal: its status, or 0 when a signal stopped both."""
    stopping: list[int] = []

    def stop(signum: int, _frame) -> None:
        stopping.append(signum)
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)

    previous = {sig: signal.signal(sig, stop) for sig in STOP_SIGNALS}
    try:
        deadline = None
        while True:
            try:
                status = child.wait(timeout=0.25)
                return 0 if stopping else status
            except subprocess.TimeoutExpired:
                if not stopping:
                    continue
                deadline = deadline or time.monotonic() + grace_s
                if time.monotonic() >= deadline:  # asked to stop, and still running after the grace time
                    child.kill()
                    child.wait()
                    return 128 + stopping[0]
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if child.poll() is None:  # serve itself failed (an exception): never leave the child behind
            child.kill()
            child.wait()


COMMANDS = [Command("serve", "run the dashboard with Streamlit on a data folder", configure_serve, run_serve)]
