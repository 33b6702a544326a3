"""bench/load.py: its figures, its reading of Streamlit's messages, and one real reader against a real server."""
from __future__ import annotations

import asyncio
import concurrent.futures

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.load import (
    CpuMeter,
    Reader,
    Step,
    percentile,
    pool,
    public,
    read_run,
    rerun_message,
    run_phase,
    start_days,
    summarise,
    verdict,
)
from tests.conftest import BUNDLED

NEXT_ID = "$$ID-c30dd6ba829cfa4688f7bb52edb3575d-next_day"
PREV_ID = "$$ID-8d35a48cde33964bf7089a37a9984adf-prev_day"


def test_percentile_interpolates_between_ranks():
    assert percentile([], 95) is None
    assert percentile([7.0], 95) == 7.0
    assert percentile([40, 10, 30, 20], 50) == 25.0
    assert percentile(list(range(1, 101)), 95) == pytest.approx(95.05)
    assert percentile(list(range(1, 101)), 100) == 100


def test_summarise_counts_errors_apart_from_step_times():
    steps = [Step(6.0, ms, True, bytes=20_000) for ms in (100, 200, 300, 400)]
    steps += [Step(7.0, 0.0, False, error="timeout"), Step(8.0, 0.0, False, error="title 'x', expected 2023-01-06")]
    out = summarise(steps, window_s=2.0)
    assert (out["steps"], out["errors"], out["steps_per_s"]) == (4, 2, 2.0)
    assert (out["p50_ms"], out["p95_ms"], out["max_ms"]) == (250.0, 385.0, 400.0)
    assert out["kb_per_step"] == 20.0
    assert out["error_kinds"] == ["timeout", "title 'x', expected 2023-01-06"]
    assert summarise([], 1.0)["p95_ms"] is None


def _phase(readers, p95, steps_per_s, errors=0):
    return {"readers": readers, "p95_ms": p95, "steps_per_s": steps_per_s, "errors": errors}


def test_verdict_holds_within_the_tolerance_only():
    assert verdict(_phase(4, 200.0, 5.0), _phase(8, 219.0, 10.0), 0.10)[0] is True
    ok, text = verdict(_phase(4, 200.0, 5.0), _phase(8, 221.0, 9.9), 0.10)
    assert ok is False and "1.10x" in text and "8 readers" in text
    assert verdict(_phase(4, 200.0, 5.0), _phase(8, 150.0, 10.0, errors=1), 0.10)[0] is False
    assert verdict(_phase(4, None, 0.0), _phase(8, 150.0, 10.0), 0.10)[0] is False


def _element(path, fill, cacheable=False, digest="") -> ForwardMsg:
    msg = ForwardMsg()
    msg.metadata.delta_path.extend(path)
    msg.metadata.cacheable = cacheable
    msg.hash = digest
    fill(msg.delta.new_element)
    return msg


def _button(widget_id, label, disabled):
    def fill(element):
        element.button.id, element.button.label, element.button.disabled = widget_id, label, disabled
    return fill


def _heading(body):
    def fill(element):
        element.heading.body = body
    return fill


def recorded_run() -> list[ForwardMsg]:
    """The messages of the map page's run, trimmed to the kinds a reader reads (as recorded from
    ``streamlit run app.py`` on the bundled data)."""
    new_session = ForwardMsg()
    new_session.new_session.page_script_hash = "3011191491f79951a30d0b39b58c0209"
    nav = ForwardMsg()
    nav.navigation.page_script_hash = "9d1f6a0c2b7e4e1f8a3c5d7e9f0a1b2c"
    page = ForwardMsg()
    page.page_info_changed.query_string = "date=2023-01-31&mode=day"
    big = _element([0, 2, 0, 0], lambda e: setattr(e.component_instance, "json_args", "{}"), True, "4a23c792aa")
    finished = ForwardMsg()
    finished.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    return [new_session, nav,
            _element([1, 0], _heading("Sidebar heading 2022-12-01")),  # a sidebar heading is not the title
            _element([1, 2, 0, 0], _button(PREV_ID, "Prev", False)),
            _element([1, 2, 1, 0], _button(NEXT_ID, "Next", True)),
            page, _element([0, 0], _heading("Blockades and protests on 2023-01-31")),
            _element([0, 3], _heading("What happened, and who reported it")), big, finished]


def test_read_run_finds_the_buttons_title_address_and_cacheable_hashes():
    facts = read_run(recorded_run())
    assert (facts.next_id, facts.next_disabled) == (NEXT_ID, True)
    assert (facts.prev_id, facts.prev_disabled) == (PREV_ID, False)
    assert facts.title == "Blockades and protests on 2023-01-31" and facts.day == "2023-01-31"
    assert facts.query_string == "date=2023-01-31&mode=day"
    assert facts.page_hash == "9d1f6a0c2b7e4e1f8a3c5d7e9f0a1b2c"  # the page's, not the main script's
    assert facts.cacheable == ["4a23c792aa"]
    assert (facts.finished, facts.status, facts.exceptions) == (True, 0, [])


def test_read_run_reports_exceptions_and_unfinished_runs():
    def boom(element):
        element.exception.type, element.exception.message = "DataError", "events.geojson: bad"
    facts = read_run([_element([0, 0], boom)])
    assert facts.exceptions == ["DataError: events.geojson: bad"]
    assert facts.finished is False and facts.day is None and facts.next_id is None


