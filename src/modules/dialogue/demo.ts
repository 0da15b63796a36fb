// Demo dialogues and village conferences, made through the real commands with the clock set to each
// step's day, so that every record has its audit trail: Xã Na Rì's dialogue conference held this year
// (questions asked online and at the conference, answers during and after it, minutes published) and
// an upcoming one open for questions; a leaders' dialogue at Na Rì's school; in Xã Xuân Dương the first
// village's conference held and reported, the second's planned and partly agreed, the others without
// one, so that the commune's R-G1 view flags them.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import type { Actor, Role } from '../../platform/auth/policy.js';
import { loadActor } from '../../platform/auth/session.js';
import { addDays, todayInVietnam } from '../../platform/calendar/calendar.js';
import { fixedClock } from '../../platform/clock.js';
import { formatDate, translator } from '../../platform/i18n/index.js';
import { planConference, recordAgreement } from './commands/conference.js';
import { recordConferenceHeld, sendResultReport } from './commands/conference-held.js';
import { publishMinutes, recordDialogueHeld, scheduleDialogue } from './commands/dialogue.js';
import { answerQuestion, askQuestion } from './commands/questions.js';

const t = translator('vi');
function must<T extends { ok: boolean }>(r: T, what: string): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`demo dialogue: ${what} failed: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

export async function seedDemoDialogue(deps: AppDeps): Promise<void> {
  const { db } = deps;
  if (await db.selectFrom('dialogues').select('id').limit(1).executeTakeFirst()) return;
  const unit = (code: string) => db.selectFrom('units').selectAll().where('code', '=', code).where('valid_to', 'is', null).executeTakeFirst();
  const user = async (username: string) => {
    const u = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    return u ? ((await loadActor(db, u.id)) as Actor) : undefined;
  };
  const [naRi, xuanDuong, v1, v2] = await Promise.all([unit('02155'), unit('02191'), unit('02191-01'), unit('02191-02')]);
  const [chairman, official, head, principal, teacher, xdOfficial] = await Promise.all(
    ['chutich.nari', 'canbo.nari', 'truongthon.xd', 'hieutruong.nari', 'giaovien.nari', 'canbo.xuanduong'].map(user),
  );
  if (!naRi || !xuanDuong || !v1 || !v2 || !chairman || !official || !head || !principal || !teacher || !xdOfficial) return;
  const today = todayInVietnam(deps.clock.now());
  const at = (date: string, hour = 10) => ({ ...deps, clock: fixedClock(`${date}T${String(hour - 7).padStart(2, '0')}:00:00Z`) });
  // A held day in this year when the year allows it (the demo ages with the calendar).
  const heldDay = addDays(today, -40).slice(0, 4) === today.slice(0, 4) ? addDays(today, -40) : addDays(today, -1);

  // 1. Na Rì's dialogue conference of the year, held, with questions, answers and minutes (Art 32).
  {
    const d = must(
      await scheduleDialogue(
        at(addDays(heldDay, -15)),
        t,
        official,
        { unit: naRi, agencyId: null },
        {
          topic: 'Đối thoại với Nhân dân về đầu tư đường liên thôn và hỗ trợ nhà ở năm ' + heldDay.slice(0, 4),
          place: 'Hội trường Ủy ban nhân dân xã Na Rì',
          date: formatDate(heldDay),
          time: '08:00',
          coOrganiser: 'Ủy ban Mặt trận Tổ quốc Việt Nam xã Na Rì',
        },
      ),
      'schedule held dialogue',
    ).id;
    const before = at(addDays(heldDay, -3), 20);
    const q1 = must(
      await askQuestion(
        before,
        t,
        null,
        d,
        { text: 'Khi nào làm đường bê tông từ thôn Nà Cà ra trung tâm xã? Mùa mưa đường trơn, học sinh đi học rất vất vả.', name: 'Hoàng Văn Dũng' },
        'online',
      ),
      'q1',
    );
    const q2 = must(
      await askQuestion(before, t, null, d, { text: 'Hộ nghèo có được hỗ trợ sửa nhà trong năm nay không, thủ tục thế nào?', name: '' }, 'online'),
      'q2',
    );
    const q3 = must(
      await askQuestion(
        at(heldDay, 9),
        t,
        official,
        d,
        { text: 'Đề nghị xã công khai danh sách hộ được hỗ trợ giống lúa.', name: 'Nông Thị Hằng', channel: 'at_conference' },
        'record',
      ),
      'q3',
    );
    const q4 = must(
      await askQuestion(
        at(addDays(heldDay, -5)),
        t,
        official,
        d,
        { text: 'Thời gian mở cửa bộ phận một cửa vào thứ Bảy?', name: '', channel: 'suggestion_box' },
        'record',
      ),
      'q4',
    );
    must(
      await answerQuestion(at(heldDay, 9), t, chairman, q1.questionId, {
        answer:
          'Tuyến đường đã có trong kế hoạch đầu tư công trung hạn; UBND xã khởi công trong quý II năm sau, Nhà nước hỗ trợ xi măng, Nhân dân góp ngày công.',
      }),
      'a1',
    );
    must(
      await answerQuestion(at(heldDay, 10), t, chairman, q2.questionId, {
        answer: 'Có. Hộ nghèo nộp đơn tại thôn; trưởng thôn tổng hợp gửi xã trước ngày 30 hằng tháng. Mức hỗ trợ theo Nghị quyết của HĐND tỉnh.',
      }),
      'a2',
    );
    must(
      await answerQuestion(at(heldDay, 10), t, official, q3.questionId, {
        answer: 'Danh sách được niêm yết tại nhà văn hóa các thôn và đăng trên trang công khai của xã.',
      }),
      'a3',
    );
    must(
      await recordDialogueHeld(at(heldDay, 11), t, official, d, {
        heldOn: formatDate(heldDay),
        attendance: 'Chủ tịch UBND xã, Chủ tịch UBMTTQ xã, đại diện các thôn, 115 người dân.',
      }),
      'held',
    );
    must(
      await publishMinutes(at(addDays(heldDay, 1)), t, official, d, {
        minutes:
          'Hội nghị đối thoại giữa UBND xã Na Rì và Nhân dân, phối hợp với UBMTTQ xã.\nCó 4 câu hỏi (2 gửi trước trực tuyến, 1 nêu tại hội nghị, 1 qua hòm thư góp ý); 3 câu được trả lời tại hội nghị, 1 câu trả lời bằng văn bản sau hội nghị.\nChủ tịch UBND xã kết luận: giao công chức địa chính – xây dựng lập hồ sơ tuyến đường liên thôn; công khai danh sách hỗ trợ giống lúa.',
      }),
      'minutes',
    );
    must(
      await answerQuestion(at(addDays(heldDay, 2)), t, official, q4.questionId, { answer: 'Bộ phận một cửa làm việc sáng thứ Bảy từ 7 giờ 30 đến 11 giờ 30.' }),
      'a4',
    );
  }
  // 2. The next one, open for questions until it opens.
  {
    const day = addDays(today, 14);
    const d = must(
      await scheduleDialogue(
        at(addDays(today, -2)),
        t,
        chairman,
        { unit: naRi, agencyId: null },
        {
          topic: 'Đối thoại về thu gom rác thải và nước sạch nông thôn',
          place: 'Nhà văn hóa thôn Nà Cà',
          date: formatDate(day),
          time: '08:00',
          coOrganiser: 'Ủy ban Mặt trận Tổ quốc Việt Nam xã Na Rì',
        },
      ),
      'schedule upcoming dialogue',
    ).id;
    must(
      await askQuestion(at(addDays(today, -1), 19), t, null, d, { text: 'Xe thu gom rác có thể vào đến các thôn xa không?', name: '' }, 'online'),
      'upcoming q',
    );
  }
  // 3. A leaders' dialogue with staff at Na Rì's school (Art 59(1)(b)), seen by its staff only.
  const school = principal.grants.find((g) => g.agencyId !== null);
  if (school) {
    const day = addDays(today, -20);
    const d = must(
      await scheduleDialogue(
        at(addDays(day, -7)),
        t,
        principal,
        { unit: naRi, agencyId: school.agencyId },
        {
          topic: 'Đối thoại giữa Hiệu trưởng và giáo viên, nhân viên về phân công giảng dạy và chế độ làm thêm giờ',
          place: 'Phòng họp nhà trường',
          date: formatDate(day),
          time: '14:00',
          coOrganiser: 'Ban Chấp hành Công đoàn cơ sở nhà trường',
        },
      ),
      'school dialogue',
    ).id;
    const q = must(
      await askQuestion(at(addDays(day, -2)), t, teacher, d, { text: 'Tiền dạy thêm giờ học kỳ I khi nào được chi trả?', name: '' }, 'online'),
      'school q',
    );
    must(
      await answerQuestion(at(day, 15), t, principal, q.questionId, {
        answer: 'Nhà trường chi trả cùng kỳ lương tháng sau, theo bảng chấm công đã thông qua tổ chuyên môn.',
      }),
      'school a',
    );
    must(
      await recordDialogueHeld(at(day, 17), t, principal, d, { heldOn: formatDate(day), attendance: '32 giáo viên, nhân viên; Chủ tịch Công đoàn.' }),
      'school held',
    );
  }
  await conferences(at, today, xuanDuong, v1, v2, head, xdOfficial);
}

async function conferences(at: (date: string, hour?: number) => AppDeps, today: string, commune: Unit, v1: Unit, v2: Unit, head: Actor, official: Actor) {
  const communeActor = (role: Role, label: string): Actor => ({
    via: 'session',
    userId: null,
    label,
    userKind: 'official',
    grants: [{ role, unitId: commune.id, unitPath: commune.path, agencyId: null }],
  });
  const front = communeActor('front_chairman', 'Chủ tịch UBMTTQ xã Xuân Dương (dữ liệu mẫu)');
  const board = communeActor('inspection_board_member', 'Trưởng ban Thanh tra nhân dân xã Xuân Dương (dữ liệu mẫu)');
  const head2: Actor = {
    via: 'session',
    userId: null,
    label: `Trưởng ${v2.name.replace(/^Thôn/, 'thôn')} (dữ liệu mẫu)`,
    userKind: 'official',
    grants: [{ role: 'village_head', unitId: v2.id, unitPath: v2.path, agencyId: null }],
  };
  // The first village: planned, agreed by all three, notified 7 days ahead, held, reported.
  const held = addDays(today, -3).slice(0, 4) === today.slice(0, 4) ? addDays(today, -3) : today;
  const plan = {
    conferenceOn: formatDate(held),
    startTime: '19:00',
    place: `Nhà văn hóa ${v1.name.replace(/^Thôn/, 'thôn')}`,
    content:
      'Báo cáo kết quả thực hiện các nhiệm vụ của thôn trong năm; báo cáo của Ban công tác Mặt trận về thực hiện dân chủ; báo cáo của thành viên Ban Thanh tra nhân dân; thảo luận kế hoạch năm sau; bình xét gia đình văn hóa.',
    tasks:
      'Trưởng thôn chuẩn bị báo cáo và địa điểm; Ban công tác Mặt trận chuẩn bị báo cáo và danh sách khen thưởng; thành viên Ban TTND chuẩn bị báo cáo giám sát.',
    planSentOn: formatDate(addDays(held, -20)),
    noticeOn: formatDate(addDays(held, -7)),
    noticeMethod: 'writing',
  };
  const c1 = must(await planConference(at(addDays(held, -20)), t, head, v1.id, plan), 'plan v1').id;
  must(await recordAgreement(at(addDays(held, -16)), t, official, c1, { body: 'committee', agreedOn: formatDate(addDays(held, -16)) }), 'agree committee');
  must(await recordAgreement(at(addDays(held, -15)), t, front, c1, { body: 'front', agreedOn: formatDate(addDays(held, -15)) }), 'agree front');
  must(await recordAgreement(at(addDays(held, -15)), t, board, c1, { body: 'board', agreedOn: formatDate(addDays(held, -15)) }), 'agree board');
  must(
    await recordConferenceHeld(
      at(held, 22),
      t,
      head,
      c1,
      {
        heldOn: formatDate(held),
        householdsPresent: '41',
        secretary: 'Ma Văn Hùng',
        headReport: 'Năm nay thôn hoàn thành 1,2 km đường bê tông liên xóm; 100% hộ tham gia bảo hiểm y tế; không có hộ tái nghèo.',
        frontReport: 'Các nội dung thuộc Điều 15 Luật Thực hiện dân chủ ở cơ sở đều được đưa ra cộng đồng bàn và quyết định; Hương ước được công nhận.',
        boardReport: 'Ban Thanh tra nhân dân giám sát việc thu, chi quỹ làm đường: thu, chi đúng, có chứng từ, đã công khai tại nhà văn hóa.',
        discussion: 'Bà con đề nghị lắp thêm đèn đường ở đoạn qua suối; đề nghị xã sớm làm cầu tràn.',
        explanation: 'Trưởng thôn tiếp thu, báo cáo xã đề nghị đèn đường trong kế hoạch năm sau.',
        adopted: 'Hội nghị biểu quyết thông qua kế hoạch năm sau (39/41 hộ tán thành).',
        commendations: 'Khen 5 gia đình văn hóa tiêu biểu.',
        conclusion: 'Trưởng thôn kết luận và bế mạc lúc 21 giờ 30.',
      },
      {},
    ),
    'held v1',
  );
  must(
    await sendResultReport(
      at(held, 22),
      t,
      head,
      c1,
      {
        resultReport: 'Thôn đã tổ chức hội nghị với 41/45 hộ tham dự; thông qua kế hoạch năm sau; kiến nghị xã lắp đèn đường đoạn qua suối.',
        sentOn: formatDate(held),
      },
      [],
    ),
    'report v1',
  );
  // The second village: planned, agreed only by the commune People's Committee so far.
  const day2 = addDays(today, 10);
  const c2 = must(
    await planConference(at(addDays(today, -2)), t, head2, v2.id, {
      ...plan,
      conferenceOn: formatDate(day2),
      place: `Nhà văn hóa ${v2.name.replace(/^Thôn/, 'thôn')}`,
      planSentOn: formatDate(addDays(today, -2)),
      noticeOn: formatDate(addDays(day2, -7)),
    }),
    'plan v2',
  ).id;
  must(await recordAgreement(at(today), t, official, c2, { body: 'committee', agreedOn: formatDate(today) }), 'agree v2');
}
