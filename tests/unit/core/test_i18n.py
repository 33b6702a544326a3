"""The language machinery: catalogues complete and in step with the code, plural forms, Babel's
dates and numbers, the choice of language, and the words of geo/ in Spanish and English."""
from __future__ import annotations

import re

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from geo.core import i18n
from geo.core.i18n import Translator, accept_language, normalise, pick_language, translator
from geo.core.view import View
from geo.core.words import KIND_LABELS, KIND_NAMES, kind_label, kind_name, status_name
from geo.query.active import mapped_vs_reported, reported_on
from geo.render.descriptions import description_for, description_text
from geo.render.popups import popup_html, tooltip_text
from tests.conftest import ROOT

CATALOGUES = ROOT / "geo" / "locale"
KEYWORDS = {**DEFAULT_KEYWORDS, "N_plural": (1, 2), "plural": (1, 2)}
FIELD = re.compile(r"\{(\w*)[^{}]*\}")


def _po(lang: str):
    return read_po((CATALOGUES / lang / "LC_MESSAGES" / "messages.po").open("rb"))


def _code_messages() -> set:
    """The messages of the code, extracted as `make i18n-extract` does (babel.cfg's folders)."""
    found = set()
    for folder in ("geo", "ui", "pages"):
        for _file, _line, message, _comments, _context in extract_from_dir(
                ROOT / folder, [("**.py", "python")], keywords=KEYWORDS):
            found.add(message)
    for _line, _func, message, _comments in __import__("babel.messages.extract", fromlist=["x"]).extract(
            "python", (ROOT / "app.py").open("rb"), keywords=KEYWORDS):
        found.add(message)
    return {m if isinstance(m, str) else tuple(m) for m in found}


def test_every_message_of_the_code_is_in_the_catalogues_and_translated():
    """A word wrapped in the code but missing from the catalogue (or left untranslated) fails here."""
    code = _code_messages()
    assert len(code) > 400
    spanish = {m.id: m for m in _po("es") if m.id}
    english = {m.id for m in _po("en") if m.id}
    missing = sorted(map(str, code - set(spanish)))
    assert not missing, f"run `make i18n-update` and translate: {missing[:10]}"
    assert not sorted(map(str, code - english)), "run `make i18n-update`"
    stale = sorted(map(str, set(spanish) - code))
    assert not stale, f"messages no longer in the code (run `make i18n-update`): {stale[:10]}"
    for message in spanish.values():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings) and "fuzzy" not in message.flags, f"untranslated: {message.id!r}"
        for msgid, msgstr in zip(ids, strings, strict=False):
            assert sorted(FIELD.findall(msgid)) == sorted(FIELD.findall(msgstr)), (msgid, msgstr)


def test_a_missing_compiled_catalogue_is_read_from_its_po(tmp_path, monkeypatch):
    po = (CATALOGUES / "es" / "LC_MESSAGES" / "messages.po").read_bytes()
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_bytes(po.replace(b'"Language: es\\n"', b'"Language: xx\\n"'))
    monkeypatch.setenv(i18n.LOCALE_DIR_ENV, str(tmp_path))
    assert "xx" in i18n.available_languages()
    assert translator("xx").gettext("Road corridor") == "Corredor vial"


def test_spanish_and_english_dates_numbers_and_plurals():
    es, en = translator("es"), translator("en")
    assert es.day("2023-01-09") == "lunes, 9 de enero de 2023"
    assert en.day("2023-01-09") == "2023-01-09"  # English headings keep the URL's and the CLI's ISO dates
    assert en.date("2023-01-09", "long") == "Monday 9 January 2023"
    assert es.date("2023-01-09", "short") == "lun 9 ene 2023"
    assert es.span("2023-01-07", "2023-01-10") == "del 7 de enero de 2023 al 10 de enero de 2023"
    assert (es.number(1234), en.number(1234)) == ("1.234", "1,234")
    assert (es.number(213.66, 1), en.number(213.66, 1)) == ("213,7", "213.7")
    assert es.plural("{n} event mapped", "{n} events mapped", 1) == "1 evento en el mapa"
    assert es.plural("{n} event mapped", "{n} events mapped", 1234) == "1.234 eventos en el mapa"
    assert en.plural("{n} event mapped", "{n} events mapped", 1) == "1 event mapped"
    assert translator() is en and translator(es) is es
    assert es.language_name("es") == "Español" and es.language_name("en") == "English"
    assert es.language_in("en") == "inglés" and en.language_in("es") == "Spanish"
    with pytest.raises(ValueError, match="not a language code"):
        Translator("español!")


