// Synthesis and explanation (R-D2; Law 10/2022 Art 28(3)–(4), Art 55(1) in agencies): the official
// answers each group of comments (an article, or the draft as a whole) as accepted, partly accepted
// or not accepted, with the explanation; the synthesis is then published, after the period ended,
// with every group answered and, where the decision departs from the majority, the reason why.
// Residents who commented online are told (Art 29: they follow their comment to its answer).
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { enqueue } from '../../../platform/notify/outbox.js';
import { abilities } from '../consultation.policy.js';
import { groupCounts, responsesOf } from '../consultation.repo.js';
import { ANSWERS, type Answer, synthesisProblems } from '../rules/synthesis.js';
import { loadForUpdate, looksPersonal, type Result } from './common.js';

export type ResponseInput = { article: string; answer: string; summary: string; explanation: string };

export function saveResponse(deps: AppDeps, t: T, actor: Actor, id: number, input: ResponseInput): Promise<Result> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const c = await loadForUpdate(trx, id);
    if (!c) return { ok: false, reason: 'not_found' };
    if (!abilities(actor, c).prepare) return { ok: false, reason: 'forbidden' };
    if (c.status !== 'open' || c.synthesis_published_at) return { ok: false, errors: { answer: t('consultation.err.synthesisFrozen') } };
    const e: FieldErrors = {};
    let articleId: number | null = null;
    if (input.article !== '' && input.article !== 'general') {
      if (!/^\d{1,9}$/.test(input.article)) return { ok: false, reason: 'not_found' };
      const a = await trx
        .selectFrom('consultation_articles')
        .select('id')
        .where('consultation_id', '=', id)
        .where('id', '=', Number(input.article))
        .executeTakeFirst();
      if (!a) return { ok: false, reason: 'not_found' };
      articleId = a.id;
    }
    if (!ANSWERS.includes(input.answer as Answer)) e.answer = t('consultation.err.answer');
    if (!input.summary.trim()) e.summary = t('consultation.err.summary');
    if (!input.explanation.trim()) e.explanation = t('consultation.err.explanation');
    for (const k of ['summary', 'explanation'] as const) if (!e[k] && looksPersonal(input[k])) e[k] = t('consultation.err.personalData');
    if (Object.keys(e).length) return { ok: false, errors: e };
    const values = { answer: input.answer as Answer, summary: input.summary.trim(), explanation: input.explanation.trim(), updated_at: now.toISOString() };
    let q = trx.selectFrom('consultation_responses').select('id').where('consultation_id', '=', id);
    q = articleId === null ? q.where('article_id', 'is', null) : q.where('article_id', '=', articleId);
    const had = await q.executeTakeFirst();
    if (had) await trx.updateTable('consultation_responses').set(values).where('id', '=', had.id).execute();
    else
      await trx
        .insertInto('consultation_responses')
        .values({ ...values, consultation_id: id, article_id: articleId })
        .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'consultation.response_saved',
      entityType: 'consultation',
      entityId: id,
      unitId: c.unit_id,
      data: { articleId, answer: input.answer },
    });
    return { ok: true, id };
  });
}

export type PublishInput = { synthesisText: string; majorityExplanation: string };

export function publishSynthesis(deps: AppDeps, t: T, actor: Actor, id: number, input: PublishInput): Promise<Result> {
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const c = await loadForUpdate(trx, id);
    if (!c) return { ok: false, reason: 'not_found' };
    if (!abilities(actor, c).prepare) return { ok: false, reason: 'forbidden' };
    if (c.status !== 'open' || c.synthesis_published_at) return { ok: false, reason: 'wrong_state' };
    const e: FieldErrors = {};
    if (c.closes_on && today <= c.closes_on) e.synthesisText = t('consultation.err.stillOpen', { date: formatDate(c.closes_on) });
    if (!input.synthesisText.trim()) e.synthesisText ??= t('consultation.err.synthesisText');
    const [counts, responses] = await Promise.all([groupCounts(trx, id), responsesOf(trx, id)]);
    const answers = new Map(responses.map((r) => [r.article_id, r.answer]));
    const keys = new Set([...counts.keys(), ...answers.keys()]);
    const groups = [...keys].map((k) => ({ articleId: k, ...(counts.get(k) ?? { comments: 0, agree: 0, disagree: 0 }), answer: answers.get(k) ?? null }));
    for (const p of synthesisProblems(groups, input.majorityExplanation)) {
      if (p === 'unanswered') e.answers = t('consultation.err.unanswered');
      else e.majorityExplanation = t('consultation.err.majorityExplanation');
    }
    if (Object.keys(e).length) return { ok: false, errors: e };
    await trx
      .updateTable('consultations')
      .set({
        synthesis_text: input.synthesisText.trim(),
        majority_explanation: input.majorityExplanation.trim() || null,
        synthesis_published_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    const authors = await trx
      .selectFrom('consultation_comments')
      .select('author_user_id')
      .distinct()
      .where('consultation_id', '=', id)
      .where('author_user_id', 'is not', null)
      .execute();
    for (const a of authors)
      await enqueue(
        trx,
        {
          channel: 'in_app',
          recipient: String(a.author_user_id),
          template: 'notice',
          params: { title: 'Ý kiến của bạn đã được tổng hợp và trả lời', body: c.title, link: `/consultations/${id}/synthesis` },
        },
        now,
      );
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'consultation.synthesis_published',
      entityType: 'consultation',
      entityId: id,
      unitId: c.unit_id,
      data: { groups: groups.length, departs: !!input.majorityExplanation.trim() },
    });
    return { ok: true, id };
  });
}
