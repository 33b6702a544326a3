"""Import events from a GeoJSON or CSV file: every problem is shown before anything is written,
and the file goes in whole or not at all."""
import hashlib

import pandas as pd
import streamlit as st

from geo.intake.plan import plan_import
from ui import editing as ui
from ui.data import get_dataset
from geo.core.escape import escape_markdown
from ui.navigation import require_app

require_app()

st.title("Import events")
ds = get_dataset()
session = ui.editing_session(ds)  # None: read-only, the bundled data, or not logged in yet
if session is None:
    st.stop()
editor, who = session
st.markdown("""
Accepted: **GeoJSON** in the data contract's form; **CSV** with the export's columns (`id, kind, start,
end, place, region, road, km, fatalities, injured, detained, geo_precision, time_precision, status,
description, lon, lat, source_1_name, source_1_url, source_1_published, …`); **ACLED CSV** (`event_date,
event_type, sub_event_type, location, admin1, latitude, longitude, fatalities, source, notes`; each row
needs a link to its report in `source` or `notes`).
""")
upload = st.file_uploader("File to import", type=["geojson", "json", "csv"], key="import-file")
if upload is None:
    st.stop()
data = upload.getvalue()
fingerprint = (upload.name, hashlib.sha256(data).hexdigest())
done = st.session_state.get("import-done")
if done and done["file"] == fingerprint:
    st.success(escape_markdown(f"Imported {done['count']} events from {upload.name} (change log #{done['first']}"
                        f"–#{done['last']}). Undo them from the change log on the Edit page if needed."))
    st.stop()

snapshot = editor.read()
plan = plan_import(data, upload.name, snapshot.collection, editor.logged_ids() - set(snapshot.ids),
                   scope=editor.scope)
st.caption(f"Read as {plan.flavor}: {len(plan.items)} rows or features.")
if plan.problems:
    ui.show_problems(plan.problems, f"{plan.failure_summary()}: nothing will be imported. Fix the file and "
                                    "upload it again; the data is unchanged.")
    st.stop()
if plan.already:
    st.info(f"{len(plan.already)} of {len(plan.items)} {plan.unit} are already in the data (the same events): "
            "they are left out.")

skip = set()
if plan.duplicates:
    st.warning(f"{len(plan.duplicates)} probable duplicate(s) of events already in the data (same kind, "
               "within 1 km, overlapping dates). Tick the ones to import anyway; the rest are left out.")
    for i, d in enumerate(plan.duplicates):
        keep = st.checkbox(escape_markdown(f"Import {d.label} anyway"), key=f"import-dup-{i}-{d.label}")
        st.text(f"  new: {d.new_summary}\n  existing {d.existing_id}: {d.existing_summary} "
                f"({d.distance_m:.0f} m apart)")
        if not keep:
            skip.add(d.label)
features = plan.features(skip)
preview = [{"Row or feature": item.label, "Kind": item.feature["properties"].get("kind"),
            "Start": item.feature["properties"].get("start"), "Place": item.feature["properties"].get("place"),
            "Region": item.feature["properties"].get("region")} for item in plan.chosen(skip)]
st.dataframe(pd.DataFrame(preview), hide_index=True, width="stretch")
reason = st.text_input("Note for the change log", value=f"import of {upload.name}", key="import-reason")
if st.button(f"Import {len(features)} events", type="primary", disabled=not features, key="import-go"):
    try:
        change = editor.add_many(features, who, reason, action="import",
                                 check=plan.recheck(skip, set(snapshot.ids)))
    except ui.SAVE_ERRORS as exc:
        ui.report_failure(exc)
    else:
        if change.entries:
            st.session_state["import-done"] = {"file": fingerprint, "count": len(change.entries),
                                               "first": change.entries[0]["seq"], "last": change.entries[-1]["seq"]}
            st.rerun()
        st.info("Nothing imported: every row is already in the data (someone imported it meanwhile).")
