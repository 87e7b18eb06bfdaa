// Every message saying what is wrong with a field (.error) that a screen reader would not read on
// the field itself: without an id, or with one that no control or group of boxes names in its
// aria-describedby; and every control of a field marked wrong (.invalid) not flagged aria-invalid.
// As "untied: message" or "unflagged: control"; empty when each problem is tied to its field.
() => {
  const untied = [...document.querySelectorAll('.error')]
    .filter(e => !e.id || !document.querySelector('[aria-describedby~="' + CSS.escape(e.id) + '"]'))
    .map(e => 'untied: ' + e.textContent.trim());
  const unflagged = [...document.querySelectorAll('.field.invalid')]
    .flatMap(f => [...f.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea')])
    .filter(c => c.getAttribute('aria-invalid') !== 'true' && c.closest('.field.invalid').querySelector('.error'))
    .filter(c => document.getElementById('e-' + c.name))
    .map(c => 'unflagged: ' + c.name);
  return [...untied, ...unflagged];
}
