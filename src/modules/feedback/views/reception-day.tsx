// The receiving officer's pages (R-H6): the bookings of one reception day with the citizens' names
// and phones (manageReception only; never public), and the form that enters what a citizen
// presented, so that it gets a tracking code and the 10-working-day answer clock (Reception Law Art 28(1)).
import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { CATEGORIES, KINDS } from '../model.js';
import type { DayFacts } from './reception-book.js';
import { dayLabel } from './reception-calendar.js';

/** `who` is null when the booking's matter became an item whose author this viewer may not see (R-H4). */
export type BookingRow = {
  id: number;
  slot: string;
  status: 'booked' | 'cancelled' | 'received' | 'no_show';
  who: { code: string; name: string; phone: string; topic: string; itemId: number | null; itemCode: string | null } | null;
};

export function DayManagePage({ view, d, rows, free }: { view: ViewCtx; d: DayFacts; rows: BookingRow[]; free: number }) {
  const t = view.t;
  const title = t('feedback.reception.day.title', { day: dayLabel(t, d.day) });
  return (
    <Layout
      view={view}
      title={title}
      crumbs={[
        { href: `/units/${d.unit.id}`, label: d.unit.name },
        { href: `/units/${d.unit.id}/reception`, label: t('feedback.reception.title') },
      ]}
    >
      <h1>{title}</h1>
      <p class="lead">
        {d.hostName} · {d.start}–{d.end} · {d.place}
      </p>
      <p class="muted">{t('feedback.reception.day.privacy')}</p>
      <p>{t('feedback.reception.day.free', { n: free })}</p>
      {rows.length === 0 ? (
        <p>{t('feedback.reception.day.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('feedback.reception.day.slot')}</th>
              <th scope="col">{t('feedback.reception.day.citizen')}</th>
              <th scope="col">{t('feedback.reception.day.topic')}</th>
              <th scope="col">{t('feedback.reception.booking.status')}</th>
              <th scope="col">{t('feedback.reception.day.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.id}>
                <td>{b.slot}</td>
                {b.who ? (
                  <>
                    <td>
                      {b.who.name}
                      <br />
                      <span class="muted">{b.who.phone}</span>
                      <br />
                      <span class="muted">{b.who.code}</span>
                    </td>
                    <td>{b.who.topic}</td>
                  </>
                ) : (
                  <td colSpan={2} class="muted">
                    {t('feedback.reception.day.hidden')}
                  </td>
                )}
                <td>
                  {t(`feedback.reception.status.${b.status}`)}
                  {b.who?.itemId && (
                    <>
                      <br />
                      <a href={`/feedback/manage/${b.who.itemId}`}>{b.who.itemCode}</a>
                    </>
                  )}
                </td>
                <td>
                  {b.status === 'booked' && (
                    <>
                      <a class="btn" href={`/reception/manage/bookings/${b.id}/receive`}>
                        {t('feedback.reception.day.receive')}
                      </a>{' '}
                      <PostForm view={view} action={`/reception/manage/bookings/${b.id}/no-show`} class="inline">
                        <button class="btn sec" type="submit" aria-label={t('feedback.reception.day.noShowAria', { slot: b.slot })}>
                          {t('feedback.reception.day.noShow')}
                        </button>
                      </PostForm>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export type ReceiveValues = {
  kind: string;
  category: string;
  title: string;
  content: string;
  address: string;
  knownOn: string;
  notifyChannel: string;
  subjectText: string;
};

export function ReceivePage(p: {
  view: ViewCtx;
  d: DayFacts;
  b: { id: number; slot: string; name: string; phone: string; code: string };
  values: ReceiveValues;
  errors?: FieldErrors;
}) {
  const { view, d, b, values: v } = p;
  const t = view.t;
  const e = p.errors ?? {};
  const title = t('feedback.reception.receive.title');
  return (
    <Layout
      view={view}
      title={title}
      crumbs={[
        { href: `/units/${d.unit.id}/reception`, label: t('feedback.reception.title') },
        { href: `/reception/manage/days/${d.id}`, label: dayLabel(t, d.day) },
      ]}
    >
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={e} />
      <p class="lead">{t('feedback.reception.receive.lead', { name: b.name, phone: b.phone, slot: b.slot, day: dayLabel(t, d.day), code: b.code })}</p>
      <p>{t('feedback.reception.receive.clock')}</p>
      <PostForm view={view} action={`/reception/manage/bookings/${b.id}/receive`}>
        <div class="row">
          <SelectField
            name="kind"
            label={t('feedback.reception.receive.kind')}
            value={v.kind}
            error={e.kind}
            options={KINDS.map((k) => ({ value: k, label: t(`feedback.kind.${k}`) }))}
          />
          <SelectField
            name="category"
            label={t('feedback.reception.receive.category')}
            value={v.category}
            error={e.category}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`feedback.category.${c}`) }))}
          />
        </div>
        <TextField name="title" label={t('feedback.reception.receive.subject')} value={v.title} error={e.title} />
        <TextArea name="content" label={t('feedback.reception.receive.content')} value={v.content} error={e.content} />
        <TextField
          name="address"
          label={t('feedback.reception.receive.address')}
          hint={t('feedback.reception.receive.addressHint')}
          value={v.address}
          error={e.address}
        />
        <div class="row">
          <TextField
            name="knownOn"
            label={t('feedback.reception.receive.knownOn')}
            hint={t('feedback.reception.add.dayHint')}
            inputMode="numeric"
            value={v.knownOn}
            error={e.knownOn}
          />
          <SelectField
            name="notifyChannel"
            label={t('feedback.reception.receive.notify')}
            value={v.notifyChannel}
            error={e.notifyChannel}
            options={(['sms', 'zalo', 'none'] as const).map((c) => ({ value: c, label: t(`feedback.notify.${c}`) }))}
          />
        </div>
        <TextField
          name="subjectText"
          label={t('feedback.reception.receive.subjectText')}
          hint={t('feedback.reception.receive.subjectTextHint')}
          value={v.subjectText}
          error={e.subjectText}
        />
        {Object.entries(e)
          .filter(([k]) => !['kind', 'category', 'title', 'content', 'address', 'knownOn', 'notifyChannel', 'subjectText'].includes(k) && k !== '_form')
          .map(([k, msg]) => (
            <p key={k} class="emsg" id={`f-${k}`}>
              {msg}
            </p>
          ))}
        <button class="btn" type="submit">
          {t('feedback.reception.receive.button')}
        </button>
      </PostForm>
    </Layout>
  );
}
