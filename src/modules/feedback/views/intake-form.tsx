// The feedback form on one page (issue 5 item 1): the kind first, each with what it is and what it
// needs in plain words; then the matter, the place, the sender (optional unless the kind needs it,
// sealed, with an optional signature image for a complaint or denunciation), how to be told, and
// attachments. The same page serves a signed-in resident (pre-filled), a QR code at a place
// (pre-filled place) and an official recording an item on a citizen's behalf, for the commune or
// for their own agency.
import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, FileField, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { ClosedCommune } from '../commands/closed-commune.js';
import { CATEGORIES, type FeedbackInput, KINDS, NOTIFY_CHANNELS, OFFICIAL_CHANNELS } from '../model.js';

export type IntakeFormModel = {
  mode: 'public' | 'resident' | 'record';
  unit: { id: number; name: string };
  villages: { id: number; name: string }[];
  qr: { token: string; name: string } | null;
  values: FeedbackInput;
  maxUploadMb: number;
  /** An agency's head or staff records for their agency (the item goes to it). */
  agency?: { name: string } | null;
  errors?: FieldErrors;
  /** The commune was abolished in a reorganisation (commands/closed-commune.ts): the page says so and
   * where to send instead; the form shows again only to give back what was typed. */
  closed?: ClosedCommune | null;
};

