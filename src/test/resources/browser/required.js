// Every field whose label and control disagree on whether it must be filled, as "why: label": an asterisk (.req, hidden
// from screen readers) over a control without `required`, whose listener would not hear it; or a control that is
// `required` (the screen reader says so) without the asterisk in its label, whose need the eye would not see.
() => [...document.querySelectorAll('label .req')].map(mark => mark.closest('label'))
  .filter(label => !label.control || !label.control.required)
  .map(label => 'an asterisk, not required: ' + label.textContent.replace(/\s+/g, ' ').trim().slice(0, 60))
  .concat([...document.querySelectorAll('input[required], select[required], textarea[required]')]
    .filter(control => ![...control.labels].some(label => label.querySelector('.req')))
    .map(control => 'required, no asterisk: ' + ([...control.labels].map(l => l.textContent).join(' ') || control.name)
      .replace(/\s+/g, ' ').trim().slice(0, 60)))
