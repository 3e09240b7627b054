import { useCallback, useEffect, useReducer, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { GroupRanks } from '@/components/GroupRanks';
import { PillarBars } from '@/components/PillarBars';
import { RecentTrend } from '@/components/RecentTrend';
import { ScoreRing } from '@/components/ScoreRing';
import { StatusNotice } from '@/components/StatusNotice';
import { accountChoices, selectedChoice } from '@/utils/account-choices';
import { readCacheEntry } from '@/utils/api-cache';
import type { KeyAccountsView } from '@/utils/key-accounts';
import { formatAge, formatMoment, formatSeat } from '@/utils/format';
import { t } from '@/utils/i18n';
import { historyAccountOf, type DailyReading } from '@/utils/history/reading';
import { DASHBOARD_PAGE } from '@/utils/popup-preview';
import { sendMessage } from '@/utils/messaging/client';
import type { Reply } from '@/utils/messaging/protocol';
import { ssiCacheItem } from '@/utils/storage';
import { AccountLine } from './AccountLine';
import { readHistory, watchHistory } from './recent-history';
import { isRefreshing, popupReducer, shownProblem, type PopupState } from './state';

export interface AppProps {
  initial: PopupState;
  /** The cache slot of the configured account (`targetKey(settings)`). */
  cacheKey: string;
  accountLabel: string;
  /** The account ID of the settings (empty for the key's default account). */
  accountId: string;
  /** The key's accounts as stored when the popup opened. */
  accounts: KeyAccountsView;
  /**
   * Selects another account of the key. The popup starts over once the settings say so
   * (`main.tsx`); until then it shows no one's numbers.
   */
  onSwitch(accountId: string): Promise<Reply<'account:select'>>;
}

/** Opens the options page; from a popup opened in a tab it opens in a new tab all the same. */
function openSettings() {
  void browser.runtime.openOptionsPage();
}

/** Opens the dashboard in a tab (the popup closes as the tab takes the focus). */
function openDashboard() {
  void browser.tabs.create({ url: `/${DASHBOARD_PAGE}` });
}

export function App({ initial, cacheKey, accountLabel, accountId, accounts, onSwitch }: AppProps) {
  const [state, dispatch] = useReducer(popupReducer, initial);
  const [days, setDays] = useState<readonly DailyReading[]>([]);
  const [view, setView] = useState(accounts);
  // The picker comes after the first render, which draws the name as the first frame did.
  const [pickerReady, setPickerReady] = useState(false);
  /** The account picked and not yet selected: its name in the header, no one's numbers below. */
  const [switchingTo, setSwitchingTo] = useState<{ value: string; label: string } | null>(null);

  useEffect(() => {
    setPickerReady(true);
    let current = true;
    void sendMessage('accounts:get', { refresh: false }).then((reply) => {
      if (current && reply.ok && reply.value.accounts)
        setView({ accounts: reply.value.accounts, defaultAccountId: reply.value.defaultAccountId });
    });
    return () => {
      current = false;
    };
  }, []);

  const choices = pickerReady && (view.accounts?.length ?? 0) > 1 ? accountChoices(view, accountId) : [];

  async function pick(value: string) {
    const choice = choices.find((candidate) => candidate.value === value);
    if (!choice || value === selectedChoice(view, accountId)) return;
    setSwitchingTo({ value, label: choice.label });
    const reply = await onSwitch(value);
    // Selected: the popup starts over for that account. Refused: back to the account shown.
    if (!reply.ok || !reply.value.ok) setSwitchingTo(null);
  }
  const historyAccount = historyAccountOf(state.ssi?.snapshot?.accountId ?? null, accountId);

  // The history after the first render, never before it: the score does not wait for it.
  useEffect(() => {
    let current = true;
    void readHistory(historyAccount).then((read) => current && setDays(read));
    const unwatch = watchHistory(historyAccount, setDays);
    return () => {
      current = false;
      unwatch();
    };
  }, [historyAccount]);

  const load = useCallback(async (refresh: boolean) => {
    dispatch({ type: 'request-started', refresh });
    const reply = await sendMessage('ssi:get', { refresh });
    dispatch(
      reply.ok
        ? { type: 'state-received', ssi: reply.value, refresh }
        : { type: 'request-failed', error: reply.error, refresh },
    );
  }, []);

  useEffect(() => {
    void load(false);
    const unwatch = ssiCacheItem.watch((cache) => {
      const entry = readCacheEntry(cache, cacheKey);
      dispatch({ type: 'cache-changed', entry });
      // A failure landed in the background: ask the worker, which answers from the cache
      // with the error in words.
      if (entry?.lastError) void load(false);
    });
    const timer = setInterval(() => dispatch({ type: 'tick', now: Date.now() }), 30_000);
    const offline = () => dispatch({ type: 'connectivity', online: false });
    const online = () => {
      dispatch({ type: 'connectivity', online: true });
      void load(false);
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      unwatch();
      clearInterval(timer);
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
  }, [load, cacheKey]);

  const { ssi, loading, now } = state;
  const shown = switchingTo ? null : shownProblem(state);
  const snapshot = switchingTo ? null : (ssi?.snapshot ?? null);
  const busy = loading || Boolean(ssi?.refreshing);
  const refreshing = isRefreshing(state);
  const seat = snapshot ? formatSeat(snapshot.activeSeat) : null;

  return (
    <div class="popup" aria-busy={busy}>
      <header class="popup__header">
        <div>
          <h1 class="popup__title">{t('ssi_name')}</h1>
          <AccountLine
            label={switchingTo?.label ?? accountLabel}
            choices={choices}
            value={switchingTo?.value ?? selectedChoice(view, accountId)}
            seat={seat}
            onPick={(value) => void pick(value)}
          />
        </div>
        <div class="popup__actions">
          <button
            type="button"
            class="button"
            onClick={() => void load(true)}
            disabled={refreshing}
            aria-busy={refreshing}
          >
            {refreshing ? t('action_refreshing') : t('action_refresh')}
          </button>
          <button
            type="button"
            class="button button--icon"
            onClick={openSettings}
            aria-label={t('action_settings')}
            title={t('action_settings')}
          >
            ⚙
          </button>
        </div>
      </header>

      {shown && (
        <StatusNotice
          code={shown.code}
          problem={shown.problem}
          hasData={snapshot !== null}
          onOpenSettings={openSettings}
          onRetry={() => void load(true)}
        />
      )}

      {snapshot ? (
        <main class="popup__body">
          <section class="summary" aria-label={t('popup_summary_label')}>
            <div class="summary__score">
              <ScoreRing overall={snapshot.overall} />
              <RecentTrend days={days} now={now} />
            </div>
            <GroupRanks snapshot={snapshot} />
          </section>
          <PillarBars pillars={snapshot.pillars} numbers="disclosed" />
        </main>
      ) : switchingTo ? (
        <p class="loading" role="status">
          {t('popup_loading_account', switchingTo.label)}
        </p>
      ) : (
        !ssi?.error && (
          <p class="loading" role="status">
            {t('popup_loading')}
          </p>
        )
      )}

      <footer class="popup__footer">
        <div class="popup__status">
          {snapshot && (
            <span data-testid="freshness" title={formatMoment(snapshot.fetchedAt)}>
              {t('updated_age', formatAge(snapshot.fetchedAt, now))}
              {ssi?.stale && !busy && ` · ${t('popup_stale')}`}
            </span>
          )}
          {snapshot && refreshing && (
            <span role="status" class="popup__refreshing">
              {t('popup_checking')}
            </span>
          )}
        </div>
        <button type="button" class="button" onClick={openDashboard}>
          {t('action_open_dashboard')}
        </button>
      </footer>
    </div>
  );
}