type Opt = { value: string; label: string; hint?: string };
function Radios(p: { name: string; legend: string; hint?: string; options: Opt[]; value: string; error?: string; children?: ComponentChildren }) {
  return (
    <fieldset class={p.error ? 'fg err' : 'fg'} id={`f-${p.name}`} aria-describedby={p.error ? `f-${p.name}-err` : undefined}>
      <legend>{p.legend}</legend>
      {p.hint && <span class="hint">{p.hint}</span>}
      {p.error && (
        <span class="emsg" id={`f-${p.name}-err`}>
          {p.error}
        </span>
      )}
      {p.children}
      {p.options.map((o) => {
        // The label is the bold choice; its explanation sits beside it in normal weight and is read
        // with the radio button (aria-describedby).
        const id = `f-${p.name}-${o.value}`;
        return (
          <div class="check" key={o.value}>
            <input type="radio" id={id} name={p.name} value={o.value} checked={p.value === o.value} aria-describedby={o.hint ? `${id}-hint` : undefined} />
            <span>
              <label for={id}>{o.label}</label>
              {o.hint && (
                <span class="hint" id={`${id}-hint`}>
                  {o.hint}
                </span>
              )}
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}

export function IntakeFormPage({ view, m }: { view: ViewCtx; m: IntakeFormModel }) {
  const { t } = view;
  const v = m.values;
  const e = m.errors ?? {};
  const record = m.mode === 'record';
  const title = record ? t('feedback.intake.form.recordTitle') : t('feedback.intake.form.title');
  const action = record ? `/units/${m.unit.id}/feedback/record` : `/units/${m.unit.id}/feedback/new`;
  const notify = NOTIFY_CHANNELS.filter((c) => c !== 'in_app' || m.mode === 'resident');
  const closed = m.closed ?? null;
  return (
    <Layout view={view} title={title} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={e} />
      {closed && (
        <div class="fg err" id="f-commune">
          <p class="emsg">{closed.message}</p>
          {closed.successor && (
            <p>
              <a class="btn" href={`/units/${closed.successor.id}/feedback/new`}>
                {t('feedback.intake.form.sendToSuccessor', { unit: closed.successor.name })}
              </a>
            </p>
          )}
        </div>
      )}
      {!closed && (
        <div class="prose">
          <p class="lead">
            {!record
              ? t('feedback.intake.form.lead', { unit: m.unit.name })
              : m.agency
                ? t('feedback.intake.form.recordLeadAgency', { agency: m.agency.name, unit: m.unit.name })
                : t('feedback.intake.form.recordLead', { unit: m.unit.name })}
          </p>
          {!record && <p>{t('feedback.intake.form.intro')}</p>}
          {m.qr && <p>{t('feedback.intake.form.fromQr', { place: m.qr.name })}</p>}
        </div>
      )}
      {(!closed || m.errors) && (
        <form method="post" action={action} enctype="multipart/form-data" noValidate>
          <input type="hidden" name="_csrf" value={view.csrf()} />
          {m.qr && <input type="hidden" name="qrToken" value={m.qr.token} />}
          {record && (
            <div class="row">
              <SelectField
                name="channel"
                label={t('feedback.intake.form.channel')}
                value={v.channel}
                error={e.channel}
                options={[
                  { value: '', label: t('feedback.intake.form.choose') },
                  ...OFFICIAL_CHANNELS.map((c) => ({ value: c, label: t(`feedback.channel.${c}`) })),
                ]}
              />
              <TextField
                name="receivedOn"
                label={t('feedback.intake.form.receivedOn')}
                hint={t('feedback.intake.form.dateHint')}
                inputMode="numeric"
                value={v.receivedOn}
                error={e.receivedOn}
              />
            </div>
          )}
          <Radios
            name="kind"
            legend={t('feedback.intake.form.kind')}
            value={v.kind}
            error={e.kind}
            options={KINDS.map((k) => ({ value: k, label: t(`feedback.kind.${k}`), hint: t(`feedback.intake.kindHint.${k}`) }))}
          >
            {v.kind === 'denunciation' && e.kind && (
              // R-H5: an anonymous denunciation may still be sent, as a report.
              <p>
                <button class="btn sec" type="submit" name="asReport" value="1">
                  {t('feedback.intake.form.sendAsReport')}
                </button>
              </p>
            )}
          </Radios>
          <SelectField
            name="category"
            label={t('feedback.intake.form.category')}
            value={v.category}
            error={e.category}
            options={[{ value: '', label: t('feedback.intake.form.choose') }, ...CATEGORIES.map((c) => ({ value: c, label: t(`feedback.category.${c}`) }))]}
          />
          <TextField name="title" label={t('feedback.intake.form.titleField')} hint={t('feedback.intake.form.titleHint')} value={v.title} error={e.title} />
          <TextArea name="content" label={t('feedback.intake.form.content')} hint={t('feedback.intake.form.contentHint')} value={v.content} error={e.content} />
          <div class="row">
            <TextField
              name="placeText"
              label={t('feedback.intake.form.place')}
              hint={t('feedback.intake.form.placeHint')}
              value={v.placeText}
              error={e.placeText}
            />
            {m.villages.length > 0 && (
              <SelectField
                name="villageId"
                label={t('feedback.intake.form.village')}
                value={v.villageId}
                error={e.villageId}
                options={[{ value: '', label: t('feedback.intake.form.villageNone') }, ...m.villages.map((x) => ({ value: String(x.id), label: x.name }))]}
              />
            )}
          </div>
          <fieldset>
            <legend>{t('feedback.intake.form.sender')}</legend>
            <p class="hint">{t('feedback.intake.form.senderHint')}</p>
            <div class="row">
              <TextField name="name" label={t('feedback.intake.form.name')} autocomplete={record ? 'off' : 'name'} value={v.name} error={e.name} />
              <TextField
                name="address"
                label={t('feedback.intake.form.address')}
                autocomplete={record ? 'off' : 'street-address'}
                value={v.address}
                error={e.address}
              />
            </div>
            <div class="row">
              <TextField
                name="phone"
                type="tel"
                label={t('feedback.intake.form.phone')}
                autocomplete={record ? 'off' : 'tel'}
                value={v.phone}
                error={e.phone}
              />
              <TextField name="email" label={t('feedback.intake.form.email')} autocomplete={record ? 'off' : 'email'} value={v.email} error={e.email} />
              <TextField name="idNumber" label={t('feedback.intake.form.idNumber')} inputMode="numeric" value={v.idNumber} error={e.idNumber} />
            </div>
            <FileField
              again={Object.keys(e).length ? t('form.filesAgain') : undefined}
              name="signature"
              label={t('feedback.intake.form.signature')}
              hint={t('feedback.intake.form.signatureHint')}
              accept=".png,.jpg,.jpeg"
              error={e.signature}
            />
          </fieldset>
          <fieldset>
            <legend>{t('feedback.intake.form.complaint')}</legend>
            <p class="hint">{t('feedback.intake.form.complaintHint')}</p>
            <div class="row">
              <TextField
                name="knownOn"
                label={t('feedback.intake.form.knownOn')}
                hint={t('feedback.intake.form.dateHint')}
                value={v.knownOn}
                error={e.knownOn}
              />
              <TextField
                name="excludedDays"
                label={t('feedback.intake.form.excludedDays')}
                hint={t('feedback.intake.form.excludedDaysHint')}
                inputMode="numeric"
                value={v.excludedDays}
                error={e.excludedDays}
              />
            </div>
            <TextField name="excludedReason" label={t('feedback.intake.form.excludedReason')} value={v.excludedReason} error={e.excludedReason} />
          </fieldset>
          <fieldset>
            <legend>{t('feedback.intake.form.denunciation')}</legend>
            <TextField
              name="subjectText"
              label={t('feedback.intake.form.subject')}
              hint={t('feedback.intake.form.subjectHint')}
              value={v.subjectText}
              error={e.subjectText}
            />
          </fieldset>
          <Radios
            name="notifyChannel"
            legend={t('feedback.intake.form.notify')}
            hint={m.mode === 'resident' ? t('feedback.intake.form.notifyHintResident') : t('feedback.intake.form.notifyHint')}
            value={v.notifyChannel || 'none'}
            error={e.notifyChannel}
            options={notify.map((c) => ({ value: c, label: t(`feedback.notify.${c}`) }))}
          />
          <FileField
            again={Object.keys(e).length ? t('form.filesAgain') : undefined}
            name="files"
            label={t('feedback.intake.form.files')}
            hint={t('feedback.intake.form.filesHint', { mb: m.maxUploadMb })}
            accept=".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.xls,.xlsx"
            multiple
            error={e.files}
          />
          {/* Honeypot: moved off screen and out of the tab order; people leave it empty, bots fill it. */}
          <div class="skip" aria-hidden="true">
            <label for="f-website">{t('feedback.intake.form.honeypot')}</label>
            <input id="f-website" type="text" name="website" value="" tabIndex={-1} autoComplete="off" />
          </div>
          <button class="btn" type="submit">
            {record ? t('feedback.intake.form.recordButton') : t('feedback.intake.form.send')}
          </button>
        </form>
      )}
      {!record && (
        <p>
          {t('feedback.intake.form.haveCode')} <a href="/feedback">{t('feedback.intake.form.lookup')}</a>
        </p>
      )}
    </Layout>
  );
}

/** What a bot that filled the honeypot sees: the same thanks a person gets, and nothing was stored. */
export function IntakeSentPage({ view, unit }: { view: ViewCtx; unit: { id: number; name: string } }) {
  const { t } = view;
  return (
    <Layout view={view} title={t('feedback.intake.sent.title')} crumbs={[{ href: `/units/${unit.id}`, label: unit.name }]}>
      <h1>{t('feedback.intake.sent.title')}</h1>
      <p class="lead">{t('feedback.intake.sent.body')}</p>
    </Layout>
  );
}
