// Officials' pages: prepare, edit, publish, correct, end or withdraw; village heads record relays;
// residents follow a commune or a category. Each POST runs one command (one transaction, audited).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field, fields, files } from '../../platform/http/forms.js';
import { formatDate, type T } from '../../platform/i18n/index.js';
import { closeDisclosure } from './commands/close.js';
import { correctDisclosure } from './commands/correct.js';
import { publishDisclosure } from './commands/publish.js';
import { recordRelay } from './commands/relay.js';
import { type SaveResult, saveDraft } from './commands/save-draft.js';
import type { DraftInput } from './commands/validate.js';
import { abilities, communeOf, targetFor, villagesOf } from './context.js';
import { disclosurePolicy } from './disclosure.policy.js';
import * as repo from './disclosure.repo.js';
import { formsFor } from './forms.js';
import { detailModel, loadVisible } from './routes.js';
import { AGENCY_CATEGORIES, COMMUNE_CATEGORIES } from './rules/categories.js';
import { DisclosureDetailPage } from './views/detail.js';
import { DisclosureFormPage, emptyDraft, type FormModel } from './views/form.js';

type P = Record<string, string>;

function readDraft(body: unknown, scope: 'commune' | 'agency'): DraftInput {
  const checked = new Set(fields(body, 'forms'));
  return {
    category: field(body, 'category'),
    title: field(body, 'title'),
    body: field(body, 'body'),
    decisionNumber: field(body, 'decisionNumber'),
    decisionDate: field(body, 'decisionDate'),
    decisionSigner: field(body, 'decisionSigner'),
    audience: field(body, 'audience'),
    villageIds: fields(body, 'villageIds'),
    postingStart: field(body, 'postingStart'),
    postingEnd: field(body, 'postingEnd'),
    lateReason: field(body, 'lateReason'),
    forms: formsFor(scope)
      .filter((k) => checked.has(k))
      .map((k) => ({ form: k, start: field(body, `${k}_start`), end: field(body, `${k}_end`), detail: field(body, `${k}_detail`) })),
  };
}

function draftFromRow(
  d: NonNullable<Awaited<ReturnType<typeof repo.findDisclosure>>>,
  villages: { id: number }[],
  forms: Awaited<ReturnType<typeof repo.formsOf>>,
): DraftInput {
  return {
    category: String(d.category),
    title: d.title,
    body: d.body,
    decisionNumber: d.decision_number ?? '',
    decisionDate: d.decision_date ? formatDate(d.decision_date) : '',
    decisionSigner: d.decision_signer ?? '',
    audience: d.audience,
    villageIds: villages.map((v) => String(v.id)),
    postingStart: d.posting_start ? formatDate(d.posting_start) : '',
    postingEnd: d.posting_end ? formatDate(d.posting_end) : '',
    lateReason: d.late_reason ?? '',
    forms: forms
      .filter((f) => f.village_id === null)
      .map((f) => ({ form: f.form, start: formatDate(f.start_date), end: f.end_date ? formatDate(f.end_date) : '', detail: f.detail ?? '' })),
  };
}

