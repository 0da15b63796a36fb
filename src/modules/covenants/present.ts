// A covenant's steps as pages and the API show them: each step with its date and, where the law sets a
// deadline, its clock (R-E1, R-E3, R-E5, R-E6). Clocks of the vote, dossier and recognition are
// decisions' own (R-A13, R-A14), read on the covenant's vote; nothing is computed twice.
import type { AppDeps } from '../../app-deps.js';
import { ruleSetOn } from '../../law/rule-sets.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { workingCalendar } from '../../platform/calendar/store.js';
import { type Clock, recognitionClock, submissionClock } from '../decisions/rules/deadlines.js';
import { type CovenantState, reviewsOf, settingOf, versionsOf } from './repo.js';
import { annulClock, annulmentEligible, reviewDate, sendClock, suspendClock } from './rules/cycle.js';

export type Step = { key: string; params: Record<string, string>; clock?: Clock };

export async function stepsOf(deps: AppDeps, s: CovenantState, today: string): Promise<Step[]> {
  const cal = await workingCalendar(deps);
  const c = s.covenant;
  const out: Step[] = [];
  const add = (key: string, params: Record<string, string>, clock?: Clock) => out.push({ key, params, clock });
  if (c.origin === 'transitional')
    add('transitional', { adopted: c.adopted_on ?? '', recognised: c.recognised_on ?? '', number: c.recognition_number ? `(${c.recognition_number})` : '' });
  else add('proposed', { date: todayInVietnam(new Date(c.created_at)) });
  if (s.consultation?.opens_on && s.consultation.closes_on) {
    add('posted', { from: s.consultation.opens_on, to: s.consultation.closes_on });
    if (s.matter?.vote_not_before) add('voteFrom', { date: s.matter.vote_not_before });
  }
  const v = s.vote;
  if (v && v.status !== 'annulled') {
    add('vote', { date: v.vote_date });
    const rs = ruleSetOn(v.vote_date < '2023-07-01' ? '2023-07-01' : v.vote_date);
    if (v.outcome === 'adopted' && v.status !== 'scheduled' && v.status !== 'counted') {
      const closedOn = v.form !== 'meeting' && v.closes_at ? todayInVietnam(new Date(v.closes_at)) : v.vote_date;
      const dossier = submissionClock(closedOn, v.submitted_on, today, rs, cal);
      add(v.submitted_on ? 'submitted' : 'dossier', { date: v.submitted_on ?? '', due: dossier.due }, dossier);
      if (v.submitted_on) {
        const decided = v.status === 'recognised' || v.status === 'refused' ? v.recognised_on : null;
        const rc = recognitionClock(v.submitted_on, decided, today, rs, cal);
        if (v.status === 'recognised') add('recognised', { date: v.recognised_on ?? '' }, rc);
        else if (v.status === 'refused') add('refused', { date: v.recognised_on ?? '', reason: v.refusal_reason ?? '' }, rc);
        else add('decisionDue', { due: rc.due }, rc);
      }
    }
  }
  if (s.inForceFrom && c.origin === 'proposed') {
    const sc = sendClock(s.inForceFrom, c.sent_on, today, cal);
    add(c.sent_on ? 'sent' : 'sendDue', { date: c.sent_on ?? '', due: sc.due }, sc);
  }
  if (c.published_on) add('published', { date: c.published_on, channels: (JSON.parse(c.channels) as string[]).join(', ') });
  if (c.replaces_id) add('replaces', { title: `#${c.replaces_id}` });
  if (c.report_received_on) {
    add('report', { date: c.report_received_on, text: c.report_text ?? '' });
    const acted = c.suspended_on ?? c.answered_on ?? c.annulled_on;
    const sus = suspendClock(c.report_received_on, acted, today, cal);
    const ann = annulClock(c.report_received_on, c.annulled_on ?? c.answered_on, today, cal);
    add('suspendDue', { due: sus.due, due2: ann.due }, c.annulled_on ? ann : sus);
  }
  if (c.suspended_on) add('suspended', { date: c.suspended_on, deadline: c.suspension_deadline ?? '', reason: c.suspension_reason ?? '' });
  if (annulmentEligible(c, today) && !c.annulled_on) add('eligible', {});
  if (c.corrected_on) add('corrected', { date: c.corrected_on, reason: c.answer_text ?? '' });
  else if (c.answered_on && !c.annulled_on) add('answered', { date: c.answered_on, reason: c.answer_text ?? '' });
  if (c.annulled_on) add('annulled', { date: c.annulled_on, reason: c.annul_reason ?? '' });
  if (s.replacedBy) add('replacedBy', { title: s.replacedBy.title });
  return out;
}

/** Everything the covenant page and the API show. */
export async function covenantRecord(deps: AppDeps, s: CovenantState, today: string) {
  const [versions, reviews, setting, steps] = await Promise.all([
    versionsOf(deps.db, s.covenant.id),
    reviewsOf(deps.db, s.covenant.id),
    settingOf(deps.db, s.covenant.unit_id),
    stepsOf(deps, s, today),
  ]);
  const year = Number(today.slice(0, 4));
  return {
    ...s,
    versions,
    reviews,
    setting,
    steps,
    reviewDue: reviewDate(year, setting.reviewDay),
    team: JSON.parse(s.covenant.team) as { name: string; role: string; elder: boolean; speaker: boolean }[],
  };
}
export type CovenantRecord = Awaited<ReturnType<typeof covenantRecord>>;

/** Residents see a covenant once its draft is posted for comments, and every pre-2023 one. */
export const isPublic = (s: CovenantState): boolean => !['initiative', 'drafting'].includes(s.status);
