"""A plain (not editable) ``pip install`` of the wheel gives a working ``blockade-map`` that finds
its bundled data, and an app that runs; nothing of the source checkout is used."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv holding the wheel (its dependencies come from the test's own environment)."""
    tmp = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(ROOT)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-2000:]
    [wheel] = list((tmp / "dist").glob("blockade_map-*.whl"))
    import zipfile
    names = set(zipfile.ZipFile(wheel).namelist())
    # The compiled catalogues (make install compiles them) ship in the wheel.
    assert {"geo/locale/es/LC_MESSAGES/messages.mo", "geo/locale/en/LC_MESSAGES/messages.mo"} <= names
    assert "geo/store/postgis_schema.sql" in names  # the PostGIS schema, read when geo.store is imported
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    site = next(env_dir.glob("lib/python*/site-packages"))
    # The dependencies, not the project: a .pth line adds the test environment's site-packages, whose
    # own .pth files (the editable install of this checkout) are not run from there.
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"), "install",
                              "--no-deps", "-q", str(wheel)], capture_output=True, text=True)
    if install.returncode != 0:  # pip too old for --python: install with a target instead
        install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
                                  str(wheel)], capture_output=True, text=True)
        (env_dir / "bin" / "blockade-map").write_text(
            f"#!{env_dir / 'bin' / 'python'}\nimport sys\nfrom geo.cli.main import main\nsys.exit(main())\n")
        (env_dir / "bin" / "blockade-map").chmod(0o755)
    assert install.returncode == 0, install.stderr[-2000:]
    return env_dir


def _run(env_dir: Path, *argv: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("BLOCKADE_MAP_DATA", "PYTHONPATH")}
    return subprocess.run([str(env_dir / "bin" / "blockade-map"), *argv], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


def test_the_installed_command_finds_its_bundled_data(installed, tmp_path):
    where = subprocess.run([str(installed / "bin" / "python"), "-c", "import geo, geo.core.paths as p; "
                            "print(geo.__file__); print(p.BUNDLED_DATA)"], capture_output=True, text=True,
                           cwd=tmp_path)
    module, data = where.stdout.split()
    assert str(installed) in module and str(ROOT) not in module  # the wheel's copy, not the checkout
    assert data.endswith("geo/bundled") and str(installed) in data
    ok = _run(installed, "validate", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith(f"ok: {data}: 252 events")
    day = _run(installed, "day", "2023-01-09", "--json", cwd=tmp_path)
    assert day.returncode == 0 and json.loads(day.stdout)["totals"]["events"] == 17
    geocode = _run(installed, "geocode", "Juliaca", "--json", cwd=tmp_path)
    assert json.loads(geocode.stdout)[0]["region"] == "Puno"
    site = _run(installed, "publish", "--out", str(tmp_path / "site"), "--from", "2023-01-09", "--to", "2023-01-09",
                cwd=tmp_path)  # the static edition's page, script and styles are in the wheel
    assert site.returncode == 0, site.stderr
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == [
        "README.txt", "assets", "basemap", "days", "index.html", "manifest.json", "share"]
    assert (tmp_path / "site" / "assets" / "edition.js").is_file()
    assert (tmp_path / "site" / "share" / "2023-01-09.html").is_file()  # its template and macro are in the wheel
    snap = _run(installed, "snapshot", "--date", "2023-01-09", "--out", str(tmp_path / "jan9.html"), cwd=tmp_path)
    assert snap.returncode == 0, snap.stderr  # the snapshot's Jinja2 overlay and label script are in the wheel
    page = (tmp_path / "jan9.html").read_text(encoding="utf-8")
    assert "BlockadeMapSnapshotLabels(" in page and '<h1 class="bm-snap-title">' in page


def test_the_installed_app_runs(installed, tmp_path):
    script = subprocess.run([str(installed / "bin" / "python"), "-c",
                             "from geo.core.paths import app_script; print(app_script())"],
                            capture_output=True, text=True, cwd=tmp_path).stdout.strip()
    assert script.endswith("blockade_map_app/app.py") and str(installed) in script
    check = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"at = AppTest.from_file({script!r}, default_timeout=120).run()\n"
        "assert not at.exception, at.exception\n"
        "print(at.title[0].value)\n"
        "print(sum(1 for m in at.metric if m.label == 'Eventos (mapa)'))\n")
    env = {k: v for k, v in os.environ.items() if k not in ("BLOCKADE_MAP_DATA", "PYTHONPATH")}
    proc = subprocess.run([str(installed / "bin" / "python"), "-c", check], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    # No browser preference: the dataset's first language (Spanish), from the wheel's compiled catalogue.
    assert proc.stdout.split("\n")[:2] == ["Bloqueos y protestas del lunes, 9 de enero de 2023", "1"]
