// Demo records for the Na Rì communes (issue 9 item 3), entered through the real command so that the
// dashboard shows real figures to a newcomer: a duty roster and courses (T-2.1), outreach (M-3.2),
// commendations (M-3.8) and funding planned and spent (Article 2), more in some communes than others;
// Na Rì's duty roster carries a PDF as its evidence, so the evidence viewer has a file to open.
import type { AppDeps } from '../../app-deps.js';
import type { Actor } from '../../platform/auth/policy.js';
import { loadActor } from '../../platform/auth/session.js';
import { addDays, todayInVietnam } from '../../platform/calendar/calendar.js';
import type { Uploaded } from '../../platform/http/forms.js';
import { formatDate, translator } from '../../platform/i18n/index.js';
import { emptyRecord, enterRecord } from './commands.js';

const t = translator('vi');

/** A one-page PDF with a line of (ASCII) text, its cross-reference table computed so readers open it. */
export function demoPdf(text: string): Buffer {
  const content = `BT /F1 14 Tf 56 780 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
/** Per commune: people on the roster, trained, outreach events, funding planned and spent (million đồng). */
const PLAN: Record<string, [number, number, number, number, number]> = {
  '02155': [48, 45, 4, 120, 96],
  '02143': [36, 30, 2, 80, 52],
  '02152': [30, 18, 1, 60, 21],
  '02176': [34, 29, 3, 70, 63],
  '02185': [40, 9, 0, 60, 6],
  '02191': [38, 34, 2, 75, 60],
};

export async function seedDemoMonitoring(deps: AppDeps): Promise<void> {
  const { db } = deps;
  if (await db.selectFrom('monitoring_records').select('id').limit(1).executeTakeFirst()) return;
  const today = todayInVietnam(deps.clock.now());
  const year = today.slice(0, 4);
  const day = (n: number) => {
    const d = addDays(today, -n);
    return formatDate(d.slice(0, 4) === year ? d : `${year}-01-02`);
  };
  const official = await db.selectFrom('users').select('id').where('username', '=', 'canbo.nari').executeTakeFirst();
  const naRiActor = official ? await loadActor(db, official.id) : null;
  for (const [code, [roster, trained, outreach, planned, spent]] of Object.entries(PLAN)) {
    const unit = await db.selectFrom('units').selectAll().where('code', '=', code).where('valid_to', 'is', null).executeTakeFirst();
    if (!unit) continue;
    // The commune's own official where the demo has one; otherwise a demo official of that commune.
    const actor: Actor =
      code === '02155' && naRiActor
        ? naRiActor
        : {
            via: 'session',
            userId: null,
            label: `Công chức ${unit.name} (dữ liệu mẫu)`,
            userKind: 'official',
            grants: [{ role: 'commune_official', unitId: unit.id, unitPath: unit.path, agencyId: null }],
          };
    const add = async (r: Partial<ReturnType<typeof emptyRecord>>, file?: Uploaded) => {
      const res = await enterRecord(deps, t, actor, unit, { ...emptyRecord(r.kind), evidenceNote: 'Lưu tại văn phòng UBND xã (hồ sơ giấy)', ...r }, file);
      if (!res.ok) throw new Error(`demo monitoring: ${JSON.stringify(res)}`);
    };
    await add(
      {
        kind: 'training',
        subkind: 'roster',
        title: `Danh sách người được giao nhiệm vụ thực hiện dân chủ ở cơ sở năm ${year}`,
        heldOn: day(300),
        required: String(roster),
      },
      code === '02155'
        ? {
            filename: `Quyết định danh sách người được giao nhiệm vụ năm ${year}.pdf`,
            bytes: demoPdf(`UBND xa Na Ri - Danh sach ${roster} nguoi duoc giao nhiem vu thuc hien dan chu o co so nam ${year} (du lieu mau)`),
            truncated: false,
          }
        : undefined,
    );
    await add({
      kind: 'training',
      subkind: 'course',
      title: 'Tập huấn Luật Thực hiện dân chủ ở cơ sở cho trưởng thôn, Ban Thanh tra nhân dân',
      heldOn: day(200),
      people: String(Math.ceil(trained / 2)),
    });
    if (trained > Math.ceil(trained / 2))
      await add({
        kind: 'training',
        subkind: 'course',
        title: 'Tập huấn xây dựng hương ước, quy ước cho tổ soạn thảo',
        heldOn: day(90),
        people: String(trained - Math.ceil(trained / 2)),
      });
    for (let i = 0; i < outreach; i++)
      await add({
        kind: 'outreach',
        subkind: ['conference', 'contest', 'media', 'visual'][i % 4]!,
        title: [
          'Hội nghị tuyên truyền Luật Thực hiện dân chủ ở cơ sở',
          'Hội thi tìm hiểu pháp luật về dân chủ ở cơ sở',
          'Phát thanh trên loa truyền thanh xã',
          'Pa nô, áp phích tại nhà văn hóa thôn',
        ][i % 4]!,
        heldOn: day(250 - i * 50),
        people: String(80 + i * 35),
      });
    if (trained >= 30)
      await add({ kind: 'commendation', subkind: 'collective', title: 'Khen thưởng thôn thực hiện tốt dân chủ ở cơ sở', heldOn: day(30), people: '1' });
    await add({
      kind: 'funding',
      subkind: 'state_budget',
      title: `Kinh phí thực hiện dân chủ ở cơ sở năm ${year}`,
      heldOn: day(320),
      planned: String(planned * 1_000_000),
      spent: String(spent * 1_000_000),
    });
  }
}
