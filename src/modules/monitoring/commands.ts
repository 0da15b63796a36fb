// The monitoring module's two state changes (issue 9 items 1 and 3): an official enters a record with
// its evidence for their own unit; an admin loads a council's resolution as a target catalogue. Each
// checks the policy, validates, runs in one transaction with its audit entry.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/policy.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../platform/errors.js';
import { removeIfCreated, saveFile, sniff } from '../../platform/files/store.js';
import type { Uploaded } from '../../platform/http/forms.js';
import { parseDate, type T } from '../../platform/i18n/index.js';
import { CatalogueError, parseCatalogue } from './catalogue.js';
import { monitoringPolicy } from './monitoring.policy.js';
import { RECORD_KINDS, type RecordKind, SUBKINDS } from './tables.js';

export type RecordInput = {
  kind: string;
  subkind: string;
  title: string;
  heldOn: string;
  required: string;
  people: string;
  planned: string;
  spent: string;
  evidenceNote: string;
};
export const emptyRecord = (kind = 'training'): RecordInput => ({
  kind,
  subkind: SUBKINDS[kind as RecordKind]?.[0] ?? '',
  title: '',
  heldOn: '',
  required: '',
  people: '',
  planned: '',
  spent: '',
  evidenceNote: '',
});
export type Failure = { ok: false; reason: 'forbidden' } | { ok: false; reason: 'invalid'; errors: FieldErrors };

/** A whole number typed with or without thousands dots ("1.500.000" đồng). */
function readCount(t: T, e: FieldErrors, name: string, raw: string, required: boolean): number | null {
  const s = raw.trim().replace(/[.\s]/g, '');
  if (!s) {
    if (required) e[name] = t('monitoring.err.required');
    return null;
  }
  if (!/^\d{1,15}$/.test(s)) {
    e[name] = t('monitoring.err.number');
    return null;
  }
  return Number(s);
}

export async function enterRecord(
  deps: AppDeps,
  t: T,
  actor: Actor,
  unit: Unit,
  input: RecordInput,
  evidence: Uploaded | undefined,
): Promise<{ ok: true; id: number } | Failure> {
  if (!monitoringPolicy(actor, 'enterRecords', { unitPath: unit.path })) return { ok: false, reason: 'forbidden' };
  const e: FieldErrors = {};
  const kind = (RECORD_KINDS as readonly string[]).includes(input.kind) ? (input.kind as RecordKind) : null;
  if (!kind) e.kind = t('monitoring.err.kind');
  const subkind = kind && SUBKINDS[kind].includes(input.subkind) ? input.subkind : null;
  if (kind && !subkind) e.subkind = t('monitoring.err.subkind');
  const title = input.title.trim();
  if (!title) e.title = t('monitoring.err.required');
  else if (title.length > 300) e.title = t('monitoring.err.tooLong', { max: 300 });
  const heldOn = parseDate(input.heldOn.trim());
  if (!heldOn) e.heldOn = t('monitoring.err.date');
  else if (heldOn > todayInVietnam(deps.clock.now())) e.heldOn = t('monitoring.err.future');
  // M-3.1: a roster says how many must be trained; a course how many of them attended.
  const required = readCount(t, e, 'required', input.required, subkind === 'roster');
  const people = readCount(t, e, 'people', input.people, kind !== 'funding' && subkind !== 'roster');
  // Article 2: planned and spent, integer đồng.
  const planned = readCount(t, e, 'planned', input.planned, kind === 'funding');
  const spent = readCount(t, e, 'spent', input.spent, kind === 'funding');
  const evidenceNote = input.evidenceNote.trim().slice(0, 1000);
  const kindOfFile = evidence ? sniff(evidence.bytes) : null;
  if (evidence && (!kindOfFile || evidence.truncated)) e.evidence = t('monitoring.err.file');
  if (!evidence && !evidenceNote) e.evidence = t('monitoring.err.evidence');
  if (Object.keys(e).length || !kind || !subkind || !heldOn) return { ok: false, reason: 'invalid', errors: e };
  const stored = evidence && kindOfFile ? saveFile(deps.config.filesDir, evidence.bytes, kindOfFile) : null;
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const file = stored
        ? await trx
            .insertInto('files')
            .values({
              sha256: stored.sha256,
              filename: evidence!.filename.slice(0, 200),
              mime: stored.kind.mime,
              size: stored.size,
              created_by: actor.userId,
              created_at: now.toISOString(),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        : null;
      const row = await trx
        .insertInto('monitoring_records')
        .values({
          unit_id: unit.id,
          kind,
          subkind,
          title,
          held_on: heldOn,
          year: Number(heldOn.slice(0, 4)),
          required: subkind === 'roster' ? required : null,
          people: subkind === 'roster' || kind === 'funding' ? null : people,
          planned: kind === 'funding' ? planned : null,
          spent: kind === 'funding' ? spent : null,
          evidence_file_id: file?.id ?? null,
          evidence_note: evidenceNote || null,
          created_by: actor.label,
          created_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, deps.dialect, now, actor, {
        action: `monitoring.${kind}_recorded`,
        entityType: 'monitoring_record',
        entityId: row.id,
        unitId: unit.id,
        data: { kind, subkind, title, heldOn, required, people, planned, spent, evidenceFileId: file?.id ?? null },
      });
      return { ok: true as const, id: row.id };
    });
  } catch (err) {
    if (stored) removeIfCreated(stored);
    throw err;
  }
}

/** Loads (or replaces, by its key) a council's catalogue; a malformed file names the line and the reason. */
export async function loadCatalogue(deps: AppDeps, actor: Actor, text: string): Promise<{ ok: true; key: string } | Failure> {
  // A catalogue serves the whole deployment: an admin of any unit loads it.
  if (!actor.grants.some((g) => monitoringPolicy(actor, 'loadCatalogue', { unitPath: g.unitPath }))) return { ok: false, reason: 'forbidden' };
  let key: string;
  let title: string;
  try {
    ({ key, title } = parseCatalogue(text));
  } catch (err) {
    if (err instanceof CatalogueError) return { ok: false, reason: 'invalid', errors: { text: err.message } };
    throw err;
  }
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('monitoring_catalogues').where('key', '=', key).execute();
    const row = await trx
      .insertInto('monitoring_catalogues')
      .values({ key, title, text, loaded_by: actor.label, loaded_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'monitoring.catalogue_loaded',
      entityType: 'monitoring_catalogue',
      entityId: row.id,
      data: { key, title },
    });
  });
  return { ok: true, key };
}
