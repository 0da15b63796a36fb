// QR points and the one-minute rating of the one-stop desk (R-H8; Law 10/2022 Arts 34(1), 35(2)(a);
// resolution M-3.5(b)). A commune puts a QR code on each desk, each receiving officer and at places
// (a bridge, the cultural house); scanning a desk's or an officer's code opens the rating, a place's
// code the feedback form. One rating per dossier code; an optional comment becomes a feedback item.
import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../../app-deps.js';
import { isUniqueViolation } from '../../../db/index.js';
import type { QrPointTable } from '../../../db/types.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import { type FieldErrors, Forbidden } from '../../../platform/errors.js';
import { parseId } from '../../../platform/http/ids.js';
import type { T } from '../../../platform/i18n/index.js';
import { feedbackPolicy } from '../feedback.policy.js';
import { CRITERIA, type Criterion, DOSSIER_CODE, isOverall, normaliseDossierCode, SCORE } from '../rules/ratings.js';
import { type Commune, type Failure, Rollback } from './reception.js';
import { emptyFeedbackInput, submitFeedback } from './submit.js';

export type QrKind = QrPointTable['kind'];
export const QR_KINDS: readonly QrKind[] = ['desk', 'officer', 'place'];

/** 16 url-safe characters (96 random bits): printed on paper, so it cannot be guessed from another. */
export const newQrToken = (): string => randomBytes(12).toString('base64url');

export function authoriseQr(actor: Actor | null, commune: Pick<Commune, 'path'>): Actor {
  if (!actor || !feedbackPolicy(actor, 'manageQr', { unitPath: commune.path })) throw new Forbidden();
  return actor;
}

export type QrInput = { kind: string; name: string; villageId: string; officerUserId: string };

export async function addQrPoint(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  commune: Commune,
  input: QrInput,
): Promise<{ ok: true; id: number; token: string } | Failure> {
  const who = authoriseQr(actor, commune);
  const errors: FieldErrors = {};
  const kind = (QR_KINDS as readonly string[]).includes(input.kind) ? (input.kind as QrKind) : null;
  if (!kind) errors.kind = t('feedback.ratings.err.kind');
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name || name.length > 200) errors.name = t('feedback.ratings.err.name');
  let unitId = commune.id;
  if (input.villageId) {
    const v = await deps.db
      .selectFrom('units')
      .select('id')
      .where('id', '=', parseId(input.villageId) ?? 0)
      .where('parent_id', '=', commune.id)
      .executeTakeFirst();
    if (!v) errors.villageId = t('feedback.ratings.err.village');
    else unitId = v.id;
  }
  let officer: number | null = null;
  if (input.officerUserId) {
    const u = await deps.db
      .selectFrom('role_grants as g')
      .innerJoin('units as u', 'u.id', 'g.unit_id')
      .select('g.user_id')
      .where('g.user_id', '=', parseId(input.officerUserId) ?? 0)
      .where('u.path', 'like', `${commune.path}%`)
      .executeTakeFirst();
    if (!u) errors.officerUserId = t('feedback.ratings.err.officer');
    else officer = u.user_id;
  }
  if (Object.keys(errors).length || !kind) return { ok: false, errors };
  const now = deps.clock.now();
  const token = newQrToken();
  const id = await deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('qr_points')
      .values({
        token,
        commune_id: commune.id,
        unit_id: unitId,
        kind,
        name,
        officer_user_id: kind === 'officer' ? officer : null,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps.dialect, now, who, { action: 'qr.added', entityType: 'qr_point', entityId: r.id, unitId: commune.id, data: { kind, name } });
    return r.id;
  });
  return { ok: true, id, token };
}

/** Takes a point out of use (a desk closed, an officer moved) or back; a withdrawn code answers 404. */
export async function setQrActive(deps: AppDeps, actor: Actor | null, pointId: number, active: boolean): Promise<number | null> {
  const p = await deps.db
    .selectFrom('qr_points as q')
    .innerJoin('units as u', 'u.id', 'q.commune_id')
    .select(['q.id', 'q.commune_id', 'u.path'])
    .where('q.id', '=', pointId)
    .executeTakeFirst();
  if (!p) return null;
  const who = authoriseQr(actor, p);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('qr_points')
      .set({ active: active ? 1 : 0 })
      .where('id', '=', p.id)
      .execute();
    await appendAudit(trx, deps.dialect, now, who, {
      action: active ? 'qr.activated' : 'qr.withdrawn',
      entityType: 'qr_point',
      entityId: p.id,
      unitId: p.commune_id,
    });
  });
  return p.commune_id;
}

