// trucewatch report: draw the charts from their inlined Vega-Lite specs and make the
// incident table sortable by clicking a column header. No network, no innerHTML.
(function () {
  "use strict";
  document.querySelectorAll("script[type='application/json'][data-chart]").forEach(function (tag) {
    var holder = document.getElementById(tag.dataset.chart);
    vegaEmbed(holder, JSON.parse(tag.textContent), { actions: false, renderer: "svg" })
      .then(function () { holder.dataset.ready = "1"; })
      .catch(function (err) { holder.textContent = "The chart could not be drawn: " + err; });
  });

  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th, column) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var ascending = th.dataset.order !== "asc";
        table.querySelectorAll("thead th").forEach(function (h) { delete h.dataset.order; });
        th.dataset.order = ascending ? "asc" : "desc";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
          var nx = parseFloat(x), ny = parseFloat(y);
          var order = (!isNaN(nx) && !isNaN(ny) && String(nx) === x && String(ny) === y)
            ? nx - ny : x.localeCompare(y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
