"""Issue 25: while the store (a PostGIS database) is down, a reader sees one plain sentence on
every page: no traceback, no server path, no password."""
from __future__ import annotations

import socket

import pytest

from tests.conftest import page_test

SECRET = "Zq7Secret"
MESSAGE = ("The data cannot be shown right now: the database that holds it is not answering. "
           "Please try again in a few minutes.")


@pytest.fixture
def store_down(monkeypatch) -> str:
    with socket.socket() as s:  # a port nothing listens on: the connection is refused
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql://blockade:{SECRET}@127.0.0.1:{port}/blockades"
    monkeypatch.setenv("BLOCKADE_MAP_DATA", url)
    return url


def _everything_shown(at) -> str:
    parts = []
    for kind in ("error", "warning", "info", "markdown", "text", "caption", "code", "exception", "title",
                 "header", "subheader"):
        parts += [str(getattr(e, "value", "")) for e in getattr(at, kind)]
    return "\n".join(parts)


@pytest.mark.parametrize("page", ["map.py", "corridors.py", "timeline.py", "add_event.py", "about.py"])
def test_a_reader_sees_a_plain_message_while_the_database_is_down(store_down, page, caplog):
    at = page_test(page).run()
    assert not at.exception
    assert [e.value for e in at.error] == [MESSAGE]
    shown = _everything_shown(at)
    for leak in ("Traceback", "/work", ".py", "psycopg", SECRET, "127.0.0.1"):
        assert leak not in shown, leak
    # the cause is in the server's log, without the password
    logged = [r.getMessage() for r in caplog.records if r.name == "blockade_map.app"]
    assert logged and "cannot connect" in logged[-1] and SECRET not in "\n".join(logged)


def test_the_message_is_in_spanish_for_a_spanish_reader(store_down):
    at = page_test("map.py", locale=None)
    at.query_params["lang"] = "es"
    at.run()
    assert not at.exception
    assert at.error[0].value.startswith("Los datos no se pueden mostrar ahora")


@pytest.mark.postgis
def test_a_database_that_goes_down_while_the_app_runs(tiny_data, monkeypatch):
    """The map is shown from the database; the server stops; the next rerun says so plainly."""
    from tests.pg_cluster import Cluster, missing_reason
    if missing_reason():
        pytest.skip(missing_reason())
    from geo.store.postgis import PostgisStore, close_postgis
    with Cluster() as cluster:
        cluster.create_database("down")
        url = cluster.url("down")
        store = PostgisStore(url)
        store.init()
        store.load_folder(tiny_data)
        store.close()
        monkeypatch.setenv("BLOCKADE_MAP_DATA", url)
        at = page_test("map.py").run()
        assert not at.exception and not at.error
        assert at.title[0].value == "Blockades and protests on 2023-01-09"
        cluster._run("pg_ctl", "stop", "-D", str(cluster.data_dir), "-m", "immediate", "-w")
        at.run()
        assert not at.exception
        assert [e.value for e in at.error] == [MESSAGE]
        close_postgis(url)
