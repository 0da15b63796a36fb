// Officials' pages: prepare and edit a consultation, open it, answer and publish the synthesis,
// close, record affected persons (R-D3) and the union's opinion (Art 55(2)), mark issued, and
// moderate comments. Each POST runs one command (one transaction, audited).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Actor } from '../../platform/auth/policy.js';
import { Conflict, Forbidden, NotFound } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field, fields, files } from '../../platform/http/forms.js';
import { idOr404 } from '../../platform/http/ids.js';
import { formatDate, type T } from '../../platform/i18n/index.js';
import { saveDraft } from '../disclosure/commands/save-draft.js';
import { communeOf, targetFor, villagesOf } from '../disclosure/context.js';
import { disclosurePolicy } from '../disclosure/disclosure.policy.js';
import { addAffected, recordUnionOpinion } from './commands/adverse.js';
import { moderateComment } from './commands/comment.js';
import type { Result } from './commands/common.js';
import { closeConsultation, markIssued, openConsultation } from './commands/lifecycle.js';
import { type ConsultationInput, saveConsultation, type Target } from './commands/save.js';
import { publishSynthesis, saveResponse } from './commands/synthesis.js';
import { consultationPolicy } from './consultation.policy.js';
import * as repo from './consultation.repo.js';
import { readable, sendDetail, sendSynthesis } from './pages.js';
import { failWith, requireActor } from './routes.js';
import { ConsultationFormPage, emptyInput } from './views/form.js';
import { ModerationPage } from './views/moderate.js';

type P = Record<string, string>;

function readInput(body: unknown): ConsultationInput {
  const f = (k: keyof ConsultationInput) => field(body, k);
  return {
    title: f('title'),
    matter: f('matter'),
    summary: f('summary'),
    draftText: f('draftText'),
    audience: f('audience') || 'all',
    villageIds: fields(body, 'villageIds'),
    periodDays: f('periodDays'),
    shortPeriodLaw: f('shortPeriodLaw'),
    planContent: f('planContent'),
    planForms: fields(body, 'planForms'),
    planTimeline: f('planTimeline'),
    planResponsible: f('planResponsible'),
    planSentOn: f('planSentOn'),
  };
}

/** Where a new consultation goes, and whether the actor may prepare one there. */
async function placeFor(deps: AppDeps, actor: Actor, kind: 'units' | 'agencies', id: number) {
  if (kind === 'units') {
    const unit = await communeOf(deps, id);
    if (!consultationPolicy(actor, 'prepare', { unitPath: unit.path })) throw new Forbidden();
    const villages = await villagesOf(deps, unit);
    const target: Target = { unitId: unit.id, scope: 'commune', agencyId: null, villageIds: new Set(villages.map((v) => v.id)) };
    return { target, villages, place: { href: `/units/${unit.id}/consultations`, name: unit.name } };
  }
  const a = await deps.db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.name', 'a.unit_id', 'u.path'])
    .where('a.id', '=', id || 0)
    .executeTakeFirst();
  if (!a) throw new NotFound();
  if (!consultationPolicy(actor, 'prepareAgency', { unitPath: a.path, agencyId: a.id })) throw new Forbidden();
  const target: Target = { unitId: a.unit_id, scope: 'agency', agencyId: a.id, villageIds: new Set() };
  return { target, villages: [], place: { href: `/agencies/${a.id}/consultations`, name: a.name } };
}

