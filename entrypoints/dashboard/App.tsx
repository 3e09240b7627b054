import { useCallback, useEffect, useReducer, useRef } from 'preact/hooks';
import { FocusPanel } from '@/components/history/FocusPanel';
import { GoalPanel } from '@/components/history/GoalPanel';
import { describeLocally } from '@/utils/errors';
import { localDay } from '@/utils/history/day';
import { goalProgress, type Goal } from '@/utils/history/goal';
import { focusOf } from '@/utils/ssi/focus';
import { DashboardHeader } from './DashboardHeader';
import { DashboardTabs, TabPanel } from './DashboardTabs';
import type { DashboardPort } from './port';
import { useRangeInHash, useTabInHash, type DashboardTab } from './range-hash';
import {
  dashboardReducer,
  initialDashboardState,
  isLoading,
  isRefreshing,
  shownProblem,
  todaySnapshot,
} from './state';
import { TodaySection } from './TodaySection';
import { TeamSection } from './TeamSection';
import { TransferSection } from './TransferSection';
import { TrendSection } from './TrendSection';
import { t } from '@/utils/i18n';

export interface AppProps {
  port: DashboardPort;
}

/**
 * The dashboard, in two tabs. History: today's reading, what to work on, the goal, the trend,
 * and the history as a file; it reads storage itself (and follows its changes) and asks the
 * worker for the reading. Team: every account of the key, read once the tab is first shown and
 * kept while the page is open.
 */
export function App({ port }: AppProps) {
  const [state, dispatch] = useReducer(dashboardReducer, initialDashboardState);
  const [range, setRange] = useRangeInHash();
  const [tab, setTab] = useTabInHash();
  // The tabs shown so far: a panel's content is made on its first showing, then kept.
  const shown = useRef(new Set<DashboardTab>());
  shown.current.add(tab);

  const ask = useCallback(
    async (refresh: boolean) => {
      dispatch({ type: 'request-started', refresh });
      const reply = await port.getSsi(refresh);
      dispatch(
        reply.ok
          ? { type: 'state-received', ssi: reply.value, refresh }
          : { type: 'request-failed', error: reply.error, refresh },
      );
    },
    [port],
  );

  useEffect(() => {
    let live = true;
    let latest = 0;
    // Reads may overlap (changes come in bursts): only the last one started is applied.
    const read = async () => {
      const mine = ++latest;
      const stored = await port.read().catch(() => null);
      if (live && stored && mine === latest) dispatch({ type: 'stored-read', stored });
    };
    void read();
    void ask(false);
    const unwatch = port.watch((change) => {
      void read();
      // New settings or a new reading: the worker puts the reading (and any failure) in words.
      if (change.reading) void ask(false);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [port, ask]);

  const { stored } = state;
  const snapshot = todaySnapshot(state);
  const now = port.now();
  const today = localDay(now);
  const days = stored?.days ?? [];

  async function saveGoal(goal: Goal | null): Promise<string | null> {
    if (!stored) return null;
    const reply = await port.setGoal(stored.accountId, goal);
    return reply.ok ? null : describeLocally(reply.error).message;
  }

  return (
    <div class="dashboard">
      <DashboardHeader
        accountId={stored?.accountId ?? null}
        accountName={stored?.accountName ?? null}
        refreshing={isRefreshing(state)}
        onRefresh={() => void ask(true)}
        onOpenSettings={port.openSettings}
      />
      <main>
        <DashboardTabs tab={tab} onChange={setTab} />
        <TabPanel tab="history" chosen={tab} class="dashboard__grid">
          <TodaySection
            snapshot={snapshot}
            days={days}
            shown={shownProblem(state)}
            loading={isLoading(state)}
            now={now}
            onOpenSettings={port.openSettings}
            onRetry={() => void ask(true)}
          />
          <div class="dashboard__side">
            <FocusPanel focus={snapshot && focusOf(snapshot)} />
            {stored && (
              <GoalPanel
                // A goal saved (here or in another tab) starts the form again from it.
                key={stored.goal ? `${stored.goal.target}|${stored.goal.by}` : 'none'}
                goal={stored.goal}
                progress={stored.goal && goalProgress(days, stored.goal, today)}
                today={today}
                onSave={saveGoal}
                onClear={() => saveGoal(null)}
              />
            )}
          </div>
          {stored ? (
            <>
              {/* The trend's line charts load chart.js's line parts: not before History is shown. */}
              {shown.current.has('history') && (
                <TrendSection days={days} range={range} today={today} onRange={setRange} />
              )}
              <TransferSection
                days={days}
                today={today}
                now={port.now}
                download={port.download}
                importHistories={port.importHistories}
              />
            </>
          ) : (
            <p class="dashboard__loading" role="status">
              {t('dashboard_loading_history')}
            </p>
          )}
        </TabPanel>
        <TabPanel tab="team" chosen={tab}>
          {shown.current.has('team') && <TeamSection port={port} />}
        </TabPanel>
      </main>
    </div>
  );
}
