"""The change log's automatic undo reason is read back so pages say it in the reader's language."""
from __future__ import annotations

from geo.store.changelog import read_undo_reason, undo_reason


def test_the_automatic_reason_round_trips_and_an_editors_words_do_not():
    written = undo_reason({"seq": 3, "action": "retract"})
    assert written == "undo change 3 (retract)"  # the file keeps English, as before
    assert read_undo_reason(written) == (3, "retract")
    assert undo_reason({"seq": 3, "action": "retract"}, "wrong place") == "wrong place"
    assert read_undo_reason("undo change 3 because I said so") is None and read_undo_reason("") is None
