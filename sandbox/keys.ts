/**
 * Sandbox API keys and how a request picks its scenario.
 *
 * - `sandbox-demo-key` → 'ok' (default account: the first one).
 * - `sandbox-<scenarioName>` (e.g. `sandbox-trial-expired`) → that scenario.
 * - anything else, or a missing or malformed `Authorization` header → 401.
 */

import { isScenarioName, SCENARIO_NAMES, type ScenarioName } from './scenarios';

/** The key that answers normally ('ok'). */
export const SANDBOX_DEMO_KEY = 'sandbox-demo-key';

const SCENARIO_KEY_PREFIX = 'sandbox-';

/** The key that always gets scenario `name`: `sandbox-<name>`. */
export function keyForScenario(name: ScenarioName): string {
  return `${SCENARIO_KEY_PREFIX}${name}`;
}

/** Every scenario key, in SCENARIO_NAMES order. */
export function scenarioKeys(): { scenario: ScenarioName; key: string }[] {
  return SCENARIO_NAMES.map((scenario) => ({ scenario, key: keyForScenario(scenario) }));
}

/** The scenario of a valid sandbox key, or null when the key is not a sandbox key. */
export function scenarioForKey(key: string): ScenarioName | null {
  if (key === SANDBOX_DEMO_KEY) return 'ok';
  if (!key.startsWith(SCENARIO_KEY_PREFIX)) return null;
  const name = key.slice(SCENARIO_KEY_PREFIX.length);
  return isScenarioName(name) ? name : null;
}

/** The token of an `Authorization: Bearer <token>` header, or null when absent or malformed. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** The outcome of choosing a scenario: a scenario, or an unknown `?scenario=` name. */
export type ScenarioChoice = { ok: true; scenario: ScenarioName } | { ok: false; unknownScenario: string };

/** What a request says about its scenario. */
export interface ScenarioInputs {
  /** The raw `Authorization` header. */
  authorization: string | undefined;
  /** The `scenario` query parameter, or null when absent. */
  queryScenario: string | null;
  /** The scenario forced by `setScenario`, or null. */
  forced: ScenarioName | null;
}

/**
 * Picks the scenario of a request, in this order:
 * 1. a scenario forced by `setScenario` wins, whatever the key;
 * 2. an invalid or missing key gets 'unauthorized' (authentication comes first);
 * 3. a valid key's `?scenario=<name>` overrides the key's scenario (an unknown name is an error);
 * 4. otherwise the key's own scenario.
 */
export function chooseScenario(inputs: ScenarioInputs): ScenarioChoice {
  if (inputs.forced) return { ok: true, scenario: inputs.forced };
  const token = bearerToken(inputs.authorization);
  const keyScenario = token === null ? null : scenarioForKey(token);
  if (keyScenario === null) return { ok: true, scenario: 'unauthorized' };
  if (inputs.queryScenario === null) return { ok: true, scenario: keyScenario };
  if (isScenarioName(inputs.queryScenario)) return { ok: true, scenario: inputs.queryScenario };
  return { ok: false, unknownScenario: inputs.queryScenario };
}