export function manageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  async function where(req: FastifyRequest, unitId: number, agencyId: number | null) {
    if (!req.actor) throw new Unauthenticated();
    const unit = await communeOf(deps, unitId);
    const can = abilities(req, unit, agencyId);
    if (!can.prepare) throw new Forbidden();
    return { unit, target: await targetFor(deps, unit, agencyId), actor: req.actor };
  }

  async function formPage(
    req: FastifyRequest,
    reply: FastifyReply,
    unit: Unit,
    agencyId: number | null,
    m: Omit<FormModel, 'unit' | 'categories' | 'villages' | 'formKinds' | 'scope'>,
    status = 200,
  ) {
    const scope = agencyId ? 'agency' : 'commune';
    return sendPage(
      req,
      reply,
      <DisclosureFormPage
        view={viewOf(req, deps)}
        m={{
          ...m,
          unit: { id: unit.id, name: unit.name },
          categories: agencyId ? AGENCY_CATEGORIES : COMMUNE_CATEGORIES,
          villages: agencyId ? [] : await villagesOf(deps, unit),
          formKinds: formsFor(scope),
          scope,
        }}
      />,
      status,
    );
  }

  const agencyUnit = async (id: number) => {
    const a = await db.selectFrom('agencies').select(['id', 'unit_id', 'name']).where('id', '=', id).executeTakeFirst();
    if (!a) throw new NotFound();
    return a;
  };

  for (const kind of ['units', 'agencies'] as const) {
    const resolve = async (id: number) => (kind === 'units' ? { unitId: id, agencyId: null } : { unitId: (await agencyUnit(id)).unit_id, agencyId: id });
    app.get(`/${kind}/:id/disclosures/new`, async (req, reply) => {
      const { unitId, agencyId } = await resolve(Number((req.params as P).id));
      const { unit } = await where(req, unitId, agencyId);
      return formPage(req, reply, unit, agencyId, {
        mode: 'new',
        action: `/${kind}/${(req.params as P).id}/disclosures`,
        heading: req.t('disclosure.heading.new'),
        values: emptyDraft(),
      });
    });
    app.post(`/${kind}/:id/disclosures`, async (req, reply) => {
      const { unitId, agencyId } = await resolve(Number((req.params as P).id));
      const { unit, target, actor } = await where(req, unitId, agencyId);
      const input = readDraft(req.body, target.scope);
      const r = await saveDraft(deps, req.t, actor, target, input, files(req.body, 'files'));
      if (r.ok) return redirectWithFlash(reply, `/disclosures/${r.id}`, req.t('disclosure.flash.draftSavedNew'));
      return formPage(
        req,
        reply,
        unit,
        agencyId,
        {
          mode: 'new',
          action: `/${kind}/${(req.params as P).id}/disclosures`,
          heading: req.t('disclosure.heading.new'),
          values: input,
          errors: errorsOf(req.t, r),
        },
        422,
      );
    });
  }

  async function existing(req: FastifyRequest) {
    const d = await repo.findDisclosure(db, Number((req.params as P).id));
    if (!d) throw new NotFound();
    return { d, ...(await where(req, d.unit_id, d.agency_id)) };
  }

  app.get('/disclosures/:id/edit', async (req, reply) => {
    const { d, unit } = await existing(req);
    if (d.status !== 'draft') return reply.redirect(`/disclosures/${d.id}/correct`, 303);
    const values = draftFromRow(d, await repo.villagesOf(db, d.id), await repo.formsOf(db, d.id));
    return formPage(req, reply, unit, d.agency_id, { mode: 'edit', action: `/disclosures/${d.id}/edit`, heading: req.t('disclosure.detail.edit'), values });
  });
  app.post('/disclosures/:id/edit', async (req, reply) => {
    const { d, unit, target, actor } = await existing(req);
    const input = readDraft(req.body, target.scope);
    const r = await saveDraft(deps, req.t, actor, target, input, files(req.body, 'files'), d.id);
    if (r.ok) return redirectWithFlash(reply, `/disclosures/${d.id}`, req.t('disclosure.flash.draftSaved'));
    return formPage(
      req,
      reply,
      unit,
      d.agency_id,
      { mode: 'edit', action: `/disclosures/${d.id}/edit`, heading: req.t('disclosure.detail.edit'), values: input, errors: errorsOf(req.t, r) },
      422,
    );
  });

  app.get('/disclosures/:id/correct', async (req, reply) => {
    const { d, unit } = await existing(req);
    const values = { ...draftFromRow(d, await repo.villagesOf(db, d.id), await repo.formsOf(db, d.id)), changeNote: '' };
    return formPage(req, reply, unit, d.agency_id, {
      mode: 'correct',
      action: `/disclosures/${d.id}/correct`,
      heading: req.t('disclosure.heading.correct', { title: d.title }),
      values,
    });
  });
  app.post('/disclosures/:id/correct', async (req, reply) => {
    const { d, unit, target, actor } = await existing(req);
    const input = readDraft(req.body, target.scope);
    const changeNote = field(req.body, 'changeNote');
    const r = await correctDisclosure(deps, req.t, actor, target, d.id, input, changeNote, files(req.body, 'files'));
    if (r.ok) return redirectWithFlash(reply, `/disclosures/${d.id}`, req.t('disclosure.flash.corrected'));
    return formPage(
      req,
      reply,
      unit,
      d.agency_id,
      {
        mode: 'correct',
        action: `/disclosures/${d.id}/correct`,
        heading: req.t('disclosure.heading.correct', { title: d.title }),
        values: { ...input, changeNote },
        errors: errorsOf(req.t, r),
      },
      422,
    );
  });

  app.post('/disclosures/:id/publish', async (req, reply) => {
    const { d, unit, actor } = await existing(req);
    // Publishing is its own action (the JSON API checks it too): a commune's disclosure is published
    // only by those the policy names, even if the roles that prepare drafts ever differ.
    if (d.agency_id === null && !disclosurePolicy(actor, 'publish', { unitPath: unit.path })) throw new Forbidden();
    const r = await publishDisclosure(deps, actor, d.id, d.unit_id);
    if (!r.ok) return redirectWithFlash(reply, `/disclosures/${d.id}`, req.t('disclosure.flash.alreadyPublished'));
    return redirectWithFlash(reply, `/disclosures/${d.id}`, req.t('disclosure.flash.published'));
  });

  app.post('/disclosures/:id/close', async (req, reply) => {
    const { d, actor } = await existing(req);
    const how = field(req.body, 'how') === 'end' ? 'end' : 'withdraw';
    const r = await closeDisclosure(deps, req.t, actor, d.id, d.unit_id, how, field(req.body, 'reason'));
    if (r.ok) return redirectWithFlash(reply, `/disclosures/${d.id}`, how === 'end' ? req.t('disclosure.flash.ended') : req.t('disclosure.flash.withdrawn'));
    if ('errors' in r) {
      const m = await detailModel(deps, req, d.id);
      return sendPage(req, reply, <DisclosureDetailPage view={viewOf(req, deps)} m={{ ...m, closeErrors: r.errors }} />, 422);
    }
    return redirectWithFlash(reply, `/disclosures/${d.id}`, req.t('disclosure.flash.wrongState'));
  });

  app.post('/disclosures/:id/relay', async (req, reply) => {
    if (!req.actor) throw new Unauthenticated();
    const { d, unit } = await loadVisible(deps, req, Number((req.params as P).id));
    const villages = await villagesOf(deps, unit);
    const village = villages.find((v) => disclosurePolicy(req.actor, 'recordRelay', { unitPath: v.path }) && req.actor?.grants.some((g) => g.unitId === v.id));
    if (!village) throw new Forbidden();
    const r = await recordRelay(deps, req.t, req.actor, d.id, village.id, {
      form: field(req.body, 'form'),
      date: field(req.body, 'date'),
      detail: field(req.body, 'detail'),
    });
    if (r.ok) return redirectWithFlash(reply, `/disclosures/${d.id}`, req.t('disclosure.flash.relayed', { village: village.name }));
    const m = await detailModel(deps, req, d.id);
    return sendPage(req, reply, <DisclosureDetailPage view={viewOf(req, deps)} m={{ ...m, relayErrors: r.errors as Record<string, string> }} />, 422);
  });

  for (const op of ['follow', 'unfollow'] as const) {
    app.post(`/units/:id/${op}`, async (req, reply) => {
      if (!req.actor?.userId) throw new Unauthenticated();
      const unit = await communeOf(deps, Number((req.params as P).id));
      const category = Number(field(req.body, 'category')) || null;
      const userId = req.actor.userId;
      const now = deps.clock.now();
      await db.transaction().execute(async (trx) => {
        const del = trx.deleteFrom('disclosure_follows').where('user_id', '=', userId).where('unit_id', '=', unit.id);
        await (category ? del.where('category', '=', category) : del.where('category', 'is', null)).execute();
        if (op === 'follow')
          await trx.insertInto('disclosure_follows').values({ user_id: userId, unit_id: unit.id, category, created_at: now.toISOString() }).execute();
        await appendAudit(trx, deps.dialect, now, req.actor, {
          action: `disclosure.${op}`,
          entityType: 'user',
          entityId: userId,
          unitId: unit.id,
          data: { category },
        });
      });
      const back = `/units/${unit.id}/disclosures${category ? `?category=${category}` : ''}`;
      return redirectWithFlash(reply, back, op === 'follow' ? req.t('disclosure.flash.followed') : req.t('disclosure.flash.unfollowed'));
    });
  }
}

function errorsOf(t: T, r: SaveResult) {
  if (r.ok) return {};
  if ('errors' in r) return r.errors;
  return { _form: r.reason === 'not_draft' ? t('disclosure.err.notDraft') : t('disclosure.err.notFound') };
}
