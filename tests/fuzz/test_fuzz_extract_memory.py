"""Issue 25, ``make fuzz``: the news-report extractor's memory on generated long inputs (its time
on such inputs is tests/fuzz/test_fuzz_extract.py's). Python's memory peak while reading a report
stays within a fixed multiple of its length, and a report the extractor will not read (too long,
endless digits) is refused in one line of its own, never with Python's internal digit-limit message.

`make test` reads 10,000 characters on a few examples; `make fuzz` 40,000 on many more.
"""
from __future__ import annotations

import os
import tracemalloc

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from geo.intake.extract import extract
from geo.places.gazetteer import gazetteer_for

pytestmark = [pytest.mark.fuzz, pytest.mark.slow]
FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
LENGTH = 40_000 if FUZZ else 10_000
#: Largest Python memory peak per input character (bytes): a generous bound for linear memory
#: (a quadratic structure over 10,000 characters would need gigabytes).
BYTES_PER_CHAR = 2_000

#: Pieces that made the extractor rescan or backtrack, or that are merely long and odd.
FRAGMENTS = [
    "km 1 ", "Índice ........ ", "........................................", "9" * 60, "1.000.000.000 ",
    "PE-3S km 1380 ", "el 9 de enero de 2023 ", "bloqueo en Juliaca, Puno. ", "Juliaca Juliaca Juliaca ",
    "Sin título\n", "—", "((((((((((", " y ", ", ", "17 muertos y 80 heridos ", "km " * 20,
    "Puente Añashuayco, km 12+500 de la PE-34A. ", "desde el 4 de enero hasta el 31 de enero ",
    "a a a a a a a a a a a a a a a ", "http://x.example/" + "a/" * 30, "\u200b", "Mr. Dr. Sr. Sra. ",
]
texts = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map("".join),
    st.text(alphabet=st.sampled_from(list("km 1.,;:-éñ9\n")), min_size=1, max_size=30),
)


def _repeat(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


@pytest.fixture(scope="module")
def gazetteer():
    return gazetteer_for(None)


def read_with_peak(text: str, gazetteer) -> tuple[dict | None, int]:
    """``(result, or None when refused; Python's memory peak in bytes)`` of one extraction."""
    tracemalloc.start()
    try:
        try:
            result = extract(text, "2023-01-09", gazetteer=gazetteer)
        except ValueError as exc:  # refused: one line of the extractor's own
            message = str(exc)
            assert "\n" not in message and len(message) < 300, message
            assert "int_max_str_digits" not in message and "Exceeds the limit" not in message, message
            result = None
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
          max_examples=60 if FUZZ else 3, phases=[Phase.explicit, Phase.generate], deadline=None)
@given(unit=texts)
def test_extractor_memory_stays_linear_on_long_inputs(gazetteer, unit):
    text = _repeat(unit, LENGTH)
    result, peak = read_with_peak(text, gazetteer)
    assert result is None or set(result) >= {"events", "counts"}
    assert peak < BYTES_PER_CHAR * len(text), f"{peak / 1e6:.0f} MB for {len(text):,} characters of {unit[:40]!r}"


@pytest.mark.parametrize("unit", ["km 1 ", "Índice ........ ", "9"])
def test_the_issues_inputs_stay_within_memory_and_never_hit_the_digit_limit(gazetteer, unit):
    """Repeated ``km 1``, dot leaders, and one number of thousands of digits (which ended in
    Python's "Exceeds the limit (4300 digits)" message)."""
    text = _repeat(unit, LENGTH)
    _, peak = read_with_peak(text, gazetteer)
    assert peak < BYTES_PER_CHAR * len(text)
