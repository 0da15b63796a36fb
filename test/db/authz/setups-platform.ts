// Setups of the platform's authorisation matrix probes (issue 10 item 2): accounts, grants and tokens
// on the probe's commune, written as the admin pages write them, and the phone number that only the
// roles with viewPersonalData may read on the household register.
import type { Fixture } from './fixture.js';

let accounts = 0;
const once = (make: (f: Fixture) => Promise<number>) => {
  const made = new WeakMap<Fixture, number>();
  return async (f: Fixture) => made.get(f) ?? made.set(f, await make(f)).get(f)!;
};

/** A fresh account with no role, named `authz.grantee.<n>`; returns n. Granting it twice would be refused as a duplicate. */
export async function freshAccount(f: Fixture): Promise<number> {
  const n = ++accounts;
  await f.s.deps.db
    .insertInto('users')
    .values({
      kind: 'resident',
      username: `authz.grantee.${n}`,
      phone: null,
      display_name: `Người nhận quyền ${n}`,
      password_hash: null,
      totp_secret: null,
      resident_id: null,
      created_at: f.s.deps.clock.now().toISOString(),
      disabled_at: null,
    })
    .execute();
  return n;
}

/** A fresh resident grant on the probe's commune, for each revoke request (a revoked grant cannot be revoked again). */
export async function freshGrant(f: Fixture): Promise<number> {
  const db = f.s.deps.db;
  const n = await freshAccount(f);
  const user = await db.selectFrom('users').select('id').where('username', '=', `authz.grantee.${n}`).executeTakeFirstOrThrow();
  const g = await db
    .insertInto('role_grants')
    .values({ user_id: user.id, role: 'resident', unit_id: f.unit.commune, agency_id: null, granted_by: null, granted_at: f.s.deps.clock.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return g.id;
}

export const TOKEN_NAME = 'Khoá API của phép thử phân quyền';
/** An API token on the probe's commune: the token list shows it only to admins of that commune's subtree. */
export const communeToken = once(async (f) => {
  const admin = await f.actor('admin', 'commune');
  const r = await f.s.deps.db
    .insertInto('api_tokens')
    .values({
      name: TOKEN_NAME,
      token_hash: `authz-${Date.now()}`,
      role: 'resident',
      unit_id: f.unit.commune,
      created_by: admin.userId!,
      created_at: f.s.deps.clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
});

const phones = new WeakMap<Fixture, string>();
/** The phone number of a household representative on the register of the probe's village (demo data). */
export async function representativePhone(f: Fixture): Promise<string> {
  const known = phones.get(f);
  if (known) return known;
  const r = await f.s.deps.db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select('r.phone')
    .where('h.unit_id', '=', f.unit.village)
    .where('h.valid_to', 'is', null)
    .where('h.authorised_representative', 'is', null)
    .where('r.is_representative', '=', 1)
    .where('r.phone', 'is not', null)
    .executeTakeFirstOrThrow();
  phones.set(f, r.phone!);
  return r.phone!;
}
