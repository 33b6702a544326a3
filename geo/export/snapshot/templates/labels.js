/* Blockade Map snapshot labels: names written above their markers, without collisions.
   BlockadeMapSnapshotLabels(map, labels) places `labels` (most important first, each
   {name, lon, lat, role, rank}) on a pane above the markers. Each label tries four spots
   (above its point, right, left, below) and takes the first that stays inside the map, clear of
   the labels already placed, of the legend and of every event marker other than its own; a label
   with no free spot is left out. Placement is redone after each zoom. window.bmSnapshotLabels
   tells the capture what was placed (boxes in page pixels) and what was left out. */
(function (global) {
    "use strict";
    var GAP = 3;

    function overlaps(a, b) {
        return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    }

    function measure(probe, label) {
        probe.className = "bm-snap-label " + classFor(label);
        probe.textContent = label.name;
        return {w: probe.offsetWidth, h: probe.offsetHeight};
    }

    function classFor(label) {
        if (label.role === "water") { return "bm-snap-label-water"; }
        return label.role === "capital" ? "bm-snap-label-minor" : "bm-snap-label-major";
    }

    function markerBoxes(map) {
        var boxes = [];
        map.eachLayer(function (layer) {
            if (!(layer instanceof L.CircleMarker) || layer instanceof L.Circle) { return; }
            var path = layer.getElement && layer.getElement();
            if (!path || !/(^| )bm-event( |$)/.test(path.getAttribute("class") || "")) { return; }
            var p = map.latLngToContainerPoint(layer.getLatLng()), r = layer.getRadius();
            boxes.push({x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r, cx: p.x, cy: p.y, r: r});
        });
        return boxes;
    }

    function place(map, labels, pane, probe) {
        var size = map.getSize(), mapRect = map.getContainer().getBoundingClientRect();
        var taken = [], markers = markerBoxes(map), placed = [], dropped = [];
        Array.prototype.forEach.call(map.getContainer().querySelectorAll(".leaflet-control"), function (el) {
            var r = el.getBoundingClientRect();
            if (r.width && r.height) {
                taken.push({x: r.left - mapRect.left, y: r.top - mapRect.top, w: r.width, h: r.height});
            }
        });
        while (pane.firstChild) { pane.removeChild(pane.firstChild); }
        /* the basemap's own name of a place labelled here gives way; its other names are obstacles */
        var major = {}, shown = {};
        labels.forEach(function (label) { if (label.rank <= 3) { major[label.name] = true; } });
        Array.prototype.forEach.call(map.getContainer().querySelectorAll(".bm-bl-label"), function (el) {
            el.classList.remove("bm-snap-replaced");
            if (el.classList.contains("bm-bl-hidden")) { return; }
            if (major[el.textContent]) { el.classList.add("bm-snap-replaced"); return; }
            var r = (el.querySelector("span") || el).getBoundingClientRect();
            if (r.width && r.height) {
                shown[el.textContent] = true;
                taken.push({x: r.left - mapRect.left, y: r.top - mapRect.top, w: r.width, h: r.height});
            }
        });
        labels.forEach(function (label) {
            var p = map.latLngToContainerPoint([label.lat, label.lon]);
            var minor = label.role === "capital";
            if (minor && shown[label.name]) { return; }  /* the basemap already names it */
            var dim = measure(probe, label);
            /* the marker at the label's point (if any) sets how far the label keeps from it */
            var own = 0;
            markers.forEach(function (m) {
                if (Math.abs(m.cx - p.x) <= m.r && Math.abs(m.cy - p.y) <= m.r) { own = Math.max(own, m.r); }
            });
            var spots = [];
            if (label.role === "water") {
                /* a lake's or sea's name may move a little inside it to find room */
                [[0, 0], [0, -24], [0, 24], [-40, 0], [40, 0], [-40, -24], [40, 24], [0, -48], [0, 48],
                 [-80, 0], [80, 0]].forEach(function (d) { spots.push([d[0] - dim.w / 2, d[1] - dim.h / 2]); });
            } else {
                /* above first, then right, left, below; the day's main places also try further out */
                var rings = label.rank <= 3 ? [own + GAP, own + 18, own + 34] : [own + GAP];
                rings.forEach(function (off) {
                    spots.push([-dim.w / 2, -off - dim.h], [off, -dim.h / 2], [-off - dim.w, -dim.h / 2],
                               [-dim.w / 2, off]);
                });
            }
            var chosen = null;
            for (var i = 0; i < spots.length && !chosen; i++) {
                var box = {x: p.x + spots[i][0], y: p.y + spots[i][1], w: dim.w, h: dim.h};
                if (box.x < 2 || box.y < 2 || box.x + box.w > size.x - 2 || box.y + box.h > size.y - 2) { continue; }
                if (taken.some(function (t) { return overlaps(box, t); })) { continue; }
                if (markers.some(function (m) {
                    var dx = Math.max(box.x - m.cx, 0, m.cx - (box.x + box.w));
                    var dy = Math.max(box.y - m.cy, 0, m.cy - (box.y + box.h));
                    return dx * dx + dy * dy < m.r * m.r;
                })) { continue; }
                chosen = box;
            }
            if (!chosen) { dropped.push(label.name); return; }
            taken.push(chosen);
            var el = document.createElement("div");
            el.className = "bm-snap-label " + classFor(label);
            el.setAttribute("data-role", label.role);
            el.textContent = label.name;
            el.style.position = "absolute";
            L.DomUtil.setPosition(el, map.containerPointToLayerPoint([chosen.x, chosen.y]));
            pane.appendChild(el);
            if (minor && !own) {  /* a capital without a marker gets the basemap's dot */
                var dot = document.createElement("i");
                dot.className = "bm-snap-dot";
                L.DomUtil.setPosition(dot, map.containerPointToLayerPoint([p.x - 2, p.y - 2]));
                pane.appendChild(dot);
            }
            placed.push({name: label.name, role: label.role, x: mapRect.left + chosen.x, y: mapRect.top + chosen.y,
                         w: chosen.w, h: chosen.h, at_x: mapRect.left + p.x, at_y: mapRect.top + p.y});
        });
        return {placed: placed, dropped: dropped};
    }

    global.BlockadeMapSnapshotLabels = function (map, labels) {
        var pane = map.createPane("bm-labels");
        var probe = document.createElement("div");
        probe.style.position = "absolute";
        probe.style.visibility = "hidden";
        map.getContainer().appendChild(probe);
        var state = {placed: [], dropped: []};
        function redo() { state = place(map, labels, pane, probe); }
        map.whenReady(redo);
        map.on("zoomend", redo);
        global.bmSnapshotLabels = {
            result: function () { return state; },
            /* credit only what was drawn: a tile layer with no tile on screen loses its credit */
            finish: function (tilesLoaded) {
                if (tilesLoaded > 0) { return; }
                map.eachLayer(function (layer) {
                    if (layer instanceof L.TileLayer && map.attributionControl) {
                        map.attributionControl.removeAttribution(layer.getAttribution());
                    }
                });
                var part = document.querySelector(".bm-snap-tiles-part");
                if (part) { part.parentNode.removeChild(part); }
            }
        };
    };
})(window);
