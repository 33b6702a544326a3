/* The static edition of Blockade Map: the day's map, day slider, Prev/Next, kinds filter and
 * side panel, in plain JavaScript over the files `blockade-map publish` writes.
 *
 * manifest.json lists the days and holds what every day shares (legend, corridors, styles);
 * days/YYYY-MM-DD.json holds one day, fetched only when a reader opens that day. Markers,
 * popups, hotspots, corridors and rings are drawn by the dashboard's own blockade-map.js from
 * rows the Python side escaped; every other text from the data goes in with textContent.
 * index.html#YYYY-MM-DD opens that day, and the address follows the day shown.
 *
 * An edition speaks one language. The page's own words are in index.html; the words this script
 * puts together are in <html data-words> (JSON, with {name} fields filled in here, as text); the
 * day's label (when it is not YYYY-MM-DD) is in the manifest, and everything else that is said
 * (legend, popups, national counts, notes) was written in that language by `blockade-map publish`.
 *
 * index.html loads this file first, in its head, so the manifest and the day's file are on
 * their way while Leaflet loads (deferred); the map is drawn once the page is parsed.
 */
(function (global) {
    "use strict";

    var BM = null;  // window.BlockadeMap, once the deferred scripts have run
    var state = {manifest: null, map: null, dayLayer: null, index: -1, byDate: {}, cache: {},
                 token: 0, doc: null, kinds: {}, firstMapMs: null};
    var api = {ready: false, day: null, markers: 0, firstMapMs: null, error: null};
    global.bmEdition = api;

    function $(id) { return document.getElementById(id); }

    var words = null;

    /* The edition's words (<html data-words>), read once the page is there. */
    function w(key) {
        if (words === null) {
            try { words = JSON.parse(document.documentElement.getAttribute("data-words") || "{}"); }
            catch (e) { words = {}; }
        }
        return words[key] === undefined ? key : words[key];
    }

    /* A message with its {name} fields filled in (plain text: it goes in with textContent). */
    function fill(template, values) {
        return String(template).replace(/\{(\w+)\}/g, function (all, name) {
            return values.hasOwnProperty(name) ? String(values[name]) : all;
        });
    }

    /* A whole number with the edition language's digit grouping (1,234; 1.234), as Babel writes it. */
    function fmt(n) {
        var text = String(Math.round(Math.abs(Number(n)))), group = w("group");
        return (Number(n) < 0 ? "-" : "") + text.replace(/\B(?=(\d{3})+(?!\d))/g, group === "group" ? "," : group);
    }

    /* A day as the page shows it: the manifest's label, else YYYY-MM-DD. */
    function label(entry) { return entry.label || entry.date; }

    function el(tag, text, className) {
        var node = document.createElement(tag);
        if (text !== undefined && text !== null) { node.textContent = String(text); }
        if (className) { node.className = className; }
        return node;
    }

    function clear(node) {
        while (node.firstChild) { node.removeChild(node.firstChild); }
        return node;
    }

    function safeUrl(url) {
        return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
    }

    function getJson(url, options) {
        return fetch(url, options || {}).then(function (response) {
            if (!response.ok) { throw new Error(url + ": HTTP " + response.status); }
            return response.json();
        });
    }

    function showError(message) {
        api.error = message;
        var alert = $("bme-alert");
        alert.textContent = message + (location.protocol === "file:" ?
            " " + fill(w("from_file"), {command: "`python -m http.server`"}) : "");
        alert.hidden = false;
        if (!state.doc) { $("bme-heading").textContent = w("not_loaded"); }
    }

    function clearError() {
        api.error = null;
        $("bme-alert").hidden = true;
    }

    /* ------------------------------------------------------------ the day in the address */
    function hashDay() {
        var m = /^#(\d{4}-\d{2}-\d{2})$/.exec(location.hash || "");
        return m ? m[1] : null;
    }

    function decodeHash(text) {
        try { return decodeURIComponent(text); } catch (e) { return text; }
    }

    function setHash(day) {
        if (location.hash === "#" + day) { return; }
        if (global.history && history.replaceState) {
            history.replaceState(null, "", "#" + day);
        } else {
            location.hash = day;
        }
    }

    /* ------------------------------------------------------------ loading */
    function loadDay(entry) {
        if (!state.cache[entry.date]) {
            state.cache[entry.date] = getJson(entry.file + "?v=" + entry.version).catch(function (error) {
                delete state.cache[entry.date];
                throw error;
            });
        }
        return state.cache[entry.date];
    }

    function go(i) {
        var days = state.manifest.days;
        i = Math.max(0, Math.min(days.length - 1, i));
        var entry = days[i];
        state.index = i;
        $("bme-slider").value = String(i);
        $("bme-slider").setAttribute("aria-valuetext", label(entry));
        $("bme-date").textContent = label(entry);
        $("bme-prev").disabled = i === 0;
        $("bme-next").disabled = i === days.length - 1;
        setHash(entry.date);
        clearError();
        var token = ++state.token;
        api.ready = false;
        loadDay(entry).then(function (doc) {
            if (token !== state.token) { return; }  // a later day was asked for meanwhile
            state.doc = doc;
            draw(doc);
        }).catch(function (error) {
            if (token === state.token) { showError(fill(w("day_failed"), {day: label(entry), error: error.message})); }
        });
    }

    /* ------------------------------------------------------------ drawing */
    function draw(doc) {
        var m = state.manifest, layer = state.dayLayer, kinds = state.kinds;
        layer.clearLayers();
        var blockades = !!kinds.blockade;
        if (blockades) {
            BM.ringLayer(L.featureGroup().addTo(layer), doc.changes.rings.lifted, m.change_styles.lifted);
            BM.ringLayer(L.featureGroup().addTo(layer), doc.changes.rings["new"], m.change_styles["new"]);
        }
        BM.hotspotLayer(L.featureGroup().addTo(layer), doc.hotspots.rows, m.hotspot_colour);
        var visible = doc.events.filter(function (e) { return kinds[e.kind]; });
        var points = BM.pointLayer(L.featureGroup().addTo(layer), visible.map(function (e) { return e.row; }));
        frame(doc);
        var markers = reachable(points, visible);
        panel(doc, visible);
        eventList(visible, markers);
        api.day = doc.date;
        api.markers = visible.length;
        api.ready = true;
        if (state.firstMapMs === null) {
            state.firstMapMs = global.performance ? performance.now() : null;
            api.firstMapMs = state.firstMapMs;
            if (global.performance && performance.mark) { performance.mark("bm-first-map"); }
        }
    }

    /* The day's frame (its events and the corridors, as the dashboard frames it): the map opens on
       it, and moves to it when a new day's events are not all in view. */
    function frame(doc) {
        var map = state.map;
        if (!doc.frame) { return; }
        var box = L.latLngBounds(doc.frame);
        var inView = map.getBounds().contains(box) && map.getZoom() >= map.getBoundsZoom(box) - 2;
        if (!state.framed || !inView) {
            map.fitBounds(box, {padding: [10, 10], maxZoom: 9, animate: false});
            state.framed = true;
        }
    }

    /* Every event marker is a button for the keyboard: focusable, named by its event's words
       (place, kind, dead: the tooltip's, as plain text), Enter or Space opens its popup.
       Returns the markers in the order of the day's rows. */
    function reachable(group, visible) {
        var out = [];
        group.eachLayer(function (layer) {
            if (!(layer instanceof L.CircleMarker) || !layer.getPopup || !layer.getPopup()) { return; }
            var path = layer.getElement && layer.getElement();
            var event = visible[out.length] || {};
            var name = String(event.name || "");
            if (path) {
                path.setAttribute("tabindex", "0");
                path.setAttribute("role", "button");
                path.setAttribute("aria-label", name);
                path.addEventListener("keydown", function (ev) {
                    if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); layer.openPopup(); }
                });
            }
            out.push({layer: layer, name: name});
        });
        return out;
    }

    /* The day's events as a list of buttons: each centres the map on its event and opens its popup. */
    function eventList(visible, markers) {
        var list = clear($("bme-events"));
        markers.forEach(function (marker) {
            var li = el("li");
            var button = el("button", marker.name, "bme-event");
            button.type = "button";
            button.addEventListener("click", function () {
                var map = state.map;
                map.setView(marker.layer.getLatLng(), Math.max(map.getZoom(), 8), {animate: false});
                marker.layer.openPopup();
            });
            li.appendChild(button);
            list.appendChild(li);
        });
        if (!markers.length) { list.appendChild(el("li", w("none"), "bme-none")); }
    }

    function filtered() {
        return state.manifest.kinds.some(function (k) { return !state.kinds[k.kind]; });
    }

    function panel(doc, visible) {
        var isFiltered = filtered();
        var heading = clear($("bme-heading"));
        var entry = state.manifest.days[state.byDate[doc.date]] || {date: doc.date};
        var parts = String(w("heading")).split("{day}");
        heading.appendChild(document.createTextNode(parts[0]));
        heading.appendChild(el("span", label(entry), "bme-nowrap"));
        heading.appendChild(document.createTextNode(parts.slice(1).join(label(entry))));
        var note = $("bme-note");
        var noteText = doc.note;
        if (!noteText && isFiltered && !visible.length && doc.events.length) {
            noteText = fill(w("filtered_empty"), {day: label(entry)});
        }
        note.textContent = noteText || "";
        note.hidden = !noteText;

        var totals = doc.totals;
        if (isFiltered) {
            totals = {events: visible.length, fatalities: 0, blockade: 0, clash: 0};
            visible.forEach(function (e) {
                totals.fatalities += e.fatalities;
                if (e.kind === "blockade" || e.kind === "clash") { totals[e.kind] += 1; }
            });
        }
        $("bme-m-events").textContent = fmt(totals.events);
        $("bme-m-dead").textContent = fmt(totals.fatalities);
        $("bme-m-blockade").textContent = fmt(totals.blockade);
        $("bme-m-clash").textContent = fmt(totals.clash);
        var caption = $("bme-filtered");
        caption.hidden = !isFiltered;
        var showing = w("showing");  // the form for one event, then for more (Spanish and English)
        caption.textContent = isFiltered ? fill(showing[doc.events.length === 1 ? 0 : 1],
                                                {shown: fmt(visible.length), n: fmt(doc.events.length)}) : "";

        var reported = clear($("bme-reported"));
        doc.reported.forEach(function (item) {
            var li = el("li", item.text);
            var url = safeUrl(item.url);
            if (url) {
                li.appendChild(document.createTextNode(" "));
                var a = el("a", w("source"));
                a.href = url;
                a.target = "_blank";
                a.rel = "noopener noreferrer";
                li.appendChild(a);
            }
            reported.appendChild(li);
        });
        if (!doc.reported.length) { reported.appendChild(el("li", w("no_count"), "bme-none")); }

        var hotspots = $("bme-hotspots");
        clear(hotspots);
        if (doc.hotspots.names.length) {
            hotspots.appendChild(el("b", w("hotspots") + ": "));
            hotspots.appendChild(document.createTextNode(doc.hotspots.names.join(", ")));
        }
        hotspots.hidden = !doc.hotspots.names.length;
        changes(doc);
    }

    function changes(doc) {
        var c = doc.changes, list = clear($("bme-changes"));
        $("bme-changes-head").textContent = c.heading;
        var caption = $("bme-changes-caption");
        caption.hidden = true;
        if (!state.kinds.blockade) {
            list.appendChild(el("li", w("filtered_out"), "bme-none"));
            return;
        }
        if (!c.counts["new"] && !c.counts.continuing && !c.counts.lifted) {
            list.appendChild(el("li", w("no_change"), "bme-none"));
            return;
        }
        ["new", "continuing", "lifted"].forEach(function (group) {
            var li = el("li", null, "bme-change-" + group);
            li.appendChild(el("b", w(group)));
            var names = c.places[group];
            li.appendChild(document.createTextNode(" (" + fmt(c.counts[group]) + "): " +
                                                   (names.length ? names.join("; ") : w("none"))));
            list.appendChild(li);
        });
        caption.hidden = false;
    }

    /* ------------------------------------------------------------ set-up */
    function kindsFilter(m) {
        var box = $("bme-kinds");
        m.kinds.forEach(function (k) {
            state.kinds[k.kind] = true;
            var option = el("label", null, "bme-kind");
            option.title = k.label;
            var input = document.createElement("input");
            input.type = "checkbox";
            input.checked = true;
            input.value = k.kind;
            input.addEventListener("change", function () {
                state.kinds[k.kind] = input.checked;
                if (state.doc) { draw(state.doc); }
            });
            var swatch = el("span", null, "bme-swatch");
            swatch.style.background = k.colour;
            option.appendChild(input);
            option.appendChild(swatch);
            option.appendChild(document.createTextNode(k.name || k.kind));
            box.appendChild(option);
        });
    }

    function about(m) {
        var a = m.about || {};
        $("bme-coverage").textContent = a.text || "";
        $("bme-licence").textContent = (a.licence_lines || []).join(" ");
        var list = clear($("bme-publishers"));
        (a.publishers || []).forEach(function (p) { list.appendChild(el("li", p[0] + ": " + fmt(p[1]))); });
    }

    function onlineTiles(map, tiles) {
        var layer = L.tileLayer(tiles.url, {attribution: tiles.attribution, maxZoom: 18});
        var notice = L.control({position: "topright"});
        notice.onAdd = function () { return el("div", tiles.notice, "bm-notice bm-tiles-notice"); };
        notice.addTo(map);
        var failures = 0;
        layer.on("tileerror", function () { failures += 1; notice.getContainer().style.display = "block"; });
        layer.on("tileload", function () { if (!failures) { notice.getContainer().style.display = "none"; } });
        layer.on("remove", function () { notice.getContainer().style.display = "none"; failures = 0; });
        var named = {};
        named[tiles.name] = layer;  // escaped by publish: the layer control shows names as HTML
        L.control.layers(null, named, {collapsed: false, position: "topright"})
            .addTo(map);
    }

    function start(m) {
        state.manifest = m;
        m.days.forEach(function (d, i) { state.byDate[d.date] = i; });
        var map = L.map("bme-map", {zoomControl: true, preferCanvas: false});
        state.map = map;
        api.map = map;
        if (m.basemap && m.basemap.bounds) {  /* keep to the basemap: its edge never comes into view */
            var edge = L.latLngBounds(m.basemap.bounds);
            /* set before any view, so no zoom animation is left running to undo the day's frame */
            map.options.minZoom = map.getBoundsZoom(edge, true);
            map.options.maxBoundsViscosity = 1.0;
            map.setMaxBounds(edge);
            map.on("resize", function () { map.setMinZoom(map.getBoundsZoom(edge, true)); });
        }
        if (m.bounds) {
            map.fitBounds(m.bounds, {padding: [10, 10], animate: false});
        } else {
            map.setView([0, 0], 2);
        }
        L.control.scale().addTo(map);
        if (m.basemap && global.BlockadeBasemap) {  // the dashboard's basemap.js draws it, under everything
            global.BlockadeBasemap.load(map, m.basemap.file + "?v=" + m.basemap.version, m.basemap.attribution);
        }
        if (m.tiles) { onlineTiles(map, m.tiles); }
        if (m.corridors.rows.length) {
            BM.lineLayer(L.featureGroup().addTo(map), m.corridors.rows, m.corridors.style);
        }
        var chrome = BM.mapChrome(map, m.legend_html, "");
        var fold = chrome && chrome.legend && chrome.legend.getContainer().querySelector("details");
        if (fold) {
            L.DomEvent.disableClickPropagation(chrome.legend.getContainer());
            if (global.matchMedia && global.matchMedia("(max-width: 760px)").matches) { fold.open = false; }
        }
        state.dayLayer = L.featureGroup().addTo(map);
        kindsFilter(m);
        about(m);
        var slider = $("bme-slider");
        slider.max = String(m.days.length - 1);
        slider.addEventListener("input", function () { go(Number(slider.value)); });
        $("bme-prev").addEventListener("click", function () { go(state.index - 1); });
        $("bme-next").addEventListener("click", function () { go(state.index + 1); });
        global.addEventListener("hashchange", function () {
            var day = hashDay(), hash = location.hash.slice(1, 40);
            if (day !== null && state.byDate.hasOwnProperty(day)) {
                if (state.byDate[day] !== state.index) { go(state.byDate[day]); }
            } else if (hash) {  // a link edited by hand to a day this edition lacks: say so, stay
                showError(fill(w("not_a_day"), {asked: decodeHash(hash), span: w("span"),
                                                day: label(m.days[state.index])}));
            }
        });
        var hash = location.hash.slice(1, 40), asked = hashDay();
        var first = asked !== null && state.byDate.hasOwnProperty(asked) ? asked : m.featured_day;
        go(state.byDate.hasOwnProperty(first) ? state.byDate[first] : 0);
        if (hash && asked !== first) {
            showError(fill(w("not_a_day"), {asked: decodeHash(hash), span: w("span"), day: label(m.days[state.index])}));
        }
    }

    /* The day a reader asks for, fetched as soon as the manifest names its file. */
    function firstEntry(m) {
        var asked = hashDay(), i;
        for (i = 0; i < m.days.length; i++) { if (m.days[i].date === asked) { return m.days[i]; } }
        for (i = 0; i < m.days.length; i++) { if (m.days[i].date === m.featured_day) { return m.days[i]; } }
        return m.days[0];
    }

    var manifest = getJson("manifest.json", {cache: "no-cache"}).then(function (m) {
        if (m.days && m.days.length) { loadDay(firstEntry(m)).catch(function () { return null; }); }
        return m;
    });
    var parsed = new Promise(function (resolve) {
        if (document.readyState === "loading") {
            document.addEventListener("DOMContentLoaded", resolve);
        } else {
            resolve();
        }
    });
    Promise.all([manifest, parsed]).then(function (both) {
        BM = global.BlockadeMap;
        start(both[0]);
    }).catch(function (error) {
        parsed.then(function () { showError(fill(w("edition_failed"), {error: error.message})); });
    });
})(window);
