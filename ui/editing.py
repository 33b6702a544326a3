"""Streamlit glue for the editing pages: the login gate, the event form, the place picker,
problem reports and the change log with undo buttons.

Texts that come from reports are shown with st.text / st.dataframe / st.code (never as
markdown or HTML), so a description holding markup is displayed, not interpreted.
"""
from __future__ import annotations

import json
import math
import re
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from functools import partial
from typing import Any

import folium
import pandas as pd
import streamlit as st

from geo.core.dataset import Dataset
from geo.core.escape import escape_markdown
from geo.core.i18n import N_
from geo.core.model import KINDS, STATUSES, DataError, Problem
from geo.core.view import View
from geo.core.words import kind_name, status_name
from geo.places.gazetteer import gazetteer_for
from geo.places.geocode import geocode, nearest_place, parse_km_post
from geo.render.maps import base_map
from geo.store import auth, store_for, tokens
from geo.store.changelog import read_undo_reason
from geo.store.editor import ConflictError, ReadOnlyDataError
from geo.store.protocol import StoreEditor
from ui import i18n, state
from ui.i18n import _
from ui.problems import entry_text, error_text, problem_text

EDITOR_KEY = "editor_name"
PRECISION = {"geo": {1: N_("1 · the site or town itself"), 2: N_("2 · near it, or part of a region"),
                     3: N_("3 · only the region is known")},
             "time": {1: N_("1 · the day is known"), 2: N_("2 · only the week"), 3: N_("3 · only the month")}}
SOURCE_ROWS = 3
#: What a gazetteer candidate is (sites.csv kinds), and what a change log entry did.
PLACE_KINDS = {"town": N_("town"), "road": N_("road"), "airport": N_("airport"), "site": N_("site"),
               "province": N_("province"), "km_post": N_("km post"), "bridge": N_("bridge"),
               "border": N_("border post")}
def item_label(label: str) -> str:
    """A row or feature of an upload as the reader reads it (``row 3`` -> ``fila 3``; ids as they are)."""
    match = re.fullmatch(r"row (\d+)", str(label))
    return _("row {n}").format(n=match.group(1)) if match else str(label)


def reason_text(reason: str) -> str:
    """A change's reason as the reader reads it: the automatic ``undo change N (action)`` in their
    language, an editor's own words as written."""
    undone = read_undo_reason(reason)
    if undone is None:
        return reason
    return _("undo change {seq} ({action})").format(seq=undone[0], action=_(ACTIONS.get(undone[1], undone[1])))


ACTIONS = {"add": N_("add"), "import": N_("import"), "edit": N_("edit"), "retract": N_("retract"),
           "undo": N_("undo")}
READ_ONLY_NOTE = N_("""
**Editing is switched off: the dashboard is read-only.**

To let editors add, import and correct events, give the dashboard an editor password hash:

1. run `blockade-map hash-password` and type the password twice;
2. put the printed line in `.streamlit/secrets.toml` as `editor_password_hash = "pbkdf2_sha256$..."`,
   or set the environment variable `BLOCKADE_MAP_EDITOR_HASH` to it;
3. restart `streamlit run app.py`. Editors then log in here with their name and that password;
   their name goes into the change log.
""")
BUNDLED_NOTE = N_("""
**This dashboard shows the bundled data, which is never edited.** It is the project's published
dataset; editors work on their own copy of it:

1. make the copy: `blockade-map init-data ~/blockade-data` (any new folder);
2. start the dashboard on it: `BLOCKADE_MAP_DATA=~/blockade-data make run`.

Every change is then written to that folder, with its change log.
""")


# ---------------------------------------------------------------- login

def _secrets() -> Mapping[str, Any] | None:
    """The editing keys of Streamlit secrets (the password hash, the session secret), if any."""
    try:
        found = {key: st.secrets.get(key) for key in (auth.SECRET_KEY, tokens.SECRET_KEY)}
    except FileNotFoundError:  # no secrets.toml anywhere: fall back to the environment
        return None
    found = {key: value for key, value in found.items() if value is not None}
    return found or None


TOKEN_KEY = "_editor_token"
CLAIMS_KEY = "_editor_claims"
LOGGED_OUT_KEY = "_editor_logged_out"
COOKIE_ACTION_KEY = "_editor_cookie"


