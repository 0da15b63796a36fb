// Covenants of a synthetic commune (Decree 61/2023; Law 10/2022 Art 15 item 3): in every fourth village
// a covenant proposed by the village head, drafted in two versions, posted for 30 days with comments
// through the consultation module (R-E1, R-D4), adopted at a village meeting held ≥ 30 days after the
// posting (attendance per household, show of hands, the result against ALL households: R-A4) and
// recognised by the commune, then published; and in the second village a covenant from before the Law
// (Art 91(3)) entered as transitional, with last year's review. The rows are those of the commands in
// src/modules/covenants/commands and src/modules/decisions/commands (record-meeting, recognise).

import { ruleSetOn } from '../../law/rule-sets.js';
import { villageResult } from '../../modules/decisions/rules/threshold.js';
import { addDays } from '../../platform/calendar/calendar.js';
import { at, chunks, type Part, person } from './common.js';
import { OPTIONS } from './decisions.js';

const TEXT_V1 = 'Điều 1. Giữ gìn vệ sinh môi trường\nCác hộ thu gom rác đúng nơi quy định.\n\nĐiều 2. Việc cưới, việc tang\nTổ chức tiết kiệm, văn minh.';
const TEXT_V2 = `${TEXT_V1}\n\nĐiều 3. Phòng cháy rừng\nCác hộ không đốt nương trong mùa khô.`;