def test_choosing_a_language_from_browser_tags():
    assert accept_language("es-PE,es;q=0.9,en;q=0.8") == ["es-PE", "es", "en"]
    assert accept_language("en;q=0.5, fr-CA") == ["fr-CA", "en"]
    assert accept_language("") == [] and accept_language(None) == []
    assert pick_language(["es-PE"], ["es", "en"]) == "es"
    assert pick_language(["fr-FR", "en-GB"], ["es", "en"]) == "en"
    assert pick_language(["es-PE"], ["en"]) is None  # the dataset does not offer Spanish
    assert pick_language(["de"], ["de"], ["en", "es"]) is None  # no catalogue for German
    assert normalise("es_PE") == "es" and normalise("e1") is None


def test_kinds_statuses_and_metrics_in_both_languages(dataset):
    assert [kind_name(k) for k in KIND_NAMES] == list(KIND_NAMES)  # English: the codes themselves
    assert [kind_label(k, translator("es")) for k in ("blockade", "protest", "clash")] == [
        "Bloqueo de vía (carretera, puente, frontera)", "Protesta o marcha", "Enfrentamiento con muertos o heridos"]
    assert kind_label("blockade") == KIND_LABELS["blockade"] == "Blockade (road, bridge, border)"
    assert kind_name("blockade", translator("es")) == "bloqueo de vía" and status_name("confirmed", translator("es")) == "confirmado"
    positions = dataset.index.select(View("2023-01-09"))
    mapped = dataset.index.mapped(positions)
    reported = [r for r in reported_on(dataset, "2023-01-09") if r["reporter"] == "SUTRAN"]
    assert mapped_vs_reported(reported, mapped, translator("es"))[0] == \
        "45 puntos de bloqueo reportados a nivel nacional (SUTRAN); 11 en el mapa"
    assert mapped_vs_reported(reported, mapped)[0] == "45 blockade points reported nationwide (SUTRAN); 11 mapped"
    assert View("2023-01-09", "cumulative", ("blockade",), ("Puno",)).summary(translator("es")) == \
        "bloqueo de vía · Puno · todo hasta este día"
    assert dataset.coverage(translator("es")) == "los datos van del 7 de diciembre de 2022 al 31 de marzo de 2023"


@pytest.fixture(scope="module")
def dataset():
    from geo.store import load_dataset
    return load_dataset(None)


def test_descriptions_in_the_readers_language_with_a_marked_fallback(dataset):
    record = next(r for r in dataset.index.records(dataset.index.select(View("2023-01-09")))
                  if r["place"] == "Juliaca")
    assert description_for(record, translator("es")) == (record["description_es"], None)
    assert description_for(record, translator("en")) == (record["description"], None)  # description_es says it is English
    only_english = {"description_en": "The road was blocked by the strikers at the bridge."}
    assert description_for(only_english, translator("es")) == (only_english["description_en"], "en")
    assert description_text(only_english, translator("es")).endswith("(en inglés)")
    plain_spanish = {"description": "Los manifestantes bloquearon la vía en el puente de la ciudad."}
    assert description_text(plain_spanish, translator("en")).endswith("(in Spanish)")
    assert description_for({"description": "Ilave"}, translator("en")) == ("Ilave", None)  # too short to tell: no note
    popup = popup_html(record, translator("es"))
    assert "Juliaca" in popup and "muertos" in popup and record["description_es"][:30] in popup
    assert "Estado: confirmado" in popup and "Fuentes:" in popup
    assert tooltip_text(record, translator("es")) == "Juliaca: enfrentamiento, 17 muertos"
    assert tooltip_text(record) == "Juliaca: clash, 17 dead"