def _signing_secret() -> bytes | None:
    """The server's session secret; None (after a note) when it cannot be had: logins then last
    only as long as the browser session."""
    try:
        return tokens.session_secret(_secrets())
    except (OSError, ValueError) as exc:
        st.sidebar.caption(_("Staying logged in after a reload is switched off: {error}").format(
            error=escape_markdown(error_text(exc))))
        return None


def _cookie_script(token: str | None, max_age: int) -> None:
    """Set (``token``) or clear (None) the login cookie in the browser.

    Streamlit cannot send a Set-Cookie header from a script run, so a few lines of JavaScript set
    it: the cookie is signed but not HttpOnly (see the README's editing section).
    """
    value = json.dumps(token or "").replace("</", "<\\/")
    name = json.dumps(tokens.COOKIE_NAME)
    st.html(f"""<script>(function () {{
  var secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = {name} + "=" + {value} + "; Path=/; Max-Age={max(0, int(max_age))}; SameSite=Strict" + secure;
}})();</script>""", unsafe_allow_javascript=True, width="content")


def _session_from_cookie(secret: bytes, encoded: str) -> None:
    """Log this browser session in from a valid login cookie (signed by this server under the
    configured password hash, not expired, not logged out); an invalid one is cleared."""
    token = st.context.cookies.get(tokens.COOKIE_NAME)
    if not token or st.session_state.get(LOGGED_OUT_KEY):
        return
    try:
        claims = tokens.verify_token(token, secret, encoded, revoked=session_revocations())
    except tokens.TokenError:
        st.session_state[COOKIE_ACTION_KEY] = None  # clear it
        return
    st.session_state[EDITOR_KEY], st.session_state[TOKEN_KEY], st.session_state[CLAIMS_KEY] = claims.name, token, claims


def _still_valid(secret: bytes | None, encoded: str) -> bool:
    """False when this session's login token has expired, been logged out, or the password
    hash has changed since it was issued (the session is then logged out)."""
    token = st.session_state.get(TOKEN_KEY)
    if token is None or secret is None:
        return True
    try:
        tokens.verify_token(token, secret, encoded, revoked=session_revocations())
    except tokens.TokenError:
        for key in (EDITOR_KEY, TOKEN_KEY, CLAIMS_KEY):
            st.session_state.pop(key, None)
        st.session_state[COOKIE_ACTION_KEY] = None
        return False
    return True


def log_out() -> None:
    """Callback of "Log out": forget the editor in this session, refuse its token from now on
    (in every tab) and clear the cookie."""
    claims = st.session_state.pop(CLAIMS_KEY, None)
    for key in (TOKEN_KEY, EDITOR_KEY):
        st.session_state.pop(key, None)
    st.session_state[LOGGED_OUT_KEY] = True  # this session's cookie header still holds the old token
    st.session_state[COOKIE_ACTION_KEY] = None
    if claims is not None:
        session_revocations().revoke(claims)


def _start_session(name: str, secret: bytes | None, encoded: str) -> None:
    """A login that outlives the browser session: a signed token in this session and its cookie."""
    st.session_state[EDITOR_KEY] = name
    st.session_state.pop(LOGGED_OUT_KEY, None)
    if secret is not None:
        token = tokens.issue_token(name, secret, encoded)
        st.session_state[TOKEN_KEY] = st.session_state[COOKIE_ACTION_KEY] = token
        st.session_state[CLAIMS_KEY] = tokens.verify_token(token, secret, encoded)


def _apply_cookie_action() -> None:
    """Send the cookie change a login or log out left for this run, once."""
    if COOKIE_ACTION_KEY not in st.session_state:
        return
    token = st.session_state.pop(COOKIE_ACTION_KEY)
    _cookie_script(token, tokens.DEFAULT_LIFETIME_S if token else 0)


