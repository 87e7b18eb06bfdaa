// The door's check-in screen, a room's door, a stand's screen and the live counts. Small and
// dependency-free. The screens work without it (plain forms); with it, the doors answer scans in
// place, the field keeps the focus, the searches answer while typing, and scans taken while the
// service is unreachable (a stand's with their notes) are kept, checked against the badge
// signature here, and sent when it is back.
(function () {
  'use strict';

  var door = document.getElementById('door');
  if (door) {
    checkInScreen(door);
  }
  var room = document.getElementById('room');
  if (room) {
    roomDoor(room);
  }
  var stand = document.getElementById('stand');
  if (stand) {
    standScreen(stand);
  }
  var live = document.getElementById('live');
  if (live) {
    liveCounts(live);
  }

  function checkInScreen(root) {
    var words = root.dataset;
    ownAddress(root.dataset.base);
    var station = document.getElementById('station');
    var answer = document.getElementById('answer');
    var found = document.getElementById('found');
    var search = document.getElementById('q');
    var stationKey = 'relais-door-station';

    if (localStorage.getItem(stationKey) && !new URLSearchParams(location.search).get('station')) {
      station.value = localStorage.getItem(stationKey);
    }
    station.addEventListener('change', function () { localStorage.setItem(stationKey, station.value); });

    var refocus = scanField(scan);

    function show(tone, headline, lines) {
      paint(answer, tone, headline, lines);
      refocus();
    }

    // Under a scan's answer: the badge's link, and the form that takes back an arrival it recorded.
    function scanExtras(body) {
      var href = body.tone === 'bad' ? null : badgeLink(body);
      if (href) {
        var p = document.createElement('p');
        var a = document.createElement('a');
        a.href = href; a.target = '_blank'; a.textContent = words.wordsBadge;
        p.appendChild(a); answer.appendChild(p);
      }
      if (body.status === 'CHECKED_IN') {
        answer.appendChild(undoForm(body.registrationId ? 'registrationId' : 'holderId', body.registrationId || body.holderId));
      }
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

    function badgeLink(body) {
      if (body.registrationId) { return badgeAt(false, body.registrationId); }
      if (body.holderId) { return badgeAt(true, body.holderId); }
      return null;
    }

    // A relay's badge, or another badge holder's (staff, organiser, guest, press).
    function badgeAt(holder, id) {
      return root.dataset.base + (holder ? '/badge-holders/' : '/registrations/') + id + '/badge.pdf';
    }

    // A kept scan the service refuses (a registration cancelled meanwhile) is listed for the door to see;
    // one it records comes with its words, which name the relay, and with what a scan's answer has under
    // it (the badge, the undo of a wrong badge scanned through the outage).
    var kept = keptScans(root, function (item) {
      return post(root.dataset.scan, item).then(function (body) {
        return refusedScan(body) || { recorded: true, tone: body.tone, headline: body.headline, lines: body.lines,
          under: function () { scanExtras(body); } };
      });
    });

    // An undo (under the answer, or in the search's list) is answered in place; through an outage it says nothing changed.
    root.addEventListener('submit', function (e) {
      var form = e.target;
      if (!form.classList.contains('undo')) { return; }
      e.preventDefault();
      sendInPlace(form, root.dataset.base, function (said) {
        answerFrom(said, answer);
        if (search && search.value.trim().length >= 2) { runSearch(); }
        refocus();
      }, function (e) { show('bad', waitWords(e, words), []); });
    });
    var verify = signature(root);

    function scan(code) {
      var item = { code: code, station: station.value };
      post(root.dataset.scan, item).then(function (body) {
        kept.online();
        paint(answer, body.tone, body.headline, body.lines);
        scanExtras(body);
        refocus();
      }).catch(function (e) { offline(item, e); });
    }

    // ---- Brief outages: check the scan's signature here, keep it, send it later. ----

    function offline(item, why) {
      verify(item.code).then(function (verdict) {
        if (refused(verdict, show, words)) { return; }
        item.scannedAt = new Date().toISOString();
        var n = kept.keep(item, why);
        show('warn', words.wordsKept.replace('{0}', String(n)), verdict === 'good' ? [] : [words.wordsUnchecked]);
        kept.said(item, 0);
      });
    }

    // ---- The search, answering while typing. ----

    var timer = null;
    if (search) {
      search.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(runSearch, 150);
      });
      // A badge scanned while the cursor was there (after a name, perhaps) is taken as a scan.
      document.getElementById('search-form').addEventListener('submit', function (e) {
        e.preventDefault();
        var code = search.value.trim().slice(-119);
        if (decode(code)) {
          clearTimeout(timer);
          search.value = '';
          found.textContent = '';
          refocus();
          scan(code);
        } else {
          runSearch();
        }
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
              a.href = badgeAt(f.kind === 'HOLDER', f.id);
              a.target = '_blank'; a.textContent = words.wordsBadge;
              li.appendChild(a);
            }
            found.appendChild(li);
          });
        }).catch(function () {
          // The search waits for the service; scanning goes on, and the list says so rather than "nobody".
          if (search.value.trim() !== q) { return; }
          found.textContent = '';
          var li = document.createElement('li'); li.textContent = words.wordsSearchOffline; found.appendChild(li);
        });
    }
  }

  // A room's door: each scan answered in place, the lists of seats and of the waiting list brought
  // up to date, and through an outage the scan checked against the list the page holds and kept.
  function roomDoor(root) {
    var words = root.dataset;
    ownAddress(root.dataset.page);
    var answer = document.getElementById('answer');
    // A kept entry the service refuses (the relay cancelled meanwhile, their seat given away) is listed for the door to see.
    // A let-in kept (a relay without their badge) goes to its own address, with the same answers.
    var kept = keptScans(root, function (item) {
      return post(item.registrationId ? root.dataset.letIn : root.dataset.scan, item).then(function (body) {
        return body.status === 'WAITING' ? body : refusedScan(body);
      });
    }, refreshLists);
    var verify = signature(root);

    var refocus = scanField(scan);

    function show(tone, headline, lines, undoFor) {
      paint(answer, tone, headline, lines);
      if (undoFor) {
        var form = document.getElementById('undo-form').content.firstElementChild.cloneNode(true);
        form.querySelector('input[name=registrationId]').value = undoFor;
        answer.appendChild(form);
      }
      refocus();
    }

    function answered(body) {
      var said = spoken(body);
      kept.online();
      show(said.tone, said.headline, said.lines, said.status === 'IN' ? said.registrationId : null);
      refreshLists();
    }

    function scan(code) {
      var item = { code: code };
      post(root.dataset.scan, item).then(answered).catch(function (e) { offline(item, e); });
    }

    // Without the service, the page's lists answer: whose badge it is, and where they stand.
    function offline(item, why) {
      verify(item.code).then(function (verdict) {
        if (refused(verdict, show, words)) { return; }
        admit(document.querySelector('#room-lists li[data-holder="' + holderOf(item.code) + '"]'), item,
          verdict === 'good' ? [] : [words.wordsUnchecked], why);
      });
    }

    // The line of the person scanned (or let in) through an outage says whether they come in; an entry is kept.
    function admit(line, item, more, why) {
      if (!line) { show('bad', words.wordsNotBooked, [words.wordsNotBookedHint]); return; }
      var name = line.dataset.name;
      if (line.dataset.position) {
        show('warn', words.wordsWaiting.replace('{0}', name).replace('{1}', line.dataset.position), [words.wordsWaitingHint]);
        return;
      }
      if (line.hasAttribute('data-came')) { show('warn', words.wordsAlready.replace('{0}', name), []); return; }
      item.scannedAt = new Date().toISOString();
      var n = kept.keep(item, why);
      line.setAttribute('data-came', '');
      var tag = line.querySelector('.tag');
      if (tag) { tag.className = 'tag'; tag.textContent = '✓ ' + words.wordsCame; }
      var letIn = line.querySelector('.let-in');
      if (letIn) { letIn.remove(); }
      show('ok', words.wordsIn.replace('{0}', name), [words.wordsKept.replace('{0}', String(n))].concat(more));
      kept.said(item, 1);
    }

    // The other forms (let in, undo, give a seat) are answered in place too. Through an outage a let-in is
    // kept as a scan would be; an undo or a seat given waits for the service, and the page says so.
    root.addEventListener('submit', function (e) {
      var form = e.target;
      if (form.id === 'scan-form' || form.id === 'find-form') { return; }
      e.preventDefault();
      if (form.classList.contains('let-in')) {
        var item = { registrationId: Number(form.querySelector('input[name=registrationId]').value) };
        var line = form.closest('li');
        post(root.dataset.letIn, item).then(answered).catch(function (e) { admit(line, item, [], e); });
        return;
      }
      sendInPlace(form, root.dataset.page, function (said) {
        var note = said.querySelector('.flash, .problem');
        if (note) {
          show(note.classList.contains('flash') ? 'ok' : 'bad', note.textContent.trim(), []);
        } else {
          answerFrom(said, answer);
          refocus();
        }
        var lists = said.getElementById('room-lists');
        if (lists) { document.getElementById('room-lists').replaceWith(lists); filter(); }
      }, function (e) { show('bad', waitWords(e, words), []); });
    });

    // Finding a name in the lists as it is typed: the lines that do not match are hidden.
    var find = document.getElementById('q');
    var noneFound = document.getElementById('none-found');
    function filter() {
      var typed = fold(find.value).split(' ').filter(function (w) { return w; });
      var lines = document.querySelectorAll('#room-lists li[data-find]');
      var shown = 0;
      Array.prototype.forEach.call(lines, function (li) {
        li.hidden = !typed.every(function (w) { return li.dataset.find.indexOf(w) >= 0; });
        if (!li.hidden) { shown++; }
      });
      noneFound.hidden = typed.length === 0 || shown > 0;
    }
    find.addEventListener('input', filter);
    if (find.value) { refreshLists(); } // an address that asked for a name (?q=): the whole lists, filtered here
    // A badge scanned while the cursor was there (after a name, perhaps) is taken as a scan.
    document.getElementById('find-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var code = find.value.trim().slice(-119);
      if (decode(code)) {
        find.value = '';
        filter();
        refocus();
        scan(code);
      } else {
        filter();
      }
    });

    // The lists as the service has them now; left alone while a person is choosing in them.
    function refreshLists() {
      freshPart(root.dataset.page, 'room-lists').then(function (fresh) {
        var lists = document.getElementById('room-lists');
        if (fresh && lists && !lists.contains(document.activeElement)) { lists.replaceWith(fresh); filter(); }
      }).catch(function () { /* the lists wait for the service */ });
    }
  }

  // A stand's screen: a badge (and its note) goes as the plain form would send it; while the service
  // does not answer, a genuine badge is kept here with its note and sent when it is back.
  function standScreen(root) {
    var words = root.dataset;
    ownAddress(root.dataset.page);
    var form = document.getElementById('scan-form');
    var code = document.getElementById('code');
    var note = form.querySelector('[name=note]');
    var answer = document.getElementById('answer');
    var page = root.dataset.page; // where a recorded contact leads
    var verify = signature(root);
    // A kept contact the service refuses (the relay cancelled meanwhile) is listed with its note, to be noted by hand.
    var kept = keptScans(root, function (item) {
      return send(item).then(function (r) {
        return r.redirected ? null : r.text().then(function (html) { return refusal(html, item); });
      });
    }, refreshContacts);

    // The form's fields as the service reads them, with this page's token.
    function send(item) {
      var body = new URLSearchParams();
      var token = form.querySelector('input[type=hidden]');
      body.set(token.name, token.value);
      body.set('code', item.code);
      body.set('note', item.note || '');
      return postForm(root.dataset.scan, body, page);
    }

    // The service's refusal, as the page it answered says it: the field's error, or the page's problem.
    function refusal(html, item) {
      var said = new DOMParser().parseFromString(html, 'text/html');
      var why = said.querySelector('#scan-form .error') || said.querySelector('.problem');
      return {
        headline: '✗ ' + (why ? why.textContent.trim() : ''),
        lines: item.note ? [words.wordsKeptNote.replace('{0}', item.note)] : []
      };
    }

    form.addEventListener('submit', function (e) {
      if (code.value.trim() === '') { return; } // a note alone: the service says what is missing
      e.preventDefault();
      var item = { code: code.value, note: note.value };
      send(item).then(function (r) {
        kept.online();
        if (r.redirected) { location.assign(r.url); } else { form.submit(); } // refused: the page says why
      }).catch(function (e) { offline(item, e); });
    });

    // A note for the relay just saved, or a contact saved from the search's list: as the plain form, but through an
    // outage the page stays with what was typed, and says nothing changed.
    document.addEventListener('submit', function (e) {
      var other = e.target;
      if (other === form || other.getAttribute('action') !== root.dataset.scan) { return; } // not a contact's (signing out)
      e.preventDefault();
      sendInPlace(other, page, function (said, r) {
        if (r.redirected) { location.assign(r.url); } else { other.submit(); } // refused: the page says why
      }, function (e) { show('bad', waitWords(e, words), []); });
    });

    // The contacts as the service has them, once the kept ones are sent.
    function refreshContacts() {
      freshPart(page, 'stand-leads').then(function (fresh) {
        if (fresh) { document.getElementById('stand-leads').replaceWith(fresh); }
      }).catch(function () { /* the list waits for the next page */ });
    }

    function show(tone, headline, lines) {
      answer.hidden = false;
      paint(answer, tone, headline, lines);
      code.focus();
    }

    // The field is emptied for the next badge whatever the answer; a refused badge's note stays.
    function offline(item, why) {
      code.value = '';
      verify(item.code).then(function (verdict) {
        if (refused(verdict, show, words)) { return; }
        var n = kept.keep(item, why);
        note.value = '';
        // What the service said of the badge before (a code it could not read) is no longer what the field holds.
        document.getElementById('stand-problem').textContent = '';
        Array.prototype.forEach.call(form.querySelectorAll('.field.invalid'), function (f) {
          f.classList.remove('invalid');
          var error = f.querySelector('.error');
          if (error) { error.remove(); }
        });
        show('warn', words.wordsKept.replace('{0}', String(n)), [verdict === 'good' ? words.wordsKeptHint : words.wordsUnchecked]);
        kept.said(item, 0);
      });
    }
  }

  // ---- Shared by the doors and the stands. ----

  // A screen that answers a plain form (an undo, a let-in, a seat given, a refusal) has the form's
  // address, and reloading it would send the form again: an arrival undone twice, after the person was
  // scanned back in. The screen's own address takes its place.
  function ownAddress(page) {
    if (location.pathname !== page) { history.replaceState(null, '', page); }
  }

  // The field a scanner types into (it presses Enter after the code): each code goes to scan, and a
  // click anywhere but another field brings the focus back. Gives what puts the focus back.
  function scanField(scan) {
    var field = document.getElementById('code');
    function refocus() { field.focus(); }
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
    return refocus;
  }

  // The part of a screen's page with this id, as the service has it now; fails while it does not answer.
  function freshPart(url, id) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok || r.redirected) { throw new Error('not the page'); }
      return r.text();
    }).then(function (html) { return new DOMParser().parseFromString(html, 'text/html').getElementById(id); });
  }

  function paint(answer, tone, headline, lines) {
    answer.className = 'answer ' + tone;
    answer.textContent = '';
    var h = document.createElement('p');
    h.className = 'headline';
    h.textContent = headline;
    answer.appendChild(h);
    (lines || []).forEach(function (l) {
      if (l) { var p = document.createElement('p'); p.textContent = l; answer.appendChild(p); }
    });
  }

  // A form's fields posted as the browser would post them. Any answer but a server's error is the service's (a
  // refusal included); a sign-in page in its place (a redirect elsewhere than the screen's page) means it is not.
  function postForm(url, body, page) {
    return fetch(url, { method: 'POST', body: body, credentials: 'same-origin' }).then(function (r) {
      if (r.status >= 500) { return unavailable(r); }
      if (r.redirected && new URL(r.url).pathname !== page) { throw new Error('signed out'); }
      return r;
    });
  }

  // A screen's plain form sent by the script, so that an outage does not put the browser's error page in place of
  // the screen: the page the service answers goes to answered (parsed, with the response); failed when it does not.
  function sendInPlace(form, page, answered, failed) {
    postForm(form.action, new URLSearchParams(new FormData(form)), page).then(function (r) {
      return r.text().then(function (html) { answered(new DOMParser().parseFromString(html, 'text/html'), r); });
    }).catch(failed);
  }

  // The answer of a page the service sent, in place of this screen's.
  function answerFrom(said, answer) {
    var fresh = said.getElementById('answer');
    if (fresh) {
      answer.className = fresh.className;
      answer.innerHTML = fresh.innerHTML; // the service's own page, escaped as it is served
    }
  }

  function post(url, item) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(item),
      credentials: 'same-origin'
    }).then(function (r) {
      if (r.status >= 500 || r.status === 0) { return unavailable(r); }
      if (r.redirected || (r.headers.get('Content-Type') || '').indexOf('json') < 0) { throw new Error('signed out'); }
      return r.json();
    });
  }

  // A failure for an answer the service could not give: its error's full is true when the service said, as a problem
  // (JSON or an error page, by its type), that its disk is nearly full and it saves nothing; false for an outage.
  function unavailable(r) {
    var media = r.headers.get('Content-Type') || '';
    var type = media.indexOf('json') >= 0 ? r.json().then(function (problem) { return problem.type; })
      : media.indexOf('html') >= 0 ? r.text().then(function (html) {
        var said = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-problem]');
        return said ? said.dataset.problem : null;
      }) : Promise.resolve(null);
    return type.catch(function () { return null; }).then(function (t) {
      var e = new Error('service ' + r.status);
      var screen = document.querySelector('[data-disk-full]');
      e.full = screen !== null && t === screen.dataset.diskFull;
      throw e;
    });
  }

  function isFull(why) { return Boolean(why && why.full); }

  // What a change that waits for the service says when it was not made: why, as the service gave it.
  function waitWords(why, words) { return isFull(why) ? words.wordsFullWait : words.wordsWait; }

  // A door's answer to a kept scan, when it is a refusal (a problem's title and detail in place of an answer too).
  function refusedScan(body) {
    var said = spoken(body);
    return said.tone === 'bad' ? said : null;
  }

  // A door's answer, or a problem (a let-in for someone with no booking, say) told as one: its title and detail.
  function spoken(body) {
    return body.tone ? body : { tone: 'bad', headline: body.title, lines: [body.detail] };
  }

  // A code this device can tell is no good, said as the service would; true when it was.
  function refused(verdict, show, words) {
    if (verdict === 'unreadable') { show('bad', words.wordsUnreadable, []); return true; }
    if (verdict === 'forged') { show('bad', words.wordsForged, [words.wordsForgedHint]); return true; }
    if (verdict === 'other-edition') { show('bad', words.wordsOtherEdition, []); return true; }
    return false;
  }

  // Scans kept on this device while the service does not answer, delivered in order when it is back.
  // deliver(item) is a promise of null once the service has recorded it (or of its words then, marked
  // recorded: {recorded, tone, headline, lines, under}, under adding what goes below them), of its answer
  // ({headline, lines}) when it refused it,
  // and fails while the service does not answer. The refused ones were let
  // in on this device's word: they stay listed under the band until someone says they have seen them.
  // While a kept scan's answer is still on screen, it says what became of it once sent.
  function keptScans(root, deliver, whenSent) {
    var words = root.dataset;
    var connection = document.getElementById('connection');
    var key = 'relais-door-queue-' + root.dataset.scan;
    var refusedKey = key + '-refused';
    function read(k) { try { return JSON.parse(localStorage.getItem(k) || '[]'); } catch (e) { return []; } }
    function queue() { return read(key); }
    function save(q) { localStorage.setItem(key, JSON.stringify(q)); }

    function showRefused() {
      var list = read(refusedKey);
      var box = document.getElementById('refused');
      if (list.length === 0) { if (box) { box.remove(); } return; }
      if (!box) {
        box = document.createElement('div');
        box.id = 'refused';
        box.className = 'answer bad refused';
        box.setAttribute('role', 'alert');
        connection.after(box);
      }
      paint(box, 'bad refused', words.wordsRefused.replace('{0}', String(list.length)), [words.wordsRefusedHint]);
      var ul = document.createElement('ul');
      list.forEach(function (r) {
        var li = document.createElement('li');
        var b = document.createElement('strong'); b.textContent = r.headline; li.appendChild(b);
        var when = new Date(r.at).toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' });
        r.lines.concat([words.wordsRefusedAt.replace('{0}', when)]).forEach(function (l) {
          li.appendChild(document.createElement('br'));
          li.appendChild(document.createTextNode(l));
        });
        ul.appendChild(li);
      });
      box.appendChild(ul);
      var seen = document.createElement('button');
      seen.type = 'button'; seen.className = 'secondary'; seen.textContent = words.wordsRefusedSeen;
      seen.addEventListener('click', function () { localStorage.removeItem(refusedKey); showRefused(); document.getElementById('code').focus(); });
      box.appendChild(seen);
    }

    // Whether the service, the last time it was asked, answered that its disk is nearly full (rather than nothing).
    var full = false;
    function notice() {
      var n = queue().length;
      connection.hidden = n === 0;
      connection.textContent = (full ? words.wordsFull : words.wordsOffline).replace('{0}', String(n));
    }

    // The lines of the screen's answer that speak of a kept scan, if it is still the one shown.
    function saidOf(item) {
      return document.querySelectorAll('#answer > p[data-kept="' + item.keptId + '"]');
    }

    // Its answer, once the service has had the scan: recorded (in the service's words when it gave
    // them), or refused (then all of the answer is the refusal).
    function settle(item, told) {
      var lines = saidOf(item);
      if (lines.length === 0) { return; }
      var answer = document.getElementById('answer');
      if (told && told.recorded) {
        paint(answer, told.tone, told.headline,
          (told.lines || []).concat(told.tone === 'ok' ? [words.wordsRecorded] : []));
        if (told.under) { told.under(); }
        return;
      }
      if (told) { paint(answer, 'bad', told.headline, told.lines); return; }
      lines[0].textContent = words.wordsRecorded;
      Array.prototype.slice.call(lines, 1).forEach(function (p) { p.remove(); });
      answer.className = 'answer ok';
    }

    var flushing = false;
    function flush() {
      var q = queue();
      if (flushing || q.length === 0) { return; }
      flushing = true;
      deliver(q[0]).then(function (told) {
        full = false;
        settle(q[0], told);
        var refusal = told && !told.recorded ? told : null;
        if (refusal) {
          var refused = read(refusedKey);
          refused.push({ at: q[0].scannedAt || q[0].keptAt, headline: refusal.headline, lines: (refusal.lines || []).filter(Boolean) });
          localStorage.setItem(refusedKey, JSON.stringify(refused));
          showRefused();
        }
        var rest = queue().slice(1);
        save(rest);
        flushing = false;
        if (rest.length === 0) {
          connection.hidden = false;
          connection.textContent = words.wordsSent;
          setTimeout(function () { if (queue().length === 0) { connection.hidden = true; } }, 4000);
          if (whenSent) { whenSent(); }
        } else {
          notice();
          flush();
        }
      }).catch(function (e) { flushing = false; full = isFull(e); notice(); });
    }
    setInterval(flush, 3000);
    notice();
    showRefused();
    flush();

    return {
      // Keeps a scan the service did not take, why (the error) saying whether it could not answer or save.
      keep: function (item, why) {
        full = isFull(why);
        if (!item.scannedAt) { item.keptAt = new Date().toISOString(); }
        item.keptId = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
        var q = queue(); q.push(item); save(q); notice(); return q.length;
      },
      // The answer just shown is this kept scan's, from its paragraph from on (0: the headline too).
      said: function (item, from) {
        Array.prototype.slice.call(document.querySelectorAll('#answer > p'), from).forEach(function (p) {
          p.setAttribute('data-kept', item.keptId);
        });
      },
      online: function () { if (queue().length === 0) { connection.hidden = true; } }
    };
  }

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

  // As the service folds names for its searches (Collation.fold): lower case, no accents, punctuation as spaces.
  function fold(text) {
    return text.normalize('NFKD').replace(/\p{Mn}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  }

  // Whose badge it is, as the room's page lists them: the holder key in hexadecimal.
  function holderOf(code) {
    var bytes = decode(code);
    if (!bytes) { return ''; }
    return Array.prototype.map.call(bytes.slice(4, 10), function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }

  // A promise of 'good', 'forged', 'other-edition', 'unreadable', or 'unchecked' (no Ed25519 here).
  function signature(root) {
    var keyPromise = null;
    function key() {
      if (!keyPromise) {
        var raw = Uint8Array.from(atob(root.dataset.key), function (c) { return c.charCodeAt(0); });
        keyPromise = crypto.subtle.importKey('spki', raw, { name: 'Ed25519' }, false, ['verify']);
      }
      return keyPromise;
    }
    return function verify(code) {
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
    };
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
