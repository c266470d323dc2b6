type Attrs = Record<string, string | number | boolean | undefined>;

/**
 * One element, its attributes and its children, for the early paint. Text goes in as text nodes, never as
 * markup (names, subjects and summaries come from pages and imports).
 */
export function el(tag: string, attrs: Attrs = {}, ...children: (Node | string | false | null | undefined)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
  }
  for (const child of children) if (child || child === '') node.append(child);
  return node;
}
