import { describe, expect, it } from 'vitest';
import { accountChoices, accountNameOf, DEFAULT_ACCOUNT_LABEL, selectedChoice } from './account-choices';
import type { KeyAccountsView } from './key-accounts';
import { ADA, ALAN, GRACE, makeKeyAccount as account } from './testing/key-accounts';

const view = (over: Partial<KeyAccountsView> = {}): KeyAccountsView => ({
  accounts: [ADA, GRACE, ALAN],
  defaultAccountId: null,
  ...over,
});

describe('accountChoices', () => {
  it('lists the default account first, then every account by name, before the default is known', () => {
    expect(accountChoices(view(), '').map((choice) => [choice.value, choice.label])).toEqual([
      ['', DEFAULT_ACCOUNT_LABEL],
      ['acc_ada', 'Ada Lovelace'],
      ['acc_grace', 'Grace Hopper'],
      ['acc_alan', 'Alan Turing'],
    ]);
  });

  it('lists the default account once, by name, once its ID is known', () => {
    expect(accountChoices(view({ defaultAccountId: 'acc_ada' }), '').map((choice) => choice.label)).toEqual([
      'Ada Lovelace (default)',
      'Grace Hopper',
      'Alan Turing',
    ]);
  });

  it('says why an account cannot be read, and what to do', () => {
    const choices = accountChoices(
      view({ accounts: [ADA, ALAN, account('acc_kat', 'Katherine Johnson', { apiSeat: false })] }),
      '',
    );
    expect(choices.map((choice) => choice.problem)).toEqual([
      null,
      null,
      expect.stringContaining('reconnect it'),
      expect.stringContaining('no API seat'),
    ]);
  });

  it('keeps a selected ID the list does not hold as a choice, saying so', () => {
    const choices = accountChoices(view(), 'acc_gone');
    expect(choices.at(-1)).toEqual({
      value: 'acc_gone',
      label: 'Account acc_gone',
      problem: 'Not among the accounts of this key.',
    });
  });

  it('offers only the default account and the selected one while no list was ever loaded', () => {
    expect(accountChoices(view({ accounts: null }), 'acc_x')).toEqual([
      { value: '', label: DEFAULT_ACCOUNT_LABEL, problem: null },
      { value: 'acc_x', label: 'Account acc_x', problem: null },
    ]);
  });
});

describe('selectedChoice', () => {
  it('shows the default account for its own ID, and any other ID as it is', () => {
    expect(selectedChoice(view({ defaultAccountId: 'acc_ada' }), 'acc_ada')).toBe('');
    expect(selectedChoice(view({ defaultAccountId: 'acc_ada' }), 'acc_grace')).toBe('acc_grace');
    expect(selectedChoice(view(), 'acc_ada')).toBe('acc_ada');
  });
});

describe('accountNameOf', () => {
  it('names the selected account, and the default one only once its ID is known', () => {
    expect(accountNameOf(view(), 'acc_grace')).toBe('Grace Hopper');
    expect(accountNameOf(view(), '')).toBeNull();
    expect(accountNameOf(view({ defaultAccountId: 'acc_ada' }), '')).toBe('Ada Lovelace');
    expect(accountNameOf(view({ accounts: null }), 'acc_grace')).toBeNull();
  });
});
