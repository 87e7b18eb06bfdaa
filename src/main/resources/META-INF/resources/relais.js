// Every page's small helpers; each page works without them.

// A form whose data-confirm says what it would undo asks first; without JavaScript it is sent as it is.
document.addEventListener('submit', function (event) {
  var ask = event.target.dataset && event.target.dataset.confirm;
  if (ask && !window.confirm(ask)) {
    event.preventDefault();
  }
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
