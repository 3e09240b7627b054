/** A plausible validated SSI reading for suites that need one; every field overridable. */
import { PILLAR_IDS, type SsiSnapshot } from '../ssi/model';

export function makeSnapshot(overrides: Partial<SsiSnapshot> = {}): SsiSnapshot {
  return {
    accountId: 'acc-1',
    overall: 67.41,
    pillars: PILLAR_IDS.map((id, index) => ({
      id,
      score: 15 + index,
      industryAverage: 12,
      networkAverage: 13,
    })),
    industry: { rank: 4, averageScore: 41, groupSize: 184_233, change: 1, industryName: 'Computer Software' },
    network: { rank: 12, averageScore: 38, groupSize: 812, change: null, industryName: null },
    profileUrn: 'urn:li:fsd_profile:ACoAAB',
    activeSeat: true,
    fetchedAt: Date.parse('2026-12-02T09:30:00Z'),
    ...overrides,
  };
}
