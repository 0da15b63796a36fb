// A feedback item's files and the author's signature (R-H4; Denunciation Law Arts 9(1)(b), 56): a
// denunciation's attachments and any signature image are sealed at rest and open only for those who
// may see the denouncer, each opening audit-logged without personal data; other kinds' files open for
// those who handle the item; nothing opens without an account. Real HTTP on a real database.
import { readFileSync } from 'node:fs';
import { renderToString } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsOf } from '../../src/modules/feedback/attachments.js';
import { loadHandled } from '../../src/modules/feedback/commands/handle.js';
import { AttachmentList } from '../../src/modules/feedback/views/attachments.js';
import { DEMO_TOTP_SECRET } from '../../src/platform/auth/demo-accounts.js';
import { loadActor } from '../../src/platform/auth/session.js';
import { fixedClock } from '../../src/platform/clock.js';
import { isSealedBytes, unsealJson } from '../../src/platform/crypto/seal.js';
import { filePath } from '../../src/platform/files/store.js';
import { translator } from '../../src/platform/i18n/index.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-11-20T03:00:00Z'); // Fri 20/11/2026, 10:00 in Vietnam
let s: TestServer;
let naRi: number;
let hamlet: number;

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock, env: { INTAKE_PER_MINUTE: '1000' } });
  const db = s.deps.db;
  naRi = (await db.selectFrom('units').select('id').where('code', '=', '02155').where('valid_to', 'is', null).executeTakeFirstOrThrow()).id;
  hamlet = (await db.selectFrom('units').select('id').where('code', '=', '02155-01').executeTakeFirstOrThrow()).id;
  // The head of the hamlet the denunciation is about: an official account like the demo's.
  const like = await db.selectFrom('users').select('password_hash').where('username', '=', 'canbo.nari').executeTakeFirstOrThrow();
  const u = await db
    .insertInto('users')
    .values({
      kind: 'official',
      username: 'truongthon.nari',
      display_name: 'Hoàng Văn Thôn (trưởng thôn)',
      password_hash: like.password_hash,
      totp_secret: DEMO_TOTP_SECRET,
      created_at: '2026-11-01T00:00:00Z',
      is_demo: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_grants')
    .values({ user_id: u.id, role: 'village_head', unit_id: hamlet, agency_id: null, granted_at: '2026-11-01T00:00:00Z' })
    .execute();
}, 120_000);
afterAll(() => s?.close());

const who = { name: 'Đinh Thị Bí Mật', address: 'Thôn Khuổi Lùng, xã Na Rì' };
const denunciation = {
  kind: 'denunciation',
  category: 'officials',
  title: 'Tố cáo thu tiền sai quy định',
  content: 'Trưởng thôn thu tiền làm đường không có biên lai.',
  subjectText: 'Trưởng thôn Nà Làng',
  ...who,
};
const pdf = Buffer.from('%PDF-1.4\nĐơn tố cáo của Đinh Thị Bí Mật, Thôn Khuổi Lùng — viết tay, có chữ ký\n%%EOF\n', 'utf8');
const png = (text: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(text)]);
const signature = png('chữ ký Bí Mật');

async function submit(a: Agent, form: Record<string, string>, files: { field: string; name: string; bytes: Buffer; type?: string }[]) {
  const page = await a.get(`/units/${naRi}/feedback/new`);
  return a.postMultipart(`/units/${naRi}/feedback/new`, { ...form, _csrf: Agent.csrf(page.text) }, files);
}
const itemOf = (location: string | null) =>
  s.deps.db.selectFrom('feedback_items').selectAll().where('tracking_code', '=', location!.replace('/feedback/', '')).executeTakeFirstOrThrow();
const filesOf = (itemId: number) =>
  s.deps.db
    .selectFrom('feedback_attachments as a')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .select(['f.id', 'f.sha256', 'f.filename', 'f.mime', 'f.size'])
    .where('a.item_id', '=', itemId)
    .execute();
