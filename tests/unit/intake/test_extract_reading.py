"""The extractor's reading model, rule by rule, each on a sentence written for the test (never
one of the real reports it is measured on): sentences and their limits, numbers that are no figure."""
from __future__ import annotations

from geo.intake.extract.text import MAX_SENTENCE, Sentence, numbers_in, split_sentences


def test_dot_leaders_do_not_end_a_sentence_nor_slow_it():
    text = "Índice ........ 3\nResumen ........ 5\n\nLos vecinos de Ayaviri marcharon el lunes. Luego volvieron."
    texts = [s.text for s in split_sentences(text)]
    assert texts[-2:] == ["Los vecinos de Ayaviri marcharon el lunes.", "Luego volvieron."]


def test_an_overlong_run_is_read_in_pieces_cut_at_a_clause_mark():
    run = "; ".join(f"tramo {i} de la vía a Urcos" for i in range(200))
    pieces = split_sentences(run)
    assert len(pieces) > 1
    assert all(len(p.text) <= MAX_SENTENCE for p in pieces)
    assert all(p.text.endswith(";") for p in pieces[:-1])
    assert "".join(p.text for p in pieces).replace(";", "; ").split() == run.split()


def test_a_phone_number_or_a_post_id_is_no_figure():
    s = Sentence("Llame al 984123456789 o vea la publicación 1612345678901234567; hubo 12 heridos.", 0, 0)
    assert [n.value for n in numbers_in(s, "es")] == [12]
