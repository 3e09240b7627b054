import { it } from 'vitest';
import { HOSTILE_CASES } from '../e2e/fixtures/hostile-responses';
import { parseSsiResponse } from '../utils/ssi/parse';
it('x', () => {
  for (const c of HOSTILE_CASES.filter((h) => /__proto__/.test(h.name))) {
    if (c.reply.kind !== 'complete') continue;
    console.log(c.name, c.reply.body.slice(0, 300));
    try { console.log(JSON.stringify(parseSsiResponse(JSON.parse(c.reply.body), 0)).slice(0, 300)); } catch (e) { console.log(String(e)); }
  }
});