def editor_name() -> str | None:
    """The logged-in editor's name; else draw the read-only note or the login form and return None.

    A login lasts 12 hours across reloads and new tabs (a signed cookie, see geo.store.tokens)
    unless the editor logs out or the password hash changes.
    """
    encoded = auth.configured_hash(_secrets())
    if encoded is None:
        st.info(_(READ_ONLY_NOTE))
        return None
    try:
        auth.parse_hash(encoded)
    except ValueError as exc:
        st.error(_("Editing is switched off because the configured password hash is unusable: {error}").format(
            error=escape_markdown(exc)))
        return None
    secret = _signing_secret()
    if secret is not None and not st.session_state.get(EDITOR_KEY):
        _session_from_cookie(secret, encoded)
    _still_valid(secret, encoded)
    _apply_cookie_action()
    who = st.session_state.get(EDITOR_KEY)
    if who:
        st.sidebar.caption(_("Editing as"))
        st.sidebar.text(who)
        st.sidebar.button(_("Log out"), key="logout", on_click=log_out)
        return who
    with st.form("login"):
        st.markdown(_("**Editors only.** Log in to add, import or correct events."))
        name = st.text_input(_("Your name (goes into the change log)"), key="login-name")
        password = st.text_input(_("Editor password"), type="password", key="login-password")
        submitted = st.form_submit_button(_("Log in"))
    if submitted:
        if not name.strip():
            st.error(_("Give your name: every change is logged with it."))
            return None
        result = login_limiter().attempt(_login_session(), name.strip(), password, encoded,
                                         client=st.context.ip_address)
        if result.ok:
            _start_session(name.strip(), secret, encoded)
            st.rerun()
        st.error(login_message(result))
    return None


@st.cache_resource(show_spinner=False)
def session_revocations() -> tokens.Revocations:
    """The login tokens logged out on this server (until they would have expired)."""
    return tokens.Revocations()


@st.cache_resource(show_spinner=False)
def login_limiter() -> auth.LoginLimiter:
    """The server's one limiter of password guesses, shared by every session."""
    return auth.LoginLimiter()


def login_message(result: auth.LoginResult) -> str:
    """What a refused login says, in the reader's language: how long to wait, if at all."""
    wait = math.ceil(result.wait_s)
    later = (i18n.plural("{n} second", "{n} seconds", wait) if wait < 120 else
             i18n.plural("{n} minute", "{n} minutes", math.ceil(wait / 60)))
    if not result.hashed:  # refused before the password was even checked
        return _("Too many wrong passwords: try again in {later}.").format(later=later)
    return _("Wrong password.") + (" " + _("Try again in {later}.").format(later=later) if wait > 0 else "")


def _login_session() -> str:
    """A random name for this browser session, for the limiter and the log."""
    return st.session_state.setdefault("_login_session", secrets.token_hex(6))


def editing_session(ds: Dataset) -> tuple[StoreEditor, str] | None:
    """``(editor, editor's name)`` when editing is possible; else None, after saying why: the
    bundled data is shown (it is never edited: how to make a working copy), editing is
    switched off, or nobody is logged in yet (the login form)."""
    editor = store_for(ds).editor()
    if getattr(editor, "read_only", False):  # only a folder can be the bundled data
        st.info(_(BUNDLED_NOTE), icon=":material/folder_copy:")
        return None
    who = editor_name()
    return (editor, who) if who is not None else None


# ---------------------------------------------------------------- reports

def show_problems(problems: Iterable[Problem], heading: str) -> None:
    """A table of problems: where, which field, what is wrong (shown as text)."""
    rows = [{_("Row or feature"): p.feature, _("Field"): p.field, _("Problem"): problem_text(p)}
            for p in problems]
    st.error(heading)
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def report_failure(exc: Exception) -> None:
    """Show why a save failed: a conflict, or the data's problems."""
    if isinstance(exc, DataError):
        show_problems(exc.problems, _("Nothing was saved:"))
    else:
        st.error(_("Nothing was saved: {error}").format(error=escape_markdown(error_text(exc))))


# ---------------------------------------------------------------- the event form

def _seed(key: str, value: Any) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def precision_label(scale: str) -> Callable[[int], str]:
    """The radio labels of the ``geo`` or ``time`` precision codes, in the session's language."""
    labels, t = PRECISION[scale], i18n.translator()  # bound now: format functions also run outside the script
    return lambda code: t.gettext(labels[code])


def region_choices(ds: Dataset) -> list[str]:
    """The regions an event may name: the dataset's (dataset.json), else the gazetteer's."""
    return list(ds.info.regions) or gazetteer_for(ds).regions()


