// Setups of the authorisation matrix probes (issue 10 item 2): each makes a record in the state one
// route needs, through the module's own commands acting as the role the rules allow on the probe's
// unit, so that the request that follows is decided by the role check and not by the record's state.

import { proposeCovenant } from '../../../src/modules/covenants/commands/draft.js';
import { addDays, todayInVietnam } from '../../../src/platform/calendar/calendar.js';
import { formatDate, translator } from '../../../src/platform/i18n/index.js';
import type { Fixture } from './fixture.js';

const t = translator('vi');
const must = (r: { ok: true; id: number } | { ok: false }, what: string): number => {
  if (!r.ok) throw new Error(`authz setup ${what}: ${JSON.stringify(r)}`);
  return r.id;
};
const once = (make: (f: Fixture) => Promise<number>) => {
  const made = new WeakMap<Fixture, number>();
  return async (f: Fixture) => made.get(f) ?? made.set(f, await make(f)).get(f)!;
};

/** A covenant still being drafted in village 1 (Decree 61 Art 8): not public yet. Reading changes nothing, so one serves all. */
export const draftCovenant = once(async (f) => {
  const today = todayInVietnam(f.s.deps.clock.now());
  const r = await proposeCovenant(f.s.deps, t, await f.actor('village_head', 'village'), f.unit.village, {
    title: 'Hương ước (bản dự thảo của phép thử phân quyền)',
    kind: 'new',
    replacesId: '',
    proposer: 'leader',
    agreementBy: 'Trưởng ban công tác Mặt trận',
    agreementOn: formatDate(addDays(today, -1)),
    initiatorName: '',
  });
  return must(r, 'draft covenant');
});
