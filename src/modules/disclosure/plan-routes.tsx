// Plan and register (issue item 5; Law 10/2022/QH15 Art 13(2), 14(1); R-C3): the commune's yearly
// disclosure plan, edited item by item (due date, the disclosure that met it; audited); how the
// commune keeps to it (for the HĐND and the Front, Art 14(3)); and the quarterly register of what was
// disclosed, with form and dates, public and printable, and as a Word file in the Decree 30 layout.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { DisclosureTable, Unit } from '../../db/types.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { workingCalendar } from '../../platform/calendar/store.js';
import { DOCX_MIME } from '../../platform/docs/decree30.js';
import { type FieldErrors, Forbidden, NotFound, Unauthenticated, ValidationFailed } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/files/store.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field } from '../../platform/http/forms.js';
import { formatDate, parseDate } from '../../platform/i18n/index.js';
import { communeOf } from './context.js';
import { disclosurePolicy } from './disclosure.policy.js';
import { savePlan } from './plan-store.js';
import { presentDisclosure, STATE_VI } from './present.js';
import { type RegisterModel, registerDocx, registerFilename } from './register-docx.js';
import { PLAN_STATUSES, type PlanStatus, planItemStatus } from './rules/compliance.js';
import { quarterOf } from './rules/plan.js';
import { CompliancePage, formsText, PERIOD_VI, type PlanModel, PlanPage } from './views/plan.js';
import { RegisterPage } from './views/register.js';

type P = Record<string, string | undefined>;
/** The law is in force from 01/07/2023, so the first register is of 2023 and the first full plan of 2024. */
const FIRST_YEAR = 2023;
/** What may meet a plan item: disclosed (still up, or ended); not drafts, not withdrawn. */
const LINKABLE: DisclosureTable['status'][] = ['published', 'ended'];
/** The quarterly register (category 0 in the plan) is met by a disclosure of "other matters" (Art 11(14)). */
const linkCategory = (category: number) => (category === 0 ? 14 : category);

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => to - i);

