"""The news-report page's Add form and figures the extractor is not sure of: they start at 0, and the
note says what to check (in the reader's language)."""
from __future__ import annotations

from geo.intake.extract import extract
from ui.news_report import form_defaults, note_text

SOURCE = {"name": "Diario de prueba", "url": "https://example.org/nota", "published": "2023-02-15"}


def test_figures_to_check_are_not_taken_by_the_form():
    unsure = next(e for e in extract("Ayer murieron nueve comuneros en enfrentamientos con la policía en Puno.",
                                     "2023-02-15")["events"] if e["kind"] == "clash")
    values = form_defaults(unsure, SOURCE)
    assert (values["fatalities"], values["injured"], values["detained"]) == (0, 0, 0)
    note = next(n for n in unsure["notes"] if n["code"] == "counts_to_check")
    assert note_text(note, unsure).startswith("The report gives 9 dead. Check that they are this place's")


def test_figures_read_in_their_own_clause_are_taken():
    sure = next(e for e in extract("Ayer, en Juliaca, tres manifestantes murieron en enfrentamientos con la policía.",
                                   "2023-02-15")["events"] if e["kind"] == "clash")
    assert form_defaults(sure, SOURCE)["fatalities"] == 3
