/** Test support: the SSI state as the worker describes it to pages, every field overridable. */
import type { DescribedSsiState } from '../messaging/protocol';

export function describedState(overrides: Partial<DescribedSsiState> = {}): DescribedSsiState {
  return {
    snapshot: null,
    error: null,
    errorAt: null,
    stale: false,
    refreshing: false,
    problem: null,
    ...overrides,
  };
}
