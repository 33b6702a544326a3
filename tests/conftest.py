"""Shared fixtures: small data folders built in code, and a browser for the browser tests."""
from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
#: Fixtures shared by several test folders (the corridor network of tests/corridor_fixture.py).
pytest_plugins = ["tests.corridor_fixture"]

# Property-based tests (tests/fuzz): a few derandomised examples each in `make test`, many more
# in `make fuzz` (HYPOTHESIS_PROFILE=fuzz), which keeps failing examples in .hypothesis/.
settings.register_profile("default", max_examples=12, deadline=None, derandomize=True, database=None)
settings.register_profile("fuzz", max_examples=1500, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
BUNDLED = ROOT / "data"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
]

#: Variables a shell set up by the README's editing steps may hold (a working copy of the data,
#: an editor password hash). The suite never depends on them: tests that need a data folder or
#: editing switched on set them themselves.
WORKING_COPY_ENV = ("BLOCKADE_MAP_DATA", "BLOCKADE_MAP_EDITOR_HASH")
#: Where the tests' Streamlit looks for secrets: nowhere (not the project's .streamlit/secrets.toml,
#: which the README's editing steps write).
NO_SECRETS = str(ROOT / "tests" / "no-secrets.toml")


def isolate_from_working_copy() -> None:
    """Forget the editor's set-up for this test process and the servers it starts."""
    for name in WORKING_COPY_ENV:
        os.environ.pop(name, None)
    # Editors' logins are signed with a secret generated into a file: the tests' own, never ~/.config's.
    import atexit
    import tempfile
    folder = tempfile.mkdtemp(prefix="bm-session-")
    atexit.register(shutil.rmtree, folder, True)
    os.environ["BLOCKADE_MAP_SESSION_SECRET_FILE"] = os.path.join(folder, "editor-session.key")
    os.environ["STREAMLIT_SECRETS_FILES"] = NO_SECRETS  # `streamlit run` reads its options from STREAMLIT_*
    from streamlit import config
    config.set_option("secrets.files", [NO_SECRETS])  # AppTest runs in this process


isolate_from_working_copy()

SOURCE = {"name": "Defensoría del Pueblo", "url": "https://www.defensoria.gob.pe/", "published": "2023-01-10"}


