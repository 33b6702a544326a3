"""Issue 10: the URL's view parameters are parsed by one pure function: a View and warnings."""
from __future__ import annotations

from datetime import date

import pytest

from geo.core.view import View, parse_view_params

FIRST, LAST, DEFAULT = date(2022, 12, 7), date(2023, 1, 31), date(2023, 1, 9)
REGIONS = ("Cusco", "Puno", "Apurímac")


def parse(**params):
    return parse_view_params(params, FIRST, LAST, DEFAULT, REGIONS)


def test_a_good_link_gives_its_view_without_warnings():
    assert parse(date="2023-01-10", mode="cumulative", kinds="blockade,clash", regions="Puno,apurimac") == (
        View("2023-01-10", "cumulative", ("blockade", "clash"), ("Puno", "Apurímac")), [])
    assert parse() == (View("2023-01-09"), [])


@pytest.mark.parametrize("params, view, warning", [
    ({"date": "2023-02-31"}, View("2023-01-09"),
     "The link's date '2023-02-31' is not a date (YYYY-MM-DD); showing 2023-01-09."),
    ({"date": "2024-01-01"}, View("2023-01-31"),
     "The data covers 2022-12-07 to 2023-01-31; 2024-01-01 is outside it, showing the nearest day."),
    ({"mode": "![x](https://evil.example/t.png)"}, View("2023-01-09"),
     "Unknown mode '![x](https://evil.example/t.png)'; showing mode 'day'."),
    ({"kinds": "[**Session expired - log in again**](https://evil.example/login)"}, View("2023-01-09"),
     "Unknown kind(s) '[**Session expired - log in again**](https://evil.example/login)' ignored; kinds are "
     "blockade, protest, clash, closure, detention, other."),
    ({"regions": "Puno,Atlantis"}, View("2023-01-09", regions=("Puno",)),
     "Unknown region(s) 'Atlantis' ignored; the data's regions are Apurímac, Cusco, Puno."),
])
def test_bad_parameters_fall_back_with_a_warning(params, view, warning):
    assert parse(**params) == (view, [warning])


def test_hostile_parameters_are_cut_short_and_lists_repeated_values_kept_once():
    got, warnings = parse(date="9" * 100_000, kinds=",".join(["x" * 50] * 10_000), regions="Puno," * 5000)
    assert got == View("2023-01-09", regions=("Puno",))
    assert all(len(w) < 400 for w in warnings) and len(warnings) == 2
    got, warnings = parse(kinds=["clash", "blockade"], mode=["day", "cumulative"])   # repeated keys: the last
    assert got == View("2023-01-09", "cumulative", ("blockade",)) and warnings == []


def test_a_link_may_name_a_region_by_an_alias_of_dataset_json():
    """One matcher (Scope.match) for the data's checks, the command line and the link: an alias
    of dataset.json ("Cuzco") works in a link as it does in the data."""
    from geo.core.model import Scope
    scope = Scope(REGIONS, {"Cuzco": "Cusco"})
    view, warnings = parse_view_params({"regions": "cuzco,PUNO,Atlantis"}, FIRST, LAST, DEFAULT, scope)
    assert view.regions == ("Cusco", "Puno")
    assert warnings == ["Unknown region(s) 'Atlantis' ignored; the data's regions are Apurímac, Cusco, Puno."]
    assert scope.match("Cuzco") == scope.region("cusco") == "Cusco" and scope.match("Lima") is None
