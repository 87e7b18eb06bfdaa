// Every field shown as one that must be filled (an asterisk, .req, in its label) whose control does not say so to a
// screen reader (no `required`), as "label": the asterisk is hidden from screen readers, so nothing would tell their
// listener. (A required field without an asterisk, the sign-in's, is left to the page: its need goes without saying.)
() => [...document.querySelectorAll('label .req')].map(mark => mark.closest('label'))
  .filter(label => !label.control || !label.control.required)
  .map(label => label.textContent.replace(/\s+/g, ' ').trim().slice(0, 60))
