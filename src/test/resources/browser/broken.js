// Every short word, number or count of the page that it breaks across two lines ("90 / 0", "Regis / tered", a count
// "0 / 3" cut after its slash, a time range "10:00– / 16:00"), as "word: the first words of its element". A run of
// letters or digits of up to 12 is a word that fits any column, and a count ("12 / 25") or a time range is read as
// one; a longer word may break, and so may an address (e-mail or web), which a narrow column breaks anywhere on purpose.
() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (element.closest('script, style, template, [hidden], [inert]') || !element.checkVisibility()) {
      continue;
    }
    const addresses = [...node.data.matchAll(/\S*[@\/]\S+/g)].map(a => [a.index, a.index + a[0].length]);
    const words = [...node.data.matchAll(/\d+[ \u00a0]\/[ \u00a0]\d+|\d+:\d+–\d+:\d+|[\p{L}\p{N}]+/gu)]
      .filter(w => (/[\/–]/.test(w[0]) || (w[0].length >= 2 && w[0].length <= 12))
        && !addresses.some(([from, to]) => w.index >= from && w.index < to));
    for (const word of words) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) { found.push(word[0] + ': ' + element.textContent.trim().slice(0, 40)); }
    }
  }
  return found;
}
