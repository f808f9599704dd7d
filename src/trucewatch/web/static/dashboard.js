// trucewatch dashboard: the incident map (Leaflet) and the timeline (Vega-Lite via vega-embed).
// Source text never goes through innerHTML: popups are built from text nodes.
(function () {
  "use strict";

  function drawMap() {
    var holder = document.getElementById("map");
    var dataTag = document.getElementById("map-data");
    if (!holder || !dataTag || typeof L === "undefined") { return; }
    var data = JSON.parse(dataTag.textContent);
    var map = L.map(holder, { attributionControl: true });
    if (holder.dataset.tiles) {
      L.tileLayer(holder.dataset.tiles, { maxZoom: 18, attribution: "base map: tile server given to trucewatch serve --tiles" }).addTo(map);
    }
    var bounds = [];
    data.points.forEach(function (p) {
      var marker = L.circleMarker([p.lat, p.lon], {
        radius: 7, weight: 1, color: "#222", fillOpacity: 0.85,
        fillColor: data.colors[p.verdict] || data.colors.none
      });
      var box = document.createElement("div");
      var link = document.createElement("a");
      link.href = "/incidents/" + encodeURIComponent(p.id);
      link.textContent = p.id;
      box.appendChild(link);
      box.appendChild(document.createElement("br"));
      box.appendChild(document.createTextNode(p.date + " · " + p.place));
      box.appendChild(document.createElement("br"));
      box.appendChild(document.createTextNode(data.labels[p.verdict] || p.verdict));
      marker.bindPopup(box);
      marker.addTo(map);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 9 }); }
    else { map.setView([48.5, 31.5], 5); }
    holder.dataset.ready = String(bounds.length);
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
