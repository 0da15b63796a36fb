// The officials' forms on a covenant's page, each shown only to whom the policy allows and in the step
// where it applies: drafting team (Art 8; R-E7), a new version (Art 6), posting (Art 9; R-E1),
// publication (Arts 11, 15; R-E3), a report, suspension and annulment (Arts 12, 14; R-E5), the review (R-E6).
import { PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { OUTCOMES } from '../commands/review.js';
import { CHANNELS, MIN_POSTING_DAYS } from '../rules/cycle.js';
import { C } from './labels.js';
import type { DetailModel } from './pages.js';

export type Manage = { managed: boolean; draft: boolean; post: boolean; commune: boolean; annul: boolean; review: boolean };

const Submit = (p: { label: string; warn?: boolean }) => (
  <button class={p.warn ? 'btn warn' : 'btn'} type="submit">
    {p.label}
  </button>
);

export function ManageSections(p: { view: ViewCtx; m: DetailModel }) {
  const t = p.view.t;
  const { r, manage } = p.m;
  const id = r.covenant.id;
  const f = p.m.form;
  const val = (form: string, name: string, dflt = ''): string => (f?.name === form ? String(f.values[name] ?? '') : dflt);
  const list = (form: string, name: string): string[] => (f?.name === form ? [f.values[name] ?? []].flat() : []);
  const err = (form: string, name: string): string | undefined => (f?.name === form ? f.errors[name] : undefined);
  const drafting = ['drafting', 'initiative', 'consultation', 'ready_to_vote'].includes(r.status);
  const live = r.status === 'in_force' || r.status === 'suspended';
  const c = r.covenant;
  const openReport = !!c.report_received_on && !c.answered_on && !c.annulled_on;
  const teamRows = f?.name === 'team' ? [] : r.team;
  return (
    <>
      {manage.draft && drafting && (
        <section aria-labelledby="h-team">
          <h2 id="h-team">{C(t, 'h.team')}</h2>
          {r.setting.ethnicMinority && (
            <p class="hint">
              {C(t, 'f.ethnicMinority')}: {r.setting.ethnicLanguage}
            </p>
          )}
          <PostForm view={p.view} action={`/covenants/${id}/team`}>
            <div id="f-team" class={err('team', 'team') ? 'fg err' : 'fg'}>
              {err('team', 'team') && <span class="emsg">{err('team', 'team')}</span>}
              {[1, 2, 3, 4, 5, 6].map((i) => {
                const m = teamRows[i - 1];
                return (
                  <fieldset key={i}>
                    <legend>{C(t, 'team.member', { n: i })}</legend>
                    <TextField name={`name_${i}`} label={C(t, 'team.name')} value={val('team', `name_${i}`, m?.name ?? '')} />
                    <TextField name={`role_${i}`} label={C(t, 'team.role')} value={val('team', `role_${i}`, m?.role ?? '')} />
                    <label class="check">
                      <input type="checkbox" name={`elder_${i}`} value="1" checked={f?.name === 'team' ? val('team', `elder_${i}`) === '1' : !!m?.elder} />{' '}
                      {C(t, 'team.elder')}
                    </label>
                    <label class="check">
                      <input
                        type="checkbox"
                        name={`speaker_${i}`}
                        value="1"
                        checked={f?.name === 'team' ? val('team', `speaker_${i}`) === '1' : !!m?.speaker}
                      />{' '}
                      {C(t, 'team.speaker')}
                    </label>
                  </fieldset>
                );
              })}
            </div>
            <Submit label={C(t, 'save')} />
          </PostForm>
        </section>
      )}
      {manage.draft && drafting && (
        <section aria-labelledby="h-newversion">
          <h2 id="h-newversion">{C(t, 'h.newVersion')}</h2>
          <PostForm view={p.view} action={`/covenants/${id}/versions`}>
            <TextArea
              name="text"
              label={C(t, 'f.text')}
              value={val('version', 'text', r.versions.at(-1)?.text ?? '')}
              error={err('version', 'text')}
              rows={14}
            />
            <TextField name="note" label={C(t, 'f.note')} value={val('version', 'note')} error={err('version', 'note')} />
            <TextField
              name="translationLanguage"
              label={C(t, 'f.translationLanguage')}
              value={val('version', 'translationLanguage', r.setting.ethnicLanguage ?? '')}
              error={err('version', 'translationLanguage')}
            />
            <TextArea
              name="translationText"
              label={C(t, 'f.translationText')}
              value={val('version', 'translationText')}
              error={err('version', 'translationText')}
              rows={6}
            />
            <Submit label={C(t, 'save')} />
          </PostForm>
        </section>
      )}
      {manage.post && r.status === 'drafting' && (
        <section aria-labelledby="h-post">
          <h2 id="h-post">{C(t, 'h.post')}</h2>
          {err('post', 'team') && <p class="emsg">{err('post', 'team')}</p>}
          {err('post', 'text') && <p class="emsg">{err('post', 'text')}</p>}
          <PostForm view={p.view} action={`/covenants/${id}/post`}>
            <TextField
              name="days"
              label={C(t, 'f.days')}
              value={val('post', 'days', String(MIN_POSTING_DAYS))}
              error={err('post', 'days')}
              inputMode="numeric"
            />
            <Submit label={C(t, 'post')} />
          </PostForm>
        </section>
      )}
      {manage.commune && r.status === 'in_force' && !c.published_on && (
        <section aria-labelledby="h-pub">
          <h2 id="h-pub">{C(t, 'h.publication')}</h2>
          <PostForm view={p.view} action={`/covenants/${id}/publication`}>
            <TextField name="sentOn" label={C(t, 'f.sentOn')} value={val('publication', 'sentOn')} error={err('publication', 'sentOn')} />
            <TextField name="publishedOn" label={C(t, 'f.publishedOn')} value={val('publication', 'publishedOn')} error={err('publication', 'publishedOn')} />
            <fieldset id="f-channels" class={err('publication', 'channels') ? 'fg err' : 'fg'}>
              <legend>{C(t, 'f.channels')}</legend>
              {err('publication', 'channels') && <span class="emsg">{err('publication', 'channels')}</span>}
              {CHANNELS.map((k) => (
                <label class="check" key={k}>
                  <input type="checkbox" name="channels" value={k} checked={list('publication', 'channels').includes(k)} /> {C(t, `channel.${k}`)}
                </label>
              ))}
            </fieldset>
            <Submit label={C(t, 'save')} />
          </PostForm>
        </section>
      )}
      {manage.commune && live && (
        <section aria-labelledby="h-report">
          <h2 id="h-report">{C(t, 'h.report')}</h2>
          {!openReport && !c.suspended_on && (
            <PostForm view={p.view} action={`/covenants/${id}/report`}>
              <TextField name="receivedOn" label={C(t, 'f.receivedOn')} value={val('report', 'receivedOn')} error={err('report', 'receivedOn')} />
              <TextArea name="text" label={C(t, 'f.reportText')} value={val('report', 'text')} error={err('report', 'text')} rows={3} />
              <Submit label={C(t, 'receiveReport')} />
            </PostForm>
          )}
          {(openReport || (c.suspended_on && !c.corrected_on)) && (
            <PostForm view={p.view} action={`/covenants/${id}/act`}>
              <SelectField
                name="decision"
                label={C(t, 'f.decision')}
                value={val('act', 'decision')}
                error={err('act', 'decision')}
                options={[{ value: '', label: '—' }, ...['answer', 'suspend', 'corrected'].map((d) => ({ value: d, label: C(t, `decision.${d}`) }))]}
              />
              <TextField name="on" label={C(t, 'f.on')} value={val('act', 'on')} error={err('act', 'on')} />
              <TextArea name="reason" label={C(t, 'f.reason')} value={val('act', 'reason')} error={err('act', 'reason')} rows={3} />
              <TextField name="deadline" label={C(t, 'f.deadline')} value={val('act', 'deadline')} error={err('act', 'deadline')} />
              <Submit label={C(t, 'act')} />
            </PostForm>
          )}
          {manage.annul && (
            <PostForm view={p.view} action={`/covenants/${id}/annul`}>
              <TextField name="on" label={C(t, 'f.on')} value={val('annul', 'on')} error={err('annul', 'on')} />
              <TextArea name="reason" label={C(t, 'f.reason')} value={val('annul', 'reason')} error={err('annul', 'reason')} rows={3} />
              <Submit label={C(t, 'annul')} warn />
            </PostForm>
          )}
        </section>
      )}
      {manage.review && live && (
        <section aria-labelledby="h-doreview">
          <h2 id="h-doreview">{C(t, 'h.review')}</h2>
          <PostForm view={p.view} action={`/covenants/${id}/review`}>
            <TextField name="heldOn" label={C(t, 'f.heldOn')} value={val('review', 'heldOn')} error={err('review', 'heldOn')} />
            <SelectField
              name="outcome"
              label={C(t, 'f.outcome')}
              value={val('review', 'outcome')}
              error={err('review', 'outcome')}
              options={[{ value: '', label: '—' }, ...OUTCOMES.map((o) => ({ value: o, label: C(t, `outcome.${o}`) }))]}
            />
            <TextArea name="note" label={C(t, 'f.reviewNote')} value={val('review', 'note')} error={err('review', 'note')} rows={3} />
            <Submit label={C(t, 'save')} />
          </PostForm>
        </section>
      )}
    </>
  );
}
