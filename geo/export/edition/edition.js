/* The static edition of Blockade Map: the day's map, day slider, Prev/Next, kinds filter and
 * side panel, in plain JavaScript over the files `blockade-map publish` writes.
 *
 * manifest.json lists the days and holds what every day shares (legend, corridors, styles);
 * days/YYYY-MM-DD.json holds one day, fetched only when a reader opens that day. Markers,
 * popups, hotspots, corridors and rings are drawn by the dashboard's own blockade-map.js from
 * rows the Python side escaped; every other text from the data goes in with textContent.
 * index.html#YYYY-MM-DD opens that day, and the address follows the day shown.
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

    function fmt(n) { return Number(n).toLocaleString("en-US"); }

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
            " Browsers do not let a page opened from a file read its data: serve this folder with a web " +
            "server (for example `python -m http.server` inside it) and open it from there." : "");
        alert.hidden = false;
        if (!state.doc) { $("bme-heading").textContent = "The map could not be loaded"; }
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
        $("bme-slider").setAttribute("aria-valuetext", entry.date);
        $("bme-date").textContent = entry.date;
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
            if (token === state.token) { showError("Could not load the data of " + entry.date + " (" + error.message + ")."); }
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
        BM.pointLayer(L.featureGroup().addTo(layer), visible.map(function (e) { return e.row; }));
        panel(doc, visible);
        api.day = doc.date;
        api.markers = visible.length;
        api.ready = true;
        if (state.firstMapMs === null) {
            state.firstMapMs = global.performance ? performance.now() : null;
            api.firstMapMs = state.firstMapMs;
            if (global.performance && performance.mark) { performance.mark("bm-first-map"); }
        }
    }

    function filtered() {
        return state.manifest.kinds.some(function (k) { return !state.kinds[k.kind]; });
    }

    function panel(doc, visible) {
        var isFiltered = filtered();
        var heading = clear($("bme-heading"));
        heading.appendChild(document.createTextNode("Blockades and protests on "));
        heading.appendChild(el("span", doc.date, "bme-nowrap"));
        var note = $("bme-note");
        var noteText = doc.note;
        if (!noteText && isFiltered && !visible.length && doc.events.length) {
            noteText = "Nothing is mapped for " + doc.date + " with these filters. That does not mean nothing " +
                "happened: only reports with a place and a source are mapped.";
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
        caption.textContent = isFiltered ? "Showing " + fmt(visible.length) + " of " + fmt(doc.events.length) +
            " events mapped this day. The national counts below are set beside every event mapped that day." : "";

        var reported = clear($("bme-reported"));
        doc.reported.forEach(function (item) {
            var li = el("li", item.text);
            var url = safeUrl(item.url);
            if (url) {
                li.appendChild(document.createTextNode(" "));
                var a = el("a", "source");
                a.href = url;
                a.target = "_blank";
                a.rel = "noopener noreferrer";
                li.appendChild(a);
            }
            reported.appendChild(li);
        });
        if (!doc.reported.length) { reported.appendChild(el("li", "No national count for this day.", "bme-none")); }

        var hotspots = $("bme-hotspots");
        clear(hotspots);
        if (doc.hotspots.names.length) {
            hotspots.appendChild(el("b", "Hotspots: "));
            hotspots.appendChild(document.createTextNode(doc.hotspots.names.join(", ")));
        }
        hotspots.hidden = !doc.hotspots.names.length;
        changes(doc);
    }

    function changes(doc) {
        var c = doc.changes, list = clear($("bme-changes"));
        $("bme-changes-head").textContent = "Blockades since " + c.since;
        var caption = $("bme-changes-caption");
        caption.hidden = true;
        if (!state.kinds.blockade) {
            list.appendChild(el("li", "Blockades are filtered out of this view.", "bme-none"));
            return;
        }
        if (!c.counts["new"] && !c.counts.continuing && !c.counts.lifted) {
            list.appendChild(el("li", "No blockade mapped on either day.", "bme-none"));
            return;
        }
        [["new", "New"], ["continuing", "Continuing"], ["lifted", "Lifted"]].forEach(function (g) {
            var li = el("li", null, "bme-change-" + g[0]);
            li.appendChild(el("b", g[1]));
            var names = c.places[g[0]];
            li.appendChild(document.createTextNode(" (" + c.counts[g[0]] + "): " + (names.length ? names.join("; ") : "none")));
            list.appendChild(li);
        });
        caption.hidden = false;
    }

    /* ------------------------------------------------------------ set-up */
    function kindsFilter(m) {
        var box = $("bme-kinds");
        m.kinds.forEach(function (k) {
            state.kinds[k.kind] = true;
            var label = el("label", null, "bme-kind");
            label.title = k.label;
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
            label.appendChild(input);
            label.appendChild(swatch);
            label.appendChild(document.createTextNode(k.kind));
            box.appendChild(label);
        });
    }

    function about(m) {
        var a = m.about || {};
        $("bme-coverage").textContent = (a.coverage ? "The data " + a.coverage.replace(/^the data /, "") + "; " : "") +
            "this edition holds " + fmt(m.days.length) + " days, " + m.first_day + " to " + m.last_day +
            ". Days are " + (m.timezone ? "in the " + m.timezone + " time zone" : "as reported") + ".";
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
        L.control.layers(null, {"OpenStreetMap tiles (online)": layer}, {collapsed: false, position: "topright"})
            .addTo(map);
    }

    function start(m) {
        state.manifest = m;
        m.days.forEach(function (d, i) { state.byDate[d.date] = i; });
        var map = L.map("bme-map", {zoomControl: true, preferCanvas: false});
        state.map = map;
        api.map = map;
        if (m.bounds) {
            map.fitBounds(m.bounds, {padding: [10, 10], animate: false});
        } else {
            map.setView([0, 0], 2);
        }
        L.control.scale().addTo(map);
        if (m.basemap && global.BlockadeBasemap) {  // the dashboard's basemap.js draws it, under everything
            global.BlockadeBasemap.load(map, m.basemap.file + "?v=" + m.basemap.version);
        }
        if (m.tiles) { onlineTiles(map, m.tiles); }
        if (m.corridors.rows.length) {
            BM.lineLayer(L.featureGroup().addTo(map), m.corridors.rows, m.corridors.style);
        }
        BM.mapChrome(map, m.legend_html, "");
        state.dayLayer = L.featureGroup().addTo(map);
        kindsFilter(m);
        about(m);
        var slider = $("bme-slider");
        slider.max = String(m.days.length - 1);
        slider.addEventListener("input", function () { go(Number(slider.value)); });
        $("bme-prev").addEventListener("click", function () { go(state.index - 1); });
        $("bme-next").addEventListener("click", function () { go(state.index + 1); });
        global.addEventListener("hashchange", function () {
            var day = hashDay();
            if (day !== null && state.byDate.hasOwnProperty(day) && state.byDate[day] !== state.index) {
                go(state.byDate[day]);
            }
        });
        var hash = location.hash.slice(1, 40), asked = hashDay();
        var first = asked !== null && state.byDate.hasOwnProperty(asked) ? asked : m.featured_day;
        go(state.byDate.hasOwnProperty(first) ? state.byDate[first] : 0);
        if (hash && asked !== first) {
            showError(decodeHash(hash) + " is not a day of this edition (" + m.first_day + " to " +
                      m.last_day + "); showing " + m.days[state.index].date + ".");
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
        parsed.then(function () { showError("Could not load this edition (" + error.message + ")."); });
    });
})(window);