export function manageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const form = (
    req: FastifyRequest,
    reply: FastifyReply,
    p: Awaited<ReturnType<typeof placeFor>>,
    action: string,
    heading: string,
    values: ConsultationInput,
    errors?: Record<string, string>,
  ) =>
    sendPage(
      req,
      reply,
      <ConsultationFormPage view={viewOf(req, deps)} m={{ heading, action, scope: p.target.scope, place: p.place, villages: p.villages, values, errors }} />,
      errors ? 422 : 200,
    );

  for (const kind of ['units', 'agencies'] as const) {
    app.get(`/${kind}/:id/consultations/new`, async (req, reply) => {
      const p = await placeFor(deps, requireActor(req), kind, idOr404((req.params as P).id));
      return form(req, reply, p, `/${kind}/${(req.params as P).id}/consultations`, req.t('consultation.heading.new'), emptyInput());
    });
    app.post(`/${kind}/:id/consultations`, async (req, reply) => {
      const actor = requireActor(req);
      const p = await placeFor(deps, actor, kind, idOr404((req.params as P).id));
      const input = readInput(req.body);
      const r = await saveConsultation(deps, req.t, actor, p.target, input, files(req.body, 'files'));
      if (r.ok) return redirectWithFlash(reply, `/consultations/${r.id}`, req.t('consultation.flash.saved'));
      if ('errors' in r) return form(req, reply, p, `/${kind}/${(req.params as P).id}/consultations`, req.t('consultation.heading.new'), input, r.errors);
      return failWith(r);
    });
  }

  async function editable(req: FastifyRequest) {
    const actor = requireActor(req);
    const { c } = await readable(req, deps, idOr404((req.params as P).id));
    const p = await placeFor(deps, actor, c.scope === 'agency' ? 'agencies' : 'units', c.scope === 'agency' ? c.agency_id! : c.unit_id);
    return { actor, c, p };
  }
  app.get('/consultations/:id/edit', async (req, reply) => {
    const { c, p } = await editable(req);
    const villages = await repo.villagesOf(deps.db, c.id);
    const values: ConsultationInput = {
      title: c.title,
      matter: c.matter,
      summary: c.summary,
      draftText: c.draft_text,
      audience: c.audience,
      villageIds: villages.map((v) => String(v.id)),
      periodDays: String(c.period_days),
      shortPeriodLaw: c.short_period_law ?? '',
      planContent: c.plan_content,
      planForms: JSON.parse(c.plan_forms) as string[],
      planTimeline: c.plan_timeline,
      planResponsible: c.plan_responsible,
      planSentOn: c.plan_sent_on ? formatDate(c.plan_sent_on) : '',
    };
    return form(req, reply, p, `/consultations/${c.id}/edit`, req.t('consultation.heading.edit'), values);
  });
  app.post('/consultations/:id/edit', async (req, reply) => {
    const { actor, c, p } = await editable(req);
    const input = readInput(req.body);
    const r = await saveConsultation(deps, req.t, actor, p.target, input, files(req.body, 'files'), c.id);
    if (r.ok) return redirectWithFlash(reply, `/consultations/${c.id}`, req.t('consultation.flash.saved'));
    if ('errors' in r) return form(req, reply, p, `/consultations/${c.id}/edit`, req.t('consultation.heading.edit'), input, r.errors);
    return failWith(r);
  });

  /** A POST on the draft page: run the command, then back to the page with a flash, or the page with errors. */
  function detailAction(path: string, flash: Parameters<T>[0], run: (req: FastifyRequest, actor: Actor, id: number) => Promise<Result>, keep: string[] = []) {
    app.post(`/consultations/:id/${path}`, async (req, reply) => {
      const actor = requireActor(req);
      const id = idOr404((req.params as P).id);
      const r = await run(req, actor, id);
      if (r.ok) return redirectWithFlash(reply, `/consultations/${id}`, req.t(flash));
      if ('errors' in r)
        return sendDetail(req, reply, deps, id, { errors: r.errors, values: Object.fromEntries(keep.map((k) => [k, field(req.body, k)])) }, 422);
      return failWith(r);
    });
  }
  detailAction('open', 'consultation.flash.opened', (req, a, id) => openConsultation(deps, req.t, a, id));
  detailAction('close', 'consultation.flash.closed', (req, a, id) => closeConsultation(deps, req.t, a, id));
  detailAction(
    'issue',
    'consultation.flash.issued',
    (req, a, id) => markIssued(deps, req.t, a, id, { number: field(req.body, 'issuedNumber'), date: field(req.body, 'issuedOn') }),
    ['issuedNumber', 'issuedOn'],
  );
  const affectedKeys = ['name', 'notifiedOn', 'noticeMethod', 'views', 'gaveNoViews', 'explanation'];
  detailAction(
    'affected',
    'consultation.flash.affected',
    (req, a, id) =>
      addAffected(deps, req.t, a, id, {
        name: field(req.body, 'name'),
        notifiedOn: field(req.body, 'notifiedOn'),
        noticeMethod: field(req.body, 'noticeMethod'),
        views: field(req.body, 'views'),
        gaveNoViews: field(req.body, 'gaveNoViews') === '1',
        explanation: field(req.body, 'explanation'),
      }),
    affectedKeys,
  );
  detailAction(
    'union',
    'consultation.flash.union',
    (req, a, id) => recordUnionOpinion(deps, req.t, a, id, { date: field(req.body, 'unionDate'), opinion: field(req.body, 'unionOpinion') }),
    ['unionDate', 'unionOpinion'],
  );

  app.get('/consultations/:id/synthesis', (req, reply) => sendSynthesis(req, reply, deps, idOr404((req.params as P).id)));
  for (const [path, keys] of [
    ['responses', ['article', 'answer', 'summary', 'explanation']],
    ['synthesis', ['synthesisText', 'majorityExplanation']],
  ] as const) {
    app.post(`/consultations/:id/${path}`, async (req, reply) => {
      const actor = requireActor(req);
      const id = idOr404((req.params as P).id);
      const v = Object.fromEntries(keys.map((k) => [k, field(req.body, k)])) as Record<string, string>;
      const r =
        path === 'responses'
          ? await saveResponse(deps, req.t, actor, id, { article: v.article!, answer: v.answer!, summary: v.summary!, explanation: v.explanation! })
          : await publishSynthesis(deps, req.t, actor, id, { synthesisText: v.synthesisText!, majorityExplanation: v.majorityExplanation! });
      if (r.ok) {
        const flash = path === 'responses' ? 'consultation.flash.answerSaved' : 'consultation.flash.published';
        return redirectWithFlash(reply, `/consultations/${id}/synthesis${path === 'responses' ? `#g-${v.article || 'general'}` : ''}`, req.t(flash));
      }
      if ('errors' in r) return sendSynthesis(req, reply, deps, id, { errors: r.errors, values: v }, 422);
      return failWith(r);
    });
  }

  // Art 11(11): the synthesis and explanation are also a commune disclosure (group 11). The
  // disclosure module's own command makes the draft; the official sets its posting and publishes it
  // there, under that module's rules (Art 13).
  app.post('/consultations/:id/disclose', async (req, reply) => {
    const actor = requireActor(req);
    const { c, can } = await readable(req, deps, idOr404((req.params as P).id));
    if (c.scope !== 'commune' || !c.synthesis_published_at) throw new NotFound();
    if (!can.prepare || !disclosurePolicy(actor, 'prepare', { unitPath: c.unit_path })) throw new Forbidden();
    const unit = await communeOf(deps, c.unit_id);
    const body = [
      c.synthesis_text ?? '',
      c.majority_explanation ? `${req.t('consultation.synthesis.majorityTitle')}: ${c.majority_explanation}` : '',
      `${req.t('consultation.disclose.link')}: ${deps.config.publicUrl}/consultations/${c.id}/synthesis`,
    ]
      .filter(Boolean)
      .join('\n\n');
    const empty = {
      decisionNumber: '',
      decisionDate: '',
      decisionSigner: '',
      audience: 'all',
      villageIds: [],
      postingStart: '',
      postingEnd: '',
      lateReason: '',
      forms: [],
    };
    const r = await saveDraft(
      deps,
      req.t,
      actor,
      await targetFor(deps, unit, null),
      { ...empty, category: '11', title: `${req.t('consultation.disclose.title')}: ${c.title}`.slice(0, 300), body },
      [],
    );
    if (!r.ok) throw new Conflict('disclosure_draft');
    return redirectWithFlash(reply, `/disclosures/${r.id}`, req.t('consultation.flash.disclosed'));
  });

  async function moderation(req: FastifyRequest, reply: FastifyReply, values: Record<string, string> = {}, errors?: Record<string, string>) {
    const { c, can } = await readable(req, deps, idOr404((req.params as P).id));
    if (!can.prepare) throw new Forbidden();
    const cm = await deps.db
      .selectFrom('consultation_comments')
      .selectAll()
      .where('consultation_id', '=', c.id)
      .where('id', '=', idOr404((req.params as P).cid))
      .executeTakeFirst();
    if (!cm) throw new NotFound();
    return sendPage(req, reply, <ModerationPage view={viewOf(req, deps)} c={c} cm={cm} values={values} errors={errors} />, errors ? 422 : 200);
  }
  app.get('/consultations/:id/comments/:cid/moderate', (req, reply) => moderation(req, reply));
  app.post('/consultations/:id/comments/:cid/moderate', async (req, reply) => {
    const actor = requireActor(req);
    const id = idOr404((req.params as P).id);
    const values = { action: field(req.body, 'action'), reason: field(req.body, 'reason'), publicBody: field(req.body, 'publicBody') };
    const r = await moderateComment(deps, req.t, actor, id, idOr404((req.params as P).cid), values);
    if (r.ok) return redirectWithFlash(reply, `/consultations/${id}#c-${r.id}`, req.t('consultation.flash.moderated'));
    if ('errors' in r) return moderation(req, reply, values, r.errors);
    return failWith(r);
  });
}
