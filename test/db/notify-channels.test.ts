// Notification channels (issue 5 item 8, "Bad input and faults"): SMS, Zalo and e-mail delivered by
// the outbox worker to real servers on 127.0.0.1; a gateway that is down leaves the message queued
// and retried, never failing the change that queued it; a sealed recipient (R-H4) is opened only to
// send and never appears in the outbox rows or their errors.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seal } from '../../src/platform/crypto/seal.js';
import { backoffMs, enqueue, MAX_ATTEMPTS, processOutbox } from '../../src/platform/notify/outbox.js';
import { buildSenders } from '../../src/platform/notify/senders.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { downUrl, fakeSmsGateway, fakeSmtp, fakeZalo, readMail } from './notify-fakes.js';

const PHONE = '0912345678';
const EMAIL = 'ha.thi.lan@nari.example.vn';
const REJECTED = 'khong.ton.tai@nari.example.vn';
const notice = {
  title: 'Phản ánh PA-7K3M9Q đã được tiếp nhận',
  body: 'UBND xã Côn Minh đã nhận phản ánh “Cầu treo thôn Nà Đon bị hỏng”; hạn trả lời 10 ngày làm việc.',
  link: 'http://127.0.0.1/feedback/PA-7K3M9Q',
  code: 'PA-7K3M9Q',
};

