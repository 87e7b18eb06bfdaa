// The door's check-in screen and live counts. Small and dependency-free. The screen works without
// it (plain forms); with it, scans are answered in place, the field keeps the focus, the search
// answers while typing, and scans taken while the service is unreachable are kept, checked
// against the badge signature here, and sent when it is back.
(function () {
  'use strict';

  var door = document.getElementById('door');
  if (door) {
    checkInScreen(door);
  }
  var live = document.getElementById('live');
  if (live) {
    liveCounts(live);
  }

  function checkInScreen(root) {
    var words = root.dataset;
    var field = document.getElementById('code');
    var station = document.getElementById('station');
    var answer = document.getElementById('answer');
    var connection = document.getElementById('connection');
    var found = document.getElementById('found');
    var search = document.getElementById('q');
    var queueKey = 'relais-door-queue-' + root.dataset.scan;
    var stationKey = 'relais-door-station';

    if (localStorage.getItem(stationKey) && !new URLSearchParams(location.search).get('station')) {
      station.value = localStorage.getItem(stationKey);
    }
    station.addEventListener('change', function () { localStorage.setItem(stationKey, station.value); });

    function refocus() { field.focus(); }
    // A click anywhere but another field brings the focus back where the scanner types.
    document.addEventListener('click', function (e) {
      if (!e.target.closest('input, select, textarea, a, button')) { refocus(); }
    });

    document.getElementById('scan-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var code = field.value;
      field.value = '';
      refocus();
      if (code.trim() !== '') { scan(code); }
    });

    function show(tone, headline, lines, links, undo) {
      answer.className = 'answer ' + tone;
      answer.textContent = '';
      var h = document.createElement('p');
      h.className = 'headline';
      h.textContent = headline;
      answer.appendChild(h);
      (lines || []).forEach(function (l) {
        if (l) { var p = document.createElement('p'); p.textContent = l; answer.appendChild(p); }
      });
      (links || []).forEach(function (href) {
        var p = document.createElement('p');
        var a = document.createElement('a');
        a.href = href; a.target = '_blank'; a.textContent = words.wordsBadge;
        p.appendChild(a); answer.appendChild(p);
      });
      if (undo) {
        answer.appendChild(undoForm(undo.registrationId ? 'registrationId' : 'holderId', undo.registrationId || undo.holderId));
      }
      refocus();
    }

    // An arrival just recorded can be taken back (a walk-in's with its registration): the same plain form the page
    // without script shows.
    function undoForm(field, id, walkIn) {
      var form = document.createElement('form');
      form.method = 'post';
      form.action = root.dataset.base + '/undo';
      form.className = 'undo';
      form.appendChild(document.querySelector('#scan-form input[type=hidden]').cloneNode());
      [[field, id], ['station', station.value]].forEach(function (f) {
        var input = document.createElement('input');
        input.type = 'hidden'; input.name = f[0]; input.value = f[1];
        form.appendChild(input);
      });
      var button = document.createElement('button');
      button.type = 'submit'; button.className = 'secondary'; button.textContent = walkIn ? words.wordsUndoWalkIn : words.wordsUndo;
      form.appendChild(button);
      return form;
    }

    function badgeLinks(body) {
      if (body.registrationId) { return [root.dataset.base + '/registrations/' + body.registrationId + '/badge.pdf']; }
      if (body.holderId) { return [root.dataset.base + '/badge-holders/' + body.holderId + '/badge.pdf']; }
      return [];
    }

    function post(item) {
      return fetch(root.dataset.scan, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(item),
        credentials: 'same-origin'
      }).then(function (r) {
        if (r.status >= 500 || r.status === 0) { throw new Error('service ' + r.status); }
        if (r.redirected || (r.headers.get('Content-Type') || '').indexOf('json') < 0) { throw new Error('signed out'); }
        return r.json();
      });
    }

    function scan(code) {
      var item = { code: code, station: station.value };
      post(item).then(function (body) {
        online();
        show(body.tone, body.headline, body.lines, body.tone === 'bad' ? [] : badgeLinks(body),
          body.status === 'CHECKED_IN' ? body : null);
      }).catch(function () { offline(item); });
    }

    // ---- Brief outages: keep the scan, check its signature here, send it later. ----

    function queue() { try { return JSON.parse(localStorage.getItem(queueKey) || '[]'); } catch (e) { return []; } }
    function saveQueue(q) { localStorage.setItem(queueKey, JSON.stringify(q)); }

    function offline(item) {
      verify(item.code).then(function (verdict) {
        if (verdict === 'unreadable') { show('bad', words.wordsUnreadable, []); return; }
        if (verdict === 'forged') { show('bad', words.wordsForged, [words.wordsForgedHint]); return; }
        if (verdict === 'other-edition') { show('bad', words.wordsOtherEdition, []); return; }
        item.scannedAt = new Date().toISOString();
        var q = queue();
        q.push(item);
        saveQueue(q);
        var kept = words.wordsKept.replace('{0}', String(q.length));
        show(verdict === 'good' ? 'warn' : 'warn', kept, verdict === 'good' ? [] : [words.wordsUnchecked]);
        notice();
      });
    }

    function notice() {
      var n = queue().length;
      connection.hidden = n === 0;
      connection.textContent = words.wordsOffline.replace('{0}', String(n));
    }

    function online() { if (queue().length === 0) { connection.hidden = true; } }

    var flushing = false;
    function flush() {
      var q = queue();
      if (flushing || q.length === 0) { return; }
      flushing = true;
      var item = q[0];
      post(item).then(function () {
        var rest = queue().slice(1);
        saveQueue(rest);
        flushing = false;
        if (rest.length === 0) {
          connection.hidden = false;
          connection.textContent = words.wordsSent;
          setTimeout(function () { if (queue().length === 0) { connection.hidden = true; } }, 4000);
        } else {
          notice();
          flush();
        }
      }).catch(function () { flushing = false; notice(); });
    }
    setInterval(flush, 3000);
    notice();
    flush();

    // The code: Crockford base 32 of 74 bytes: version, kind, edition number (2), key (6), Ed25519 signature (64).
    var ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    function decode(typed) {
      var text = typed.trim().toUpperCase().replace(/[-\s]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
      if (text.length !== 119) { return null; }
      var out = new Uint8Array(74), buffer = 0, bits = 0, n = 0;
      for (var i = 0; i < text.length; i++) {
        var v = ALPHABET.indexOf(text.charAt(i));
        if (v < 0) { return null; }
        buffer = ((buffer << 5) | v) & 0xFFFF;
        bits += 5;
        if (bits >= 8) { out[n++] = (buffer >>> (bits - 8)) & 0xFF; bits -= 8; }
      }
      return n === 74 ? out : null;
    }

    var keyPromise = null;
    function key() {
      if (!keyPromise) {
        var raw = Uint8Array.from(atob(root.dataset.key), function (c) { return c.charCodeAt(0); });
        keyPromise = crypto.subtle.importKey('spki', raw, { name: 'Ed25519' }, false, ['verify']);
      }
      return keyPromise;
    }

    function verify(code) {
      var bytes = decode(code);
      if (!bytes || bytes[0] !== 1) { return Promise.resolve('unreadable'); }
      if (!window.crypto || !crypto.subtle) { return Promise.resolve('unchecked'); }
      return key().then(function (k) {
        return crypto.subtle.verify({ name: 'Ed25519' }, k, bytes.slice(10), bytes.slice(0, 10));
      }).then(function (ok) {
        if (!ok) { return 'forged'; }
        var edition = (bytes[2] << 8) | bytes[3];
        return edition === Number(root.dataset.editionNumber) ? 'good' : 'other-edition';
      }).catch(function () { return 'unchecked'; });
    }

    // ---- The search, answering while typing. ----

    var timer = null;
    if (search) {
      search.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(runSearch, 150);
      });
      document.getElementById('search-form').addEventListener('submit', function (e) {
        e.preventDefault();
        runSearch();
      });
    }

    function runSearch() {
      var q = search.value.trim();
      if (q.length < 2) { found.textContent = ''; return; }
      fetch(root.dataset.search + '?q=' + encodeURIComponent(q), { headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (list) {
          if (search.value.trim() !== q) { return; }
          found.textContent = '';
          if (list.length === 0) {
            var none = document.createElement('li'); none.textContent = words.wordsNone; found.appendChild(none);
          }
          list.forEach(function (f) {
            var li = document.createElement('li');
            var who = document.createElement('span');
            who.className = 'who';
            var b = document.createElement('strong'); b.textContent = f.name;
            who.appendChild(b); who.appendChild(document.createTextNode(' · ' + (f.organisation || '')));
            li.appendChild(who);
            if (f.cancelled) {
              var t = document.createElement('span'); t.className = 'tag bad'; t.textContent = words.wordsCancelled; li.appendChild(t);
            } else if (f.checkedInAt) {
              var w = document.createElement('span'); w.className = 'tag warn'; w.textContent = words.wordsAlready; li.appendChild(w);
              if (f.undoable) {
                var undo = undoForm(f.kind === 'HOLDER' ? 'holderId' : 'registrationId', f.id, f.walkIn);
                undo.className = 'inline undo';
                li.appendChild(undo);
              }
            } else {
              var btn = document.createElement('button');
              btn.type = 'button'; btn.textContent = words.wordsCheck;
              btn.addEventListener('click', function () { scan(f.code); search.value = ''; found.textContent = ''; });
              li.appendChild(btn);
            }
            if (!f.cancelled) {
              var a = document.createElement('a');
              a.href = root.dataset.base + (f.kind === 'HOLDER' ? '/badge-holders/' : '/registrations/') + f.id + '/badge.pdf';
              a.target = '_blank'; a.textContent = words.wordsBadge;
              li.appendChild(a);
            }
            found.appendChild(li);
          });
        }).catch(function () { /* the search waits for the service; scanning goes on */ });
    }
  }

  function liveCounts(root) {
    function text(id, value) { var el = document.getElementById(id); if (el) { el.textContent = value; } }
    function rows(tableId, counts) {
      var table = document.getElementById(tableId);
      var known = table.querySelectorAll('tr[data-key]');
      if (known.length !== Object.keys(counts).length) { return false; }
      for (var i = 0; i < known.length; i++) {
        var c = counts[known[i].dataset.key];
        if (!c) { return false; }
        known[i].querySelector('.n').textContent = c.checkedIn + ' / ' + c.registered;
      }
      return true;
    }
    function poll() {
      fetch(root.dataset.source, { headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (a) {
          text('arrived', a.checkedIn);
          text('expected', a.registered);
          if (!rows('by-sector', a.bySector) || !rows('by-role', a.byRole)) { location.reload(); return; }
          var bars = document.getElementById('by-quarter');
          bars.textContent = '';
          Object.keys(a.byQuarterHour).forEach(function (k) {
            var li = document.createElement('li');
            var s = document.createElement('span'); s.textContent = k;
            var b = document.createElement('b'); b.textContent = a.byQuarterHour[k]; b.style.setProperty('--n', a.byQuarterHour[k]);
            li.appendChild(s); li.appendChild(b); bars.appendChild(li);
          });
          text('updated', root.dataset.wordsUpdated.replace('{0}', new Date().toLocaleTimeString()));
        }).catch(function () { /* try again at the next tick */ });
    }
    setInterval(poll, 5000);
  }
})();