def test_rerun_message_is_a_click_as_the_browser_sends_it():
    payload = rerun_message("date=2023-01-05&mode=day", "9d1f", click=NEXT_ID, cached={"b2", "a1"},
                            url="http://127.0.0.1:1/?date=2023-01-05&mode=day")
    msg = BackMsg()
    msg.ParseFromString(payload)
    state = msg.rerun_script
    assert msg.WhichOneof("type") == "rerun_script"
    assert (state.query_string, state.page_script_hash) == ("date=2023-01-05&mode=day", "9d1f")
    assert [(w.id, w.WhichOneof("value"), w.trigger_value) for w in state.widget_states.widgets] == [
        (NEXT_ID, "trigger_value", True)]
    assert list(state.cached_message_hashes) == ["a1", "b2"]
    assert (state.context_info.locale, state.context_info.timezone) == ("en-US", "America/Lima")
    first = BackMsg()
    first.ParseFromString(rerun_message("date=2023-01-05"))
    assert len(first.rerun_script.widget_states.widgets) == 0 and first.rerun_script.page_script_hash == ""


def test_start_days_spread_readers_over_the_data():
    assert start_days("2022-12-07", "2023-01-31", 2) == ["2022-12-21", "2023-01-18"]
    days = start_days("2022-12-07", "2023-01-31", 8)
    assert len(set(days)) == 8 and days == sorted(days)
    assert "2022-12-07" <= days[0] and days[-1] <= "2023-01-31"


def test_cpu_share_is_per_core_and_other_is_the_rest_of_the_machine(monkeypatch):
    monkeypatch.setattr("bench.load.CLOCK_TICKS", 100)
    before = {"t": 0.0, "load": 0, "apps": [0, 0], "postgres": 0, "busy": 0, "total": 0}
    after = {"t": 10.0, "load": 50, "apps": [600, 300], "postgres": 100, "busy": 1500, "total": 2000}
    share = CpuMeter.share(before, after)
    assert share == {"load_generator": 5.0, "apps": [60.0, 30.0], "postgres": 10.0, "other": 45.0, "machine": 150.0}


def test_pool_joins_rounds_and_averages_their_cpu():
    def round_(ms_values, app, cpu):
        steps = [Step(5.0, ms, True, app=app) for ms in ms_values]
        return {"apps": 2, "readers": 4, "window_s": 10.0, "p95_ms": max(ms_values), "_steps": steps,
                "_opens": [1000.0], "_cpu": cpu}
    cpu_a = {"load_generator": 2.0, "apps": [30.0, 10.0], "postgres": 0.0, "other": 80.0, "machine": 122.0}
    cpu_b = {"load_generator": 4.0, "apps": [50.0, 30.0], "postgres": 1.0, "other": 20.0, "machine": 105.0}
    pooled = pool([round_([100.0] * 10, 0, cpu_a), round_([300.0] * 10, 1, cpu_b)])
    assert (pooled["steps"], pooled["window_s"], pooled["steps_per_s"]) == (20, 20.0, 1.0)
    assert (pooled["p50_ms"], pooled["max_ms"], pooled["rounds_p95_ms"]) == (200.0, 300.0, [100.0, 300.0])
    assert [a["steps"] for a in pooled["per_app"]] == [10, 10]
    assert pooled["cpu_pct_of_one_core"] == {"load_generator": 3.0, "postgres": 0.5, "other": 50.0,
                                             "machine": 113.5, "apps": [40.0, 20.0]}
    assert pooled["app_cpu_ms_per_step"] == 600.0  # 60 % of a core over 20 s, for 20 steps
    assert not [k for k in public({**pooled, "_steps": []}) if k.startswith("_")]


def run_apart(coroutine):
    """Run ``coroutine`` to its end in a thread of its own: a browser test run earlier in this
    process (Playwright's sync API) leaves an event loop on the main thread, where ``asyncio.run``
    refuses to start."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout=120)


@pytest.mark.slow
def test_one_reader_steps_two_days_on_a_real_server(serve_app):
    """A reader against ``streamlit run app.py`` on the bundled folder: each click shows the next day."""
    url = serve_app(BUNDLED)

    async def walk():
        reader = Reader(url, 0, "2023-01-05")
        try:
            open_ms, _ = await reader.open()
            days = [reader.facts.day]
            for _ in range(2):
                await reader.step()
                days.append(reader.facts.day)
            return days, reader.query, reader.cached
        finally:
            await reader.close()

    days, query, cached = run_apart(walk())
    assert days == ["2023-01-05", "2023-01-06", "2023-01-07"]
    assert query == "date=2023-01-07&mode=day"
    assert cached  # the map's element is large enough for the browser to keep

    result = run_apart(run_phase([url], 1, ("2023-01-30", "2023-01-31"), think=(0.05, 0.05), warmup_s=0,
                                   duration_s=15, max_steps=2))
    # The one reader starts on the data's last day, where Next is disabled: it walks back with Prev.
    assert (result["steps"], result["errors"]) == (2, 0)
    assert 0 < result["p50_ms"] <= result["max_ms"] < 15_000
