// Demo data for Xã Na Rì through the real commands, each run with the clock set to its day: a
// People's Inspection Board sized to the commune's villages and recognised by the Front, a quarterly
// and a specific plan, two inspections whose recommendations were answered on time, answered late
// (partly, with the reason) and left overdue (escalated to the chairman), a rural road built with
// community contributions and its supervision board with a supervision visit, and the school's board
// (24 staff, an invented figure: the demo agencies carry no staff count). Runs once: skipped when the
// commune already has a board.
import type { AppDeps } from '../../app-deps.js';
import type { Actor } from '../../platform/auth/policy.js';
import { loadActor } from '../../platform/auth/session.js';
import { fixedClock } from '../../platform/clock.js';
import { formatDate, translator } from '../../platform/i18n/index.js';
import { unitByCode } from '../units/units.repo.js';
import { createAgencyBoard, createCommuneBoard, recogniseBoard } from './commands/boards.js';
import type { Result } from './commands/common.js';
import { addMember } from './commands/members.js';
import { createProject, createSupervisionBoard, updateProgress } from './commands/projects.js';
import { answerRecommendation, createPlan, recordActivity } from './commands/work.js';
import { escalateOverdueRecommendations } from './escalate.js';

const t = translator('vi');
const d = (iso: string) => formatDate(iso);

