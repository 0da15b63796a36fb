// Issue 7 item 5: the project register's documents (Law 10/2022 Arts 41–43; Art 11(3) disclosure of
// investment) through real HTTP on a real database: the upload checks, the public flag on the page,
// the download and the JSON API, and the audit entry in the same transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../../src/modules/disclosure/demo.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-12-07T03:00:00Z');
let s: TestServer;
let naRi: number;
let road: number;
let official: Agent;
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  naRi = (await (await fetch(`${s.url}/api/v1/units?code=02155`)).json()).items[0].id;
  road = (
    await s.deps.db.selectFrom('oversight_projects').select('id').where('commune_id', '=', naRi).where('name', 'like', 'Bê tông hóa%').executeTakeFirstOrThrow()
  ).id;
  official = await signIn(s.url, 'canbo.nari', clock);
}, 120_000);
afterAll(() => s?.close());

const upload = async (a: Agent, form: Record<string, string>, files: { field: string; name: string; bytes: Buffer; type?: string }[]) => {
  const p = await a.get(`/projects/${road}`);
  return a.postMultipart(`/projects/${road}/documents`, { ...form, _csrf: Agent.csrf(p.text) }, files);
};

describe('project documents (issue 7 item 5; Law 10/2022 Arts 41–43, 11(3))', () => {
  it('Art 11(3): the public documents are listed on the public project page with a download link; an internal one is not', async () => {
    const page = (await new Agent(s.url).get(`/projects/${road}`)).text;
    expect(page).toContain('Hồ sơ, tài liệu dự án');
    expect(page).toContain('Quyết định đầu tư');
    expect(page).toContain('QD-215-phe-duyet-dau-tu.pdf');
    expect(page).not.toContain('hop-dong-thi-cong.pdf');
    const link = /href="(\/oversight\/files\/\d+\/QD-215[^"]+)"/.exec(page)?.[1];
    const file = await fetch(`${s.url}${link}`);
    expect(file.status).toBe(200);
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // The internal contract: its download is refused to the public, given to the register's keeper.
    const contract = await s.deps.db
      .selectFrom('oversight_files as o')
      .innerJoin('files as f', 'f.id', 'o.file_id')
      .select(['f.id', 'f.filename'])
      .where('o.project_id', '=', road)
      .where('o.public', '=', 0)
      .executeTakeFirstOrThrow();
    expect((await fetch(`${s.url}/oversight/files/${contract.id}/${contract.filename}`)).status).toBe(401);
    expect((await official.get(`/oversight/files/${contract.id}/${contract.filename}`)).status).toBe(200);
    expect((await official.get(`/projects/${road}`)).text).toContain('hop-dong-thi-cong.pdf');
  });

  it('the commune official attaches an acceptance record; the audit entry is written in the same transaction; the API lists it', async () => {
    const before = await s.deps.db.selectFrom('audit_log').select('seq').where('action', '=', 'oversight.project.documents_added').execute();
    const r = await upload(official, { docKind: 'acceptance', public: '1' }, [
      { field: 'files', name: 'bien-ban-nghiem-thu.pdf', bytes: demoPdf('Bien ban nghiem thu'), type: 'application/pdf' },
    ]);
    expect(r.status).toBe(303);
    const after = await s.deps.db.selectFrom('audit_log').select('seq').where('action', '=', 'oversight.project.documents_added').execute();
    expect(after.length).toBe(before.length + 1);
    expect((await new Agent(s.url).get(`/projects/${road}`)).text).toContain('Biên bản nghiệm thu');
    const api = await (await fetch(`${s.url}/api/v1/projects?unit=${naRi}`)).json();
    const docs = api.items.find((p: { id: number }) => p.id === road).documents as { kind: string; filename: string; url: string }[];
    expect(docs.map((d) => d.kind)).toEqual(['investment_decision', 'design', 'acceptance']);
    expect(docs[2]?.url).toMatch(/\/oversight\/files\/\d+\/bien-ban-nghiem-thu\.pdf$/);
  });

  it('no kind, no file, or a file that is not a document comes back with the message next to the field; nothing is written', async () => {
    const count = async () => (await s.deps.db.selectFrom('oversight_files').select('id').where('project_id', '=', road).execute()).length;
    const n = await count();
    const none = await upload(official, { docKind: '', public: '1' }, []);
    expect(none.status).toBe(422);
    expect(none.text).toContain('Vui lòng chọn một mục trong danh sách.');
    expect(none.text).toContain('Vui lòng chọn ít nhất một tệp.');
    const exe = await upload(official, { docKind: 'design', public: '1' }, [{ field: 'files', name: 'x.exe', bytes: Buffer.from('MZ\x90\x00 not a pdf') }]);
    expect(exe.status).toBe(422);
    expect(exe.text).toContain('x.exe');
    expect(exe.text).toMatch(/<option value="design" selected/);
    expect(await count()).toBe(n);
  });

  it('only the officials who keep the register attach documents: a supervision board member is refused (403)', async () => {
    const member = await signIn(s.url, 'gsdt.nari', clock);
    expect((await member.get(`/projects/${road}`)).text).not.toContain('Đính kèm tài liệu');
    const r = await upload(member, { docKind: 'other', public: '1' }, [{ field: 'files', name: 'a.pdf', bytes: demoPdf('a'), type: 'application/pdf' }]);
    expect(r.status).toBe(403);
  });
});
