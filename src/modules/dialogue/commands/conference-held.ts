// The village's annual community conference as held (Decree 59/2023 Art 11; R-G1): the agenda with the
// three reports (village head, Front work committee, People's Inspection Board member), each as text,
// a file or both, the 05-day notice checked again against the day actually held; then the written
// result report to the commune People's Committee and Front (Art 11(2)).
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { checkUploads, insertFileRow, type Upload, withStoredFiles } from '../../../platform/files/uploads.js';
import { noticeMessage, readCount, readDate } from '../../../platform/http/forms.js';
import type { T } from '../../../platform/i18n/index.js';
import { expectUpdated, type Failure, invalid, orStale } from '../../../platform/results.js';
import { dialoguePolicy } from '../dialogue.policy.js';
import { conferenceNoticeProblem } from '../rules/yearly.js';
import { ruleSetFor } from './conference.js';
import { readText } from './dialogue.js';
import { loadConference } from './load.js';

export const REPORT_PARTS = ['head_report', 'front_report', 'board_report'] as const;
export type HeldConferenceInput = {
  heldOn: string;
  householdsPresent: string;
  secretary: string;
  headReport: string;
  frontReport: string;
  boardReport: string;
  discussion: string;
  explanation: string;
  adopted: string;
  commendations: string;
  conclusion: string;
};
export const emptyHeld = (): HeldConferenceInput => ({
  heldOn: '',
  householdsPresent: '',
  secretary: '',
  headReport: '',
  frontReport: '',
  boardReport: '',
  discussion: '',
  explanation: '',
  adopted: '',
  commendations: '',
  conclusion: '',
});
export type PartUploads = Partial<Record<(typeof REPORT_PARTS)[number] | 'result_report', Upload[]>>;

/** Decree 59 Art 11: the conference as held, along its agenda; each of the three reports as text, a file or both. */
export async function recordConferenceHeld(
  deps: AppDeps,
  t: T,
  actor: Actor,
  id: number,
  input: HeldConferenceInput,
  uploads: PartUploads,
): Promise<{ ok: true } | Failure> {
  const ctx = await loadConference(deps.db, id);
  if (!ctx) return { ok: false, reason: 'not_found' };
  if (!dialoguePolicy(actor, 'runConference', { unitPath: ctx.village.path })) return { ok: false, reason: 'forbidden' };
  if (ctx.c.status !== 'planned') return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  const heldOn = readDate(t, e, 'heldOn', input.heldOn, true);
  if (heldOn && heldOn > todayInVietnam(deps.clock.now())) e.heldOn = t('dialogue.err.heldFuture');
  // A conference moved to another day still needs its 05 days' notice (Decree 59 Art 11(1)(c)).
  if (heldOn && !e.heldOn) {
    const p = conferenceNoticeProblem(heldOn, ctx.c.notice_on, ruleSetFor(heldOn));
    if (p) e.heldOn = noticeMessage(t, p);
    if (Number(heldOn.slice(0, 4)) !== ctx.c.year) e.heldOn = t('dialogue.err.heldOtherYear', { year: ctx.c.year });
  }
  const present = readCount(t, e, 'householdsPresent', input.householdsPresent, true);
  const secretary = readText(t, e, 'secretary', input.secretary, { required: 'dialogue.err.secretaryRequired', max: 200 });
  const text = (name: keyof HeldConferenceInput) => readText(t, e, name, input[name], { max: 20_000 });
  const reports = { head_report: text('headReport'), front_report: text('frontReport'), board_report: text('boardReport') };
  const fieldOf = { head_report: 'headReport', front_report: 'frontReport', board_report: 'boardReport' } as const;
  for (const part of REPORT_PARTS) if (!reports[part] && !uploads[part]?.length) e[fieldOf[part]] = t(`dialogue.err.${fieldOf[part]}Required`);
  const rest = {
    discussion: text('discussion'),
    explanation: text('explanation'),
    adopted: text('adopted'),
    commendations: text('commendations'),
    conclusion: text('conclusion'),
  };
  const checked = checkUploads(
    deps,
    t,
    REPORT_PARTS.flatMap((p) => uploads[p] ?? []),
  );
  if (!checked.ok) Object.assign(e, { headReport: checked.errors.files });
  if (Object.keys(e).length || !heldOn || present === null || !checked.ok) return invalid(e);
  const now = deps.clock.now();
  const tagged = REPORT_PARTS.flatMap((p) => (uploads[p] ?? []).map(() => p));
  return orStale(() =>
    withStoredFiles(deps, checked.files, (stored) =>
      deps.db.transaction().execute(async (trx) => {
        expectUpdated(
          await trx
            .updateTable('village_conferences')
            .set({
              status: 'held',
              held_on: heldOn,
              households_present: present,
              secretary,
              ...Object.fromEntries(Object.entries(reports).map(([k, v]) => [k, v || null])),
              ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v || null])),
              updated_at: now.toISOString(),
            })
            .where('id', '=', id)
            .where('status', '=', 'planned')
            .executeTakeFirst(),
        );
        await attachParts(trx, id, stored, tagged, actor, now);
        await appendAudit(trx, deps.dialect, now, actor, {
          action: 'dialogue.conference_held',
          entityType: 'village_conference',
          entityId: id,
          unitId: ctx.village.id,
          data: { heldOn, householdsPresent: present, files: stored.length },
        });
        return { ok: true as const };
      }),
    ),
  );
}

