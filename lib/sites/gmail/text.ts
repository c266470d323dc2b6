const BLOCK = new Set(['DIV', 'P', 'LI', 'TR', 'TABLE', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'BLOCKQUOTE', 'PRE']);

/**
 * The visible lines of an element's text, as a reader sees them: <br> and block elements break lines.
 * (innerText would do this but forces layout, and happy-dom does not implement it.) Subtrees matching
 * `skip` (quoted history) are left out, so a signature found here is the sender's own.
 */
export function textLines(root: Element, skip?: string): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) current += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.tagName === 'BR') flush();
        else if (el.tagName === 'STYLE' || el.tagName === 'SCRIPT' || (skip && el.matches(skip))) continue;
        else if (BLOCK.has(el.tagName)) {
          flush();
          walk(el);
          flush();
        } else walk(el);
      }
    }
  };
  walk(root);
  flush();
  return lines;
}

/**
 * The last `max` lines of `textLines(root, skip)`, read backwards from the end so a long body (newsletter
 * tables, long history) costs only its tail: a signature is always near the end of the sender's own text.
 */
export function tailLines(root: Element, skip: string, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node): boolean => {
    for (let child = node.lastChild; child; child = child.previousSibling) {
      if (lines.length >= max) return true;
      if (child.nodeType === 3) current = (child.nodeValue ?? '') + current;
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.tagName === 'BR') flush();
        else if (el.tagName === 'STYLE' || el.tagName === 'SCRIPT' || el.matches(skip)) continue;
        else if (BLOCK.has(el.tagName)) {
          flush();
          if (walk(el)) return true;
          flush();
        } else if (walk(el)) return true;
      }
    }
    return false;
  };
  walk(root);
  flush();
  return lines.slice(0, max).reverse();
}
