"""Events that share one point are spread a few pixels around it, the same way every time."""
from __future__ import annotations

import math

import pytest

from geo.core.paths import BUNDLED_DATA
from geo.core.view import View
from geo.render.maps import view_layers
from geo.render.stacks import stack_offsets
from geo.render.style import marker_radius
from geo.store import load_dataset
from tests.conftest import layer_calls, make_event, render_groups, write_folder

JULIACA = (-70.13333, -15.5)


def test_offsets_place_a_stack_clockwise_from_the_top_without_overlap():
    radii = [20.4, 9.5, 6.0]
    offsets = stack_offsets([-15.5] * 3 + [-16.0], [-70.1] * 3 + [-70.0], radii + [6.0])
    assert offsets[3] is None  # alone at its point: drawn where it is
    (x0, y0), (x1, y1), (x2, y2) = offsets[:3]
    assert (x0, y0) == (0.0, pytest.approx(-18.4, abs=0.05))  # the first straight above the point
    assert x1 > 0 and x2 < 0  # then clockwise
    distance = math.hypot(x0, y0)
    assert all(math.hypot(x, y) == pytest.approx(distance, abs=0.1) for x, y in offsets[:3])
    # no two circles overlap: centres farther apart than the sum of their radii
    for i in range(3):
        for j in range(i + 1, 3):
            assert math.dist(offsets[i], offsets[j]) >= radii[i] + radii[j]
    assert stack_offsets([-15.5] * 3, [-70.1] * 3, radii) == offsets[:3]  # deterministic
    with pytest.raises(ValueError, match="same length"):
        stack_offsets([1.0], [1.0, 2.0], [6])


def test_a_large_stack_goes_on_a_spiral_of_touching_circles():
    n = 160  # e.g. 160 events reported at one town
    offsets = stack_offsets([-15.5] * n, [-70.1] * n, [6] * n)
    assert len(set(offsets)) == n and offsets[0] == (0.0, -14.0)
    reach = max(math.hypot(x, y) for x, y in offsets)
    assert 80 < reach < 130  # within about a hundred pixels of the point
    closest = min(math.dist(a, b) for i, a in enumerate(offsets) for b in offsets[i + 1:])
    assert closest >= 12 - 0.5  # no two circles of radius 6 overlap (beyond rounding)


def test_two_equal_circles_just_touch():
    assert stack_offsets([-15.5, -15.5], [-70.1, -70.1], [6, 6]) == [(0.0, -7.0), (0.0, 7.0)]


def test_juliaca_on_9_january_spreads_its_three_events():
    dataset = load_dataset(BUNDLED_DATA)
    layers = view_layers(dataset, View("2023-01-09"))
    html = render_groups(layers.extra + layers.groups)
    [[rows, spread]] = layer_calls(html, "pointLayer")
    assert len(rows) == 20
    moved = {i: (dx, dy) for i, dx, dy in spread}
    at_juliaca = [i for i, r in enumerate(rows) if (r[1], r[0]) == JULIACA]
    assert len(at_juliaca) == 3 and set(at_juliaca) <= set(moved)
    assert len({moved[i] for i in at_juliaca}) == 3  # each its own place
    assert sorted(rows[i][6] for i in at_juliaca) == [
        "Juliaca (urb. Tambopata): clash, 1 dead", "Juliaca: Promart, Movistar, Plaza Vea, La Curacao: other",
        "Juliaca: clash, 17 dead"]
    # the other shared points of the day: Juliaca airport, Puno and Ilave (two events each)
    assert len(spread) == 9
    alone = [i for i in range(len(rows)) if i not in moved]
    assert len(alone) == 11


def test_a_new_blockade_ring_follows_its_spread_marker(tmp_path):
    folder = write_folder(tmp_path / "d", [
        make_event("a", start="2023-01-09", place="Juliaca"),
        make_event("b", kind="protest", start="2023-01-09", place="Juliaca", fatalities=4),
    ])
    dataset = load_dataset(folder)
    layers = view_layers(dataset, View("2023-01-09"))
    html = render_groups(layers.extra + layers.groups)
    [[rows, spread]] = layer_calls(html, "pointLayer")
    # the protest has the larger circle, so it is drawn first, on top of the point
    assert [r[2] for r in rows] == ["bm-event bm-kind-protest", "bm-event bm-kind-blockade"]
    r0, r1 = marker_radius(4), marker_radius(0)
    d = (r0 + r1 + 2) / 2
    assert spread == [[0, 0.0, -d], [1, 0.0, d]]
    new_rings = [call for call in layer_calls(html, "ringLayer") if "bm-new" in call[1]["className"]]
    assert new_rings[0][0] == [[-15.5, -70.13333, r1 + 4, "", 0.0, d]]
