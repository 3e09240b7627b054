/** The one element builder of the framework-free views (the LinkedIn badge, the popup's first frame). */

/** A new `tag` element with `className` and `text` (set as text, never parsed as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
