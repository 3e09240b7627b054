import { describe, expect, it } from 'vitest';
import {
  accountLabelFor,
  popupPathFor,
  popupPreviewOf,
  readPopupPreview,
  type PopupPreview,
} from './popup-preview';
import { PILLAR_IDS, type SsiSnapshot } from './ssi/model';

const snapshot = (overall: number, activeSeat: boolean | null = true): SsiSnapshot => ({
  accountId: null,
  overall,
  pillars: PILLAR_IDS.map((id) => ({ id, score: 10, industryAverage: null, networkAverage: null })),
  industry: null,
  network: null,
  profileUrn: null,
  activeSeat,
  fetchedAt: 0,
});

/** What the popup page reads back from the path the worker sets. */
const readBack = (path: string) => readPopupPreview(new URL(path, 'chrome-extension://abc/').search);

describe('popup preview', () => {
  it('carries score, seat and account through the popup URL unchanged', () => {
    const previews: PopupPreview[] = [
      { overall: 66.72882080078125, activeSeat: true, accountId: '', accountName: null },
      { overall: 0, activeSeat: false, accountId: 'acc_1', accountName: 'Grace Hopper' },
      { overall: 100, activeSeat: null, accountId: 'a&b=c#d?e é/+%', accountName: 'Zoë <b>&amp; "Co"</b>' },
      { overall: 50, activeSeat: true, accountId: 'x'.repeat(64), accountName: 'y'.repeat(120) },
    ];
    for (const preview of previews) {
      const path = popupPathFor(preview);
      expect(path.startsWith('popup.html?')).toBe(true);
      expect(readBack(path)).toEqual(preview);
    }
  });

  it('is the bare page when there is nothing to preview', () => {
    expect(popupPathFor(null)).toBe('popup.html');
    expect(readBack(popupPathFor(null))).toBeNull();
    expect(popupPreviewOf('acc_1', null)).toBeNull();
  });

  it('takes the score and seat from the reading and the account from the settings', () => {
    expect(popupPreviewOf('acc_1', snapshot(72.4, null))).toEqual({
      overall: 72.4,
      activeSeat: null,
      accountId: 'acc_1',
      accountName: null,
    });
    expect(popupPreviewOf('', snapshot(72.4, null), 'n'.repeat(500))?.accountName).toBe('n'.repeat(120));
  });

  it('reads nothing from a URL whose values are out of shape', () => {
    for (const search of [
      '?account=',
      '?score=72',
      '?score=&account=',
      '?score=abc&account=',
      '?score=-1&account=',
      '?score=72&account=&name=',
      `?score=72&account=&name=${'n'.repeat(121)}`,
      '?score=100.5&account=',
      '?score=Infinity&account=',
      '?score=1e2&account=',
      '?score=72&account=&seat=yes',
      `?score=72&account=${'x'.repeat(65)}`,
    ]) {
      expect(readPopupPreview(search), search).toBeNull();
    }
  });

  it('names the account as the header does', () => {
    expect(accountLabelFor('')).toBe('Default account');
    expect(accountLabelFor('acc_1')).toBe('Account acc_1');
  });
});
