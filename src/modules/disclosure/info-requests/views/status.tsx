// The public status page of one request, found by its tracking code. It shows dates, status and the
// unit's written answer or refusal, never who asked or how to reach them.
import type { FieldErrors } from '../../../../platform/errors.js';
import { formatDate } from '../../../../platform/i18n/index.js';
import { ErrorSummary, TextField } from '../../../../platform/ui/form.js';
import { Layout } from '../../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../../platform/ui/view.js';
import type { RequestChannel, RequestStatus } from '../../rules/info-request.js';
import { CHANNEL_VI, PERIOD_VI, STATUS_TAG, STATUS_VI } from '../model.js';

/** Plain text as paragraphs (no markup is interpreted). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <div class="prose">
      {text
        .replace(/\r\n?/g, '\n')
        .split(/\n{2,}/)
        .map((p, i) => (
          <p key={i}>{p.split('\n').flatMap((line, j) => (j > 0 ? [<br key={j} />, line] : [line]))}</p>
        ))}
    </div>
  );
}

export type PublicRequest = {
  code: string;
  unit: { id: number; name: string };
  channel: RequestChannel;
  receivedOn: string;
  dueDate: string;
  extendedUntil: string | null;
  extensionReason: string | null;
  state: RequestStatus;
  closedOn: string | null;
  /** Only when the official chose to publish it. */
  answer: string | null;
  answered: boolean;
  refusalReason: string | null;
};

/** Dates and status, shared by the public page and the officials' detail page. */
export function RequestFacts({ r }: { r: Omit<PublicRequest, 'answer' | 'answered' | 'refusalReason' | 'unit'> }) {
  return (
    <dl class="kv">
      <dt>Mã tra cứu</dt>
      <dd>{r.code}</dd>
      <dt>Trạng thái</dt>
      <dd>
        <span class={STATUS_TAG[r.state]}>{STATUS_VI[r.state]}</span>
      </dd>
      <dt>Hình thức gửi</dt>
      <dd>{CHANNEL_VI[r.channel]}</dd>
      <dt>Ngày nhận</dt>
      <dd>{formatDate(r.receivedOn)}</dd>
      <dt>Hạn trả lời</dt>
      <dd>
        {formatDate(r.dueDate)} <span class="muted">({PERIOD_VI[r.channel]})</span>
      </dd>
      {r.extendedUntil && (
        <>
          <dt>Gia hạn đến</dt>
          <dd>
            {formatDate(r.extendedUntil)}
            {r.extensionReason && <>. Lý do: {r.extensionReason}</>}
          </dd>
        </>
      )}
      {r.closedOn && (
        <>
          <dt>{r.state === 'refused' ? 'Ngày từ chối' : 'Ngày trả lời'}</dt>
          <dd>{formatDate(r.closedOn)}</dd>
        </>
      )}
    </dl>
  );
}

export function StatusPage({ view, r }: { view: ViewCtx; r: PublicRequest }) {
  return (
    <Layout view={view} title={`Yêu cầu ${r.code}`} crumbs={[{ href: `/units/${r.unit.id}`, label: r.unit.name }]}>
      <h1>Yêu cầu cung cấp thông tin {r.code}</h1>
      <p class="lead">Gửi Ủy ban nhân dân {r.unit.name}.</p>
      <RequestFacts r={r} />
      {r.state === 'refused' && r.refusalReason && (
        <section aria-labelledby="h-refusal">
          <h2 id="h-refusal">Văn bản từ chối cung cấp thông tin</h2>
          <p class="muted">Từ chối phải bằng văn bản và nêu rõ lý do (Điều 28 khoản 2 Luật Tiếp cận thông tin).</p>
          <Paragraphs text={r.refusalReason} />
        </section>
      )}
      {r.answered &&
        (r.answer ? (
          <section aria-labelledby="h-answer">
            <h2 id="h-answer">Nội dung trả lời</h2>
            <Paragraphs text={r.answer} />
          </section>
        ) : (
          <p>Câu trả lời đã được gửi đến người yêu cầu theo địa chỉ liên hệ đã đăng ký.</p>
        ))}
      <p>
        <a href="/info-requests">Tra cứu yêu cầu khác</a>
      </p>
    </Layout>
  );
}

export function LookupPage({ view, code, errors }: { view: ViewCtx; code: string; errors?: FieldErrors }) {
  return (
    <Layout view={view} title="Tra cứu yêu cầu cung cấp thông tin">
      <h1>Tra cứu yêu cầu cung cấp thông tin</h1>
      <ErrorSummary view={view} errors={errors} />
      <form method="get" action="/info-requests" class="search">
        <TextField name="code" label="Mã tra cứu" hint="Ví dụ YC-2026-7K4QX9, trong tin nhắn xác nhận" value={code} error={errors?.code} />
        <button class="btn" type="submit">
          Tra cứu
        </button>
      </form>
    </Layout>
  );
}
