/**
 * The badge and its card as plain DOM inside the shadow root (no framework: the content script
 * runs on every LinkedIn page and must stay small). Every word is drawn by CSS from an
 * attribute (see `drawn`), and every control answers only the user's own input (`trusted`) on a
 * control the user could see (`sight.ts`).
 */
import { el } from '@/utils/dom';
import { t } from '@/utils/i18n';
import type { ProfileBadgeModel } from '@/utils/linkedin/profile-badge-model';
import { watchSight } from './sight';

export interface BadgeActions {
  refresh(): void;
  openSettings(): void;
  openDashboard(): void;
}

export interface ProfileBadgeUi {
  update(model: ProfileBadgeModel): void;
  /** Closes the card (Esc, a click outside). */
  close(): void;
  isOpen(): boolean;
  /** Stops watching what the user sees (the badge is being removed). */
  stop(): void;
}

/**
 * `handler`, run only for events the browser made from the user's input. Events a page script
 * dispatches or triggers (`click()`, `dispatchEvent`) have `isTrusted` false: LinkedIn's scripts,
 * or anything injected into the page, must not be able to press the badge's controls.
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}

/**
 * `node` showing `text` as CSS generated content (`[data-text]::before`, style.css), never as a
 * text node: a page's `window.find` finds text inside a closed shadow root, and a selection
 * then hands it to the page; neither reads what CSS draws. Screen readers do read it. Set as
 * an attribute's value, it is never parsed as markup.
 */
function drawn<T extends HTMLElement>(node: T, text: string): T {
  node.setAttribute('data-text', text);
  return node;
}

function button(text: string, onClick: (event: Event) => void, className = 'ssi-action'): HTMLButtonElement {
  const node = drawn(el('button', className), text);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

/**
 * The score's ring: one element, drawn by CSS from `--ssi-percent` (a conic gradient with its
 * middle masked out): fewer elements made in LinkedIn's page than an SVG ring.
 */
function ring(): HTMLElement {
  const node = el('span', 'ssi-ring');
  node.setAttribute('aria-hidden', 'true');
  return node;
}

/**
 * Builds the badge into `container`, in LinkedIn's `theme`, and returns the handle that updates
 * it. The theme is a class of the inner root, where the colours are declared: out of the
 * page's reach (style.css).
 */
export function renderBadge(
  container: HTMLElement,
  actions: BadgeActions,
  theme: 'light' | 'dark',
): ProfileBadgeUi {
  const root = el('div', theme === 'dark' ? 'ssi ssi--dark' : 'ssi');
  const pill = el('button', 'ssi-pill');
  pill.type = 'button';
  pill.setAttribute('aria-haspopup', 'dialog');
  pill.setAttribute('aria-expanded', 'false');
  const scoreRing = ring();
  const label = el('span', 'ssi-pill__label');
  const change = el('span', 'ssi-pill__change');
  pill.append(scoreRing, label, change);

  const card = el('div', 'ssi-card');
  card.id = 'ssi-card';
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', t('badge_card_label'));
  card.hidden = true;
  pill.setAttribute('aria-controls', card.id);
  root.append(pill, card);
  container.append(root);
  const sight = watchSight(pill, card);
  /** `handler` for the user's own input on `control`, once the user could see it (sight.ts). */
  const acts = (control: Element, handler: () => void) =>
    trusted(() => {
      if (sight.seen(control)) handler();
    });

  let current: ProfileBadgeModel | null = null;
  /** The model the card's content was built from: it is built when first shown, not before. */
  let shown: ProfileBadgeModel | null = null;

  function setOpen(open: boolean) {
    // Most visits never open the card: build it on demand (fewer elements made in the page).
    if (open && current && shown !== current) {
      fillCard(current);
      shown = current;
    }
    card.hidden = !open;
    pill.setAttribute('aria-expanded', String(open));
    if (open) card.querySelector<HTMLElement>('button')?.focus();
  }

  function fillCard(model: ProfileBadgeModel) {
    const { card: content } = model;
    const parts: HTMLElement[] = [drawn(el('p', 'ssi-card__title'), content.title)];
    if (content.message) {
      const message = drawn(el('p', 'ssi-card__message'), content.message);
      message.setAttribute('role', 'alert');
      parts.push(message);
    }
    if (content.pillars.length) {
      const list = el('dl', 'ssi-card__pillars');
      for (const pillar of content.pillars)
        list.append(drawn(el('dt'), pillar.label), drawn(el('dd'), pillar.value));
      parts.push(list);
    }
    if (content.ranks.length) {
      const ranks = el('ul', 'ssi-card__ranks');
      for (const rank of content.ranks) ranks.append(drawn(el('li'), rank));
      parts.push(ranks);
    }
    if (content.updated) parts.push(drawn(el('p', 'ssi-card__updated'), content.updated));
    const buttons = el('div', 'ssi-card__actions');
    const act = (handler: () => void) => acts(card, handler);
    if (content.action === 'open-settings')
      buttons.append(
        button(t('action_open_settings'), act(actions.openSettings), 'ssi-action ssi-action--primary'),
      );
    if (model.band !== null || content.action === 'retry')
      buttons.append(button(t('action_refresh'), act(actions.refresh)));
    buttons.append(button(t('action_open_dashboard'), act(actions.openDashboard)));
    parts.push(buttons);
    card.replaceChildren(...parts);
  }

  pill.addEventListener(
    'click',
    acts(pill, () => setOpen(card.hidden)),
  );
  // Closing is not held to sight: it only hides the badge's own card.
  card.addEventListener(
    'keydown',
    trusted<KeyboardEvent>((event) => {
      if (event.key === 'Escape') {
        setOpen(false);
        pill.focus();
      }
    }),
  );

  return {
    update(model) {
      current = model;
      root.dataset.tone = model.tone;
      root.dataset.band = model.band ?? 'none';
      drawn(label, model.label);
      drawn(change, model.change ?? '');
      change.hidden = model.change === null;
      // Named as ConnectSafely reports it: the contract does not say whether rank or score moved.
      if (model.change) change.title = t('badge_change_title');
      pill.setAttribute('aria-label', model.description);
      scoreRing.style.display = model.percent === null ? 'none' : '';
      scoreRing.style.setProperty('--ssi-percent', `${model.percent ?? 0}%`);
      if (!card.hidden) {
        fillCard(model);
        shown = model;
      }
    },
    close() {
      if (current && !card.hidden) setOpen(false);
    },
    isOpen: () => !card.hidden,
    stop: sight.stop,
  };
}
