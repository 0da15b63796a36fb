// Booking a reception slot without an account, the booking's page (found by its code, with a
// cancel button), and the lookup by code (R-H6). No personal data is shown on the booking page.
import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, PostForm, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { BookingInput } from '../commands/reception.js';
import { dayLabel } from './reception-calendar.js';

export type DayFacts = { id: number; day: string; start: string; end: string; place: string; hostName: string; unit: { id: number; name: string } };
export type SlotRow = { slot: string; state: 'free' | 'taken' | 'past' };

export function BookPage({ view, d, slots, values, errors }: { view: ViewCtx; d: DayFacts; slots: SlotRow[]; values: BookingInput; errors?: FieldErrors }) {
  const t = view.t;
  const e = errors ?? {};
  const free = slots.some((s) => s.state === 'free');
  return (
    <Layout
      view={view}
      title={t('feedback.reception.book.title')}
      crumbs={[
        { href: `/units/${d.unit.id}`, label: d.unit.name },
        { href: `/units/${d.unit.id}/reception`, label: t('feedback.reception.title') },
      ]}
    >
      <h1>{t('feedback.reception.book.title')}</h1>
      <ErrorSummary view={view} errors={e} />
      <p class="lead">{t('feedback.reception.book.lead', { host: d.hostName, day: dayLabel(t, d.day), start: d.start, end: d.end, place: d.place })}</p>
      {free ? (
        <PostForm view={view} action={`/reception/days/${d.id}/book`}>
          <fieldset id="f-slot" class={e.slot ? 'fg err' : 'fg'} aria-describedby={e.slot ? 'f-slot-err' : undefined}>
            <legend>{t('feedback.reception.book.slot')}</legend>
            {e.slot && (
              <span class="emsg" id="f-slot-err">
                {e.slot}
              </span>
            )}
            <div class="cols">
              {slots.map((s) => (
                <label key={s.slot} class="check">
                  <input type="radio" name="slot" value={s.slot} checked={values.slot === s.slot} disabled={s.state !== 'free'} />
                  <span>
                    {s.slot}
                    {s.state === 'taken' && ` ${t('feedback.reception.book.slotTaken')}`}
                    {s.state === 'past' && ` ${t('feedback.reception.book.slotPast')}`}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <TextField name="name" label={t('feedback.reception.book.name')} autocomplete="name" value={values.name} error={e.name} />
          <TextField
            name="phone"
            type="tel"
            label={t('feedback.reception.book.phone')}
            hint={t('feedback.reception.book.phoneHint')}
            autocomplete="tel"
            inputMode="tel"
            value={values.phone}
            error={e.phone}
          />
          <TextArea
            name="topic"
            rows={4}
            label={t('feedback.reception.book.topic')}
            hint={t('feedback.reception.book.topicHint')}
            value={values.topic}
            error={e.topic}
          />
          <p class="muted">{t('feedback.reception.book.privacy')}</p>
          <button class="btn" type="submit">
            {t('feedback.reception.book.button')}
          </button>
        </PostForm>
      ) : (
        <p>{t('feedback.reception.book.noSlots')}</p>
      )}
    </Layout>
  );
}

export type BookingView = DayFacts & { code: string; slot: string; status: 'booked' | 'cancelled' | 'received' | 'no_show'; itemCode: string | null };

export function BookingPage({ view, b }: { view: ViewCtx; b: BookingView }) {
  const t = view.t;
  return (
    <Layout
      view={view}
      title={t('feedback.reception.booking.title', { code: b.code })}
      crumbs={[
        { href: `/units/${b.unit.id}`, label: b.unit.name },
        { href: `/units/${b.unit.id}/reception`, label: t('feedback.reception.title') },
      ]}
    >
      <h1>{t('feedback.reception.booking.title', { code: b.code })}</h1>
      <dl class="kv">
        <dt>{t('feedback.reception.booking.code')}</dt>
        <dd>
          <strong>{b.code}</strong>
        </dd>
        <dt>{t('feedback.reception.booking.status')}</dt>
        <dd>
          <span class={b.status === 'booked' || b.status === 'received' ? 'tag ok' : 'tag ended'}>{t(`feedback.reception.status.${b.status}`)}</span>
        </dd>
        <dt>{t('feedback.reception.booking.day')}</dt>
        <dd>{dayLabel(t, b.day)}</dd>
        <dt>{t('feedback.reception.booking.time')}</dt>
        <dd>{b.slot}</dd>
        <dt>{t('feedback.reception.booking.place')}</dt>
        <dd>{b.place}</dd>
        <dt>{t('feedback.reception.booking.host')}</dt>
        <dd>{b.hostName}</dd>
      </dl>
      {b.itemCode && (
        <p>
          {t('feedback.reception.booking.item', { code: b.itemCode })} <a href={`/feedback/${b.itemCode}`}>{t('feedback.reception.booking.follow')}</a>
        </p>
      )}
      {b.status === 'booked' && (
        <>
          <p>{t('feedback.reception.booking.bring')}</p>
          <h2>{t('feedback.reception.booking.cancel')}</h2>
          <p>{t('feedback.reception.booking.cancelHint')}</p>
          <PostForm view={view} action={`/reception/bookings/${b.code}/cancel`}>
            <button class="btn warn" type="submit">
              {t('feedback.reception.booking.cancel')}
            </button>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

export function BookingLookupPage({ view, code, errors }: { view: ViewCtx; code: string; errors?: FieldErrors }) {
  const t = view.t;
  return (
    <Layout view={view} title={t('feedback.reception.lookup.title')}>
      <h1>{t('feedback.reception.lookup.title')}</h1>
      <ErrorSummary view={view} errors={errors} />
      <form method="get" action="/reception/bookings" class="search">
        <TextField
          name="code"
          label={t('feedback.reception.lookup.code')}
          hint={t('feedback.reception.lookup.hint')}
          value={code}
          error={errors?.code}
          class="code"
        />
        <button class="btn" type="submit">
          {t('feedback.reception.lookup.button')}
        </button>
      </form>
    </Layout>
  );
}
