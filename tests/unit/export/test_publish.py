"""The static edition: the files ``publish`` writes, what they hold, and how DIR is replaced."""
from __future__ import annotations

import hashlib
import html
import json
import os
import re
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.core.i18n import translator
from geo.export import publish as edition
from geo.query.active import day_summary, mapped_vs_reported
from geo.render import assets
from geo.render.popups import join_popup
from geo.store import load_dataset
from tests.conftest import BUNDLED, make_event, make_hotspot, write_folder

BUNDLED_INFO = json.loads((BUNDLED / "dataset.json").read_text(encoding="utf-8"))


def sha12(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def bundled():
    return load_dataset(BUNDLED)


@pytest.fixture(scope="module")
def bundled_edition(bundled, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("edition") / "site"
    edition.publish(bundled, out)
    return out


# ------------------------------------------------------------------ what the folder holds

def test_the_edition_holds_a_page_a_manifest_a_file_per_day_and_local_assets(bundled_edition):
    days = sorted(p.name for p in (bundled_edition / "days").iterdir())
    assert len(days) == 115 and days[0] == "2022-12-07.json" and days[-1] == "2023-03-31.json"
    assets_written = sorted(str(p.relative_to(bundled_edition / "assets"))
                            for p in (bundled_edition / "assets").rglob("*") if p.is_file())
    assert assets_written == sorted([*edition.VENDOR_ASSETS, "edition.js", "edition.css"])
    assert "leaflet.markercluster.js" not in assets_written
    for name in edition.VENDOR_ASSETS:  # the very files the dashboard serves, copied byte for byte
        assert (bundled_edition / "assets" / name).read_bytes() == assets.VENDOR_FILES[name].read_bytes()
    top = sorted(p.name for p in bundled_edition.iterdir())
    assert top == ["README.txt", "assets", "basemap", "days", "index.html", "manifest.json", "share"]
    assert [p.name for p in bundled_edition.parent.iterdir()] == ["site"]  # no staging folder left
    assert oct(bundled_edition.stat().st_mode & 0o777) == oct(0o777 & ~_umask())  # readable by a web server


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_manifest_lists_the_days_and_the_dataset_info(bundled_edition):
    m = read_json(bundled_edition / "manifest.json")
    assert m["format"] == edition.FORMAT and m["generator"] == "Blockade Map publish"
    assert m["title"] == BUNDLED_INFO["title"]
    assert m["bbox"] == BUNDLED_INFO["bbox"] == [-81.4, -18.4, -68.6, 0.0]
    assert m["bounds"] == [[-18.4, -81.4], [0.0, -68.6]]
    assert m["featured_day"] == "2023-01-09" and m["languages"] == ["es", "en"]
    assert m["licence"] == BUNDLED_INFO["licence"] and m["timezone"] == "America/Lima"
    assert (m["first_day"], m["last_day"]) == ("2022-12-07", "2023-03-31")
    assert [d["date"] for d in m["days"]][:3] == ["2022-12-07", "2022-12-08", "2022-12-09"]
    day9 = next(d for d in m["days"] if d["date"] == "2023-01-09")
    assert day9 == {"date": "2023-01-09", "file": "days/2023-01-09.json",
                    "version": sha12(bundled_edition / "days" / "2023-01-09.json"), "events": 20}
    assert sum(d["events"] for d in m["days"]) == 4559
    assert [k["kind"] for k in m["kinds"]] == ["blockade", "protest", "clash", "closure", "detention", "other"]
    assert m["kinds"][0]["colour"] == "#e6550d"
    assert len(m["corridors"]["rows"]) == 8 and m["corridors"]["style"]["className"] == "bm-corridor"
    assert 'data-kind="blockade"' in m["legend_html"] and "new since the day before" in m["legend_html"]
    assert m["tiles"] is None  # nothing online unless asked for
    assert m["about"]["coverage"] == "the data covers 2022-12-07 to 2023-03-31"
    assert m["about"]["publishers"][0][1] >= m["about"]["publishers"][-1][1] > 0


def test_index_html_loads_only_local_files_each_with_its_content_hash(bundled_edition):
    page = (bundled_edition / "index.html").read_text(encoding="utf-8")
    urls = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert urls == ["data:,", "assets/leaflet.css?v=" + sha12(bundled_edition / "assets/leaflet.css"),
                    "assets/blockade-map.css?v=" + sha12(bundled_edition / "assets/blockade-map.css"),
                    "assets/edition.css?v=" + sha12(bundled_edition / "assets/edition.css"),
                    "assets/edition.js?v=" + sha12(bundled_edition / "assets/edition.js"),
                    "assets/leaflet.js?v=" + sha12(bundled_edition / "assets/leaflet.js"),
                    "assets/blockade-map.js?v=" + sha12(bundled_edition / "assets/blockade-map.js"),
                    "assets/basemap.js?v=" + sha12(bundled_edition / "assets/basemap.js")]
    # edition.js runs first (it starts fetching the day), Leaflet and the map scripts are deferred
    assert re.findall(r"<script [^>]*>", page)[1:] == [
        f'<script src="assets/leaflet.js?v={sha12(bundled_edition / "assets/leaflet.js")}" defer>',
        f'<script src="assets/blockade-map.js?v={sha12(bundled_edition / "assets/blockade-map.js")}" defer>',
        f'<script src="assets/basemap.js?v={sha12(bundled_edition / "assets/basemap.js")}" defer>']
    assert "<title>Peru&#x27;s general strike, December 2022 to March 2023</title>" in page
    assert "http" not in page.lower().replace('content="blockade map publish"', "")
    # Leaflet's stylesheet finds its images beside it
    for image in re.findall(r"url\((images/[\w.-]+)\)", (bundled_edition / "assets/leaflet.css").read_text()):
        assert (bundled_edition / "assets" / image).is_file()


def test_edition_js_fetches_nothing_but_the_manifest_and_the_files_it_lists():
    js = (edition.EDITION_DIR / "edition.js").read_text(encoding="utf-8")
    assert sorted(re.findall(r"getJson\(([^,)]+)", js)) == ['"manifest.json"', 'entry.file + "?v=" + entry.version',
                                                             "url"]
    assert 'BlockadeBasemap.load(map, m.basemap.file + "?v=" + m.basemap.version, m.basemap.attribution)' in js
    assert js.count("fetch(") == 1  # inside getJson
    assert "innerHTML" not in js  # data text goes in with textContent (popups are escaped in Python)


# ------------------------------------------------------------------ the day files

@pytest.mark.parametrize("day", ["2022-12-07", "2023-01-09", "2023-01-16", "2023-01-31"])
def test_day_file_counts_match_blockade_map_day_json(bundled_edition, capsys, day):
    assert main(["day", day, "--json", "--data", str(BUNDLED)]) == 0
    expected = json.loads(capsys.readouterr().out)
    doc = read_json(bundled_edition / "days" / f"{day}.json")
    assert doc["date"] == day
    assert sorted(e["id"] for e in doc["events"]) == sorted(e["id"] for e in expected["events"])
    assert doc["totals"] == expected["totals"] and doc["mapped"] == expected["mapped"]
    assert [r["text"] for r in doc["reported"]] == mapped_vs_reported(expected["reported"], expected["mapped"])
    assert doc["hotspots"]["names"] == [h["name"] for h in expected["hotspots"]]


def test_every_day_file_matches_the_day_summary(bundled, bundled_edition):
    for entry in read_json(bundled_edition / "manifest.json")["days"]:
        doc = read_json(bundled_edition / entry["file"])
        summary = day_summary(bundled, entry["date"])
        assert len(doc["events"]) == entry["events"] == summary["totals"]["events"], entry["date"]
        assert doc["totals"] == summary["totals"]
        assert {e["id"]: e["kind"] for e in doc["events"]} == {e["id"]: e["kind"] for e in summary["events"]}


def test_the_ninth_of_january(bundled_edition):
    doc = read_json(bundled_edition / "days" / "2023-01-09.json")
    assert doc["totals"]["events"] == 20 and doc["totals"]["blockade"] == 11
    assert "45 blockade points reported nationwide (SUTRAN); 11 mapped" in [r["text"] for r in doc["reported"]]
    sutran = next(r for r in doc["reported"] if r["reporter"] == "SUTRAN")
    assert sutran["url"].startswith("https://elcomercio.pe/")
    first = doc["events"][0]  # largest circle first, as the dashboard draws them
    assert first["id"] == "2023-01-09-juliaca-clash" and first["fatalities"] == 17
    lat, lon, css, colour, radius, parts, tooltip = first["row"]
    popup = join_popup(parts)  # the popup's pieces, joined as the browser does when it opens
    assert (lat, lon, css, colour, radius) == (-15.5, -70.13333, "bm-event bm-kind-clash", "#a50f15", 20.4)
    assert "<b>Juliaca</b>" in popup and "Sources: " in popup and ">La República</a> (2023-01-09)" in popup
    assert tooltip == "Juliaca: clash, 17 dead"
    assert doc["changes"]["since"] == "2023-01-08"
    assert doc["changes"]["counts"] == {"new": 9, "continuing": 2, "lifted": 0}
    assert len(doc["changes"]["rings"]["new"]) == 9 and doc["changes"]["rings"]["lifted"] == []
    assert "Chucuito" in doc["changes"]["places"]["new"]
    assert doc["note"] is None


def test_empty_days_and_days_outside_the_data_say_so(tiny_data, tmp_path):
    ds = load_dataset(tiny_data)
    result = edition.publish(ds, tmp_path / "site", "2023-01-06", "2023-01-09")
    assert result.days == ["2023-01-06", "2023-01-07", "2023-01-08", "2023-01-09"]
    doc = read_json(tmp_path / "site/days/2023-01-07.json")
    assert doc["events"] == [] and doc["totals"]["events"] == 0
    assert doc["note"].startswith("Nothing is mapped for 2023-01-07. That does not mean nothing happened")
    assert doc["reported"] == [] and doc["hotspots"]["names"] == ["Puno"]
    assert read_json(tmp_path / "site/days/2023-01-06.json")["totals"]["detention"] == 1
    day9 = read_json(tmp_path / "site/days/2023-01-09.json")
    assert [r["text"] for r in day9["reported"]] == ["45 blockade points reported nationwide (SUTRAN); 2 mapped"]
    assert read_json(tmp_path / "site/manifest.json")["featured_day"] == "2023-01-09"
    # a day before the data (the range reaches into it) is published with a note
    edition.publish(ds, tmp_path / "early", "2022-12-01", "2022-12-08")
    early = read_json(tmp_path / "early/days/2022-12-01.json")
    assert early["note"] == "2022-12-01 is outside the data: the data covers 2022-12-07 to 2023-01-31."


def test_featured_day_outside_the_range_falls_back_to_its_busiest_day(tiny_data, tmp_path):
    result = edition.publish(load_dataset(tiny_data), tmp_path / "site", "2023-01-05", "2023-01-08")
    assert result.featured_day == "2023-01-06"  # the busiest day of the range; a tie goes to the earliest
    counts = {d["date"]: d["events"] for d in read_json(tmp_path / "site/manifest.json")["days"]}
    assert counts == {"2023-01-05": 0, "2023-01-06": 1, "2023-01-07": 0, "2023-01-08": 1}


# ------------------------------------------------------------------ hostile text

HOSTILE = '<img src=x onerror="alert(1)">{{7*7}}`${x}`</script><script>alert(2)</script>'


def test_hostile_text_is_escaped_in_every_file(tmp_path):
    info = dict(BUNDLED_INFO, title="</title><script>alert(3)</script> & co", featured_day="2023-01-09")
    events = [make_event("e-evil", "clash", "2023-01-09", place=HOSTILE, fatalities=2, description=HOSTILE,
                         sources=[{"name": HOSTILE, "url": "https://example.org/?q=<b>&x=\"1\"",
                                   "published": "2023-01-09"}]),
              make_event("e-plain", "blockade", "2023-01-09", lon=-69.66667, lat=-16.08333, place="Ilave")]
    hotspots = [make_hotspot("h-evil", HOSTILE, -70.02198, -15.84003, "2023-01-01", "2023-01-31")]
    counts = [{"date": "2023-01-09", "metric": "blockade_points", "value": "45", "reporter": HOSTILE,
               "source_url": "https://www.gob.pe/sutran"}]
    data = write_folder(tmp_path / "data", events, hotspots, [], counts, info=info)
    out = tmp_path / "site"
    edition.publish(load_dataset(data), out)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; &amp; co</title>" in page
    # the escaped title, in <title>, <h1> and the preview tags (og:site_name, og:title, twitter:title)
    assert page.count("<script") == 4 and page.count("alert(") == 5
    assert '<meta property="og:site_name" content="&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; &amp; co">' in page
    doc = read_json(out / "days/2023-01-09.json")
    evil = next(e for e in doc["events"] if e["id"] == "e-evil")
    popup, tooltip = join_popup(evil["row"][5]), evil["row"][6]  # the popup's pieces, joined as in the browser
    for markup in (popup, tooltip):
        assert "<img" not in markup and "<script" not in markup and "{{" not in markup and "${" not in markup
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in markup
    assert popup.count("<a ") == 1 and 'href="https://example.org/?q=&lt;b&gt;&amp;x=&quot;1&quot;"' in popup
    assert doc["hotspots"]["rows"][0][3].startswith("Hotspot: &lt;img src=x")
    # text the page puts in with textContent stays as written (it is data, not HTML)
    assert doc["hotspots"]["names"] == [HOSTILE]
    assert doc["reported"][0]["text"] == f"45 blockade points reported nationwide ({HOSTILE}); 1 mapped"
    manifest = read_json(out / "manifest.json")
    assert manifest["title"] == info["title"]


# ------------------------------------------------------------------ writing DIR safely

def test_out_must_be_a_folder_that_is_new_empty_or_an_edition(tiny_data, tmp_path):
    ds = load_dataset(tiny_data)
    a_file = tmp_path / "page.html"
    a_file.write_text("mine")
    with pytest.raises(ValueError, match=r"is a file, not a folder"):
        edition.publish(ds, a_file)
    assert a_file.read_text() == "mine"
    other = tmp_path / "home"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    with pytest.raises(ValueError, match=r"holds other files and is not an edition"):
        edition.publish(ds, other)
    assert tree(other) == {"notes.txt": b"keep me"}
    (tmp_path / "empty").mkdir()
    result = edition.publish(ds, tmp_path / "empty", "2023-01-09", "2023-01-09")
    # 12 assets, one day, its share page, manifest, page, README
    assert result.files == len(tree(tmp_path / "empty")) == 17
    assert edition.publish(ds, tmp_path / "new" / "nested", "2023-01-09", "2023-01-09").path == tmp_path / "new" / "nested"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "empty", "home", "new", "page.html"]


def test_republishing_replaces_the_edition_whole(tiny_data, tmp_path):
    ds = load_dataset(tiny_data)
    out = tmp_path / "site"
    edition.publish(ds, out, "2023-01-06", "2023-01-08")
    (out / "days" / "stray.json").write_text("{}")
    edition.publish(ds, out, "2023-01-09", "2023-01-10")
    assert sorted(p.name for p in (out / "days").iterdir()) == ["2023-01-09.json", "2023-01-10.json"]
    assert read_json(out / "manifest.json")["first_day"] == "2023-01-09"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]


