// Setups of the matrix's content probes (issue 10 item 2): records carrying protected content (a
// commenter's name, a hidden question), a household behind the fixture's representatives and a
// published disclosure to relay, a named item for the board, made through the modules' own commands,
// so that a probe can look for that content in the answer or only the role check decides.
import { addComment } from '../../../src/modules/consultation/commands/comment.js';
import { askQuestion, hideQuestion } from '../../../src/modules/dialogue/commands/questions.js';
import { routeItem } from '../../../src/modules/feedback/commands/route.js';
import { translator } from '../../../src/platform/i18n/index.js';
import type { Fixture } from './fixture.js';

const t = translator('vi');
const once = (make: (f: Fixture) => Promise<number>) => {
  const made = new WeakMap<Fixture, number>();
  return async (f: Fixture) => made.get(f) ?? made.set(f, await make(f)).get(f)!;
};

/** The name of a person whose comment a commune official entered from a meeting (Law Art 9(2): names only for readNames). */
export const COMMENTER = 'Lò Thị Phép Thử';
/** A comment of COMMENTER on Na Rì's open consultation 1 (demo), entered as the commune official. */
export const namedComment = once(async (f) => {
  const r = await addComment(f.s.deps, t, await f.actor('commune_official', 'commune'), 1, {
    article: '',
    body: 'Đề nghị niêm yết dự thảo ở nhà văn hóa các thôn.',
    stance: '',
    channel: 'meeting',
    authorName: COMMENTER,
    organisation: '',
  });
  if (!r.ok) throw new Error(`authz setup named comment: ${JSON.stringify(r)}`);
  return r.id;
});

/** The text of a question hidden from the public (it names a third person); oversee and manage read it. */
export const HIDDEN_QUESTION = 'Câu hỏi có tên người khác của phép thử phân quyền';
/** HIDDEN_QUESTION recorded on Na Rì's scheduled dialogue 2 (demo) and hidden with a reason, as the chairman. */
export const hiddenQuestion = once(async (f) => {
  const chairman = await f.actor('commune_chairman', 'commune');
  const q = await askQuestion(f.s.deps, t, chairman, 2, { text: HIDDEN_QUESTION, name: '', channel: 'letter' }, 'record');
  if (!q.ok) throw new Error(`authz setup question: ${JSON.stringify(q)}`);
  const h = await hideQuestion(f.s.deps, t, chairman, q.questionId, { reason: 'Nêu tên và địa chỉ của người khác.' });
  if (!h.ok) throw new Error(`authz setup hide: ${JSON.stringify(h)}`);
  return q.questionId;
});

/**
 * The fixture's household representatives of the village level, whatever their grant, represent a
 * household on the register of village 1 that has not voted in its open online vote 5 (demo), so
 * that only the role check stands between them and the ballot (cast.ts: policy, then household).
 */
export const representedHousehold = once(async (f) => {
  const db = f.s.deps.db;
  const rep = await db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'h.id as household'])
    .where('h.unit_id', '=', f.unit.village)
    .where('h.valid_to', 'is', null)
    .where('r.is_representative', '=', 1)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('vote_receipts as v').select('v.vote_id').whereRef('v.household_id', '=', 'h.id').where('v.vote_id', '=', 5))),
    )
    .orderBy('h.id')
    .executeTakeFirstOrThrow();
  await db.updateTable('users').set({ resident_id: rep.id }).where('username', 'like', 'm.household_representative.village.%').execute();
  return rep.household;
});

/** A disclosure published by the commune of village 1 (demo), for its village heads to record a relay. */
export const publishedOfVillageCommune = once(async (f) => {
  const d = await f.s.deps.db
    .selectFrom('disclosures')
    .select('id')
    .where('unit_id', '=', f.grantUnit.village.child)
    .where('agency_id', 'is', null)
    .where('status', '=', 'published')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return d.id;
});

/** The demo question 6 of Na Rì (its author named, not anonymous) handed to the People's Inspection Board by the chairman. */
export const namedBoardItem = once(async (f) => {
  const it = await f.s.deps.db.selectFrom('feedback_items').select(['id', 'version']).where('id', '=', 6).executeTakeFirstOrThrow();
  const r = await routeItem(f.s.deps, t, await f.actor('commune_chairman', 'commune'), it.id, it.version, { target: 'board', note: '' });
  if (!r.ok) throw new Error(`authz setup named board item: ${JSON.stringify(r)}`);
  return it.id;
});
