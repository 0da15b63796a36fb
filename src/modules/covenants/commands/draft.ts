// Proposal, drafting team, text versions and posting for comments (Decree 61/2023 Arts 6–9; R-E1,
// R-E7, R-D4). The proposal is a decisions matter of Law Art 15 item 3, made through decisions'
// own command (the Front agreement or the residents' 10 % initiative, Art 7; Law Art 16).
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import { type Failure, invalid, isFailure } from '../../../platform/results.js';
import { postDraftForComments } from '../../consultation/commands/post-draft.js';
import { splitArticles } from '../../consultation/rules/articles.js';
import { type ProposeInput, proposeMatter } from '../../decisions/commands/propose.js';
import { findCovenant, settingOf, stateOf, versionsOf } from '../repo.js';
import { MAX_POSTING_DAYS, MIN_POSTING_DAYS, type TeamMember, teamProblems, voteNotBefore } from '../rules/cycle.js';
import { loadFor, type Ok } from './common.js';

export type ProposeCovenantInput = Omit<ProposeInput, 'item' | 'description'> & { kind: string; replacesId: string };

export async function proposeCovenant(deps: AppDeps, t: T, actor: Actor, villageId: number, input: ProposeCovenantInput): Promise<Ok | Failure> {
  const kind = input.kind === 'amendment' || input.kind === 'replacement' ? input.kind : 'new';
  let replacesId: number | null = null;
  if (kind !== 'new') {
    // Art 13: an amendment or replacement changes a covenant in force in the same village.
    const old = /^\d{1,9}$/.test(input.replacesId) ? await findCovenant(deps.db, Number(input.replacesId)) : undefined;
    const st = old && (await stateOf(deps.db, old, todayInVietnam(deps.clock.now())));
    if (!old || old.unit_id !== villageId || !st || !['in_force', 'suspended'].includes(st.status)) return invalid({ replacesId: t('covenants.err.replaces') });
    replacesId = old.id;
  }
  const now = deps.clock.now();
  let covenantId = 0;
  // R-D4: decisions holds the matter from any vote until the draft has been posted for comments.
  const also = async (trx: Conn, matterId: number) => {
    const row = await trx
      .insertInto('covenants')
      .values({
        unit_id: villageId,
        title: input.title.trim(),
        origin: 'proposed',
        kind,
        replaces_id: replacesId,
        matter_id: matterId,
        created_by: actor.userId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    covenantId = row.id;
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'covenants.proposed',
      entityType: 'covenant',
      entityId: row.id,
      unitId: villageId,
      data: { matterId, kind, replacesId },
    });
  };
  const r = await proposeMatter(deps, t, actor, villageId, { ...input, item: '3', description: t('covenants.matterDescription') }, { covenant: true, also });
  if (!r.ok) return r;
  return { ok: true, id: covenantId };
}

/** Rows of the team form: name_1, role_1, elder_1, speaker_1 … */
export function readTeam(body: (name: string) => string, rows = 8): TeamMember[] {
  const out: TeamMember[] = [];
  for (let i = 1; i <= rows; i++) {
    const name = body(`name_${i}`).trim().replace(/\s+/g, ' ');
    if (!name) continue;
    out.push({
      name: name.slice(0, 120),
      role: body(`role_${i}`).trim().slice(0, 120),
      elder: body(`elder_${i}`) === '1',
      speaker: body(`speaker_${i}`) === '1',
    });
  }
  return out;
}

const DRAFTING = ['drafting', 'initiative', 'consultation', 'ready_to_vote'];

export async function saveTeam(deps: AppDeps, t: T, actor: Actor, id: number, team: TeamMember[]): Promise<Ok | Failure> {
  const c = await loadFor(deps, actor, id, 'draft');
  if (isFailure(c)) return c;
  if (!DRAFTING.includes(c.status)) return { ok: false, reason: 'wrong_state' };
  const s = await settingOf(deps.db, c.village.id);
  const problems = teamProblems(team, s.ethnicMinority);
  if (problems.length) return invalid({ team: problems.map((p) => t(`covenants.err.team.${p}`, { language: s.ethnicLanguage ?? '' })).join(' ') });
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('covenants')
      .set({ team: JSON.stringify(team), updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'covenants.team_set',
      entityType: 'covenant',
      entityId: id,
      unitId: c.village.id,
      data: { team },
    });
    return { ok: true as const, id };
  });
}

