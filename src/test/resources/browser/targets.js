// Every visible control too small to tap (WCAG 2.2 AA, 2.5.8 target size: at least 24 by 24 CSS
// pixels), as "width x height: what it is". A control's target includes its label when clicking the
// label works it. WCAG's exceptions are kept: a link inside a sentence or a line of text; a smaller
// target with room around it (a 24 px circle on its centre touches no other target, nor another small
// target's circle); a control whose work a visible form of the page also does, named by its
// data-equivalent (a stand dragged on the floor plan, and the plan's table of positions).
() => {
  const controls = [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])')]
    .filter(el => !el.closest('[hidden], [inert]') && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
  const box = el => {
    let r = el.getBoundingClientRect();
    let rect = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    if (el.labels) {
      for (const label of el.labels) {
        const l = label.getBoundingClientRect();
        if (l.width && l.height) {
          rect = { left: Math.min(rect.left, l.left), top: Math.min(rect.top, l.top),
            right: Math.max(rect.right, l.right), bottom: Math.max(rect.bottom, l.bottom) };
        }
      }
    }
    return rect;
  };
  // A link set in a line of text: its block holds words that are not themselves controls.
  const inText = el => {
    if (el.tagName !== 'A' || !getComputedStyle(el).display.startsWith('inline')) return false;
    let block = el.parentElement;
    while (block.parentElement && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    const copy = block.cloneNode(true);
    copy.querySelectorAll('a, button, input, select, textarea, label').forEach(c => c.remove());
    return /\p{L}{2}/u.test(copy.textContent);
  };
  const equivalent = el => {
    const other = el.closest('[data-equivalent]');
    const form = other && document.getElementById(other.dataset.equivalent);
    return !!form && form.checkVisibility({ visibilityProperty: true });
  };
  const targets = controls.map(el => ({ el, rect: box(el) }))
    .filter(t => t.rect.right - t.rect.left > 0 && t.rect.bottom - t.rect.top > 0);
  const small = t => (t.rect.right - t.rect.left) < 23.5 || (t.rect.bottom - t.rect.top) < 23.5;
  const centre = t => ({ x: (t.rect.left + t.rect.right) / 2, y: (t.rect.top + t.rect.bottom) / 2 });
  const distance = (p, r) => Math.hypot(Math.max(r.left - p.x, 0, p.x - r.right), Math.max(r.top - p.y, 0, p.y - r.bottom));
  const found = [];
  for (const t of targets) {
    if (!small(t) || inText(t.el) || equivalent(t.el)) continue;
    const c = centre(t);
    const crowded = targets.some(o => o !== t && o.el !== t.el && !o.el.contains(t.el) && !t.el.contains(o.el)
      && (distance(c, o.rect) < 12 || (small(o) && Math.hypot(c.x - centre(o).x, c.y - centre(o).y) < 24)));
    if (crowded) {
      const what = (t.el.getAttribute('aria-label') || t.el.textContent || t.el.name || t.el.type || '').replace(/\s+/g, ' ').trim();
      found.push(Math.round(t.rect.right - t.rect.left) + 'x' + Math.round(t.rect.bottom - t.rect.top) + ': '
        + t.el.tagName.toLowerCase() + ' ' + what.slice(0, 40));
    }
  }
  return found;
}
