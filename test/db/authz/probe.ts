// The shape of an authorisation matrix probe (issue 10 item 2): one request that exercises a policy
// action with the resource in a chosen unit, and, for a route whose refusal is not a status, how
// to tell from the answer whether the action was allowed. The expected outcome is never written
// here: the test derives it from the policy's rules table and the relation of the actor's grant.
import { type Fixture, type Level, RELATIONS, type Relation } from './fixture.js';

export type Req = { method: 'GET' | 'POST'; path: string; form?: Record<string, string>; json?: unknown };
/** The answer as the test read it: status, redirect target and the whole body. */
export type Answer = { status: number; location: string; body: string };
export type Probe = {
  /** The unit the resource lives in: the demo commune Na Rì, or village 1 of Xuân Dương. */
  level: Level;
  /** The resource belongs to Na Rì's school (agency roles reach only their own agency). */
  agency?: boolean;
  /**
   * Where a grant of a role the rules list must sit to allow the action, when that is not the
   * resource's subtree (own, child). NATIONAL: the resource serves the whole deployment (the days-off
   * calendar, an indicator catalogue), any grant allows it. OWN_UNIT: the action is the unit's own
   * people's (a comment by the residents of a consultation's audience, consultation.policy.ts
   * mayCommentOnline): a grant on a unit above makes no one a resident of it. A relay is recorded
   * by the head of any village of the disclosure's commune, in his own village: ['own', 'sibling'].
   */
  grantIn?: readonly Relation[];
  /** Other actions of the same module that this route accepts as well (the route checks `a || b`). */
  anyOf?: string[];
  /** A resource the route hides from those who may not read it answers 404 instead of 403. */
  hiddenAs404?: boolean;
  /**
   * Runs before EVERY request of the probe (each role × relation), making a fresh record in the state
   * the route needs, through the module's own commands, so the role check is what decides; its id is
   * handed to page/api. A probe whose requests do not change the record may make it once and reuse it.
   */
  setup?: (f: Fixture) => Promise<number>;
  page?: (f: Fixture, id: number) => Req;
  api?: (f: Fixture, id: number) => Req;
  /**
   * For a route that refuses with a field error, a page saying why, or by leaving protected content
   * out (names, phone numbers, hidden questions), rather than with 401/403: true when the answer
   * shows the action allowed. A 401/403 (or the sign-in redirect) still counts as refused first.
   * Content probes must look for the protected content itself, so that it leaking to a role the
   * rules refuse fails the test.
   */
  shows?: (a: Answer, f: Fixture, id: number) => boolean | Promise<boolean>;
};
/** One or more probes for an action: every action is exercised by a request (issue 10 item 2). */
export type Mapping = Probe | Probe[];

export const get = (path: string): Req => ({ method: 'GET', path });
export const post = (path: string, form: Record<string, string> = {}): Req => ({ method: 'POST', path, form });
export const C = (f: Fixture) => f.unit.commune;
export const V = (f: Fixture) => f.unit.village;

export const NATIONAL: readonly Relation[] = RELATIONS;
export const OWN_UNIT: readonly Relation[] = ['own'];
