// E-mail intake (issue 5 item 1): the mail gateway posts each message to the commune's address as
// JSON, signed with INBOUND_MAIL_SECRET: header `X-Signature: sha256=<hex HMAC-SHA256 of the raw
// body>`. A missing or wrong signature gets 401 and nothing is stored. The commune comes from the
// recipient, "<communeCode>@…" or "gopy+<communeCode>@…". Each message becomes a report (phản ánh)
// in the category "other", which the commune reclassifies: a complaint or denunciation needs the
// name, address and dates that a free-form e-mail does not reliably carry (Complaints Law Art 8;
// Denunciation Law Art 23). The receipt goes back to the sender by e-mail.
//   Body: { "from": "Tên <a@b.vn>" | "a@b.vn", "to": "02155@…" | ["…"], "subject": "…", "text": "…" }
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { AppError, ValidationFailed } from '../../platform/errors.js';
import { allowHit, clientKey } from '../../platform/http/rate-limit.js';
import { unitByCode } from '../units/units.repo.js';
import { tooManyProblem } from './api-public.js';
import { submitFeedback } from './commands/submit.js';
import { emptyFeedbackInput } from './intake-input.js';

const Mail = Type.Object({
  from: Type.String({ maxLength: 400 }),
  to: Type.Union([Type.String({ maxLength: 400 }), Type.Array(Type.String({ maxLength: 400 }), { maxItems: 50 })]),
  subject: Type.Optional(Type.String({ maxLength: 1000 })),
  text: Type.String({ maxLength: 100_000 }),
});

type RawReq = FastifyRequest & { rawBody?: Buffer };

/** True when `header` is "sha256=<hex>" of the HMAC-SHA256 of `raw` under `secret` (constant time). */
export function signatureValid(secret: string, raw: Buffer, header: string | undefined): boolean {
  const m = /^sha256=([0-9a-f]{64})$/i.exec((header ?? '').trim());
  if (!m) return false;
  const want = createHmac('sha256', secret).update(raw).digest();
  const got = Buffer.from(m[1]!, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

/** "Nguyễn Văn A <a@b.vn>" -> name and address; a bare address -> no name. */
export function parseMailbox(s: string): { name: string; address: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(s);
  return m ? { name: m[1]!.trim(), address: m[2]!.trim() } : { name: '', address: s.trim() };
}

/** The commune code in a recipient: "02155@…" or "gopy+02155@…". */
export function communeCodeOf(recipients: string[]): string | null {
  for (const r of recipients) {
    const m = /^(?:[a-z0-9._-]+\+)?(\d{5})@/i.exec(parseMailbox(r).address);
    if (m) return m[1]!;
  }
  return null;
}

export function emailIntakeRoutes(app: FastifyInstance, deps: AppDeps): void {
  // The signature covers the exact bytes sent, so this route keeps them: its own JSON parser, in
  // its own encapsulated context (the rest of the app keeps Fastify's parser).
  app.register(async (sub) => {
    sub.removeContentTypeParser('application/json');
    sub.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
      (req as RawReq).rawBody = body as Buffer;
      try {
        done(null, JSON.parse((body as Buffer).toString('utf8')));
      } catch {
        done(new AppError(400, 'bad_json', 'bad_json'), undefined);
      }
    });
    sub.post(
      '/api/v1/feedback/email',
      {
        schema: {
          summary: 'Mail gateway: one e-mail to "<communeCode>@…" or "gopy+<communeCode>@…" becomes a report',
          description: 'Signed with INBOUND_MAIL_SECRET: X-Signature: sha256=<hex HMAC-SHA256 of the raw body>. Bad or missing signature: 401, nothing stored.',
          tags: ['feedback'],
          body: Mail,
        },
        // Before schema validation, so that an unsigned request learns nothing about the body's shape.
        preValidation: async (req) => {
          const secret = deps.config.inboundMailSecret;
          if (!secret) throw new AppError(503, 'not_configured', 'not_configured');
          if (!signatureValid(secret, (req as RawReq).rawBody ?? Buffer.alloc(0), req.headers['x-signature'] as string | undefined)) {
            throw new AppError(401, 'bad_signature', 'bad_signature');
          }
        },
      },
      async (req, reply) => {
        const b = req.body as Static<typeof Mail>;
        const sender = parseMailbox(b.from);
        // Every message arrives from the gateway's one address, so the limit is per sender mailbox.
        const key = `fb-mail:${clientKey(deps.config, sender.address.toLowerCase())}`;
        if (!(await allowHit(deps.db, [{ key, max: deps.config.intakePerMinute, windowMs: 60_000 }], deps.clock.now()))) {
          return tooManyProblem(req, reply, req.t('feedback.intake.err.tooMany'));
        }
        const code = communeCodeOf([b.to].flat());
        const commune = code ? await unitByCode(deps.db, code, todayInVietnam(deps.clock.now())) : undefined;
        if (!commune) throw new ValidationFailed({ to: req.t('feedback.intake.err.commune') });
        const subject = (b.subject ?? '').trim();
        const text = b.text.trim();
        const input = emptyFeedbackInput(commune.id, {
          kind: 'report',
          category: 'other',
          title: (subject || text.split('\n')[0] || '').slice(0, 200),
          content: text,
          name: sender.name,
          email: sender.address,
          notifyChannel: 'email',
        });
        const r = await submitFeedback(deps, req.t, null, input, 'email');
        if (!r.ok) throw new ValidationFailed(r.errors);
        return reply.code(201).send({ code: r.code, url: `${deps.config.publicUrl}/feedback/${r.code}` });
      },
    );
  });
}