def event_form(prefix: str, defaults: Mapping[str, Any], submit_label: str,
               regions: Sequence[str], reference: tuple[str, str] | None = None) -> tuple[dict, list, str] | None:
    """Every contract field in one form, pre-filled from ``defaults`` (see geo.intake.forms.form_values).

    The description is the reader's language's; ``reference`` (``(text, language code)``, see
    geo.intake.forms.description_reference) is the event's description in another language,
    shown under the empty box so it can be translated.

    Widget state lives under ``prefix``-keys (seeded once), so other widgets, e.g. the place
    picker, can set the place and point before the form is drawn.

    Returns
    -------
    (values, sources, reason) when submitted, else None.
    """
    k = lambda name: f"{prefix}-{name}"  # noqa: E731
    srcs = list(defaults.get("sources") or [])
    seeds = {name: defaults.get(name) for name in (
        "kind", "start", "end", "place", "region", "road", "km", "fatalities", "injured", "detained",
        "geo_precision", "time_precision", "status", "description", "lon", "lat")}
    seeds["region"] = seeds["region"] if seeds["region"] in regions else None
    for name in ("km", "lon", "lat"):
        seed = seeds[name]
        seeds[name] = float(seed) if isinstance(seed, (int, float)) else None
    for name in ("fatalities", "injured", "detained"):
        seeds[name] = int(seeds[name] or 0)
    for i in range(SOURCE_ROWS):
        src = srcs[i] if i < len(srcs) else {}
        seeds[f"src{i}-name"], seeds[f"src{i}-url"] = src.get("name", ""), src.get("url", "")
        seeds[f"src{i}-published"] = src.get("published")
    for name, value in seeds.items():
        _seed(k(name), "" if value is None and name in ("place", "road", "description") else value)
    with st.form(f"{prefix}-form"):
        a, b, c = st.columns(3)
        t = i18n.translator()
        a.selectbox(_("Kind"), KINDS, key=k("kind"), format_func=lambda kind: kind_name(kind, t))
        i18n.date_input(b, _("First day"), key=k("start"))
        i18n.date_input(c, _("Last day (empty: one day)"), key=k("end"))
        a.text_input(_("Place as reported"), key=k("place"))
        b.selectbox(_("Region"), list(regions), key=k("region"), index=None, placeholder=_("Choose the region"))
        c.text_input(_("Road (e.g. PE-3S)"), key=k("road"))
        a.number_input(_("Longitude"), key=k("lon"), format="%.5f", min_value=-180.0, max_value=180.0, value=None)
        b.number_input(_("Latitude"), key=k("lat"), format="%.5f", min_value=-90.0, max_value=90.0, value=None)
        c.number_input(_("Kilometre post"), key=k("km"), min_value=0.0, value=None)
        for col, name, label in zip((a, b, c), ("fatalities", "injured", "detained"),
                                    (_("Fatalities"), _("Injured"), _("Detained")), strict=False):
            col.number_input(label, key=k(name), min_value=0, step=1)
        a.radio(_("Location precision"), (1, 2, 3), key=k("geo_precision"), format_func=precision_label("geo"))
        b.radio(_("Date precision"), (1, 2, 3), key=k("time_precision"), format_func=precision_label("time"))
        c.radio(_("Status"), STATUSES, key=k("status"), format_func=lambda status: status_name(status, t))
        st.text_area(_("What happened, in {language} (in your own words)").format(language=t.language_in(t.lang)),
                     key=k("description"))
        if reference:
            text, code = reference
            note = (_("In {language}, for reference: {text}").format(language=t.language_in(code), text=text)
                    if code else _("In another language, for reference: {text}").format(text=text))
            st.caption(escape_markdown(note))
        st.markdown(_("**Sources** (at least one: publisher, link, date published)"))
        for i in range(SOURCE_ROWS):
            a, b, c = st.columns([2, 4, 2])
            a.text_input(_("Source {n}: publisher").format(n=i + 1), key=k(f"src{i}-name"))
            b.text_input(_("Source {n}: link (http/https)").format(n=i + 1), key=k(f"src{i}-url"))
            i18n.date_input(c, _("Source {n}: published").format(n=i + 1), key=k(f"src{i}-published"))
        reason = st.text_input(_("Note for the change log (optional)"), key=k("reason"))
        submitted = st.form_submit_button(submit_label, type="primary")
    if not submitted:
        return None
    values = {name: st.session_state[k(name)] for name in seeds if not name.startswith("src")}
    sources = [{"name": st.session_state[k(f"src{i}-name")], "url": st.session_state[k(f"src{i}-url")],
                "published": st.session_state[k(f"src{i}-published")]} for i in range(SOURCE_ROWS)]
    return values, sources, reason


