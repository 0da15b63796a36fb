// Who may do what with consultations (issue 6): commune officials and the chairman prepare, open,
// enter comments, moderate, answer and close; residents of the audience comment online; anyone
// reads an opened commune consultation. Inside an agency (Arts 53–55) only its staff read and
// comment; its head prepares and answers; the union records its opinion (Art 55(2)).
import type { Conn } from '../../db/index.js';
import { type Actor, definePolicy, type Resource } from '../../platform/auth/policy.js';

export const consultationPolicy = definePolicy({
  readPublic: 'anyone',
  readDrafts: ['commune_official', 'commune_chairman', 'council_observer', 'front_chairman', 'admin'],
  prepare: ['commune_official', 'commune_chairman'],
  commentOnline: ['resident', 'household_representative'],
  readAgency: ['agency_head', 'agency_staff', 'union_head'],
  prepareAgency: ['agency_head'],
  commentAgency: ['agency_head', 'agency_staff', 'union_head'],
  recordUnion: ['union_head', 'agency_head'],
  /** Names of those who gave a comment and of persons affected by an adverse decision (Art 9(2)). */
  readNames: ['commune_official', 'commune_chairman', 'admin'],
});
export type ConsultationAction = Parameters<typeof consultationPolicy>[1];

type Where = { unit_path: string; agency_id: number | null; scope: 'commune' | 'agency'; status: string };

/** What the actor may do with this consultation. */
export function abilities(actor: Actor | null, c: Where) {
  const res: Resource = { unitPath: c.unit_path, agencyId: c.agency_id };
  if (c.scope === 'agency') {
    const prepare = consultationPolicy(actor, 'prepareAgency', res);
    return {
      // A draft in preparation is the head's until it is opened to the staff.
      read: c.status === 'draft' ? prepare : consultationPolicy(actor, 'readAgency', res),
      readDrafts: prepare,
      prepare,
      readNames: prepare,
      recordUnion: consultationPolicy(actor, 'recordUnion', res),
    };
  }
  const prepare = consultationPolicy(actor, 'prepare', res);
  return {
    read: c.status !== 'draft' || prepare || consultationPolicy(actor, 'readDrafts', res),
    readDrafts: prepare || consultationPolicy(actor, 'readDrafts', res),
    prepare,
    readNames: consultationPolicy(actor, 'readNames', res),
    recordUnion: false,
  };
}

/**
 * May this person comment online? A resident of the commune (or of a chosen village), whose grant
 * lies inside the audience; in an agency, any of its staff.
 */
export function mayCommentOnline(actor: Actor | null, c: Where, villagePaths: string[] | null): boolean {
  if (!actor) return false;
  if (c.scope === 'agency') return consultationPolicy(actor, 'commentAgency', { unitPath: c.unit_path, agencyId: c.agency_id });
  const places = villagePaths ?? [c.unit_path];
  return actor.grants.some((g) => places.some((p) => g.unitPath.startsWith(p)) && consultationPolicy(actor, 'commentOnline', { unitPath: g.unitPath }));
}

/** Of these consultations, the ids the actor may open (the same `read` as the consultation's own page):
 * for links from other modules, e.g. a regulation's "hồ sơ lấy ý kiến" (R-D4), shown only to who may follow them. */
export async function readableIds(db: Conn, actor: Actor | null, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('consultations as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.scope', 'c.status', 'c.agency_id', 'u.path as unit_path'])
    .where('c.id', 'in', ids)
    .execute();
  return new Set(rows.filter((r) => abilities(actor, r).read).map((r) => r.id));
}
