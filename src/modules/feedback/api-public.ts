// Public JSON API of feedback (issue 5 item 10): anyone may send an item (as on the web form, with
// the same rules: R-H1, R-H5; rate-limited per client address) and follow it by tracking code. The
// response of GET never carries the sender's identity, content or place (R-H4): the schema below is
// also the serializer, so a field not listed cannot leak.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { AppError, NotFound, ValidationFailed } from '../../platform/errors.js';
import { endedUnitByCode, unitByCode } from '../units/units.repo.js';
import { receiveFeedback } from './commands/receive.js';
import { emptyFeedbackInput } from './intake-input.js';
import { allowIntake, noteMiss, tooManyMisses, trackData } from './public-data.js';

const S = (maxLength: number, description?: string) => Type.Optional(Type.String({ maxLength, description }));
const Submit = Type.Object({
  commune: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Internal id of the commune' })),
  communeCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$', description: 'Official 5-digit commune code (used when commune is absent)' })),
  kind: Type.String({ description: 'petition | report | complaint | denunciation | question' }),
  category: Type.String({
    description:
      'infrastructure | environment | land | social_policy | administrative_procedure | officials | security_order | health_education | village_affairs | grassroots_democracy | other',
  }),
  title: Type.String({ maxLength: 400 }),
  content: Type.String({ maxLength: 20000 }),
  place: S(600),
  villageId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  name: S(600, 'Needed for a complaint or denunciation; stored sealed, never returned'),
  address: S(600, 'Needed for a complaint or denunciation; stored sealed, never returned'),
  phone: S(40),
  email: S(300),
  idNumber: S(40),
  notifyChannel: S(20, 'none | sms | zalo | email'),
  knownOn: S(20, 'Complaint: the day the decision or act became known (yyyy-mm-dd or dd/mm/yyyy; R-H1)'),
  excludedDays: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 3650, description: 'Complaint: days lost to illness, disaster, travel (Complaints Law Art 9)' }),
  ),
  excludedReason: S(600),
  subject: S(600, 'Denunciation: whom it is about'),
});
const Created = Type.Object({
  code: Type.String(),
  url: Type.String(),
  status: Type.String(),
  receivedOn: Type.String(),
  clock: Type.String(),
  dueOn: Type.String(),
});
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Tracked = Type.Object({
  code: Type.String(),
  commune: Type.Object({ id: Type.Integer(), name: Type.String() }),
  kind: Type.String(),
  category: Nullable(Type.String({ description: 'Null for a denunciation (R-H4)' })),
  channel: Nullable(Type.String({ description: 'Null for a denunciation (R-H4)' })),
  title: Nullable(Type.String({ description: 'Null for a denunciation: its content is confidential (R-H4; Denunciation Law Art 9)' })),
  status: Type.String({ description: 'received | accepted | answered | refused | forwarded | closed' }),
  receivedOn: Type.String(),
  clock: Type.Union([
    Type.Object({ name: Type.String(), due: Type.String(), state: Type.String({ description: 'on_time | due_soon | overdue' }) }),
    Type.Null(),
  ]),
  lateDays: Type.Integer({ description: 'R-H1: days a complaint was past the 90-day limit' }),
  forwardedTo: Nullable(Type.String()),
  refusalReason: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  answeredOn: Nullable(Type.String()),
  rating: Nullable(Type.String()),
  reopenUntil: Nullable(Type.String({ description: 'Petitions, reports and questions only (Law 10/2022 Art 35(2)(b))' })),
  nextStep: Type.Union([
    Type.Object(
      {
        kind: Type.String({ description: 'complaint | denunciation' }),
        from: Type.Optional(Type.String()),
        until: Type.Optional(Type.String({ description: 'Complaint: last day for a second complaint (Complaints Law Art 33: 30 days, 45 remote)' })),
        lapsed: Type.Boolean({ description: 'The resolution deadline passed without a decision' }),
        remote: Type.Optional(Type.Boolean()),
        passed: Type.Optional(Type.Boolean()),
      },
      { description: 'Where a complaint (Complaints Law Art 33) or denunciation (Denunciation Law Art 37) may go next; they are not reopened' },
    ),
    Type.Null(),
  ]),
  events: Type.Array(Type.Object({ at: Type.String(), kind: Type.String(), note: Nullable(Type.String()) })),
  url: Type.String(),
});
const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });

