/* Blockade Map's Leaflet layers: each function draws one layer from one compact JSON array.
 *
 * One array and one loop per layer, instead of a folium object (and a block of script) per
 * point, keep the page small and fast however many events a view shows. The Python side
 * (geo/render/layers.py) serialises the rows, escaped; this file only draws them. Only public
 * Leaflet API is used (L.circleMarker, L.polyline, L.control, L.Layer.extend, events).
 */
(function (global) {
    "use strict";

    function rowsTo(group, rows, make) {
        for (var i = 0; i < rows.length; i++) {
            make(rows[i]).addTo(group);
        }
        return group;
    }

    /* A control shown on the map while `group` is on it (an L.Layer whose onAdd gets the map). */
    function controlWith(group, control) {
        var Holder = L.Layer.extend({
            onAdd: function (map) { control.addTo(map); },
            onRemove: function () { control.remove(); }
        });
        new Holder().addTo(group);
    }

    function textControl(className, text, position) {
        var control = L.control({position: position});
        control.onAdd = function () {
            var div = L.DomUtil.create("div", className);
            div.textContent = text;
            return div;
        };
        return control;
    }

    /* Layers drawn a few screen pixels away from the point they stand for (events sharing one
     * point, see geo/render/stacks.py). items are {layer, at: L.LatLng, offset: [dx, dy], leg};
     * they are placed again whenever the zoom changes, so the offset stays the same on screen. */
    function pinAround(group, items) {
        if (!items.length) { return; }
        var Pins = L.Layer.extend({
            onAdd: function (map) {
                this._place = function () {
                    items.forEach(function (it) {
                        var at = map.latLngToLayerPoint(it.at);
                        var ll = map.layerPointToLatLng(at.add(L.point(it.offset[0], it.offset[1])));
                        it.layer.setLatLng(ll);
                        if (it.leg) { it.leg.setLatLngs([it.at, ll]); }
                    });
                };
                map.on("zoomend viewreset", this._place);
                map.whenReady(this._place);
            },
            onRemove: function (map) { map.off("zoomend viewreset", this._place); }
        });
        new Pins().addTo(group);
    }

    var STACK_LEG = {color: "#222", weight: 1, opacity: 0.8, interactive: false, className: "bm-stack-leg"};
    var STACK_DOT = {radius: 2.5, stroke: false, fillColor: "#222", fillOpacity: 1, interactive: false,
                     className: "bm-stack-point"};

    /* An event's popup from its pieces (geo/render/popups.py's popup_parts, every text already
     * escaped there): [place, colour, kind, region, dates, timeNote, road, counts, description,
     * languageNote, status, sourcesLabel, sources], a source being [href, name, published] or
     * [text]. The same HTML as popups.py's join_popup (a browser test compares them). */
    function popupHtml(p) {
        var html = '<div class="bm-popup"><b>' + p[0] + '</b> <span style="color:' + p[1] + '">&#9679; ' +
            p[2] + "</span><br>" + p[3] + " &middot; " + p[4];
        if (p[5]) { html += " <i>(" + p[5] + ")</i>"; }
        if (p[6]) { html += "<br>" + p[6]; }
        if (p[7]) { html += "<br><b>" + p[7] + "</b>"; }
        if (p[8]) {
            html += '<br><span class="bm-desc">' + p[8] + "</span>";
            if (p[9]) { html += ' <i class="bm-desc-lang">' + p[9] + "</i>"; }
        }
        html += "<br><small>" + p[10] + "</small>";
        var links = p[12].map(function (s) {
            return s.length === 1 ? s[0] :
                '<a href="' + s[0] + '" target="_blank" rel="noopener noreferrer">' + s[1] + "</a> (" + s[2] + ")";
        });
        return html + "<br>" + p[11] + " " + links.join("; ") + "</div>";
    }

    /* Events: rows are [lat, lon, cssClass, colour, radiusPx, popup, tooltipHtml], popup being the
     * popup's HTML or its pieces (popupHtml: joined only when the popup opens);
     * spread is [[row, dx, dy], ...] for the events that share a point with others: each is
     * drawn (dx, dy) pixels from its point, joined to it by a thin line, the point marked. */
    /* A busy day (more than BUSY_DAY markers) is drawn with markers SMALL_AT_COUNTRY times their
     * size while the map is zoomed out to the country (zoom <= COUNTRY_ZOOM), so 150 blockades
     * read as points along their roads instead of one blot; zoomed in, they take their size back. */
    var BUSY_DAY = 60, COUNTRY_ZOOM = 6, SMALL_AT_COUNTRY = 0.6;

    function fitToZoom(group, markers, rows) {
        var map = null;
        function fit() {
            if (!map) { return; }
            var scale = map.getZoom() <= COUNTRY_ZOOM ? SMALL_AT_COUNTRY : 1;
            markers.forEach(function (m, i) {
                var radius = rows[i][4] * scale;
                if (m.getRadius() !== radius) { m.setRadius(radius); }
            });
        }
        group.on("add", function () { map = group._map; if (map) { map.on("zoomend", fit); fit(); } });
        group.on("remove", function () { if (map) { map.off("zoomend", fit); } map = null; });
    }

    /* A tooltip made the first time the pointer comes over `layer`: a day of hundreds of circles
     * then makes no tooltip (an object and its listeners) for the circles nobody points at. */
    function lazyTooltip(layer, html) {
        function bind(e) {
            layer.off("mouseover", bind);
            layer.bindTooltip(html).openTooltip(e && e.latlng);
        }
        return layer.on("mouseover", bind);
    }

    /* Popups served as a file (geo/render/served_popups.py), by URL: fetched once, when the day is
     * drawn and the browser idle; a popup opened before the file came waits for it (a synchronous
     * request to the same server, seldom made). The last few files are kept. */
    var SERVED = {}, SERVED_ORDER = [], SERVED_KEEP = 6;

    function servedFile(url) {
        if (!SERVED[url]) {
            SERVED[url] = {data: null, loading: false};
            SERVED_ORDER.push(url);
            while (SERVED_ORDER.length > SERVED_KEEP) { delete SERVED[SERVED_ORDER.shift()]; }
        }
        return SERVED[url];
    }

    function fetchServed(url) {
        var f = servedFile(url);
        if (f.data || f.loading || !global.fetch) { return; }
        f.loading = true;
        global.fetch(url).then(function (response) {
            if (!response.ok) { throw new Error(url + ": HTTP " + response.status); }
            return response.json();
        }).then(function (data) { f.data = data; f.loading = false; }, function () { f.loading = false; });
    }

    function servedPopup(url, i, fallback) {
        var f = servedFile(url);
        if (!f.data) {
            var request = new XMLHttpRequest();
            request.open("GET", url, false);
            try {
                request.send();
                if (request.status === 200) { f.data = JSON.parse(request.responseText); }
            } catch (error) {
                f.data = null;
            }
        }
        return f.data && f.data[i] ? popupHtml(f.data[i]) : '<div class="bm-popup"><b>' + fallback + "</b></div>";
    }

    function eventMarker(r, renderer, popupsUrl, i) {
        var m = L.circleMarker([r[0], r[1]], {
            radius: r[4], color: "#222", weight: 1, opacity: 0.9, renderer: renderer,
            fillColor: r[3], fillOpacity: 0.85, className: r[2], bmAt: [r[0], r[1]], bmRadius: r[4]
        });
        if (popupsUrl) {
            m.bindPopup(function () { return servedPopup(popupsUrl, i, r[6] || ""); }, {maxWidth: 340});
        } else if (r[5]) {
            m.bindPopup(typeof r[5] === "string" ? r[5] : function () { return popupHtml(r[5]); }, {maxWidth: 340});
        }
        if (r[6]) { lazyTooltip(m, r[6]); }
        return m;
    }

    /* Markers kept from one view to the next (pointLayer's `keep`), by name: the last view's
     * markers by their row's text, the layer group holding them, the pane and renderer they are
     * drawn in (above the other layers), and a removal waiting to happen. */
    var KEPT = {};

    /* A layer that creates the pane `name` (above the overlay pane) on the map it is added to. */
    function paneMaker(name) {
        var Maker = L.Layer.extend({
            onAdd: function (map) {
                if (!map.getPane(name)) { map.createPane(name).style.zIndex = 450; }
            },
            onRemove: function () { return; }
        });
        return new Maker();
    }

    function keptSet(name) {
        if (!KEPT[name]) { KEPT[name] = {byRow: {}, layer: L.layerGroup(), renderer: null, pane: "bm-" + name, timer: null}; }
        return KEPT[name];
    }

    function pointLayer(group, rows, spread, keep, popupsUrl) {
        var pins = {}, dots = {}, items = [], markers = [];
        var kept = keep ? keptSet(keep) : null;
        if (kept) { paneMaker(kept.pane).addTo(group); }  // first: the renderer's pane exists before any marker comes
        (spread || []).forEach(function (s) {
            var at = L.latLng(rows[s[0]][0], rows[s[0]][1]);
            pins[s[0]] = {at: at, offset: [s[1], s[2]], leg: L.polyline([at, at], STACK_LEG).addTo(group)};
        });
        Object.keys(pins).forEach(function (i) {
            var at = pins[i].at, key = at.lat + "," + at.lng;
            if (!dots[key]) { dots[key] = L.circleMarker(at, STACK_DOT).addTo(group); }
        });
        var before = kept ? kept.byRow : {}, now = {}, reused = [];
        if (kept && !kept.renderer) { kept.renderer = L.svg({pane: kept.pane}); }
        rows.forEach(function (r, i) {
            var text = kept && !pins[i] ? JSON.stringify(r) : null, m = null;
            if (text !== null && before[text] && before[text].length) { m = before[text].pop(); reused[i] = true; }
            if (!m) { m = eventMarker(r, kept ? kept.renderer : undefined, popupsUrl, i); }
            if (text !== null) { (now[text] = now[text] || []).push(m); } else { m.addTo(group); }
            markers.push(m);
            if (pins[i]) { pins[i].layer = m; items.push(pins[i]); }
        });
        if (kept) { keepMarkers(group, kept, markers, now, reused, pins); }
        if (popupsUrl) {
            var idle = global.requestIdleCallback || function (f) { return setTimeout(f, 200); };
            group.on("add", function () { idle(function () { fetchServed(popupsUrl); }, {timeout: 2000}); });
        }
        pinAround(group, items);
        if (rows.length > BUSY_DAY) { fitToZoom(group, markers, rows); }
        return group;
    }

    /* Put the markers just drawn (`fresh`, in the rows' order: largest first) among those kept
     * from the last view so that the drawing order goes from the largest circle to the smallest
     * (no small circle under a large one), moving as few elements as it can: each fresh marker
     * larger than a kept one goes just before the first such; the others stay at the end, in the
     * rows' order. Kept markers are already in that order (this ran when they came). */
    function largestFirst(fresh) {
        var paths = fresh.map(function (m) { return m._path; }).filter(Boolean);
        if (!paths.length) { return; }
        var holder = paths[0].parentNode, isFresh = new Set(paths), at = new Map(), old = [];
        Array.prototype.forEach.call(holder.children, function (el, i) {
            at.set(el, i);
            if (!isFresh.has(el) && el.bmRadius !== undefined) { old.push(el); }
        });
        var k = 0, tail = [];
        fresh.forEach(function (m) {
            var path = m._path;
            if (!path) { return; }
            path.bmRadius = m.options.bmRadius;
            while (k < old.length && old[k].bmRadius >= path.bmRadius) { k++; }
            if (k < old.length) { holder.insertBefore(path, old[k]); } else { tail.push(path); }
        });
        var ordered = tail.every(function (path, i) { return i === 0 || at.get(tail[i - 1]) < at.get(path); });
        if (!ordered) { tail.forEach(function (path) { holder.appendChild(path); }); }
    }

    /* The dashboard's day step: markers of events still shown stay on the map as they are (no
     * new SVG element, popup or tooltip for them); the others go, the new ones come. The events
     * are drawn in a pane of their own above the other layers (rings, hotspots, corridors), so
     * a marker kept from the day before is never under the new day's other layers. When the
     * group leaves the map its markers go at the next tick, unless the next view's pointLayer
     * (which streamlit-folium adds right after removing this one) takes them over first. */
    function keepMarkers(group, kept, markers, now, reused, pins) {
        var stale = [];
        Object.keys(kept.byRow).forEach(function (text) {
            kept.byRow[text].forEach(function (m) { stale.push(m); });
        });
        kept.byRow = now;
        var Holder = L.Layer.extend({
            onAdd: function (map) {
                clearTimeout(kept.timer);
                kept.timer = null;
                stale.forEach(function (m) { kept.layer.removeLayer(m); });
                stale = [];
                kept.byRow = now;
                if (!map.hasLayer(kept.layer)) { kept.layer.addTo(map); }
                markers.forEach(function (m, i) {
                    if (!pins[i] && !kept.layer.hasLayer(m)) { kept.layer.addLayer(m); }
                });
                largestFirst(markers.filter(function (m, i) { return !reused[i]; }));
            },
            onRemove: function () {
                clearTimeout(kept.timer);
                kept.timer = setTimeout(function () {
                    kept.layer.clearLayers();
                    kept.byRow = {};
                    kept.timer = null;
                }, 0);
            }
        });
        new Holder().addTo(group);
    }

    /* Counted cells standing for many events: rows are
     * [lat, lon, count, countsPerKind, dead, injured, detained, placesHtml];
     * kinds is [[kind, colour], ...] in the order of countsPerKind; words holds the labels. */
    function cellLayer(group, rows, kinds, words, note) {
        function fmt(n) { return Number(n).toLocaleString(words.locale); }
        rowsTo(group, rows, function (r) {
            var by = r[3], top = 0, parts = [], counts = [];
            for (var k = 0; k < by.length; k++) {
                if (by[k] > by[top]) { top = k; }
                if (by[k]) { parts.push(fmt(by[k]) + " " + words.kinds[k]); }
            }
            if (r[4]) { counts.push(fmt(r[4]) + " " + words.dead); }
            if (r[5]) { counts.push(fmt(r[5]) + " " + words.injured); }
            if (r[6]) { counts.push(fmt(r[6]) + " " + words.detained); }
            var size = Math.round(24 + 8 * Math.log10(r[2]));
            var badge = document.createElement("div");
            badge.setAttribute("data-count", String(r[2]));
            badge.style.background = kinds[top][1];
            badge.style.width = badge.style.height = badge.style.lineHeight = size + "px";
            badge.textContent = fmt(r[2]);
            var icon = L.divIcon({className: "bm-cell bm-kind-" + kinds[top][0], iconSize: [size, size],
                                  html: badge.outerHTML});
            var popup = '<div class="bm-popup"><b>' + fmt(r[2]) + " " + words.inCell + "</b><br>" +
                parts.join(", ") + (counts.length ? "<br><b>" + counts.join(", ") + "</b>" : "") +
                "<br>" + words.mostlyAt + " " + r[7] + "<br><small>" + words.zoomIn + "</small></div>";
            return L.marker([r[0], r[1]], {icon: icon}).bindPopup(popup, {maxWidth: 340})
                .bindTooltip(fmt(r[2]) + " " + words.events + ": " + parts.join(", "));
        });
        controlWith(group, textControl("bm-agg-note", note, "bottomright"));
        return group;
    }

    /* Hotspots: rows are [lat, lon, radiusMetres, tooltipHtml]. */
    function hotspotLayer(group, rows, colour) {
        return rowsTo(group, rows, function (r) {
            return L.circle([r[0], r[1]], {
                radius: r[2], color: colour, weight: 2, dashArray: "6 4", fillColor: colour,
                fillOpacity: 0.12, className: "bm-hotspot", interactive: true
            }).bindTooltip(r[3]);
        });
    }

    /* Corridors: rows are [[[lat, lon], ...], tooltipHtml]; options style every line. */
    function lineLayer(group, rows, options) {
        return rowsTo(group, rows, function (r) {
            return L.polyline(r[0], options).bindTooltip(r[1], {sticky: true});
        });
    }

    /* Day-over-day rings: rows are [lat, lon, radiusPx, tooltipHtml, dx, dy]; one style for
     * all. dx, dy (optional) follow an event spread away from a shared point (pointLayer). */
    function ringLayer(group, rows, style) {
        var items = [];
        rowsTo(group, rows, function (r) {
            var m = L.circleMarker([r[0], r[1]], Object.assign({radius: r[2]}, style));
            if (r[3] && style.interactive !== false) { lazyTooltip(m, r[3]); }
            if (r.length > 5) { items.push({layer: m, at: L.latLng(r[0], r[1]), offset: [r[4], r[5]]}); }
            return m;
        });
        pinAround(group, items);
        return group;
    }

    /* Towns of the corridors: rows are [lat, lon, nameHtml, major]. Major towns (junctions and
     * ends) are always named; the others from labelZoom on (below it, a dot). While a town is
     * named here, the embedded basemap's own label of it is hidden (basemap.js marks its labels
     * with `bmLabel`), so no name shows twice. */
    function townLayer(group, rows, labelZoom) {
        var names = {};
        rows.forEach(function (r) {
            var d = document.createElement("div");
            d.innerHTML = r[2];
            names[d.textContent] = r[3] ? "bm-town-twin" : "bm-town-twin-minor";
        });
        function hideTwin(layer) {
            if (!layer.bmLabel || !names[layer.bmLabel.name] || !layer.getElement) { return; }
            var el = layer.getElement();
            if (el) { L.DomUtil.addClass(el, names[layer.bmLabel.name]); }
        }
        rowsTo(group, rows, function (r) {
            return L.circleMarker([r[0], r[1]], {
                radius: r[3] ? 3.5 : 2.5, color: "#333", weight: 1, fillColor: "#fff", fillOpacity: 1,
                interactive: false, className: "bm-town" + (r[3] ? " bm-town-major" : "")
            }).bindTooltip(r[2], {permanent: true, direction: "right", offset: [4, 0], interactive: false,
                                  className: "bm-town-label" + (r[3] ? " bm-town-major" : " bm-town-minor")});
        });
        var Zoom = L.Layer.extend({
            onAdd: function (map) {
                this._show = function () {
                    var show = map.getZoom() >= labelZoom;
                    L.DomUtil[show ? "addClass" : "removeClass"](map.getContainer(), "bm-show-minor-towns");
                };
                this._twin = function (e) { hideTwin(e.layer); };
                map.on("zoomend", this._show);
                map.on("layeradd", this._twin);
                map.eachLayer(hideTwin);
                map.whenReady(this._show);
            },
            onRemove: function (map) {
                map.off("zoomend", this._show);
                map.off("layeradd", this._twin);
                L.DomUtil.removeClass(map.getContainer(), "bm-show-minor-towns");
            }
        });
        new Zoom().addTo(group);
        return group;
    }

    /* Small labels on the map: rows are [lat, lon, textHtml, cssClass, tooltipHtml]. */
    function badgeLayer(group, rows) {
        return rowsTo(group, rows, function (r) {
            var icon = L.divIcon({className: "bm-badge " + r[3], html: r[2], iconSize: null});
            var m = L.marker([r[0], r[1]], {icon: icon, keyboard: false});
            if (r[4]) { m.bindTooltip(r[4]); }
            return m;
        });
    }

    /* A legend box at `position` (e.g. "bottomright"), for maps whose bottom left is busy. */
    function legend(map, legendHtml, position) {
        var control = L.control({position: position || "bottomleft"});
        control.onAdd = function () {
            var div = L.DomUtil.create("div", "bm-legend");
            div.innerHTML = legendHtml;
            return div;
        };
        return control.addTo(map);
    }

    /* Whether the map's tiles are drawn, kept up to date: none are when the map has no tile layer,
     * or when no tile has loaded and one has failed (or, once `final`, none loaded at all). Calls
     * onChange(drawn) after every tile loaded or failed. The dashboard's credit line and the
     * snapshot's both follow it, so they credit only what is drawn. */
    function tileWatch(map, onChange) {
        var tiles = [], failed = 0;
        map.eachLayer(function (layer) { if (layer instanceof L.TileLayer) { tiles.push(layer); } });
        function loaded() {
            return map.getContainer().querySelectorAll("img.leaflet-tile-loaded").length;
        }
        function drawn(final) {
            return tiles.length > 0 && !(loaded() === 0 && (failed > 0 || final));
        }
        tiles.forEach(function (layer) {
            layer.on("tileload", function () { onChange(drawn(false)); });
            layer.on("tileerror", function () { failed += 1; onChange(drawn(false)); });
        });
        return {tiles: tiles, loaded: loaded, drawn: drawn, failed: function () { return failed; }};
    }

    /* The tile layers' credit in Leaflet's attribution line only while their tiles are drawn. */
    function tileCredits(map) {
        var shown = true;
        var watch = tileWatch(map, function (drawn) {
            if (!map.attributionControl || drawn === shown) { return; }
            watch.tiles.forEach(function (layer) {
                var credit = layer.getAttribution && layer.getAttribution();
                if (!credit) { return; }
                if (drawn) { map.attributionControl.addAttribution(credit); }
                else { map.attributionControl.removeAttribution(credit); }
            });
            shown = drawn;
        });
        return watch;
    }

    /* Legend (bottom left), a notice shown while map tiles fail to load, and the page's language. */
    function mapChrome(map, legendHtml, noticeText, lang) {
        var legend = null;
        if (lang) { document.documentElement.lang = lang; }
        tileCredits(map);
        if (legendHtml) {
            legend = L.control({position: "bottomleft"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "bm-legend");
                div.innerHTML = legendHtml;
                return div;
            };
            legend.addTo(map);
        }
        if (!noticeText) { return {legend: legend, notice: null}; }
        var notice = textControl("bm-notice bm-tiles-notice", noticeText, "topright");
        notice.addTo(map);
        var failures = 0;
        map.eachLayer(function (layer) {
            if (!(layer instanceof L.TileLayer)) { return; }
            layer.on("tileerror", function () {
                failures += 1;
                notice.getContainer().style.display = "block";
            });
            layer.on("tileload", function () {
                if (failures === 0) { notice.getContainer().style.display = "none"; }
            });
        });
        return {legend: legend, notice: notice};
    }

    /* Frame the map on bounds ([[south, west], [north, east]]) when `group` is added to it, unless
     * the map was last framed with the same `token`. The dashboard sends its frame this way with
     * the day's layers, so its base map (and the component's key) never change with the frame: a
     * day step that keeps the frame leaves the reader's pan and zoom alone, and a new frame (or
     * "Frame the day", a new token) moves the map without loading it again. */
    function frameTo(group, bounds, token) {
        var Frame = L.Layer.extend({
            onAdd: function (map) {
                if (map.bmFrameToken === token) { return; }
                map.bmFrameToken = token;
                map.fitBounds(bounds, {animate: false, padding: [10, 10]});
            },
            onRemove: function () {}
        });
        new Frame().addTo(group);
        return group;
    }

    /* The dashboard's step ahead (geo/render/served_views.py). A view's layers text starts with
     * AHEAD_MARK and ends with stepAhead(urls), urls naming the files that hold the layers text of
     * the day after and the day before ({next, prev}; those drawn one by one only). The page
     * fetches them when idle; a click on the sidebar's "Next" or "Prev" then draws that day at
     * once, in the time the server takes to run the page again, exactly as streamlit-folium would
     * draw the text the server is about to send (the frame's part, before the mark, kept). When
     * that text comes, streamlit-folium finds it is the text last drawn and leaves the map alone;
     * when it is not (the frame moved, the data changed) it draws it as always. Nothing is drawn
     * ahead once the server's text has come, nor from a day whose text has no mark. */
    var AHEAD_MARK = "/* bm-view */", AHEAD_KEEP = 6, AHEAD_TRIES = 8, AHEAD_RETRY_MS = 25,
        AHEAD_AGAIN_MS = 300, AHEAD_AGAIN_MAX_MS = 5000;
    var AHEAD = {urls: {}, texts: {}, order: [], doc: null, drawn: 0};

    function aheadFetch(url, done) {
        if (AHEAD.texts[url] !== undefined || !global.fetch) {
            if (done) { done(AHEAD.texts[url] !== undefined); }
            return;
        }
        global.fetch(url, {cache: "no-cache"}).then(function (response) {  // a file not made yet changes
            return response.ok ? response.text() : null;
        }).then(function (text) {
            if (typeof text === "string" && text.indexOf(AHEAD_MARK) === 0 && AHEAD.texts[url] === undefined) {
                AHEAD.texts[url] = text;
                AHEAD.order.push(url);
                while (AHEAD.order.length > AHEAD_KEEP) { delete AHEAD.texts[AHEAD.order.shift()]; }
            }
            if (done) { done(AHEAD.texts[url] !== undefined); }
        }, function () { if (done) { done(false); } });
    }

    function drawAhead(url, sent, tries) {
        var data = global.__GLOBAL_DATA__, map = global.map, groups = global.feature_group;
        if (!data || !map || !groups || typeof sent !== "string" || data.last_feature_group !== sent) { return; }
        var at = sent.indexOf(AHEAD_MARK), text = AHEAD.texts[url];
        if (at < 0) { return; }
        if (text === undefined) {  // not fetched yet (or not made yet): ask again, a few times
            if (tries < AHEAD_TRIES) {
                aheadFetch(url, function (ok) {
                    if (ok) { drawAhead(url, sent, tries + 1); } else {
                        setTimeout(function () { drawAhead(url, sent, tries + 1); }, AHEAD_RETRY_MS);
                    }
                });
            }
            return;
        }
        var prefix = sent.slice(0, at), framing = prefix.split("window.feature_group.push(").length - 1;
        groups.slice(framing).forEach(function (group) { map.removeLayer(group); });
        groups.length = framing;
        data.last_feature_group = prefix + text;
        try {
            (0, eval)(text);  // in the page's global scope, as the text streamlit-folium evaluates
            AHEAD.drawn += 1;
        } catch (error) {  // the server's text, when it comes, is then drawn as always
            data.last_feature_group = sent;
            if (global.console) { global.console.warn("Blockade Map: the day ahead was not drawn", error); }
        }
    }

    function hookSteps() {
        var doc = null;
        try { doc = global.parent !== global ? global.parent.document : null; } catch (error) { doc = null; }
        if (!doc || AHEAD.doc === doc) { return; }
        AHEAD.doc = doc;
        doc.addEventListener("click", function onStep(event) {
            if (!global.frameElement || !global.frameElement.isConnected) {
                doc.removeEventListener("click", onStep, true);  // this map's frame is gone
                return;
            }
            var box = event.target && event.target.closest ? event.target.closest(".st-key-next_day, .st-key-prev_day") : null;
            var button = box ? box.querySelector("button") : null;
            if (!button || button.disabled) { return; }
            var url = AHEAD.urls[box.classList.contains("st-key-next_day") ? "next" : "prev"];
            var data = global.__GLOBAL_DATA__, sent = data ? data.last_feature_group : null;
            if (url) { afterRunStarts(doc, function () { drawAhead(url, sent, 0); }); }
        }, true);
    }

    /* Call `then` as soon as the page shows that the server has started the run the click asked
     * for, or AHEAD_WAIT_MS after the click, whichever comes first: the click goes out before any
     * drawing holds the page up. (A page that has lost its server disables its buttons, so no
     * click draws ahead there; a page that takes the whole run's messages at once never shows the
     * run as started, hence the wait.) */
    var AHEAD_WAIT_MS = 40;

    function afterRunStarts(doc, then) {
        var app = doc.querySelector('[data-testid="stApp"]'), observer = null, timer = null;
        function go() {
            if (observer) { observer.disconnect(); }
            clearTimeout(timer);
            then();
        }
        if (app && global.MutationObserver) {
            observer = new global.MutationObserver(go);
            observer.observe(app, {attributes: true, attributeFilter: ["data-test-script-state"]});
        }
        timer = setTimeout(go, AHEAD_WAIT_MS);
    }

    function stepAhead(urls) {
        AHEAD.urls = urls || {};
        hookSteps();
        var idle = global.requestIdleCallback || function (f) { return setTimeout(f, 200); };
        var urlsNow = AHEAD.urls;
        function fetchStep(url, wait) {  // the server makes the next day's a moment after its run: ask
            if (AHEAD.urls !== urlsNow) { return; }  // again, waiting twice as long each time, a few times
            aheadFetch(url, function (ok) {
                if (!ok && wait <= AHEAD_AGAIN_MAX_MS) { setTimeout(function () { fetchStep(url, 2 * wait); }, wait); }
            });
        }
        idle(function () {
            Object.keys(urlsNow).forEach(function (step) { fetchStep(urlsNow[step], AHEAD_AGAIN_MS); });
        }, {timeout: 2000});
    }

    /* What a headless browser needs to capture a snapshot: tile state, marker positions. */
    function snapshot(map, words) {
        var moving = false;
        map.on("movestart zoomstart", function () { moving = true; });
        map.on("moveend zoomend", function () { moving = false; });
        function showCredit(final) {
            var el = document.querySelector(".bm-snap-tiles");
            if (el) { el.textContent = watch.drawn(final) ? words.tileCredit : words.noTiles; }
            return watch.loaded();
        }
        var watch = tileWatch(map, function () { showCredit(false); });
        var tiles = watch.tiles;
        global.bmSnapshot = {
            map: map,
            idle: function () { return !moving; },
            tilesPending: function () {
                return tiles.some(function (layer) { return layer.isLoading(); });
            },
            finish: function () {
                document.body.classList.add("bm-capture");
                var loaded = showCredit(true);
                return {layers: tiles.length, loaded: loaded, failed: watch.failed()};
            },
            markers: function () {
                var rect = map.getContainer().getBoundingClientRect();
                var paths = Array.prototype.slice.call(document.querySelectorAll("path"));
                var out = [];
                map.eachLayer(function (layer) {
                    if (!(layer instanceof L.CircleMarker)) { return; }
                    var path = layer.getElement();
                    var cls = path ? (path.getAttribute("class") || "") : "";
                    if (!/(^| )bm-event( |$)/.test(cls)) { return; }
                    var at = L.latLng(layer.options.bmAt || layer.getLatLng());
                    var p = map.latLngToContainerPoint(layer.getLatLng());
                    var q = map.latLngToContainerPoint(at);
                    var kind = (cls.match(/bm-kind-([a-z]+)/) || [null, null])[1];
                    out.push({kind: kind, lat: at.lat, lon: at.lng, x: rect.left + p.x, y: rect.top + p.y,
                              at_x: rect.left + q.x, at_y: rect.top + q.y,
                              radius: layer.getRadius(), order: paths.indexOf(path)});
                });
                out.sort(function (a, b) { return a.order - b.order; });
                return {markers: out, zoom: map.getZoom(), map_box: [rect.left, rect.top, rect.width, rect.height]};
            },
            project: function (lat, lon) {
                var rect = map.getContainer().getBoundingClientRect();
                var p = map.latLngToContainerPoint([lat, lon]);
                return [rect.left + p.x, rect.top + p.y];
            }
        };
        return global.bmSnapshot;
    }

    global.BlockadeMap = {
        pointLayer: pointLayer, popupHtml: popupHtml, cellLayer: cellLayer, hotspotLayer: hotspotLayer, lineLayer: lineLayer,
        ringLayer: ringLayer, townLayer: townLayer, badgeLayer: badgeLayer, legend: legend, mapChrome: mapChrome,
        frameTo: frameTo, snapshot: snapshot, stepAhead: stepAhead,
        drawnAhead: function () { return AHEAD.drawn; },
        readyAhead: function (step) { return Boolean(AHEAD.urls[step]) && AHEAD.texts[AHEAD.urls[step]] !== undefined; }
    };
})(window);
