// Public pages (issue 6 item 8): a commune's consultations, the draft page with its comments, the
// synthesis and its Word file, the draft's files; and the residents' comment and agree/disagree
// forms (item 2). Agency consultations are read by that agency's staff only (Art 53).
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { DOCX_MIME } from '../../platform/docs/decree30.js';
import { Conflict, Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { contentDisposition, filePath } from '../../platform/files/store.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field } from '../../platform/http/forms.js';
import { idOr404 } from '../../platform/http/ids.js';
import { communeOf } from '../disclosure/context.js';
import { addComment, type CommentInput, setStance } from './commands/comment.js';
import type { Result } from './commands/common.js';
import { consultationPolicy } from './consultation.policy.js';
import * as repo from './consultation.repo.js';
import { readable, sendDetail, synthesisGroups } from './pages.js';
import { daysLeft } from './rules/period.js';
import { synthesisDocx, synthesisFilename } from './synthesis-docx.js';
import { ConsultationListPage, type ListItem } from './views/list.js';

type P = Record<string, string>;

/** Expected failures that are not a form's field errors. */
export function failWith(r: Exclude<Result, { ok: true } | { errors: unknown }>): never {
  if (r.reason === 'not_found') throw new NotFound();
  if (r.reason === 'forbidden') throw new Forbidden();
  throw new Conflict('wrong_state');
}

export function requireActor(req: FastifyRequest) {
  if (!req.actor) throw new Unauthenticated();
  return req.actor;
}

export function consultationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  async function listPage(unitId: number, agencyId: number | null) {
    const today = todayInVietnam(deps.clock.now());
    const item = (r: Awaited<ReturnType<typeof repo.listFor>>[number]): ListItem => ({
      ...r,
      daysLeft: r.closes_on ? daysLeft(r.closes_on, today) : 0,
      synthesis: !!r.synthesis_published_at,
    });
    const rows = await repo.listFor(db, { unitId, agencyId, statuses: ['draft', 'open', 'closed', 'issued'] });
    return {
      open: rows.filter((r) => r.status === 'open').map(item),
      closed: rows.filter((r) => r.status === 'closed' || r.status === 'issued').map(item),
      drafts: rows.filter((r) => r.status === 'draft').map(item),
    };
  }

  app.get('/units/:id/consultations', async (req, reply) => {
    const unit = await communeOf(deps, idOr404((req.params as P).id));
    const res = { unitPath: unit.path };
    const prepare = consultationPolicy(req.actor, 'prepare', res);
    const l = await listPage(unit.id, null);
    const t = req.t;
    return sendPage(
      req,
      reply,
      <ConsultationListPage
        view={viewOf(req, deps)}
        m={{
          title: t('consultation.list.title', { unit: unit.name }),
          place: { href: `/units/${unit.id}`, name: unit.name },
          newHref: prepare ? `/units/${unit.id}/consultations/new` : null,
          ...l,
          drafts: prepare || consultationPolicy(req.actor, 'readDrafts', res) ? l.drafts : null,
        }}
      />,
    );
  });

  app.get('/agencies/:id/consultations', async (req, reply) => {
    const a = await db
      .selectFrom('agencies as a')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .select(['a.id', 'a.name', 'a.unit_id', 'u.path'])
      .where('a.id', '=', idOr404((req.params as P).id))
      .executeTakeFirst();
    if (!a) throw new NotFound();
    const res = { unitPath: a.path, agencyId: a.id };
    if (!consultationPolicy(req.actor, 'readAgency', res)) throw req.actor ? new Forbidden() : new Unauthenticated();
    const prepare = consultationPolicy(req.actor, 'prepareAgency', res);
    const l = await listPage(a.unit_id, a.id);
    return sendPage(
      req,
      reply,
      <ConsultationListPage
        view={viewOf(req, deps)}
        m={{
          title: req.t('consultation.list.titleAgency', { agency: a.name }),
          place: { href: `/units/${a.unit_id}`, name: a.name },
          newHref: prepare ? `/agencies/${a.id}/consultations/new` : null,
          ...l,
          drafts: prepare ? l.drafts : null,
        }}
      />,
    );
  });

  app.get('/consultations/:id', (req, reply) => sendDetail(req, reply, deps, idOr404((req.params as P).id)));

  app.get('/consultations/:id/files/:fileId', async (req, reply) => {
    const { c } = await readable(req, deps, idOr404((req.params as P).id));
    const f = await db
      .selectFrom('consultation_attachments as a')
      .innerJoin('files as f', 'f.id', 'a.file_id')
      .selectAll('f')
      .where('a.consultation_id', '=', c.id)
      .where('f.id', '=', idOr404((req.params as P).fileId))
      .executeTakeFirst();
    if (!f) throw new NotFound();
    const inline = f.mime === 'application/pdf' || f.mime.startsWith('image/');
    return reply
      .type(f.mime)
      .header('content-disposition', contentDisposition(f.filename, inline))
      .header('content-security-policy', 'sandbox; default-src none')
      .header('cache-control', 'private, max-age=3600')
      .send(createReadStream(filePath(deps.config.filesDir, f.sha256)));
  });

  app.get('/consultations/:id/synthesis.docx', async (req, reply) => {
    const { c } = await readable(req, deps, idOr404((req.params as P).id));
    if (!c.synthesis_published_at || !c.opens_on || !c.closes_on) throw new NotFound();
    const groups = await synthesisGroups(deps, c.id, 'Ý kiến chung về toàn bộ dự thảo');
    const buf = await synthesisDocx({
      issuer: c.scope === 'agency' ? [(c.agency_name ?? '').toUpperCase()] : ['ỦY BAN NHÂN DÂN', c.unit_name.toUpperCase()],
      unitName: c.unit_name,
      title: c.title,
      opensOn: c.opens_on,
      closesOn: c.closes_on,
      total: groups.reduce((n, g) => n + g.comments, 0),
      synthesisText: c.synthesis_text ?? '',
      majorityExplanation: c.majority_explanation,
      groups: groups
        .filter((g) => g.comments > 0 || g.agree + g.disagree > 0 || g.response)
        .map((g) => ({
          title: g.title,
          comments: g.comments,
          agree: g.agree,
          disagree: g.disagree,
          answer: g.response?.answer ?? null,
          summary: g.response?.summary ?? '',
          explanation: g.response?.explanation ?? '',
        })),
      today: todayInVietnam(deps.clock.now()),
      agency: c.scope === 'agency',
    });
    return reply
      .type(DOCX_MIME)
      .header('content-disposition', contentDisposition(synthesisFilename(c.id), false))
      .send(buf);
  });

  const readComment = (body: unknown): CommentInput => ({
    article: field(body, 'article'),
    body: field(body, 'body'),
    stance: field(body, 'stance'),
    channel: field(body, 'channel'),
    authorName: field(body, 'authorName'),
    organisation: field(body, 'organisation'),
  });

  app.post('/consultations/:id/comments', async (req, reply) => {
    const actor = requireActor(req);
    const id = idOr404((req.params as P).id);
    const input = readComment(req.body);
    const r = await addComment(deps, req.t, actor, id, input);
    if (r.ok) return redirectWithFlash(reply, `/consultations/${id}${input.channel ? '' : '?mine=1'}#c-${r.id}`, req.t('consultation.flash.commented'));
    if ('errors' in r) return sendDetail(req, reply, deps, id, { form: input, errors: r.errors }, 422);
    return failWith(r);
  });

  app.post('/consultations/:id/stance', async (req, reply) => {
    const actor = requireActor(req);
    const id = idOr404((req.params as P).id);
    const article = field(req.body, 'article');
    const r = await setStance(deps, req.t, actor, id, article, field(req.body, 'stance'));
    if (r.ok) return redirectWithFlash(reply, `/consultations/${id}#a-${article}`, req.t('consultation.flash.stance'));
    if ('errors' in r) return sendDetail(req, reply, deps, id, { errors: r.errors }, 422);
    return failWith(r);
  });
}
