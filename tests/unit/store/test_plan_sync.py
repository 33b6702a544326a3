"""plan_sync, the planning core both editors share for imports that merge with the data."""
import pytest

from geo.core.model import ANYWHERE
from geo.store.changelog import plan_sync
from tests.conftest import make_event


def test_plan_sync_adds_edits_retracts_and_skips_unchanged():
    kept, edited, gone = make_event("e-1"), make_event("e-2"), make_event("e-3")
    current = {"e-1": kept, "e-2": edited, "e-3": gone}
    changed = make_event("e-2", place="Ilave")
    new = {k: v for k, v in make_event("x").items() if k != "id"}
    specs, problems = plan_sync([("e-1", kept, "same"), ("e-2", changed, "moved"), ("e-3", None, "gone"),
                                 (None, new, "new")], current, ANYWHERE, taken=set(current))
    assert problems == []
    assert [(s["action"], s["id"]) for s in specs] == [("edit", "e-2"), ("retract", "e-3"),
                                                      ("import", "2023-01-09-juliaca-blockade")]
    assert specs[0]["after"]["properties"]["place"] == "Ilave"


def test_plan_sync_refuses_a_row_with_neither_id_nor_feature():
    with pytest.raises(ValueError, match=r"wanted #2 has neither an id nor a feature"):
        plan_sync([("e-1", None, "gone"), (None, None, "nothing")], {"e-1": make_event("e-1")}, ANYWHERE, set())
