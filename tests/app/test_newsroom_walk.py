"""What a Spanish-speaking journalist's walk through the app found (issue 22, last pass): on the
news page, numbers written the Spanish way, and the stored event a candidate matches named in Spanish."""
from __future__ import annotations

from datetime import date

from geo.store.auth import hash_password
from tests.conftest import page_test, plain

PASSWORD = "editor password"


def _logged_in(page: str, locale: str, data, monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(data))
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password(PASSWORD, iterations=1000))
    at = page_test(page, default_timeout=120, locale=locale).run()
    at.text_input(key="login-name").input("Ana")
    at.text_input(key="login-password").input(PASSWORD)
    next(b for b in at.button if str(b.key).startswith("FormSubmitter:login-")).click().run()
    assert not at.exception
    return at


def test_the_news_page_writes_its_character_limit_as_the_reader_writes_numbers(bundled_copy, monkeypatch):
    captions = [plain(c.value) for c in _logged_in("news_report.py", "es-PE", bundled_copy, monkeypatch).caption]
    assert "Como máximo 50.000 caracteres: pegue un artículo a la vez." in captions
    captions = [plain(c.value) for c in _logged_in("news_report.py", "en-US", bundled_copy, monkeypatch).caption]
    assert "At most 50,000 characters: paste one article at a time." in captions


CLASH = ("Juliaca, 10 de enero de 2023. La noche del lunes diecisiete civiles murieron en los enfrentamientos "
         "en Juliaca, según el Ministerio de Salud.")


def test_a_spanish_reader_of_a_report_reads_the_stored_event_and_the_days_in_spanish(bundled_copy, monkeypatch):
    """The candidate matches the stored Juliaca clash of 9 January: it is named in Spanish (its
    summary in the report's JSON is English, for scripts), and every day is written in Spanish."""
    at = _logged_in("news_report.py", "es-PE", bundled_copy, monkeypatch)
    at.text_area(key="nr-text").input(CLASH)
    at.date_input(key="nr-published").set_value(date(2023, 1, 10))
    at.text_input(key="nr-outlet").input("La República")
    at.text_input(key="nr-url").input("https://larepublica.pe/ejemplo")
    at.button(key="FormSubmitter:nr-form-Leer la noticia").click().run()
    assert not at.exception
    assert at.subheader[0].value in ("1 evento candidato, 0 cifras", "1 evento candidato, 1 cifra")  # no "(s)"
    shown = [plain(w.value) for w in at.warning] + [plain(c.value) for c in at.caption]
    said = " | ".join(shown)
    assert "enfrentamiento en Juliaca (Puno), 9 de enero de 2023" in said, said
    assert "clash at" not in said and "2023-01-09" not in said.replace("2023-01-09-juliaca-clash", "")
    assert any("publicada el 10 de enero de 2023" in text for text in shown)
    titles = [e.label for e in at.expander]
    assert any(t.startswith("1. enfrentamiento en Juliaca (Puno), 9 de enero de 2023") for t in titles), titles
