import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { DASHBOARD_TABS, type DashboardTab } from './range-hash';
import { t, type MessageKey } from '@/utils/i18n';

/** Each tab's message. */
const TAB_LABELS = {
  history: 'dashboard_tab_history',
  team: 'dashboard_tab_team',
} as const satisfies Record<DashboardTab, MessageKey>;

/** The id of a tab's button and of its panel, for `aria-controls` and `aria-labelledby`. */
const tabId = (tab: DashboardTab) => `tab-${tab}`;
const panelId = (tab: DashboardTab) => `panel-${tab}`;

/** Where an arrow, Home or End key moves from tab `index` of `count`; null for other keys. */
function movedTo(key: string, index: number, count: number): number | null {
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * The dashboard's views as ARIA tabs: one tab stop, the arrow keys (and Home, End) move
 * between tabs and show the one they reach.
 */
export function DashboardTabs({ tab, onChange }: { tab: DashboardTab; onChange(tab: DashboardTab): void }) {
  const buttons = useRef<Partial<Record<DashboardTab, HTMLButtonElement | null>>>({});
  function onKeyDown(event: KeyboardEvent) {
    const next = movedTo(event.key, DASHBOARD_TABS.indexOf(tab), DASHBOARD_TABS.length);
    if (next === null) return;
    event.preventDefault();
    const chosen = DASHBOARD_TABS[next]!;
    onChange(chosen);
    buttons.current[chosen]?.focus();
  }
  return (
    <div role="tablist" aria-label={t('dashboard_tabs_label')} class="dashboard__tabs">
      {DASHBOARD_TABS.map((each) => (
        <button
          key={each}
          ref={(element) => {
            buttons.current[each] = element;
          }}
          type="button"
          role="tab"
          id={tabId(each)}
          class="dashboard__tab"
          aria-selected={each === tab}
          aria-controls={panelId(each)}
          tabIndex={each === tab ? 0 : -1}
          onClick={() => onChange(each)}
          onKeyDown={onKeyDown}
        >
          {t(TAB_LABELS[each])}
        </button>
      ))}
    </div>
  );
}

/** The panel of tab `tab`, hidden while another is chosen. */
export function TabPanel({
  tab,
  chosen,
  class: className,
  children,
}: {
  tab: DashboardTab;
  chosen: DashboardTab;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <div
      role="tabpanel"
      id={panelId(tab)}
      aria-labelledby={tabId(tab)}
      tabIndex={0}
      hidden={tab !== chosen}
      class={className ? `dashboard__panel ${className}` : 'dashboard__panel'}
    >
      {children}
    </div>
  );
}
