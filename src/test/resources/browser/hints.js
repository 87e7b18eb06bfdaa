// Every visible field whose hint (its placeholder) does not fit in it, as "field: hint (needs N px, has M)":
// a hint cut off ("nom, organisation, e-m") no longer says what the field takes.
() => {
  const measure = document.createElement('canvas').getContext('2d');
  return [...document.querySelectorAll('input[placeholder], textarea[placeholder]')]
    .filter(el => el.placeholder && !el.closest('[hidden], [inert]') && el.checkVisibility())
    .flatMap(el => {
      const style = getComputedStyle(el);
      measure.font = style.fontStyle + ' ' + style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
      const needs = measure.measureText(el.placeholder).width;
      const has = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return needs > has + 0.5 ? [(el.id || el.name) + ': ' + el.placeholder + ' (needs ' + Math.ceil(needs) + ' px, has '
        + Math.floor(has) + ')'] : [];
    });
}