/** 429 as an RFC 9457 problem with a plain Vietnamese (or English) detail and when to try again. */
export function tooManyProblem(req: FastifyRequest, reply: FastifyReply, detail: string) {
  return reply
    .code(429)
    .header('retry-after', '60')
    .type('application/problem+json')
    .send({ type: 'about:blank#too_many_requests', title: 'too_many_requests', status: 429, detail, instance: req.url.split('?')[0], requestId: req.id });
}

export function publicFeedbackApi(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const url = (code: string) => `${deps.config.publicUrl}/feedback/${code}`;

  app.post(
    '/api/v1/feedback',
    {
      schema: {
        summary: 'Send a petition, report, complaint, denunciation or question to a commune (no account needed)',
        description:
          'Same rules as the web form: a commune abolished in a reorganisation is refused (400; the message names its successor); a complaint needs name, address and knownOn (Complaints Law Arts 8, 9); a denunciation without name and address is refused (R-H5) and may be sent as a report. At most INTAKE_PER_MINUTE submissions a minute per client address (429).',
        tags: ['feedback'],
        body: Submit,
        response: { 201: Created },
      },
    },
    async (req, reply) => {
      const b = req.body as Static<typeof Submit>;
      const tooMany = () => tooManyProblem(req, reply, req.t('feedback.intake.err.tooMany'));
      const today = todayInVietnam(deps.clock.now());
      let commune = b.commune ?? (b.communeCode ? (await unitByCode(db, b.communeCode, today))?.id : undefined);
      // A code of a commune abolished in a reorganisation finds it, so that the answer names its successor.
      if (!commune && b.communeCode) commune = (await endedUnitByCode(db, b.communeCode, today))?.id;
      if (!commune) {
        // Nothing to store: the hit counts on its own.
        if (!(await allowIntake(deps, req.ip))) return tooMany();
        throw new ValidationFailed({ commune: req.t('feedback.intake.err.commune') });
      }
      const input = emptyFeedbackInput(commune, {
        kind: b.kind,
        category: b.category,
        title: b.title,
        content: b.content,
        placeText: b.place ?? '',
        villageId: b.villageId ? String(b.villageId) : '',
        name: b.name ?? '',
        address: b.address ?? '',
        phone: b.phone ?? '',
        email: b.email ?? '',
        idNumber: b.idNumber ?? '',
        notifyChannel: b.notifyChannel ?? 'none',
        knownOn: b.knownOn ?? '',
        excludedDays: b.excludedDays === undefined ? '' : String(b.excludedDays),
        excludedReason: b.excludedReason ?? '',
        subjectText: b.subject ?? '',
      });
      const r = await receiveFeedback(deps, req.t, req.ip, null, input, 'api');
      if (!r.ok) {
        if ('tooMany' in r) return tooMany();
        // An abolished commune (commands/closed-commune.ts): the request went to the wrong place (400),
        // and the message names the commune that succeeded it.
        if (r.errors.commune) throw new AppError(400, 'commune_closed', 'commune_closed', r.errors);
        throw new ValidationFailed(r.errors);
      }
      return reply.code(201).send({ code: r.code, url: url(r.code), status: r.status, receivedOn: r.receivedOn, clock: r.clock, dueOn: r.dueOn });
    },
  );

  app.get(
    '/api/v1/feedback/:code',
    {
      schema: {
        summary: 'Follow an item by its tracking code: status, clock, public history and answer; never the sender',
        tags: ['feedback'],
        params: CodeParams,
        response: { 200: Tracked },
      },
    },
    async (req, reply) => {
      const { code } = req.params as Static<typeof CodeParams>;
      if (await tooManyMisses(deps, req.ip, deps.clock.now())) return tooManyProblem(req, reply, req.t('feedback.intake.err.tooManyLookups'));
      const d = await trackData(deps, code);
      if (!d) {
        await noteMiss(deps, req.ip, deps.clock.now());
        throw new NotFound();
      }
      const { canRate: _c, ...rest } = d;
      return { ...rest, url: url(d.code) };
    },
  );
}
