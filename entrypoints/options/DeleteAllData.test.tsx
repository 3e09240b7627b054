// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DELETE_QUESTION, DeleteAllData } from './DeleteAllData';

afterEach(cleanup);

function setup(result: string | null = null) {
  let finish: (value: string | null) => void = () => {};
  const onDelete = vi.fn(() => new Promise<string | null>((resolve) => (finish = resolve)));
  render(<DeleteAllData onDelete={onDelete} />);
  return { onDelete, finish: () => finish(result) };
}

const opener = () => screen.getByRole('button', { name: 'Delete all data' });

describe('DeleteAllData', () => {
  it('asks first, inline, with the focus on Cancel; deletes nothing until Delete is pressed', () => {
    const h = setup();

    fireEvent.click(opener());

    expect(screen.getByRole('group', { name: DELETE_QUESTION })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    expect(h.onDelete).not.toHaveBeenCalled();
  });

  it.each([
    ['Cancel', () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))],
    ['Esc', () => fireEvent.keyDown(screen.getByRole('button', { name: 'Cancel' }), { key: 'Escape' })],
  ])('%s closes the question and gives the focus back to the button', (_how, close) => {
    const h = setup();
    fireEvent.click(opener());

    close();

    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(opener());
    expect(h.onDelete).not.toHaveBeenCalled();
  });

  it('deletes on Delete, says so once done, and gives the focus back to the button', async () => {
    const h = setup();
    fireEvent.click(opener());

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));

    expect(h.onDelete).toHaveBeenCalledTimes(1);
    // While it runs, neither button can be pressed again.
    expect(screen.getByRole('button', { name: 'Deleting…' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(true);
    h.finish();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('All data deleted.'));
    expect(document.activeElement).toBe(opener());
  });

  it('shows why, as an alert, when the deletion failed', async () => {
    const h = setup('The browser refused to save.');
    fireEvent.click(opener());
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));

    h.finish();

    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The browser refused to save.'));
  });
});
