// Pages and forms of village covenants (Decree 61/2023). Each POST runs one command; a failed form
// comes back with what was typed and the message next to the field (as decisions' pages do).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { DOCX_MIME } from '../../platform/docs/decree30.js';
import { NotFound } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/files/store.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field, fields } from '../../platform/http/forms.js';
import type { Failure } from '../../platform/results.js';
import { failTo, idParam, requireActor } from '../decisions/http.js';
import { VILLAGE_LEVELS } from '../units/levels.js';
import { unitById } from '../units/units.repo.js';
import { actOnReport, annulCovenant, enterTransitional, receiveReport, recordPublication } from './commands/commune.js';
import { postForComments, proposeCovenant, readTeam, saveTeam, saveVersion } from './commands/draft.js';
import { recordReview, saveSettings } from './commands/review.js';
import { covenantsPolicy } from './covenants.policy.js';
import { covenantRecord, isPublic } from './present.js';
import { covenantsUnder, findCovenant, settingOf, stateOf } from './repo.js';
import { yearReport } from './report.js';
import { reportDocx, reportXlsx } from './report-files.js';
import { diffVersions } from './rules/diff.js';
import { ProposePage, SettingsPage, TransitionalPage } from './views/forms.js';
import { C } from './views/labels.js';
import { CovenantPage, type DetailModel, ListPage } from './views/pages.js';

const PROPOSE_FIELDS = ['title', 'kind', 'replacesId', 'proposer', 'agreementBy', 'agreementOn', 'initiatorName'];
const TRANSITIONAL_FIELDS = ['title', 'adoptedOn', 'recognisedOn', 'recognitionNumber', 'text', 'history'];
const pick = (b: unknown, names: string[]) => Object.fromEntries(names.map((n) => [n, field(b, n)])) as Record<string, string>;

