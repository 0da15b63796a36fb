// Disclosures of a synthetic commune (Law 10/2022 Art 11 items 1–13): a dozen published items, each in
// the search index as publishDisclosure leaves it (src/modules/disclosure/commands/publish.ts).
import { addDays } from '../../platform/calendar/calendar.js';
import { fold } from '../../platform/search/fold.js';
import type { Part } from './common.js';

export const seedDisclosures: Part = async (trx, deps, r, x) => {
  const now = deps.clock.now().toISOString();
  const { commune, today } = x;
  const year = Number(today.slice(0, 4));
  const rows = Array.from({ length: 12 }, (_, i) => {
    const start = addDays(today, -r.int(1, 300));
    return {
      unit_id: commune.id,
      agency_id: null,
      scope: 'commune' as const,
      category: 1 + (i % 13),
      status: 'published' as const,
      title: `Công khai số ${i + 1}/${year} của ${commune.name}`,
      body: `Nội dung công khai tổng hợp số ${i + 1}.`,
      decision_number: `${i + 1}/QĐ-UBND`,
      decision_date: addDays(start, -3),
      decision_signer: 'Chủ tịch UBND xã',
      audience: 'all' as const,
      posting_start: start,
      posting_end: addDays(start, 30),
      late_reason: null,
      status_reason: null,
      year,
      created_by: null,
      created_at: now,
      published_at: `${start}T02:00:00.000Z`,
      updated_at: now,
    };
  });
  const ids = await trx.insertInto('disclosures').values(rows).returning('id').execute();
  // indexDisclosure's text: the body, the decision number and the u<unit> c<category> tokens.
  await trx
    .insertInto('search_docs')
    .values(
      rows.map((d, i) => ({
        entity_type: 'disclosure',
        entity_id: String(ids[i]!.id),
        unit_id: d.unit_id,
        title: d.title,
        folded: fold(`${d.title} ${d.body} ${d.decision_number} u${d.unit_id} c${d.category}`),
      })),
    )
    .execute();
  return { disclosures: rows.length, searchDocs: rows.length };
};
