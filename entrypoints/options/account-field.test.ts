import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_LABEL } from '@/utils/account-choices';
import { describeError, describeLocally } from '@/utils/errors';
import type { KeyAccountsView } from '@/utils/key-accounts';
import type { DescribedKeyAccounts } from '@/utils/messaging/protocol';
import { err, ok } from '@/utils/result';
import { ADA, ALAN, GRACE } from '@/utils/testing/key-accounts';
import { accountListOf, LIST_FAILED, optionLabel, pickerOf } from './account-field';

const VIEW: KeyAccountsView = { accounts: [ADA, GRACE, ALAN], defaultAccountId: 'acc_ada' };

const reply = (over: Partial<DescribedKeyAccounts>) => ok({ ...VIEW, problem: null, ...over });

describe('accountListOf', () => {
  it('is a list when the reply holds one, with the last failure in words when it failed', () => {
    expect(accountListOf(reply({}))).toEqual({ state: 'loaded', view: VIEW, problem: null });
    const problem = describeError({ code: 'rate-limited' });
    expect(accountListOf(reply({ problem }))).toEqual({
      state: 'loaded',
      view: VIEW,
      problem: problem.message,
    });
  });

  it('is a failure in words when no list could load, or the worker could not be asked', () => {
    const problem = describeError({ code: 'unauthorized' });
    expect(accountListOf(reply({ accounts: null, problem }))).toEqual({
      state: 'failed',
      problem: 'The API key was rejected: check it in settings.',
    });
    expect(accountListOf(reply({ accounts: null }))).toEqual({ state: 'failed', problem: LIST_FAILED });
    expect(accountListOf(err({ code: 'internal' }))).toEqual({
      state: 'failed',
      problem: describeLocally({ code: 'internal' }).message,
    });
  });
});

describe('pickerOf', () => {
  it('shows the saved account, and says why it cannot be read when it cannot', () => {
    expect(pickerOf(VIEW, 'acc_grace')).toMatchObject({ shown: 'acc_grace', problem: null });
    expect(pickerOf(VIEW, 'acc_alan')).toMatchObject({
      shown: 'acc_alan',
      problem: expect.stringContaining('reconnect it in the ConnectSafely dashboard'),
    });
  });

  it('shows the default account for its own ID, without listing it twice', () => {
    const picker = pickerOf(VIEW, 'acc_ada');
    expect(picker.shown).toBe('');
    expect(picker.choices.map((choice) => choice.label)).toEqual([
      'Ada Lovelace (default)',
      'Grace Hopper',
      'Alan Turing',
    ]);
  });

  it('offers the default account and the saved ID while the list is awaited', () => {
    const picker = pickerOf({ accounts: null, defaultAccountId: null }, 'acc_x');
    expect(picker.choices.map((choice) => choice.value)).toEqual(['', 'acc_x']);
    expect(picker.choices[0]?.label).toBe(DEFAULT_ACCOUNT_LABEL);
  });
});

describe('optionLabel', () => {
  it('marks an account whose SSI cannot be read now, and leaves the others as named', () => {
    const [ada, , alan] = pickerOf(VIEW, '').choices;
    expect(optionLabel(ada!)).toBe('Ada Lovelace (default)');
    expect(optionLabel(alan!)).toBe('Alan Turing — needs attention');
  });
});
