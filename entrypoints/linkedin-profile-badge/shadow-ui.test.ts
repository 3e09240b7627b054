// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountShadowUi } from './shadow-ui';

afterEach(() => {
  document.body.replaceChildren();
});

describe('mountShadowUi', () => {
  it('puts its host right after the anchor, with the CSS and the UI inside its shadow root', () => {
    const name = document.createElement('h1');
    const next = document.createElement('p');
    document.body.append(name, next);
    let container: HTMLElement | null = null;

    const ui = mountShadowUi({
      css: '.x{color:red}',
      anchor: name,
      onMount(inside) {
        container = inside;
        inside.append(Object.assign(document.createElement('button'), { textContent: 'SSI 67' }));
        return { label: 'built' };
      },
    });

    expect(name.nextElementSibling).toBe(ui.host);
    expect(ui.host.nextElementSibling).toBe(next);
    expect(ui.mounted).toEqual({ label: 'built' });
    const shadow = container!.getRootNode() as ShadowRoot;
    expect(shadow.host).toBe(ui.host);
    expect(shadow.querySelector('style')?.textContent).toContain('.x{color:red}');
    expect(shadow.querySelector('style')?.textContent).toContain(':host{all:initial !important;}');
    expect(shadow.querySelector('button')?.textContent).toBe('SSI 67');
  });

  it('is a plain span without any attribute, whose closed root the page cannot reach', () => {
    const ui = mountShadowUi({
      css: '',
      anchor: null,
      onMount: (container) => container.append('SSI 67'),
    });

    // A span: no custom element a page could define first and upgrade with its own constructor.
    expect(ui.host.localName).toBe('span');
    // Nothing a page could select it by.
    expect(ui.host.getAttributeNames()).toEqual([]);
    expect(ui.host.shadowRoot).toBeNull();
    expect(ui.host.textContent).toBe('');
  });

  it('builds the UI before the host joins the page', () => {
    let connectedAtBuild: boolean | null = null;
    const ui = mountShadowUi({
      css: '',
      anchor: null,
      onMount: (_container, host) => (connectedAtBuild = host.isConnected),
    });

    expect(connectedAtBuild).toBe(false);
    expect(ui.host.isConnected).toBe(true);
  });

  it('goes last in the body without an anchor', () => {
    document.body.append(document.createElement('main'));

    const ui = mountShadowUi({ css: '', anchor: null, onMount: () => null });

    expect(document.body.lastElementChild).toBe(ui.host);
  });

  it("keeps keys typed inside from the page's bubbling listeners", () => {
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    const ui = mountShadowUi({
      css: '',
      anchor: null,
      onMount: (container) => container.appendChild(document.createElement('button')),
    });

    ui.mounted!.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));

    expect(pageKeys).toHaveBeenCalledTimes(1);
    document.removeEventListener('keydown', pageKeys);
  });

  // (Browsers show the page the event retargeted to the host; happy-dom does not retarget.)
  it("cannot keep them from the page's capturing listeners", () => {
    const seen: string[] = [];
    const capture = (event: KeyboardEvent) => seen.push(event.key);
    document.addEventListener('keydown', capture, true);
    const ui = mountShadowUi({
      css: '',
      anchor: null,
      onMount: (container) => container.appendChild(document.createElement('button')),
    });

    ui.mounted!.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));

    expect(seen).toEqual(['j']);
    document.removeEventListener('keydown', capture, true);
  });

  it('leaves nothing behind when removed', () => {
    const ui = mountShadowUi({ css: '', anchor: null, onMount: () => 'view' });

    ui.remove();

    expect(ui.host.isConnected).toBe(false);
    expect(document.body.childElementCount).toBe(0);
    expect(ui.mounted).toBeUndefined();
  });
});
