"""Place labels in the reader's language (``place_es``/``place_en``, CONTRACT.md): popups, tooltips,
day-over-day changes, clusters and snapshot labels of 9 January name no place in English for a
Spanish reader, and English readers keep the place as reported."""
from __future__ import annotations

import re

import numpy as np
import pytest

from geo.core.escape import escape_html
from geo.core.i18n import translator
from geo.core.model import validate_event
from geo.core.view import View
from geo.export.snapshot.labels import day_labels
from geo.query.active import select_hotspots
from geo.query.changes import change_summary, day_over_day
from geo.render.descriptions import place_for
from geo.render.popups import event_name, popup_html
from geo.store import load_dataset
from tests.conftest import BUNDLED, make_event

ENGLISH = re.compile(r"\b(city|roads?|province|airport|bridge|access(es)?|police|station|toll|strike|march|"
                     r"near|railway|streets|region|of|the|and|at|to|from)\b", re.I)
DAY = "2023-01-09"


@pytest.fixture(scope="module")
def bundled():
    return load_dataset(BUNDLED)


def _bold_place(popup: str) -> str:
    return re.match(r'<div class="bm-popup"><b>([^<]*)</b>', popup).group(1)


def test_every_english_label_of_the_bundled_data_has_a_spanish_one(bundled):
    records = bundled.index.records(np.arange(len(bundled.index.ids)))
    english = [r for r in records if ENGLISH.search(r["place"])]
    assert len(english) == 142  # events whose place the data writes in English (words this test knows)
    assert [r["id"] for r in english if not r.get("place_es") or ENGLISH.search(r["place_es"])] == []


def test_spanish_popups_and_names_of_9_january_show_no_english_place(bundled):
    records = bundled.index.records(bundled.index.select(View(DAY)))
    assert len(records) == 20
    spanish = [_bold_place(popup_html(r, translator("es"))) for r in records]
    assert [p for p in spanish if ENGLISH.search(p)] == []
    assert "Vías de acceso a la ciudad de Puno" in spanish
    assert spanish == [escape_html(place_for(r, translator("es"))) for r in records]
    assert all(event_name(r, translator("es")).startswith(place_for(r, translator("es")) + ": ") for r in records)
    english = [_bold_place(popup_html(r, translator("en"))) for r in records]
    assert english == [escape_html(r["place"]) for r in records] and "Puno city access roads" in english


def test_day_over_day_and_snapshot_labels_in_spanish(bundled):
    changes = day_over_day(bundled, DAY, kinds=("blockade", "clash", "protest", "closure", "detention", "other"),
                           t=translator("es"))
    names = [e["place"] for group in changes.values() for e in group]
    assert names and [n for n in names if ENGLISH.search(n)] == []
    summary = change_summary(changes, "es")
    assert [n for group in summary.values() for n in group if ENGLISH.search(n)] == []
    as_reported = day_over_day(bundled, DAY, kinds=("blockade",))
    assert any(ENGLISH.search(e["place"]) for group in as_reported.values() for e in group)
    view = View(DAY)
    labels = day_labels(bundled.index.records(bundled.index.select(view)), select_hotspots(bundled, view),
                        None, translator("es"))
    assert labels and [label.name for label in labels if ENGLISH.search(label.name)] == []


def test_clusters_name_places_in_the_readers_language(bundled):
    positions = bundled.index.select(View(DAY))
    cells = bundled.index.cells(positions, size=5.0, lang="es")
    named = [p for places in cells.places for p in places]
    assert named and [p for p in named if ENGLISH.search(p)] == []
    assert bundled.index.cells(positions, size=5.0).places != cells.places


def test_place_labels_are_validated_and_fall_back_to_the_reported_place():
    assert validate_event(make_event("e1", place="Puno city", place_es="Ciudad de Puno")) == []
    [problem] = validate_event(make_event("e1", place="Puno city", place_es=7))
    assert (problem.file, problem.field) == ("events.geojson", "place_es")
    [problem] = validate_event(make_event("e1", place="Puno", place_en="x" * 301))
    assert problem.field == "place_en" and "300" in problem.message
    assert place_for({"place": "Puno city", "place_es": "Ciudad de Puno"}, translator("en")) == "Puno city"
    assert place_for({"place": "Puno city", "place_en": ""}, translator("es")) == "Puno city"


def test_the_spanish_edition_of_9_january_names_places_in_spanish(tmp_path):
    from geo.cli.main import main
    out = tmp_path / "edition"
    assert main(["publish", "--out", str(out), "--from", DAY, "--to", DAY, "--lang", "es", "--data", str(BUNDLED)]) == 0
    day = (out / "days" / f"{DAY}.json").read_text(encoding="utf-8")
    assert "Vías de acceso a la ciudad de Puno" in day and "Puno city access roads" not in day
    assert main(["publish", "--out", str(tmp_path / "en"), "--from", DAY, "--to", DAY, "--lang", "en",
                 "--data", str(BUNDLED)]) == 0
    assert "Puno city access roads" in (tmp_path / "en" / "days" / f"{DAY}.json").read_text(encoding="utf-8")
