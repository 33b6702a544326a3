"""A duplicate's line on the import page in the reader's language (issue 22: "nuevo: protest at ...")."""
from __future__ import annotations

from geo.core.i18n import translator
from geo.intake.duplicates import event_summary

FEATURE = {"properties": {"kind": "protest", "place": "Juliaca", "region": "Puno", "start": "2023-01-09"}}


def test_summary_in_english_and_spanish():
    assert event_summary(FEATURE) == "protest at Juliaca (Puno), 2023-01-09"
    assert event_summary(FEATURE, translator("es")) == "protesta en Juliaca (Puno), 9 de enero de 2023"
    longer = {"properties": dict(FEATURE["properties"], end="2023-01-11", kind="blockade")}
    assert event_summary(longer, translator("es")) == "bloqueo de vía en Juliaca (Puno), del 9 de enero de 2023 al 11 de enero de 2023"