export async function seedDemoOversight(base: AppDeps): Promise<void> {
  const { db } = base;
  const commune = await unitByCode(db, '02155', '2026-07-01');
  if (!commune) return;
  if (await db.selectFrom('oversight_boards').select('id').where('commune_id', '=', commune.id).executeTakeFirst()) return;
  const actor = async (username: string): Promise<Actor> => {
    const u = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return (await loadActor(db, u.id)) as Actor;
  };
  const on = (day: string): AppDeps => ({ ...base, clock: fixedClock(`${day}T03:00:00Z`) });
  const must = <X>(r: Result<X>, what: string): X & { ok: true } => {
    if (!r.ok) throw new Error(`oversight demo: ${what}: ${JSON.stringify(r)}`);
    return r;
  };
  const [front, member, chairman, official, supervisor, union] = await Promise.all(
    ['mattran.nari', 'ttnd.nari', 'chutich.nari', 'canbo.nari', 'gsdt.nari', 'congdoan.nari'].map(actor),
  );
  const villages = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('parent_id', '=', commune.id)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
  const reps = await db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.full_name', 'h.unit_id', 'h.code'])
    .where(
      'h.unit_id',
      'in',
      villages.map((v) => v.id),
    )
    .where('r.is_representative', '=', 1)
    .where('h.code', 'in', ['H001', 'H002', 'H003'])
    .execute();
  const rep = (villageId: number, code: string) => reps.find((r) => r.unit_id === villageId && r.code === code)?.full_name ?? `Đại diện ${code}`;

  // The commune board: one member per village (at least 05), elected at village meetings in July 2026.
  const size = Math.max(5, villages.length);
  const board = must(await createCommuneBoard(on('2026-07-05'), t, front, commune, { size: String(size) }), 'board');
  for (const [i, v] of villages.entries()) {
    const count = villages.length < 5 && i === 0 ? 6 - villages.length : 1;
    for (let k = 0; k < count; k++) {
      const name = i === 0 && k === 0 ? 'Triệu Văn Sơn' : rep(v.id, k === 0 ? 'H001' : 'H00' + String(k + 1));
      const position = i === 0 && k === 0 ? 'head' : i === 1 && k === 0 ? 'deputy' : 'member';
      const input = {
        fullName: name,
        villageId: String(v.id),
        position,
        seat: '',
        occupation: 'none',
        permanentResident: true,
        noConflict: false,
        electedOn: d(`2026-07-${String(10 + (i % 10)).padStart(2, '0')}`),
      };
      must(await addMember(on('2026-07-22'), t, front, board.id, input), `member ${name}`);
    }
  }
  must(await recogniseBoard(on('2026-07-25'), t, front, board.id, { recognisedOn: d('2026-07-25') }), 'recognise');

  const plan = { body: '', endsOn: '', inspectedParty: '', notifiedOn: '' };
  must(
    await createPlan(on('2026-10-01'), t, member, board.id, {
      ...plan,
      period: 'quarter',
      title: 'Kế hoạch kiểm tra, giám sát quý IV năm 2026',
      startsOn: d('2026-10-01'),
      endsOn: d('2026-12-31'),
    }),
    'quarter plan',
  );
  const specific = must(
    await createPlan(on('2026-10-09'), t, member, board.id, {
      ...plan,
      period: 'specific',
      title: 'Kiểm tra việc thu, sử dụng khoản đóng góp làm đường nội thôn',
      startsOn: d('2026-10-20'),
      inspectedParty: 'UBND xã Na Rì (bộ phận tài chính – kế toán)',
      notifiedOn: d('2026-10-09'),
    }),
    'specific plan',
  );
  const first = must(
    await recordActivity(
      on('2026-10-21'),
      t,
      member,
      board.id,
      {
        kind: 'inspection',
        subject: 'Kiểm tra thu, sử dụng khoản đóng góp làm đường nội thôn',
        findings:
          'Đã thu 118.500.000 đồng của 395 hộ, có sổ theo dõi và phiếu thu đầy đủ.\n\nDanh sách hộ đóng góp chưa được niêm yết tại nhà văn hóa thôn; 12 hộ nghèo vẫn bị thu mức bình quân.',
        heldOn: d('2026-10-20'),
        planId: String(specific.id),
        feedbackCode: '',
        published: true,
        sentOn: d('2026-10-21'),
        recommendations: [
          { addressee: 'UBND xã Na Rì', content: 'Niêm yết công khai danh sách hộ và số tiền đóng góp tại nhà văn hóa các thôn có đường.' },
          { addressee: 'UBND xã Na Rì', content: 'Hoàn trả khoản đã thu của 12 hộ nghèo, theo đúng nghị quyết của hội nghị thôn.' },
        ],
      },
      [],
    ),
    'inspection 1',
  );
  const recs = await db.selectFrom('oversight_recommendations').select('id').where('activity_id', '=', first.id).orderBy('id').execute();
  must(
    await answerRecommendation(on('2026-11-03'), t, chairman, recs[0]!.id, {
      kind: 'accepted',
      text: 'Đã niêm yết danh sách tại 4 nhà văn hóa thôn từ ngày 02/11/2026.',
      answeredOn: d('2026-11-03'),
    }),
    'answer 1',
  );
  must(
    await answerRecommendation(on('2026-11-12'), t, chairman, recs[1]!.id, {
      kind: 'partly',
      text: 'Đã hoàn trả cho 9 hộ nghèo; 3 hộ tự nguyện đóng góp theo biên bản họp thôn nên không hoàn trả.',
      answeredOn: d('2026-11-12'),
    }),
    'answer 2 (late)',
  );
  must(
    await recordActivity(
      on('2026-11-11'),
      t,
      member,
      board.id,
      {
        kind: 'inspection',
        subject: 'Giám sát việc chi trả hỗ trợ gạo cứu đói dịp lũ tháng 9',
        findings: 'Danh sách 46 hộ nhận gạo đã được họp thôn bình xét; 2 hộ phản ánh nhận thiếu 10 kg so với danh sách.',
        heldOn: d('2026-11-10'),
        planId: '',
        feedbackCode: '',
        published: true,
        sentOn: d('2026-11-11'),
        recommendations: [{ addressee: 'UBND xã Na Rì', content: 'Kiểm tra, cấp bù số gạo còn thiếu cho 2 hộ và báo cáo kết quả với Ban.' }],
      },
      [],
    ),
    'inspection 2',
  );
  // The second inspection's recommendation is left unanswered: overdue from 27/11/2026, escalated.
  await escalateOverdueRecommendations(on('2026-11-27'));

  // The project register: a rural road with community contributions, and its supervision board.
  const village = villages[0]!;
  const project = must(
    await createProject(on('2026-08-01'), t, official, commune, {
      name: `Bê tông hóa đường nội thôn ${village.name}`,
      investor: 'UBND xã Na Rì',
      decisionMaker: 'Chủ tịch UBND xã Na Rì',
      decisionNumber: '215/QĐ-UBND',
      decisionDate: d('2026-07-20'),
      contractor: 'Hợp tác xã Xây dựng Bắc Kạn (dữ liệu mẫu)',
      budgetState: '850.000.000',
      budgetCommune: '150.000.000',
      budgetCommunity: '120.000.000',
      budgetOther: '',
      villages: village.name,
      startsOn: d('2026-09-01'),
      endsOn: d('2027-03-31'),
    }),
    'project',
  );
  const sup = must(
    await createSupervisionBoard(on('2026-08-05'), t, front, project.id, {
      size: '5',
      supervisionStartsOn: d('2026-09-20'),
      investorNotifiedOn: d('2026-08-05'),
    }),
    'supervision board',
  );
  const supMembers = [
    { fullName: 'Hà Thị Mai', seat: 'resident', position: 'head' },
    { fullName: 'Hoàng Văn Bình', seat: 'front', position: 'deputy' },
    { fullName: rep(villages[1]?.id ?? village.id, 'H001'), seat: 'inspection_board', position: 'member' },
    { fullName: rep(village.id, 'H002'), seat: 'resident', position: 'member' },
    { fullName: rep(village.id, 'H003'), seat: 'resident', position: 'member' },
  ];
  for (const m of supMembers)
    must(
      await addMember(on('2026-08-10'), t, front, sup.id, {
        ...m,
        villageId: '',
        occupation: 'none',
        permanentResident: true,
        noConflict: true,
        electedOn: d('2026-08-08'),
      }),
      `sup ${m.fullName}`,
    );
  must(await recogniseBoard(on('2026-08-12'), t, front, sup.id, { recognisedOn: d('2026-08-12') }), 'recognise sup');
  const visit = must(
    await recordActivity(
      on('2026-11-16'),
      t,
      supervisor,
      sup.id,
      {
        kind: 'supervision',
        subject: 'Giám sát chất lượng mặt đường đoạn 1 (Km0 – Km0+600)',
        findings: 'Mặt đường rộng 3,5 m đúng thiết kế; 3 điểm khoan kiểm tra có chiều dày 16 cm, thiết kế 18 cm.',
        heldOn: d('2026-11-15'),
        planId: '',
        feedbackCode: '',
        published: true,
        sentOn: d('2026-11-16'),
        recommendations: [
          {
            addressee: 'Chủ đầu tư: UBND xã Na Rì',
            content: 'Yêu cầu nhà thầu khoan kiểm định độc lập đoạn 1 và xử lý đoạn không đủ chiều dày trước khi nghiệm thu.',
          },
        ],
      },
      [],
    ),
    'supervision visit',
  );
  const supRec = await db.selectFrom('oversight_recommendations').select('id').where('activity_id', '=', visit.id).executeTakeFirstOrThrow();
  must(
    await answerRecommendation(on('2026-11-25'), t, chairman, supRec.id, {
      kind: 'accepted',
      text: 'Đã mời Trung tâm kiểm định tỉnh khoan 6 mẫu; nhà thầu làm lại 80 m mặt đường từ 01/12/2026.',
      answeredOn: d('2026-11-25'),
    }),
    'answer sup',
  );
  must(
    await updateProgress(on('2026-11-30'), t, official, project.id, {
      progress: '45',
      disbursed: '400.000.000',
      acceptedOn: '',
      finalAccountsOn: '',
      ended: false,
    }),
    'progress',
  );

  // The school: 24 staff (invented), so a board of 03 elected at the staff conference (R-F8).
  const school = await db.selectFrom('agencies').select('id').where('unit_id', '=', commune.id).where('kind', '=', 'school').executeTakeFirst();
  if (school) {
    const ab = must(
      await createAgencyBoard(on('2026-09-25'), t, union, commune, school.id, {
        staffCount: '24',
        size: '3',
        conferenceOn: d('2026-09-25'),
        moreAllowed: false,
      }),
      'agency board',
    );
    for (const [name, position] of [
      ['Lường Thị Nhung', 'head'],
      ['Hoàng Văn Tùng', 'deputy'],
      ['Lý Thị Dung', 'member'],
    ] as const)
      must(
        await addMember(on('2026-09-28'), t, union, ab.id, {
          fullName: name,
          villageId: '',
          position,
          seat: '',
          occupation: 'staff',
          permanentResident: false,
          noConflict: false,
          electedOn: d('2026-09-25'),
        }),
        `agency ${name}`,
      );
    must(await recogniseBoard(on('2026-09-29'), t, union, ab.id, { recognisedOn: d('2026-09-29') }), 'recognise agency');
  }
}
