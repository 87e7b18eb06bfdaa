// The floor plan by hand: drag a stand, or focus it (Tab) and move it with the arrow keys
// (0.5 m, 0.1 m with Shift; R turns it). Overlaps, stands outside the hall and blocked exits
// show as they happen; the coordinates form below follows, and Save sends it (the server checks
// again and refuses an invalid plan). Without this script, the same form does it all.
(function () {
  'use strict';
  var figure = document.getElementById('plan');
  var form = document.getElementById('positions');
  if (!figure || !form) { return; }
  var svg = figure.querySelector('svg');
  var size = svg.querySelector('.hall-size');
  var W = Number(size.dataset.width), D = Number(size.dataset.depth), S = Number(size.dataset.scale);
  var problemsBox = document.getElementById('plan-problems');
  var words = figure.dataset;
  var stands = Array.prototype.slice.call(svg.querySelectorAll('g.stand'));
  var fixed = Array.prototype.slice.call(svg.querySelectorAll('rect.obstacle')).map(function (r) {
    return { kind: r.dataset.kind, x: +r.dataset.x, y: +r.dataset.y, w: +r.dataset.w, d: +r.dataset.d, c: +r.dataset.clearance };
  });

  function rectOf(g) { return { x: +g.dataset.x, y: +g.dataset.y, w: +g.dataset.w, d: +g.dataset.d }; }
  function overlaps(a, b) { return a.x < b.x + b.w - 1e-6 && b.x < a.x + a.w - 1e-6 && a.y < b.y + b.d - 1e-6 && b.y < a.y + a.d - 1e-6; }
  function fmt(template, args) { return template.replace(/\{(\d)\}/g, function (m, i) { return args[+i]; }); }

  function draw(g) {
    var r = rectOf(g);
    var rect = g.querySelector('rect');
    rect.setAttribute('x', r.x * S); rect.setAttribute('y', r.y * S);
    rect.setAttribute('width', r.w * S); rect.setAttribute('height', r.d * S);
    var texts = g.querySelectorAll('text');
    for (var i = 0; i < texts.length; i++) {
      texts[i].setAttribute('x', (r.x + r.w / 2) * S);
      texts[i].setAttribute('y', (r.y + r.d * (i === 0 ? 0.42 : 0.78)) * S);
    }
    var id = g.dataset.stand;
    form.querySelector('[name="x-' + id + '"]').value = r.x.toFixed(2);
    form.querySelector('[name="y-' + id + '"]').value = r.y.toFixed(2);
    // What the page prints instead of the inputs follows them.
    form.querySelector('[data-position="' + id + '"]').textContent = +r.x.toFixed(2) + ' ; ' + +r.y.toFixed(2)
      + (form.querySelector('[name="r-' + id + '"]').checked ? ' · ↻' : '');
  }

  function check() {
    var problems = [], wrong = {};
    stands.forEach(function (g, i) {
      var a = rectOf(g), n = g.dataset.number;
      if (a.x < -1e-6 || a.y < -1e-6 || a.x + a.w > W + 1e-6 || a.y + a.d > D + 1e-6) {
        problems.push(fmt(words.wordsOutside, [n])); wrong[n] = true;
      }
      fixed.forEach(function (f) {
        var zone = f.c > 0 && (f.kind === 'EMERGENCY_EXIT' || f.kind === 'DOOR')
          ? { x: f.x - f.c, y: f.y - f.c, w: f.w + 2 * f.c, d: f.d + 2 * f.c } : f;
        if (overlaps(a, f)) { problems.push(fmt(words.wordsObstacle, [n, ''])); wrong[n] = true; }
        else if (zone !== f && overlaps(a, zone)) {
          problems.push(fmt(f.kind === 'EMERGENCY_EXIT' ? words.wordsExit : words.wordsDoor, [n, '', f.c])); wrong[n] = true;
        }
      });
      for (var j = i + 1; j < stands.length; j++) {
        if (overlaps(a, rectOf(stands[j]))) {
          var m = stands[j].dataset.number;
          problems.push(fmt(words.wordsOverlap, [Math.min(n, m), Math.max(n, m)])); wrong[n] = wrong[m] = true;
        }
      }
    });
    stands.forEach(function (g) {
      var bad = wrong[g.dataset.number];
      g.querySelector('rect').setAttribute('stroke', bad ? '#b3261e' : '#333');
      g.querySelector('rect').setAttribute('stroke-width', bad ? '4' : '1.5');
    });
    problemsBox.textContent = '';
    if (problems.length === 0) {
      problemsBox.className = 'hint plain';
      var ok = document.createElement('li'); ok.textContent = words.wordsOk; problemsBox.appendChild(ok);
    } else {
      problemsBox.className = 'problem';
      problems.forEach(function (p) { var li = document.createElement('li'); li.textContent = p; problemsBox.appendChild(li); });
    }
  }

  function move(g, dx, dy) {
    g.dataset.x = Math.round((+g.dataset.x + dx) * 100) / 100;
    g.dataset.y = Math.round((+g.dataset.y + dy) * 100) / 100;
    draw(g); check();
  }

  function rotate(g) {
    var w = g.dataset.w; g.dataset.w = g.dataset.d; g.dataset.d = w;
    var box = form.querySelector('[name="r-' + g.dataset.stand + '"]');
    box.checked = !box.checked;
    draw(g); check();
  }

  stands.forEach(function (g) {
    g.addEventListener('keydown', function (e) {
      var step = e.shiftKey ? 0.1 : 0.5;
      var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      if (moves[e.key]) { e.preventDefault(); move(g, moves[e.key][0], moves[e.key][1]); }
      else if (e.key === 'r' || e.key === 'R') { e.preventDefault(); rotate(g); }
    });
    var start = null;
    g.addEventListener('pointerdown', function (e) {
      g.focus();
      var p = svg.createSVGPoint(); p.x = e.clientX; p.y = e.clientY;
      var at = p.matrixTransform(svg.getScreenCTM().inverse());
      start = { x: at.x, y: at.y, sx: +g.dataset.x, sy: +g.dataset.y };
      g.setPointerCapture(e.pointerId);
    });
    g.addEventListener('pointermove', function (e) {
      if (!start) { return; }
      var p = svg.createSVGPoint(); p.x = e.clientX; p.y = e.clientY;
      var at = p.matrixTransform(svg.getScreenCTM().inverse());
      // Snapped to 10 cm.
      g.dataset.x = Math.round((start.sx + (at.x - start.x) / S) * 10) / 10;
      g.dataset.y = Math.round((start.sy + (at.y - start.y) / S) * 10) / 10;
      draw(g); check();
    });
    g.addEventListener('pointerup', function () { start = null; });
  });
})();
