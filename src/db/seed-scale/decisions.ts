// Decisions of a synthetic commune: a matter per village (Law 10/2022 Art 15 item 6) put to an online
// vote open this week, about half of the households voted: a receipt naming the household and a secret
// ballot naming only the hash of its receipt code (Decree 59/2023 Art 5; R-A9). The village meetings
// with attendance are the covenant meetings (./covenants.ts).
import { receiptHash } from '../../modules/decisions/commands/cast.js';
import { addDays } from '../../platform/calendar/calendar.js';
import { CHUNK, code, type Part, RECEIPT } from './common.js';

export const OPTIONS = [
  { key: 'agree', label: 'Đồng ý', resident_id: null, sort: 0 },
  { key: 'disagree', label: 'Không đồng ý', resident_id: null, sort: 1 },
  { key: 'other', label: 'Ý kiến khác', resident_id: null, sort: 2 },
];

export const seedOnlineVotes: Part = async (trx, deps, r, x) => {
  const now = deps.clock.now().toISOString();
  const { today } = x;
  let ballots = 0;
  const matters = await trx
    .insertInto('matters')
    .values(
      x.villages.map((v) => ({
        unit_id: v.id,
        scope: 'village' as const,
        item: 6 as const,
        kind: 'general' as const,
        position: null,
        title: `Giờ phát loa truyền thanh của ${v.name}`,
        description: 'Phát loa từ 17 giờ 30 đến 18 giờ hằng ngày.',
        proposer: 'village_head' as const,
        agreement_by: 'Trưởng ban công tác Mặt trận',
        agreement_on: addDays(today, -10),
        initiator_name: null,
        front_approved_on: null,
        forwarded_on: null,
        status: 'open' as const,
        effective_from: null,
        annul_ground: null,
        annul_reason: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning('id')
    .execute();
  const votes = await trx
    .insertInto('votes')
    .values(
      x.villages.map((v, i) => ({
        matter_id: matters[i]!.id,
        unit_id: v.id,
        form: 'online' as const,
        status: 'scheduled' as const,
        vote_date: addDays(today, -1),
        opens_at: `${addDays(today, -1)}T00:00:00.000Z`,
        closes_at: `${addDays(today, 7)}T13:00:00.000Z`,
        notice_on: addDays(today, -4),
        no_meeting_agreed_on: addDays(today, -7),
        authorities_notified_on: addDays(today, -6),
        created_at: now,
        updated_at: now,
      })),
    )
    .returning('id')
    .execute();
  await trx
    .insertInto('vote_options')
    .values(votes.flatMap((v) => OPTIONS.map((o) => ({ vote_id: v.id, ...o }))))
    .execute();
  const receipts: { vote_id: number; household_id: number; channel: 'online' }[] = [];
  const secret: { vote_id: number; receipt_hash: string; option_key: string; other_text: null }[] = [];
  for (const [i, v] of x.villages.entries()) {
    const voteId = votes[i]!.id;
    for (const h of x.households)
      if (h.unitId === v.id && r.next() < 0.5) {
        receipts.push({ vote_id: voteId, household_id: h.id, channel: 'online' });
        secret.push({
          vote_id: voteId,
          receipt_hash: receiptHash(voteId, code(r, RECEIPT)),
          option_key: r.next() < 0.8 ? 'agree' : 'disagree',
          other_text: null,
        });
      }
    ballots = receipts.length;
  }
  for (let i = 0; i < receipts.length; i += CHUNK)
    await trx
      .insertInto('vote_receipts')
      .values(receipts.slice(i, i + CHUNK))
      .execute();
  // Ballots in another order than receipts, so that row order does not pair a ballot with its household.
  secret.sort((a, b) => (a.receipt_hash < b.receipt_hash ? -1 : 1));
  for (let i = 0; i < secret.length; i += CHUNK)
    await trx
      .insertInto('vote_ballots')
      .values(secret.slice(i, i + CHUNK))
      .execute();
  return { matters: matters.length, votes: votes.length, ballots };
};
