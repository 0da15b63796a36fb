// The record of one vote, as Law 10/2022 Art 20(2) asks of a community decision (R-A1): the matter,
// the form, when and where, households in total / present / with no representative, the counts (kept
// hidden while an online vote or ballot is open), THE WORKING against all households (Art 21(1);
// R-A2–R-A4), who helped, the decision, the four confirmations and which are missing; the participant
// list only for those who may see it (Decree 59 Art 5(4)(a)). A component: the /votes/:id page embeds it.
import { Fragment } from 'preact';
import { formatDate, formatDateTime, formatNumber } from '../../../platform/i18n/index.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { Participant } from '../docs/data.js';
import { countForm, hasBallotForm, type Rec, workingOf } from '../docs/labels.js';

const SHARE = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const share = (n: number, total: number | null) => (total ? `${SHARE.format((n * 100) / total)}%` : '—');
const num = (n: number | null | undefined) => (n == null ? '—' : formatNumber(n));

const dismissesHead = (m: { kind: string; position: string | null }) => m.kind === 'dismissal' && m.position === 'village_head';

function Confirmations({ view, r }: { view: ViewCtx; r: Rec }) {
  const t = view.t;
  const rows = [
    // Decree 59/2023 Art 3(1), 9: on a village head's dismissal the commune signs the village-head line.
    [t(dismissesHead(r.matter) ? 'decisions.docs.confirm.commune' : 'decisions.docs.confirm.villageHead'), r.vote.confirm_village_head],
    [t('decisions.docs.confirm.frontHead'), r.vote.confirm_front_head],
    [t('decisions.docs.confirm.rep1'), r.vote.confirm_rep1],
    [t('decisions.docs.confirm.rep2'), r.vote.confirm_rep2],
  ] as const;
  const missing = rows.filter(([, name]) => !name).map(([who]) => who);
  return (
    <>
      <h3>{t('decisions.docs.confirmations')}</h3>
      <dl class="kv">
        {rows.map(([who, name]) => (
          <Fragment key={who}>
            <dt>{who}</dt>
            <dd>{name ?? <span class="tag ended">{t('decisions.docs.missing')}</span>}</dd>
          </Fragment>
        ))}
      </dl>
      <p>{missing.length ? t('decisions.docs.missingList', { list: missing.join(', ') }) : t('decisions.docs.allConfirmed')}</p>
    </>
  );
}

