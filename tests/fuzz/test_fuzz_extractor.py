"""Issue 25, ``make fuzz``: the news-report extractor on generated long inputs. Its time grows
linearly with the input (CPU time at four times the length stays well under the 16x of a
quadratic rescan) and its memory stays within a fixed multiple of the input; digits without end
and dot leaders never raise.

`make test` compares 2,500 with 10,000 characters on a few examples; `make fuzz` compares 10,000
with 40,000 characters on many more. Timing is a ratio inside one process (no wall-clock target).
"""
from __future__ import annotations

import os
import time
import tracemalloc

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from geo.intake.extract import extract
from geo.places.gazetteer import gazetteer_for

pytestmark = [pytest.mark.fuzz, pytest.mark.slow]
FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
SMALL, LARGE = (10_000, 40_000) if FUZZ else (2_500, 10_000)
#: Linear time gives about 4x at four times the length; a rescan of every earlier sentence 16x.
MAX_RATIO = 8.0
#: Below this many CPU seconds a measure is noise: the ratio is taken against at least this much.
FLOOR_S = 0.05
#: Largest Python memory peak per input character (bytes), a generous bound for linear memory.
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


def _cpu(text: str, gazetteer) -> float:
    """Best of two CPU times of one extraction (the lower one has less noise)."""
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        result = extract(text, "2023-01-09", gazetteer=gazetteer)
        best = min(best, time.process_time() - started)
        assert set(result) >= {"events", "counts"}
    return best


@pytest.fixture(scope="module")
def gazetteer():
    return gazetteer_for(None)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
          max_examples=80 if FUZZ else 4, phases=[Phase.explicit, Phase.generate], deadline=None)
@given(unit=texts)
def test_extractor_time_grows_linearly_on_long_inputs(gazetteer, unit):
    small, large = _repeat(unit, SMALL), _repeat(unit, LARGE)
    ratio = max(_cpu(large, gazetteer), FLOOR_S) / max(_cpu(small, gazetteer), FLOOR_S)
    assert ratio < MAX_RATIO, f"{ratio:.1f}x the CPU time at {LARGE // SMALL}x the length of {unit[:40]!r}"


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
          max_examples=40 if FUZZ else 3, phases=[Phase.explicit, Phase.generate], deadline=None)
@given(unit=texts)
def test_extractor_memory_stays_linear_on_long_inputs(gazetteer, unit):
    text = _repeat(unit, LARGE)
    tracemalloc.start()
    try:
        extract(text, "2023-01-09", gazetteer=gazetteer)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < BYTES_PER_CHAR * len(text), f"{peak / 1e6:.0f} MB for {len(text):,} characters of {unit[:40]!r}"


@pytest.mark.parametrize("unit", ["km 1 ", "Índice ........ ", "9"])
def test_the_known_slow_inputs_stay_linear(gazetteer, unit):
    """The inputs of the issue: repeated ``km 1``, dot leaders, one number of thousands of digits."""
    small, large = _repeat(unit, SMALL), _repeat(unit, LARGE)
    ratio = max(_cpu(large, gazetteer), FLOOR_S) / max(_cpu(small, gazetteer), FLOOR_S)
    assert ratio < MAX_RATIO, f"{ratio:.1f}x at {LARGE // SMALL}x the length of {unit!r}"
