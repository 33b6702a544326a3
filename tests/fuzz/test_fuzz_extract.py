"""The news-report extractor on generated input (issue 25 item 3): its time grows linearly
with the report's length, and any text is either read or refused in one line, never a traceback.

The timing test compares two sizes in the same process (CPU time of 40,000 characters over
10,000 of the same generated text): linear reading gives about 4, the quadratic reading of the
old sentence splitter and kind finder gave 12 to 16 on repeated "km 1 "; the bound is 8.
"""
from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.intake.extract import MAX_REPORT_CHARS, ReportRefused, extract

pytestmark = pytest.mark.fuzz

#: Pieces a hostile or a clumsy report is made of: kilometre posts, dot leaders, figures,
#: place names, dates, list commas, capitals, abbreviations and paragraph breaks.
PIECES = ["km 1 ", "Índice ........ ", "....", "12 muertos, ", "17 heridos y 3 detenidos ", "En Puno ",
          "Juliaca, Ilave y Azángaro ", "bloquearon la vía ", "el 9 de enero ", "ayer ", "Km. 48 ",
          "Panamericana Sur ", "; ", ", ", ". ", "\n\n", "Cusco Puno Tacna ", "Sr. ", "1.500 ", "PE-3S ",
          "marcharon ", "the airport of Juliaca ", "this Thursday ", "A B C D ", "((( ", "!!! "]
units = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)


def _cpu(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t = time.process_time()
        extract(text, date(2023, 1, 12))
        best = min(best, time.process_time() - t)
    return best


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _vary(unit: str, n: int) -> str:
    """``unit`` again and again, each time with its own number, so that no sentence repeats (the
    reader reads a repeated sentence once, which would hide slow reading)."""
    out, i, size = [], 0, 0
    while size < n:
        piece = f"{unit}{i} "
        out.append(piece)
        size += len(piece)
        i += 1
    return "".join(out)[:n]


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(units)
def test_time_grows_linearly_from_10k_to_40k_characters(unit):
    small, large = _cpu(_vary(unit, 10_000)), _cpu(_vary(unit, 40_000))
    assert large <= 8 * max(small, 0.02), (unit, small, large)


@pytest.mark.parametrize("unit", ["km 1 ", "Índice ........ ", "Km. 1 Km. 1 ", "." * 50 + " "])
def test_the_known_slow_inputs_are_linear(unit):
    """The inputs of issue 25: repeated "km 1 " took 1.2 / 4.5 / 18.7 / 73 s at 5k-40k characters."""
    small, large = _cpu(_repeat(unit, 10_000)), _cpu(_repeat(unit, 40_000))
    assert large <= 8 * max(small, 0.02), (small, large)
    assert large < 10.0


@given(st.text(max_size=3000) | units.map(lambda u: _repeat(u, 3000)))
def test_any_text_is_read_or_refused_in_one_line(text):
    try:
        out = extract(text, "2023-01-12")
    except ReportRefused as exc:
        assert "\n" not in str(exc)
    else:
        assert set(out) >= {"events", "counts"}


def test_the_limit_is_the_documented_one():
    with pytest.raises(ReportRefused, match=f"{MAX_REPORT_CHARS:,}"):
        extract("a" * (MAX_REPORT_CHARS + 1), "2023-01-12")
    extract("a " * (MAX_REPORT_CHARS // 2), "2023-01-12")   # at the limit: read


def test_capitalised_words_with_double_spaces_are_linear():
    """Words a road's name is made of, two spaces apart and no dash after them: the road-name
    pattern once split each run of spaces two ways and backtracked exponentially (a few
    dozen words took seconds; a sentence of them, hours)."""
    small, large = _cpu(_repeat("Abc  ", 10_000)), _cpu(_repeat("Abc  ", 40_000))
    assert large <= 8 * max(small, 0.02), (small, large)
    assert large < 10.0
