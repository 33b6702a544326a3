"""Every word a user sees goes through the catalogue: the pages, the map's words, a snapshot and an
export sidecar are drawn in a pseudo-language whose catalogue wraps each message in ⟦…⟧, and no
text may be left outside the brackets but data (places, regions, outlets, ids, descriptions,
links), Babel's dates and numbers, and a few symbols.

A word written in the code without ``_()`` (or a message missing from the catalogue, or one that
Babel's extractor cannot see, e.g. inside an f-string) shows up here as bare English.
"""
from __future__ import annotations

import csv
import html
import json
import re
from html.parser import HTMLParser

import pytest
from babel.dates import get_day_names, get_month_names
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from geo.core import i18n
from geo.core.view import View
from tests.conftest import BUNDLED, ROOT, layer_calls, page_test

PSEUDO = "xx"
OPEN, CLOSE = "⟦", "⟧"
_WRAPPED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_FIELD = re.compile(r"\{\w*\}")
#: What may stand outside the brackets besides the data: units, symbols, the product's name,
#: the formats and names of code (file names, columns of a CSV header, command lines).
ALLOWED_WORDS = {"km", "Blockade", "Map", "CSV", "GeoJSON", "HTML", "PNG", "UTF", "txt", "csv", "geojson", "png",
                 "html", "YYYY", "MM", "DD", "m"}


def _wrap(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}" if text else text


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory):
    """A compiled pseudo-language catalogue made from the Spanish one's messages, each wrapped in ⟦…⟧."""
    catalog = read_po((ROOT / "geo" / "locale" / "es" / "LC_MESSAGES" / "messages.po").open("rb"), locale="en")
    for message in catalog:
        if message.id:
            message.string = (tuple(_wrap(m) for m in message.id) if isinstance(message.id, tuple)
                              else _wrap(message.id))
    folder = tmp_path_factory.mktemp("pseudo")
    (folder / PSEUDO / "LC_MESSAGES").mkdir(parents=True)
    with (folder / PSEUDO / "LC_MESSAGES" / "messages.mo").open("wb") as out:
        write_mo(out, catalog)
    mp = pytest.MonkeyPatch()
    mp.setenv(i18n.LOCALE_DIR_ENV, str(folder))
    mp.setenv("BLOCKADE_MAP_DATA", str(BUNDLED))
    yield i18n.translator(PSEUDO)
    mp.undo()


@pytest.fixture(scope="module")
def data_words():
    """Every piece of data the pages may show, longest first (removed before words are checked)."""
    from geo.store import load_dataset
    ds = load_dataset(str(BUNDLED))
    words: set[str] = set()
    for column in ("id", "place", "region", "road", "description", "description_es", "description_en"):
        words.update(str(v) for v in ds.events[column] if isinstance(v, str) and v)
    from geo.core.frames import event_sources
    events_sources = [event_sources(packed) for packed in ds.events["sources"]]
    for sources in events_sources + list(ds.hotspots["sources"]) + list(ds.corridors["sources"]):
        for src in sources:
            words.update(str(v) for v in src.values() if v)
    words.update(str(v) for v in ds.hotspots["name"])
    for row in ds.corridors.to_dict("records"):
        words.update(str(v) for key in ("id", "name", "from", "to") if (v := row.get(key)))
        words.update(str(v) for key in ("via", "roads") for v in (row.get(key) or []))
    words.update(str(v) for v in ds.counts["reporter"])
    words.update(str(v) for v in ds.counts["source_url"])
    words.update([ds.info.title, *ds.info.titles.values(), ds.info.licence or "", *ds.info.regions, str(BUNDLED)])
    words.update(ds.store.left_out())  # the data README's notes on what is not mapped
    # The language switch names each language in itself (names, as places are).
    words.update(i18n.translator().language_name(code) for code in ("en", "es"))
    with (BUNDLED / "gazetteer" / "sites.csv").open(encoding="utf-8") as sites:  # e.g. the search's example
        words.update(row["name"] for row in csv.DictReader(sites))
    words.update([PSEUDO, "Ana"])  # and the editor's name the tests log in with
    basemap = json.loads((BUNDLED / "basemap.geojson").read_text(encoding="utf-8"))
    words.update(f["properties"]["name"] for f in basemap["features"] if f["properties"].get("name"))
    return sorted((w for w in words if w.strip()), key=len, reverse=True)