def make_event(fid: str, kind: str = "blockade", start: str = "2023-01-09", end: str | None = None,
               lon: float = -70.13333, lat: float = -15.5, **props) -> dict:
    """A valid event Feature; keyword arguments override or add properties."""
    properties = {"kind": kind, "start": start, "place": props.pop("place", "Juliaca"),
                  "region": props.pop("region", "Puno"), "geo_precision": 1,
                  "sources": [dict(SOURCE)]}
    if end is not None:
        properties["end"] = end
    properties.update(props)
    return {"type": "Feature", "id": fid, "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties}


def make_hotspot(fid: str, name: str, lon: float, lat: float, start: str, end: str | None = None,
                 level: int = 2, region: str = "Puno") -> dict:
    """A valid hotspot Feature."""
    props = {"name": name, "region": region, "start": start, "level": level, "sources": [dict(SOURCE)],
             "description": f"Sustained protest in {name}."}
    if end:
        props["end"] = end
    return {"type": "Feature", "id": fid, "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": props}


def make_corridor(fid: str, name: str, coords: list[list[float]], via: list[str], roads=("PE-3S",)) -> dict:
    """A valid corridor Feature."""
    return {"type": "Feature", "id": fid, "geometry": {"type": "LineString", "coordinates": coords},
            "properties": {"name": name, "roads": list(roads), "from": via[0], "to": via[-1], "via": via,
                           "sources": [dict(SOURCE)]}}


PERU_INFO = "peru"


def write_folder(folder: Path, events: list[dict], hotspots: list[dict] | None = None,
                 corridors: list[dict] | None = None, counts: list[dict] | None = None,
                 info: dict | str | None = PERU_INFO) -> Path:
    """Write a data folder with the given layers (layers given as None are left out).

    ``info`` is its dataset.json: by default the bundled dataset's (Peru's regions and area,
    titled "Test data"); None writes no dataset.json.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if info == PERU_INFO:
        info = json.loads((BUNDLED / "dataset.json").read_text(encoding="utf-8"))
        info["title"] = "Test data"
        info.pop("title_es", None)
        info.pop("featured_day", None)
    if info is not None:
        (folder / "dataset.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")

    def dump(name: str, feats: list[dict]) -> None:
        (folder / name).write_text(json.dumps({"type": "FeatureCollection", "features": feats},
                                              ensure_ascii=False), encoding="utf-8")
    dump("events.geojson", events)
    if hotspots is not None:
        dump("hotspots.geojson", hotspots)
    if corridors is not None:
        dump("corridors.geojson", corridors)
    if counts is not None:
        with open(folder / "reported_counts.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=["date", "metric", "value", "reporter", "source_url"])
            writer.writeheader()
            writer.writerows(counts)
    return folder


@pytest.fixture
def tiny_data(tmp_path: Path) -> Path:
    """Three days around 9 January 2023 in Puno, with one hotspot, one corridor and counts."""
    events = [
        make_event("e-juliaca-clash", "clash", "2023-01-09", place="Juliaca", fatalities=17, status="confirmed",
                   description="Seventeen people were killed near the airport."),
        make_event("e-chucuito", "blockade", "2023-01-09", lon=-69.88993, lat=-15.89441, place="Chucuito",
                   fatalities=1, road="PE-3S", km=1380),
        make_event("e-ilave", "blockade", "2023-01-08", "2023-01-10", lon=-69.66667, lat=-16.08333, place="Ilave"),
        make_event("e-lima", "detention", "2023-01-06", lon=-77.02824, lat=-12.04318, place="Lima",
                   region="Lima", detained=224),
    ]
    hotspots = [make_hotspot("h-puno", "Puno", -70.02198, -15.84003, "2022-12-07", "2023-01-31", level=3)]
    corridors = [make_corridor("juliaca-desaguadero", "Juliaca–Desaguadero",
                               [[-70.13333, -15.5], [-70.02198, -15.84003], [-69.88993, -15.89441],
                                [-69.66667, -16.08333], [-69.042, -16.56609]],
                               ["Juliaca", "Puno", "Chucuito", "Ilave", "Desaguadero"])]
    counts = [{"date": "2023-01-09", "metric": "blockade_points", "value": "45", "reporter": "SUTRAN",
               "source_url": "https://www.gob.pe/sutran"}]
    info = json.loads((BUNDLED / "dataset.json").read_text(encoding="utf-8"))
    info.update(title="Tiny test data", featured_day="2023-01-09")
    info.pop("title_es", None)
    return write_folder(tmp_path / "data", events, hotspots, corridors, counts, info=info)


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data folder."""
    target = tmp_path / "data"
    shutil.copytree(BUNDLED, target)
    return target


def chromium_path() -> str | None:
    """Debian's chromium, if installed."""
    for candidate in CHROMIUM_CANDIDATES:
        if os.path.exists(candidate):
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    """A headless Debian chromium driven by Playwright; skips locally without one, fails in CI."""
    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no chromium at /usr/bin/chromium: the browser tests must run in CI")
        pytest.skip("no chromium installed (apt-get install chromium); browser tests skipped locally")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _free_port() -> int:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def serve_app():
    """Start ``streamlit run app.py`` on a data folder; returns a function data_dir -> base URL."""
    import subprocess
    import sys
    import time
    import urllib.request

    servers: list[subprocess.Popen] = []

    def start(data_dir: Path) -> str:
        port = _free_port()
        env = dict(os.environ, BLOCKADE_MAP_DATA=str(data_dir))
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        servers.append(proc)
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while time.time() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited: {proc.stderr.read().decode()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        return url
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("streamlit did not start within 60 s")

    yield start
    for proc in servers:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def run_cli(capsys, *argv):
    """Run ``blockade-map ARGV`` in this process: ``(exit code, stdout, stderr)``."""
    from geo.cli.main import main
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def log_in_from_the_map(page, url: str, day: str, link: str, password: str, name: str = "Ana") -> None:
    """Open the map on ``day`` as an editor would (a server's very first session opened on a deep
    link shows Streamlit's "Page not found" notice over the page), follow the sidebar's ``link``
    and log in there."""
    page.goto(f"{url}/?date={day}")
    page.get_by_text(f"Blockades and protests on {day}").wait_for(timeout=30000)
    page.get_by_role("link", name=link).click()
    page.get_by_label("Your name (goes into the change log)").fill(name)
    page.get_by_label("Editor password").fill(password)
    page.get_by_role("button", name="Log in").click()


def map_frame(page, timeout_s: float = 30.0):
    """The streamlit-folium iframe of a page, once Leaflet has drawn in it."""
    import time
    deadline = time.time() + timeout_s
    iframe = page.locator('iframe[title="streamlit_folium.st_folium"]').first
    iframe.wait_for(state="attached", timeout=timeout_s * 1000)
    while time.time() < deadline:
        handle = iframe.element_handle()
        frame = handle.content_frame() if handle else None
        if frame is not None and frame.locator(".leaflet-container").count():
            return frame
        time.sleep(0.3)
    raise AssertionError("no Leaflet map appeared in the streamlit-folium frame")


def layer_calls(html: str, function: str) -> list[list]:
    """The JSON arguments (after the group) of every ``BlockadeMap.<function>(...)`` call in a page."""
    import json as _json
    decoder = _json.JSONDecoder()
    calls, start = [], 0
    marker = f"BlockadeMap.{function}("
    while (i := html.find(marker, start)) >= 0:
        pos = html.index(",", i) + 1  # skip the group or map variable
        args = []
        while True:
            while html[pos] in " \n":
                pos += 1
            value, pos = decoder.raw_decode(html, pos)
            args.append(value)
            if html[pos] == ")":
                break
            pos += 1  # the comma
        calls.append(args)
        start = pos
    return calls


def render_groups(groups) -> str:
    """The page of a bare folium map holding ``groups`` (feature groups of geo.render)."""
    import folium
    m = folium.Map(tiles=None)
    for group in groups:
        group.add_to(m)
    return m.get_root().render()


def bundled_scope():
    """The bundled dataset's Scope (its regions and area, from data/dataset.json)."""
    from geo.core.dataset import parse_info
    info, problems = parse_info(json.loads((BUNDLED / "dataset.json").read_text(encoding="utf-8")))
    assert not problems, problems
    return info.scope()


def page_test(script: str, default_timeout: float = 60, locale: str | None = "en-US"):
    """An AppTest of ``pages/<script>``: the page hands over to app.py, which routes back to it.

    The simulated browser prefers ``locale`` (English by default, as the tests read the English
    words; None: no preference, so the dataset's first language is shown).
    """
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "pages" / script), default_timeout=default_timeout)
    if locale:
        at.context["locale"] = locale
    return at