export function covenantRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const today = () => todayInVietnam(deps.clock.now());
  const unitOf = async (req: FastifyRequest) => {
    const unit = await unitById(db, idParam(req));
    if (!unit) throw new NotFound();
    return { ...unit, isVillage: VILLAGE_LEVELS.includes(unit.level) };
  };
  const villageOf = async (req: FastifyRequest) => {
    const u = await unitOf(req);
    if (!u.isVillage) throw new NotFound();
    return u;
  };
  const inForceOf = async (villageId: number) => {
    const out: { id: number; title: string }[] = [];
    for (const c of await db.selectFrom('covenants').selectAll().where('unit_id', '=', villageId).execute()) {
      const s = await stateOf(db, c, today());
      if (s.status === 'in_force' || s.status === 'suspended') out.push({ id: c.id, title: c.title });
    }
    return out;
  };

  app.get('/units/:id/covenants', async (req, reply) => {
    const unit = await unitOf(req);
    const res = { unitPath: unit.path };
    const managed = covenantsPolicy(req.actor, 'readManaged', res);
    const rows = [];
    for (const c of await covenantsUnder(db, unit)) {
      const s = await stateOf(db, c, today());
      if (!managed && !isPublic(s)) continue;
      rows.push({ id: c.id, title: c.title, village: c.village, status: s.status, inForceFrom: s.inForceFrom, origin: c.origin });
    }
    const commune = !unit.isVillage && covenantsPolicy(req.actor, 'commune', res) ? { year: Number(today().slice(0, 4)) } : undefined;
    return sendPage(
      req,
      reply,
      <ListPage
        view={viewOf(req, deps)}
        unit={unit}
        isVillage={unit.isVillage}
        rows={rows}
        canPropose={unit.isVillage && covenantsPolicy(req.actor, 'draft', res)}
        canEnter={unit.isVillage && covenantsPolicy(req.actor, 'commune', res)}
        canSet={unit.isVillage && covenantsPolicy(req.actor, 'settings', res)}
        commune={commune}
      />,
    );
  });

  app.get('/units/:id/covenants/new', async (req, reply) => {
    requireActor(req);
    const unit = await villageOf(req);
    const values = { ...pick({}, PROPOSE_FIELDS), kind: 'new', proposer: 'leader' };
    return sendPage(req, reply, <ProposePage view={viewOf(req, deps)} unit={unit} values={values} inForce={await inForceOf(unit.id)} />);
  });
  app.post('/units/:id/covenants', async (req, reply) => {
    const actor = requireActor(req);
    const unit = await villageOf(req);
    const v = pick(req.body, PROPOSE_FIELDS);
    const r = await proposeCovenant(deps, req.t, actor, unit.id, v as never);
    if (r.ok) return redirectWithFlash(reply, `/covenants/${r.id}`, C(req.t, 'flash.proposed'));
    if ('errors' in r)
      return sendPage(req, reply, <ProposePage view={viewOf(req, deps)} unit={unit} values={v} errors={r.errors} inForce={await inForceOf(unit.id)} />, 400);
    return failTo(req, reply, `/units/${unit.id}/covenants`, r);
  });

  app.get('/units/:id/covenants/transitional', async (req, reply) => {
    requireActor(req);
    const unit = await villageOf(req);
    return sendPage(req, reply, <TransitionalPage view={viewOf(req, deps)} unit={unit} values={pick({}, TRANSITIONAL_FIELDS)} />);
  });
  app.post('/units/:id/covenants/transitional', async (req, reply) => {
    const actor = requireActor(req);
    const unit = await villageOf(req);
    const v = pick(req.body, TRANSITIONAL_FIELDS);
    const r = await enterTransitional(deps, req.t, actor, unit.id, v as never);
    if (r.ok) return redirectWithFlash(reply, `/covenants/${r.id}`, C(req.t, 'flash.saved'));
    if ('errors' in r) return sendPage(req, reply, <TransitionalPage view={viewOf(req, deps)} unit={unit} values={v} errors={r.errors} />, 400);
    return failTo(req, reply, `/units/${unit.id}/covenants`, r);
  });

  app.get('/units/:id/covenants/settings', async (req, reply) => {
    requireActor(req);
    const unit = await villageOf(req);
    const s = await settingOf(db, unit.id);
    const values = {
      ethnicMinority: s.ethnicMinority ? '1' : '',
      ethnicLanguage: s.ethnicLanguage ?? '',
      reviewDay: `${s.reviewDay.slice(3)}/${s.reviewDay.slice(0, 2)}`,
    };
    return sendPage(req, reply, <SettingsPage view={viewOf(req, deps)} unit={unit} values={values} />);
  });
  app.post('/units/:id/covenants/settings', async (req, reply) => {
    const actor = requireActor(req);
    const unit = await villageOf(req);
    const v = pick(req.body, ['ethnicMinority', 'ethnicLanguage', 'reviewDay']);
    const r = await saveSettings(deps, req.t, actor, unit.id, v as never);
    if (r.ok) return redirectWithFlash(reply, `/units/${unit.id}/covenants`, C(req.t, 'flash.saved'));
    if ('errors' in r) return sendPage(req, reply, <SettingsPage view={viewOf(req, deps)} unit={unit} values={v} errors={r.errors} />, 400);
    return failTo(req, reply, `/units/${unit.id}/covenants`, r);
  });

  async function detail(req: FastifyRequest, id: number, form?: DetailModel['form']): Promise<DetailModel> {
    const c = await findCovenant(db, id);
    if (!c) throw new NotFound();
    const village = await unitById(db, c.unit_id);
    if (!village) throw new NotFound();
    const res = { unitPath: village.path };
    const s = await stateOf(db, c, today());
    const managed = covenantsPolicy(req.actor, 'readManaged', res);
    if (!managed && !isPublic(s)) throw new NotFound();
    const r = await covenantRecord(deps, s, today());
    const q = req.query as { v?: string; compare?: string };
    const shown = Number(q.v) || (r.versions.at(-1)?.number ?? 0);
    const cmp = Number(q.compare);
    const a = r.versions.find((x) => x.number === cmp);
    const b = r.versions.find((x) => x.number === shown);
    const diff = a && b && a !== b ? { a: a.number, b: b.number, parts: diffVersions(a.text, b.text) } : null;
    const can = (x: Parameters<typeof covenantsPolicy>[1]) => covenantsPolicy(req.actor, x, res);
    const manage = { managed, draft: can('draft'), post: can('post'), commune: can('commune'), annul: can('annul'), review: can('review') };
    return { r, village, shown, diff, manage, form };
  }

  app.get('/covenants/:id', async (req, reply) => sendPage(req, reply, <CovenantPage view={viewOf(req, deps)} m={await detail(req, idParam(req))} />));

  // Every form on the covenant page: its command, and the names of the fields it sends back.
  type Run = (req: FastifyRequest, id: number) => Promise<{ ok: true } | Failure>;
  const forms: Record<string, { names: string[]; lists?: string[]; run: Run; flash?: 'posted' }> = {
    team: {
      names: [1, 2, 3, 4, 5, 6].flatMap((i) => [`name_${i}`, `role_${i}`, `elder_${i}`, `speaker_${i}`]),
      run: (req, id) =>
        saveTeam(
          deps,
          req.t,
          requireActor(req),
          id,
          readTeam((n) => field(req.body, n)),
        ),
    },
    version: {
      names: ['text', 'note', 'translationLanguage', 'translationText'],
      run: (req, id) => saveVersion(deps, req.t, requireActor(req), id, pick(req.body, ['text', 'note', 'translationLanguage', 'translationText']) as never),
    },
    post: { names: ['days'], run: (req, id) => postForComments(deps, req.t, requireActor(req), id, { days: field(req.body, 'days') }), flash: 'posted' },
    publication: {
      names: ['sentOn', 'publishedOn'],
      lists: ['channels'],
      run: (req, id) =>
        recordPublication(deps, req.t, requireActor(req), id, {
          sentOn: field(req.body, 'sentOn'),
          publishedOn: field(req.body, 'publishedOn'),
          channels: fields(req.body, 'channels'),
        }),
    },
    report: {
      names: ['receivedOn', 'text'],
      run: (req, id) => receiveReport(deps, req.t, requireActor(req), id, pick(req.body, ['receivedOn', 'text']) as never),
    },
    act: {
      names: ['decision', 'on', 'reason', 'deadline'],
      run: (req, id) => actOnReport(deps, req.t, requireActor(req), id, pick(req.body, ['decision', 'on', 'reason', 'deadline']) as never),
    },
    annul: { names: ['on', 'reason'], run: (req, id) => annulCovenant(deps, req.t, requireActor(req), id, pick(req.body, ['on', 'reason']) as never) },
    review: {
      names: ['heldOn', 'outcome', 'note'],
      run: (req, id) => recordReview(deps, req.t, requireActor(req), id, pick(req.body, ['heldOn', 'outcome', 'note']) as never),
    },
  };
  for (const [name, f] of Object.entries(forms)) {
    const url = name === 'version' ? '/covenants/:id/versions' : `/covenants/:id/${name}`;
    app.post(url, async (req, reply: FastifyReply) => {
      requireActor(req);
      const id = idParam(req);
      const r = await f.run(req, id);
      if (r.ok) return redirectWithFlash(reply, `/covenants/${id}`, C(req.t, `flash.${f.flash ?? 'saved'}`));
      if ('errors' in r) {
        const values: Record<string, string | string[]> = pick(req.body, f.names);
        for (const l of f.lists ?? []) values[l] = fields(req.body, l);
        return sendPage(req, reply, <CovenantPage view={viewOf(req, deps)} m={await detail(req, id, { name, values, errors: r.errors })} />, 400);
      }
      return failTo(req, reply, `/covenants/${id}`, r);
    });
  }

  // R-E6 (Art 16): the commune's yearly figures, Word and Excel.
  for (const ext of ['docx', 'xlsx'] as const)
    app.get(`/units/:id/covenants/report.${ext}`, async (req, reply) => {
      requireActor(req);
      const unit = await unitOf(req);
      if (unit.isVillage) throw new NotFound();
      if (!covenantsPolicy(req.actor, 'commune', { unitPath: unit.path })) return failTo(req, reply, '/', { ok: false, reason: 'forbidden' });
      const y = Number((req.query as { year?: string }).year);
      const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : Number(today().slice(0, 4));
      const rep = await yearReport(deps, unit, year, today());
      const m = { communeName: unit.name, year, today: today(), ...rep };
      const bytes = ext === 'docx' ? await reportDocx(m) : await reportXlsx(m);
      return reply
        .type(ext === 'docx' ? DOCX_MIME : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`Báo cáo hương ước năm ${year}.${ext}`, false))
        .header('cache-control', 'no-store')
        .send(bytes);
    });
}
