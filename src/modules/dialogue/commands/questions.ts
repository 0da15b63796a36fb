// Questions to a dialogue (Law 10/2022 Art 32; Art 59(1)(b) in an agency): asked online before the
// conference by a resident, signed in or not (a name to show is optional: a citizen expects to be
// able to ask without being named), or entered by an official with the channel it came by; answered
// during or after the conference, by a named official; abusive ones hidden with a reason, never deleted.
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { FieldErrors } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import { enqueue } from '../../../platform/notify/outbox.js';
import { expectUpdated, type Failure, invalid, orStale } from '../../../platform/results.js';
import type { DialogueQuestion } from '../tables.js';
import { readText } from './dialogue.js';
import { type DialogueCtx, loadDialogue, mayDialogue } from './load.js';

/** Channels an official records a question from (the conference floor, letters, the box, the phone ...). */
export const RECORD_CHANNELS = ['at_conference', 'letter', 'suggestion_box', 'hotline', 'walk_in', 'village_meeting', 'social_network'] as const;
export type QuestionInput = { text: string; name: string; channel?: string };

/** Open to online questions until the conference begins, and only while it is scheduled. */
export const openForQuestions = (d: { status: string; starts_at: string }, now: Date): boolean => d.status === 'scheduled' && now.toISOString() < d.starts_at;

export async function askQuestion(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  id: number,
  input: QuestionInput,
  mode: 'online' | 'record',
): Promise<{ ok: true; questionId: number } | Failure> {
  const ctx = await loadDialogue(deps.db, id);
  if (!ctx) return { ok: false, reason: 'not_found' };
  if (!mayDialogue(actor, ctx, mode === 'online' ? 'ask' : 'manage')) return { ok: false, reason: 'forbidden' };
  const now = deps.clock.now();
  const e: FieldErrors = {};
  if (mode === 'online' && !openForQuestions(ctx.d, now)) return invalid({ text: t('dialogue.err.questionsClosed') });
  if (mode === 'record' && ctx.d.minutes_published_at) return invalid({ text: t('dialogue.err.minutesClosed') });
  const text = readText(t, e, 'text', input.text, { required: 'dialogue.err.questionEmpty', max: 2000 });
  const name = readText(t, e, 'name', input.name, { max: 100 });
  let channel: string;
  if (mode === 'record') {
    channel = input.channel ?? '';
    if (!(RECORD_CHANNELS as readonly string[]).includes(channel)) e.channel = t('dialogue.err.channelRequired');
  } else channel = ctx.d.agency_id ? 'staff' : actor?.userKind === 'resident' ? 'resident' : 'web';
  if (Object.keys(e).length) return invalid(e);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('dialogue_questions')
      .values({
        dialogue_id: id,
        text,
        asker_name: name || null,
        // The account is kept (one asker, one follow-up) but never shown; officials' entries keep who entered them.
        asker_user_id: mode === 'online' ? (actor?.userId ?? null) : null,
        channel,
        entered_by: mode === 'record' ? (actor?.label ?? null) : null,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: mode === 'online' ? 'dialogue.question_asked' : 'dialogue.question_recorded',
      entityType: 'dialogue',
      entityId: id,
      unitId: ctx.d.unit_id,
      data: { questionId: row.id, channel },
    });
    return { ok: true as const, questionId: row.id };
  });
}

type QuestionCtx = { q: DialogueQuestion; ctx: DialogueCtx };
async function questionCtx(deps: AppDeps, actor: Actor, questionId: number): Promise<QuestionCtx | Failure> {
  const q = await deps.db.selectFrom('dialogue_questions').selectAll().where('id', '=', questionId).executeTakeFirst();
  const ctx = q && (await loadDialogue(deps.db, q.dialogue_id));
  if (!q || !ctx) return { ok: false, reason: 'not_found' };
  if (!mayDialogue(actor, ctx, 'manage')) return { ok: false, reason: 'forbidden' };
  return { q, ctx };
}

/** An answer, during the conference or after it, recorded with who answered. Once given it stands (a
 * later correction is a new answer in the minutes, not a silent edit). */
export async function answerQuestion(
  deps: AppDeps,
  t: T,
  actor: Actor,
  questionId: number,
  input: { answer: string },
): Promise<{ ok: true; dialogueId: number } | Failure> {
  const r = await questionCtx(deps, actor, questionId);
  if ('ok' in r) return r;
  const e: FieldErrors = {};
  if (r.q.hidden_reason) return invalid({ answer: t('dialogue.err.hiddenQuestion') });
  if (r.q.answer !== null) return invalid({ answer: t('dialogue.err.alreadyAnswered') });
  const answer = readText(t, e, 'answer', input.answer, { required: 'dialogue.err.answerEmpty', max: 10_000 });
  if (Object.keys(e).length) return invalid(e);
  const now = deps.clock.now();
  return orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      expectUpdated(
        await trx
          .updateTable('dialogue_questions')
          .set({ answer, answered_by: actor.label, answered_by_user_id: actor.userId, answered_at: now.toISOString() })
          .where('id', '=', questionId)
          .where('answer', 'is', null)
          .executeTakeFirst(),
      );
      await appendAudit(trx, deps.dialect, now, actor, {
        action: 'dialogue.question_answered',
        entityType: 'dialogue',
        entityId: r.ctx.d.id,
        unitId: r.ctx.d.unit_id,
        data: { questionId, duringConference: r.ctx.d.status === 'scheduled' },
      });
      // A resident who asked signed in is told in the app, as they would expect; an anonymous asker reads the page.
      if (r.q.asker_user_id) {
        const params = { title: t('dialogue.notice.answered'), body: r.ctx.d.topic, link: `${deps.config.publicUrl}/dialogues/${r.ctx.d.id}#q-${questionId}` };
        await enqueue(trx, { channel: 'in_app', recipient: String(r.q.asker_user_id), template: 'notice', params }, now);
      }
      return { ok: true as const, dialogueId: r.ctx.d.id };
    }),
  );
}

/** Abusive content or personal data of others: hidden from the public with a reason, kept in the record. */
export async function hideQuestion(
  deps: AppDeps,
  t: T,
  actor: Actor,
  questionId: number,
  input: { reason: string },
): Promise<{ ok: true; dialogueId: number } | Failure> {
  const r = await questionCtx(deps, actor, questionId);
  if ('ok' in r) return r;
  const e: FieldErrors = {};
  const reason = readText(t, e, 'reason', input.reason, { required: 'dialogue.err.hideReason', max: 500 });
  if (Object.keys(e).length) return invalid(e);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('dialogue_questions').set({ hidden_reason: reason }).where('id', '=', questionId).execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'dialogue.question_hidden',
      entityType: 'dialogue',
      entityId: r.ctx.d.id,
      unitId: r.ctx.d.unit_id,
      data: { questionId, reason },
    });
    return { ok: true as const, dialogueId: r.ctx.d.id };
  });
}
