// E-mail over SMTP with nodemailer (issue 5 item 8). SMTP_URL is nodemailer's connection URL
// (smtp://user:pass@host:587 for STARTTLS, smtps://…:465 for TLS); MAIL_FROM is the sender. Unlike
// SMS, mail keeps the Vietnamese marks (UTF-8; nodemailer encodes the subject and body).
import { createTransport } from 'nodemailer';
import type { Config } from '../../../config.js';
import type { Deliver } from '../outbox.js';
import { withRecipient } from './common.js';

/** nodemailer waits up to 10 minutes for a silent server by default; a delivery must end well within
 * the outbox lease. Options given in SMTP_URL's query string win. */
function withTimeouts(url: string): string {
  const u = new URL(url);
  for (const [k, v] of [
    ['connectionTimeout', '10000'],
    ['greetingTimeout', '10000'],
    ['socketTimeout', '20000'],
  ] as const) {
    if (!u.searchParams.has(k)) u.searchParams.set(k, v);
  }
  return u.toString();
}

export function emailSender(smtp: NonNullable<Config['smtp']>, dataKey: Buffer): Deliver {
  const transport = createTransport(withTimeouts(smtp.url));
  return withRecipient(dataKey, 'SMTP', async (to, m) => {
    await transport.sendMail({
      from: smtp.from,
      to,
      subject: m.title,
      text: m.link ? `${m.body}\n\n${m.link}` : m.body,
    });
  });
}