export const seedCovenants: Part = async (trx, deps, r, x) => {
  const { commune, today } = x;
  const counts = { covenants: 0, covenantVersions: 0, meetings: 0, attendance: 0, consultations: 0, comments: 0 };
  for (const [vi, v] of x.villages.entries()) {
    if (vi % 4 !== 0) continue;
    const start = addDays(today, -r.int(60, 300));
    const posted = addDays(start, 2);
    const closes = addDays(posted, 30);
    const day = addDays(posted, r.int(31, 40)); // the meeting: after the 30 days of posting (R-E1)
    const recognised = addDays(day, r.int(2, 10));
    const head = `${person(r)} (trưởng thôn)`;
    const front = `${person(r)} (trưởng ban công tác Mặt trận)`;
    const title = `Hương ước ${v.name}`;
    await trx
      .insertInto('covenant_settings')
      .values({ unit_id: v.id, ethnic_minority: 0, ethnic_language: null, review_day: '11-18', updated_at: at(addDays(start, -5)) })
      .execute();
    const matter = await trx
      .insertInto('matters')
      .values({
        unit_id: v.id,
        scope: 'village',
        item: 3,
        kind: 'general',
        position: null,
        title,
        description: 'Xây dựng, thông qua hương ước, quy ước của thôn (Điều 15 khoản 3 Luật 10/2022/QH15; Nghị định 61/2023/NĐ-CP).',
        proposer: 'village_head',
        agreement_by: front,
        agreement_on: addDays(start, -2),
        initiator_name: null,
        front_approved_on: null,
        forwarded_on: null,
        vote_not_before: addDays(closes, 1), // R-E1: the day after the posting's last day
        status: 'adopted',
        effective_from: recognised,
        annul_ground: null,
        annul_reason: null,
        created_by: null,
        created_at: at(start),
        updated_at: at(recognised),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The posting: a consultation of the commune addressed to this village, closed with its synthesis.
    const cons = await trx
      .insertInto('consultations')
      .values({
        unit_id: commune.id,
        agency_id: null,
        scope: 'commune',
        matter: 'item9',
        title: `Dự thảo ${title}`,
        summary: `Dự thảo hương ước của ${v.name} niêm yết lấy ý kiến các hộ trong 30 ngày.`,
        draft_text: TEXT_V1,
        status: 'closed',
        audience: 'villages',
        period_days: 30,
        short_period_law: null,
        plan_content: `Dự thảo hương ước của ${v.name} được niêm yết tại nhà văn hóa và gửi các hộ gia đình lấy ý kiến trong 30 ngày (Điều 9 Nghị định 61/2023/NĐ-CP).`,
        plan_forms: '["community_meeting","suggestion_box"]',
        plan_timeline: `${posted} – ${closes}`,
        plan_responsible: head,
        plan_sent_on: posted,
        opens_on: posted,
        closes_on: closes,
        synthesis_text: 'Các hộ nhất trí; đề nghị bổ sung điều về phòng cháy rừng.',
        majority_explanation: null,
        synthesis_published_at: at(addDays(closes, 1)),
        closed_at: at(addDays(closes, 1)),
        union_consulted_on: null,
        union_opinion: null,
        issued_on: null,
        issued_number: null,
        created_by: null,
        created_at: at(posted),
        updated_at: at(addDays(closes, 1)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('consultation_villages').values({ consultation_id: cons.id, village_id: v.id }).execute();
    const arts = await trx
      .insertInto('consultation_articles')
      .values([
        { consultation_id: cons.id, position: 1, label: 'Điều 1', heading: 'Giữ gìn vệ sinh môi trường', body: 'Các hộ thu gom rác đúng nơi quy định.' },
        { consultation_id: cons.id, position: 2, label: 'Điều 2', heading: 'Việc cưới, việc tang', body: 'Tổ chức tiết kiệm, văn minh.' },
      ])
      .returning('id')
      .execute();
    const comments = Array.from({ length: 4 }, (_, i) => ({
      consultation_id: cons.id,
      article_id: arts[i % 2]!.id,
      channel: 'suggestion_box',
      author_user_id: null,
      author_name: null,
      organisation: null,
      body: `Ý kiến của hộ số ${i + 1}: đề nghị bổ sung.`,
      public_body: null,
      hidden_reason: null,
      entered_by: null,
      created_at: at(addDays(posted, r.int(1, 29))),
    }));
    await trx.insertInto('consultation_comments').values(comments).execute();
    const cov = await trx
      .insertInto('covenants')
      .values({
        unit_id: v.id,
        title,
        origin: 'proposed',
        kind: 'new',
        replaces_id: null,
        matter_id: matter.id,
        consultation_id: cons.id,
        team: JSON.stringify([
          { name: person(r), role: 'Già làng', elder: true, speaker: true },
          { name: person(r), role: 'Chi hội trưởng Phụ nữ', elder: false, speaker: true },
          { name: person(r), role: 'Bí thư chi đoàn', elder: false, speaker: false },
        ]),
        adopted_on: null,
        recognised_on: null,
        recognition_number: null,
        history: null,
        sent_on: addDays(recognised, 1),
        channels: '["cultural_house","loudspeaker","commune_portal"]',
        published_on: addDays(recognised, 1),
        created_by: null,
        created_at: at(start),
        updated_at: at(addDays(recognised, 1)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('covenant_versions')
      .values([
        {
          covenant_id: cov.id,
          number: 1,
          text: TEXT_V1,
          note: 'Dự thảo lần 1 của tổ soạn thảo',
          translation_language: null,
          translation_text: null,
          created_by: null,
          created_at: at(start),
        },
        {
          covenant_id: cov.id,
          number: 2,
          text: TEXT_V2,
          note: 'Tiếp thu ý kiến các hộ',
          translation_language: null,
          translation_text: null,
          created_by: null,
          created_at: at(addDays(closes, 1)),
        },
      ])
      .execute();
    // The meeting: attendance per household, counts by show of hands, the result against all households.
    const register = x.households.filter((h) => h.unitId === v.id);
    const present = register.filter(() => r.next() < 0.8);
    const approving = Math.max(0, present.length - 2);
    const working = villageResult({ item: 3, householdsTotal: register.length, present: present.length, approving }, ruleSetOn(day));
    const vote = await trx
      .insertInto('votes')
      .values({
        matter_id: matter.id,
        unit_id: v.id,
        form: 'meeting',
        method: 'show_of_hands',
        ballot_case: null,
        status: working.adopted ? 'recognised' : 'refused',
        vote_date: day,
        place: 'Nhà văn hóa thôn',
        opens_at: null,
        closes_at: null,
        notice_on: addDays(day, -3),
        documents_on: addDays(day, -3),
        households_total: register.length,
        present: present.length,
        secretary: person(r),
        secretary_votes: present.length - 1,
        outcome: working.adopted ? 'adopted' : 'not_adopted',
        working: JSON.stringify(working),
        content: 'Trưởng thôn trình bày dự thảo đã tiếp thu ý kiến; các hộ thảo luận và biểu quyết.',
        decision_text: 'Thông qua Hương ước thôn; gửi UBND xã công nhận.',
        confirm_village_head: head,
        confirm_front_head: front,
        confirm_rep1: person(r),
        confirm_rep2: person(r),
        finalised_on: day,
        submitted_on: day,
        recognised_on: working.adopted ? recognised : null,
        refusal_reason: working.adopted ? null : 'Không đủ số hộ tán thành.',
        published_on: addDays(day, 1), // R-A17 (Art 23(2)): the result published to residents
        created_by: null,
        created_at: at(day),
        updated_at: at(recognised),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('vote_options')
      .values(OPTIONS.map((o) => ({ vote_id: vote.id, ...o })))
      .execute();
    const rest = present.length - approving;
    await trx
      .insertInto('vote_counts')
      .values([
        { vote_id: vote.id, cluster: 1, option_key: 'agree', count: approving },
        { vote_id: vote.id, cluster: 1, option_key: 'disagree', count: Math.ceil(rest / 2) },
        { vote_id: vote.id, cluster: 1, option_key: 'other', count: Math.floor(rest / 2) },
      ])
      .execute();
    await chunks(present, (c) =>
      trx
        .insertInto('vote_attendance')
        .values(c.map((h) => ({ vote_id: vote.id, household_id: h.id, cluster: 1 })))
        .execute(),
    );
    counts.covenants++;
    counts.covenantVersions += 2;
    counts.meetings++;
    counts.attendance += present.length;
    counts.consultations++;
    counts.comments += comments.length;
  }
  const old = x.villages[1];
  if (old) {
    const cov = await trx
      .insertInto('covenants')
      .values({
        unit_id: old.id,
        title: `Quy ước ${old.name}`,
        origin: 'transitional',
        kind: 'new',
        replaces_id: null,
        matter_id: null,
        consultation_id: null,
        adopted_on: '2019-03-12',
        recognised_on: '2019-04-02',
        recognition_number: `${r.int(10, 200)}/QĐ-UBND`,
        history: null,
        sent_on: null,
        published_on: null,
        created_by: null,
        created_at: deps.clock.now().toISOString(),
        updated_at: deps.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('covenant_versions')
      .values({
        covenant_id: cov.id,
        number: 1,
        text: TEXT_V1,
        note: 'Văn bản đã được công nhận năm 2019',
        translation_language: null,
        translation_text: null,
        created_by: null,
        created_at: deps.clock.now().toISOString(),
      })
      .execute();
    const year = Number(today.slice(0, 4)) - 1;
    await trx
      .insertInto('covenant_reviews')
      .values({
        covenant_id: cov.id,
        year,
        held_on: `${year}-11-18`,
        outcome: 'keep',
        note: 'Nội dung còn phù hợp.',
        created_by: null,
        created_at: at(`${year}-11-18`),
      })
      .execute();
    counts.covenants++;
    counts.covenantVersions++;
  }
  return counts;
};