function Counts({ view, r }: { view: ViewCtx; r: Rec }) {
  const t = view.t;
  if (!r.revealCounts) return <p>{t('decisions.docs.hidden', { time: r.vote.closes_at ? formatDateTime(r.vote.closes_at) : '' })}</p>;
  if (r.vote.status === 'scheduled') return <p>{t('decisions.docs.notCounted')}</p>;
  const election = r.matter.kind === 'election';
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{election ? t('decisions.docs.candidate') : t('decisions.docs.option')}</th>
          <th scope="col">{t('decisions.docs.votes')}</th>
          <th scope="col">{t('decisions.docs.share')}</th>
        </tr>
      </thead>
      <tbody>
        {r.options.map((o) => (
          <tr key={o.key}>
            <th scope="row">{o.label}</th>
            <td>{num(r.counts[o.key] ?? 0)}</td>
            <td>{share(r.counts[o.key] ?? 0, r.householdsTotal)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** THE WORKING: enough to check the outcome by hand (rules/threshold.ts). */
function Working({ view, r }: { view: ViewCtx; r: Rec }) {
  const t = view.t;
  const w = workingOf(r);
  if (!w || !r.revealCounts) return <p>{t('decisions.docs.noWorking')}</p>;
  const election = !!w.candidates?.length;
  const outcome = election
    ? w.adopted
      ? 'decisions.docs.someElected'
      : 'decisions.docs.noneElected'
    : w.adopted
      ? 'decisions.docs.adopted'
      : 'decisions.docs.notAdopted';
  return (
    <dl class="kv">
      <dt>{t('decisions.docs.total')}</dt>
      <dd>{num(w.householdsTotal)}</dd>
      <dt>{r.vote.form === 'meeting' ? t('decisions.docs.present') : t('decisions.docs.participating')}</dt>
      <dd>{num(w.present ?? r.present)}</dd>
      <dt>{t('decisions.docs.approving')}</dt>
      <dd>
        {election ? (
          <ul class="list">
            {w.candidates!.map((c) => (
              <li key={c.key}>
                {c.label}: {num(c.approving)} ({share(c.approving, w.householdsTotal)}) –{' '}
                {c.elected ? t('decisions.docs.elected') : t('decisions.docs.notElected')}
              </li>
            ))}
          </ul>
        ) : (
          `${num(w.approving)} / ${num(w.householdsTotal)} (${share(w.approving, w.householdsTotal)})`
        )}
      </dd>
      <dt>{t('decisions.docs.threshold')}</dt>
      <dd>{t(w.kind === 'two_thirds' ? 'decisions.docs.twoThirds' : 'decisions.docs.majority', { n: w.needed })}</dd>
      <dt>{t('decisions.docs.outcome')}</dt>
      <dd>
        <strong class={w.adopted ? 'tag ok' : 'tag ended'}>{t(outcome)}</strong>
      </dd>
      <dt>{t('decisions.docs.article')}</dt>
      <dd>{w.article}</dd>
    </dl>
  );
}

function Files({ view, r }: { view: ViewCtx; r: Rec }) {
  const t = view.t;
  const base = `/votes/${r.vote.id}`;
  const done = r.vote.status !== 'scheduled';
  const count = countForm(r.vote);
  return (
    <>
      <h3>{t('decisions.docs.files')}</h3>
      <ul>
        <li>
          <a href={`${base}/notice.docx`}>
            {r.vote.form === 'meeting' ? t('decisions.docs.file.notice') : t('decisions.docs.file.announcement')} ({t('decisions.docs.file.word')})
          </a>
        </li>
        {hasBallotForm(r.vote) && (
          <li>
            <a href={`${base}/ballot-form`}>{t('decisions.docs.file.ballot')}</a> · <a href={`${base}/ballot-form.docx`}>{t('decisions.docs.file.word')}</a>
          </li>
        )}
        {done && count && (
          <li>
            <a href={`${base}/count.docx`}>
              {t(count === '02' ? 'decisions.docs.file.count02' : 'decisions.docs.file.count04')} ({t('decisions.docs.file.word')})
            </a>
          </li>
        )}
        {done && (
          <li>
            <a href={`${base}/decision.docx`}>
              {t('decisions.docs.file.decision')} ({t('decisions.docs.file.word')})
            </a>
          </li>
        )}
      </ul>
    </>
  );
}

const names = (list: string[]) => (list.length ? list.join(', ') : null);

export function VoteRecordView(props: { view: ViewCtx; r: Rec; showParticipants: boolean; participants?: Participant[] }) {
  const { view, r } = props;
  const t = view.t;
  const v = r.vote;
  const meeting = v.form === 'meeting';
  const team = v.form === 'meeting' ? null : t(v.form === 'online' ? 'decisions.docs.team.online' : 'decisions.docs.team.household_ballot');
  const people: [string, string | null][] = [
    ...(meeting ? ([[t('decisions.docs.secretary'), v.secretary]] as [string, string | null][]) : []),
    ...(meeting && v.method === 'secret_ballot' ? ([[t('decisions.docs.committee'), names(r.committee)]] as [string, string | null][]) : []),
    ...(team ? ([[team, names(r.team)]] as [string, string | null][]) : []),
    ...(v.method === 'secret_ballot' || v.form === 'household_ballot'
      ? ([[t('decisions.docs.witnesses'), names(r.witnesses)]] as [string, string | null][])
      : []),
  ];
  return (
    <section aria-labelledby="vote-record">
      <h2 id="vote-record">{t('decisions.docs.record')}</h2>
      <p>
        <span class={v.status === 'annulled' || v.status === 'refused' ? 'tag ended' : v.status === 'scheduled' ? 'tag' : 'tag ok'}>
          {t(`decisions.docs.status.${r.shownStatus}` as const)}
        </span>{' '}
        <span class="muted">{v.published_on ? t('decisions.docs.published', { date: formatDate(v.published_on) }) : t('decisions.docs.notPublished')}</span>
      </p>
      {v.status === 'refused' && v.refusal_reason && <p>{t('decisions.docs.refusal', { reason: v.refusal_reason })}</p>}
      <dl class="kv">
        <dt>{t('decisions.docs.matter')}</dt>
        <dd>{r.matter.title}</dd>
        <dt>{t('decisions.docs.item')}</dt>
        <dd>{t('decisions.docs.itemN', { n: r.matter.item, name: t(`decisions.docs.item${r.matter.item}` as const) })}</dd>
        <dt>{t('decisions.docs.scope')}</dt>
        <dd>{t(`decisions.docs.scope.${r.matter.scope}` as const)}</dd>
        <dt>{t('decisions.docs.form')}</dt>
        <dd>
          {t(`decisions.docs.form.${v.form}` as const)}
          {meeting && v.method && `, ${t(`decisions.docs.method.${v.method}` as const)}`}
        </dd>
        {meeting ? (
          <>
            <dt>{t('decisions.docs.date')}</dt>
            <dd>{formatDate(v.vote_date)}</dd>
            <dt>{t('decisions.docs.place')}</dt>
            <dd>{v.place ?? '—'}</dd>
          </>
        ) : (
          <>
            <dt>{t('decisions.docs.opens')}</dt>
            <dd>{v.opens_at ? formatDateTime(v.opens_at) : '—'}</dd>
            <dt>{v.form === 'household_ballot' ? t('decisions.docs.deadline') : t('decisions.docs.closes')}</dt>
            <dd>{v.closes_at ? formatDateTime(v.closes_at) : '—'}</dd>
          </>
        )}
      </dl>
      <h3>{t('decisions.docs.households')}</h3>
      <dl class="kv">
        <dt>{t('decisions.docs.total')}</dt>
        <dd>{num(r.householdsTotal)}</dd>
        <dt>{meeting ? t('decisions.docs.present') : t('decisions.docs.participating')}</dt>
        <dd>{num(r.present)}</dd>
        <dt>{t('decisions.docs.absent')}</dt>
        <dd>{num(r.absent)}</dd>
      </dl>
      <h3>{t('decisions.docs.counts')}</h3>
      <Counts view={view} r={r} />
      <h3>{t('decisions.docs.working')}</h3>
      <Working view={view} r={r} />
      {people.length > 0 && (
        <>
          <h3>{t('decisions.docs.people')}</h3>
          <dl class="kv">
            {people.map(([label, value]) => (
              <Fragment key={label}>
                <dt>{label}</dt>
                <dd>{value ?? <span class="muted">{t('decisions.docs.notRecorded')}</span>}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      )}
      {v.content && (
        <>
          <h3>{t('decisions.docs.content')}</h3>
          <p class="prose">{v.content}</p>
        </>
      )}
      {v.decision_text && (
        <>
          <h3>{t('decisions.docs.decision')}</h3>
          <p class="prose">{v.decision_text}</p>
        </>
      )}
      <Confirmations view={view} r={r} />
      {r.otherOpinions.length > 0 && (
        <>
          <h3>{t('decisions.docs.otherOpinions')}</h3>
          <ul>
            {r.otherOpinions.map((o, i) => (
              <li key={i}>{o}</li>
            ))}
          </ul>
        </>
      )}
      {props.showParticipants && props.participants && (
        <>
          <h3>{t('decisions.docs.participants')}</h3>
          <p class="hint">{t('decisions.docs.participantsNote')}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('decisions.docs.name')}</th>
                <th scope="col">{t('decisions.docs.address')}</th>
              </tr>
            </thead>
            <tbody>
              {props.participants.map((p) => (
                <tr key={p.code}>
                  <td>{p.name}</td>
                  <td>{p.address}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Files view={view} r={r} />
    </section>
  );
}