def reset_form(prefix: str, keep: Iterable[str] = ("last-click", "pick-map")) -> None:
    """Forget a form's widget state (it is seeded afresh on the next run), except ``keep``.

    The last map click is kept so a click already used is not applied again.
    """
    kept = {f"{prefix}-{name}" for name in keep}
    for key in [key for key in st.session_state if str(key).startswith(f"{prefix}-") and key not in kept]:
        del st.session_state[key]


def retract_form(event_id: str) -> str | None:
    """The reason and the retract button in one form, so one click sends both (a text box
    outside a form only counts once it loses focus, which cost a first click). Returns the
    reason when the button was clicked with one, else None (an error asks for it)."""
    with st.form(f"edit-retract-form-{event_id}"):
        why = st.text_input(_("Reason (required)"), key=f"edit-retract-why-{event_id}",
                            placeholder=_("e.g. duplicate of {id}").format(id="2023-01-09-juliaca-clash"))
        clicked = st.form_submit_button(_("Retract this event"), icon=":material/remove_circle:")
    if not clicked:
        return None
    if not why.strip():
        st.error(_("Give a reason: it goes into the change log with the retracted record."))
        return None
    return why.strip()


# ---------------------------------------------------------------- the place picker

def picker_map(ds: Dataset, lon: float | None, lat: float | None) -> folium.Map:
    """A small map to click a point on: the dataset's base map, with the chosen point marked."""
    frame = [[lat - 0.05, lon - 0.05], [lat + 0.05, lon + 0.05]] if lon is not None and lat is not None else None
    m = base_map(ds, frame=frame, legend=False, t=i18n.translator())
    if lon is not None and lat is not None:
        folium.CircleMarker((lat, lon), radius=8, color="#222", weight=2, fill_color="#e6550d",
                            fill_opacity=0.9, class_name="bm-picked").add_to(m)
    return m


def apply_click(prefix: str, clicked: Mapping | None, regions: Sequence[str], ds: Dataset) -> bool:
    """Put a new map click into the form's longitude/latitude (and an empty region from the
    nearest named place); True when it changed them."""
    if not clicked or clicked == st.session_state.get(f"{prefix}-last-click"):
        return False
    st.session_state[f"{prefix}-last-click"] = clicked
    lon, lat = round(float(clicked["lng"]), 5), round(float(clicked["lat"]), 5)
    st.session_state[f"{prefix}-lon"], st.session_state[f"{prefix}-lat"] = lon, lat
    near, metres = nearest_place(lon, lat, gazetteer_for(ds))
    st.session_state[f"{prefix}-near"] = _("Nearest named place: {name} ({region}), {km} km").format(
        name=near.name, region=near.region, km=i18n.number(metres / 1000, 1))
    if not st.session_state.get(f"{prefix}-region") and near.region in regions:
        st.session_state[f"{prefix}-region"] = near.region
    return True


def use_place(prefix: str, place: Mapping[str, Any], regions: Sequence[str]) -> None:
    """Callback: copy a geocoding candidate into the form (place, region, point; road and km
    for a kilometre post)."""
    st.session_state[f"{prefix}-place"] = place["name"]
    if place.get("region") in regions:
        st.session_state[f"{prefix}-region"] = place["region"]
    st.session_state[f"{prefix}-lon"] = float(place["lon"])
    st.session_state[f"{prefix}-lat"] = float(place["lat"])
    post = parse_km_post(place["name"]) if place.get("kind") == "km_post" else None
    if post:
        st.session_state[f"{prefix}-road"], st.session_state[f"{prefix}-km"] = post[0], float(post[1])


