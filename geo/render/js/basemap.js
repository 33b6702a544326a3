/* Blockade Map: the embedded basemap (see geo/render/basemap.py for the data it draws).
 *
 * BlockadeBasemap.draw(map, data) draws a basemap FeatureCollection in two panes under the
 * tile pane: shapes (sea, land, lakes, coast, borders) and labels (countries, region capitals,
 * towns). Online tiles cover it when they load; when they do not, it is the map's geography.
 * Labels have a minimum zoom and a rank; after each zoom, labels are placed best rank first
 * and one that would overlap a placed label is hidden, so the map stays readable.
 */
(function (root) {
    "use strict";

    var SHAPES_PANE = "bmBasemap";
    var LABELS_PANE = "bmBasemapLabels";
    var COLORS = {
        sea: "#cfe0ee",
        land: "#f4f2ec",
        lake: "#cfe0ee",
        coast: "#9fb6c9",
        border: "#8c8c8c"
    };
    var CSS = [
        ".bm-bl-label { white-space: nowrap; pointer-events: none; font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif;",
        "  color: #4a4a4a; text-shadow: -1px -1px 0 #fff, 1px -1px 0 #fff, -1px 1px 0 #fff, 1px 1px 0 #fff, 0 0 3px #fff; }",
        ".bm-bl-label span { position: absolute; left: 6px; top: -7px; line-height: 14px; }",
        // Dots stay light: a dark dot could pass for a small event marker.
        ".bm-bl-label i { position: absolute; left: -2px; top: -2px; width: 4px; height: 4px; border-radius: 50%;",
        "  background: #949494; box-shadow: 0 0 0 1px #fff; }",
        ".bm-bl-capital { font-size: 11px; }",
        ".bm-bl-town { font-size: 10px; color: #5c5c5c; }",
        ".bm-bl-town i { width: 3px; height: 3px; left: -1.5px; top: -1.5px; background: #ababab; }",
        ".bm-bl-country { font-size: 12px; letter-spacing: 2px; text-transform: uppercase; color: #8a8a8a; }",
        ".bm-bl-country span { left: 0; transform: translateX(-50%); }",
        ".bm-bl-water { font-size: 11px; font-style: italic; letter-spacing: 1px; color: #2f5573; }",
        ".bm-bl-water span { left: 0; transform: translateX(-50%); }",
        ".bm-bl-hidden { display: none; }"
    ].join("\n");

    function addStyle() {
        if (document.getElementById("bm-basemap-style")) { return; }
        var style = document.createElement("style");
        style.id = "bm-basemap-style";
        style.textContent = CSS;
        document.head.appendChild(style);
    }

    function pane(map, name, zIndex) {
        var el = map.getPane(name) || map.createPane(name);
        el.style.zIndex = String(zIndex);  // the tile pane is 200: these stay under the tiles
        el.style.pointerEvents = "none";
        return el;
    }

    function shapeStyle(feature) {
        var layer = feature.properties.layer;
        if (layer === "land") { return {stroke: false, fill: true, fillColor: COLORS.land, fillOpacity: 1}; }
        if (layer === "lake") { return {stroke: false, fill: true, fillColor: COLORS.lake, fillOpacity: 1}; }
        if (layer === "coast") { return {color: COLORS.coast, weight: 1, opacity: 1, fill: false}; }
        if (layer === "border") {
            return {color: COLORS.border, weight: 1.2, opacity: 1, dashArray: "5 3", fill: false};
        }
        return {stroke: false, fill: false};
    }

    var ORDER = {land: 0, lake: 1, coast: 2, border: 3};

    function labelMarker(feature, language) {
        var p = feature.properties;
        var kind = p.layer === "country" || p.layer === "water" ? p.layer : (p.kind || "town");
        var el = document.createElement("div");
        var text = document.createElement("span");
        // the reader's language: given by the map (the dashboard's frame is a page of its own), else the page's
        var lang = (language || document.documentElement.lang || "").split("-")[0];
        var name = p["name_" + lang] || p.name;  // a country or a lake in that language (name_es: "Perú")
        text.textContent = name;  // text, never HTML
        var centred = kind === "country" || kind === "water";
        if (!centred) { el.appendChild(document.createElement("i")); }
        el.appendChild(text);
        var c = feature.geometry.coordinates;
        var marker = L.marker([c[1], c[0]], {
            pane: LABELS_PANE, interactive: false, keyboard: false,
            icon: L.divIcon({className: "bm-bl-label bm-bl-" + kind, html: el, iconSize: null})
        });
        // a lake or sea yields to countries and region capitals, and goes before towns
        var rank = p.rank !== undefined ? p.rank : (kind === "water" ? 1 : 0);
        marker.bmLabel = {name: name, kind: kind, minzoom: p.minzoom || 0, rank: rank, centred: centred};
        return marker;
    }

    function box(marker, map) {
        // The label's box in container pixels, from its drawn text (a dot and a small margin).
        var span = marker._icon && marker._icon.querySelector("span");
        if (!span) { return null; }
        var p = map.latLngToContainerPoint(marker.getLatLng());
        var w = span.offsetWidth, h = span.offsetHeight;
        var left = marker.bmLabel.centred ? p.x - w / 2 : p.x - 3;
        return {x0: left - 2, y0: p.y - h / 2 - 2, x1: left + w + 8, y1: p.y + h / 2 + 2};
    }

    function overlaps(a, b) {
        return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    }

    function layout(map, labels) {
        var zoom = map.getZoom(), placed = [];
        labels.forEach(function (marker) {
            var el = marker._icon;
            if (!el) { return; }
            if (zoom < marker.bmLabel.minzoom) { L.DomUtil.addClass(el, "bm-bl-hidden"); return; }
            L.DomUtil.removeClass(el, "bm-bl-hidden");
            var b = box(marker, map);
            if (b && placed.some(function (o) { return overlaps(b, o); })) {
                L.DomUtil.addClass(el, "bm-bl-hidden");
            } else if (b) {
                placed.push(b);
            }
        });
    }

    /* `attribution` (optional) replaces the file's own credit line, e.g. in the reader's language;
     * `language` (optional, e.g. "es") names places in that language, else in the page's <html lang>;
     * `water` names the lakes and seas too (a snapshot places those names itself). */
    function draw(map, data, attribution, language, water) {
        addStyle();
        pane(map, SHAPES_PANE, 150);
        pane(map, LABELS_PANE, 160);
        var renderer = L.svg({pane: SHAPES_PANE, padding: 0.5});
        var b = data.bbox;  // west, south, east, north
        L.rectangle([[b[1], b[0]], [b[3], b[2]]], {
            pane: SHAPES_PANE, renderer: renderer, interactive: false, stroke: false,
            fillColor: COLORS.sea, fillOpacity: 1, className: "bm-bl-sea"
        }).addTo(map);
        var shapes = data.features.filter(function (f) { return f.properties.layer in ORDER; });
        shapes.sort(function (x, y) { return ORDER[x.properties.layer] - ORDER[y.properties.layer]; });
        shapes.forEach(function (feature) {
            L.geoJSON(feature, {
                pane: SHAPES_PANE, renderer: renderer, interactive: false,
                style: function (f) {
                    var s = shapeStyle(f);
                    s.className = "bm-bl-" + f.properties.layer;
                    return s;
                }
            }).addTo(map);
        });
        var labels = data.features.filter(function (f) {
            var layer = f.properties.layer;
            return layer === "country" || layer === "place" || (water && layer === "water");
        }).map(function (feature) { return labelMarker(feature, language); });
        labels.forEach(function (m, i) { m.bmLabel.order = i; });
        labels.sort(function (x, y) {
            return (x.bmLabel.rank - y.bmLabel.rank) || (x.bmLabel.order - y.bmLabel.order);
        });
        labels.forEach(function (m) { m.addTo(map); });
        map.on("zoomend", function () { layout(map, labels); });
        map.whenReady(function () { layout(map, labels); });
        var credit = attribution || data.attribution;
        if (map.attributionControl && credit) {
            map.attributionControl.addAttribution(escapeHtml(credit));
        }
        return labels;
    }

    function escapeHtml(text) {
        return String(text).replace(/[&<>"']/g, function (c) {
            return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c];
        });
    }

    function load(map, url, attribution, language, water) {
        // The dashboard's basemap is a static file: fetched once, cached by the browser.
        return fetch(url).then(function (response) {
            if (!response.ok) { throw new Error("HTTP " + response.status); }
            return response.json();
        }).then(function (data) {
            return draw(map, data, attribution, language, water);
        }).catch(function (error) {
            if (root.console) { root.console.warn("basemap not drawn (" + url + "): " + error.message); }
        });
    }

    root.BlockadeBasemap = {draw: draw, load: load, layout: layout, colors: COLORS};
    if (root.BlockadeMap) {  // the map layers call it as BlockadeMap.basemapDraw / basemapLoad
        root.BlockadeMap.basemapDraw = draw;
        root.BlockadeMap.basemapLoad = load;
    }
})(window);
