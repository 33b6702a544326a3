"""What a new user reads agrees with what the product does (issue 22): the upload limit, the port,
the import columns, the contract kept in the project."""
from __future__ import annotations

import re
import tomllib

from geo.intake.readers import MAX_IMPORT_BYTES
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_uploader_limit_is_the_readmes():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    limit_mb = MAX_IMPORT_BYTES // 2**20
    assert config["server"]["maxUploadSize"] == limit_mb == 20
    assert f"| an import file | {limit_mb} MB" in README


def test_readme_says_how_to_change_the_port_and_what_an_import_csv_needs():
    assert "make run PORT=8502" in README
    assert "`kind, start, place, region, lon, lat, geo_precision`" in README


def test_the_contract_is_in_the_project_and_the_readme_points_at_it():
    contract = ROOT / "docs" / "CONTRACT.md"
    assert contract.is_file()
    assert "../shared/CONTRACT.md" not in README
    assert "[docs/CONTRACT.md](docs/CONTRACT.md)" in README
    text = contract.read_text(encoding="utf-8")
    for behaviour in ("--format png\\|pdf\\|svg\\|html", "share/YYYY-MM-DD.html", "kinds=bloqueo,enfrentamiento",
                      "gazetteer/water.csv"):
        assert behaviour in text, behaviour
    named = set(re.findall(r"`blockade-map ([a-z-]+)", text))
    assert {"validate", "day", "corridors", "snapshot", "export", "route", "import", "publish"} <= named


def test_every_field_of_an_extracted_candidate_is_in_the_contract():
    from geo.intake.extract import extract
    from geo.intake.extract.reader import _EVENT_FIELDS
    text = (ROOT / "docs" / "CONTRACT.md").read_text(encoding="utf-8")
    report = ("Ayaviri, 16 de febrero de 2023. Ayer, en Ayaviri, comuneros bloquearon la carretera y tres "
              "manifestantes resultaron heridos.\n\nEl 20 de enero, en la misma ciudad, murieron dos personas.\n\n"
              "La Defensoría del Pueblo reportó 48 puntos de bloqueo a nivel nacional.")
    out = extract(report, "2023-02-16")
    fields = {k for e in out["events"] for k in e} | {k for c in out["counts"] for k in c} | set(_EVENT_FIELDS)
    assert {"counts_to_check", "notes", "evidence_spans"} <= fields  # the report exercises them
    named = {word for span in re.findall(r"`([^`]+)`", text) for word in re.findall(r"[a-z_]+", span)}
    assert sorted(fields - named) == []
