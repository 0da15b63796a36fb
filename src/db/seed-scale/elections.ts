// Village head elections of a synthetic commune (Law 10/2022 Art 15 item 4; Decree 59/2023 Arts 3, 6): in
// every fourth village (the third, seventh …) the commune chairman's election, its plan, team, notice and
// candidate list on the R-B1 timeline, the election meeting (attendance per household, secret ballot
// counted by a committee of three, each candidate judged against ALL households: R-A4) and, once the
// commune recognised the result, the elected resident's account, the village head grant and the term
// (R-B4: the province profile's term) — the rows of src/modules/decisions/commands/election-*.ts.

import { provinceProfile } from '../../law/province-profile.js';
import { ruleSetOn } from '../../law/rule-sets.js';
import { electionResult } from '../../modules/decisions/rules/threshold.js';
import { addDays } from '../../platform/calendar/calendar.js';
import { addMonths } from '../../platform/calendar/periods.js';
import { at, chunks, type Part, person } from './common.js';

export const seedElections: Part = async (trx, _deps, r, x) => {
  const counts = { elections: 0, attendance: 0, officeTerms: 0 };
  for (const [vi, v] of x.villages.entries()) {
    if (vi % 4 !== 2) continue;
    const register = x.households.filter((h) => h.unitId === v.id);
    if (register.length < 3) continue;
    const day = addDays(x.today, -r.int(30, 100));
    const rs = ruleSetOn(day);
    const e = rs.decisions.election;
    const a = register[r.int(0, register.length - 1)]!;
    const b = register.find((h) => h !== a)!;
    const names = await trx.selectFrom('residents').select(['id', 'full_name']).where('id', 'in', [a.representative, b.representative]).execute();
    const candidates = [a, b].map((h) => ({ residentId: h.representative, name: names.find((n) => n.id === h.representative)!.full_name }));
    const present = register.filter(() => r.next() < 0.8);
    const first = Math.round(present.length * (0.6 + 0.3 * r.next()));
    const working = electionResult(
      {
        item: 4,
        householdsTotal: register.length,
        present: present.length,
        seats: 1,
        candidates: [
          { key: `c${candidates[0]!.residentId}`, label: candidates[0]!.name, residentId: candidates[0]!.residentId, approving: first },
          { key: `c${candidates[1]!.residentId}`, label: candidates[1]!.name, residentId: candidates[1]!.residentId, approving: present.length - first },
        ],
      },
      rs,
    );
    const recognised = working.adopted ? addDays(day, r.int(2, 7)) : null;
    const team = JSON.stringify([person(r), person(r), person(r)]);
    const matter = await trx
      .insertInto('matters')
      .values({
        unit_id: v.id,
        scope: 'village',
        item: 4,
        kind: 'election',
        position: 'village_head',
        title: `Bầu trưởng thôn ${v.name}`,
        description: 'Bầu trưởng thôn nhiệm kỳ mới (Điều 15 khoản 4 Luật 10/2022/QH15; Điều 6 Nghị định 59/2023/NĐ-CP).',
        proposer: 'commune_chairman',
        agreement_by: null,
        agreement_on: null,
        initiator_name: null,
        front_approved_on: null,
        forwarded_on: null,
        status: working.adopted ? 'adopted' : 'not_adopted',
        effective_from: recognised,
        annul_ground: null,
        annul_reason: null,
        created_by: null,
        created_at: at(addDays(day, -e.planDays - 5)),
        updated_at: at(recognised ?? day),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('elections')
      .values({
        matter_id: matter.id,
        plan_issued_on: addDays(day, -e.planDays - 2),
        team_set_on: addDays(day, -e.teamDays - 2),
        team,
        notice_on: addDays(day, -e.planDays),
        candidates_sent_on: addDays(day, -e.candidateListDays - 2),
        candidates: JSON.stringify(candidates),
        dismissal_ground: null,
        petition_households: null,
        holder_resident_id: null,
        new_election_due: null,
      })
      .execute();
    const vote = await trx
      .insertInto('votes')
      .values({
        matter_id: matter.id,
        unit_id: v.id,
        form: 'meeting',
        method: 'secret_ballot',
        ballot_case: null,
        status: working.adopted ? 'recognised' : 'refused',
        vote_date: day,
        place: 'Nhà văn hóa thôn',
        notice_on: addDays(day, -e.noticeDays - 1),
        documents_on: addDays(day, -e.noticeDays - 1),
        seats: 1,
        households_total: register.length,
        present: present.length,
        secretary: person(r),
        secretary_votes: present.length - 1,
        committee: JSON.stringify([person(r), person(r), person(r)]),
        committee_votes: present.length - 2,
        outcome: working.adopted ? 'adopted' : 'not_adopted',
        working: JSON.stringify(working),
        content: 'Tổ bầu cử giới thiệu danh sách người ứng cử; các hộ bỏ phiếu kín; Ban kiểm phiếu công bố kết quả.',
        decision_text: working.adopted ? `Bầu ông/bà ${candidates[0]!.name} làm trưởng thôn.` : 'Không người ứng cử nào đạt quá nửa số hộ.',
        confirm_village_head: `${person(r)} (trưởng thôn)`,
        confirm_front_head: `${person(r)} (trưởng ban công tác Mặt trận)`,
        confirm_rep1: person(r),
        confirm_rep2: person(r),
        finalised_on: day,
        submitted_on: day,
        recognised_on: recognised,
        refusal_reason: working.adopted ? null : 'Không người ứng cử nào đạt quá nửa số hộ.',
        published_on: recognised ?? addDays(day, 1), // R-A17 (Art 23(2)): the result published to residents
        created_by: null,
        created_at: at(day),
        updated_at: at(recognised ?? day),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('vote_options')
      .values(candidates.map((c, i) => ({ vote_id: vote.id, key: `c${c.residentId}`, label: c.name, resident_id: c.residentId, sort: i })))
      .execute();
    await trx
      .insertInto('vote_counts')
      .values(working.candidates!.map((c) => ({ vote_id: vote.id, cluster: 1, option_key: c.key, count: c.approving })))
      .execute();
    await chunks(present, (c) =>
      trx
        .insertInto('vote_attendance')
        .values(c.map((h) => ({ vote_id: vote.id, household_id: h.id, cluster: 1 })))
        .execute(),
    );
    counts.elections++;
    counts.attendance += present.length;
    const winner = working.candidates!.find((c) => c.elected);
    if (!recognised || !winner) continue;
    // The elected resident's account (no phone: a username, no sign-in until given one), grant and term.
    const iso = at(recognised);
    const user = await trx
      .insertInto('users')
      .values({
        kind: 'resident',
        phone: null,
        username: `resident.${winner.residentId}`,
        display_name: winner.label,
        resident_id: winner.residentId,
        created_at: iso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const grant = await trx
      .insertInto('role_grants')
      .values({ user_id: user.id, role: 'village_head', unit_id: v.id, agency_id: null, granted_by: null, granted_at: iso })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('office_terms')
      .values({
        unit_id: v.id,
        position: 'village_head',
        resident_id: winner.residentId!,
        user_id: user.id,
        interim: 0,
        matter_id: matter.id,
        starts_on: recognised,
        ends_on: addMonths(recognised, provinceProfile(null).villageHeadTermMonths),
        ended_on: null,
        grant_id: grant.id,
      })
      .execute();
    counts.officeTerms++;
  }
  return counts;
};
