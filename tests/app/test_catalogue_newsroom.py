"""The pseudo-language check (tests/app/test_catalogue.py) over what issue 22 added or found in
English: the corridors map's legend, route answers (coverage, in turn, no data), the static edition's
page, share pages, manifest and day files, and the snapshot's file text."""
from __future__ import annotations

import json
import re

from geo.core.i18n import translator
from geo.core.view import View
from tests.app.test_catalogue import OPEN, PSEUDO, _strings, _Text, data_words, pseudo, untranslated  # noqa: F401 (fixtures)
from tests.conftest import BUNDLED, layer_calls

JAN9 = "2023-01-09"


def _bare(texts, words):
    texts = [t for t in texts if re.search(r"[^\W\d_]{2}", t)]
    return [(t[:160], w) for t in texts if (w := untranslated(t, words))]


def test_corridors_map_legend_in_the_pseudo_language(pseudo, data_words):
    from geo.network.report import corridor_day
    from geo.render.corridors import corridor_base_map
    from geo.render.maps import standalone_html
    from geo.store import load_dataset
    ds = load_dataset(str(BUNDLED))
    page = standalone_html(corridor_base_map(ds, corridor_day(ds.events, ds.corridors, JAN9), asset_mode="placeholder",
                                             t=translator(PSEUDO)))
    parser = _Text()
    for call in layer_calls(page, "legend"):
        parser.feed(call[0])
    words = [p for p in parser.parts if re.search(r"[^\W\d_]", p)]  # the route-cut badge "1" aside
    assert len(words) == 7 and all(p.startswith(OPEN) for p in words)
    assert not _bare(parser.parts, data_words)


def test_route_answers_in_the_pseudo_language(pseudo, data_words):
    from geo.network.report import corridor_day, route_rows, route_sentence
    from geo.query.active import blockade_coverage
    from geo.store import load_dataset
    ds = load_dataset(str(BUNDLED))
    texts = []
    for day, origin, destination in ((JAN9, "Juliaca", "Arequipa"), ("2023-01-20", "Arequipa", "Juliaca"),
                                     ("2023-01-16", "Juliaca", "Puno")):
        cd = corridor_day(ds.events, ds.corridors, day)
        result = cd.route(origin, destination)
        texts.append(route_sentence(result, day, cd.names, translator(PSEUDO), coverage=blockade_coverage(ds, day)))
        texts.append(route_sentence(result, "2024-05-01", cd.names, translator(PSEUDO), covered=False))
        texts += [k for row in route_rows(result, cd.names, translator(PSEUDO)) for k in row]
    assert sum(t.count(OPEN) for t in texts) >= 10
    # corridor names and places are data; the sentence's own words are all wrapped
    bare = _bare([re.sub(r"[A-ZÁÉÍÓÚ][\w–()áéíóúñ ]*–[\w()áéíóúñ ]+", " ", t) for t in texts], data_words)
    assert not bare, bare


def test_static_edition_in_the_pseudo_language(pseudo, data_words, tmp_path):
    from geo.export import publish as edition
    from geo.store import load_dataset
    out = tmp_path / "site"
    edition.publish(load_dataset(str(BUNDLED)), out, JAN9, "2023-01-10", t=translator(PSEUDO))
    texts = []
    for page in (out / "index.html", out / "share" / f"{JAN9}.html"):
        html = page.read_text(encoding="utf-8")
        assert f'<html lang="{PSEUDO}"' in html
        parser = _Text()
        parser.feed(re.sub(r"<noscript>.*?</noscript>", "", html, flags=re.S))  # code spans split it; checked below
        texts += parser.parts
        noscript = re.search(r"<noscript>(.*?)</noscript>", html, re.S)
        if noscript:
            assert re.sub(r"<code>[^<]*</code>", "", noscript.group(1)).count(OPEN) == 1
        texts += re.findall(r'<meta (?:property|name)="(?:og:title|og:description|description|twitter:description|'
                            r'og:image:alt)" content="([^"]*)"', html)
        words = re.search(r'data-words="([^"]*)"', html)
        if words:
            import html as _html
            texts += [s for k, s in json.loads(_html.unescape(words.group(1))).items()
                      if k not in ("group", "span") and isinstance(s, str)]
    day = json.loads((out / "days" / f"{JAN9}.json").read_text(encoding="utf-8"))
    texts += [e["name"] for e in day["events"]]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    texts += [k["name"] for k in manifest["kinds"]] + [k["label"] for k in manifest["kinds"]]
    parser = _Text()
    parser.feed(manifest["legend_html"])
    texts += parser.parts
    assert sum(t.startswith(OPEN) for t in texts) >= 30
    # the events' names are "place: kind, dead": the place is data
    bare = _bare([t.rsplit(":", 1)[-1] if t in [e["name"] for e in day["events"]] else t for t in texts], data_words)
    assert not bare, bare[:20]


def test_snapshot_file_text_in_the_pseudo_language(pseudo, data_words):
    from geo.export.snapshot import snapshot_info
    from geo.store import load_dataset
    info = snapshot_info(load_dataset(str(BUNDLED)), View(JAN9), tiles=True, t=translator(PSEUDO))
    assert info["Description"].startswith(OPEN) and OPEN in info["Credits"]
    texts = [info["Description"], info["Credits"].split(" · ", 1)[1]]
    assert not _bare(texts, data_words)
