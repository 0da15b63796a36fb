// A printable A4 posting: what the commune pins on its board, with a QR code linking to the page
// (issue 3 item 4). Print CSS hides the site's header and footer.
import { formatDate } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { categoryLabelIn, type DisclosureView } from '../present.js';

export function PosterPage(p: { view: ViewCtx; d: DisclosureView; unitName: string; qrSvg: string; url: string }) {
  const { d } = p;
  const t = p.view.t;
  return (
    <Layout view={p.view} title={t('disclosure.poster.title', { title: d.title })}>
      <article class="poster">
        <p class="poster-unit">ỦY BAN NHÂN DÂN {p.unitName.toUpperCase()}</p>
        <h1>THÔNG BÁO CÔNG KHAI</h1>
        <p class="lead">
          <strong>{d.title}</strong>
        </p>
        <p>
          {t('disclosure.categoryN', { n: d.category })}: {categoryLabelIn(d, p.view.lang)}
        </p>
        {d.decision.number && (
          <p>
            Văn bản số {d.decision.number}
            {d.decision.date && ` ngày ${formatDate(d.decision.date)}`}
          </p>
        )}
        <p>
          Niêm yết từ ngày {d.postingStart ? formatDate(d.postingStart) : '…'}{' '}
          {d.postingEnd ? `đến hết ngày ${formatDate(d.postingEnd)}` : '(niêm yết thường xuyên)'}.
        </p>
        <div class="poster-qr" role="img" aria-label={t('disclosure.poster.qrAlt')} dangerouslySetInnerHTML={{ __html: p.qrSvg }} />
        <p>
          Quét mã QR bằng điện thoại để đọc toàn văn và tệp đính kèm:
          <br />
          <code>{p.url}</code>
        </p>
      </article>
      <p class="noprint">
        <a href={d.href}>{t('disclosure.poster.back')}</a> · {t('disclosure.poster.print')}
      </p>
    </Layout>
  );
}
