"""A throwaway PostgreSQL cluster with PostGIS, for the tests and the benchmark.

:class:`Cluster` runs Debian's ``initdb`` into a fresh temporary folder, starts the server on
a free port of 127.0.0.1 (its socket in that folder too, so it touches nothing of a system
cluster), creates a database with ``CREATE EXTENSION postgis`` and gives its URL. ``stop()``
stops the server and removes the folder. PostgreSQL refuses to run as root: when the tests
run as root the folder is given to the ``postgres`` OS user and every server program runs
through ``runuser -u postgres --``.

The cluster is for tests only: it trusts every connection from 127.0.0.1 and runs with
``fsync=off`` (a crash of the machine may lose it, which does not matter for a throwaway).
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

#: The OS user the server runs as when the caller is root.
SERVER_OS_USER = "postgres"
#: The database superuser the cluster is created with (the user of the URL).
DB_USER = "blockade"


def find_bindir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``: ``$PG_BINDIR``, Debian's newest
    ``/usr/lib/postgresql/N/bin``, or the one on ``$PATH``; None when PostgreSQL is missing."""
    candidates = []
    if os.environ.get("PG_BINDIR"):
        candidates.append(Path(os.environ["PG_BINDIR"]))
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                    key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0)
    candidates += [Path(p) for p in reversed(debian)]
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def postgis_control(bindir: Path) -> Path | None:
    """The ``postgis.control`` file of the server in ``bindir``, or None when PostGIS is missing."""
    try:
        share = subprocess.run([str(bindir / "pg_config"), "--sharedir"], capture_output=True, text=True,
                               check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        # Debian: /usr/lib/postgresql/15/bin -> /usr/share/postgresql/15
        share = f"/usr/share/postgresql/{bindir.parent.name}"
    control = Path(share) / "extension" / "postgis.control"
    return control if control.is_file() else None


def missing_reason() -> str | None:
    """Why no throwaway cluster can be started here, or None when one can."""
    bindir = find_bindir()
    if bindir is None:
        return ("PostgreSQL is not installed (apt-get install postgresql postgresql-15-postgis-3); "
                "the PostGIS tests are skipped locally")
    if postgis_control(bindir) is None:
        return (f"PostGIS is not installed for the server in {bindir} "
                "(apt-get install postgresql-15-postgis-3); the PostGIS tests are skipped locally")
    if os.geteuid() == 0:
        try:
            import pwd
            pwd.getpwnam(SERVER_OS_USER)
        except KeyError:
            return f"running as root and there is no {SERVER_OS_USER!r} OS user to run the server as"
        if shutil.which("runuser") is None:
            return "running as root and runuser is missing (util-linux)"
    return None


def free_port() -> int:
    """A TCP port of 127.0.0.1 nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """One throwaway cluster: ``start()``, ``create_database(name)`` -> URL, ``stop()``.

    Parameters
    ----------
    bindir : path, optional
        Where ``initdb`` and ``pg_ctl`` are (default :func:`find_bindir`).
    settings : dict, optional
        Extra server settings (``-c name=value``), e.g. ``{"shared_buffers": "512MB"}``.
    """

    def __init__(self, bindir: str | os.PathLike | None = None, settings: dict | None = None):
        found = Path(bindir) if bindir else find_bindir()
        if found is None:
            raise RuntimeError(missing_reason() or "PostgreSQL is not installed")
        self.bindir = found
        self.settings = {"fsync": "off", "full_page_writes": "off", "max_connections": "50", **(settings or {})}
        self.folder: Path | None = None
        self.port: int | None = None
        self.as_root = os.geteuid() == 0

    # ------------------------------------------------------------ running programs
    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = [str(self.bindir / program), *args]
        if self.as_root:
            cmd = ["runuser", "-u", SERVER_OS_USER, "--", *cmd]
        result = subprocess.run(cmd, capture_output=True, text=True, cwd="/")
        if check and result.returncode != 0:
            raise RuntimeError(f"{program} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")
        return result

    @property
    def data_dir(self) -> Path:
        assert self.folder is not None, "the cluster is not started"
        return self.folder / "pgdata"

    # ------------------------------------------------------------ life cycle
    def start(self, attempts: int = 3) -> Cluster:
        """initdb into a new temporary folder and start the server; returns ``self``."""
        self.folder = Path(tempfile.mkdtemp(prefix="blockade-map-pg-"))
        try:
            if self.as_root:
                shutil.chown(self.folder, SERVER_OS_USER, SERVER_OS_USER)
            self._run("initdb", "-D", str(self.data_dir), "-U", DB_USER, "--auth=trust", "-E", "UTF8",
                      "--locale=C", "--no-sync")
            last_error = None
            for _ in range(attempts):
                self.port = free_port()
                options = [f"-p {self.port}", f"-k {self.folder}", "-c listen_addresses=127.0.0.1"]
                options += [f"-c {k}={v}" for k, v in self.settings.items()]
                result = self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data_dir),
                                   "-l", str(self.folder / "server.log"), "-o", " ".join(options), check=False)
                if result.returncode == 0:
                    return self
                last_error = result.stderr.strip() + "\n" + self.log_tail()
            raise RuntimeError(f"pg_ctl start failed {attempts} times: {last_error}")
        except BaseException:
            self._remove()
            raise

    def log_tail(self, chars: int = 2000) -> str:
        """The end of the server log (for error messages)."""
        try:
            return (self.folder / "server.log").read_text(errors="replace")[-chars:]
        except (OSError, TypeError):
            return ""

    def url(self, database: str = "postgres") -> str:
        """``postgresql://USER@127.0.0.1:PORT/DATABASE``."""
        return f"postgresql://{DB_USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str, postgis: bool = True, template: str | None = None) -> str:
        """Create database ``name`` (with the PostGIS extension unless ``postgis=False``, or as a copy
        of database ``template``); return its URL."""
        import psycopg
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        if postgis and not template:
            with psycopg.connect(self.url(name), autocommit=True) as conn:
                conn.execute("CREATE EXTENSION postgis")
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop database ``name``, ending its sessions."""
        import psycopg
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        if self.folder is None:
            return
        try:
            if (self.data_dir / "postmaster.pid").exists():
                self._run("pg_ctl", "stop", "-D", str(self.data_dir), "-m", "fast", "-w", "-t", "60", check=False)
        finally:
            self._remove()

    def _remove(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def wait_ready(url: str, timeout_s: float = 30.0) -> None:
    """Wait until ``url`` accepts connections (raise TimeoutError after ``timeout_s``)."""
    import psycopg
    deadline = time.time() + timeout_s
    while True:
        try:
            with psycopg.connect(url, connect_timeout=2):
                return
        except psycopg.OperationalError:
            if time.time() > deadline:
                raise TimeoutError(f"{url} did not accept connections within {timeout_s:.0f} s") from None
            time.sleep(0.2)
