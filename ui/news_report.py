"""Streamlit glue for the "From a news report" page: paste a report, review the candidates the
extractor proposes, edit, accept or reject each.

Accepted events go through the Add form's path (geo.intake.forms.feature_from_form, the duplicate
check, geo.store.editor.Editor with its change log), with the report as their source. Accepted
counts go to reported_counts.csv through geo.store.counts.append_counts. The report is untrusted text: it is
shown escaped (geo.core.escape.escape_html) with the evidence sentences marked, or with st.text / st.dataframe.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.core.dataset import Dataset
from geo.core.escape import escape_html, escape_markdown
from geo.core.model import METRICS, DataError, is_http_url
from geo.core.words import COUNT_FORMS, kind_name, metric_name
from geo.intake.duplicates import event_summary, find_duplicates
from geo.intake.extract import MAX_REPORT_CHARS, ReportRefused, extract
from geo.intake.extract.against import compare_with_store
from geo.intake.extract.dataset_lexicon import lexicon_for
from geo.intake.forms import feature_from_form
from geo.intake.readers import Item
from geo.places.gazetteer import gazetteer_for
from geo.render.maps import base_map
from geo.render.style import KIND_COLORS
from geo.store import store_for
from geo.store.counts import append_counts
from ui import editing as ui
from ui import i18n
from ui.i18n import _

STATE = "nr-result"
_MARK = ("background:#ffe08a;padding:0 2px;border-radius:2px")


# ---------------------------------------------------------------- reading the report

def report_form(ds: Dataset) -> None:
    """The report, its date and its outlet; reading it stores the candidates in the session."""
    with st.form("nr-form"):
        text = st.text_area(_("The report (plain text, Spanish or English)"), key="nr-text", height=220,
                            max_chars=MAX_REPORT_CHARS)
        st.caption(_("At most {n} characters: paste one article at a time.").format(n=i18n.number(MAX_REPORT_CHARS)))
        a, b, c = st.columns([1, 2, 3])
        published = i18n.date_input(a, _("Published"), key="nr-published", value=None)
        outlet = b.text_input(_("Outlet (publisher)"), key="nr-outlet")
        url = c.text_input(_("Link to the report (http/https)"), key="nr-url")
        submitted = st.form_submit_button(_("Read the report"), type="primary")
    if not submitted:
        return
    problems = []
    if not text.strip():
        problems.append(_("Paste the report's text."))
    if not isinstance(published, date):
        problems.append(_("Give the day the report was published: 'ayer' and 'el viernes' count from it."))
    if not outlet.strip():
        problems.append(_("Name the outlet: it is the source of every event you accept."))
    if not is_http_url(url):
        problems.append(_("Give the report's link (http or https): it is the source of every event you accept."))
    if problems or not isinstance(published, date):  # (a missing date is among the problems)
        for p in problems:
            st.error(p)
        return
    try:
        result = extract(text, published, gazetteer=gazetteer_for(ds), corridors=ds.corridors,
                         lexicon=lexicon_for(ds))
    except DataError as exc:
        st.error(escape_markdown(_("The data folder's lexicon cannot be read: {reason}").format(reason=str(exc))))
        return
    except ReportRefused as exc:
        st.error(escape_markdown(_("This report is not read: {reason}").format(reason=str(exc))))
        return
    result["events"] = compare_with_store(result["events"], store_for(ds).editor().read().collection.get("features", []))
    st.session_state[STATE] = {
        "text": text, "result": result, "decisions": {}, "count_decisions": {},
        "source": {"name": outlet.strip(), "url": url.strip(), "published": published},
    }
    for key in [k for k in st.session_state if str(k).startswith("nr-c")]:
        del st.session_state[key]


# ---------------------------------------------------------------- showing the candidates

def highlighted(text: str, spans: list[tuple[int, int, str]], css: str = "nr-evidence") -> str:
    """The report as HTML, escaped, with each evidence span marked and labelled (e.g. "1")."""
    labels: dict[tuple[int, int], list[str]] = {}
    for a, b, label in spans:
        labels.setdefault((a, b), []).append(label)
    marks = sorted((a, b, ", ".join(names)) for (a, b), names in labels.items())
    out, pos = [], 0
    for a, b, label in marks:
        if a < pos:
            continue
        out.append(escape_html(text[pos:a]))
        title = escape_html(_("candidate {label}").format(label=label))
        out.append(f'<mark style="{_MARK}" title="{title}">'
                   f'<b>[{escape_html(label)}]</b> '
                   f"{escape_html(text[a:b])}</mark>")
        pos = b
    out.append(escape_html(text[pos:]))
    body = "".join(out).replace("\n", "<br>")
    return f'<div class="nr-report {css}" style="line-height:1.6;font-size:0.95rem">{body}</div>'


def candidates_map(ds: Dataset, events: list[dict], decisions: dict) -> folium.Map:
    """The candidates with a point, numbered, coloured by kind, on the dataset's base map."""
    pts = [(i, e) for i, e in enumerate(events, 1) if e.get("lon") is not None]
    frame = None
    if pts:
        frame = [[min(e["lat"] for _, e in pts) - 0.2, min(e["lon"] for _, e in pts) - 0.2],
                 [max(e["lat"] for _, e in pts) + 0.2, max(e["lon"] for _, e in pts) + 0.2]]
    m = base_map(ds, frame=frame, legend=False, t=i18n.translator())
    for i, e in pts:
        state = decisions.get(str(i), "")
        folium.CircleMarker(
            (e["lat"], e["lon"]), radius=9, color="#222", weight=2 if not state else 1,
            fill_color=KIND_COLORS.get(e["kind"], "#888"), fill_opacity=0.35 if state == "rejected" else 0.9,
            tooltip=folium.Tooltip(escape_html(f"{i}. " + _("{kind} at {place}").format(
                kind=kind_name(e["kind"], i18n.translator()), place=e["place"])), permanent=True),
            class_name="nr-candidate",
        ).add_to(m)
    return m


