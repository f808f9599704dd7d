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

    function cellMarkers(latlng, p, biggest) {
      var main = Object.keys(p.verdicts).sort(function (a, b) { return p.verdicts[b] - p.verdicts[a]; })[0];
      var radius = 5 + 10 * Math.sqrt(p.count / biggest);
      var circle = L.circleMarker(latlng, {
        radius: radius, weight: 1, color: "#222", fillOpacity: 0.7, fillColor: colour(main)
      });
      var box = document.createElement("div");
      text(box, p.count.toLocaleString("en") + " incidents in this cell");
      Object.keys(p.verdicts).forEach(function (v) {
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
      circle.bindPopup(box);
      var label = document.createElement("span");
      label.textContent = compact(p.count);
      var size = Math.round(2 * radius);
      var count = L.marker(latlng, {
        interactive: false, keyboard: false,
        icon: L.divIcon({ className: "cell-count", html: label, iconSize: [size, size] })
      });
      return [circle, count];
    }

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
            else { map.setView([48.5, 31.5], 5); }
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
          if (first) { map.setView([48.5, 31.5], 5); }
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
