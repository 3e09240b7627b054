// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageTheme } from './theme';

function paint(body: string, html = '') {
  document.body.style.backgroundColor = body;
  document.documentElement.style.backgroundColor = html;
}

function prefersDark(dark: boolean) {
  const matchMedia = vi.fn((query: string) => ({
    matches: dark && query === '(prefers-color-scheme: dark)',
  }));
  vi.stubGlobal('matchMedia', matchMedia);
  return matchMedia;
}

afterEach(() => {
  paint('', '');
  vi.unstubAllGlobals();
});

describe('pageTheme', () => {
  // Browsers report computed colours as rgb()/rgba(), which is what LinkedIn's pages give.
  it.each([
    { color: 'rgb(27, 31, 35)', theme: 'dark', what: 'LinkedIn’s dark background' },
    { color: 'rgb(0, 0, 0)', theme: 'dark', what: 'black' },
    { color: 'rgba(29, 34, 38, 1)', theme: 'dark', what: 'an opaque rgba dark' },
    { color: 'rgb(244, 242, 238)', theme: 'light', what: 'LinkedIn’s light background' },
    { color: 'rgb(255, 255, 255)', theme: 'light', what: 'white' },
    { color: 'rgb(27 31 35)', theme: 'dark', what: 'space-separated dark' },
  ])('reads $what ($color) as $theme', ({ color, theme }) => {
    prefersDark(theme !== 'dark'); // the page's paint wins over the system preference
    paint(color);

    expect(pageTheme(document)).toBe(theme);
  });

  it.each([
    { body: 'rgba(0, 0, 0, 0)', html: 'rgb(27, 31, 35)', theme: 'dark' },
    { body: 'rgba(0, 0, 0, 0)', html: 'rgb(255, 255, 255)', theme: 'light' },
    { body: 'transparent', html: 'rgb(27, 31, 35)', theme: 'dark' },
    { body: 'rgb(0 0 0 / 0)', html: 'rgb(255, 255, 255)', theme: 'light' },
    { body: '', html: 'rgb(27, 31, 35)', theme: 'dark' },
  ])('falls back to the html element when the body is $body', ({ body, html, theme }) => {
    prefersDark(theme !== 'dark');
    paint(body, html);

    expect(pageTheme(document)).toBe(theme);
  });

  it.each([
    { body: 'rgb(255, 255, 255)', html: 'rgb(0, 0, 0)', theme: 'light' },
    { body: 'rgb(0, 0, 0)', html: 'rgb(255, 255, 255)', theme: 'dark' },
  ])('prefers the body ($body) over the html element ($html)', ({ body, html, theme }) => {
    prefersDark(theme !== 'dark');
    paint(body, html);

    expect(pageTheme(document)).toBe(theme);
  });

  it.each([
    { dark: true, theme: 'dark' },
    { dark: false, theme: 'light' },
  ])('follows the system preference (dark: $dark) when nothing is painted', ({ dark, theme }) => {
    const matchMedia = prefersDark(dark);
    paint('rgba(0, 0, 0, 0)', 'transparent');

    expect(pageTheme(document)).toBe(theme);
    expect(matchMedia).toHaveBeenCalledWith('(prefers-color-scheme: dark)');
  });

  it('reads light when nothing is painted and matchMedia is missing', () => {
    vi.stubGlobal('matchMedia', undefined);

    expect(pageTheme(document)).toBe('light');
  });
});
