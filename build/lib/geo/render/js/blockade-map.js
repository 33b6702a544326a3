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

    /* Events: rows are [lat, lon, cssClass, colour, radiusPx, popupHtml, tooltipHtml]. */
    function pointLayer(group, rows) {
        return rowsTo(group, rows, function (r) {
            var m = L.circleMarker([r[0], r[1]], {
                radius: r[4], color: "#222", weight: 1, opacity: 0.9,
                fillColor: r[3], fillOpacity: 0.85, className: r[2]
            });
            if (r[5]) { m.bindPopup(r[5], {maxWidth: 340}); }
            if (r[6]) { m.bindTooltip(r[6]); }
            return m;
        });
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

    /* Day-over-day rings: rows are [lat, lon, radiusPx, tooltipHtml]; one style for all. */
    function ringLayer(group, rows, style) {
        return rowsTo(group, rows, function (r) {
            var m = L.circleMarker([r[0], r[1]], Object.assign({radius: r[2]}, style));
            if (r[3] && style.interactive !== false) { m.bindTooltip(r[3]); }
            return m;
        });
    }

    /* Legend (bottom left) and a notice shown while map tiles fail to load. */
    function mapChrome(map, legendHtml, noticeText) {
        var legend = null;
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

    /* What a headless browser needs to capture a snapshot: tile state, marker positions. */
    function snapshot(map, words) {
        var tiles = [], failed = 0, moving = false;
        map.eachLayer(function (layer) { if (layer instanceof L.TileLayer) { tiles.push(layer); } });
        map.on("movestart zoomstart", function () { moving = true; });
        map.on("moveend zoomend", function () { moving = false; });
        function loadedTiles() {
            return map.getContainer().querySelectorAll("img.leaflet-tile-loaded").length;
        }
        function showCredit(final) {
            var el = document.querySelector(".bm-snap-tiles");
            var loaded = loadedTiles();
            var none = tiles.length === 0 || (loaded === 0 && (failed > 0 || final));
            if (el) { el.textContent = none ? words.noTiles : words.tileCredit; }
            return loaded;
        }
        tiles.forEach(function (layer) {
            layer.on("tileload", function () { showCredit(false); });
            layer.on("tileerror", function () { failed += 1; showCredit(false); });
        });
        global.bmSnapshot = {
            map: map,
            idle: function () { return !moving; },
            tilesPending: function () {
                return tiles.some(function (layer) { return layer.isLoading(); });
            },
            finish: function () {
                document.body.classList.add("bm-capture");
                var loaded = showCredit(true);
                return {layers: tiles.length, loaded: loaded, failed: failed};
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
                    var ll = layer.getLatLng();
                    var p = map.latLngToContainerPoint(ll);
                    var kind = (cls.match(/bm-kind-([a-z]+)/) || [null, null])[1];
                    out.push({kind: kind, lat: ll.lat, lon: ll.lng, x: rect.left + p.x, y: rect.top + p.y,
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
        pointLayer: pointLayer, cellLayer: cellLayer, hotspotLayer: hotspotLayer, lineLayer: lineLayer,
        ringLayer: ringLayer, mapChrome: mapChrome, snapshot: snapshot
    };
})(window);