describe('notification channels against local servers (issue 5 item 8)', () => {
  let s: TestServer;
  let sms: Awaited<ReturnType<typeof fakeSmsGateway>>;
  let zalo: Awaited<ReturnType<typeof fakeZalo>>;
  let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
  let senders: ReturnType<typeof buildSenders>;
  let now = new Date('2026-11-25T02:00:00Z');
  const key = () => s.deps.config.dataKey;

  beforeAll(async () => {
    [sms, zalo, smtp] = await Promise.all([fakeSmsGateway(), fakeZalo('zalo-oa-token'), fakeSmtp('danchu', 'mật-khẩu', REJECTED)]);
    s = await startTestServer({
      seed: 'none',
      env: {
        SMS_GATEWAY_URL: `${sms.url}/send`,
        SMS_GATEWAY_TOKEN: 'sms-token',
        SMS_SENDER: 'UBND-XA',
        ZALO_API_URL: `${zalo.url}/message/template`,
        ZALO_ACCESS_TOKEN: 'zalo-oa-token',
        ZALO_TEMPLATE_ID: '301234',
        SMTP_URL: `smtp://danchu:${encodeURIComponent('mật-khẩu')}@${smtp.url.split('@')[1]}`,
        MAIL_FROM: 'Dân chủ cơ sở <no-reply@nari.example.vn>',
      },
    });
    senders = buildSenders(s.deps.config);
  });
  afterAll(async () => {
    await s.close();
    await Promise.all([sms.close(), zalo.close(), smtp.close()]);
  });
  afterEach(async () => {
    // R-H4: whatever happened, no outbox row holds a citizen's contact in the clear.
    const rows = JSON.stringify(await s.deps.db.selectFrom('outbox').selectAll().execute());
    for (const plain of [PHONE, '912345678', EMAIL, REJECTED]) expect(rows).not.toContain(plain);
    await s.deps.db.deleteFrom('outbox').execute();
    now = new Date(now.getTime() + 86400_000);
  });

  const row = () => s.deps.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();

  it('SMS: a gateway answering 500 keeps the message queued; it is retried after its backoff and sent', async () => {
    sms.state.failures = 2;
    sms.requests.length = 0;
    await enqueue(s.deps.db, { channel: 'sms', recipient: seal(key(), PHONE), template: 'notice', params: notice }, now);
    for (let attempt = 1; attempt <= 2; attempt++) {
      expect(await processOutbox(s.deps.db, now, senders)).toEqual({ sent: 0, failed: 1 });
      const r = await row();
      expect(r).toMatchObject({ status: 'queued', attempts: attempt });
      expect(r.last_error).toMatch(/^SMS: gateway answered 500: .*upstream busy, cannot deliver to \*\*\*/);
      // not again before the backoff has passed
      expect(await processOutbox(s.deps.db, new Date(now.getTime() + backoffMs(attempt) - 1000), senders)).toEqual({ sent: 0, failed: 0 });
      now = new Date(now.getTime() + backoffMs(attempt));
    }
    expect(await processOutbox(s.deps.db, now, senders)).toEqual({ sent: 1, failed: 0 });
    expect(await row()).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(sms.requests).toHaveLength(3);
    const { headers, body } = sms.requests[2]!;
    expect(headers.authorization).toBe('Bearer sms-token');
    expect(headers['content-type']).toMatch(/^application\/json/);
    expect(body.to).toBe(PHONE);
    expect(body.sender).toBe('UBND-XA');
    // GSM-7: unaccented, one SMS, the tracking link kept whole
    const text = String(body.text);
    expect(text).toMatch(/^Phan anh PA-7K3M9Q da duoc tiep nhan: UBND xa Con Minh da nhan phan anh "Cau treo thon Na Don bi hong"/);
    expect(text).toMatch(/^[ -~]+$/);
    expect(text.length).toBeLessThanOrEqual(160);
    expect(text.endsWith(` ${notice.link}`)).toBe(true);
  });

  it('Zalo: a ZNS template message with the phone in 84… form, the template data with its marks and a tracking id', async () => {
    zalo.requests.length = 0;
    await enqueue(s.deps.db, { channel: 'zalo', recipient: seal(key(), PHONE), template: 'notice', params: notice }, now);
    expect(await processOutbox(s.deps.db, now, senders)).toEqual({ sent: 1, failed: 0 });
    const id = (await row()).id;
    expect(zalo.requests).toHaveLength(1);
    expect(zalo.requests[0]!.headers.access_token).toBe('zalo-oa-token');
    expect(zalo.requests[0]!.body).toEqual({
      phone: '84912345678',
      template_id: '301234',
      template_data: notice,
      tracking_id: `danchu-outbox-${id}`,
    });
  });

  it('Zalo: an error reply (error -124) is a failure with its message; the message stays queued', async () => {
    const wrongToken = buildSenders({ ...s.deps.config, zalo: { ...s.deps.config.zalo!, accessToken: 'expired' } });
    await enqueue(s.deps.db, { channel: 'zalo', recipient: seal(key(), PHONE), template: 'notice', params: notice }, now);
    expect(await processOutbox(s.deps.db, now, wrongToken)).toEqual({ sent: 0, failed: 1 });
    expect(await row()).toMatchObject({ status: 'queued', attempts: 1, last_error: 'Zalo: error -124: Access token is invalid' });
    // the token is renewed: the next attempt succeeds
    expect(await processOutbox(s.deps.db, new Date(now.getTime() + backoffMs(1)), senders)).toEqual({ sent: 1, failed: 0 });
  });

  it('E-mail: a real SMTP server receives the Vietnamese subject and body, addressed to the opened recipient', async () => {
    smtp.mails.length = 0;
    await enqueue(s.deps.db, { channel: 'email', recipient: seal(key(), EMAIL), template: 'notice', params: notice }, now);
    expect(await processOutbox(s.deps.db, now, senders)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.from).toBe('no-reply@nari.example.vn');
    expect(mail.to).toEqual([EMAIL]);
    const { subject, text, headers } = readMail(mail.raw);
    expect(subject).toBe(notice.title);
    expect(text).toContain(notice.body);
    expect(text).toContain(notice.link);
    expect(headers).toMatch(/^To: ha\.thi\.lan@nari\.example\.vn$/m);
  });

  it('E-mail: a recipient the server rejects fails without its address in last_error (R-H4)', async () => {
    await enqueue(s.deps.db, { channel: 'email', recipient: seal(key(), REJECTED), template: 'notice', params: notice }, now);
    expect(await processOutbox(s.deps.db, now, senders)).toEqual({ sent: 0, failed: 1 });
    const r = await row();
    expect(r.status).toBe('queued');
    expect(r.last_error).toMatch(/^SMTP: .*550/);
    expect(r.last_error).toContain('***');
  });

  it('a gateway that is down never fails the transaction that queued the notice; it is retried, then marked failed', async () => {
    const down = buildSenders({ ...s.deps.config, sms: { url: await downUrl(), token: 't', sender: 'X' } });
    const created = now.toISOString();
    // A use case writes its change and its notice in one transaction (the outbox pattern).
    await s.deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values({ kind: 'resident', phone: '0977000222', display_name: 'Người gửi', created_at: created }).execute();
      await enqueue(trx, { channel: 'sms', recipient: seal(key(), PHONE), template: 'notice', params: notice }, now);
    });
    expect(await s.deps.db.selectFrom('users').select('id').where('created_at', '=', created).execute()).toHaveLength(1);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await processOutbox(s.deps.db, now, down)).toEqual({ sent: 0, failed: 1 });
      const r = await row();
      expect(r.status).toBe(attempt < MAX_ATTEMPTS ? 'queued' : 'failed');
      expect(r.last_error).toMatch(/^SMS: fetch failed.*ECONNREFUSED/);
      now = new Date(now.getTime() + backoffMs(attempt));
    }
  });

  it('an unconfigured channel goes to the development outbox; in production it fails naming the variable', async () => {
    const bare = { ...s.deps.config, sms: null, zalo: null, smtp: null };
    await enqueue(s.deps.db, { channel: 'sms', recipient: seal(key(), PHONE), template: 'notice', params: notice }, now);
    expect(await processOutbox(s.deps.db, now, buildSenders({ ...bare, devOutbox: true }))).toEqual({ sent: 1, failed: 0 });
    for (const [channel, variable] of [
      ['sms', 'SMS_GATEWAY_URL'],
      ['zalo', 'ZALO_API_URL'],
      ['email', 'SMTP_URL'],
    ] as const) {
      await s.deps.db.deleteFrom('outbox').execute();
      await enqueue(s.deps.db, { channel, recipient: seal(key(), channel === 'email' ? EMAIL : PHONE), template: 'notice', params: notice }, now);
      expect(await processOutbox(s.deps.db, now, buildSenders({ ...bare, devOutbox: false }))).toEqual({ sent: 0, failed: 1 });
      expect((await row()).last_error).toContain(`chưa được cấu hình: hãy đặt ${variable}`);
    }
  });

  it('R-H4: the development outbox page shows a sealed recipient as "(đã mã hoá)", never its ciphertext or the number', async () => {
    const sealed = seal(key(), PHONE);
    await enqueue(s.deps.db, { channel: 'sms', recipient: sealed, template: 'notice', params: notice }, now);
    await enqueue(s.deps.db, { channel: 'dev', recipient: '0988000111', template: 'otp', params: { code: '123456' } }, now);
    const page = await new Agent(s.url).get('/dev/outbox');
    expect(page.status).toBe(200);
    expect(page.text).toContain('(đã mã hoá)');
    expect(page.text).toContain('0988000111');
    expect(page.text).not.toContain(sealed);
    expect(page.text).not.toContain('912345678');
  });
});
