/**
 * The popup's first frame, drawn without any framework by a small classic script that runs
 * before the app's module has even loaded (see `entrypoints/popup-first-frame.ts`), from the
 * preview in the popup's URL (`utils/popup-preview.ts`): the header and the score ring with
 * the cached score, in the app's own markup, so that when
 * Preact takes over the same pixels stay where they are and the rest fills in around them.
 * Its buttons are the app's, made inert (a click before the app is up would go nowhere), so the
 * header is laid out exactly as the app lays it out. Every value is set as text.
 * `first-frame.test.tsx` holds this markup equal to what `App` renders for the same cache.
 */
import { RING_SIZE, ringFace } from '@/components/score-ring-face';
import { el } from '@/utils/dom';
import { formatSeat } from '@/utils/format';
import { t } from '@/utils/i18n';
import { accountLabelFor, type PopupPreview } from '@/utils/popup-preview';
import { POPUP_MARKS } from './marks';

function header(preview: PopupPreview): HTMLElement {
  const account = el('p', 'popup__account', accountLabelFor(preview.accountId, preview.accountName));
  account.dataset.testid = 'account';
  const seat = formatSeat(preview.activeSeat);
  if (seat) account.append(el('span', 'chip', seat));
  const titles = el('div');
  titles.append(el('h1', 'popup__title', t('ssi_name')), account);
  const node = el('header', 'popup__header');
  node.append(titles, actions());
  return node;
}

/** The app's header buttons as they first render, inert: they look the same, but do nothing. */
function actions(): HTMLElement {
  const refresh = el('button', 'button', t('action_refresh'));
  refresh.setAttribute('aria-busy', 'false');
  const settings = el('button', 'button button--icon', '⚙');
  settings.setAttribute('aria-label', t('action_settings'));
  settings.title = t('action_settings');
  const node = el('div', 'popup__actions');
  node.inert = true;
  for (const button of [refresh, settings]) {
    button.type = 'button';
    node.append(button);
  }
  return node;
}

function scoreRing(overall: number): HTMLElement {
  const face = ringFace(overall);
  const ring = el('div', face.className);
  ring.style.width = `${RING_SIZE}px`;
  ring.style.height = `${RING_SIZE}px`;
  ring.style.setProperty('--ring-percent', `${face.percent}%`);
  ring.setAttribute('role', 'img');
  ring.setAttribute('aria-label', face.label);
  const number = el('span', 'score-ring__number', face.text);
  number.dataset.testid = 'overall-score';
  const value = el('span', 'score-ring__value');
  value.append(number, el('span', 'score-ring__max', t('ring_of_max')));
  ring.append(value);
  return ring;
}

/**
 * Draws the first frame of `preview` into `root` when `root` is still empty (the app may have
 * rendered first, and then it stays untouched). Returns whether it drew.
 */
export function drawFirstFrame(root: HTMLElement, preview: PopupPreview): boolean {
  if (root.hasChildNodes()) return false;
  const summary = el('section', 'summary');
  summary.setAttribute('aria-label', t('popup_summary_label'));
  const score = el('div', 'summary__score');
  score.append(scoreRing(preview.overall));
  summary.append(score);
  const body = el('main', 'popup__body');
  body.append(summary);
  const popup = el('div', 'popup');
  popup.setAttribute('aria-busy', 'true');
  popup.append(header(preview), body);
  root.append(popup);
  performance.mark(POPUP_MARKS.firstFrame);
  return true;
}
