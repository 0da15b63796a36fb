// The public reception calendar of a commune (R-H6): the chairman's days and agency heads' days with
// free slots, a visible warning for every week or month short of the legal minimum (Citizen
// Reception Law Arts 15(2), 18(2)), and for officials the form to add days.
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { DayInput } from '../commands/reception.js';
import type { CalendarCheck } from '../rules/reception.js';

export type DayRow = {
  id: number;
  day: string;
  start: string;
  end: string;
  place: string;
  hostRole: 'commune_chairman' | 'agency_head';
  hostName: string;
  agencyName: string | null;
  free: number;
  total: number;
  canManage: boolean;
};

export type CalendarModel = {
  unit: { id: number; name: string };
  days: DayRow[];
  check: CalendarCheck;
  agencyNames: Record<number, string>;
  /** Hosts the actor may add days for (empty: no form). */
  hosts: { value: string; label: string }[];
  values: DayInput;
  errors?: FieldErrors;
};

/** "Thứ Ba, 08/12/2026". */
export function dayLabel(t: T, iso: string): string {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return `${t(`feedback.reception.dow.${dow}` as Parameters<T>[0])}, ${formatDate(iso)}`;
}
const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

function DaysTable({ t, rows, agency }: { t: T; rows: DayRow[]; agency: boolean }) {
  if (rows.length === 0) return <p class="muted">{t('feedback.reception.noDays')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('feedback.reception.col.day')}</th>
          <th scope="col">{t('feedback.reception.col.time')}</th>
          {agency && <th scope="col">{t('feedback.reception.col.agency')}</th>}
          <th scope="col">{t('feedback.reception.col.host')}</th>
          <th scope="col">{t('feedback.reception.col.place')}</th>
          <th scope="col">{t('feedback.reception.col.free')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.id}>
            <td>{dayLabel(t, d.day)}</td>
            <td>
              {d.start}–{d.end}
            </td>
            {agency && <td>{d.agencyName}</td>}
            <td>{d.hostName}</td>
            <td>{d.place}</td>
            <td>
              {d.free > 0 ? (
                <a href={`/reception/days/${d.id}/book`} aria-label={t('feedback.reception.bookAria', { day: dayLabel(t, d.day) })}>
                  {t('feedback.reception.book')} ({t('feedback.reception.freeN', { free: d.free, total: d.total })})
                </a>
              ) : (
                t('feedback.reception.full')
              )}
              {d.canManage && (
                <>
                  <br />
                  <a href={`/reception/manage/days/${d.id}`}>{t('feedback.reception.bookings')}</a>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReceptionCalendarPage({ view, m }: { view: ViewCtx; m: CalendarModel }) {
  const t = view.t;
  const weeksShort = m.check.weeks.filter((w) => !w.ok);
  const monthsShort = m.check.months.filter((x) => !x.ok);
  const title = t('feedback.reception.title');
  const e = m.errors ?? {};
  const v = m.values;
  return (
    <Layout view={view} title={`${title} – ${m.unit.name}`} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>
        {title} – {m.unit.name}
      </h1>
      <ErrorSummary view={view} errors={e} />
      <div class="prose">
        <p class="lead">{t('feedback.reception.lead')}</p>
        <p>{t('feedback.reception.answerNote')}</p>
      </div>
      {weeksShort.length + monthsShort.length > 0 ? (
        <section class="esum" aria-labelledby="h-warn">
          <h2 id="h-warn">{t('feedback.reception.warn.title')}</h2>
          <ul>
            {weeksShort.map((w) => (
              <li key={w.start}>{t('feedback.reception.warn.week', { start: formatDate(w.start), end: formatDate(w.end) })}</li>
            ))}
            {monthsShort.map((x) => (
              <li key={`${x.month}-${x.agencyId}`}>
                {x.agencyId === null
                  ? t('feedback.reception.warn.monthAny', { month: monthLabel(x.month) })
                  : t('feedback.reception.warn.month', { month: monthLabel(x.month), agency: m.agencyNames[x.agencyId] ?? '' })}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p class="flash">{t('feedback.reception.ok', { weeks: m.check.weeks.length, months: new Set(m.check.months.map((x) => x.month)).size })}</p>
      )}
      <h2>{t('feedback.reception.chairmanDays')}</h2>
      <DaysTable t={t} rows={m.days.filter((d) => d.hostRole === 'commune_chairman')} agency={false} />
      <h2>{t('feedback.reception.agencyDays')}</h2>
      <DaysTable t={t} rows={m.days.filter((d) => d.hostRole === 'agency_head')} agency={true} />

      <h2>{t('feedback.reception.lookup.title')}</h2>
      <form method="get" action="/reception/bookings" class="search">
        <TextField name="code" label={t('feedback.reception.lookup.code')} hint={t('feedback.reception.lookup.hint')} class="code" />
        <button class="btn sec" type="submit">
          {t('feedback.reception.lookup.button')}
        </button>
      </form>

      {m.hosts.length > 0 && (
        <section aria-labelledby="h-add">
          <h2 id="h-add">{t('feedback.reception.add.title')}</h2>
          <PostForm view={view} action={`/units/${m.unit.id}/reception/days`}>
            <SelectField name="host" label={t('feedback.reception.add.host')} options={m.hosts} value={v.host} error={e.host} />
            <TextField
              name="hostName"
              label={t('feedback.reception.add.hostName')}
              hint={t('feedback.reception.add.hostNameHint')}
              value={v.hostName}
              error={e.hostName}
            />
            <div class="row">
              <TextField
                name="day"
                label={t('feedback.reception.add.day')}
                hint={t('feedback.reception.add.dayHint')}
                inputMode="numeric"
                value={v.day}
                error={e.day}
              />
              <TextField
                name="start"
                label={t('feedback.reception.add.start')}
                hint={t('feedback.reception.add.timeHint')}
                inputMode="numeric"
                value={v.start}
                error={e.start}
              />
              <TextField
                name="end"
                label={t('feedback.reception.add.end')}
                hint={t('feedback.reception.add.timeHint')}
                inputMode="numeric"
                value={v.end}
                error={e.end}
              />
            </div>
            <TextField name="place" label={t('feedback.reception.add.place')} hint={t('feedback.reception.add.placeHint')} value={v.place} error={e.place} />
            <div class="row">
              <SelectField
                name="slotMinutes"
                label={t('feedback.reception.add.slotMinutes')}
                value={v.slotMinutes}
                error={e.slotMinutes}
                options={[10, 15, 20, 30, 45, 60].map((n) => ({ value: String(n), label: t('feedback.reception.add.minutesN', { n }) }))}
              />
              <TextField
                name="repeatWeeks"
                label={t('feedback.reception.add.repeat')}
                hint={t('feedback.reception.add.repeatHint')}
                inputMode="numeric"
                value={v.repeatWeeks}
                error={e.repeatWeeks}
              />
            </div>
            <button class="btn" type="submit">
              {t('feedback.reception.add.button')}
            </button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
