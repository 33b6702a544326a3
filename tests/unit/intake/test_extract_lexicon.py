"""The dataset's lexicon (issue 20 item 4): the words of a country (bodies, the police, outlets,
road names and codes) come from the data folder's lexicon.json, so a second data folder brings
its own; no Peruvian word is left in the extractor's code."""
from __future__ import annotations

import ast
import json
import os
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.core.model import DataError
from geo.intake.extract import extract
from geo.intake.extract.dataset_lexicon import default_lexicon, lexicon_for
from geo.intake.extract.places import find_roads
from geo.intake.extract.text import Sentence
from geo.places.gazetteer import default_gazetteer

PACKAGE = Path(__file__).resolve().parents[3] / "geo" / "intake" / "extract"
BOLIVIA = {
    "about": "Bolivia's words, for a test",
    "reporters": [{"name": "ABC", "official": True,
                   "phrases": ["abc", "administradora boliviana de carreteras"]},
                  {"name": "Policía Boliviana", "police": True, "phrases": ["policia boliviana", "la policia"]}],
    "bodies": ["felcc"],
    "outlets": ["los tiempos", "el deber"],
    "road_code_prefix": "RN",
    "named_roads": ["carretera al oriente", "carretera antigua"],
    "not_places": ["bolivia", "peru"],
    "people": ["bolivianos"],
}
REPORT = ("Santa Cruz, 10 de enero de 2023. La Administradora Boliviana de Carreteras informó este martes "
          "que hay 40 puntos de bloqueo en el país.")


@pytest.fixture
def bolivia(tmp_path) -> Path:
    folder = tmp_path / "bolivia"
    folder.mkdir()
    (folder / "lexicon.json").write_text(json.dumps(BOLIVIA, ensure_ascii=False), encoding="utf-8")
    return folder


def test_a_second_data_folder_brings_its_own_reporters(bolivia):
    ours = extract(REPORT, "2023-01-10", lexicon=lexicon_for(bolivia))
    assert [(c["metric"], c["value"], c["reporter"]) for c in ours["counts"]] == [("blockade_points", 40, "ABC")]
    peru = extract(REPORT, "2023-01-10")   # the bundled lexicon does not know the ABC
    assert [c["reporter"] for c in peru["counts"]] != ["ABC"]
    assert lexicon_for(bolivia).official == {"ABC"} and lexicon_for(bolivia).police == {"Policía Boliviana"}


def test_route_codes_and_road_names_are_the_datasets():
    s = Sentence("Cortaron la RN-4 y la carretera al oriente; la PE-3S sigue libre.", 0, 0)
    bolivian = load_lexicon_from(BOLIVIA)
    assert [r.road for r in find_roads(s, default_gazetteer(), lexicon=bolivian)] == ["RN-4", "carretera al oriente"]
    peru = [r.road for r in find_roads(s, default_gazetteer(), lexicon=default_lexicon())]
    assert peru == ["PE-3S"]


def load_lexicon_from(doc: dict):
    from geo.intake.extract.dataset_lexicon import parse_lexicon
    return parse_lexicon(doc, "test")


def test_the_command_line_reads_the_data_folders_lexicon(bolivia, capsys):
    report = bolivia / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    assert main(["extract", str(report), "--published", "2023-01-10", "--json", "--data", str(bolivia)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(c["value"], c["reporter"]) for c in out["counts"]] == [(40, "ABC")]


@pytest.mark.parametrize("doc, message", [
    ([], "must hold a JSON object"),
    ({"reporters": [{"name": "X", "phrases": []}]}, "reporters[0].phrases: must not be empty"),
    ({"reporters": [{"name": "X", "phrases": ["x"], "official": "yes"}]}, "reporters[0].official: must be true or false"),
    ({"outlets": ["ok", ""]}, "outlets[1]: a phrase of 1 to 120 characters"),
    ({"road_code_prefix": "(a+)+"}, "road_code_prefix: one to four letters"),
    ({"roads": []}, "unknown field 'roads'"),
])
def test_a_bad_lexicon_is_refused_naming_its_field(bolivia, capsys, doc, message):
    (bolivia / "lexicon.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataError, match=__import__("re").escape(message)):
        lexicon_for(bolivia)
    report = bolivia / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    assert main(["extract", str(report), "--published", "2023-01-10", "--data", str(bolivia)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and "lexicon.json" in err[0]


def test_a_lexicon_that_is_a_link_is_not_read(bolivia, tmp_path):
    target = tmp_path / "elsewhere.json"
    target.write_text(json.dumps(BOLIVIA), encoding="utf-8")
    (bolivia / "lexicon.json").unlink()
    os.symlink(target, bolivia / "lexicon.json")
    with pytest.raises(DataError, match="is a symbolic link"):
        lexicon_for(bolivia)


def test_a_phrase_is_matched_as_words_never_as_a_pattern():
    lex = load_lexicon_from({"reporters": [{"name": "Dots", "phrases": ["a.b (c)"]}]})
    (pattern, name), = lex.reporters
    assert pattern.search("segun a.b (c) hubo") and not pattern.search("segun axb (c) hubo")


PERUVIAN = ("sutran", "defensoria del pueblo", "policia nacional", "pnp", "panamericana", "interoceanica",
            "peru", "minsa", "mininter", "corpac", "indeci", "la republica", "rpp", "ronderos", "peruanos")


def test_no_peruvian_word_is_left_in_the_extractors_code():
    """String constants of the package's code (docstrings and comments aside) name no Peruvian
    body, road, outlet, people or the country itself."""
    from geo.core.text import fold
    found = []
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                      and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                words = " " + " ".join(__import__("re").findall(r"[a-z]+", fold(node.value))) + " "
                found += [(path.name, w) for w in PERUVIAN if f" {w} " in words]
    assert found == []
