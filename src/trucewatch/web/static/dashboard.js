// trucewatch dashboard: the incident map (Leaflet) and the timeline (Vega-Lite via vega-embed).
// Source text never goes through innerHTML: popups are built from text nodes.
(function () {
  "use strict";

  // The map shows every incident matching the page's filters, fetched from /api/incidents/map:
  // points when few, grid cells (circles sized by count) when many. Each fetch asks for the view
  // and a margin around it; a zoom, or a pan past the margin, fetches again (a popup's own small
  // pan does not), unless every matching incident is already drawn. Only the latest answer is
  // drawn.
  function drawMap() {
    var holder = document.getElementById("map");
    var styleTag = document.getElementById("map-style");
    var status = document.getElementById("map-status");
    if (!holder || !styleTag || !status || typeof L === "undefined") { return; }
    var style = JSON.parse(styleTag.textContent);
    var map = L.map(holder, { attributionControl: true, worldCopyJump: true });
    if (holder.dataset.tiles) {
      L.tileLayer(holder.dataset.tiles, { maxZoom: 18, attribution: "base map: tile server given to trucewatch serve --tiles" }).addTo(map);
    }
    var layer = L.layerGroup().addTo(map);
    var latest = 0;
    var timer = null;
    var fetched = null;  // {bounds, zoom} of the last fetch with a view, or "all"

    function text(box, line) {
      if (box.childNodes.length) { box.appendChild(document.createElement("br")); }
      box.appendChild(document.createTextNode(line));
    }

    function colour(verdict) { return style.colors[verdict] || style.colors.none; }

    function pointMarker(latlng, p) {
      var marker = L.circleMarker(latlng, {
        radius: 7, weight: 1, color: "#222", fillOpacity: 0.85, fillColor: colour(p.verdict)
      });
      var box = document.createElement("div");
      var link = document.createElement("a");
      link.href = "/incidents/" + encodeURIComponent(p.id);
      link.textContent = p.id;
      box.appendChild(link);
      text(box, (p.date || "no date") + " · " + (p.place || "no place name"));
      text(box, p.target_class + " · perpetrator " + (p.perpetrator || "unknown"));
      text(box, style.labels[p.verdict] || p.verdict);
      return marker.bindPopup(box);
    }

    function compact(n) {
      if (n < 1000) { return String(n); }
      if (n < 1e6) { return (n / 1e3).toFixed(n < 1e4 ? 1 : 0) + "k"; }
      return (n / 1e6).toFixed(1) + "M";
    }

    // A group of incidents is a pie of its counts per verdict (strongest first, clockwise from
    // the top) with the total in the middle, so the violations inside it stay visible.
    var SVG = "http://www.w3.org/2000/svg";
    var order = Object.keys(style.colors);

    function pie(counts, total, size) {
      var svg = document.createElementNS(SVG, "svg");
      var r = size / 2;
      svg.setAttribute("width", String(size));
      svg.setAttribute("height", String(size));
      svg.setAttribute("viewBox", [-r, -r, size, size].join(" "));
      var start = -Math.PI / 2;
      order.filter(function (v) { return counts[v]; }).forEach(function (v) {
        var share = counts[v] / total;
        var slice;
        if (share >= 0.9999) {
          slice = document.createElementNS(SVG, "circle");
          slice.setAttribute("r", String(r - 1));
        } else {
          var end = start + 2 * Math.PI * share;
          var large = share > 0.5 ? 1 : 0;
          slice = document.createElementNS(SVG, "path");
          slice.setAttribute("d", ["M 0 0 L", (r - 1) * Math.cos(start), (r - 1) * Math.sin(start),
            "A", r - 1, r - 1, 0, large, 1, (r - 1) * Math.cos(end), (r - 1) * Math.sin(end), "Z"].join(" "));
          start = end;
        }
        slice.setAttribute("fill", colour(v));
        slice.setAttribute("stroke", "#222");
        slice.setAttribute("stroke-width", "0.6");
        slice.setAttribute("data-verdict", v);
        svg.appendChild(slice);
      });
      var hole = document.createElementNS(SVG, "circle");
      hole.setAttribute("r", String(Math.max(7, r * 0.45)));
      hole.setAttribute("fill", "#fff");
      hole.setAttribute("fill-opacity", "0.85");
      svg.appendChild(hole);
      var label = document.createElementNS(SVG, "text");
      label.setAttribute("text-anchor", "middle");
      label.setAttribute("dominant-baseline", "central");
      label.textContent = compact(total);
      svg.appendChild(label);
      return svg;
    }

    function cellMarkers(latlng, p, biggest) {
      var size = Math.round(2 * (9 + 12 * Math.sqrt(p.count / biggest)));
      var box = document.createElement("div");
      text(box, p.count.toLocaleString("en") + " incidents in this cell");
      order.filter(function (v) { return p.verdicts[v]; }).forEach(function (v) {
        text(box, (style.labels[v] || v) + ": " + p.verdicts[v].toLocaleString("en"));
      });
      box.appendChild(document.createElement("br"));
      var zoom = document.createElement("button");
      zoom.type = "button";
      zoom.textContent = "Zoom to this cell";
      zoom.addEventListener("click", function () {
        map.closePopup();
        map.fitBounds([[p.bounds[1], p.bounds[0]], [p.bounds[3], p.bounds[2]]]);
      });
      box.appendChild(zoom);
      var icon = L.divIcon({ className: "cell-pie", html: pie(p.verdicts, p.count, size),
                             iconSize: [size, size] });
      return [L.marker(latlng, { icon: icon, title: p.count + " incidents" }).bindPopup(box)];
    }

    // Region outlines and names (offline data from the server), under the incidents. Names
    // are written from zoom LABEL_ZOOM on, the larger regions first; a name that would overlap
    // one already written is left out (hovering a region still names it).
    var LABEL_ZOOM = 4;
    var regions = L.layerGroup();
    var names = L.layerGroup();
    var labels = [];  // {marker, size}, largest region first

    function drawOutlines(extent) {
      if (!holder.dataset.outlines) { return; }
      var url = new URL(holder.dataset.outlines, window.location.href);
      if (extent) {
        url.searchParams.set("bbox", [Math.max(-180, extent[0] - 3), Math.max(-90, extent[1] - 3),
          Math.min(180, extent[2] + 3), Math.min(90, extent[3] + 3)].map(function (d) { return d.toFixed(3); }).join(","));
      }
      fetch(url.toString(), { headers: { Accept: "application/geo+json" } })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          if (data.error) { throw new Error(data.error); }
          var shapes = L.geoJSON(data, {
            pane: "outlines", interactive: true,
            style: { color: "#7b8794", weight: 1, fillColor: "#ffffff", fillOpacity: 0.85 },
            onEachFeature: function (f, shape) {
              shape.bindTooltip(f.properties.name + " (" + f.properties.code + ")", { sticky: true });
              var name = document.createElement("span");
              name.textContent = f.properties.name;
              var box = shape.getBounds();
              labels.push({
                size: (box.getEast() - box.getWest()) * (box.getNorth() - box.getSouth()),
                marker: L.marker([f.properties.label[1], f.properties.label[0]], {
                  interactive: false, keyboard: false, pane: "names",
                  icon: L.divIcon({ className: "region-name", html: name, iconSize: null })
                })
              });
            }
          });
          labels.sort(function (a, b) { return b.size - a.size; });
          labels.forEach(function (l) { names.addLayer(l.marker); });
          regions.addLayer(shapes);
          // With no incident located, the regions give the map its place.
          if (!extent && data.features.length) { map.fitBounds(shapes.getBounds()); }
          holder.dataset.outlinesDrawn = String(data.features.length);
          showNames();
        })
        .catch(function (err) {
          status.textContent += " · region outlines could not be loaded: " + err.message;
        });
    }

    function overlaps(a, b) {
      return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    }

    function showNames() {
      if (map.getZoom() < LABEL_ZOOM) { names.remove(); return; }
      names.addTo(map);
      var written = [];
      labels.forEach(function (l) {
        var element = l.marker.getElement();
        if (!element) { return; }
        element.style.visibility = "";
        var box = element.firstChild.getBoundingClientRect();
        var clash = written.some(function (other) { return overlaps(box, other); });
        element.style.visibility = clash ? "hidden" : "";
        if (!clash) { written.push(box); }
      });
      holder.dataset.namesShown = String(written.length);
    }

    map.createPane("outlines").style.zIndex = 350;
    map.createPane("names").style.zIndex = 450;
    map.getPane("names").style.pointerEvents = "none";
    regions.addTo(map);
    map.on("zoomend", showNames);

    function draw(data) {
      var summary = data.summary;
      var biggest = 1;
      data.features.forEach(function (f) {
        if (f.properties.kind === "cell") { biggest = Math.max(biggest, f.properties.count); }
      });
      layer.clearLayers();
      data.features.forEach(function (f) {
        var latlng = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        if (f.properties.kind === "cell") {
          cellMarkers(latlng, f.properties, biggest).forEach(function (m) { layer.addLayer(m); });
        } else {
          layer.addLayer(pointMarker(latlng, f.properties));
        }
      });
      status.textContent = summary.text + " · colour: " + summary.colour_by;
      holder.dataset.mode = summary.mode;
      holder.dataset.features = String(data.features.length);
      holder.dataset.ready = String(summary.shown);
    }

    function viewUrl() {
      var url = new URL(holder.dataset.src, window.location.href);
      var b = map.getBounds().pad(0.25);
      fetched = { bounds: b, zoom: map.getZoom() };
      var west = Math.max(-180, b.getWest()), east = Math.min(180, b.getEast());
      var south = Math.max(-90, b.getSouth()), north = Math.min(90, b.getNorth());
      if (west < east && south < north) {
        url.searchParams.set("bbox", [west, south, east, north].map(function (d) { return d.toFixed(5); }).join(","));
      }
      url.searchParams.set("zoom", String(map.getZoom()));
      return url.toString();
    }

    function load(url, first) {
      var mine = ++latest;
      holder.dataset.loading = "1";
      fetch(url, { headers: { Accept: "application/geo+json" } })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          if (mine !== latest) { return; }
          if (data.error) { throw new Error(data.error); }
          if (first) {
            var e = data.summary.extent;
            if (e) { map.fitBounds([[e[1], e[0]], [e[3], e[2]]], { padding: [20, 20], maxZoom: 9 }); }
            else { map.setView([20, 0], 2); }
            drawOutlines(e);
            // Listen only now: the first fit is not a move of the reader's.
            map.on("moveend", function () {
              if (fetched === "all" || (fetched && fetched.zoom === map.getZoom() &&
                                        fetched.bounds.contains(map.getBounds()))) { return; }
              clearTimeout(timer);
              timer = setTimeout(function () { load(viewUrl(), false); }, 250);
            });
            // Cells were cut for the whole extent; cut them again for the zoom now known.
            if (data.summary.mode === "cells") { load(viewUrl(), false); return; }
          }
          if (data.summary.mode === "points" && !data.summary.outside_view) { fetched = "all"; }
          draw(data);
          delete holder.dataset.loading;
        })
        .catch(function (err) {
          if (mine !== latest) { return; }
          if (first) { map.setView([20, 0], 2); drawOutlines(null); }
          status.textContent = "The map could not be loaded: " + err.message;
          delete holder.dataset.loading;
        });
    }

    load(holder.dataset.src, true);
  }

  // Charts whose data and Vega-Lite spec come from a JSON twin (the specs the report inlines).
  function drawRemoteCharts() {
    if (typeof vegaEmbed === "undefined") { return; }
    document.querySelectorAll(".chart[data-src]").forEach(function (holder) {
      fetch(holder.dataset.src, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          if (data.error) { throw new Error(data.error); }
          return vegaEmbed(holder, data.spec, { actions: false, renderer: "svg" }).then(function () {
            holder.dataset.ready = "1";
          });
        })
        .catch(function (err) {
          holder.textContent = "The chart could not be drawn: " + err.message;
        });
    });
  }

  drawMap();
  drawRemoteCharts();
})();