def note_text(note: dict, e: dict) -> str:
    """A candidate's note in the reader's language (plain text: escape it where markdown renders).

    The extractor's notes carry a ``code`` for programs and an English ``text``; a known code is
    said again here through the catalogue, an unknown one shows its text."""
    if note.get("code") == "place_not_in_gazetteer":
        if e.get("geo_precision") == 3:
            text = _("{place} is not in the gazetteer: only its region is known, so the point stands at the "
                     "capital of {region} (location precision 3). Place it on the map before accepting.").format(
                place=e["place"], region=e["region"])
        else:
            text = _("{place} is not in the gazetteer: the point is the kilometre post's. Check it on the map "
                     "before accepting.").format(place=e["place"])
        if note.get("beside"):
            text += " " + _("The sentence also names {places}.").format(places=note["beside"])
        return text
    if note.get("code") == "counts_to_check":
        return counts_note_text(note, e)
    return str(note.get("text", ""))


def counts_note_text(note: dict, e: dict) -> str:
    """The note on a candidate whose figures the Add form leaves out until the editor checks them."""
    t = i18n.translator()
    said = ", ".join(t.pair(COUNT_FORMS[k], int(e[k])) for k in ("fatalities", "injured", "detained")
                     if e.get(k) is not None)
    checks = {"scope": _("that they are this place's, not its region's or the country's"),
              "date": _("their day (the sentence gives none of its own)"),
              "interim": _("that they are final (the report calls them provisional)")}
    what = "; ".join(checks[w] for w in str(note.get("what", "")).split(",") if w in checks)
    return _("The report gives {figures}. Check {what} before typing them in: the form starts without them.").format(
        figures=said, what=what)


def _status(decision: str | None) -> str:
    if not decision:
        return _("to review")
    if decision == "rejected":
        return _("rejected")
    if decision.startswith("updated:"):
        return _("applied to {id}").format(id=decision.split(":", 1)[1])
    return _("added as {id}").format(id=decision.split(":", 1)[1])


def candidates_table(events: list[dict], decisions: dict) -> pd.DataFrame:
    """One row per candidate event (text columns only: shown by st.dataframe, never as markup)."""
    t = i18n.translator()
    rows = []
    for i, e in enumerate(events, 1):
        tally = ", ".join(t.pair(COUNT_FORMS[k], int(e[k])) for k in ("fatalities", "injured", "detained")
                          if e.get(k) is not None)
        rows.append({"#": i, _("Kind"): kind_name(e["kind"], t), _("Place"): e["place"], _("Region"): e["region"],
                     _("Dates"): i18n.table_days(e["start"], e.get("end")),
                     _("Counts"): tally,
                     _("Road / km"): " ".join(str(x) for x in (e.get("road"), e.get("km")) if x is not None),
                     _("Location precision"): e.get("geo_precision"), _("Status"): _status(decisions.get(str(i))),
                     _("Note"): " ".join(note_text(n, e) for n in e.get("notes", [])),
                     _("Evidence"): e["evidence"]})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- accepting

