/**
 * A tiny element builder: `h('button', { class: 'primary', onclick }, 'Save')`.
 * Keeps the views free of repetitive `createElement`/`setAttribute` code.
 */

/** Attribute values: strings become attributes, functions become listeners (`on…`), `false`/`null` are skipped. */
export type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** A child: a node, text, or nothing (skipped). */
export type Child = Node | string | number | null | undefined | false;

/**
 * Creates an HTML element with attributes and children.
 *
 * @example
 * ```ts
 * const button = h('button', { type: 'button', 'data-testid': 'save', onclick: save }, 'Save');
 * ```
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (skipping empty ones) to a node. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
