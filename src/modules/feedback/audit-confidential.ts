// Which audit entries about a denunciation an actor may read (the manifest's `auditConfidential`).
// The audit chain holds, for every step of a denunciation, its tracking code and its data (kind,
// the person denounced, who opened the denouncer's identity). Denunciation Law Arts 4, 47–48 and
// R-H4: the denunciation and the denouncer stay confidential, and never reach the person or unit
// denounced. So an entry about a denunciation is read in full only by those who may handle it by
// this module's own rule (`may` in commands/handle.ts: the policy on the handling unit, the board's
// limit, never the person or unit denounced); everyone else sees a neutral line.
import type { AppDeps } from '../../app-deps.js';
import type { Actor } from '../../platform/auth/policy.js';
import type { AuditRef } from '../module.js';
import { type Handled, may } from './commands/handle.js';

type Data = Record<string, unknown>;
const parse = (text: string): Data => {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Data) : {};
  } catch {
    return {};
  }
};
/** Does the entry's data say the item is (or was) a denunciation (intake, reclassification)? */
const saysDenunciation = (d: Data): boolean =>
  d.kind === 'denunciation' || (d.from as Data | undefined)?.kind === 'denunciation' || (d.to as Data | undefined)?.kind === 'denunciation';

/** The item an entry is about: a feedback item by id, or the item a reception booking became (by its code). */
function itemOf(e: AuditRef, d: Data): { id?: number; code?: string } | null {
  if (e.entity_type === 'feedback_item') return { id: Number(e.entity_id) };
  if (e.entity_type === 'reception_booking' && typeof d.item === 'string') return { code: d.item };
  return null;
}

export async function confidentialAuditEntries(deps: AppDeps, actor: Actor, entries: AuditRef[]): Promise<Set<number>> {
  const parsed = entries.map((e) => ({ e, d: parse(e.data), ref: null as { id?: number; code?: string } | null }));
  for (const p of parsed) p.ref = itemOf(p.e, p.d);
  const ids = [...new Set(parsed.flatMap((p) => (p.ref?.id && Number.isSafeInteger(p.ref.id) && p.ref.id <= 2_147_483_647 ? [p.ref.id] : [])))];
  const codes = [...new Set(parsed.flatMap((p) => (p.ref?.code ? [p.ref.code] : [])))];
  const hidden = new Set<number>();
  if (ids.length === 0 && codes.length === 0) return hidden;
  // The same paths loadHandled reads, for all the items at once.
  const rows = (await deps.db
    .selectFrom('feedback_items as f')
    .innerJoin('units as h', 'h.id', 'f.handler_unit_id')
    .innerJoin('units as c', 'c.id', 'f.commune_id')
    .leftJoin('units as s', 's.id', 'f.subject_unit_id')
    .selectAll('f')
    .select(['h.path as handlerPath', 'c.path as communePath', 's.path as subjectPath'])
    .where((eb) => eb.or([...(ids.length ? [eb('f.id', 'in', ids)] : []), ...(codes.length ? [eb('f.tracking_code', 'in', codes)] : [])]))
    .execute()) as Handled[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byCode = new Map(rows.map((r) => [r.tracking_code, r]));
  const keyOf = (ref: { id?: number; code?: string }) => (ref.id !== undefined ? `i${ref.id}` : `c${ref.code}`);
  // Per item: a denunciation now or by any of its entries, and whether one of them named this actor as denounced.
  const denounced = new Map<string, boolean>();
  const namesActor = new Set<string>();
  for (const p of parsed) {
    if (!p.ref) continue;
    const it = p.ref.id !== undefined ? byId.get(p.ref.id) : byCode.get(p.ref.code as string);
    const key = it ? `i${it.id}` : keyOf(p.ref);
    p.ref = it ? { id: it.id } : p.ref;
    if (saysDenunciation(p.d) || it?.kind === 'denunciation') denounced.set(key, true);
    if (actor.userId !== null && p.d.subjectUserId === actor.userId) namesActor.add(key);
  }
  for (const p of parsed) {
    if (!p.ref) continue;
    const key = keyOf(p.ref);
    if (!denounced.get(key)) continue;
    const it = p.ref.id !== undefined ? byId.get(p.ref.id) : undefined;
    // An item no longer found, or one that named this actor as the person denounced, stays closed.
    const open = !!it && !namesActor.has(key) && may(actor, 'step', { ...it, kind: 'denunciation' });
    if (!open) hidden.add(p.e.seq);
  }
  return hidden;
}