_BABEL_WORDS = {w for names in (get_day_names("wide", locale="en"), get_day_names("abbreviated", locale="en"),
                                get_month_names("wide", locale="en"), get_month_names("abbreviated", locale="en"))
                for w in names.values()}


def untranslated(text: str, data_words: list[str]) -> list[str]:
    """The words of ``text`` that are neither inside ⟦…⟧, nor data, nor Babel's, nor allowed."""
    if not isinstance(text, str) or not text.strip():
        return []
    rest = re.sub(r"\\(.)", r"\1", html.unescape(text))  # markdown escapes of the data undone
    for word in data_words:  # data first: a place name may hold a word that is also a message
        if word in rest:
            rest = rest.replace(word, " ")
    while True:
        stripped = _WRAPPED.sub(" ", rest)
        if stripped == rest:
            break
        rest = stripped
    rest = re.sub(r"<[^>]+>", " ", rest)  # markup of the popups, legend and bands
    rest = re.sub(r":material/\w+:", " ", rest)
    rest = re.sub(r"https?://\S+", " ", rest)
    rest = re.sub(r"blockade-map \S.*", " ", rest)  # a command line, shown as code
    rest = re.sub(r"[\w.-]+\.(csv|geojson|json|png|html|txt|gif)\b", " ", rest)  # file names
    words = re.findall(r"[^\W\d_]{2,}", rest)
    return [w for w in words if w not in ALLOWED_WORDS and w not in _BABEL_WORDS]


# ---------------------------------------------------------------- the pages

_SKIPPED_FIELDS = {"id", "form_id", "icon", "format", "type", "key", "page_script_hash", "page", "url", "data",
                   "spec", "datasets", "default", "value", "set_value", "css_class", "color", "theme",
                   "component_name", "json_args", "special_args", "arrow_data", "styler", "editing_mode",
                   "column_order", "columns", "selection_mode", "query_string", "placeholder_id", "element_type",
                   "max_date", "min_date", "step", "min", "max", "date_format", "height", "width"}


def _proto_strings(message, path: str = "") -> list[tuple[str, str]]:
    """Every string in a protobuf element, with its field path (data and technical fields left out)."""
    out = []
    for field, value in message.ListFields():
        if field.name in _SKIPPED_FIELDS or field.name.endswith("_id"):
            continue
        name = f"{path}.{field.name}"
        repeated = hasattr(value, "__len__") and not isinstance(value, (str, bytes)) and not hasattr(value, "ListFields")
        values = list(value) if repeated else [value]
        for item in values:
            if isinstance(item, str):
                out.append((name, item))
            elif hasattr(item, "ListFields"):
                out.extend(_proto_strings(item, name))
    return out


def _element_texts(at) -> list[tuple[str, str]]:
    """(where, text) of every element of an AppTest run: labels, bodies, options, help, tables, charts."""
    import pandas as pd
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
    texts = []

    def walk(node):
        children = getattr(node, "children", None)
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", type(node).__name__)
        if proto is not None and kind not in ("component_instance", "iframe", "html"):
            if kind in ("dataframe", "arrow_data_frame"):
                frame = node.value
                texts.extend((f"{kind}.header", str(c)) for c in frame.columns)
                for column in frame.columns:
                    if frame[column].dtype == object:
                        texts.extend((f"{kind}[{column}]", v) for v in frame[column] if isinstance(v, str))
            elif kind in ("vega_lite_chart", "arrow_vega_lite_chart"):
                spec = json.loads(proto.spec)
                texts.extend(("chart.title", t) for t in _chart_titles(spec))
                for dataset in proto.datasets:
                    frame: pd.DataFrame = convert_arrow_bytes_to_pandas_df(dataset.data.data)
                    for column in ("series", "kind"):
                        if column in frame.columns:
                            texts.extend(("chart." + column, v) for v in set(frame[column]) if isinstance(v, str))
            else:
                texts.extend((kind + where, text) for where, text in _proto_strings(proto))
        if isinstance(children, dict):
            for child in children.values():
                walk(child)

    walk(at._tree)
    return texts


