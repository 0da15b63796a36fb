// An item's attachments on the officials' detail page (issue 5 item 6; R-H4): links that download
// each file for those who may open them; for a denunciation seen by someone who may not see the
// denouncer (a verifier, the unit denounced), only how many files there are, without their names.
// Model: attachmentsOf(deps, actor, item) in ../attachments.ts.
import { formatNumber } from '../../../platform/i18n/index.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { Attachments } from '../attachments.js';

const TYPE: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPG',
  'image/webp': 'WEBP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
};
const kb = (bytes: number) => formatNumber(Math.max(1, Math.round(bytes / 1024)));

export function AttachmentList({ view, m }: { view: ViewCtx; m: Attachments }) {
  const { t } = view;
  const base = `/feedback/manage/${m.itemId}`;
  return (
    <section aria-labelledby="h-attachments">
      <h2 id="h-attachments">{t('feedback.intake.attachments.title')}</h2>
      {m.count === 0 && <p class="muted">{t('feedback.intake.attachments.none')}</p>}
      {m.count > 0 && !m.canOpen && <p class="muted">{t('feedback.intake.attachments.hidden', { n: m.count })}</p>}
      {m.files.length > 0 && (
        <ul>
          {m.files.map((f) => (
            <li key={f.fileId}>
              <a href={`${base}/files/${f.fileId}`} download>
                {f.name}
              </a>{' '}
              <span class="muted">
                ({TYPE[f.mime] ?? t('feedback.intake.attachments.otherType')}, {t('feedback.intake.attachments.size', { kb: kb(f.size) })})
              </span>
            </li>
          ))}
        </ul>
      )}
      {m.signature && (
        <p>
          <a href={`${base}/signature`} download>
            {t('feedback.intake.attachments.signature')}
          </a>
        </p>
      )}
      {(m.files.length > 0 || m.signature) && <p class="hint">{t('feedback.intake.attachments.logged')}</p>}
    </section>
  );
}
