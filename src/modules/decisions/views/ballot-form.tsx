// The printable ballot (Decree 59/2023 Art 4(5); R-A11) as an A4 page: the same model as the Word file
// (docs/ballot.ts), so the two say the same. The ballot's own words are the Vietnamese legal form, as the
// disclosure poster's are; the page around it follows the reader's language. Print CSS (ui/css.ts)
// hides the site's header and keeps the form on the page; no inline styles (CSP).
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { BallotModel } from '../docs/ballot.js';

export function BallotFormPage(p: { view: ViewCtx; m: BallotModel; voteId: number }) {
  const { m } = p;
  const t = p.view.t;
  return (
    <Layout view={p.view} title={t('decisions.docs.ballot.title', { title: m.summary })}>
      <article class="ballot" lang="vi">
        <div class="bhd">
          <div>
            <p>{m.communeWide ? <strong>{m.issuer[0]}</strong> : m.issuer[0]}</p>
            <p>
              <strong>{m.issuer[1]}</strong>
            </p>
            {m.communeWide && <div class="stamp">{m.stampNote}</div>}
          </div>
          <div>
            <p>
              <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
            </p>
            <p>
              <strong>Độc lập - Tự do - Hạnh phúc</strong>
            </p>
          </div>
        </div>
        <h1>{m.title}</h1>
        <p class="bsum">
          <strong>{m.summary}</strong>
        </p>
        {m.proposal.map((text) => (
          <p key={text}>{text}</p>
        ))}
        <p>
          <strong>{m.question}</strong>
        </p>
        <ul class="opts">
          {m.choices.map((c) => (
            <li key={c.key}>
              <span class="box" aria-hidden="true" />
              {c.label}
            </li>
          ))}
        </ul>
        <p>
          <em>Hướng dẫn:</em>
        </p>
        <ul>
          {m.instructions.map((i) => (
            <li key={i}>
              <em>{i}</em>
            </li>
          ))}
        </ul>
        <p>{m.otherViews}</p>
        <div class="blank" />
        <div class="blank" />
        <div class="blank" />
        {m.deadline && (
          <p class="lead">
            <strong>{m.deadline}</strong>
          </p>
        )}
        <p>
          <em>{m.returnTo}</em>
        </p>
        {m.signer && (
          <div class="sig">
            <p>
              <strong>{m.signer.title}</strong>
            </p>
            <p>
              <em>{m.signer.note}</em>
            </p>
          </div>
        )}
      </article>
      <p class="noprint">
        <a href={`/votes/${p.voteId}`}>{t('decisions.docs.ballot.back')}</a> ·{' '}
        <a href={`/votes/${p.voteId}/ballot-form.docx`}>{t('decisions.docs.ballot.word')}</a> · {t('decisions.docs.ballot.print')}
      </p>
    </Layout>
  );
}
