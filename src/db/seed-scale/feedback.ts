// Feedback of a synthetic commune (issue 5): about one item per 20 households, 60 % of petitions, reports
// and questions answered; each with its history ('received', 'answered'), in the search index as the
// intake indexes it, and — for the authors who chose SMS — the sealed identity and the notices the
// outbox delivered (src/modules/feedback/commands/submit.ts, common.ts notifyCitizen).
import { addDays } from '../../platform/calendar/calendar.js';
import { seal, sealJson } from '../../platform/crypto/seal.js';
import { formatDate } from '../../platform/i18n/index.js';
import { fold } from '../../platform/search/fold.js';
import { at, chunks, code, type Part, person, TRACKING } from './common.js';

const KINDS = ['petition', 'petition', 'petition', 'report', 'question', 'complaint'] as const;
const CATEGORIES = ['infrastructure', 'environment', 'land', 'social_policy', 'administrative_procedure', 'security_order', 'village_affairs'] as const;

export const seedFeedback: Part = async (trx, deps, r, x) => {
  const now = deps.clock.now().toISOString();
  const { commune, today } = x;
  const items = Array.from({ length: Math.max(1, Math.round(x.households.length / 20)) }, (_, i) => {
    const kind = r.pick(KINDS);
    const receivedOn = addDays(today, -r.int(0, 120));
    // A complaint is first accepted, then settled by a decision (Complaints Law Arts 27–31): left received here.
    const answered = kind !== 'complaint' && r.next() < 0.6;
    const village = r.pick(x.villages);
    const due = addDays(receivedOn, kind === 'complaint' ? 30 : 10);
    return {
      tracking_code: `PA-${code(r, TRACKING)}`,
      commune_id: commune.id,
      kind,
      category: r.pick(CATEGORIES),
      channel: r.next() < 0.5 ? 'web' : 'walk_in',
      title: `Kiến nghị số ${i + 1} của ${village.name}`,
      content: 'Nội dung kiến nghị tổng hợp (dữ liệu giả lập).',
      place_text: null,
      village_id: village.id,
      qr_point_id: null,
      anonymous: 0,
      handler_unit_id: commune.id,
      handler_agency_id: null,
      subject_unit_id: null,
      subject_user_id: null,
      subject_text: null,
      status: answered ? ('answered' as const) : ('received' as const),
      received_on: receivedOn,
      known_on: kind === 'complaint' ? addDays(receivedOn, -5) : null,
      excluded_reason: null,
      forward_due: addDays(receivedOn, 5),
      accept_due: due,
      clock: answered ? null : kind === 'complaint' ? ('accept' as const) : ('answer' as const),
      due_on: answered ? null : due,
      answer: answered ? 'UBND xã đã tiếp thu và giải quyết.' : null,
      answered_on: answered ? addDays(receivedOn, r.int(1, 9)) : null,
      notify_channel: r.next() < 0.3 ? ('sms' as const) : ('none' as const),
      user_id: null,
      created_by: null,
      created_at: at(receivedOn),
      updated_at: now,
    };
  });
  const ids: number[] = [];
  await chunks(items, async (c) => ids.push(...(await trx.insertInto('feedback_items').values(c).returning('id').execute()).map((x) => x.id)));
  const events = items.flatMap((f, i) => [
    {
      item_id: ids[i]!,
      at: f.created_at,
      kind: 'received',
      note: null,
      from_unit_id: null,
      to_unit_id: commune.id,
      public: 1,
      actor_user_id: null,
      actor_label: 'Người gửi',
    },
    ...(f.answered_on
      ? [
          {
            item_id: ids[i]!,
            at: at(f.answered_on),
            kind: 'answered',
            note: null,
            from_unit_id: null,
            to_unit_id: null,
            public: 1,
            actor_user_id: null,
            actor_label: 'Công chức UBND xã',
          },
        ]
      : []),
  ]);
  await chunks(events, (c) => trx.insertInto('feedback_events').values(c).execute());
  const docs = items.map((f, i) => ({
    entity_type: 'feedback_item',
    entity_id: String(ids[i]!),
    unit_id: commune.id,
    title: f.title,
    folded: fold(`${f.title} ${f.content} u${commune.id}`),
  }));
  await chunks(docs, (c) => trx.insertInto('search_docs').values(c).execute());
  // Authors who chose SMS: their identity sealed apart (R-H4), the phone sealed in each delivered notice.
  const key = deps.config.dataKey;
  const sms = items.flatMap((f, i) => (f.notify_channel === 'sms' ? [{ f, id: ids[i]!, phone: `09${String(r.int(10000000, 99999999))}` }] : []));
  await chunks(sms, (c) =>
    trx
      .insertInto('feedback_identities')
      .values(c.map((s) => ({ item_id: s.id, sealed: sealJson(key, { name: person(r), phone: s.phone }), signature_sealed: null })))
      .execute(),
  );
  const link = (f: (typeof items)[number]) => `${deps.config.publicUrl}/feedback/${f.tracking_code}`;
  const sent = (day: string, phone: string, params: Record<string, string>) => ({
    channel: 'sms',
    recipient: seal(key, phone),
    template: 'notice',
    params: JSON.stringify(params),
    status: 'sent' as const,
    attempts: 1,
    next_attempt_at: at(day),
    last_error: null,
    created_at: at(day),
    sent_at: at(day),
  });
  const outbox = sms.flatMap(({ f, phone }) => [
    sent(f.received_on, phone, {
      title: `Đã tiếp nhận ${f.tracking_code}`,
      body: `UBND ${commune.name} đã nhận nội dung bạn gửi ngày ${formatDate(f.received_on)}, mã tra cứu ${f.tracking_code}.`,
      link: link(f),
      code: f.tracking_code,
    }),
    ...(f.answered_on
      ? [
          sent(f.answered_on, phone, {
            title: `Đã trả lời ${f.tracking_code}`,
            body: `UBND ${commune.name} đã trả lời nội dung bạn gửi.`,
            link: link(f),
            code: f.tracking_code,
          }),
        ]
      : []),
  ]);
  await chunks(outbox, (c) => trx.insertInto('outbox').values(c).execute());
  return { feedback: items.length, feedbackEvents: events.length, searchDocs: docs.length, outbox: outbox.length };
};
