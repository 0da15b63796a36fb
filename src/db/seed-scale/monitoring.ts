// Monitoring records of a synthetic commune (issue 9): the duty roster and the training courses (T-2.1),
// outreach events (M-3.2), a commendation (M-3.8) and this year's funding planned and spent (Art 2), as
// enterRecord writes them (src/modules/monitoring/commands.ts), so the dashboards show real figures.
import { addDays } from '../../platform/calendar/calendar.js';
import { at, type Part } from './common.js';

const OUTREACH = [
  ['conference', 'Hội nghị tuyên truyền Luật Thực hiện dân chủ ở cơ sở'],
  ['contest', 'Hội thi tìm hiểu pháp luật về dân chủ ở cơ sở'],
  ['media', 'Phát thanh trên loa truyền thanh xã'],
  ['visual', 'Pa nô, áp phích tại nhà văn hóa thôn'],
] as const;

export const seedMonitoring: Part = async (trx, _deps, r, x) => {
  const { commune, today } = x;
  const year = today.slice(0, 4);
  // A day this year, `n` days ago or the second of January.
  const day = (n: number) => {
    const d = addDays(today, -n);
    return d.slice(0, 4) === year ? d : `${year}-01-02`;
  };
  const by = `Công chức ${commune.name}`;
  const roster = 20 + x.villages.length;
  const trained = Math.round(roster * (0.3 + 0.7 * r.next()));
  const planned = r.int(50, 150) * 1_000_000;
  const none = null as number | null;
  const base = {
    unit_id: commune.id,
    required: none,
    people: none,
    planned: none,
    spent: none,
    evidence_file_id: null,
    evidence_note: 'Lưu tại văn phòng UBND xã (hồ sơ giấy)',
    created_by: by,
  };
  const rec = (kind: string, subkind: string, title: string, heldOn: string, more: Partial<typeof base> = {}) => ({
    ...base,
    kind: kind as 'training',
    subkind,
    title,
    held_on: heldOn,
    year: Number(heldOn.slice(0, 4)),
    created_at: at(heldOn),
    ...more,
  });
  const rows = [
    rec('training', 'roster', `Danh sách người được giao nhiệm vụ thực hiện dân chủ ở cơ sở năm ${year}`, day(300), { required: roster }),
    rec('training', 'course', 'Tập huấn Luật Thực hiện dân chủ ở cơ sở cho trưởng thôn, Ban Thanh tra nhân dân', day(200), { people: Math.ceil(trained / 2) }),
    rec('training', 'course', 'Tập huấn xây dựng hương ước, quy ước cho tổ soạn thảo', day(90), { people: Math.floor(trained / 2) }),
    ...Array.from({ length: r.int(1, 4) }, (_, i) => rec('outreach', OUTREACH[i]![0], OUTREACH[i]![1], day(250 - i * 50), { people: 60 + r.int(0, 200) })),
    rec('commendation', 'collective', 'Khen thưởng thôn thực hiện tốt dân chủ ở cơ sở', day(30), { people: 1 }),
    rec('funding', 'state_budget', `Kinh phí thực hiện dân chủ ở cơ sở năm ${year}`, day(320), {
      planned,
      spent: Math.round((planned * (0.3 + 0.7 * r.next())) / 1_000_000) * 1_000_000,
    }),
  ];
  await trx.insertInto('monitoring_records').values(rows).execute();
  return { monitoringRecords: rows.length };
};
