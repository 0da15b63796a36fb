// The demo village head's term (R-B4), recorded by the commune through the module's command.
import type { AppDeps } from '../../app-deps.js';
import type { Actor } from '../../platform/auth/policy.js';
import { loadActor } from '../../platform/auth/session.js';
import { recordSittingHead } from './commands/election-record.js';

/** Bế Văn Tuấn (truongthon.xd) lives in the first village and was recognised as its head before terms
 * were kept in the system: the commune official records his term, linked to his existing grant. He
 * joins a household as a member, not as its representative, so the register and its votes stay as they are. */
export async function sittingHead(deps: AppDeps, villageId: number, userId: number, recognisedOn: string) {
  const { db } = deps;
  const officialUser = await db.selectFrom('users').select('id').where('username', '=', 'canbo.xuanduong').executeTakeFirst();
  if (!officialUser) return;
  const official = (await loadActor(db, officialUser.id)) as Actor;
  const households = await db
    .selectFrom('households as h')
    .innerJoin('residents as r', (j) => j.onRef('r.household_id', '=', 'h.id').on('r.is_representative', '=', 1))
    .select(['h.id', 'r.full_name'])
    .where('h.unit_id', '=', villageId)
    .orderBy('h.code')
    .execute();
  const home = households.find((h) => h.full_name.startsWith('Bế ')) ?? households[households.length - 1];
  if (!home) return;
  const resident = await db
    .insertInto('residents')
    .values({ household_id: home.id, full_name: 'Bế Văn Tuấn', birth_year: 1978, gender: 'nam', phone: null, relation: 'anh/em', is_representative: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const r = await recordSittingHead(deps, official, villageId, {
    residentId: resident.id,
    userId,
    recognisedOn,
    decision: 'Quyết định công nhận Trưởng thôn của Chủ tịch UBND xã (dữ liệu mẫu)',
  });
  if (!r.ok) throw new Error(`demo decisions: sitting head failed: ${JSON.stringify(r)}`);
}
