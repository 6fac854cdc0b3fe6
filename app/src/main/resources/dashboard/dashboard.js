// The operators' page: polls /api/summary and draws it with hand-made SVG, so it works offline from the jar.
(function () {
  'use strict';

  var COLORS = { blue: '#4c9aff', teal: '#2ec4b6', amber: '#f4b740', red: '#ff5d5d', violet: '#a78bfa', green: '#3ecf8e' };
  var CLASS_COLORS = { corrupt: COLORS.red, unsupported: COLORS.amber, 'too-large': COLORS.violet, timeout: COLORS.blue };
  var SVG = 'http://www.w3.org/2000/svg';
  var lastSummary = null;

  function $(id) { return document.getElementById(id); }

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined || isNaN(seconds)) { return '–'; }
    if (seconds < 1) { return Math.round(seconds * 1000) + ' ms'; }
    if (seconds < 60) { return seconds.toFixed(seconds < 10 ? 2 : 1) + ' s'; }
    var s = Math.round(seconds);
    if (s < 3600) { return Math.floor(s / 60) + 'm ' + String(s % 60).padStart(2, '0') + 's'; }
    if (s < 86400) { return Math.floor(s / 3600) + 'h ' + String(Math.floor(s % 3600 / 60)).padStart(2, '0') + 'm'; }
    return Math.floor(s / 86400) + 'd ' + String(Math.floor(s % 86400 / 3600)).padStart(2, '0') + 'h';
  }

  function count(n) {
    if (n === null || n === undefined) { return '–'; }
    return n >= 10000 ? (n / 1000).toFixed(1) + 'k' : String(n);
  }

  function rate(n) { return n === null || n === undefined ? '–' : (n < 10 ? n.toFixed(1) : Math.round(n)) + '/s'; }

  function clock(ms) {
    var d = new Date(ms);
    return String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0') + ':'
      + String(d.getSeconds()).padStart(2, '0');
  }

  function ago(iso) {
    var s = Math.round(Math.max(0, (Date.now() - Date.parse(iso)) / 1000));
    return s < 5 ? 'just now' : (s < 60 ? s + 's' : duration(s)) + ' ago';
  }

  function niceMax(v) {
    if (!(v > 0)) { return 1; }
    var p = Math.pow(10, Math.floor(Math.log10(v)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) { if (v <= steps[i] * p) { return steps[i] * p; } }
    return 10 * p;
  }

  function el(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // A line chart of several series over the shared time axis; nulls are gaps, not zeros.
  function lineChart(id, t, series, format) {
    var box = $(id);
    var w = Math.max(200, box.clientWidth), h = Math.max(120, box.clientHeight);
    var left = 46, right = 8, top = 8, bottom = 20;
    var svg = el('svg', { viewBox: '0 0 ' + w + ' ' + h, role: 'img' });
    var values = [];
    series.forEach(function (s) { s.values.forEach(function (v) { if (v !== null) { values.push(v); } }); });
    var ymax = niceMax(Math.max.apply(null, values.concat([0])));
    var n = t.length;
    var x = function (i) { return left + (n <= 1 ? 0 : i * (w - left - right) / (n - 1)); };
    var y = function (v) { return top + (h - top - bottom) * (1 - v / ymax); };
    [0, 0.5, 1].forEach(function (f) {
      var v = ymax * f;
      svg.appendChild(el('line', { x1: left, x2: w - right, y1: y(v), y2: y(v), class: 'axis', 'stroke-dasharray': f ? '2 3' : '' }));
      svg.appendChild(el('text', { x: left - 6, y: y(v) + 3, 'text-anchor': 'end' }, format(v)));
    });
    if (n > 1) {
      [0, Math.floor((n - 1) / 2), n - 1].forEach(function (i, k) {
        svg.appendChild(el('text', { x: x(i), y: h - 5, 'text-anchor': ['start', 'middle', 'end'][k] }, clock(t[i])));
      });
    }
    if (values.length === 0) {
      svg.appendChild(el('text', { x: (left + w) / 2, y: h / 2, 'text-anchor': 'middle', class: 'nodata' }, 'no data yet'));
    }
    series.forEach(function (s, k) {
      var d = '', area = '', run = [];
      var flush = function () {
        if (run.length === 0) { return; }
        d += 'M' + run.map(function (p) { return p[0].toFixed(1) + ',' + p[1].toFixed(1); }).join('L');
        if (k === 0) {
          area += 'M' + run[0][0].toFixed(1) + ',' + y(0) + 'L' + run.map(function (p) { return p[0].toFixed(1) + ',' + p[1].toFixed(1); }).join('L')
            + 'L' + run[run.length - 1][0].toFixed(1) + ',' + y(0) + 'Z';
        }
        run = [];
      };
      s.values.forEach(function (v, i) { if (v === null) { flush(); } else { run.push([x(i), y(v)]); } });
      flush();
      if (area) { svg.appendChild(el('path', { d: area, fill: s.color, 'fill-opacity': 0.12, stroke: 'none' })); }
      if (d) { svg.appendChild(el('path', { d: d, fill: 'none', stroke: s.color, 'stroke-width': 2, 'stroke-linejoin': 'round' })); }
    });
    box.replaceChildren(svg);
    var legend = document.querySelector('.legend[data-for="' + id.replace('chart-', '') + '"]');
    if (legend) {
      legend.innerHTML = series.map(function (s) { return '<i style="background:' + s.color + '"></i>' + esc(s.name); }).join('');
    }
  }

  function tile(id, value, hint, alert) {
    var t = $(id);
    t.querySelector('.value').textContent = value;
    if (hint !== null) { t.querySelector('.hint').textContent = hint; }
    t.classList.toggle('alert', !!alert);
  }

  function queue(summary, role) {
    return (summary.queues || []).filter(function (q) { return q.role === role; })[0] || null;
  }

  function render(s) {
    lastSummary = s;
    var h = s.history;
    var ingest = queue(s, 'ingest'), dlq = queue(s, 'dlq');
    $('updated').textContent = 'updated ' + clock(Date.parse(s.generatedAt)) + ' · every ' + s.intervalSeconds + ' s';
    $('workers').innerHTML = ['ingest', 'indexer'].map(function (w) {
      return '<span class="badge' + (s.workers[w] ? ' on' : '') + '">' + w + (s.workers[w] ? ' ●' : ' ○') + '</span>';
    }).join('');
    tile('tile-queue', ingest ? count(ingest.visible) : '–',
      ingest ? ingest.name + (ingest.visible > 0 && ingest.oldestAgeSeconds !== null ? ' · oldest ' + duration(ingest.oldestAgeSeconds) : '') : '');
    tile('tile-inflight', ingest ? count(ingest.inFlight) : '–', 'received, not yet done');
    tile('tile-dlq', dlq ? count(dlq.visible) : '–', dlq ? dlq.name + (dlq.visible > 0 && dlq.oldestAgeSeconds !== null ? ' · oldest ' + duration(dlq.oldestAgeSeconds) : '') : '',
      dlq && dlq.visible > 0);
    var last = h.throughput.length ? h.throughput[h.throughput.length - 1] : null;
    tile('tile-throughput', rate(last), count(s.totals.processed) + ' items processed');
    tile('tile-latency', duration(s.latest.latencyP50) + ' / ' + duration(s.latest.latencyP99), null);
    $('tile-latency').querySelector('.value').classList.add('pair');
    tile('tile-lag', duration(s.latest.indexLagP99), null);

    lineChart('chart-depth', h.t, [
      { name: 'visible', values: h.ingestVisible, color: COLORS.blue },
      { name: 'in flight', values: h.ingestInFlight, color: COLORS.teal }], count);
    lineChart('chart-dlq', h.t, [{ name: dlq ? dlq.name : 'DLQ', values: h.dlqVisible, color: COLORS.red }], count);
    lineChart('chart-throughput', h.t, [
      { name: 'items/s', values: h.throughput, color: COLORS.green },
      { name: 'failed / 5 s', values: h.failures, color: COLORS.amber }], function (v) { return v < 10 ? v.toFixed(1) : Math.round(v); });
    lineChart('chart-latency', h.t, [
      { name: 'p50', values: h.latencyP50, color: COLORS.blue },
      { name: 'p99', values: h.latencyP99, color: COLORS.violet }], duration);
    lineChart('chart-lag', h.t, [
      { name: 'p50', values: h.indexLagP50, color: COLORS.teal },
      { name: 'p99', values: h.indexLagP99, color: COLORS.amber }], duration);

    var classes = s.totals.failuresByClass || {};
    var names = ['corrupt', 'unsupported', 'too-large', 'timeout'];
    Object.keys(classes).forEach(function (c) { if (names.indexOf(c) < 0) { names.push(c); } });
    var top = Math.max.apply(null, names.map(function (c) { return classes[c] || 0; }).concat([1]));
    $('failure-classes').innerHTML = names.map(function (c) {
      var v = classes[c] || 0;
      return '<div class="bar"><span class="pill ' + esc(CLASS_COLORS[c] ? c : 'other') + '">' + esc(c) + '</span>'
        + '<div class="track"><div class="fill" style="width:' + (100 * v / top).toFixed(1) + '%;background:'
        + (CLASS_COLORS[c] || '#8b98a8') + '"></div></div><span class="n">' + v + '</span></div>';
    }).join('') + '<div class="bar"><span class="muted">dead-lettered</span><span></span><span class="n">'
      + s.totals.deadLettered + '</span></div>';

    $('queues').tBodies[0].innerHTML = (s.queues || []).map(function (q) {
      var alert = q.role !== 'ingest' && q.visible > 0;
      var age = q.visible + q.inFlight === 0 ? '–' : (q.oldestAgeSeconds === null ? '?' : duration(q.oldestAgeSeconds));
      return '<tr' + (alert ? ' class="dlq"' : '') + '><td>' + esc(q.name) + ' <span class="src">' + esc(q.role) + '</span></td>'
        + '<td class="num">' + q.visible + '</td><td class="num">' + q.inFlight + '</td><td class="num">' + age + '</td></tr>';
    }).join('');
    var unknown = (s.queues || []).some(function (q) { return q.oldestAgeSeconds === null; });
    $('age-note').textContent = unknown ? '? — the ingest queue is never peeked (each receive counts towards its '
      + 'maxReceiveCount); its age is estimated once this process\'s ingest worker takes messages.' : '';
    $('redrive').disabled = !dlq || dlq.visible === 0;
    $('redrive').textContent = dlq && dlq.visible > 0 ? 'Redrive ' + dlq.visible + ' dead letter' + (dlq.visible === 1 ? '' : 's')
      : 'Redrive dead letters';

    var failures = s.recentFailures || [];
    $('failures').tBodies[0].innerHTML = failures.map(function (f) {
      return '<tr' + (f.source === 'dlq' ? ' class="dlq"' : '') + '><td>' + esc(ago(f.at)) + '<span class="src">' + esc(f.source) + '</span></td>'
        + '<td class="key">' + esc(f.key) + '</td><td><span class="pill ' + esc(CLASS_COLORS[f.errorClass] ? f.errorClass : 'other') + '">'
        + esc(f.errorClass) + '</span></td><td class="err">' + esc(f.error) + '</td></tr>';
    }).join('');
    $('failures').style.display = failures.length ? '' : 'none';
    $('no-failures').style.display = failures.length ? 'none' : '';
  }

  function poll() {
    fetch('/api/summary', { cache: 'no-store' })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(render)
      .catch(function (e) { $('updated').textContent = 'cannot reach the ops port: ' + e.message; });
  }

  $('redrive').addEventListener('click', function () {
    var button = $('redrive');
    button.disabled = true;
    $('redrive-result').textContent = 'moving…';
    fetch('/api/dlq/redrive', { method: 'POST', headers: { 'X-Requested-With': 'dashboard' } })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        $('redrive-result').textContent = body.error ? 'failed: ' + body.error
          : 'moved ' + body.redriven + ' message' + (body.redriven === 1 ? '' : 's') + ' back to the ingest queue'
            + (body.skipped ? '; left ' + body.skipped + ' that cannot succeed (invalid-key, malformed-event)' : '');
        poll();
      })
      .catch(function (e) { $('redrive-result').textContent = 'failed: ' + e.message; button.disabled = false; });
  });

  window.addEventListener('resize', function () { if (lastSummary) { render(lastSummary); } });
  poll();
  setInterval(poll, 5000);
}());
