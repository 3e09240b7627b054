import { t } from '@/utils/i18n';
import { accountLabelFor } from '@/utils/popup-preview';

export interface DashboardHeaderProps {
  /** The account whose SSI is shown (its history ID: `default` for the key's default account). */
  accountId: string | null;
  /** That account's name, once known. */
  accountName: string | null;
  refreshing: boolean;
  onRefresh(): void;
  onOpenSettings(): void;
}

/** How the header names the account: by name once known, else by its ID. */
function accountLabel(accountId: string | null, name: string | null): string {
  if (name) return name;
  if (accountId === null) return '';
  // The history names the key's default account `default`; the settings, with an empty ID.
  return accountLabelFor(accountId === 'default' ? '' : accountId);
}

/** The product's name, whose SSI this is, and the page's two actions. */
export function DashboardHeader({
  accountId,
  accountName,
  refreshing,
  onRefresh,
  onOpenSettings,
}: DashboardHeaderProps) {
  return (
    <header class="dashboard__header">
      <div>
        <h1 class="dashboard__title">{t('ext_action_title')}</h1>
        <p class="dashboard__account" data-testid="account">
          {accountLabel(accountId, accountName)}
        </p>
      </div>
      <div class="dashboard__actions">
        <button type="button" class="button" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing}>
          {refreshing ? t('action_refreshing') : t('action_refresh')}
        </button>
        <button type="button" class="button" onClick={onOpenSettings}>
          {t('action_settings')}
        </button>
      </div>
    </header>
  );
}
