import { describeGroupRank, formatChange, formatGroupSize, formatOverall, MISSING } from '@/utils/format';
import type { SsiSnapshot } from '@/utils/ssi/model';

/** The industry and network ranks: "Top 4% in Computer Software", group size, weekly change. */
export function GroupRanks({ snapshot }: { snapshot: SsiSnapshot }) {
  const groups = [
    { kind: 'industry' as const, group: snapshot.industry, fallback: 'Industry rank' },
    { kind: 'network' as const, group: snapshot.network, fallback: 'Network rank' },
  ];
  return (
    <ul class="ranks" aria-label="Ranks">
      {groups.map(({ kind, group, fallback }) => {
        const rank = describeGroupRank(kind, group);
        const size = formatGroupSize(group?.groupSize ?? null);
        const change = formatChange(group?.change ?? null);
        const average =
          group?.averageScore == null ? null : `average SSI ${formatOverall(group.averageScore)}`;
        const details = [size && `of ${size}`, average].filter(Boolean).join(' · ');
        return (
          <li key={kind} class="ranks__item" data-group={kind}>
            <span class="ranks__rank">{rank ?? `${fallback}: ${MISSING}`}</span>
            {details && <span class="ranks__detail">{details}</span>}
            {change && <span class="ranks__change">{change}</span>}
          </li>
        );
      })}
    </ul>
  );
}
