// osim report: tooltips, sortable tables, and zoom and pan of the Gantt charts. No network, no libraries.
(function () {
  "use strict";
  var tip = document.getElementById("tip");

  // Tooltips: any element with data-tip shows it beside the pointer.
  document.addEventListener("mouseover", function (e) {
    var el = e.target.closest ? e.target.closest("[data-tip]") : null;
    if (!el) { return; }
    tip.textContent = el.getAttribute("data-tip");
    tip.hidden = false;
    place(e);
  });
  document.addEventListener("mousemove", function (e) { if (!tip.hidden) { place(e); } });
  document.addEventListener("mouseout", function (e) {
    var el = e.target.closest ? e.target.closest("[data-tip]") : null;
    if (el && !el.contains(e.relatedTarget)) { tip.hidden = true; }
  });
  function place(e) {
    tip.style.left = (e.clientX + 12) + "px";
    tip.style.top = (e.clientY + 12) + "px";
  }

  // Sortable tables: a click on a header sorts by that column (numbers by value), a second click the other way.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (th, col) {
      th.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[col]), y = key(b.cells[col]);
          var c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  function key(cell) {
    var s = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    var n = parseFloat(s);
    return s !== "" && isFinite(n) && String(n) === String(Number(s)) ? n : (s === "" ? Infinity : s);
  }

  // Zoom and pan: every plot of a chart shows the same window of virtual time; the axis is redrawn for it.
  document.querySelectorAll("svg.gantt").forEach(function (chart) {
    var full = parseFloat(chart.getAttribute("data-virtual"));
    var endNs = parseFloat(chart.getAttribute("data-end-ns"));
    var unitNs = parseFloat(chart.getAttribute("data-unit-ns"));
    var unit = chart.getAttribute("data-unit");
    var plotX = parseFloat(chart.getAttribute("data-plot-x"));
    var plotW = parseFloat(chart.getAttribute("data-plot-width"));
    var plots = chart.querySelectorAll("svg.plot");
    var axis = chart.querySelector("g.axis");
    var view = { x: 0, w: full };
    var buttons = chart.previousElementSibling;

    function show() {
      view.w = Math.min(full, Math.max(full / 1e6, view.w));
      view.x = Math.min(full - view.w, Math.max(0, view.x));
      plots.forEach(function (p) {
        var vb = p.viewBox.baseVal;
        p.setAttribute("viewBox", view.x + " " + vb.y + " " + view.w + " " + vb.height);
      });
      drawAxis();
    }
    function drawAxis() {
      var ns = "http://www.w3.org/2000/svg";
      while (axis.childNodes.length > 0) { axis.removeChild(axis.firstChild); }
      var from = view.x / full * endNs, to = (view.x + view.w) / full * endNs;
      var line = document.createElementNS(ns, "line");
      line.setAttribute("x1", plotX); line.setAttribute("x2", plotX + plotW);
      line.setAttribute("y1", 0); line.setAttribute("y2", 0); line.setAttribute("stroke", "#333");
      axis.appendChild(line);
      var raw = (to - from) / unitNs / 8, p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9)))), f = raw / p;
      var step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p * unitNs;
      for (var t = Math.ceil(from / step) * step; t <= to + step * 1e-9; t += step) {
        var x = plotX + (t - from) / (to - from) * plotW;
        var tick = document.createElementNS(ns, "line");
        tick.setAttribute("x1", x); tick.setAttribute("x2", x); tick.setAttribute("y1", 0); tick.setAttribute("y2", 5);
        tick.setAttribute("stroke", "#333");
        axis.appendChild(tick);
        var label = document.createElementNS(ns, "text");
        label.setAttribute("x", x); label.setAttribute("y", 16); label.setAttribute("text-anchor", "middle");
        label.textContent = String(Math.round(t / unitNs * 1000) / 1000);
        axis.appendChild(label);
      }
      var name = document.createElementNS(ns, "text");
      name.setAttribute("x", plotX + plotW); name.setAttribute("y", 27); name.setAttribute("text-anchor", "end");
      name.textContent = unit;
      axis.appendChild(name);
    }
    // Where a pointer event falls, as a fraction of the plot's width.
    function fraction(e) {
      var box = chart.getBoundingClientRect();
      var scale = box.width / chart.viewBox.baseVal.width;
      return Math.min(1, Math.max(0, (e.clientX - box.left - plotX * scale) / (plotW * scale)));
    }
    function zoom(factor, at) {
      var centre = view.x + at * view.w;
      view.w = view.w * factor;
      view.x = centre - at * view.w;
      show();
    }
    chart.addEventListener("wheel", function (e) {
      e.preventDefault();
      zoom(e.deltaY < 0 ? 0.8 : 1.25, fraction(e));
    }, { passive: false });
    var drag = null;
    chart.addEventListener("mousedown", function (e) { drag = { at: fraction(e), x: view.x }; chart.classList.add("panning"); });
    window.addEventListener("mouseup", function () { drag = null; chart.classList.remove("panning"); });
    window.addEventListener("mousemove", function (e) {
      if (drag) { view.x = drag.x - (fraction(e) - drag.at) * view.w; show(); }
    });
    if (buttons && buttons.classList.contains("zoom")) {
      buttons.addEventListener("click", function (e) {
        var what = e.target.getAttribute("data-zoom");
        if (what === "in") { zoom(0.5, 0.5); } else if (what === "out") { zoom(2, 0.5); }
        else if (what === "reset") { view = { x: 0, w: full }; show(); }
      });
    }
  });
})();
