import { describe, expect, it, vi } from 'vitest';
import type { Alert } from '../history/alerts';
import { createNotifier, type NotifierDeps } from './notifications';

const alert = (id: string): Alert => ({ id, title: `title ${id}`, message: `message ${id}` });

function setup(options: { permitted?: boolean; shown?: string[]; failShow?: boolean } = {}) {
  const remembered = [...(options.shown ?? [])];
  const deps = {
    permitted: vi.fn(async () => options.permitted ?? true),
    show: vi.fn(async (_id: string, _alert: Alert) => {
      if (options.failShow) throw new Error('notifications are blocked');
    }),
    shown: {
      read: vi.fn(async () => [...remembered]),
      add: vi.fn(async (ids: string[]) => void remembered.push(...ids)),
    },
  } satisfies NotifierDeps;
  return { deps, remembered, notifier: createNotifier(deps) };
}

describe('the notifier', () => {
  it('shows each alert once, remembering it before it is shown', async () => {
    const h = setup();
    expect(await h.notifier.tell([alert('a'), alert('b')])).toEqual(['a', 'b']);
    expect(h.deps.show.mock.calls.map(([id]) => id)).toEqual(['a', 'b']);
    expect(h.deps.shown.add.mock.invocationCallOrder[0]).toBeLessThan(
      h.deps.show.mock.invocationCallOrder[0]!,
    );
    expect(await h.notifier.tell([alert('a'), alert('c')])).toEqual(['c']);
    expect(h.deps.show).toHaveBeenCalledTimes(3);
  });

  it('shows nothing without the permission', async () => {
    const h = setup({ permitted: false });
    expect(await h.notifier.tell([alert('a')])).toEqual([]);
    expect(h.deps.show).not.toHaveBeenCalled();
    expect(h.remembered).toEqual([]);
  });

  it('asks nothing when there is nothing to tell', async () => {
    const h = setup();
    expect(await h.notifier.tell([])).toEqual([]);
    expect(h.deps.permitted).not.toHaveBeenCalled();
  });

  it('never rejects, even when the browser refuses to show', async () => {
    const h = setup({ failShow: true });
    await expect(h.notifier.tell([alert('a')])).resolves.toEqual([]);
  });
});
