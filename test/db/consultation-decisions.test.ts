// The demo consultations, adverse decisions (R-D3, Art 27), agency consultations and the union's
// opinion (Arts 53–55), moderation that never deletes (issue 6 items 2, 4, 5, 8), on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, TestServer } from '../helpers.js';
import { act, create, form, idFrom, official, setup, signInResident } from './consultation-helpers.js';

let s: TestServer;
let clock: Awaited<ReturnType<typeof setup>>['clock'];
let naRi: number;
let xd: number;
beforeAll(async () => {
  const x = await setup();
  [s, clock, naRi, xd] = [x.s, x.clock, x.naRi, x.xuanDuong];
});
afterAll(() => s.close());

const byTitle = (title: string) => s.deps.db.selectFrom('consultations').selectAll().where('title', '=', title).executeTakeFirstOrThrow();

describe('the demo and the public pages (item 8)', () => {
  it('Xã Na Rì lists its open draft regulation with the days left, and the closed one with its synthesis', async () => {
    const page = await (await fetch(`${s.url}/units/${naRi}/consultations`)).text();
    const reg = await byTitle('Dự thảo Quy chế thực hiện dân chủ ở cơ sở xã Na Rì');
    // Published eight days before the seed's day (01/12/2026): 23/11 + 20 days = 13/12, 13 days left.
    expect(reg).toMatchObject({ status: 'open', opens_on: '2026-11-23', closes_on: '2026-12-13' });
    expect(page).toContain('còn 13 ngày');
    expect(page).toContain('Đề án sáp nhập');
    expect(page).not.toContain('Dự thảo Quy chế thực hiện dân chủ của nhà trường');
    const home = await (await fetch(`${s.url}/units/${naRi}`)).text();
    expect(home).toContain('Dân bàn: lấy ý kiến Nhân dân');
    const api = await (await fetch(`${s.url}/api/v1/consultations?unit=${naRi}`)).json();
    expect(api.items.map((i: { state: string; daysLeft: number }) => [i.state, i.daysLeft]).sort()).toEqual([
      ['closed', 0],
      // The workplace demo's 2024 consultation on the regulation now in force (R-D4), marked issued.
      ['issued', 0],
      ['open', 13],
    ]);
    const closed = api.items.find((i: { state: string }) => i.state === 'closed');
    const detail = await (await fetch(`${s.url}/api/v1/consultations/${closed.id}`)).json();
    expect(detail.synthesis).toContain('Đa số cử tri nhất trí sáp nhập');
    expect(detail.groups.filter((g: { answer: string | null }) => g.answer).length).toBe(3);
    const bad = await fetch(`${s.url}/api/v1/consultations?unit=abc`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${s.url}/api/v1/consultations/999999`)).status).toBe(404);
    const doc = await (await fetch(`${s.url}/api/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/consultations', '/api/v1/consultations/{id}']));
  });

  it("Art 53: the school's consultation is read by its staff only", async () => {
    const school = await byTitle('Dự thảo Quy chế thực hiện dân chủ của nhà trường');
    expect((await fetch(`${s.url}/consultations/${school.id}`, { redirect: 'manual' })).status).toBe(401);
    const other = await official(s, 'canbo.vanlang', clock);
    expect((await other.get(`/consultations/${school.id}`)).status).toBe(403);
    const commune = await official(s, 'canbo.nari', clock);
    expect((await commune.get(`/consultations/${school.id}`)).status).toBe(403);
    const teacher = await official(s, 'giaovien.nari', clock);
    const page = await teacher.get(`/consultations/${school.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Đề nghị công khai kế hoạch chi tiêu nội bộ');
    expect((await fetch(`${s.url}/api/v1/consultations/${school.id}`)).status).toBe(404);
    expect((await teacher.get(`/units/${naRi}`)).text).toContain(`/agencies/${school.agency_id}/consultations`);
  });

  it('Art 11(11): the published synthesis becomes a group 11 disclosure draft through the disclosure module', async () => {
    const officer = await official(s, 'canbo.nari', clock);
    const merge = await s.deps.db
      .selectFrom('consultations')
      .select(['id', 'title'])
      .where('status', '=', 'closed')
      .where('unit_id', '=', naRi)
      .executeTakeFirstOrThrow();
    const r = await act(officer, `/consultations/${merge.id}/synthesis`, `/consultations/${merge.id}/disclose`, {});
    expect(r.status).toBe(303);
    const d = await s.deps.db
      .selectFrom('disclosures')
      .selectAll()
      .where('id', '=', Number(r.location!.split('/').pop()))
      .executeTakeFirstOrThrow();
    expect(d).toMatchObject({ category: 11, status: 'draft', unit_id: naRi });
    expect(d.title).toContain(merge.title);
    expect(d.body).toContain(`/consultations/${merge.id}/synthesis`);
    // A resident cannot.
    const resident = await signInResident(s);
    expect((await act(resident, `/consultations/${merge.id}/synthesis`, `/consultations/${merge.id}/disclose`, {})).status).toBe(403);
  });
});

describe('Art 55(2): the union is consulted before the agency democracy regulation is issued', () => {
  it('issuing without the union opinion is refused; recorded by the union head, it is issued', async () => {
    const head = await official(s, 'hieutruong.nari', clock);
    const school = await s.deps.db.selectFrom('agencies').select('id').where('unit_id', '=', naRi).where('kind', '=', 'school').executeTakeFirstOrThrow();
    const r = await create(
      head,
      `/agencies/${school.id}/consultations`,
      form({ matter: 'democracy_regulation', periodDays: '5', title: 'Quy chế dân chủ (bản 2)', planSentOn: '' }),
    );
    expect(r.status).toBe(303);
    const id = idFrom(r.location);
    expect((await act(head, `/consultations/${id}`, `/consultations/${id}/open`, {})).status).toBe(303);
    clock.set('2026-12-07T03:00:00Z');
    const h = await official(s, 'hieutruong.nari', clock);
    const syn = `/consultations/${id}/synthesis`;
    expect((await act(h, syn, syn, { synthesisText: 'Không có ý kiến khác.', majorityExplanation: '' })).status).toBe(303);
    expect((await act(h, `/consultations/${id}`, `/consultations/${id}/close`, {})).status).toBe(303);
    const refused = await act(h, `/consultations/${id}`, `/consultations/${id}/issue`, { issuedNumber: '12/QĐ-THCS', issuedOn: '07/12/2026' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('chưa ghi ý kiến của công đoàn về dự thảo quy chế (khoản 2 Điều 55)');
    expect(refused.text).toContain('value="12/QĐ-THCS"');
    const union = await official(s, 'congdoan.nari', clock);
    expect((await act(union, `/consultations/${id}`, `/consultations/${id}/union`, { unionDate: '06/12/2026', unionOpinion: 'Nhất trí.' })).status).toBe(303);
    expect((await act(h, `/consultations/${id}`, `/consultations/${id}/issue`, { issuedNumber: '12/QĐ-THCS', issuedOn: '07/12/2026' })).status).toBe(303);
    expect(
      await s.deps.db.selectFrom('consultations').select(['status', 'issued_number', 'union_consulted_on']).where('id', '=', id).executeTakeFirstOrThrow(),
    ).toEqual({
      status: 'issued',
      issued_number: '12/QĐ-THCS',
      union_consulted_on: '2026-12-06',
    });
    clock.set('2026-12-01T03:00:00Z');
  });
});

describe('R-D3 (Art 27): an adverse decision is issued only with the affected persons notified and their views attached', () => {
  let officer: Agent;
  let id: number;
  it('issuing with no affected person on file is refused', async () => {
    officer = await official(s, 'canbo.xuanduong', clock);
    const r = await create(
      officer,
      `/units/${xd}/consultations`,
      form({ matter: 'item8', title: 'Quyết định buộc tháo dỡ công trình lấn chiếm hành lang đường' }),
    );
    id = idFrom(r.location);
    expect((await act(officer, `/consultations/${id}`, `/consultations/${id}/open`, {})).status).toBe(303);
    clock.set('2026-12-22T03:00:00Z');
    officer = await official(s, 'canbo.xuanduong', clock);
    const syn = `/consultations/${id}/synthesis`;
    expect((await act(officer, syn, syn, { synthesisText: 'Không có ý kiến.', majorityExplanation: '' })).status).toBe(303);
    expect((await act(officer, `/consultations/${id}`, `/consultations/${id}/close`, {})).status).toBe(303);
    const refused = await act(officer, `/consultations/${id}`, `/consultations/${id}/issue`, { issuedNumber: '45/QĐ-UBND', issuedOn: '22/12/2026' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('hồ sơ chưa có người chịu tác động nào được thông báo');
  });

  it('a person with neither views nor the "gave none" record is refused; then recorded, the decision is issued', async () => {
    const base = {
      name: 'Lý Văn Tư',
      notifiedOn: '05/12/2026',
      noticeMethod: 'Giao văn bản tận tay',
      views: '',
      explanation: 'Công trình nằm trong hành lang an toàn đường bộ.',
    };
    const bad = await act(officer, `/consultations/${id}`, `/consultations/${id}/affected`, base);
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Ghi ý kiến của người chịu tác động, hoặc đánh dấu là họ không có ý kiến.');
    expect(bad.text).toContain('value="Lý Văn Tư"');
    expect((await act(officer, `/consultations/${id}`, `/consultations/${id}/affected`, { ...base, gaveNoViews: '1' })).status).toBe(303);
    expect((await act(officer, `/consultations/${id}`, `/consultations/${id}/issue`, { issuedNumber: '45/QĐ-UBND', issuedOn: '22/12/2026' })).status).toBe(303);
    // The affected person's name is for officials, never on the public page.
    expect(await (await fetch(`${s.url}/consultations/${id}`)).text()).not.toContain('Lý Văn Tư');
    clock.set('2026-12-01T03:00:00Z');
  });
});

describe('moderation hides with a reason and deletes nothing (item 2)', () => {
  it('a hidden comment shows its reason publicly; the text stays in the database and the change in the audit log', async () => {
    const officer = await official(s, 'canbo.nari', clock);
    const reg = await byTitle('Dự thảo Quy chế thực hiện dân chủ ở cơ sở xã Na Rì');
    const cm = await s.deps.db.selectFrom('consultation_comments').selectAll().where('consultation_id', '=', reg.id).orderBy('id').executeTakeFirstOrThrow();
    const page = `/consultations/${reg.id}/comments/${cm.id}/moderate`;
    const noReason = await act(officer, page, page, { action: 'hide', reason: '' });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain('Ghi lý do ẩn ý kiến.');
    expect((await act(officer, page, page, { action: 'hide', reason: 'Lời lẽ xúc phạm' })).status).toBe(303);
    const pub = await (await fetch(`${s.url}/consultations/${reg.id}`)).text();
    expect(pub).toContain('Ý kiến này đã được ẩn: Lời lẽ xúc phạm');
    expect(pub).not.toContain(cm.body);
    expect((await s.deps.db.selectFrom('consultation_comments').select('body').where('id', '=', cm.id).executeTakeFirstOrThrow()).body).toBe(cm.body);
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('entity_type', '=', 'consultation')
      .where('entity_id', '=', String(reg.id))
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('consultation.comment_hide');
    expect(JSON.parse(audit.data)).toMatchObject({ commentId: cm.id, reason: 'Lời lẽ xúc phạm' });
  });

  it('a public text with the personal data removed replaces the shown text; one still carrying a phone number is refused', async () => {
    const officer = await official(s, 'canbo.nari', clock);
    const reg = await byTitle('Dự thảo Quy chế thực hiện dân chủ ở cơ sở xã Na Rì');
    const cm = await s.deps.db
      .selectFrom('consultation_comments')
      .selectAll()
      .where('consultation_id', '=', reg.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const page = `/consultations/${reg.id}/comments/${cm.id}/moderate`;
    const bad = await act(officer, page, page, { action: 'redact', publicBody: 'Liên hệ 0987 654 321 để bàn thêm.' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('xin bỏ họ tên, số điện thoại');
    expect(bad.text).toContain('Liên hệ 0987 654 321 để bàn thêm.');
    expect((await act(officer, page, page, { action: 'redact', publicBody: 'Đề nghị họp vào buổi tối.' })).status).toBe(303);
    const pub = await (await fetch(`${s.url}/consultations/${reg.id}`)).text();
    expect(pub).toContain('Đề nghị họp vào buổi tối.');
    expect(pub).not.toContain(cm.body);
    // The audit history of the consultation is open to the commune's officials.
    const history = await officer.get(`/audit/consultation/${reg.id}`);
    expect(history.status).toBe(200);
    expect(history.text).toContain('Biên tập ý kiến góp ý trước khi công khai');
  });

  it('a resident outside the audience villages cannot comment; the agree/disagree of one in it is counted once and can change', async () => {
    const officer = await official(s, 'canbo.xuanduong', clock);
    const villages = await s.deps.db.selectFrom('units').select(['id', 'code']).where('parent_id', '=', xd).orderBy('code').execute();
    const only2 = await create(
      officer,
      `/units/${xd}/consultations`,
      form({ title: 'Chỉ thôn 2', audience: 'villages', villageIds: [String(villages[1]!.id)] }),
    );
    const id2 = idFrom(only2.location);
    await act(officer, `/consultations/${id2}`, `/consultations/${id2}/open`, {});
    const resident = await signInResident(s);
    const page = await resident.get(`/consultations/${id2}`);
    expect(page.text).toContain('tài khoản của bạn không thuộc phạm vi đó');
    const refused = await resident.post(`/consultations/${id2}/comments`, {
      article: 'general',
      body: 'Góp ý',
      stance: '',
      _csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!,
    });
    expect(refused.status).toBe(403);
    const all = await create(officer, `/units/${xd}/consultations`, form({ title: 'Toàn xã' }));
    const id = idFrom(all.location);
    await act(officer, `/consultations/${id}`, `/consultations/${id}/open`, {});
    const art = await s.deps.db
      .selectFrom('consultation_articles')
      .select('id')
      .where('consultation_id', '=', id)
      .where('position', '=', 1)
      .executeTakeFirstOrThrow();
    for (const stance of ['agree', 'agree', 'disagree'])
      expect((await act(resident, `/consultations/${id}`, `/consultations/${id}/stance`, { article: String(art.id), stance })).status).toBe(303);
    expect((await resident.get(`/consultations/${id}`)).text).toContain('0 tán thành, 1 không tán thành');
  });
});