/** Decree 59 Art 11(2): the written report of the result to the commune People's Committee and Front. */
export async function sendResultReport(
  deps: AppDeps,
  t: T,
  actor: Actor,
  id: number,
  input: { resultReport: string; sentOn: string },
  uploads: Upload[],
): Promise<{ ok: true } | Failure> {
  const ctx = await loadConference(deps.db, id);
  if (!ctx) return { ok: false, reason: 'not_found' };
  if (!dialoguePolicy(actor, 'runConference', { unitPath: ctx.village.path })) return { ok: false, reason: 'forbidden' };
  const e: FieldErrors = {};
  if (ctx.c.status !== 'held') return invalid({ resultReport: t(ctx.c.status === 'planned' ? 'dialogue.err.resultBeforeHeld' : 'dialogue.err.resultSent') });
  const report = readText(t, e, 'resultReport', input.resultReport, { max: 20_000 });
  if (!report && !uploads.length) e.resultReport = t('dialogue.err.resultEmpty');
  const sentOn = readDate(t, e, 'sentOn', input.sentOn, true);
  if (sentOn && sentOn > todayInVietnam(deps.clock.now())) e.sentOn = t('dialogue.err.notFuture');
  if (sentOn && ctx.c.held_on && sentOn < ctx.c.held_on) e.sentOn = t('dialogue.err.sentBeforeHeld');
  const checked = checkUploads(deps, t, uploads);
  if (!checked.ok) e.resultReport = checked.errors.files!;
  if (Object.keys(e).length || !sentOn || !checked.ok) return invalid(e);
  const now = deps.clock.now();
  return orStale(() =>
    withStoredFiles(deps, checked.files, (stored) =>
      deps.db.transaction().execute(async (trx) => {
        expectUpdated(
          await trx
            .updateTable('village_conferences')
            .set({ status: 'reported', result_report: report || null, result_sent_on: sentOn, updated_at: now.toISOString() })
            .where('id', '=', id)
            .where('status', '=', 'held')
            .executeTakeFirst(),
        );
        await attachParts(
          trx,
          id,
          stored,
          stored.map(() => 'result_report' as const),
          actor,
          now,
        );
        await appendAudit(trx, deps.dialect, now, actor, {
          action: 'dialogue.conference_reported',
          entityType: 'village_conference',
          entityId: id,
          unitId: ctx.village.id,
          data: { sentOn },
        });
        return { ok: true as const };
      }),
    ),
  );
}

async function attachParts(
  trx: Conn,
  id: number,
  stored: { file: { sha256: string; size: number; kind: { mime: string } }; filename: string }[],
  parts: ('head_report' | 'front_report' | 'board_report' | 'result_report')[],
  actor: Actor,
  now: Date,
) {
  for (const [i, s] of stored.entries()) {
    const fileId = await insertFileRow(trx, s, actor.userId, now.toISOString());
    await trx.insertInto('village_conference_files').values({ conference_id: id, file_id: fileId, part: parts[i]! }).execute();
  }
}
