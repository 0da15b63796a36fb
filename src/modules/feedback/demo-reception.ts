// Demo reception, QR ratings and one-stop data in xã Na Rì (02155), dated from the clock so that the
// calendar always looks ahead: the chairman's Tuesday mornings for the coming ten weeks (R-H6,
// Reception Law Art 15(2)) and a monthly day of each agency head for the coming three months
// (Art 18(2)) — a Tuesday on a holiday is left out, an agency's day on one moves to the next working
// day — two bookings, a one-stop desk, an official and the suspension bridge of village 5 as QR
// points, about thirty ratings over the last three months (R-H8) and a dossier with two status
// changes. Every name and number is invented. Runs once: nothing is added when Na Rì has QR points.
import type { AppDeps } from '../../app-deps.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { addDays, todayInVietnam } from '../../platform/calendar/calendar.js';
import { workingCalendar } from '../../platform/calendar/store.js';
import { seal, sealJson } from '../../platform/crypto/seal.js';
import { unitByCode } from '../units/units.repo.js';
import { newQrToken } from './commands/rating.js';
import { newBookingCode } from './commands/reception.js';
import { addMonths, weekStart } from './rules/reception.js';

const CHAIR_PLACE = 'Phòng tiếp công dân, trụ sở UBND xã Na Rì';
/** The agency heads' monthly day: the first such weekday of the month (a holiday moves it on). */
const HEADS: Record<string, { dow: number; host: string; start: string; end: string }> = {
  school: { dow: 3, host: 'Ông Nguyễn Văn Khánh, Hiệu trưởng', start: '14:00', end: '16:00' },
  health_station: { dow: 4, host: 'Bà Hoàng Thị Mến, Trạm trưởng', start: '08:00', end: '10:00' },
  peoples_committee: { dow: 5, host: 'Ông Triệu Văn Quý, Chánh Văn phòng', start: '08:00', end: '10:00' },
};
/** Overall answers of the demo ratings, 3 = satisfied: mostly satisfied, a few not. */
const PATTERN = [3, 3, 2, 3, 3, 1, 3, 2, 3, 3];