export function planRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const today = () => todayInVietnam(deps.clock.now());
  const currentYear = () => Number(today().slice(0, 4));
  const yearOf = (v: string | undefined) => {
    const y = Number(v);
    return Number.isInteger(y) && y >= FIRST_YEAR && y <= currentYear() + 1 ? y : currentYear();
  };
  /** Plans are made for last year, this year and next year only. */
  const canPlan = (year: number) => year >= FIRST_YEAR + 1 && Math.abs(year - currentYear()) <= 1;
  const yearsWith = (year: number) => [...new Set([...range(Math.max(FIRST_YEAR + 1, currentYear() - 3), currentYear() + 1), year])].sort((a, b) => b - a);

  async function access(req: FastifyRequest, need: 'read' | 'manage') {
    const unit = await communeOf(deps, Number((req.params as P).id));
    const res = { unitPath: unit.path };
    const canManage = disclosurePolicy(req.actor, 'managePlan', res);
    const ok = need === 'manage' ? canManage : canManage || disclosurePolicy(req.actor, 'readCompliance', res);
    if (!ok || !req.actor) throw req.actor ? new Forbidden() : new Unauthenticated();
    return { unit, canManage, actor: req.actor };
  }

  const planItems = (unitId: number, year: number) =>
    db.selectFrom('disclosure_plan_items').selectAll().where('unit_id', '=', unitId).where('year', '=', year).orderBy('due_date').orderBy('id').execute();

  const linkedOf = async (ids: (number | null)[]) => {
    const wanted = ids.filter((id): id is number => id !== null);
    const rows = wanted.length ? await db.selectFrom('disclosures').select(['id', 'title', 'posting_start', 'status']).where('id', 'in', wanted).execute() : [];
    return new Map(rows.map((r) => [r.id, r]));
  };

  /** Disclosures an item of the year's plan may be linked to: items fall due from December of the
   * year before (the budget estimate) to the middle of the year after (the final accounts). */
  const linkable = (unitId: number, year: number) =>
    db
      .selectFrom('disclosures')
      .select(['id', 'title', 'category', 'posting_start'])
      .where('unit_id', '=', unitId)
      .where('scope', '=', 'commune')
      .where('status', 'in', LINKABLE)
      .where('year', '>=', year - 1)
      .where('year', '<=', year + 1)
      .orderBy('posting_start')
      .orderBy('id')
      .execute();

  async function planModel(unit: Unit, year: number, canManage: boolean, extra: Pick<PlanModel, 'values' | 'errors'> = {}): Promise<PlanModel> {
    const items = await planItems(unit.id, year);
    const [linked, options] = await Promise.all([linkedOf(items.map((i) => i.disclosure_id)), canManage ? linkable(unit.id, year) : []]);
    return {
      unit: { id: unit.id, name: unit.name },
      year,
      years: yearsWith(year),
      canManage,
      canCreate: canManage && canPlan(year),
      items: items.map((i) => {
        const d = i.disclosure_id ? linked.get(i.disclosure_id) : undefined;
        return {
          id: i.id,
          category: i.category,
          title: i.title,
          period: PERIOD_VI[i.period] ?? i.period,
          dueDate: i.due_date,
          forms: formsText(i.category, year),
          disclosure: d ? { id: d.id, title: d.title, postingStart: d.posting_start } : null,
          options: options
            .filter((o) => o.category === linkCategory(i.category))
            .map((o) => {
              const label = `${o.posting_start ? formatDate(o.posting_start) : '…'} – ${o.title}`;
              return { value: String(o.id), label: label.length > 90 ? `${label.slice(0, 89)}…` : label };
            }),
        };
      }),
      ...extra,
    };
  }

  app.get('/units/:id/disclosures/plan', async (req, reply) => {
    const { unit, canManage } = await access(req, 'read');
    const m = await planModel(unit, yearOf((req.query as P).year), canManage);
    return sendPage(req, reply, <PlanPage view={viewOf(req, deps)} m={m} />);
  });

  app.post('/units/:id/disclosures/plan', async (req, reply) => {
    const { unit, actor } = await access(req, 'manage');
    const year = Number(field(req.body, 'year'));
    if (!Number.isInteger(year) || !canPlan(year)) throw new ValidationFailed({ year: 'Chỉ lập kế hoạch cho năm trước, năm nay hoặc năm sau.' });
    const added = await savePlan(deps, actor, unit, year);
    const msg = added ? `Đã lập kế hoạch công khai năm ${year} (${added} nội dung).` : `Kế hoạch công khai năm ${year} đã có.`;
    return redirectWithFlash(reply, `/units/${unit.id}/disclosures/plan?year=${year}`, msg);
  });

  app.post('/units/:id/disclosures/plan/:itemId', async (req, reply) => {
    const { unit, actor } = await access(req, 'manage');
    const itemId = Number((req.params as P).itemId);
    const item = Number.isInteger(itemId)
      ? await db.selectFrom('disclosure_plan_items').selectAll().where('id', '=', itemId).where('unit_id', '=', unit.id).executeTakeFirst()
      : undefined;
    if (!item) throw new NotFound();
    const dueText = field(req.body, 'dueDate').trim();
    const linkText = field(req.body, 'disclosureId').trim();
    const errors: FieldErrors = {};
    const due = parseDate(dueText);
    const [from, to] = [`${item.year - 1}-01-01`, `${item.year + 1}-12-31`];
    if (!dueText) errors[`dueDate-${item.id}`] = 'Nhập hạn công khai, dạng dd/mm/yyyy.';
    else if (!due) errors[`dueDate-${item.id}`] = 'Hạn công khai phải là một ngày có thật, dạng dd/mm/yyyy, ví dụ 15/04/2026.';
    else if (due < from || due > to)
      errors[`dueDate-${item.id}`] = `Hạn công khai của kế hoạch năm ${item.year} phải từ ${formatDate(from)} đến ${formatDate(to)}.`;
    let disclosureId: number | null = null;
    if (linkText) {
      const d = (await linkable(unit.id, item.year)).find((o) => String(o.id) === linkText && o.category === linkCategory(item.category));
      if (d) disclosureId = d.id;
      else errors[`disclosureId-${item.id}`] = 'Chọn một nội dung đã công khai trong danh sách, hoặc “Chưa có”.';
    }
    if (!due || Object.keys(errors).length) {
      const m = await planModel(unit, item.year, true, { errors, values: { [item.id]: { dueDate: dueText, disclosureId: linkText } } });
      return sendPage(req, reply, <PlanPage view={viewOf(req, deps)} m={m} />, 422);
    }
    const back = `/units/${unit.id}/disclosures/plan?year=${item.year}#item-${item.id}`;
    const changed = await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('disclosure_plan_items').select(['due_date', 'disclosure_id']).where('id', '=', item.id).executeTakeFirstOrThrow();
      if (before.due_date === due && before.disclosure_id === disclosureId) return false;
      await trx.updateTable('disclosure_plan_items').set({ due_date: due, disclosure_id: disclosureId }).where('id', '=', item.id).execute();
      await appendAudit(trx, deps.dialect, deps.clock.now(), actor, {
        action: 'disclosure.plan_item_updated',
        entityType: 'disclosure_plan_item',
        entityId: item.id,
        unitId: unit.id,
        data: {
          year: item.year,
          key: item.key,
          from: { dueDate: before.due_date, disclosureId: before.disclosure_id },
          to: { dueDate: due, disclosureId },
        },
      });
      return true;
    });
    return redirectWithFlash(reply, back, changed ? `Đã lưu: ${item.title}.` : 'Không có thay đổi.');
  });

  app.get('/units/:id/disclosures/compliance', async (req, reply) => {
    const { unit } = await access(req, 'read');
    const year = yearOf((req.query as P).year);
    const d = today();
    const [items, cal, disclosed] = await Promise.all([
      planItems(unit.id, year),
      workingCalendar(deps),
      db
        .selectFrom('disclosures')
        .selectAll()
        .where('unit_id', '=', unit.id)
        .where('scope', '=', 'commune')
        .where('status', '!=', 'draft')
        .where('year', '=', year)
        .orderBy('posting_start')
        .orderBy('id')
        .execute(),
    ]);
    const linked = await linkedOf(items.map((i) => i.disclosure_id));
    const counts = Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as Record<PlanStatus, number>;
    const rows = items.map((i) => {
      const l = i.disclosure_id ? linked.get(i.disclosure_id) : undefined;
      const st = planItemStatus(i.due_date, l ? { postingStart: l.posting_start, status: l.status } : null, d, cal);
      counts[st.status]++;
      return {
        id: i.id,
        category: i.category,
        title: i.title,
        period: PERIOD_VI[i.period] ?? i.period,
        dueDate: i.due_date,
        ...st,
        disclosure: l ? { id: l.id, title: l.title, postingStart: l.posting_start } : null,
      };
    });
    const late = disclosed
      .map((r) => presentDisclosure(r, d, cal))
      .flatMap((v) =>
        v.timeliness?.status === 'late' && v.decision.date && v.postingStart
          ? [
              {
                id: v.id,
                title: v.title,
                category: v.category,
                decisionDate: v.decision.date,
                deadline: v.timeliness.deadline,
                postingStart: v.postingStart,
                workingDaysLate: v.timeliness.workingDaysLate,
                reason: v.timeliness.reason,
                state: STATE_VI[v.state],
              },
            ]
          : [],
      );
    const m = { unit: { id: unit.id, name: unit.name }, year, years: yearsWith(year), counts, items: rows, late };
    return sendPage(req, reply, <CompliancePage view={viewOf(req, deps)} m={m} />);
  });

  /** Everything disclosed (published, since ended, or withdrawn) whose posting started in the quarter. */
  async function registerModel(req: FastifyRequest): Promise<RegisterModel> {
    const unit = await communeOf(deps, Number((req.params as P).id));
    const q = req.query as P;
    const d = today();
    const year = yearOf(q.year);
    const asked = Number(q.quarter);
    const quarter = (Number.isInteger(asked) && asked >= 1 && asked <= 4 ? asked : quarterOf(d).quarter) as RegisterModel['quarter'];
    const { start, end } = quarterOf(`${year}-${String(quarter * 3).padStart(2, '0')}-01`);
    const rows = await db
      .selectFrom('disclosures')
      .select(['id', 'title', 'category', 'decision_number', 'decision_date', 'posting_start', 'posting_end', 'status'])
      .where('unit_id', '=', unit.id)
      .where('scope', '=', 'commune')
      .where('status', 'in', ['published', 'ended', 'withdrawn'])
      .where('posting_start', '>=', start)
      .where('posting_start', '<=', end)
      .orderBy('posting_start')
      .orderBy('id')
      .execute();
    const ids = rows.map((r) => r.id);
    const forms = ids.length
      ? await db
          .selectFrom('disclosure_forms as f')
          .leftJoin('units as u', 'u.id', 'f.village_id')
          .select(['f.disclosure_id', 'f.form', 'f.start_date', 'f.end_date', 'f.detail', 'u.name as village'])
          .where('f.disclosure_id', 'in', ids)
          .orderBy('f.start_date')
          .orderBy('f.id')
          .execute()
      : [];
    return {
      unit: { id: unit.id, name: unit.name },
      year,
      quarter,
      today: d,
      entries: rows.map((r) => ({
        id: r.id,
        title: r.title,
        category: r.category,
        decisionNumber: r.decision_number,
        decisionDate: r.decision_date,
        postingStart: r.posting_start!,
        postingEnd: r.posting_end,
        status: r.status,
        forms: forms
          .filter((f) => f.disclosure_id === r.id)
          .map((f) => ({ form: f.form, village: f.village ?? null, start: f.start_date, end: f.end_date, detail: f.detail })),
      })),
    };
  }

  // Public: the law requires the register to be posted for everyone (Art 13(2)).
  app.get('/units/:id/disclosures/register', async (req, reply) => {
    const m = await registerModel(req);
    return sendPage(req, reply, <RegisterPage view={viewOf(req, deps)} m={m} years={range(FIRST_YEAR, currentYear() + 1)} />);
  });

  app.get('/units/:id/disclosures/register.docx', async (req, reply) => {
    const m = await registerModel(req);
    return reply
      .type(DOCX_MIME)
      .header('content-disposition', contentDisposition(registerFilename(m), false))
      .header('cache-control', 'no-store')
      .send(await registerDocx(m));
  });
}
