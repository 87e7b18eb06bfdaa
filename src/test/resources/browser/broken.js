// Every short word or number of the page that it breaks across two lines ("90 / 0", "Regis / tered"), as "word: the first
// words of its element". A run of letters or digits of up to 12 is a word that fits any column; a longer one may break,
// and so may an address (e-mail or web), which a narrow column breaks anywhere on purpose.
() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (/[@\/]/.test(node.data) || element.closest('script, style, template, [hidden], [inert]') || !element.checkVisibility()) {
      continue;
    }
    for (const word of node.data.matchAll(/[\p{L}\p{N}]+/gu)) {
      if (word[0].length < 2 || word[0].length > 12) { continue; }
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) { found.push(word[0] + ': ' + element.textContent.trim().slice(0, 40)); }
    }
  }
  return found;
}
