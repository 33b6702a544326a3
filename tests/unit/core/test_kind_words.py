"""Kinds in the reader's language in links: ?kinds=bloqueo is a blockade (issue 22)."""
from __future__ import annotations

from datetime import date

import pytest

from geo.core.i18n import translator
from geo.core.view import parse_view_params
from geo.core.words import kind_from_name, kind_slug

FIRST, LAST, JAN9 = date(2022, 12, 7), date(2023, 1, 31), date(2023, 1, 9)


@pytest.mark.parametrize("name,kind", [("blockade", "blockade"), ("bloqueo", "blockade"), ("Bloqueo de vía", "blockade"),
                                       ("ENFRENTAMIENTO", "clash"), ("detencion", "detention"),
                                       ("detención", "detention"), ("cierre", "closure"), ("otro", "other"),
                                       ("roadblock", None), ("", None)])
def test_kind_from_name_reads_codes_and_names_in_any_language(name, kind):
    assert kind_from_name(name) == kind


def test_slugs_round_trip_in_each_language():
    for lang in ("en", "es"):
        for kind in ("blockade", "protest", "clash", "closure", "detention", "other"):
            assert kind_from_name(kind_slug(kind, translator(lang))) == kind
    assert [kind_slug(k, translator("es")) for k in ("blockade", "clash", "detention")] == ["bloqueo", "enfrentamiento", "detencion"]
    assert kind_slug("blockade", translator("en")) == "blockade"  # English links read as they always did


def test_a_spanish_link_keeps_its_kinds():
    view, warnings = parse_view_params({"kinds": "bloqueo,enfrentamiento,blockade"}, FIRST, LAST, JAN9, ["Puno"], translator("es"))
    assert view.kinds == ("blockade", "clash") and warnings == []
    _, warnings = parse_view_params({"kinds": "bogus"}, FIRST, LAST, JAN9, ["Puno"], translator("es"))
    assert warnings == ["Tipo(s) desconocido(s) 'bogus': se ignoran; los tipos son bloqueo, protesta, "
                        "enfrentamiento, cierre, detencion, otro."]
