// Stand-ins for the outside systems the notification channels talk to, run as real servers on
// 127.0.0.1 (issue 5 item 8: never a mock of our own code): an SMS gateway and the Zalo ZNS API
// speaking their HTTP shapes, and a real SMTP server (the smtp-server package).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type Recorded = { headers: Record<string, string | string[] | undefined>; body: Record<string, unknown> };

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}
const closeHttp = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** Records each request; answers 500 (echoing the number, as careless gateways do) while failures > 0. */
export async function fakeSmsGateway() {
  const requests: Recorded[] = [];
  const state = { failures: 0 };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      requests.push({ headers: req.headers, body });
      if (state.failures > 0) {
        state.failures--;
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `upstream busy, cannot deliver to ${body.to}` }));
      } else res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
    });
  });
  const url = await listen(server);
  return { url, requests, state, close: () => closeHttp(server) };
}

/** ZNS: a wrong access_token gets error -124, as the real API answers. */
export async function fakeZalo(token: string) {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      requests.push({ headers: req.headers, body: JSON.parse(raw) as Record<string, unknown> });
      const reply =
        req.headers.access_token === token
          ? { error: 0, message: 'Success', data: { msg_id: `m${requests.length}`, sent_time: String(Date.now()) } }
          : { error: -124, message: 'Access token is invalid' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  const url = await listen(server);
  return { url, requests, close: () => closeHttp(server) };
}

export type Mail = { from: string; to: string[]; raw: string };

/** An SMTP server requiring a login; it rejects the recipient `reject` with a 550 naming the address. */
export async function fakeSmtp(user: string, pass: string, reject: string) {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === pass) cb(null, { user });
      else cb(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, cb) {
      if (address.address === reject) {
        const e = Object.assign(new Error(`<${reject}>: Recipient address rejected: no such user`), { responseCode: 550 });
        cb(e);
      } else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        mails.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('latin1') });
        cb();
      });
    },
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
  });
  return { url: `smtp://${user}:${pass}@127.0.0.1:${port}`, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A port nothing listens on: a gateway that is down. */
export async function downUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await closeHttp(server);
  return url;
}

/** Decodes what nodemailer wrote: RFC 2047 encoded words in the subject, and a quoted-printable or
 * base64 body, so the test can compare with the Vietnamese text. */
export function readMail(raw: string): { subject: string; text: string; headers: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1] ?? '';
  const bytes = (s: string) => Buffer.from(s, 'latin1');
  const subject = header('Subject')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : bytes(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16)))).toString('utf8'),
    );
  const body = raw.slice(split + 4);
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    cte === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? bytes(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16)))).toString('utf8')
        : bytes(body).toString('utf8');
  return { subject, text, headers };
}