def form_defaults(e: dict, source: dict, official: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The Add form's starting values for a candidate, the report as its source; ``official``
    holds the dataset's official reporters (their events start as confirmed). Figures marked
    ``counts_to_check`` start at 0: the editor types them once their scope and date are checked."""
    day = lambda v: date.fromisoformat(v) if v else None  # noqa: E731
    # Figures whose scope or date the extractor is not sure of are not taken as they are (see the note).
    unsure = bool(e.get("counts_to_check"))
    return {
        "kind": e["kind"], "start": day(e["start"]), "end": day(e.get("end")), "place": e["place"],
        "region": e["region"], "road": e.get("road") or "", "km": e.get("km"),
        "fatalities": 0 if unsure else e.get("fatalities", 0), "injured": 0 if unsure else e.get("injured", 0),
        "detained": 0 if unsure else e.get("detained", 0),
        "geo_precision": e.get("geo_precision") or 3, "time_precision": e.get("time_precision", 1),
        "status": "confirmed" if e.get("reporter") in official else "reported", "description": "",
        "lon": e.get("lon"), "lat": e.get("lat"), "sources": [dict(source)],
    }


def review_event(ds: Dataset, who: str, i: int, e: dict, state: dict) -> None:
    """One candidate: its evidence, the editable form, Accept and Reject."""
    key = str(i)
    decision = state["decisions"].get(key)
    title = f"{i}. " + _("{kind} at {place} ({region}), {day}").format(
        kind=kind_name(e["kind"], i18n.translator()), place=e["place"], region=e["region"], day=_day(e["start"])) + \
        f" · {_status(decision)}"
    with st.expander(title, expanded=decision is None):
        st.html(highlighted(e["evidence"], [(0, len(e["evidence"]), key)]))
        for note in e.get("notes", []):
            st.warning(escape_markdown(note_text(note, e)))
        if e.get("site"):
            st.caption(_("Placed at the site:") + " " + escape_markdown(e["site"]))
        if decision is not None:
            st.caption(escape_markdown(_("This candidate is {status}.").format(status=_status(decision))))
            return
        prefix = f"nr-c{i}"
        existing = e.get("existing") or {}
        if existing.get("status") == "update":
            _offer_update(ds, who, i, e, existing, state)
        elif existing.get("status") == "duplicate":
            st.warning(escape_markdown(_("Possibly the same as {id} already in the data: {summary}").format(
                id=existing["id"], summary=stored_summary(ds, existing["id"], existing["summary"]))))
        dup_ok = st.checkbox(_("Add it even if it looks like an event already in the data"), key=f"{prefix}-dup-ok")
        if st.button(_("Reject this candidate"), key=f"{prefix}-reject"):
            state["decisions"][key] = "rejected"
            st.rerun()
        editor = store_for(ds).editor()
        submitted = ui.event_form(prefix, form_defaults(e, state["source"], lexicon_for(ds).official), _("Accept this event"),
                                  ui.region_choices(ds))
        if not submitted:
            return
        values, sources, reason = submitted
        feature, problems = feature_from_form(values, sources, scope=editor.scope)
        if problems:
            ui.show_problems(problems, _("Not saved yet: please fix these fields."))
            return
        duplicates = find_duplicates([Item(f"candidate {i}", feature)], editor.read().collection["features"])
        if existing.get("status") in ("update", "duplicate") and not dup_ok:
            st.warning(_("This candidate matches {id} already in the data: apply it as an update above, tick the "
                         "box to add it as a new event anyway, or reject it.").format(id=existing["id"]))
            return
        if duplicates and not dup_ok:
            st.warning(_("This looks like an event already in the data; tick the box above to add it anyway, "
                         "or reject the candidate."))
            for d in duplicates:
                st.text(_("existing {id}: {summary} ({metres} m apart)").format(
                    id=d.existing_id, summary=stored_summary(ds, d.existing_id, d.existing_summary),
                    metres=i18n.number(round(d.distance_m))))
            return
        note = reason or _("from a news report: {outlet} {url}").format(outlet=state["source"]["name"],
                                                                         url=state["source"]["url"])
        try:
            change = editor.add(feature, who, note)
        except ui.SAVE_ERRORS as exc:
            ui.report_failure(exc)
            return
        state["decisions"][key] = f"accepted:{change.ids[0]}"
        st.session_state["nr-added"] = {"id": change.ids[0], "start": feature["properties"]["start"]}
        st.rerun()


def _day(value: Any) -> str:
    """A day as the reader writes it (``9 de enero de 2023``; ISO in English); as given when it is none."""
    try:
        return i18n.span_day(value)
    except (TypeError, ValueError):
        return str(value)


def stored_summary(ds: Dataset, event_id: str, fallback: str) -> str:
    """The stored event ``event_id`` in a line, in the reader's language and words (the reader of
    the report writes its summary in English, for the command line); ``fallback`` when it is gone."""
    feature = store_for(ds).editor().read().event(event_id)
    return event_summary(feature, i18n.translator()) if feature else fallback


def update_text(ds: Dataset, existing: dict) -> str:
    """An update of a stored event in the reader's language: "17 → 18 dead at Juliaca, 2023-01-09"."""
    t = i18n.translator()
    said = ", ".join(f"{old} → {t.pair(COUNT_FORMS[k], int(new))}" for k, (old, new) in existing["changes"].items())
    return _("{changes} ({id}: {summary})").format(changes=said, id=existing["id"],
                                                   summary=stored_summary(ds, existing["id"], existing["summary"]))