def test_a_failure_midway_leaves_the_previous_edition_as_it_was(tiny_data, tmp_path, monkeypatch):
    ds = load_dataset(tiny_data)
    out = tmp_path / "site"
    edition.publish(ds, out, "2023-01-06", "2023-01-10")
    before = tree(out)
    real = edition.day_json

    def failing(dataset, day, *rest):
        if day == "2023-01-08":
            raise OSError(28, "No space left on device")
        return real(dataset, day, *rest)

    monkeypatch.setattr(edition, "day_json", failing)
    with pytest.raises(OSError, match="No space left"):
        edition.publish(ds, out, "2023-01-01", "2023-01-20")
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]


@pytest.mark.parametrize("first,last,message", [
    ("2023-01-10", "2023-01-09", "--to 2023-01-09 is before --from 2023-01-10"),
    ("2024-01-01", None, "2024-01-01 to 2023-01-31 holds no day of the data (the data covers 2022-12-07"),
    ("2020-01-01", "2020-02-01", "holds no day of the data"),
    ("2000-01-01", "2023-01-01", "is 8,402 days; an edition holds at most 3,660"),
])
def test_bad_ranges_are_refused_before_anything_is_written(tiny_data, tmp_path, first, last, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        edition.publish(load_dataset(tiny_data), tmp_path / "site", first, last)
    assert not (tmp_path / "site").exists()


def test_the_data_folders_basemap_is_copied_and_listed(bundled_edition, tiny_data, tmp_path):
    m = read_json(bundled_edition / "manifest.json")
    copied = bundled_edition / "basemap" / "basemap.geojson"
    assert copied.read_bytes() == (BUNDLED / "basemap.geojson").read_bytes()
    assert m["basemap"] == {"file": "basemap/basemap.geojson", "version": sha12(copied),
                            "attribution": "Basemap: Natural Earth",
                            "bounds": [[-26.4, -89.4], [8.0, -60.6]]}  # the map keeps to it (no edge in sight)
    assert "basemap/ (drawn under every layer): Basemap: Natural Earth." in \
        (bundled_edition / "README.txt").read_text(encoding="utf-8")
    # a folder without a basemap gives an edition without one; --tiles offers the online layer
    edition.publish(load_dataset(tiny_data), tmp_path / "site", "2023-01-09", "2023-01-10", tiles=True)
    m = read_json(tmp_path / "site/manifest.json")
    assert m["basemap"] is None and not (tmp_path / "site/basemap").exists()
    assert m["tiles"]["url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


# ------------------------------------------------------------------ one edition, one language

@pytest.fixture(scope="module")
def spanish_edition(bundled, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("edition-es") / "site"
    edition.publish(bundled, out, t=translator("es"))
    return out


def test_the_edition_speaks_the_language_asked_for_in_every_file(spanish_edition):
    page = (spanish_edition / "index.html").read_text(encoding="utf-8")
    assert page.startswith('<!doctype html>\n<html lang="es" ')
    assert "<title>Paro nacional en el Perú, dic. 2022 – mar. 2023</title>" in page
    for words in ('aria-label="Día anterior">&#9664; Anterior</button>', 'aria-label="Día siguiente">Siguiente',
                  "<legend>Mostrar</legend>", "<dt>Eventos (mapa)</dt>", "<dt>Muertos (mapa)</dt>",
                  "<h3>Reportado a nivel nacional <small>(no son puntos del mapa)</small></h3>",
                  "<summary>Sobre los datos</summary>",
                  "en la carpeta <code>days/</code>, un archivo JSON por día, descritos en <code>manifest.json</code>."):
        assert words in page, words
    for english in ("Previous day", "Events mapped", "Reported nationwide", "About the data", "Loading"):
        assert english not in page, english
    # the script's words, as JSON in an attribute (escaped), each filled in by edition.js as text
    words = json.loads(html.unescape(re.search(r'data-words="([^"]*)"', page).group(1)))
    assert words["heading"] == "Bloqueos y protestas del {day}"
    assert words["showing"][1].startswith("Se muestran {shown} de {n} eventos")
    assert words["group"] == "." and words["new"] == "Nuevos"
    assert words["span"] == "del 7 de diciembre de 2022 al 31 de marzo de 2023"

    m = read_json(spanish_edition / "manifest.json")
    assert m["lang"] == "es" and m["title"] == "Paro nacional en el Perú, dic. 2022 – mar. 2023"
    assert m["languages"] == ["es", "en"] and m["featured_day"] == "2023-01-09"
    assert [k["kind"] for k in m["kinds"]][:2] == ["blockade", "protest"]  # kinds are codes in every language
    assert m["kinds"][0]["name"] == "bloqueo de vía"
    assert m["kinds"][0]["label"] == "Bloqueo de vía (carretera, puente, frontera)"
    day9 = next(d for d in m["days"] if d["date"] == "2023-01-09")
    assert day9["label"] == "lunes, 9 de enero de 2023" and day9["file"] == "days/2023-01-09.json"
    assert "Bloqueo de vía" in m["legend_html"] and "What happened" not in m["legend_html"]
    assert m["basemap"]["attribution"] != "Basemap: Natural Earth" and "Natural Earth" in m["basemap"]["attribution"]
    assert m["about"]["text"].endswith("America/Lima.") and "2023" in m["about"]["text"]

    doc = read_json(spanish_edition / "days" / "2023-01-09.json")
    assert doc["date"] == "2023-01-09" and doc["totals"]["events"] == 20  # the same data, other words
    assert "45 puntos de bloqueo reportados a nivel nacional (SUTRAN); 11 en el mapa" in [r["text"] for r in doc["reported"]]
    lat, lon, css, colour, radius, parts, tooltip = doc["events"][0]["row"]
    popup = join_popup(parts)  # the popup's pieces, joined as the browser does when it opens
    assert tooltip == "Juliaca: enfrentamiento, 17 muertos"
    assert "<b>17 muertos</b>" in popup and "Fuentes: " in popup and "Sources" not in popup
    assert "La masacre de Juliaca" in popup  # the description in the reader's language
    assert doc["changes"]["heading"] == "Bloqueos desde el domingo, 8 de enero de 2023"
    assert doc["changes"]["counts"] == {"new": 9, "continuing": 2, "lifted": 0}

    readme = (spanish_edition / "README.txt").read_text(encoding="utf-8")
    assert readme.startswith("Paro nacional en el Perú, dic. 2022 – mar. 2023: edición estática, ")
    assert "Licencia\n--------\n" in readme and "Fuentes de los datos (medio o institución: eventos)" in readme


def test_both_languages_hold_the_same_data(bundled_edition, spanish_edition):
    english, spanish = read_json(bundled_edition / "manifest.json"), read_json(spanish_edition / "manifest.json")
    assert [(d["date"], d["events"]) for d in english["days"]] == [(d["date"], d["events"]) for d in spanish["days"]]
    assert "label" not in english["days"][0]  # English shows days as YYYY-MM-DD
    for day in ("2022-12-12", "2023-01-09", "2023-01-20"):
        en, es = (read_json(folder / "days" / f"{day}.json") for folder in (bundled_edition, spanish_edition))
        assert en["totals"] == es["totals"] and en["mapped"] == es["mapped"]
        assert [e["id"] for e in en["events"]] == [e["id"] for e in es["events"]]
        assert [e["row"][:5] for e in en["events"]] == [e["row"][:5] for e in es["events"]]
        assert [(r["metric"], r["value"], r["reporter"]) for r in en["reported"]] == \
            [(r["metric"], r["value"], r["reporter"]) for r in es["reported"]]


def test_an_edition_defaults_to_the_datasets_first_language(bundled, tiny_data, tmp_path):
    assert edition.default_language(bundled) == "es"  # dataset.json: languages ["es", "en"]
    info = json.loads((tiny_data / "dataset.json").read_text(encoding="utf-8"))
    for languages, expected in ((["en", "es"], "en"), (["qu", "es"], "es"), (["qu"], "en")):
        (tiny_data / "dataset.json").write_text(json.dumps(dict(info, languages=languages)), encoding="utf-8")
        assert edition.default_language(load_dataset(tiny_data)) == expected, languages


def test_an_empty_day_and_a_day_outside_the_data_say_so_in_spanish(tiny_data, tmp_path):
    ds = load_dataset(tiny_data)
    edition.publish(ds, tmp_path / "site", "2022-12-01", "2023-01-09", t=translator("es"))
    empty = read_json(tmp_path / "site/days/2023-01-07.json")["note"]
    assert empty.startswith("No hay nada en el mapa el sábado, 7 de enero de 2023. Eso no significa"), empty
    outside = read_json(tmp_path / "site/days/2022-12-01.json")["note"]
    assert outside == ("1 de diciembre de 2022 está fuera de los datos: los datos van del 7 de diciembre de 2022 "
                       "al 31 de enero de 2023.")
