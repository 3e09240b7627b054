// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeError } from '@/utils/errors';
import type { DescribedKeyAccounts, Reply } from '@/utils/messaging/protocol';
import { ok } from '@/utils/result';
import { ADA, ALAN, GRACE } from '@/utils/testing/key-accounts';
import { SAVE_KEY_FIRST } from './account-field';
import { AccountField, type AccountFieldProps } from './AccountField';

const ACCOUNTS = [ADA, GRACE, ALAN];

const answer = (over: Partial<DescribedKeyAccounts> = {}): Reply<'accounts:get'> =>
  ok({ accounts: ACCOUNTS, defaultAccountId: 'acc_ada', problem: null, ...over });

/** The field in a form of its own, holding `accountId` as the options page does. */
function Form(props: Omit<AccountFieldProps, 'value' | 'onChange'> & { initial?: string }) {
  const [value, setValue] = useState(props.initial ?? '');
  return (
    <>
      <AccountField {...props} value={value} onChange={setValue} />
      <span data-testid="value">{value}</span>
    </>
  );
}

const described = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent);

afterEach(cleanup);

describe('the LinkedIn account field', () => {
  it('lists the accounts by name, the default first, and edits the form’s accountId', async () => {
    const askAccounts = vi.fn(async () => answer());
    render(<Form hasApiKey keySaves={0} askAccounts={askAccounts} initial="acc_grace" />);
    const picker = (await screen.findByRole('combobox', { name: 'LinkedIn account' })) as HTMLSelectElement;
    await waitFor(() => expect(picker.disabled).toBe(false));
    expect([...picker.options].map((option) => option.text)).toEqual([
      'Ada Lovelace (default)',
      'Grace Hopper',
      'Alan Turing — needs attention',
    ]);
    expect(picker.value).toBe('acc_grace');
    fireEvent.change(picker, { target: { value: '' } });
    expect(screen.getByTestId('value').textContent).toBe('');
    expect(askAccounts).toHaveBeenCalledWith(false);
  });

  it('says why the chosen account cannot be read, and what to do', async () => {
    render(<Form hasApiKey keySaves={0} askAccounts={async () => answer()} initial="acc_alan" />);
    const picker = await screen.findByRole('combobox', { name: 'LinkedIn account' });
    await waitFor(() => expect(described(picker)).toHaveLength(2));
    expect(described(picker)[1]).toMatch(/reconnect it in the ConnectSafely dashboard/);
  });

  it('reloads the list on demand, busy meanwhile, and keeps the list when the reload fails', async () => {
    let finish: (reply: Reply<'accounts:get'>) => void = () => {};
    const askAccounts = vi.fn(async (refresh: boolean) =>
      refresh ? new Promise<Reply<'accounts:get'>>((resolve) => (finish = resolve)) : answer(),
    );
    render(<Form hasApiKey keySaves={0} askAccounts={askAccounts} />);
    await screen.findByRole('button', { name: 'Reload list' });
    fireEvent.click(screen.getByRole('button', { name: 'Reload list' }));
    const busy = await screen.findByRole('button', { name: 'Reloading…' });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Loading the accounts of your key…');
    fireEvent.click(busy);
    expect(askAccounts).toHaveBeenCalledTimes(2);

    finish(answer({ problem: describeError({ code: 'rate-limited' }) }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^The list may be out of date\. ConnectSafely asked us to slow down/,
    );
    expect(screen.getAllByRole('option')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Reload list' })).toBeTruthy();
  });

  it('is the typed Account ID while no key is saved, and asks for nothing', () => {
    const askAccounts = vi.fn(async () => answer());
    render(<Form hasApiKey={false} keySaves={0} askAccounts={askAccounts} />);
    const input = screen.getByRole('textbox', { name: 'Account ID' });
    expect(described(input)).toEqual([
      "Optional. Leave empty for the key's default LinkedIn account.",
      SAVE_KEY_FIRST,
    ]);
    expect(askAccounts).not.toHaveBeenCalled();
  });

  it('is the typed Account ID with the failure in words when no list can load, and picks by name once one does', async () => {
    const askAccounts = vi
      .fn<(refresh: boolean) => Promise<Reply<'accounts:get'>>>()
      .mockResolvedValueOnce(answer({ accounts: null, problem: describeError({ code: 'unauthorized' }) }))
      .mockResolvedValue(answer());
    render(<Form hasApiKey keySaves={0} askAccounts={askAccounts} />);
    const input = await screen.findByRole('textbox', { name: 'Account ID' });
    fireEvent.input(input, { target: { value: 'acc_typed' } });
    expect(screen.getByTestId('value').textContent).toBe('acc_typed');
    expect(described(input)[1]).toBe(
      'Your accounts could not be listed. The API key was rejected: check it in settings.',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Reload list' }));
    const picker = (await screen.findByRole('combobox', { name: 'LinkedIn account' })) as HTMLSelectElement;
    expect(askAccounts).toHaveBeenLastCalledWith(true);
    // The typed ID is not the key's: it stays the value, and says so.
    expect(picker.value).toBe('acc_typed');
    expect(described(picker)[1]).toBe('Not among the accounts of this key.');
  });

  it('shows the validation problem of the typed ID', () => {
    render(
      <AccountField
        hasApiKey={false}
        keySaves={0}
        askAccounts={async () => answer()}
        value="x y"
        problem="Not an ID."
        onChange={() => {}}
      />,
    );
    const input = screen.getByRole('textbox', { name: 'Account ID' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(described(input).at(-1)).toBe('Not an ID.');
  });

  it('asks the list again when a key is saved, and forgets it when the key is removed', async () => {
    const askAccounts = vi.fn(async () => answer());
    const { rerender } = render(<Form hasApiKey keySaves={0} askAccounts={askAccounts} />);
    await screen.findByRole('button', { name: 'Reload list' });
    rerender(<Form hasApiKey keySaves={1} askAccounts={askAccounts} />);
    await waitFor(() => expect(askAccounts).toHaveBeenCalledTimes(2));
    rerender(<Form hasApiKey={false} keySaves={1} askAccounts={askAccounts} />);
    expect(await screen.findByRole('textbox', { name: 'Account ID' })).toBeTruthy();
  });
});
