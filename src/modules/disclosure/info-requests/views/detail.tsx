// One request for the officials: the requester (name; contact only for roles that may see personal
// data), the content, the dates and, while it is open, the three things an official can do with it:
// answer, extend (with a notice to the requester) or refuse in writing with reasons.
import type { FieldErrors } from '../../../../platform/errors.js';
import { ErrorSummary, PostForm, TextArea, TextField } from '../../../../platform/ui/form.js';
import { Layout } from '../../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../../platform/ui/view.js';
import { Paragraphs, type PublicRequest, RequestFacts } from './status.js';

export type DetailModel = {
  unit: { id: number; name: string };
  r: Omit<PublicRequest, 'unit' | 'answered'> & { id: number; content: string; publishAnswer: boolean };
  requester: { name: string; contact: string | null };
  canManage: boolean;
  /** How far an extension may go; null once the deadline has passed (no extension then). */
  extensionHint: string | null;
  values?: Record<string, string>;
  errors?: FieldErrors;
};

export function RequestDetailPage({ view, m }: { view: ViewCtx; m: DetailModel }) {
  const { r } = m;
  const e = m.errors ?? {};
  const v = m.values ?? {};
  const base = `/units/${m.unit.id}/info-requests/${r.id}`;
  const open = r.state === 'open' || r.state === 'overdue';
  return (
    <Layout
      view={view}
      title={`Yêu cầu ${r.code}`}
      crumbs={[
        { href: `/units/${m.unit.id}`, label: m.unit.name },
        { href: `/units/${m.unit.id}/info-requests`, label: 'Yêu cầu cung cấp thông tin' },
      ]}
    >
      <h1>Yêu cầu {r.code}</h1>
      <ErrorSummary view={view} errors={e} />
      <h2>Người yêu cầu</h2>
      <dl class="kv">
        <dt>Họ và tên</dt>
        <dd>{m.requester.name}</dd>
        <dt>Liên hệ</dt>
        <dd>{m.requester.contact ?? <span class="muted">Chỉ cán bộ xử lý yêu cầu được xem.</span>}</dd>
      </dl>
      <h2>Nội dung yêu cầu</h2>
      <Paragraphs text={r.content} />
      <h2>Thời hạn và trạng thái</h2>
      <RequestFacts r={r} />
      <p>
        <a href={`/info-requests/${r.code}`}>Trang tra cứu công khai của yêu cầu</a>
      </p>
      {r.answer && (
        <section aria-labelledby="h-answer">
          <h2 id="h-answer">Nội dung trả lời</h2>
          <p class="muted">{r.publishAnswer ? 'Được công khai trên trang tra cứu.' : 'Không công khai: chỉ gửi cho người yêu cầu.'}</p>
          <Paragraphs text={r.answer} />
        </section>
      )}
      {r.refusalReason && (
        <section aria-labelledby="h-refusal">
          <h2 id="h-refusal">Lý do từ chối</h2>
          <Paragraphs text={r.refusalReason} />
        </section>
      )}
      {m.canManage && !open && <p class="muted">Yêu cầu đã kết thúc nên không thể thay đổi.</p>}
      {m.canManage && open && (
        <>
          <section aria-labelledby="h-do-answer" class="card">
            <h2 id="h-do-answer">Trả lời</h2>
            <PostForm view={view} action={`${base}/answer`}>
              <TextArea name="answer" label="Nội dung trả lời" hint="Gửi đến người yêu cầu qua địa chỉ liên hệ." value={v.answer} error={e.answer} />
              <label class="check">
                <input type="checkbox" name="publish" value="1" checked={v.publish === '1'} /> Công khai câu trả lời trên trang tra cứu (không đưa thông tin cá
                nhân vào câu trả lời)
              </label>
              <button class="btn" type="submit">
                Gửi trả lời
              </button>
            </PostForm>
          </section>
          {m.extensionHint ? (
            <section aria-labelledby="h-do-extend" class="card">
              <h2 id="h-do-extend">Gia hạn</h2>
              <p class="muted">Người yêu cầu được thông báo về việc gia hạn và lý do.</p>
              <PostForm view={view} action={`${base}/extend`}>
                <TextField
                  name="newDue"
                  label="Gia hạn đến ngày"
                  hint={`dd/mm/yyyy; ${m.extensionHint}`}
                  inputMode="numeric"
                  value={v.newDue}
                  error={e.newDue}
                />
                <TextField name="extensionReason" label="Lý do gia hạn" value={v.extensionReason} error={e.extensionReason} />
                <button class="btn sec" type="submit">
                  Gia hạn và thông báo
                </button>
              </PostForm>
            </section>
          ) : (
            <p class="muted">Hạn trả lời đã qua: không thể gia hạn nữa; hãy trả lời hoặc từ chối ngay.</p>
          )}
          <section aria-labelledby="h-do-refuse" class="card">
            <h2 id="h-do-refuse">Từ chối cung cấp</h2>
            <PostForm view={view} action={`${base}/refuse`}>
              <TextArea
                name="refusalReason"
                label="Lý do từ chối"
                hint="Bắt buộc: từ chối phải bằng văn bản, nêu rõ lý do (Điều 28 khoản 2 Luật Tiếp cận thông tin). Lý do được công khai trên trang tra cứu."
                rows={4}
                value={v.refusalReason}
                error={e.refusalReason}
              />
              <button class="btn warn" type="submit">
                Từ chối
              </button>
            </PostForm>
          </section>
        </>
      )}
    </Layout>
  );
}