def _offer_update(ds: Dataset, who: str, i: int, e: dict, existing: dict, state: dict) -> None:
    """A candidate that gives new counts for a stored event: say so, and apply them to it on request."""
    st.warning(escape_markdown(_("Update of an event already in the data: {text}").format(
        text=update_text(ds, existing))))
    confirmed = st.checkbox(_("I have checked that these figures are for {place} and for {day}, as the report "
                              "says").format(place=e.get("place") or existing["id"], day=_day(e["start"])),
                            key=f"nr-c{i}-update-confirmed")
    if not st.button(_("Apply the update to {id}").format(id=existing["id"]), key=f"nr-c{i}-update"):
        return
    if not confirmed:   # a figure is never taken before its place and day are checked (issue 20)
        st.warning(_("Check the figures' place and day in the report, and tick the box, before applying them."))
        return
    editor = store_for(ds).editor()
    current = editor.read().event(existing["id"])
    if current is None:
        st.error(_("{id} is no longer in the data.").format(id=existing["id"]))
        return
    source = dict(state["source"])
    if isinstance(source.get("published"), date):
        source["published"] = source["published"].isoformat()
    changes: dict[str, Any] = {k: new for k, (_old, new) in existing["changes"].items()}
    sources = list((current.get("properties") or {}).get("sources") or [])
    if not any(x.get("url") == source["url"] for x in sources if isinstance(x, dict)):
        changes["sources"] = sources + [source]
    reason = _("update from a news report: {outlet} {url}").format(outlet=source["name"], url=source["url"])
    try:
        editor.edit(existing["id"], changes, who, reason)
    except ui.SAVE_ERRORS as exc:
        ui.report_failure(exc)
        return
    state["decisions"][str(i)] = f"updated:{existing['id']}"
    st.rerun()


