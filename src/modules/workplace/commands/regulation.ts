// Issuing a democracy regulation (Law 10/2022 Art 35(2)(c) for a commune, with its Front; Art 59(1)(a)
// for an agency, with its union). The draft and its consultation are the consultation module's
// (residents under Art 25(7); staff under Art 53 and the union under Art 55(2)); this command records the
// issue only once that consultation is finished (R-D4), and an agency's only with the union's opinion
// (Art 55(2)). A new version (amendment or replacement) supersedes the one in force.
import type { AppDeps } from '../../../app-deps.js';
import { isUniqueViolation } from '../../../db/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { readDate } from '../../../platform/http/forms.js';
import type { T } from '../../../platform/i18n/index.js';
import { type Failure, invalid } from '../../../platform/results.js';
import { type Holder, may, readText } from './common.js';

export type IssueInput = {
  consultationId: string;
  kind: string;
  title: string;
  number: string;
  issuedOn: string;
  inForceFrom: string;
  signer: string;
  partner: string;
};
export const emptyIssue = (agency: boolean): IssueInput => ({
  consultationId: '',
  kind: 'original',
  title: '',
  number: '',
  issuedOn: '',
  inForceFrom: '',
  signer: '',
  // Art 35(2)(c): with the commune Front committee; Art 59(1)(a): with the grassroots trade union.
  partner: agency ? 'Ban Chấp hành Công đoàn cơ sở' : 'Ủy ban Mặt trận Tổ quốc Việt Nam xã',
});

/** The consultation matter a regulation's draft goes through (src/modules/consultation/matters.ts). */
export const regulationMatter = (h: Holder) => (h.agency ? 'democracy_regulation' : 'item7');

/** Finished consultations on this holder's draft regulation: the choices of the issue form (R-D4). */
export function eligibleConsultations(deps: AppDeps, h: Holder) {
  let q = deps.db
    .selectFrom('consultations')
    .select(['id', 'title', 'status', 'closed_at', 'union_consulted_on'])
    .where('unit_id', '=', h.unit.id)
    .where('matter', '=', regulationMatter(h))
    .where('status', 'in', ['closed', 'issued']);
  q = h.agency ? q.where('scope', '=', 'agency').where('agency_id', '=', h.agency.id) : q.where('scope', '=', 'commune');
  return q.orderBy('id', 'desc').execute();
}

export async function issueRegulation(deps: AppDeps, t: T, actor: Actor, h: Holder, input: IssueInput): Promise<{ ok: true; id: number } | Failure> {
  if (!may(actor, h, h.agency ? 'issueAgency' : 'issueCommune')) return { ok: false, reason: 'forbidden' };
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  const e: FieldErrors = {};
  const title = readText(t, e, 'title', input.title, 300);
  const number = readText(t, e, 'number', input.number, 100);
  const signer = readText(t, e, 'signer', input.signer, 200);
  const partner = readText(t, e, 'partner', input.partner, 200);
  const issuedOn = readDate(t, e, 'issuedOn', input.issuedOn, true);
  if (issuedOn && issuedOn > today) e.issuedOn = t('workplace.err.future');
  const inForceFrom = readDate(t, e, 'inForceFrom', input.inForceFrom, false) ?? issuedOn;
  if (inForceFrom && issuedOn && inForceFrom < issuedOn) e.inForceFrom = t('workplace.err.inForceBeforeIssue');
  const kind = (['original', 'amendment', 'replacement'] as const).find((k) => k === input.kind);
  if (!kind) e.kind = t('workplace.err.required');
  // R-D4 (Art 25(7); Arts 53, 55(2)): the consultation record must exist and be finished.
  const consultationId = Number(input.consultationId);
  const c = Number.isInteger(consultationId) && consultationId > 0 ? (await eligibleConsultations(deps, h)).find((x) => x.id === consultationId) : undefined;
  if (!c) e.consultationId = t(h.agency ? 'workplace.err.noConsultationAgency' : 'workplace.err.noConsultationCommune');
  else if (h.agency && !c.union_consulted_on) e.consultationId = t('workplace.err.noUnion');
  if (Object.keys(e).length || !issuedOn || !inForceFrom || !kind || !c) return invalid(e);
  return write(deps, t, actor, h, { kind, title, number, signer, partner, issuedOn, inForceFrom, consultationId: c.id });
}

type Valid = {
  kind: 'original' | 'amendment' | 'replacement';
  title: string;
  number: string;
  signer: string;
  partner: string;
  issuedOn: string;
  inForceFrom: string;
  consultationId: number;
};

/** One transaction; two officials issuing at the same moment meet the one-in-force unique index, and the
 * second is told to reload rather than shown an error page. */
async function write(deps: AppDeps, t: T, actor: Actor, h: Holder, v: Valid): Promise<{ ok: true; id: number } | Failure> {
  const { kind, title, number, signer, partner, issuedOn, inForceFrom } = v;
  const now = deps.clock.now();
  const c = { id: v.consultationId };
  try {
    return await deps.db.transaction().execute(async (trx) => {
      let q = trx.selectFrom('workplace_regulations').select(['id', 'version', 'status']).where('unit_id', '=', h.unit.id);
      q = h.agency ? q.where('agency_id', '=', h.agency.id) : q.where('agency_id', 'is', null);
      const earlier = await q.orderBy('version', 'desc').execute();
      const current = earlier.find((r) => r.status === 'in_force');
      if (kind === 'original' && earlier.length > 0) return invalid({ kind: t('workplace.err.alreadyHasOne') });
      if (kind !== 'original' && !current) return invalid({ kind: t('workplace.err.nothingToAmend') });
      if (current) await trx.updateTable('workplace_regulations').set({ status: 'superseded' }).where('id', '=', current.id).execute();
      const row = await trx
        .insertInto('workplace_regulations')
        .values({
          unit_id: h.unit.id,
          agency_id: h.agency?.id ?? null,
          version: (earlier[0]?.version ?? 0) + 1,
          kind,
          title,
          consultation_id: c.id,
          issued_number: number,
          issued_on: issuedOn,
          in_force_from: inForceFrom,
          signer,
          partner,
          status: 'in_force',
          superseded_by: null,
          created_by: actor.label,
          created_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (current) await trx.updateTable('workplace_regulations').set({ superseded_by: row.id }).where('id', '=', current.id).execute();
      await appendAudit(trx, deps.dialect, now, actor, {
        action: 'workplace.regulation_issued',
        entityType: 'workplace_regulation',
        entityId: row.id,
        unitId: h.unit.id,
        data: { agencyId: h.agency?.id ?? null, kind, number, issuedOn, inForceFrom, signer, partner, consultationId: c.id, supersedes: current?.id ?? null },
      });
      return { ok: true as const, id: row.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return invalid({ kind: t('workplace.err.alreadyHasOne') });
    throw e;
  }
}
