// Every form that shows an asterisk (.req, a required field's) without first saying what it means (the sentence of
// tags/requirednote, .req-note, before its first asterisk), as the form's address: RGAA 11.10 asks for the sentence.
() => [...document.querySelectorAll('form')].filter(form => {
  const mark = form.querySelector('.req');
  const note = form.querySelector('.req-note');
  return mark && !(note && note.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING);
}).map(form => form.getAttribute('action') || '(the page itself)')
