// Every short word or number of a table's cell that the page breaks across two lines ("90 / 0", "Regis / tered"),
// as "word: the cell's first words". A run of letters or digits of up to 12 is a word that fits any column; a longer one
// may break, and so may an address (e-mail or web), which a phone's narrow column breaks anywhere on purpose.
() => {
  const found = [];
  for (const cell of document.querySelectorAll('td, th')) {
    if (cell.closest('[hidden], [inert]') || !cell.checkVisibility()) { continue; }
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (/[@\/]/.test(node.data) || !node.parentElement.checkVisibility()) { continue; }
      for (const word of node.data.matchAll(/[\p{L}\p{N}]{2,12}/gu)) {
        if (word[0].length !== (node.data.slice(word.index).match(/^[\p{L}\p{N}]+/u) || [''])[0].length
            || (word.index > 0 && /[\p{L}\p{N}]/u.test(node.data[word.index - 1]))) { continue; } // part of a longer word
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) { found.push(word[0] + ': ' + cell.textContent.trim().slice(0, 40)); }
      }
    }
  }
  return found;
}
