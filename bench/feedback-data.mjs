// Synthetic feedback items of the feedback benchmark (bench/feedback.mjs), inserted directly with
// better-sqlite3 before the server starts: two years of items with a realistic mix of kinds, channels
// and statuses (old items mostly answered or closed, recent ones open, a few stuck and overdue), stored
// as src/modules/feedback/commands/*.ts store them, with their history (feedback_events) and the sealed
// identities of named authors.
import { createCipheriv, randomBytes } from 'node:crypto';

const DAY = 86_400_000;
export const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const addDays = (day, n) => isoDay(Date.parse(`${day}T00:00:00Z`) + n * DAY);
/** Working days, roughly: weekends skipped, holidays ignored (the clocks' own rules are tested elsewhere). */
function addWorkingDays(day, n) {
  let t = Date.parse(`${day}T00:00:00Z`);
  while (n > 0) {
    t += DAY;
    const w = new Date(t).getUTCDay();
    if (w !== 0 && w !== 6) n--;
  }
  return isoDay(t);
}

/** A small deterministic generator (mulberry32), so that two runs insert the same data. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (xs) => xs[int(xs.length)];
  /** { value: weight, … } → one value. */
  const weighted = (weights) => {
    const pairs = Object.entries(weights);
    let x = next() * pairs.reduce((sum, [, w]) => sum + w, 0);
    for (const [v, w] of pairs) if ((x -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  return { next, int, pick, weighted };
}

/** Tracking codes as the app makes them ("PA-" and six of 31 letters), unique: i → i·48271 + c mod 31⁶ is a bijection. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function codeOf(i) {
  let x = (i * 48271 + 7_777_777) % 887_503_681;
  let s = '';
  for (let k = 0; k < 6; k++) {
    s = ALPHABET[x % 31] + s;
    x = Math.floor(x / 31);
  }
  return `PA-${s}`;
}

/** As src/platform/crypto/seal.ts seals: "v1." + base64url(nonce | tag | ciphertext). */
function seal(key, text) {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
  return `v1.${Buffer.concat([nonce, c.getAuthTag(), body]).toString('base64url')}`;
}

const KINDS = { report: 40, petition: 30, question: 12, complaint: 12, denunciation: 6 };
const CATEGORIES = {
  infrastructure: 24,
  environment: 12,
  land: 14,
  social_policy: 10,
  administrative_procedure: 12,
  officials: 4,
  security_order: 6,
  health_education: 5,
  village_affairs: 8,
  grassroots_democracy: 2,
  other: 3,
};
const CHANNELS = {
  web: 35,
  resident: 15,
  qr: 10,
  email: 3,
  api: 2,
  walk_in: 15,
  hotline: 8,
  letter: 5,
  suggestion_box: 3,
  reception_day: 3,
  social_network: 1,
};
const NOTIFY = { none: 40, sms: 35, zalo: 12, email: 13 };
const TOPICS = {
  infrastructure: ['Cầu treo bị gãy ván', 'Đường bê tông liên thôn sạt lở', 'Đèn đường hỏng', 'Nước sinh hoạt bị đục'],
  environment: ['Rác thải đổ bừa bãi ven suối', 'Khói lò gạch gây ô nhiễm', 'Chăn nuôi gây mùi hôi'],
  land: ['Tranh chấp ranh giới đất', 'Cấp giấy chứng nhận quyền sử dụng đất chậm', 'Lấn chiếm đất công'],
  social_policy: ['Xét hộ nghèo chưa đúng', 'Chậm chi trả trợ cấp', 'Hỗ trợ thiên tai chưa nhận'],
  administrative_procedure: ['Hồ sơ chứng thực trả chậm', 'Thủ tục đăng ký khai sinh', 'Thu phí không có biên lai'],
  officials: ['Cán bộ thái độ chưa đúng mực', 'Cán bộ gây khó khăn khi làm hồ sơ'],
  security_order: ['Tụ tập gây mất trật tự ban đêm', 'Xe quá tải chạy qua thôn'],
  health_education: ['Trạm y tế thiếu thuốc', 'Trường học dột mái'],
  village_affairs: ['Đóng góp làm đường thôn', 'Họp thôn chưa công khai kết quả', 'Quỹ thôn chưa công khai'],
  grassroots_democracy: ['Chưa công khai dự toán ngân sách xã', 'Không lấy ý kiến nhân dân về quy hoạch'],
  other: ['Đề nghị tổ chức lớp tập huấn', 'Hỏi về chính sách vay vốn'],
};

/**
 * Inserts `n` items across `communes` (ids grow with the received date), each with its receipt event
 * and, for a share `history` of them, the rest of its history; when named, its sealed identity; then
 * `receipt(id, item)` (the search and audit entries). `today` is YYYY-MM-DD. Returns counts and a sample of codes.
 */
export function insertItems(db, { n, communes, today, dataKey, actorUserId, history = 0.5, receipt = () => {}, seed = 5 }) {
  const r = rng(seed);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  // Communes differ in size: weights 0.5–2.
  const weights = communes.map(() => 0.5 + 1.5 * r.next());
  const cum = [];
  weights.reduce((s, w, i) => (cum[i] = s + w), 0);
  const totalW = cum[cum.length - 1];
  const pickCommune = () => {
    const x = r.next() * totalW;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return communes[lo];
  };
  const identities = Array.from({ length: 64 }, (_, k) =>
    seal(
      dataKey,
      JSON.stringify({ name: `Người gửi thử ${k}`, address: `Thôn ${k % 9}, xã thử`, phone: `09${String(12_345_670 + k)}`, email: `nguoi${k}@example.vn` }),
    ),
  );
  // biome-ignore format: one list of columns
  const cols = [
    'tracking_code', 'commune_id', 'kind', 'category', 'channel', 'title', 'content', 'place_text', 'village_id', 'anonymous',
    'handler_unit_id', 'handler_board', 'subject_text', 'status', 'received_on', 'known_on', 'complexity', 'forward_due',
    'accept_due', 'accepted_on', 'extensions', 'resolve_due', 'clock', 'due_on', 'escalated_on', 'answer', 'answered_on',
    'refusal_reason', 'forwarded_to', 'publishable', 'public_answer', 'publish_due', 'published_on', 'rating', 'rated_at',
    'reopen_until', 'notify_channel', 'created_by', 'created_at', 'updated_at',
  ];
  const insItem = db.prepare(`insert into feedback_items (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
  const insEvent = db.prepare(
    'insert into feedback_events (item_id, at, kind, from_unit_id, to_unit_id, note, public, actor_user_id, actor_label) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insIdentity = db.prepare('insert into feedback_identities (item_id, sealed) values (?, ?)');
  // Indexes are dropped while loading and made again afterwards (same SQL): sorting once is quicker.
  const indexes = db
    .prepare("select name, sql from sqlite_master where type = 'index' and tbl_name in ('feedback_items', 'feedback_events') and sql is not null")
    .all();
  for (const x of indexes) db.exec(`drop index "${x.name}"`);
  const counts = { items: 0, events: 0, identities: 0, open: 0, overdue: 0, status: {} };
  const sample = [];
  const BATCH = 20_000;
  for (let start = 0; start < n; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(n, start + BATCH); i++) {
        const item = makeItem(r, i, n, pickCommune(), todayMs, today);
        const id = Number(insItem.run(cols.map((c) => item[c] ?? null)).lastInsertRowid);
        counts.items++;
        counts.status[item.status] = (counts.status[item.status] ?? 0) + 1;
        if (item.status === 'received' || item.status === 'accepted') {
          counts.open++;
          if (item.due_on < today) counts.overdue++;
        }
        receipt(id, item);
        if (!item.anonymous) {
          insIdentity.run(id, identities[i & 63]);
          counts.identities++;
        }
        for (const e of historyOf(r, item, r.next() < history)) {
          insEvent.run(
            id,
            e.at,
            e.kind,
            e.from ?? null,
            e.to ?? null,
            e.note ?? null,
            e.public ?? 1,
            e.official ? actorUserId : null,
            e.official ? 'Cán bộ xã' : e.label,
          );
          counts.events++;
        }
        if ((i & 1023) === 0) sample.push({ code: item.tracking_code, communeId: item.commune_id });
      }
    })();
  }
  for (const x of indexes) db.exec(x.sql);
  return { counts, sample };
}

function makeItem(r, i, n, commune, todayMs, today) {
  // Use grows over the two years: density ∝ 1 + t, so ids follow the received date.
  const t = -1 + Math.sqrt(1 + (3 * i) / n);
  const age = Math.round(730 * (1 - t));
  const received = isoDay(todayMs - age * DAY);
  const kind = r.weighted(KINDS);
  const category = kind === 'denunciation' ? r.pick(['officials', 'land', 'social_policy']) : r.weighted(CATEGORIES);
  const named = kind === 'complaint' || kind === 'denunciation' || r.next() < 0.65;
  const village = commune.villages.length && r.next() < 0.6 ? r.pick(commune.villages) : null;
  const board = category === 'grassroots_democracy' || (kind === 'denunciation' && r.next() < 0.2) ? 1 : 0;
  const topic = r.pick(TOPICS[category]);
  const at = `${received}T0${1 + r.int(8)}:${String(r.int(60)).padStart(2, '0')}:00.000Z`;
  const firstDue = kind === 'complaint' ? addDays(received, 10) : kind === 'denunciation' ? addWorkingDays(received, 7) : addWorkingDays(received, 10);
  const item = {
    tracking_code: codeOf(i),
    commune_id: commune.id,
    kind,
    category,
    channel: r.weighted(CHANNELS),
    title: `${topic} (${i})`,
    content: `${topic}. Đề nghị chính quyền xã xem xét, giải quyết sớm cho nhân dân. Mã thử nghiệm ${i}.`,
    place_text: village ? null : r.next() < 0.3 ? 'Gần nhà văn hóa' : null,
    village_id: village,
    anonymous: named ? 0 : 1,
    handler_unit_id: category === 'village_affairs' && village ? village : commune.id,
    handler_board: board,
    subject_text: kind === 'denunciation' ? 'Cán bộ địa chính xã' : null,
    status: 'received',
    received_on: received,
    known_on: kind === 'complaint' ? addDays(received, -(5 + r.int(60))) : null,
    complexity: r.next() < 0.1 ? 'complex' : 'normal',
    forward_due: addWorkingDays(received, 5),
    // As submit.ts stores it: the first deadline stays in accept_due (stats.ts judges "on time" by it).
    accept_due: firstDue,
    extensions: 0,
    clock: kind === 'complaint' ? 'accept' : kind === 'denunciation' ? 'initial' : 'answer',
    due_on: firstDue,
    publishable: 0,
    notify_channel: named ? r.weighted(NOTIFY) : 'none',
    created_at: at,
    updated_at: at,
  };
  if ((kind === 'complaint' || kind === 'denunciation') && age > 8 && r.next() < 0.85) {
    // Accepted: the resolution clock runs (Complaints Law Art 28; Denunciation Law Art 30).
    item.accepted_on = addDays(received, 3 + r.int(6));
    item.resolve_due = addDays(item.accepted_on, kind === 'complaint' ? (item.complexity === 'normal' ? 30 : 45) : 30);
  }
  // Open while its clock runs (most), some past it (late), a few stuck for months (overdue).
  const running = item.resolve_due ?? firstDue;
  const open = today <= running ? r.next() < 0.85 : age <= 90 ? r.next() < 0.1 : r.next() < 0.005;
  if (open && item.resolve_due) Object.assign(item, { status: 'accepted', clock: 'resolve', due_on: item.resolve_due });
  if (open) {
    // Escalated by the hourly run the day after the deadline passed (escalate.ts), as a running server would have.
    if (item.due_on < today) item.escalated_on = [addDays(item.due_on, 1), today].sort()[0];
    return item;
  }
  const ending = r.weighted({ answered: 38, closed: 52, refused: 4, forwarded: 6 });
  const due = running;
  item.due_on = running;
  // About 85 % answered on time: within the running clock, else up to 3 weeks late.
  const lateBy = r.next() < 0.15 ? 1 + r.int(21) : -r.int(8);
  const doneOn = [addDays(due, lateBy), today].sort()[0];
  item.status = ending;
  item.clock = null;
  item.updated_at = `${doneOn}T09:00:00.000Z`;
  if (ending === 'refused') item.refusal_reason = 'Không thuộc thẩm quyền giải quyết hoặc đã được giải quyết đúng pháp luật.';
  else if (ending === 'forwarded') item.forwarded_to = 'UBND tỉnh (Sở Tài nguyên và Môi trường)';
  else {
    item.answer = `Trả lời: UBND xã đã kiểm tra và xử lý nội dung "${topic}".`;
    item.answered_on = doneOn;
    item.reopen_until = addDays(doneOn, 30);
    const publishDue = addWorkingDays(doneOn, 7);
    if (kind === 'denunciation' && ending === 'answered' && (publishDue >= today || r.next() < 0.03)) {
      // Denunciation Law Art 40 (R-H3): the conclusion is to be published; its clock runs (some late).
      Object.assign(item, { clock: 'publish', publish_due: publishDue, due_on: publishDue });
    } else if (r.next() < 0.55) {
      item.publishable = 1;
      item.public_answer = `UBND xã đã kiểm tra, xử lý nội dung "${topic}" và thông báo kết quả.`;
      item.published_on = doneOn;
    }
    const rating = r.weighted({ satisfied: 45, not_satisfied: 15, none: 40 });
    if (rating !== 'none') Object.assign(item, { rating, rated_at: `${[addDays(doneOn, 2), today].sort()[0]}T10:00:00.000Z` });
  }
  return item;
}

/** The history an item of this status would have: its receipt (as submit.ts writes it), and when `full` the rest. */
function historyOf(r, it, full) {
  const ev = [{ at: it.created_at, kind: 'received', to: it.handler_unit_id, label: 'Người gửi' }];
  if (!full) return ev;
  if (it.accepted_on) ev.push({ at: `${it.accepted_on}T08:00:00.000Z`, kind: 'accepted', official: true });
  if (it.status !== 'received' && r.next() < 0.4)
    ev.push({ at: `${it.accepted_on ?? it.received_on}T09:30:00.000Z`, kind: 'step', note: 'Kiểm tra thực địa.', public: r.int(2), official: true });
  const on = it.updated_at;
  if (it.status === 'answered' || it.status === 'closed') ev.push({ at: on, kind: 'answered', official: true });
  if (it.status === 'closed') ev.push({ at: on, kind: 'closed', official: true });
  if (it.status === 'refused') ev.push({ at: on, kind: 'refused', note: it.refusal_reason, official: true });
  if (it.status === 'forwarded') ev.push({ at: on, kind: 'forwarded', note: it.forwarded_to, official: true });
  if (it.escalated_on) ev.push({ at: `${it.escalated_on}T01:00:00.000Z`, kind: 'escalated', public: 0, label: 'Hệ thống' });
  if (it.rating) ev.push({ at: it.rated_at, kind: 'rated', label: 'Người gửi' });
  return ev;
}