/** A download as a browser following the link gets it (bytes, not text). */
async function download(a: Agent | null, path: string) {
  const cookie = a ? [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  const r = await fetch(s.url + path, { headers: { accept: 'text/html,*/*', cookie }, redirect: 'manual' });
  return { status: r.status, headers: r.headers, bytes: Buffer.from(await r.arrayBuffer()) };
}
const viewsOf = (itemId: number, action: string) =>
  s.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', String(itemId)).execute();

describe("a denunciation's files (R-H4; Denunciation Law Arts 9(1)(b), 56)", () => {
  let id: number;
  let fileId: number;

  it('R-H4: the attachment and the signature are stored sealed: neither the bytes on disk nor the files row hold the original or the name', async () => {
    const r = await submit(new Agent(s.url), denunciation, [
      { field: 'files', name: 'Don to cao - Dinh Thi Bi Mat.pdf', bytes: pdf, type: 'application/pdf' },
      { field: 'signature', name: 'chu-ky.png', bytes: signature, type: 'image/png' },
    ]);
    expect(r.status, r.text.slice(0, 300)).toBe(303);
    const it = await itemOf(r.location);
    id = it.id;
    const [f] = await filesOf(id);
    fileId = f!.id;
    expect(f).toMatchObject({ mime: 'application/pdf', size: pdf.length });
    expect(f!.filename.startsWith('v1.')).toBe(true);
    expect(f!.filename).not.toContain('Bi Mat');
    const onDisk = readFileSync(filePath(s.deps.config.filesDir, f!.sha256));
    expect(isSealedBytes(onDisk)).toBe(true);
    expect(onDisk.includes(pdf)).toBe(false);
    expect(onDisk.includes(Buffer.from('Bí Mật'))).toBe(false);
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
    const idRow = await s.deps.db.selectFrom('feedback_identities').selectAll().where('item_id', '=', id).executeTakeFirstOrThrow();
    expect(idRow.signature_sealed!.startsWith('v1.')).toBe(true);
    expect(unsealJson(s.deps.config.dataKey, idRow.signature_sealed!)).toEqual({ mime: 'image/png', data: signature.toString('base64') });
    // The intake's own audit entry counts the files and names nothing.
    const [received] = await viewsOf(id, 'feedback.received');
    expect(received!.data).toContain('"files":1');
    expect(received!.data).not.toMatch(/Bí Mật|Bi Mat|Khuổi Lùng/);
  });

  it('R-H4: the chairman, who settles it, downloads the original as an attachment with its type and name; the signature too', async () => {
    const a = await signIn(s.url, 'chutich.nari', clock);
    const r = await download(a, `/feedback/manage/${id}/files/${fileId}`);
    expect(r.status).toBe(200);
    expect(r.bytes.equals(pdf)).toBe(true);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="Don to cao - Dinh Thi Bi Mat.pdf"/);
    expect(r.headers.get('cache-control')).toContain('no-store');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    const sig = await download(a, `/feedback/manage/${id}/signature`);
    expect(sig.status).toBe(200);
    expect(sig.headers.get('content-type')).toBe('image/png');
    expect(sig.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(sig.bytes.equals(signature)).toBe(true);
    // Another item's number, or a file of no item, is not found.
    expect((await download(a, `/feedback/manage/${id}/files/999999`)).status).toBe(404);
  });

  it('R-H4: the head of the hamlet denounced, a commune official (a verifier), another commune’s official and an anonymous visitor are refused', async () => {
    await s.deps.db.updateTable('feedback_items').set({ subject_unit_id: hamlet }).where('id', '=', id).execute();
    for (const username of ['truongthon.nari', 'canbo.nari', 'canbo.vanlang']) {
      const a = await signIn(s.url, username, clock);
      for (const path of [`/feedback/manage/${id}/files/${fileId}`, `/feedback/manage/${id}/signature`]) {
        const r = await download(a, path);
        expect(r.status, `${username} ${path}`).toBe(403);
        expect(r.bytes.includes(pdf)).toBe(false);
      }
    }
    const anon = await download(null, `/feedback/manage/${id}/files/${fileId}`);
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toMatch(/^\/sign-in/);
    expect(anon.bytes.includes(pdf)).toBe(false);
  });

  it('R-H4 (access is logged): each opening is in the audit chain with the code and the file number only', async () => {
    const views = await viewsOf(id, 'feedback.attachment_viewed');
    expect(views).toHaveLength(1); // the chairman's; refusals opened nothing
    const chairman = await s.deps.db.selectFrom('users').select('id').where('username', '=', 'chutich.nari').executeTakeFirstOrThrow();
    expect(views[0]!.actor_user_id).toBe(chairman.id);
    expect(JSON.parse(views[0]!.data)).toEqual({ code: expect.stringMatching(/^PA-/), file: fileId });
    expect(await viewsOf(id, 'feedback.signature_viewed')).toHaveLength(1);
    const all = JSON.stringify([...views, ...(await viewsOf(id, 'feedback.signature_viewed'))]);
    for (const v of [...Object.values(who), 'Bi Mat', 'Don to cao', 'chu-ky']) expect(all).not.toContain(v);
  });

  it('R-H4: the attachment list shows the chairman the file by name, and a verifier only how many there are', async () => {
    const it = (await loadHandled(s.deps.db, id))!;
    const view = (actor: Awaited<ReturnType<typeof loadActor>>) => ({
      t: translator('vi'),
      lang: 'vi' as const,
      actor,
      csrf: () => '',
      path: '/',
      demo: false,
      devOutbox: false,
    });
    const userId = async (u: string) => (await s.deps.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
    const chairman = await loadActor(s.deps.db, await userId('chutich.nari'));
    const verifier = await loadActor(s.deps.db, await userId('canbo.nari'));
    const forChair = renderToString(AttachmentList({ view: view(chairman), m: await attachmentsOf(s.deps, chairman, it) }));
    expect(forChair).toContain(`href="/feedback/manage/${id}/files/${fileId}"`);
    expect(forChair).toContain('Don to cao - Dinh Thi Bi Mat.pdf');
    expect(forChair).toContain(`href="/feedback/manage/${id}/signature"`);
    const forVerifier = renderToString(AttachmentList({ view: view(verifier), m: await attachmentsOf(s.deps, verifier, it) }));
    expect(forVerifier).toContain('Có 1 tệp đính kèm');
    expect(forVerifier).not.toContain('Bi Mat');
    expect(forVerifier).not.toContain('/files/');
    expect(forVerifier).not.toContain('/signature');
  });
});

describe("other kinds' files and the signature field", () => {
  it('a report’s photo is stored as it is, downloaded by an official who handles it; the Front chairman (oversight only) is refused', async () => {
    const photo = png('ảnh cầu gãy');
    const r = await submit(new Agent(s.url), { kind: 'report', category: 'infrastructure', title: 'Cầu gãy ván', content: 'Ba tấm ván bị gãy.' }, [
      { field: 'files', name: 'cau.png', bytes: photo, type: 'image/png' },
    ]);
    expect(r.status).toBe(303);
    const it = await itemOf(r.location);
    const [f] = await filesOf(it.id);
    expect(f!.filename).toBe('cau.png');
    expect(readFileSync(filePath(s.deps.config.filesDir, f!.sha256)).equals(photo)).toBe(true);
    const got = await download(await signIn(s.url, 'canbo.nari', clock), `/feedback/manage/${it.id}/files/${f!.id}`);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(photo)).toBe(true);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="cau.png"/);
    expect((await download(await signIn(s.url, 'mattran.nari', clock), `/feedback/manage/${it.id}/files/${f!.id}`)).status).toBe(403);
    expect((await download(null, `/feedback/manage/${it.id}/files/${f!.id}`)).status).toBe(303);
  });

  it('R-H4: a signature is a PNG or JPEG of at most 512 KB, sent only with a complaint or a denunciation; each refusal sits next to the field with the text kept', async () => {
    const cases: [Record<string, string>, Buffer, string][] = [
      [{ kind: 'report', category: 'other', title: 'Đèn hỏng', content: 'Đèn đường hỏng.' }, signature, 'Chỉ gửi ảnh chữ ký với khiếu nại hoặc tố cáo'],
      [denunciation, pdf, 'Ảnh chữ ký phải là ảnh PNG hoặc JPG.'],
      [denunciation, Buffer.concat([signature, Buffer.alloc(600 * 1024)]), 'Ảnh chữ ký quá lớn: không quá 512 KB'],
    ];
    for (const [form, bytes, message] of cases) {
      const r = await submit(new Agent(s.url), form, [{ field: 'signature', name: 'chu-ky.png', bytes, type: 'image/png' }]);
      expect(r.status).toBe(422);
      expect(r.text).toContain('id="f-signature-err"');
      expect(r.text).toContain(message);
      expect(r.text).toContain(form.content);
    }
  });
});
