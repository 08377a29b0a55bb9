// Draws every <canvas data-chart="..."> with Chart.js, on load and again inside whatever htmx
// swaps in (a form answered in place, a dashboard refreshed after an alert). The data comes from
// the server as JSON in the attribute (no inline scripts, so a strict content security policy holds).
(function () {
  'use strict';

  var palette = ['#0b5cad', '#bf8700', '#1a7f37', '#8250df'];

  function draw(canvas) {
    var old = window.Chart.getChart(canvas);
    if (old) {
      old.destroy();
    }
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    var datasets = spec.datasets.map(function (d, i) {
      var color = palette[i % palette.length];
      return Object.assign({ borderColor: color, backgroundColor: color + '99', borderWidth: 2, pointRadius: 2 }, d);
    });
    var x = { ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 12 } };
    var scales;
    if (datasets.some(function (d) { return d.yAxisID === 'y1'; })) {
      scales = {
        x: x,
        y: { beginAtZero: true, position: 'left' },
        y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, ticks: { precision: 0 } }
      };
    } else {
      scales = { x: x, y: { beginAtZero: true, ticks: { precision: 0 } } };
    }
    // eslint-disable-next-line no-new
    new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: scales,
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function drawAll(root) {
    if (!window.Chart) {
      return;
    }
    var scope = root && root.querySelectorAll ? root : document;
    if (scope.matches && scope.matches('canvas[data-chart]')) {
      draw(scope);
    }
    scope.querySelectorAll('canvas[data-chart]').forEach(draw);
  }

  document.addEventListener('htmx:load', function (event) { drawAll(event.detail.elt); });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { drawAll(document); });
  } else {
    drawAll(document);
  }
}());