export type VersionInput = { text: string; note: string; translationLanguage: string; translationText: string };

export async function saveVersion(deps: AppDeps, t: T, actor: Actor, id: number, input: VersionInput): Promise<Ok | Failure> {
  const c = await loadFor(deps, actor, id, 'draft');
  if (isFailure(c)) return c;
  if (!DRAFTING.includes(c.status)) return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  const text = input.text.trim();
  // Art 6: written in Vietnamese, in articles.
  if (!text || splitArticles(text).every((a) => a.position === 0)) e.text = t('covenants.err.text');
  else if (text.length > 100_000) e.text = t('covenants.err.textLong');
  const note = input.note.trim().slice(0, 500);
  if (!note) e.note = t('covenants.err.note');
  const lang = input.translationLanguage.trim().slice(0, 60) || null;
  const tr = input.translationText.trim() || null;
  if (tr && !lang) e.translationLanguage = t('covenants.err.language');
  if (tr && tr.length > 100_000) e.translationText = t('covenants.err.textLong');
  if (Object.keys(e).length) return invalid(e);
  const now = deps.clock.now();
  const last = (await versionsOf(deps.db, id)).at(-1);
  if (last && last.text === text && last.translation_text === tr) return invalid({ text: t('covenants.err.unchanged') });
  return deps.db.transaction().execute(async (trx) => {
    const number = (last?.number ?? 0) + 1;
    await trx
      .insertInto('covenant_versions')
      .values({
        covenant_id: id,
        number,
        text,
        note,
        translation_language: tr ? lang : null,
        translation_text: tr,
        created_by: actor.userId,
        created_at: now.toISOString(),
      })
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'covenants.version_saved',
      entityType: 'covenant',
      entityId: id,
      unitId: c.village.id,
      data: { number, note },
    });
    return { ok: true as const, id };
  });
}

/** R-E1, R-D4 (Art 9(1)): the latest version posted at the village for ≥ 30 days (longer if the
 * community decides), with comments by article through the consultation module. */
export async function postForComments(deps: AppDeps, t: T, actor: Actor, id: number, input: { days: string }): Promise<Ok | Failure> {
  const c = await loadFor(deps, actor, id, 'post');
  if (isFailure(c)) return c;
  if (c.status !== 'drafting' || !c.matter) return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  const days = /^\d{1,3}$/.test(input.days.trim()) ? Number(input.days.trim()) : Number.NaN;
  if (!(days >= MIN_POSTING_DAYS && days <= MAX_POSTING_DAYS)) e.days = t('covenants.err.days', { min: MIN_POSTING_DAYS });
  const s = await settingOf(deps.db, c.village.id);
  const team = JSON.parse(c.covenant.team) as TeamMember[];
  const problems = teamProblems(team, s.ethnicMinority);
  if (problems.length) e.team = problems.map((p) => t(`covenants.err.team.${p}`, { language: s.ethnicLanguage ?? '' })).join(' ');
  const version = (await versionsOf(deps.db, id)).at(-1);
  if (!version) e.text = t('covenants.err.noVersion');
  if (Object.keys(e).length || !version) return invalid(e);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const posted = await postDraftForComments(trx, deps.dialect, now, actor, {
      communeId: c.commune.id,
      villageId: c.village.id,
      title: `${t('covenants.draftOf')} ${c.covenant.title}`,
      summary: t('covenants.postedSummary', { village: c.village.name, days }),
      draftText: version.text,
      periodDays: days,
      matter: 'item9',
      planForms: ['community_meeting', 'suggestion_box'],
      responsible: actor.label,
    });
    const hold = voteNotBefore(c.today, days);
    await trx.updateTable('matters').set({ vote_not_before: hold }).where('id', '=', c.matter!.id).execute();
    await trx.updateTable('covenants').set({ consultation_id: posted.id, updated_at: now.toISOString() }).where('id', '=', id).execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'covenants.posted',
      entityType: 'covenant',
      entityId: id,
      unitId: c.village.id,
      data: { consultationId: posted.id, days, version: version.number, voteNotBefore: hold },
    });
    return { ok: true as const, id };
  });
}