def place_search(prefix: str, ds: Dataset) -> None:
    """Find a place by name (or a road km post) and copy the chosen candidate into the form."""
    query = st.text_input(_("Find a place"), key=f"{prefix}-query",
                          placeholder="Puente Añashuayco · Juliaca · PE-3S km 1380")
    regions = region_choices(ds)
    hint = st.selectbox(_("In region (optional)"), regions, index=None, key=f"{prefix}-hint",
                        placeholder=_("any region"))
    if not query.strip():
        st.caption(_("Accents and small misspellings are fine; a region chooses among namesakes."))
        return
    try:
        candidates = geocode(query, hint, limit=5, corridors=ds.corridors, gazetteer=gazetteer_for(ds))
    except ValueError as exc:
        st.warning(escape_markdown(error_text(exc)))
        return
    if not candidates:
        st.warning(_("No place is close to that name: click the map instead."))
        return
    labels = [escape_markdown(f"{c.name} ({', '.join(x for x in (c.province, c.region) if x)}) · "
                              f"{_(PLACE_KINDS.get(c.kind, c.kind))} · {c.score:g}") for c in candidates]
    choice = st.radio(_("Candidates, best first"), range(len(candidates)), format_func=labels.__getitem__,
                      key=f"{prefix}-choice-{query}-{hint}")
    st.button(_("Use this place"), key=f"{prefix}-use", on_click=use_place,
              args=(prefix, candidates[choice].to_json(), regions), type="primary")


# ---------------------------------------------------------------- the change log

def history_with_undo(editor: StoreEditor, entries: list[dict], who: str, key: str) -> None:
    """The change log entries, newest first, each with an Undo button."""
    if not entries:
        st.caption(_("No change to this event has been logged yet (it came with the data)."))
        return
    for entry in reversed(entries):
        left, right = st.columns([6, 1])
        undoes = _(", undoing change {seq}").format(seq=entry["undoes"]) if "undoes" in entry else ""
        action = _(ACTIONS.get(entry["action"], entry["action"]))
        left.text(f"#{entry['seq']} · {entry['when']} · {entry['who']} · {action}{undoes}\n"
                  f"{entry_text(entry)}" + ("\n" + _("why: {reason}").format(reason=reason_text(entry["reason"]))
                                            if entry.get("reason") else ""))
        if right.button(_("Undo"), key=f"{key}-undo-{entry['seq']}",
                        help=_("Undo change #{seq}").format(seq=entry["seq"])):
            run_change(partial(editor.undo, entry["seq"], who), _("Change #{seq} undone.").format(seq=entry["seq"]),
                       after_change(entry["id"]))


SAVE_ERRORS = (DataError, ConflictError, LookupError, ValueError, TimeoutError, ReadOnlyDataError)


def show_day_on_map(day: str) -> None:
    """Open the map page on ``day`` (the URL's date is read afresh, the map framed on that day)."""
    st.session_state.pop("_view_initialised", None)
    st.session_state.pop(state.MAP_FRAME, None)
    st.switch_page("pages/map.py", query_params=View(day).to_params(i18n.url_language()))


def run_change(action: Callable[[], Any], success: str, on_success: Callable[[], Any] | None = None) -> Any:
    """Run an editor call; report conflicts and problems (keeping the form as it is); on success
    call ``on_success``, remember the message and rerun."""
    try:
        result = action()
    except SAVE_ERRORS as exc:
        report_failure(exc)
        return None
    if on_success is not None:
        on_success()
    st.session_state["edit-flash"] = success
    st.rerun()
    return result


def after_change(event_id: str, forget_choice: bool = False) -> Callable[[], None]:
    """What to forget once ``event_id`` changed: its form, its snapshot (and the chosen event)."""
    def forget() -> None:
        reset_form(f"edit-{event_id}", keep=())
        forget_seen(event_id)
        if forget_choice:
            st.session_state.pop("edit-event", None)
    return forget


def forget_seen(event_id: str) -> None:
    """Drop the snapshot an edit form was filled from (the next run takes a fresh one)."""
    st.session_state.pop(f"edit-seen-{event_id}", None)


def flash() -> None:
    """Show (once) the message left by the last successful change, as a toast: it appears where
    the editor is looking, however far down the page they were when they saved."""
    message = st.session_state.pop("edit-flash", None)
    if message:
        st.toast(escape_markdown(message), icon=":material/check_circle:")


def day_or_none(value: Any) -> str | None:
    """A date widget's value as YYYY-MM-DD."""
    return value.isoformat() if isinstance(value, date) else None