export type RatingInput = { overall: string; dossierCode: string; comment: string } & Record<Criterion, string>;
export const emptyRatingInput = (): RatingInput => ({ overall: '', time: '', attitude: '', correctness: '', costs: '', dossierCode: '', comment: '' });
export type RatedPoint = { id: number; token: string; commune_id: number; name: string };
const MAX_COMMENT = 2000;

/** One rating. The comment, when given, is received as a report on administrative procedures through
 * the one intake (channel 'qr', so it carries the desk as its place) and gets a tracking code. */
export async function submitRating(deps: AppDeps, t: T, point: RatedPoint, input: RatingInput): Promise<{ ok: true; itemCode: string | null } | Failure> {
  const errors: FieldErrors = {};
  if (!isOverall(input.overall)) errors.overall = t('feedback.ratings.err.overall');
  const scores = {} as Record<Criterion, number | null>;
  for (const c of CRITERIA) {
    const v = input[c];
    scores[c] = v === '' ? null : isOverall(v) ? SCORE[v] : null;
    if (v !== '' && !isOverall(v)) errors[c] = t('feedback.ratings.err.overall');
  }
  const dossier = normaliseDossierCode(input.dossierCode);
  if (dossier && !DOSSIER_CODE.test(dossier)) errors.dossierCode = t('feedback.ratings.err.dossierCode');
  const comment = input.comment.trim();
  if (comment.length > MAX_COMMENT) errors.comment = t('feedback.ratings.err.commentLong', { max: MAX_COMMENT });
  if (Object.keys(errors).length || !isOverall(input.overall)) return { ok: false, errors };
  const already = { ok: false as const, errors: { dossierCode: t('feedback.ratings.err.alreadyRated', { code: dossier }) } };
  if (dossier && (await deps.db.selectFrom('service_ratings').select('id').where('dossier_code', '=', dossier).executeTakeFirst())) return already;
  // A made-up code would block the real dossier's rating (one per code): where the commune's dossiers
  // come from the one-stop system, the code must be one of them (review C.18). Elsewhere any code is taken.
  if (dossier && !(await knownDossier(deps, point.commune_id, dossier))) {
    return { ok: false, errors: { dossierCode: t('feedback.ratings.err.dossierUnknown', { code: dossier }) } };
  }

  const now = deps.clock.now();
  // One transaction (review D.22): the comment's item and the rating commit together, so a refused
  // or failed rating (the same dossier rated at the same moment) leaves no orphan report behind.
  try {
    return await deps.db.transaction().execute(async (trx) => {
      let item: { id: number; code: string } | null = null;
      if (comment) {
        const r = await submitFeedback(
          deps,
          t,
          null,
          emptyFeedbackInput(point.commune_id, {
            kind: 'report',
            category: 'administrative_procedure',
            title: t('feedback.ratings.commentTitle', { point: point.name }).slice(0, 200),
            content: comment,
            qrToken: point.token,
            notifyChannel: 'none',
          }),
          'public',
          [],
          { trx },
        );
        if (!r.ok) throw new Rollback<Failure>({ ok: false, errors: { comment: Object.values(r.errors)[0] ?? t('feedback.ratings.err.overall') } });
        item = { id: r.id, code: r.code };
      }
      const { id } = await trx
        .insertInto('service_ratings')
        .values({
          qr_point_id: point.id,
          commune_id: point.commune_id,
          month: todayInVietnam(now).slice(0, 7),
          overall: SCORE[input.overall as keyof typeof SCORE],
          time_score: scores.time,
          attitude_score: scores.attitude,
          correctness_score: scores.correctness,
          costs_score: scores.costs,
          dossier_code: dossier || null,
          comment: comment || null,
          item_id: item?.id ?? null,
          created_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The dossier code leads to a person in the one-stop system: the audit says only that one was given.
      await appendAudit(
        trx,
        deps.dialect,
        now,
        { userId: null, label: 'Người đánh giá (QR)' },
        {
          action: 'rating.received',
          entityType: 'qr_point',
          entityId: point.id,
          unitId: point.commune_id,
          data: { rating: id, overall: input.overall, dossier: !!dossier, item: item?.code ?? null },
        },
      );
      return { ok: true as const, itemCode: item?.code ?? null };
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result as Failure;
    // Two ratings of one dossier at the same moment: the unique index keeps the first, and this
    // one's comment item goes with it.
    if (isUniqueViolation(e)) return already;
    throw e;
  }
}

/** True when the commune has this dossier, or none at all from the one-stop system. */
async function knownDossier(deps: AppDeps, communeId: number, code: string): Promise<boolean> {
  const ofCommune = deps.db.selectFrom('one_stop_dossiers').select('code').where('commune_id', '=', communeId);
  if (await ofCommune.where('code', '=', code).executeTakeFirst()) return true;
  return !(await ofCommune.limit(1).executeTakeFirst());
}