def _chart_titles(spec) -> list[str]:
    found = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "title" and isinstance(value, str):
                found.append(value)
            else:
                found.extend(_chart_titles(value))
    elif isinstance(spec, list):
        for item in spec:
            found.extend(_chart_titles(item))
    return found


def _check(at, data_words):
    assert not at.exception, [e.value for e in at.exception]
    texts = _element_texts(at)
    assert len(texts) > 5
    bare = [(where, text[:160], words) for where, text in texts if (words := untranslated(text, data_words))]
    assert not bare, "words outside the catalogue:\n" + "\n".join(map(str, bare[:25]))
    return texts


def _run(script: str, query: dict | None = None, session: dict | None = None, switch: str | None = None):
    at = page_test(script, default_timeout=120, locale=None)
    at.query_params["lang"] = PSEUDO
    for key, value in (query or {}).items():
        at.query_params[key] = value
    for key, value in (session or {}).items():
        at.session_state[key] = value
    at.run()
    return at


@pytest.mark.parametrize("query", [{"date": "2023-01-09"}, {"date": "2023-01-16", "mode": "cumulative"},
                                   {"date": "2022-12-07", "kinds": "closure"}])
def test_map_page_in_the_pseudo_language(pseudo, data_words, query):
    texts = _check(_run("map.py", query), data_words)
    assert any(where.startswith("title") and text.startswith(OPEN) for where, text in texts)
    if query["date"] == "2023-01-09":
        assert any(where == "dataframe.header" for where, _ in texts)  # the table's headers were checked


def test_corridors_page_in_the_pseudo_language(pseudo, data_words):
    at = _run("corridors.py", {"date": "2023-01-16"})
    _check(at, data_words)
    at.selectbox(key="route_from").set_value("Ayaviri")
    at.selectbox(key="route_to").set_value("Puno")
    at.run()
    _check(at, data_words)


def test_timeline_page_in_the_pseudo_language(pseudo, data_words):
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"lang": PSEUDO, "date": "2023-01-09"})
    at.switch_page("pages/timeline.py").run()
    texts = _check(at, data_words)
    assert any(where == "chart.title" for where, _ in texts) and any(where == "chart.series" for where, _ in texts)


def test_about_and_read_only_editing_pages_in_the_pseudo_language(pseudo, data_words, monkeypatch):
    monkeypatch.delenv("BLOCKADE_MAP_EDITOR_HASH", raising=False)
    for script in ("about.py", "add_event.py", "import_data.py", "edit_events.py", "news_report.py"):
        _check(_run(script), data_words)


def test_editing_pages_logged_in_in_the_pseudo_language(pseudo, data_words, monkeypatch, tmp_path):
    import shutil

    from geo.store.auth import hash_password
    shutil.copytree(BUNDLED, tmp_path / "data")
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password("a long password", iterations=1000))
    logged = {"editor_name": "Ana"}
    _check(_run("news_report.py", session=logged), data_words)
    at = _run("add_event.py", session=logged)
    _check(at, data_words)
    at.text_input(key="add-query").set_value("Juliaca").run()  # the place search's candidates (names)
    from geo.places.gazetteer import gazetteer_for
    from geo.places.geocode import geocode
    from geo.store import load_dataset
    ds = load_dataset(str(tmp_path / "data"))
    found = geocode("Juliaca", None, limit=5, corridors=ds.corridors, gazetteer=gazetteer_for(ds))
    _check(at, sorted(data_words + [c.name for c in found] + [c.province for c in found if c.province],
                      key=len, reverse=True))
    at = _run("edit_events.py", session={**logged, "edit-event": "2023-01-09-juliaca-clash"})
    _check(at, data_words)


