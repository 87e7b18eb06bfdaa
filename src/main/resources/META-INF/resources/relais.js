// Every page's small helpers; each page works without them.

// A form whose data-confirm says what it would undo asks first, and says yes when sent (confirmed=yes).
// Without JavaScript it is sent as it is; what cannot be undone then asks on a page of its own
// (Confirmation.java): a relay's cancellation, erasure and giving up a session, and an organiser's
// cancellation, erasure, removal from a session, deletion of a session, new layout of a hall,
// status move and deletion of a draft, and a stand's removal of a contact.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var ask = form.dataset && form.dataset.confirm;
  if (!ask) {
    return;
  }
  if (!window.confirm(ask)) {
    event.preventDefault();
  } else if (!form.querySelector('input[name=confirmed]')) {
    var yes = document.createElement('input');
    yes.type = 'hidden';
    yes.name = 'confirmed';
    yes.value = 'yes';
    form.appendChild(yes);
  }
});

// A form sent back opens at what to correct, with the focus: its first field marked (a screen reader reads
// the field's message), or else its problem (an address already registered, a change made elsewhere). The
// page opened at its top, the sessions' or spaces' form a screen below their lists; a relay's forms opened
// at their top (#register, #change, #details), the field to correct perhaps a dozen fields further down.
// Without JavaScript, pages open as before; so do the pages that put the focus where they need it (a door's
// or a stand's scanner field, the sign-in).
window.addEventListener('load', function () {
  var marked = document.querySelector('[aria-invalid=true], fieldset.invalid')
    || document.querySelector('p.problem[role=alert]');
  if (!marked || document.querySelector('[autofocus]')) {
    return;
  }
  if (!marked.matches('input, select, textarea')) {
    marked.setAttribute('tabindex', '-1'); // a group of boxes, a problem: focusable, not in the tab order
  }
  var shown = marked.closest('.field, fieldset') || marked; // with its label or legend, and its message
  marked.focus({ preventScroll: true });
  shown.scrollIntoView({ block: shown.offsetHeight > window.innerHeight / 2 ? 'start' : 'center' });
});

// An error page's "go back" returns to the page before, where what was typed is still there. It
// shows only where there is a page to go back to; its link leads home otherwise.
document.querySelectorAll('[data-back]').forEach(function (back) {
  if (window.history.length < 2) {
    return;
  }
  back.hidden = false;
  back.querySelector('a').addEventListener('click', function (event) {
    event.preventDefault();
    window.history.back();
  });
});

// The language switch keeps what was typed: the fields of the page's forms go along, for a minute, and
// are put back into the forms of the page that opens (the same form, by its address), the page shown at
// the first of them. Only what a person typed or ticked on this page, or all a form that came back with
// its problems holds, but for a field that follows the page's language unless it was changed; never a
// hidden field (the form's token is the new page's own) nor a password.
(function () {
  var key = 'relais-typed';
  var skipped = /^(hidden|password|file|submit|button|reset|image)$/;

  function where(form) {
    return new URL(form.getAttribute('action') || location.href, location.href).pathname;
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      return field.name && !field.disabled && !skipped.test(field.type);
    });
  }

  function changed(field) {
    if (field.type === 'checkbox' || field.type === 'radio') {
      return field.checked !== field.defaultChecked;
    }
    if (field.type === 'select-one') { // none marked selected: the first is shown, as the page came
      var initial = Array.prototype.findIndex.call(field.options, function (o) { return o.defaultSelected; });
      return field.selectedIndex !== Math.max(initial, 0);
    }
    if (field.options) {
      return Array.prototype.some.call(field.options, function (o) { return o.selected !== o.defaultSelected; });
    }
    return field.value !== field.defaultValue;
  }

  // A field as [name, which, state]: a box by its value, any other field by its rank among those of its name.
  function states(form, keep) {
    var rank = {};
    return fields(form).map(function (field) {
      var box = field.type === 'checkbox' || field.type === 'radio';
      var which = box ? field.value : (rank[field.name] = (rank[field.name] || 0) + 1);
      var state = box ? field.checked : field.type === 'select-multiple'
        ? Array.prototype.filter.call(field.options, function (o) { return o.selected; }).map(function (o) { return o.value; })
        : field.value;
      return { field: field, kept: [field.name, which, state] };
    }).filter(function (one) { return !keep || keep(one.field); });
  }

  document.querySelectorAll('a[hreflang]').forEach(function (link) {
    link.addEventListener('click', function () {
      var forms = [];
      document.querySelectorAll('form[method=post]').forEach(function (form) {
        var cameBack = form.querySelector('[aria-invalid=true]') !== null;
        forms.push({ action: where(form), fields: states(form, function (field) {
          return changed(field) || cameBack && !('followsPage' in field.dataset);
        }).map(function (one) { return one.kept; }) });
      });
      try {
        sessionStorage.setItem(key, JSON.stringify({ at: Date.now(), forms: forms }));
      } catch (e) {
        // No storage (a private window may refuse it): the page opens as a link does.
      }
    });
  });

  var carried = null;
  try {
    carried = JSON.parse(sessionStorage.getItem(key));
    sessionStorage.removeItem(key);
  } catch (e) {
    return;
  }
  if (!carried || Date.now() - carried.at > 60000) {
    return;
  }
  var used = {};
  var first = null;
  document.querySelectorAll('form[method=post]').forEach(function (form) {
    var action = where(form);
    var from = carried.forms.filter(function (f) { return f.action === action; })[used[action] || 0];
    used[action] = (used[action] || 0) + 1;
    if (!from) {
      return;
    }
    states(form).forEach(function (one) {
      var was = from.fields.filter(function (f) { return f[0] === one.kept[0] && f[1] === one.kept[1]; })[0];
      var field = one.field;
      if (!was) {
        return;
      }
      first = first || form;
      if (field.type === 'checkbox' || field.type === 'radio') {
        field.checked = was[2] === true;
      } else if (field.type === 'select-multiple') {
        Array.prototype.forEach.call(field.options, function (o) { o.selected = was[2].indexOf(o.value) >= 0; });
      } else if (field.type !== 'select-one'
          || Array.prototype.some.call(field.options, function (o) { return o.value === was[2]; })) {
        field.value = was[2];
      }
    });
  });
  if (first && !location.hash) {
    first.scrollIntoView(); // where the person was: at the form
  }
})();
