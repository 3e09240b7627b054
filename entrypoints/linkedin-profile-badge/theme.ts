/** Which LinkedIn theme the page shows, read from what it paints rather than from class names. */

function luminance(color: string): number | null {
  const match = /rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)(?:[,\s/]+([\d.]+))?/.exec(color);
  if (!match) return null;
  if (match[4] !== undefined && Number(match[4]) === 0) return null; // transparent
  const [r, g, b] = [match[1], match[2], match[3]].map((channel) => Number(channel) / 255) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** "dark" when the page's background is dark (LinkedIn's dark mode), else "light". */
export function pageTheme(doc: Document): 'light' | 'dark' {
  for (const node of [doc.body, doc.documentElement]) {
    if (!node) continue;
    const value = luminance(getComputedStyle(node).backgroundColor);
    if (value !== null) return value < 0.4 ? 'dark' : 'light';
  }
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