def plain(markdown: str) -> str:
    """Streamlit markdown as a reader sees it: backslash escapes and invisible word joiners removed."""
    import re as _re
    return _re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def pytest_collection_modifyitems(config, items):
    """Every test under tests/browser/ drives a browser; every AppTest under tests/app/ is slow-ish."""
    for item in items:
        parts = Path(str(item.fspath)).parts
        if "browser" in parts and "tests" in parts:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
        elif "app" in parts and "tests" in parts:
            item.add_marker(pytest.mark.slow)

# ---------------------------------------------------------------- PostGIS (tests/pg_cluster.py)

PG_TEMPLATE = "blockade_template"


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster with a PostGIS template database, for the whole session;
    skips locally without PostgreSQL/PostGIS, fails in CI (CI=true)."""
    from tests.pg_cluster import Cluster, missing_reason
    reason = missing_reason()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}: the PostGIS tests must run in CI")
        pytest.skip(reason)
    cluster = Cluster().start()
    try:
        cluster.create_database(PG_TEMPLATE)
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_url(pg_cluster) -> str:
    """``postgresql://USER@127.0.0.1:PORT/DB`` of a database with PostGIS, shared by the session."""
    return pg_cluster.create_database("blockade_session", postgis=True)


@pytest.fixture
def pg_db(pg_cluster):
    """A fresh database with PostGIS (copied from the template) for one test; dropped after it."""
    name = f"t_{next(_PG_NAMES)}_{os.getpid()}"
    pg_cluster.create_database(name, template=PG_TEMPLATE)
    url = pg_cluster.url(name)
    yield url
    from geo.store.postgis import close_postgis
    close_postgis(url)
    pg_cluster.drop_database(name)


_PG_NAMES = iter(range(1, 1_000_000))
