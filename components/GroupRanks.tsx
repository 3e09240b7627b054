import { describeGroupRank, formatChange, formatGroupSize, formatOverall } from '@/utils/format';
import { t } from '@/utils/i18n';
import type { SsiSnapshot } from '@/utils/ssi/model';

/** The industry and network ranks: "Top 4% in Computer Software", group size, weekly change. */
export function GroupRanks({ snapshot }: { snapshot: SsiSnapshot }) {
  const groups = [
    { kind: 'industry' as const, group: snapshot.industry, missing: 'rank_industry_missing' as const },
    { kind: 'network' as const, group: snapshot.network, missing: 'rank_network_missing' as const },
  ];
  return (
    <ul class="ranks" aria-label={t('ranks_label')}>
      {groups.map(({ kind, group, missing }) => {
        const rank = describeGroupRank(kind, group);
        const size = formatGroupSize(group?.groupSize ?? null);
        const change = formatChange(group?.change ?? null);
        const average =
          group?.averageScore == null ? null : t('rank_group_average', formatOverall(group.averageScore));
        const details = [size && t('rank_group_of', size), average].filter(Boolean).join(' · ');
        return (
          <li key={kind} class="ranks__item" data-group={kind}>
            <span class="ranks__rank">{rank ?? t(missing)}</span>
            {details && <span class="ranks__detail">{details}</span>}
            {change && <span class="ranks__change">{change}</span>}
          </li>
        );
      })}
    </ul>
  );
}
