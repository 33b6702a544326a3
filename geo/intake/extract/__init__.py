"""From a news report to candidate events and counts (``blockade-map extract``).

The package reads a report as a careful reader does (:mod:`.reader`), with its sentences,
dates and numbers (:mod:`.text`), places and roads (:mod:`.places`, :mod:`.names`) and the
words of each language (:mod:`.lexicon`); the words that belong to a country (its bodies,
outlets, road names, its police) come from the data folder's ``lexicon.json``
(:mod:`.dataset_lexicon`). :func:`extract` is the entry point.
"""
from __future__ import annotations

from geo.intake.extract.reader import COUNT_METRICS, EXTRA_METRICS, extract
from geo.intake.extract.text import MAX_REPORT_CHARS, ReportRefused, check_report

__all__ = ["extract", "check_report", "ReportRefused", "MAX_REPORT_CHARS", "COUNT_METRICS", "EXTRA_METRICS"]
