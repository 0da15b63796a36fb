// Direct database work of the feedback benchmark (bench/feedback.mjs), with better-sqlite3: synthetic
// communes with villages under the province of the seeded communes and signed-in officials (a session
// row as src/platform/auth/session.ts writes it) and each item's search and audit entries, inserted
// before the server starts; and the check, after it stops, that every acknowledged submission was
// stored exactly once with its notice.
import { createHash, randomBytes } from 'node:crypto';

/** Synthetic communes (with villages) under the province of the seeded communes, up to `total` communes. */
export function insertCommunes(db, total, villagesPerCommune) {
  const seeded = db.prepare("select id, path, parent_id from units where level = 'commune' and valid_to is null order by id").all();
  const province = db.prepare('select id, path from units where id = ?').get(seeded[0].parent_id);
  const insUnit = db.prepare(
    "insert into units (code, name, name_folded, level, parent_id, valid_from, valid_to, successor_id, path, is_demo, note) values (?, ?, ?, ?, ?, null, null, null, '/', 1, 'bench')",
  );
  const setPath = db.prepare('update units set path = ? where id = ?');
  const unit = (code, name, level, parent) => {
    const id = Number(insUnit.run(code, name, name.toLowerCase(), level, parent.id).lastInsertRowid);
    const path = `${parent.path}${id}/`;
    setPath.run(path, id);
    return { id, path };
  };
  const villagesOf = db.prepare("select id from units where parent_id = ? and level = 'village' and valid_to is null");
  const communes = seeded.map((c) => ({ id: c.id, path: c.path, villages: villagesOf.all(c.id).map((v) => v.id), synthetic: false }));
  db.transaction(() => {
    for (let k = communes.length; k < total; k++) {
      const c = unit(`9${String(k).padStart(4, '0')}`, `Xã Thử Nghiệm ${k}`, 'commune', province);
      const villages = [];
      for (let v = 0; v < villagesPerCommune; v++) villages.push(unit(`9${String(k).padStart(4, '0')}-${v}`, `Thôn ${v + 1} xã ${k}`, 'village', c).id);
      communes.push({ ...c, villages, synthetic: true });
    }
  })();
  return { province, communes };
}

/** An official with `role` on `unitId`, signed in: a session row as src/platform/auth/session.ts writes it. */
export function insertOfficial(db, { unitId, role, username, now, hours = 12 }) {
  const u = Number(
    db
      .prepare("insert into users (kind, username, display_name, created_at, is_demo) values ('official', ?, ?, ?, 1)")
      .run(username, `Cán bộ ${username}`, now.toISOString()).lastInsertRowid,
  );
  db.prepare('insert into role_grants (user_id, role, unit_id, granted_at) values (?, ?, ?, ?)').run(u, role, unitId, now.toISOString());
  const token = randomBytes(32).toString('base64url');
  const seed = randomBytes(16).toString('base64url');
  db.prepare("insert into sessions (id, user_id, stage, csrf_secret, created_at, expires_at) values (?, ?, 'full', ?, ?, ?)").run(
    createHash('sha256').update(token).digest('hex'),
    u,
    seed,
    now.toISOString(),
    new Date(now.getTime() + hours * 3_600_000).toISOString(),
  );
  return { userId: u, cookie: `dc_sid=${token}`, csrfSeed: seed };
}

/** What the intake left in the database, against the submissions the server acknowledged (2xx). */
export function checkIntake(db, accepted, before) {
  const items = db.prepare('select tracking_code code, commune_id, title, notify_channel from feedback_items where id > ?').all(before.item);
  const notices = db.prepare("select json_extract(params, '$.code') code, channel, recipient, status from outbox where id > ?").all(before.outbox);
  const identities = db.prepare('select count(*) n from feedback_identities where item_id > ?').get(before.item).n;
  const group = (rows) => {
    const m = new Map();
    for (const x of rows) m.set(x.code, [...(m.get(x.code) ?? []), x]);
    return m;
  };
  const stored = group(items);
  const noticesOf = group(notices);
  const c = { acknowledged: accepted.length, stored: items.length, identities, storedOnce: 0, asSent: 0, withNotice: 0, sealed: 0, outbox: {} };
  for (const a of accepted) {
    const rows = stored.get(a.code) ?? [];
    const it = rows.length === 1 ? rows[0] : null;
    if (it) c.storedOnce++;
    if (it && it.commune_id === a.body.commune && it.title === a.body.title && it.notify_channel === a.body.notifyChannel) c.asSent++;
    const ns = noticesOf.get(a.code) ?? [];
    if (ns.length === 1 && ns[0].channel === a.body.notifyChannel) c.withNotice++;
    if (ns.length === 1 && ns[0].recipient.startsWith('v1.')) c.sealed++;
  }
  for (const x of notices) c.outbox[x.status] = (c.outbox[x.status] ?? 0) + 1;
  const codes = new Set(accepted.map((a) => a.code));
  c.unacknowledged = items.filter((it) => !codes.has(it.code)).length;
  const n = accepted.length;
  c.exact = codes.size === n && c.storedOnce === n && c.asSent === n && c.withNotice === n && c.sealed === n && c.unacknowledged === 0;
  return c;
}

const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** What submit.ts writes besides the item at its receipt: the search entry (title and content only) and
 * the audit entry, chained as src/platform/audit/audit.ts chains them (later handling entries are left out). */
export function receiptTrail(db) {
  const doc = db.prepare("insert into search_docs (entity_type, entity_id, unit_id, title, folded) values ('feedback_item', ?, ?, ?, ?)");
  const audit = db.prepare(
    "insert into audit_log (seq, at, actor_user_id, actor_label, action, entity_type, entity_id, unit_id, data, prev_hash, hash) values (?, ?, null, 'Người gửi', 'feedback.received', 'feedback_item', ?, ?, ?, ?, ?)",
  );
  const last = db.prepare('select seq, hash from audit_log order by seq desc limit 1').get();
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? '0'.repeat(64);
  return (id, it) => {
    doc.run(String(id), it.commune_id, it.title, fold(`${it.title} ${it.content} u${it.commune_id}`));
    // Keys sorted, as canonicalJson writes them.
    const data = JSON.stringify({
      category: it.category,
      channel: it.channel,
      code: it.tracking_code,
      due: it.accept_due,
      files: 0,
      kind: it.kind,
      lateDays: 0,
      receivedOn: it.received_on,
    });
    seq++;
    const fields = [seq, it.created_at, '', 'Người gửi', 'feedback.received', 'feedback_item', String(id), it.commune_id, data];
    const hash = createHash('sha256')
      .update(`${prev}\n${fields.join('\u001f')}`)
      .digest('hex');
    audit.run(seq, it.created_at, String(id), it.commune_id, data, prev, hash);
    prev = hash;
  };
}
