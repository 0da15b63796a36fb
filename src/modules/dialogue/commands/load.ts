// Loading a dialogue or a village conference with its place, and the permission check on it. A
// commune dialogue belongs to the commune; a leaders' dialogue also to its agency, so that only that
// agency's staff reach it (Law 10/2022 Art 59(1)(b); covers() in platform/auth/policy.ts).
import type { Conn } from '../../../db/index.js';
import type { Unit } from '../../../db/types.js';
import type { Actor, Resource } from '../../../platform/auth/policy.js';
import { type DialogueAction, dialoguePolicy } from '../dialogue.policy.js';
import type { Dialogue, VillageConference } from '../tables.js';

export type DialogueCtx = { d: Dialogue; unit: Unit; agency: { id: number; name: string } | null; res: Resource };

export async function loadDialogue(db: Conn, id: number): Promise<DialogueCtx | undefined> {
  const d = await db.selectFrom('dialogues').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) return undefined;
  const unit = await db.selectFrom('units').selectAll().where('id', '=', d.unit_id).executeTakeFirstOrThrow();
  const agency = d.agency_id ? await db.selectFrom('agencies').select(['id', 'name']).where('id', '=', d.agency_id).executeTakeFirstOrThrow() : null;
  return { d, unit, agency, res: { unitPath: unit.path, agencyId: d.agency_id } };
}

/** The action to check for a dialogue: commune actions, or their agency counterparts (Art 59(1)(b)). */
export function dialogueAction(d: { agency_id: number | null }, action: 'read' | 'ask' | 'manage'): DialogueAction {
  if (d.agency_id === null) return action === 'read' ? 'readPublic' : action;
  return action === 'read' ? 'readAgency' : action === 'ask' ? 'askAgency' : 'manageAgency';
}

export const mayDialogue = (actor: Actor | null, ctx: DialogueCtx, action: 'read' | 'ask' | 'manage'): boolean =>
  dialoguePolicy(actor, dialogueAction(ctx.d, action), ctx.res);

export type ConferenceCtx = { c: VillageConference; village: Unit; commune: Unit };

export async function loadConference(db: Conn, id: number): Promise<ConferenceCtx | undefined> {
  const c = await db.selectFrom('village_conferences').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) return undefined;
  const [village, commune] = await Promise.all([
    db.selectFrom('units').selectAll().where('id', '=', c.village_id).executeTakeFirstOrThrow(),
    db.selectFrom('units').selectAll().where('id', '=', c.commune_id).executeTakeFirstOrThrow(),
  ]);
  return { c, village, commune };
}
