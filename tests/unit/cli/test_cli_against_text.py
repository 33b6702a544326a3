"""The one line `blockade-map extract` prints for how a candidate stands against the data."""
import pytest

from geo.cli.extract import against_text


@pytest.mark.parametrize("existing, expected", [
    (None, "against the data: not compared (the data's events could not be read)"),
    ({}, "against the data: not compared (the data's events could not be read)"),
    ({"status": "new"}, "against the data: no event of this kind at this place on these days"),
    ({"status": "update", "id": "e-1", "text": "end 2023-01-10 -> 2023-01-12"},
     "UPDATE of e-1: end 2023-01-10 -> 2023-01-12 (accept as an update, not as a new event)"),
    ({"status": "duplicate", "id": "e-2", "summary": "blockade at Ilave"}, "POSSIBLE DUPLICATE of e-2: blockade at Ilave"),
])
def test_against_text(existing, expected):
    assert against_text(existing) == expected
