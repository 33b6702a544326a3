"""``blockade-map serve``: run the dashboard (the installed or checked-out ``app.py``) with
Streamlit, configured as the project's ``.streamlit/config.toml`` says, wherever it is run from."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys

from geo.cli.args import Command
from geo.core.paths import app_script
from geo.store import resolve_source

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


def run_serve(args: argparse.Namespace) -> int:
    """Serve the dashboard on the data source of ``--data`` (or $BLOCKADE_MAP_DATA, or the bundled data)."""
    env = dict(os.environ, BLOCKADE_MAP_DATA=str(resolve_source(args.data)))
    print(f"serving {app_script()} on port {args.port} with data from {env['BLOCKADE_MAP_DATA']}", file=sys.stderr)
    return subprocess.call(serve_command(args), env=env)


COMMANDS = [Command("serve", "run the dashboard with Streamlit on a data folder", configure_serve, run_serve)]
