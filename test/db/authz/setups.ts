// Setups of the authorisation matrix probes (issue 10 item 2): each makes a record in the state one
// route needs, through the module's own commands acting as the role the rules allow on the probe's
// unit, so that the request that follows is decided by the role check and not by the record's state.

import { saveConsultation } from '../../../src/modules/consultation/commands/save.js';
import { proposeCovenant } from '../../../src/modules/covenants/commands/draft.js';
import { proposeMatter } from '../../../src/modules/decisions/commands/propose.js';
import { planConference } from '../../../src/modules/dialogue/commands/conference.js';
import { saveDraft } from '../../../src/modules/disclosure/commands/save-draft.js';
import { communeOf, targetFor } from '../../../src/modules/disclosure/context.js';
import { routeItem } from '../../../src/modules/feedback/commands/route.js';
import type { Actor } from '../../../src/platform/auth/policy.js';
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

/** A fresh disclosure draft of Na Rì for each request (Law Art 11): the first allowed publish would use up a shared one. */
export async function disclosureDraft(f: Fixture): Promise<number> {
  const deps = f.s.deps;
  const unit = await communeOf(deps, f.unit.commune);
  const today = todayInVietnam(deps.clock.now());
  const r = await saveDraft(
    deps,
    t,
    await f.actor('commune_official', 'commune'),
    await targetFor(deps, unit, null),
    {
      category: '2',
      title: 'Dự toán bổ sung (bản nháp của phép thử phân quyền)',
      body: 'Dự thảo.',
      decisionNumber: '99/TTr-UBND',
      decisionDate: today,
      decisionSigner: 'Chủ tịch UBND xã',
      audience: 'all',
      villageIds: [],
      postingStart: '',
      postingEnd: '',
      lateReason: '',
      forms: [],
    },
    [],
  );
  return must(r, 'disclosure draft');
}

/** A commune-wide matter of Na Rì (Law Art 15 item 1), open, no village has voted: concluding it is refused on the form. */
export const communeMatter = once(async (f) => {
  const today = todayInVietnam(f.s.deps.clock.now());
  const r = await proposeMatter(f.s.deps, t, await f.actor('commune_chairman', 'commune'), f.unit.commune, {
    title: 'Chủ trương làm đường liên thôn (phép thử phân quyền)',
    item: '1',
    description: '',
    proposer: 'leader',
    agreementBy: 'Chủ tịch UBMTTQ xã',
    agreementOn: formatDate(addDays(today, -1)),
    initiatorName: '',
  });
  return must(r, 'commune matter');
});

/** A year-end conference planned in a village of Na Rì (Decree 59 Art 10), awaiting the three agreements. */
export const naRiConference = once(async (f) => {
  const deps = f.s.deps;
  const village = await deps.db
    .selectFrom('units')
    .selectAll()
    .where('parent_id', '=', f.unit.commune)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const head: Actor = {
    via: 'session',
    userId: null,
    label: 'Trưởng thôn (phép thử phân quyền)',
    userKind: 'official',
    grants: [{ role: 'village_head', unitId: village.id, unitPath: village.path, agencyId: null }],
  };
  const today = todayInVietnam(deps.clock.now());
  const day = addDays(today, 10);
  const r = await planConference(deps, t, head, village.id, {
    conferenceOn: formatDate(day),
    startTime: '19:00',
    place: 'Nhà văn hóa thôn',
    content: 'Báo cáo kết quả thực hiện các nhiệm vụ của thôn trong năm.',
    tasks: 'Trưởng thôn chuẩn bị báo cáo.',
    planSentOn: formatDate(today),
    noticeOn: formatDate(addDays(day, -7)),
    noticeMethod: 'writing',
  });
  return must(r, 'village conference');
});

/** A consultation of Na Rì still in draft (Law Art 25): not open to residents yet. Reading changes nothing. */
export const consultationDraft = once(async (f) => {
  const deps = f.s.deps;
  const target = { unitId: f.unit.commune, scope: 'commune' as const, agencyId: null, villageIds: new Set<number>() };
  const r = await saveConsultation(
    deps,
    t,
    await f.actor('commune_official', 'commune'),
    target,
    {
      title: 'Dự thảo quy chế (bản nháp của phép thử phân quyền)',
      matter: 'item7',
      summary: 'Bản nháp.',
      draftText: 'Điều 1. Phạm vi\nQuy chế này quy định việc thực hiện dân chủ.',
      audience: 'all',
      villageIds: [],
      periodDays: '20',
      shortPeriodLaw: '',
      planContent: 'Lấy ý kiến theo từng điều.',
      planForms: ['community_meeting', 'portal'],
      planTimeline: '20 ngày',
      planResponsible: 'Công chức Văn phòng - Thống kê xã',
      planSentOn: '',
    },
    [],
  );
  return must(r, 'consultation draft');
});

/** The demo report 4 of Na Rì handed to the People's Inspection Board by the commune (handler_board). */
export const boardItem = once(async (f) => {
  const deps = f.s.deps;
  const it = await deps.db.selectFrom('feedback_items').select(['id', 'version']).where('id', '=', 4).executeTakeFirstOrThrow();
  const r = await routeItem(deps, t, await f.actor('commune_chairman', 'commune'), it.id, it.version, { target: 'board', note: '' });
  if (!r.ok) throw new Error(`authz setup board item: ${JSON.stringify(r)}`);
  return it.id;
});
