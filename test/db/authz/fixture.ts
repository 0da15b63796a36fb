// The authorisation matrix fixture (issue 10 item 2): one server on the demo data, one actor per
// role × relation of its grant to the resource's unit, signed in through a real session row and
// the session cookie, exactly as the sign-in form leaves it.
import { createHmac } from 'node:crypto';
import { type Actor, ROLES, type Role } from '../../../src/platform/auth/policy.js';
import { createSession, loadActor, SESSION_COOKIE, sha256 } from '../../../src/platform/auth/session.js';
import type { TestServer } from '../../helpers.js';

/** Where the actor's grant sits relative to the unit of the resource. */
export const RELATIONS = ['own', 'child', 'sibling', 'other_province'] as const;
export type Relation = (typeof RELATIONS)[number];
/** 'own': the grant is on the resource's unit; 'child': the resource is in a child of the grant's unit. */
export type Level = 'commune' | 'village';
export const AGENCY_ROLES: ReadonlySet<Role> = new Set(['agency_head', 'agency_staff', 'union_head']);

export type Fixture = {
  s: TestServer;
  /** unit ids: the resource's unit per level and the unit granted per relation. */
  unit: Record<Level, number>;
  grantUnit: Record<Level, Record<Relation, number>>;
  /** The demo school of Na Rì: the agency of agency resources and of every agency role. */
  agencyId: number;
  cookie: (role: Role | 'anonymous', level: Level, rel: Relation) => string;
  csrf: (cookie: string) => string;
  /** The actor with this role granted on the resource's unit ('own'), for a probe's setup to act as. */
  actor: (role: Role, level: Level) => Promise<Actor>;
};

export async function buildFixture(s: TestServer): Promise<Fixture> {
  const db = s.deps.db;
  const now = s.deps.clock.now().toISOString();
  const byCode = async (code: string) =>
    (await db.selectFrom('units').select(['id', 'path']).where('code', '=', code).where('valid_to', 'is', null).executeTakeFirstOrThrow()).id;
  // Another province with one commune and one village, outside Thái Nguyên's subtree.
  const prov = await db
    .insertInto('units')
    .values({
      code: '98',
      name: 'Tỉnh Thử Nghiệm',
      name_folded: 'tinh thu nghiem',
      level: 'province',
      parent_id: null,
      valid_from: null,
      valid_to: null,
      successor_id: null,
      path: '',
      is_demo: 1,
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('units')
    .set({ path: `/${prov.id}/` })
    .where('id', '=', prov.id)
    .execute();
  const com = await db
    .insertInto('units')
    .values({
      code: '98001',
      name: 'Xã Thử Nghiệm',
      name_folded: 'xa thu nghiem',
      level: 'commune',
      parent_id: prov.id,
      valid_from: null,
      valid_to: null,
      successor_id: null,
      path: '',
      is_demo: 1,
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('units')
    .set({ path: `/${prov.id}/${com.id}/` })
    .where('id', '=', com.id)
    .execute();
  const vil = await db
    .insertInto('units')
    .values({
      code: '98001-01',
      name: 'Thôn Thử Nghiệm',
      name_folded: 'thon thu nghiem',
      level: 'village',
      parent_id: com.id,
      valid_from: null,
      valid_to: null,
      successor_id: null,
      path: '',
      is_demo: 1,
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('units')
    .set({ path: `/${prov.id}/${com.id}/${vil.id}/` })
    .where('id', '=', vil.id)
    .execute();

  const unit = { commune: await byCode('02155'), village: await byCode('02191-01') };
  const grantUnit: Fixture['grantUnit'] = {
    commune: { own: unit.commune, child: await byCode('19'), sibling: await byCode('02143'), other_province: com.id },
    village: { own: unit.village, child: await byCode('02191'), sibling: await byCode('02191-02'), other_province: vil.id },
  };
  const agencyId = (await db.selectFrom('agencies').select('id').where('unit_id', '=', unit.commune).where('kind', '=', 'school').executeTakeFirstOrThrow()).id;

  const cookies = new Map<string, string>();
  const userIds = new Map<string, number>();
  for (const level of ['commune', 'village'] as const)
    for (const rel of RELATIONS)
      for (const role of ROLES) {
        const u = await db
          .insertInto('users')
          .values({
            kind: role === 'resident' || role === 'household_representative' ? 'resident' : 'official',
            username: `m.${role}.${level}.${rel}`,
            phone: null,
            display_name: `${role} ${level} ${rel}`,
            password_hash: null,
            totp_secret: null,
            resident_id: null,
            created_at: now,
            disabled_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('role_grants')
          .values({
            user_id: u.id,
            role,
            unit_id: grantUnit[level][rel],
            agency_id: AGENCY_ROLES.has(role) ? agencyId : null,
            granted_by: null,
            granted_at: now,
            revoked_at: null,
            revoked_by: null,
          })
          .execute();
        const token = await createSession(db, u.id, 'full', s.deps.clock.now(), 3_600_000);
        cookies.set(`${role}|${level}|${rel}`, `${SESSION_COOKIE}=${token}`);
        userIds.set(`${role}|${level}|${rel}`, u.id);
      }
  // An anonymous visitor's form token comes with the seed cookie a page with a form sets.
  const signInPage = await fetch(`${s.url}/sign-in`);
  const anonCookie = signInPage.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const anonToken = /name="_csrf" value="([^"]+)"/.exec(await signInPage.text())![1]!;
  const secrets = new Map<string, string>();
  for (const r of await db.selectFrom('sessions').select(['id', 'csrf_secret']).execute()) secrets.set(r.id, r.csrf_secret);
  return {
    s,
    unit,
    grantUnit,
    agencyId,
    actor: async (role, level) => (await loadActor(db, userIds.get(`${role}|${level}|own`)!))!,
    cookie: (role, level, rel) => (role === 'anonymous' ? anonCookie : cookies.get(`${role}|${level}|${rel}`)!),
    // The form token as the page would embed it (platform/http/context.ts csrfFor) for this session.
    csrf: (cookie) => {
      if (cookie === anonCookie) return anonToken;
      const token = cookie.split('=')[1]!;
      const id = sha256(token);
      return createHmac('sha256', s.deps.config.sessionSecret)
        .update(`csrf:${secrets.get(id)}`)
        .digest('base64url');
    },
  };
}