def review_counts(ds: Dataset, state: dict) -> None:
    """The national and regional figures: accept one into reported_counts.csv, or reject it."""
    counts = state["result"]["counts"]
    if not counts:
        st.caption(_("No national or regional figure found in this report."))
        return
    for i, c in enumerate(counts, 1):
        key = str(i)
        decision = state["count_decisions"].get(key)
        scope = c["region"] or _("national")
        t = i18n.translator()
        reporter = c["reporter"] or _("reporter not named")
        label = f"{_day(c['date'])} · {metric_name(c['metric'], t)} = {t.number(c['value'])} ({scope}; {reporter})"
        shown = {"accepted": _("accepted"), "rejected": _("rejected")}.get(decision or "", decision)
        with st.expander(_("Count {n}: {label}").format(n=i, label=label) + (f" · {shown}" if decision else ""),
                         expanded=decision is None):
            st.html(highlighted(c["evidence"], [(0, len(c["evidence"]), f"c{i}")]))
            if decision:
                st.caption(_("This count is added to reported_counts.csv.") if decision == "accepted"
                           else _("This count is rejected."))
                continue
            if c["metric"] not in METRICS:
                st.info(escape_markdown(_("{metric} has no column in reported_counts.csv (its metrics are "
                                          "{metrics}): note it in an event's description, or reject it.").format(
                    metric=c["metric"], metrics=", ".join(METRICS))))
            prefix = f"nr-count{i}"
            with st.form(f"{prefix}-form"):
                a, b, cc, d = st.columns(4)
                day = i18n.date_input(a, _("Date"), value=date.fromisoformat(c["date"]), key=f"{prefix}-date")
                metric = b.selectbox(_("Metric"), METRICS, key=f"{prefix}-metric",
                                     index=METRICS.index(c["metric"]) if c["metric"] in METRICS else None,
                                     format_func=lambda m, t=t: metric_name(m, t), placeholder=_("Choose the metric"))
                value = cc.number_input(_("Value"), min_value=0, step=1, value=int(c["value"]), key=f"{prefix}-value")
                reporter = d.text_input(_("Reporter"), value=c["reporter"] or state["source"]["name"],
                                        key=f"{prefix}-reporter")
                confirmed = st.checkbox(_("I have checked that this figure is for {scope} and for {day}, as the "
                                          "report says").format(scope=scope, day=_day(c["date"])),
                                        key=f"{prefix}-confirmed")
                accept = st.form_submit_button(_("Accept this count"))
            if st.button(_("Reject this count"), key=f"{prefix}-reject"):
                state["count_decisions"][key] = "rejected"
                st.rerun()
            if accept and not confirmed:
                st.warning(_("Check the figure's scope and date in the report, and tick the box, before accepting it."))
            elif accept:
                row = {"date": day.isoformat() if isinstance(day, date) else "", "metric": metric or "",
                       "value": value, "reporter": reporter, "source_url": state["source"]["url"]}
                try:
                    append_counts(ds.source, [row])
                except ui.SAVE_ERRORS as exc:
                    ui.report_failure(exc)
                else:
                    state["count_decisions"][key] = "accepted"
                    st.rerun()


def page(ds: Dataset, who: str) -> None:
    """The whole page below the title (the login is checked by the caller)."""
    st.caption(_("Paste a report, say when and where it was published, then review what Blockade Map read "
                 "in it: each candidate event or count shows the sentence it came from. Nothing is saved until "
                 "you accept it."))
    report_form(ds)
    state = st.session_state.get(STATE)
    if not state:
        return
    added = st.session_state.get("nr-added")
    if added:
        st.success(escape_markdown(_("Added {id}: it is on the map for {day}.").format(id=added["id"], day=added["start"])))
        if st.button(_("Show it on the map"), key="nr-show-added"):
            ui.show_day_on_map(added["start"])
    result = state["result"]
    events = result["events"]
    src = state["source"]
    st.subheader(_("{events}, {counts}").format(
        events=i18n.plural("{n} candidate event", "{n} candidate events", len(events)),
        counts=i18n.plural("{n} count", "{n} counts", len(result["counts"]))))
    st.caption(escape_markdown(_("Source of everything accepted here: {name}, {url}, published {day}. "
                                 "Report read as {language}.").format(
        name=src["name"], url=src["url"], day=_day(src["published"]),
        language=i18n.translator().language_in(result["language"]))))
    if events:
        map_col, table_col = st.columns([2, 3])
        with map_col:
            st_folium(candidates_map(ds, events, state["decisions"]), key="nr-map", height=380,
                      use_container_width=True, returned_objects=[])
        with table_col:
            st.dataframe(candidates_table(events, state["decisions"]), hide_index=True, width="stretch")
    with st.expander(_("The report, with the sentences the candidates come from"), expanded=False):
        spans = [(a, b, str(i)) for i, e in enumerate(events, 1) for a, b in e["evidence_spans"]]
        spans += [(a, b, f"c{i}") for i, c in enumerate(result["counts"], 1) for a, b in c["evidence_spans"]]
        st.html(highlighted(state["text"], spans, "nr-full"))
    st.subheader(_("Events"))
    if not events:
        st.caption(_("No event with a place was found in this report."))
    for i, e in enumerate(events, 1):
        review_event(ds, who, i, e, state)
    st.subheader(_("National and regional counts"))
    review_counts(ds, state)
