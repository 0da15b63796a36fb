// Setups of the agency board probes of the authorisation matrix (issue 10 item 2): the demo school of
// Na Rì has a recognised People's Inspection Board of three staff (oversight demo.ts). Its work is its
// members' (commands/common.ts mayWork), so the fixture's agency staff and union heads are seated on
// it, whatever their grant; then only the role check decides, which is what the matrix asks.
import { recordActivity } from '../../../src/modules/oversight/commands/work.js';
import { todayInVietnam } from '../../../src/platform/calendar/calendar.js';
import { formatDate, translator } from '../../../src/platform/i18n/index.js';
import type { Fixture } from './fixture.js';

const t = translator('vi');
const once = (make: (f: Fixture) => Promise<number>) => {
  const made = new WeakMap<Fixture, number>();
  return async (f: Fixture) => made.get(f) ?? made.set(f, await make(f)).get(f)!;
};

/**
 * The school's board, with the fixture's commune-level agency_staff and union_head accounts seated as
 * members. The rows are written directly: the union seats members by name at the staff conference
 * (addMember) and links no account; the link is what mayWork reads.
 */
export const schoolBoard = once(async (f) => {
  const db = f.s.deps.db;
  const board = await db
    .selectFrom('oversight_boards')
    .select('id')
    .where('kind', '=', 'agency_inspection')
    .where('agency_id', '=', f.agencyId)
    .executeTakeFirstOrThrow();
  const seated = await db.selectFrom('oversight_members').selectAll().where('board_id', '=', board.id).orderBy('id').executeTakeFirstOrThrow();
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where((eb) => eb.or([eb('username', 'like', 'm.agency_staff.commune.%'), eb('username', 'like', 'm.union_head.commune.%')]))
    .execute();
  for (const u of users) {
    const { id: _id, ...row } = seated;
    await db
      .insertInto('oversight_members')
      .values({ ...row, full_name: u.display_name, user_id: u.id, position: 'member' })
      .execute();
  }
  return board.id;
});

/** An activity of the school's board with one recommendation to the school's head (Law Art 63(1)(c)), open. */
export const schoolRecommendation = once(async (f) => {
  const boardId = await schoolBoard(f);
  const today = formatDate(todayInVietnam(f.s.deps.clock.now()));
  const r = await recordActivity(
    f.s.deps,
    t,
    await f.actor('agency_staff', 'commune'),
    boardId,
    {
      kind: 'inspection',
      subject: 'Kiểm tra việc công khai quỹ phúc lợi (phép thử phân quyền)',
      findings: 'Chưa niêm yết quyết toán quỹ năm trước.',
      heldOn: today,
      planId: '',
      feedbackCode: '',
      published: false,
      recommendations: [{ addressee: 'Hiệu trưởng', content: 'Niêm yết quyết toán quỹ phúc lợi.' }],
      sentOn: today,
    },
    [],
  );
  if (!r.ok) throw new Error(`authz setup school activity: ${JSON.stringify(r)}`);
  const rec = await f.s.deps.db.selectFrom('oversight_recommendations').select('id').where('activity_id', '=', r.id).executeTakeFirstOrThrow();
  return rec.id;
});
