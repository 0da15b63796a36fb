import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatDateTime, formatNumber } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import { Markdown } from '../../../platform/ui/markdown.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { RELAY_FORMS } from '../commands/relay.js';
import { FORM_LABELS, type FormKind } from '../forms.js';
import { type DisclosureView, STATE_VI } from '../present.js';

export type DetailModel = {
  d: DisclosureView;
  unit: { id: number; name: string };
  villages: { id: number; name: string }[];
  forms: { form: string; start: string; end: string | null; detail: string | null; village: string | null }[];
  files: { id: number; filename: string; size: number; version: number }[];
  versions: { version: number; changeNote: string | null; createdAt: string }[];
  qrSvg: string | null;
  can: { prepare: boolean; relayVillage: { id: number; name: string } | null; seeTimeliness: boolean };
  relayErrors?: FieldErrors;
  closeErrors?: FieldErrors;
};

const kb = (n: number) => `${formatNumber(Math.max(1, Math.round(n / 1024)))} KB`;

export function DisclosureDetailPage({ view, m }: { view: ViewCtx; m: DetailModel }) {
  const { d } = m;
  const tag = d.state === 'current' ? 'tag ok' : d.state === 'draft' ? 'tag' : 'tag ended';
  return (
    <Layout
      view={view}
      title={d.title}
      crumbs={[
        { href: `/units/${m.unit.id}`, label: m.unit.name },
        { href: `/units/${m.unit.id}/disclosures`, label: 'Công khai thông tin' },
      ]}
    >
      <p>
        <span class={tag}>{STATE_VI[d.state]}</span>{' '}
        <span class="muted">
          Nhóm {d.category}: {d.categoryLabel}
        </span>
      </p>
      <h1>{d.title}</h1>
      <dl class="kv">
        {d.decision.number && (
          <>
            <dt>Văn bản</dt>
            <dd>
              {d.decision.number}
              {d.decision.date && `, ngày ${formatDate(d.decision.date)}`}
              {d.decision.signer && `, ${d.decision.signer}`}
            </dd>
          </>
        )}
        <dt>Công khai từ</dt>
        <dd>{d.postingStart ? formatDate(d.postingStart) : 'Chưa công khai'}</dd>
        <dt>Đến hết ngày</dt>
        <dd>{d.postingEnd ? formatDate(d.postingEnd) : d.postingStart ? 'Niêm yết thường xuyên' : '—'}</dd>
        <dt>Phạm vi</dt>
        <dd>{d.audience === 'all' ? 'Toàn xã' : m.villages.map((v) => v.name).join(', ')}</dd>
        {d.version > 1 && (
          <>
            <dt>Phiên bản</dt>
            <dd>{d.version}</dd>
          </>
        )}
        {d.timeliness && (m.can.seeTimeliness || d.status !== 'draft') && (
          <>
            <dt>Thời hạn công khai</dt>
            <dd>
              {d.timeliness.status === 'on_time' ? (
                <span class="tag ok">Đúng hạn</span>
              ) : (
                <span class="tag ended">Chậm {d.timeliness.workingDaysLate} ngày làm việc</span>
              )}{' '}
              (hạn {formatDate(d.timeliness.deadline)}: 05 ngày làm việc kể từ ngày ban hành, Điều 12 khoản 3 Luật 10/2022)
              {d.timeliness.reason && <>. Lý do: {d.timeliness.reason}</>}
            </dd>
          </>
        )}
        {d.statusReason && (
          <>
            <dt>Lý do {d.status === 'withdrawn' ? 'thu hồi' : 'kết thúc'}</dt>
            <dd>{d.statusReason}</dd>
          </>
        )}
      </dl>
      {d.body && <Markdown text={d.body} />}
      {m.files.length > 0 && (
        <section aria-labelledby="h-files">
          <h2 id="h-files">Tệp đính kèm</h2>
          <ul>
            {m.files.map((f) => (
              <li key={f.id}>
                <a href={`/files/${f.id}/${encodeURIComponent(f.filename)}`}>{f.filename}</a> <span class="muted">({kb(f.size)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {m.forms.length > 0 && (
        <section aria-labelledby="h-forms">
          <h2 id="h-forms">Hình thức công khai</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Hình thức</th>
                <th scope="col">Từ ngày</th>
                <th scope="col">Đến ngày</th>
                <th scope="col">Ghi chú</th>
              </tr>
            </thead>
            <tbody>
              {m.forms.map((f) => (
                <tr key={`${f.form}${f.start}${f.village ?? ''}`}>
                  <td>
                    {FORM_LABELS[f.form as FormKind]?.vi ?? f.form}
                    {f.village && ` (${f.village})`}
                  </td>
                  <td>{formatDate(f.start)}</td>
                  <td>{f.end ? formatDate(f.end) : ''}</td>
                  <td>{f.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {m.versions.length > 1 && (
        <section aria-labelledby="h-versions">
          <h2 id="h-versions">Các phiên bản</h2>
          <ul>
            {m.versions.map((v) => (
              <li key={v.version}>
                <a href={`/disclosures/${d.id}/versions/${v.version}`}>Phiên bản {v.version}</a>, {formatDateTime(v.createdAt)}
                {v.changeNote && <>: {v.changeNote}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {m.qrSvg && d.status !== 'draft' && (
        <section aria-labelledby="h-qr">
          <h2 id="h-qr">Mã QR cho bản niêm yết</h2>
          <div class="qr" role="img" aria-label={`Mã QR dẫn tới trang này: ${d.title}`} dangerouslySetInnerHTML={{ __html: m.qrSvg }} />
          <p>
            <a href={`/disclosures/${d.id}/poster`}>In bản niêm yết khổ A4 có mã QR</a> · <a href={`/disclosures/${d.id}/qr.svg`}>Tải mã QR (SVG)</a>
          </p>
        </section>
      )}
      {m.can.relayVillage && d.status === 'published' && (
        <section aria-labelledby="h-relay" class="card">
          <h2 id="h-relay">Ghi nhận đã thông tin đến người dân ở {m.can.relayVillage.name}</h2>
          <ErrorSummary view={view} errors={m.relayErrors} />
          <PostForm view={view} action={`/disclosures/${d.id}/relay`}>
            <SelectField name="form" label="Hình thức" error={m.relayErrors?.form} options={RELAY_FORMS.map((f) => ({ value: f, label: FORM_LABELS[f].vi }))} />
            <TextField name="date" label="Ngày" hint="dd/mm/yyyy" error={m.relayErrors?.date} />
            <TextField name="detail" label="Ghi chú (không bắt buộc)" />
            <button class="btn" type="submit">
              Ghi nhận
            </button>
          </PostForm>
        </section>
      )}
      {m.can.prepare && <OfficialActions view={view} m={m} />}
    </Layout>
  );
}

function OfficialActions({ view, m }: { view: ViewCtx; m: DetailModel }) {
  const { d } = m;
  return (
    <section aria-labelledby="h-actions" class="card">
      <h2 id="h-actions">Thao tác của cán bộ</h2>
      <ErrorSummary view={view} errors={m.closeErrors} />
      {d.status === 'draft' && (
        <p>
          <a class="btn sec" href={`/disclosures/${d.id}/edit`}>
            Sửa bản nháp
          </a>{' '}
        </p>
      )}
      {d.status === 'draft' && (
        <PostForm view={view} action={`/disclosures/${d.id}/publish`}>
          <button class="btn" type="submit">
            Công khai
          </button>
        </PostForm>
      )}
      {d.status === 'published' && (
        <p>
          <a class="btn sec" href={`/disclosures/${d.id}/correct`}>
            Đính chính (tạo phiên bản mới)
          </a>
        </p>
      )}
      {(d.status === 'published' || d.status === 'draft') && (
        <PostForm view={view} action={`/disclosures/${d.id}/close`}>
          <TextField name="reason" label="Lý do kết thúc hoặc thu hồi" error={m.closeErrors?.reason} />
          {d.status === 'published' && (
            <button class="btn sec" type="submit" name="how" value="end">
              Kết thúc niêm yết
            </button>
          )}{' '}
          <button class="btn warn" type="submit" name="how" value="withdraw">
            Thu hồi
          </button>
        </PostForm>
      )}
      <p>
        <a href={`/audit/disclosure/${d.id}`}>Lịch sử thay đổi</a>
      </p>
    </section>
  );
}
