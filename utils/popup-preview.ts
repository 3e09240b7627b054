/**
 * The popup's preview: the three values its first frame draws (score, seat, account), carried
 * in the toolbar popup's own URL. The service worker sets that URL whenever the settings or the
 * cache change (`worker/popup-preview.ts`), so the first frame reads them from `location`
 * synchronously, with no extension API and no storage read before it can draw.
 * It is a hint, never the data: the app reads storage and replaces the first frame.
 */
import { ACCOUNT_ID_MAX_LENGTH } from './account-id';
import { t } from './i18n';
import type { SsiSnapshot } from './ssi/model';

export interface PopupPreview {
  /** The overall score, 0–100. */
  overall: number;
  /** Whether a Sales Navigator seat is active; null when the API does not say. */
  activeSeat: boolean | null;
  /** The configured account ID; empty for the key's default account. */
  accountId: string;
  /** The account's name, once the key's accounts are known. */
  accountName: string | null;
}

/** The longest account name a preview carries (longer ones are cut, never refused). */
export const PREVIEW_NAME_MAX_LENGTH = 120;

/** The popup page, relative to the extension's root (as `action.setPopup` takes it). */
export const POPUP_PAGE = 'popup.html';
/** The dashboard, relative to the extension's root. */
export const DASHBOARD_PAGE = 'dashboard.html';

/** How the popup's header names an account: by its name once known, else by its ID. */
export function accountLabelFor(accountId: string, name: string | null = null): string {
  if (name) return name;
  return accountId ? t('account_label', accountId) : t('account_default');
}

/**
 * The preview for the configured account's cached reading; null when there is none to show.
 * `accountId` comes from validated settings.
 */
export function popupPreviewOf(
  accountId: string,
  snapshot: SsiSnapshot | null,
  accountName: string | null = null,
): PopupPreview | null {
  return (
    snapshot && {
      overall: snapshot.overall,
      activeSeat: snapshot.activeSeat,
      accountId,
      accountName: accountName?.slice(0, PREVIEW_NAME_MAX_LENGTH) || null,
    }
  );
}

/** The popup's path with `preview` in its query; the bare page when there is none. */
export function popupPathFor(preview: PopupPreview | null): string {
  if (!preview) return POPUP_PAGE;
  const query = new URLSearchParams({ score: String(preview.overall), account: preview.accountId });
  if (preview.activeSeat !== null) query.set('seat', String(preview.activeSeat));
  if (preview.accountName) query.set('name', preview.accountName);
  return `${POPUP_PAGE}?${query}`;
}

/**
 * The preview in a popup URL's query (`location.search`), validated like any input: null when
 * absent or when any value is out of shape, so a damaged URL draws nothing rather than a wrong
 * number.
 */
export function readPopupPreview(search: string): PopupPreview | null {
  const query = new URLSearchParams(search);
  const score = query.get('score');
  const accountId = query.get('account');
  const seat = query.get('seat');
  const accountName = query.get('name');
  if (accountName !== null && (!accountName || accountName.length > PREVIEW_NAME_MAX_LENGTH)) return null;
  if (score === null || accountId === null || accountId.length > ACCOUNT_ID_MAX_LENGTH) return null;
  if (!/^\d+(\.\d+)?$/.test(score)) return null;
  const overall = Number(score);
  if (overall > 100) return null;
  if (seat !== null && seat !== 'true' && seat !== 'false') return null;
  return { overall, activeSeat: seat === null ? null : seat === 'true', accountId, accountName };
}