export async function seedDemoReception(deps: AppDeps): Promise<void> {
  const { db } = deps;
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  const nari = await unitByCode(db, '02155', today);
  if (!nari) return;
  if (await db.selectFrom('qr_points').select('id').where('commune_id', '=', nari.id).executeTakeFirst()) return;
  const [agencies, official, village] = await Promise.all([
    db.selectFrom('agencies').select(['id', 'name', 'kind']).where('unit_id', '=', nari.id).orderBy('id').execute(),
    db.selectFrom('users').select(['id']).where('username', '=', 'canbo.nari').executeTakeFirst(),
    db.selectFrom('units').select(['id', 'name']).where('code', '=', '02155-05').executeTakeFirst(),
  ]);
  const stamp = now.toISOString();
  const cal = await workingCalendar(deps);

  await db.transaction().execute(async (trx) => {
    const tuesdays = Array.from({ length: 10 }, (_, i) => addDays(weekStart(today), 7 * i + 1)).filter((d) => cal.isWorkingDay(d));
    const days = await trx
      .insertInto('reception_days')
      .values(
        tuesdays.map((day) => ({
          unit_id: nari.id,
          agency_id: null,
          host_role: 'commune_chairman' as const,
          host_name: 'Ông Lương Văn Đồng, Chủ tịch UBND xã',
          day,
          start_time: '07:30',
          end_time: '11:00',
          place: CHAIR_PLACE,
          slot_minutes: 15,
          created_by: null,
          created_at: stamp,
        })),
      )
      .returning(['id', 'day'])
      .execute();
    // Art 18(2): every agency head of the commune keeps a day in each of the coming three months.
    const agencyDays = agencies.flatMap((a) => {
      const h = HEADS[a.kind] ?? { dow: 3, host: `Thủ trưởng ${a.name}`, start: '08:00', end: '10:00' };
      return [0, 1, 2].map((i) => {
        const first = `${addMonths(today.slice(0, 7), i)}-01`;
        const dow = new Date(`${first}T00:00:00Z`).getUTCDay();
        return {
          unit_id: nari.id,
          agency_id: a.id,
          host_role: 'agency_head' as const,
          host_name: h.host,
          day: cal.addWorkingDays(addDays(first, (h.dow - dow + 7) % 7), 0),
          start_time: h.start,
          end_time: h.end,
          place: `Phòng họp, ${a.name}`,
          slot_minutes: 20,
          created_by: null,
          created_at: stamp,
        };
      });
    });
    if (agencyDays.length) await trx.insertInto('reception_days').values(agencyDays).execute();
    // Two citizens booked the first Tuesday still ahead.
    const next = days.find((d) => d.day > today) ?? days[days.length - 1]!;
    const bookings = [
      { slot: '07:30', name: 'Lục Thị Hằng', phone: '0912000301', topic: 'Hỏi về chế độ trợ cấp cho người cao tuổi trên 80 tuổi chưa được nhận.' },
      { slot: '07:45', name: 'Hà Văn Lợi', phone: '0912000302', topic: 'Đề nghị xem xét việc cấp giấy chứng nhận quyền sử dụng đất vườn.' },
    ];
    await trx
      .insertInto('reception_bookings')
      .values(
        bookings.map((b) => ({
          reception_day_id: next.id,
          slot: b.slot,
          booking_code: newBookingCode(),
          sealed: sealJson(deps.config.dataKey, { name: b.name, phone: b.phone, topic: b.topic }),
          status: 'booked' as const,
          item_id: null,
          created_at: stamp,
        })),
      )
      .execute();

    const point = (kind: 'desk' | 'officer' | 'place', name: string, unitId: number, officer: number | null) =>
      trx
        .insertInto('qr_points')
        .values({ token: newQrToken(), commune_id: nari.id, unit_id: unitId, kind, name, officer_user_id: officer, created_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
    const desk = await point('desk', 'Quầy số 1 – Bộ phận Một cửa UBND xã Na Rì', nari.id, null);
    const officer = await point('officer', 'Hoàng Thị Lan, công chức Văn phòng – Thống kê', nari.id, official?.id ?? null);
    if (village) await point('place', `Cầu treo qua suối đầu ${village.name}`, village.id, null);

    // About thirty ratings: ten a month over the last three months, desk and official in turn.
    const ratings = [2, 1, 0].flatMap((back) => {
      const month = addMonths(today.slice(0, 7), -back);
      return PATTERN.map((overall, i) => {
        const day = `${month}-${String(Math.min(3 + i * 2, 28)).padStart(2, '0')}`;
        const at = day > today ? today : day;
        return {
          qr_point_id: i % 2 ? officer.id : desk.id,
          commune_id: nari.id,
          month,
          overall,
          time_score: i % 3 === 0 ? null : overall,
          attitude_score: i % 4 === 0 ? null : Math.min(3, overall + (i % 2)),
          correctness_score: overall === 1 ? 2 : 3,
          costs_score: i % 5 === 0 ? null : 3,
          dossier_code: i % 3 === 1 ? `000.00.20.H12-${month.replace('-', '').slice(2)}${String(i + 10)}-${String(back * 10 + i).padStart(4, '0')}` : null,
          comment: null,
          item_id: null,
          created_at: `${at}T03:00:00.000Z`,
        };
      });
    });
    await trx.insertInto('service_ratings').values(ratings).execute();

    // A birth registration pushed twice by the province's one-stop system.
    const code = `000.00.20.H12-${today.replace(/-/g, '').slice(2)}-0007`;
    await trx
      .insertInto('one_stop_dossiers')
      .values({
        code,
        commune_id: nari.id,
        procedure_name: 'Đăng ký khai sinh',
        status: 'in_progress',
        sealed_contact: seal(deps.config.dataKey, '0912000401'),
        notify_channel: 'sms',
        updated_at: stamp,
      })
      .execute();
    await trx
      .insertInto('one_stop_events')
      .values([
        { dossier_code: code, status: 'received', at: new Date(now.getTime() - 2 * 86_400_000).toISOString(), note: null },
        { dossier_code: code, status: 'in_progress', at: new Date(now.getTime() - 86_400_000).toISOString(), note: null },
      ])
      .execute();

    await appendAudit(trx, deps.dialect, now, null, {
      action: 'feedback.seed_demo_reception',
      entityType: 'unit',
      entityId: nari.id,
      unitId: nari.id,
      data: { receptionDays: days.length + agencyDays.length, bookings: bookings.length, qrPoints: village ? 3 : 2, ratings: ratings.length, dossiers: 1 },
    });
  });
}