def test_a_bad_link_warns_in_the_pseudo_language(pseudo, data_words):
    at = _run("map.py", {"date": "2023-13-45", "mode": "weekly"})
    assert len(at.warning) == 2
    _check(at, data_words)


# ---------------------------------------------------------------- the map, a snapshot, a sidecar

class _Text(HTMLParser):
    """The text of an HTML page outside scripts and styles."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("view", [View("2023-01-09"), View("2023-01-16", "cumulative", ("blockade", "clash")),
                                  View("2022-11-01")])
def test_snapshot_html_in_the_pseudo_language(pseudo, data_words, view):
    """The title band, date, filters, count, empty-day line, credits, legend, popups and tooltips."""
    from geo.export.snapshot import snapshot_html
    from geo.store import load_dataset
    page = snapshot_html(load_dataset(str(BUNDLED)), view, tiles=False, t=i18n.translator(PSEUDO))
    assert '<html lang="xx">' in page
    parser = _Text()
    parser.feed(page)
    texts = list(parser.parts)
    for function in ("mapChrome", "pointLayer", "hotspotLayer", "lineLayer", "ringLayer", "snapshot"):
        for call in layer_calls(page, function):
            texts += _strings(call)
    texts = [t for t in texts if re.search(r"[^\W\d_]{2}", t) and not t.startswith(("bm-", "#"))]
    assert any("bm-legend" not in t and t.startswith(OPEN) for t in texts)
    bare = [(t[:160], w) for t in texts if (w := untranslated(t, data_words))]
    assert not bare, bare[:20]


def test_corridor_cut_and_cell_layers_in_the_pseudo_language(pseudo, data_words):
    from geo.network.report import corridor_day
    from geo.render.corridors import cut_layer
    from geo.render.layers import cell_words
    from geo.render.maps import aggregation_note
    from geo.store import load_dataset
    from tests.conftest import render_groups
    ds = load_dataset(str(BUNDLED))
    page = render_groups([cut_layer(corridor_day(ds.events, ds.corridors, "2023-01-16"), i18n.translator(PSEUDO))])
    texts = [s for call in layer_calls(page, "lineLayer") for s in _strings(call[0])]
    texts += [v for k, v in cell_words(i18n.translator(PSEUDO)).items() if k != "locale"] + [aggregation_note(3000, 40, 12, i18n.translator(PSEUDO))]
    assert len(texts) > 5
    bare = [(t, w) for t in texts if (w := untranslated(t, data_words))]
    assert not bare, bare


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_export_sidecar_in_the_pseudo_language(pseudo, data_words, fmt):
    from geo.export.files import render_export
    from geo.store import load_dataset
    text, sidecar, count = render_export(load_dataset(str(BUNDLED)), "2023-01-08", "2023-01-10", fmt,
                                         kinds=("blockade",), file_name=f"jan.{fmt}", t=i18n.translator(PSEUDO))
    assert count > 0
    lines = [line for line in sidecar.splitlines() if line.strip("=- ")]
    # Field names of the file are code, not words: the CSV lines start with them.
    code = re.compile(r"^(One row|fatalities|geo_precision|time_precision|sources|source_N)")
    bare = [(line, w) for line in lines if (w := untranslated(re.sub(r"\b[a-z]+_[a-z_N]+\b|\blon\b|\blat\b|"
                                                                      r"\bstart\b|\bend\b", " ", line),
                                                             data_words))]
    assert not bare, bare
    assert sum(line.startswith(OPEN) for line in lines) >= 8 and not any(code.match(line) for line in lines)
    if fmt == "geojson":
        metadata = json.loads(text)["metadata"]
        assert metadata["title"].startswith(OPEN) and not untranslated(metadata["licence"], data_words)
