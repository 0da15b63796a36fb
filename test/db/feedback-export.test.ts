// The commune's feedback register as CSV (Decree 20/2008 Art 9; R-H7): officials of the commune and
// its overseers download it; it lists every item of the year with its clocks and never carries an
// author's identity, a denunciation's title or its content (R-H4; Denunciation Law Arts 8(3), 56).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/modules/feedback/export-routes.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

let s: TestServer;
let nari: number;

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo' });
  nari = (await s.deps.db.selectFrom('units').select('id').where('code', '=', '02155').where('valid_to', 'is', null).executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(() => s?.close());

describe('the feedback register export (Decree 20/2008 Art 9)', () => {
  it('R-H4: a commune official gets every item of the year, without identity, denunciation titles or contents', async () => {
    const a = await signIn(s.url, 'canbo.nari');
    const r = await a.get(`/units/${nari}/feedback/register.csv?year=2026`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    const items = await s.deps.db.selectFrom('feedback_items').select(['tracking_code', 'kind', 'title', 'content']).where('commune_id', '=', nari).execute();
    expect(items.length).toBeGreaterThan(3);
    const lines = r.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // In Vietnamese, headers and coded values alike, UTF-8 with a BOM so that Excel reads the diacritics.
    const raw = await fetch(`${s.url}/units/${nari}/feedback/register.csv?year=2026`, {
      headers: { cookie: [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines[0]).toBe(
      'Mã tra cứu,Ngày tiếp nhận,Loại,Lĩnh vực,Hình thức tiếp nhận,Tiêu đề,"Thôn, tổ dân phố",Đơn vị giải quyết,Cơ quan giải quyết,Trạng thái,Thời hạn đang tính,Đến ngày,Ngày thụ lý,Số lần gia hạn,Ngày trả lời,Ngày công khai,Chuyển đến,Số ngày quá thời hiệu khiếu nại,Đánh giá của người gửi',
    );
    expect(lines).toHaveLength(items.length + 1);
    const coded = await s.deps.db.selectFrom('feedback_items').select(['tracking_code', 'kind', 'status']).where('commune_id', '=', nari).execute();
    const KIND: Record<string, string> = { petition: 'Kiến nghị', report: 'Phản ánh', complaint: 'Khiếu nại', denunciation: 'Tố cáo', question: 'Hỏi đáp' };
    for (const it of coded) {
      const line = lines.find((l) => l.startsWith(`${it.tracking_code},`))!;
      expect(line, it.tracking_code).toContain(`,${KIND[it.kind]},`);
    }
    expect(lines.some((l) => l.includes(',Đã trả lời,'))).toBe(true);
    for (const raw of [',complaint,', ',denunciation,', ',answered,', ',accepted,', ',resolve,', ',infrastructure,', ',walk_in,']) {
      expect(r.text, raw).not.toContain(raw);
    }
    for (const it of items) {
      expect(r.text).toContain(it.tracking_code);
      expect(r.text).not.toContain(it.content.slice(0, 30));
      if (it.kind === 'denunciation') expect(r.text).not.toContain(it.title);
      else expect(r.text).toContain(it.title.slice(0, 20));
    }
    for (const secret of ['Lý Thị Mai', '0912000102', '006190001234', 'Thôn Bản Đính, xã Na Rì']) expect(r.text).not.toContain(secret);
  });

  it('is refused to a visitor and to another commune’s official', async () => {
    const anon = await new Agent(s.url).get(`/units/${nari}/feedback/register.csv`);
    expect([302, 303, 401]).toContain(anon.status);
    const other = await signIn(s.url, 'canbo.vanlang');
    expect((await other.get(`/units/${nari}/feedback/register.csv`)).status).toBe(403);
    expect((await other.get('/units/abc/feedback/register.csv')).status).toBe(404);
  });

  it('quotes cells and defuses spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('Cầu, đường')).toBe('"Cầu, đường"');
    expect(csvCell(null)).toBe('');
  });
});
