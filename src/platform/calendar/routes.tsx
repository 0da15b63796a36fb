// Admin page of the days-off calendar: shows a year's official and entered days, and adds a day
// from the year's notice (a swap, a compensatory day, a new holiday).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { platformPolicy } from '../auth/policy.js';
import { type FieldErrors, Forbidden, Unauthenticated } from '../errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../http/context.js';
import { formatDate, parseDate } from '../i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextField } from '../ui/form.js';
import { Layout } from '../ui/layout.js';
import { type CalendarDay, todayInVietnam } from './calendar.js';
import { addCalendarDay, calendarRows, workingCalendar } from './store.js';

const KINDS = ['holiday', 'compensatory', 'swap_off', 'swap_workday'] as const;
const AUDIENCES = ['all', 'civil_service', 'private_default'] as const;
const KIND_VI: Record<string, string> = { holiday: 'Ngày lễ, Tết', compensatory: 'Nghỉ bù', swap_off: 'Nghỉ hoán đổi', swap_workday: 'Làm bù (thứ Bảy)' };
const AUD_VI: Record<string, string> = { all: 'Mọi người lao động', civil_service: 'Cán bộ, công chức, viên chức', private_default: 'Doanh nghiệp (mặc định)' };

/** The calendar is national (Labour Code Arts 111–112): a grant the rules allow, on any unit, manages it. */
function requireCalendarAdmin(req: FastifyRequest) {
  const actor = req.actor;
  if (!actor) throw new Unauthenticated();
  if (!actor.grants.some((g) => platformPolicy(actor, 'manageCalendar', { unitPath: g.unitPath }))) throw new Forbidden();
  return actor;
}

export function calendarRoutes(app: FastifyInstance, deps: AppDeps): void {
  async function page(req: FastifyRequest, year: number, values: Record<string, string> = {}, errors?: FieldErrors) {
    const view = viewOf(req, deps);
    const { t } = view;
    const cal = await workingCalendar(deps);
    // The statutory days the calendar adds (R-I3): shown beside the entered rows, marked tạm tính.
    const entered = (await calendarRows(deps.db)).filter((d) => d.date.startsWith(String(year)));
    const added = cal.fallbackDays(year);
    const rows = [...entered, ...added].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return (
      <Layout view={view} title={t('admin.calendar')} crumbs={[{ href: '/admin', label: t('admin.title') }]}>
        <h1>
          {t('admin.calendar')} {year}
        </h1>
        <p>
          <a href={`/admin/calendar?year=${year - 1}`}>{year - 1}</a> · <a href={`/admin/calendar?year=${year + 1}`}>{year + 1}</a>
        </p>
        {!cal.hasOfficialRows(year) && (
          <p class="muted">Chưa có thông báo chính thức cho năm {year}: lịch dùng các ngày lễ theo Điều 112 Bộ luật Lao động (tạm tính).</p>
        )}
        {cal.hasOfficialRows(year) && added.length > 0 && (
          <p class="muted">
            Các ngày đã nhập chưa đủ số ngày nghỉ của một dịp lễ theo Điều 112 Bộ luật Lao động: lịch tạm tính thêm các ngày còn thiếu cho đến khi nhập thông
            báo của năm.
          </p>
        )}
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.date')}</th>
              <th scope="col">{t('admin.kind')}</th>
              <th scope="col">{t('admin.occasion')}</th>
              <th scope="col">{t('admin.audience')}</th>
              <th scope="col">{t('admin.sourceDoc')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={`${d.date}${d.kind}${d.audience}`}>
                <td>{formatDate(d.date)}</td>
                <td>
                  {KIND_VI[d.kind]}
                  {d.provisional && (
                    <>
                      {' '}
                      <span class="tag">tạm tính</span>
                    </>
                  )}
                </td>
                <td>{d.occasion}</td>
                <td>{AUD_VI[d.audience]}</td>
                <td>{d.sourceDoc}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('admin.calendarAdd')}</h2>
        <ErrorSummary view={view} errors={errors} />
        <PostForm view={view} action="/admin/calendar">
          <TextField name="date" label={t('admin.date')} hint="dd/mm/yyyy" value={values.date} error={errors?.date} />
          <SelectField name="kind" label={t('admin.kind')} value={values.kind} options={KINDS.map((k) => ({ value: k, label: KIND_VI[k]! }))} />
          <SelectField name="audience" label={t('admin.audience')} value={values.audience} options={AUDIENCES.map((a) => ({ value: a, label: AUD_VI[a]! }))} />
          <TextField
            name="occasion"
            label={t('admin.occasion')}
            hint="Bắt đầu bằng đúng tên dịp lễ (Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ Hùng Vương, Ngày Chiến thắng, Ngày Quốc tế Lao động, Quốc khánh, Ngày Văn hóa Việt Nam) để lịch tính đủ số ngày nghỉ của dịp đó."
            value={values.occasion}
            error={errors?.occasion}
          />
          <TextField name="sourceDoc" label={t('admin.sourceDoc')} hint="Ví dụ: 9441/TB-BNV" value={values.sourceDoc} error={errors?.sourceDoc} />
          <button class="btn" type="submit">
            {t('admin.calendarAdd')}
          </button>
        </PostForm>
      </Layout>
    );
  }

  app.get('/admin/calendar', async (req, reply) => {
    requireCalendarAdmin(req);
    const y = Number((req.query as { year?: string }).year) || Number(todayInVietnam(deps.clock.now()).slice(0, 4));
    return sendPage(req, reply, await page(req, Math.min(Math.max(y, 2000), 2100)));
  });

  app.post('/admin/calendar', async (req, reply) => {
    const actor = requireCalendarAdmin(req);
    const b = req.body as Record<string, string>;
    const errors: FieldErrors = {};
    const date = parseDate(b.date ?? '');
    if (!date) errors.date = req.t('err.badDate');
    if (!(KINDS as readonly string[]).includes(b.kind ?? '')) errors.kind = req.t('err.validation');
    if (!(AUDIENCES as readonly string[]).includes(b.audience ?? '')) errors.audience = req.t('err.validation');
    if (!b.occasion?.trim()) errors.occasion = req.t('err.required', { field: req.t('admin.occasion').toLowerCase() });
    if (!b.sourceDoc?.trim()) errors.sourceDoc = req.t('err.required', { field: req.t('admin.sourceDoc').toLowerCase() });
    const year = Number((date ?? todayInVietnam(deps.clock.now())).slice(0, 4));
    if (!Object.keys(errors).length) {
      const dup = await deps.db
        .selectFrom('calendar_days')
        .select('id')
        .where('date', '=', date!)
        .where('audience', '=', b.audience!)
        .where('kind', '=', b.kind!)
        .executeTakeFirst();
      if (dup) errors.date = req.t('err.conflict');
    }
    if (Object.keys(errors).length) return sendPage(req, reply, await page(req, year, b, errors), 422);
    const day: CalendarDay = {
      date: date!,
      kind: b.kind as CalendarDay['kind'],
      audience: b.audience as CalendarDay['audience'],
      occasion: b.occasion!.trim(),
      legalBasis: b.kind === 'compensatory' ? 'Labour Code Art 111(3)' : 'Labour Code Art 112',
      sourceDoc: b.sourceDoc!.trim(),
      provisional: false,
    };
    await addCalendarDay(deps, { userId: actor.userId, label: actor.label }, day);
    return redirectWithFlash(reply, `/admin/calendar?year=${year}`, req.t('admin.calendarAdded'));
  });
}
