// The commune's yearly disclosure plan (Law 10/2022 Art 14(1)) with a form per item, and the
// compliance view against it (Art 14(3): UBND reports on disclosure to the HĐND and the Front).
import { ruleSetOn } from '../../../law/rule-sets.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatNumber } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { PLAN_STATUSES, type PlanStatus } from '../rules/compliance.js';
import { postingRules } from '../rules/posting.js';

type Unit = { id: number; name: string };
type Linked = { id: number; title: string; postingStart: string | null } | null;
export type PlanRow = {
  id: number;
  category: number;
  title: string;
  period: string;
  dueDate: string;
  forms: string;
  disclosure: Linked;
  options: { value: string; label: string }[];
};
export type PlanModel = {
  unit: Unit;
  year: number;
  years: number[];
  canManage: boolean;
  canCreate: boolean;
  items: PlanRow[];
  /** What was typed into the form that failed, by item id. */
  values?: Record<number, { dueDate: string; disclosureId: string }>;
  errors?: FieldErrors;
};

export const PERIOD_VI: Record<string, string> = { year: 'Cả năm', h1: '6 tháng đầu năm', q1: 'Quý I', q2: 'Quý II', q3: 'Quý III', q4: 'Quý IV' };

/** Art 13(1)–(3): where and how long a category is disclosed, for the plan's "form, duration". */
export function formsText(category: number, year: number): string {
  if (category === 0) return 'Niêm yết tại trụ sở HĐND, UBND xã và điểm sinh hoạt cộng đồng các thôn (Điều 13 khoản 2)';
  const r = postingRules(category, ruleSetOn(`${year}-12-31`), 'commune');
  const parts = [
    r.permanent
      ? 'Niêm yết thường xuyên tại trụ sở HĐND, UBND xã, cập nhật khi có thay đổi'
      : `Niêm yết tại trụ sở HĐND, UBND xã và điểm sinh hoạt cộng đồng thôn${r.minDays ? ` ít nhất ${r.minDays} ngày liên tục` : ''}`,
  ];
  if (r.loudspeakerMinDays) parts.push(`phát trên hệ thống truyền thanh của xã (nếu có) ít nhất ${r.loudspeakerMinDays} ngày liên tục`);
  parts.push('đăng trên cổng, trang thông tin điện tử của xã (nếu có)');
  return parts.join('; ');
}

export const STATUS_VI: Record<PlanStatus, string> = {
  on_time: 'Đúng hạn',
  late: 'Chậm',
  missing: 'Quá hạn, chưa công khai',
  due: 'Chưa đến hạn',
};
const STATUS_TAG: Record<PlanStatus, string> = { on_time: 'tag ok', late: 'tag ended', missing: 'tag ended', due: 'tag' };

const categoryText = (c: number) => (c === 0 ? 'Danh mục quý' : `Nhóm ${c}`);

function YearPicker({ action, year, years }: { action: string; year: number; years: number[] }) {
  return (
    <form method="get" action={action} class="search noprint" aria-label="Chọn năm">
      <div class="fg tight">
        <label for="f-year">Năm</label>
        <select id="f-year" name="year">
          {years.map((y) => (
            <option key={y} value={String(y)} selected={y === year}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <button class="btn sec" type="submit">
        Xem
      </button>
    </form>
  );
}

function LinkedText({ d }: { d: Linked }) {
  if (!d) return <span class="muted">Chưa gắn nội dung đã công khai</span>;
  return (
    <>
      <a href={`/disclosures/${d.id}`}>{d.title}</a>
      {d.postingStart && <span class="muted"> (công khai {formatDate(d.postingStart)})</span>}
    </>
  );
}

function ItemForm({ view, m, it }: { view: ViewCtx; m: PlanModel; it: PlanRow }) {
  const v = m.values?.[it.id] ?? { dueDate: formatDate(it.dueDate), disclosureId: it.disclosure ? String(it.disclosure.id) : '' };
  const dueErr = m.errors?.[`dueDate-${it.id}`];
  const linkErr = m.errors?.[`disclosureId-${it.id}`];
  return (
    <PostForm view={view} action={`/units/${m.unit.id}/disclosures/plan/${it.id}`}>
      <div class="row">
        <div class={dueErr ? 'fg err' : 'fg'}>
          <label for={`f-dueDate-${it.id}`}>Hạn công khai</label>
          <span class="hint" id={`f-dueDate-${it.id}-hint`}>
            Dạng dd/mm/yyyy
          </span>
          {dueErr && (
            <span class="emsg" id={`f-dueDate-${it.id}-err`}>
              {dueErr}
            </span>
          )}
          <input
            id={`f-dueDate-${it.id}`}
            name="dueDate"
            type="text"
            inputMode="numeric"
            value={v.dueDate}
            aria-describedby={dueErr ? `f-dueDate-${it.id}-hint f-dueDate-${it.id}-err` : `f-dueDate-${it.id}-hint`}
            aria-invalid={dueErr ? 'true' : undefined}
          />
        </div>
        <div class={linkErr ? 'fg err' : 'fg'}>
          <label for={`f-disclosureId-${it.id}`}>Nội dung đã công khai</label>
          {linkErr && (
            <span class="emsg" id={`f-disclosureId-${it.id}-err`}>
              {linkErr}
            </span>
          )}
          <select
            id={`f-disclosureId-${it.id}`}
            name="disclosureId"
            aria-invalid={linkErr ? 'true' : undefined}
            aria-describedby={linkErr ? `f-disclosureId-${it.id}-err` : undefined}
          >
            <option value="">Chưa có</option>
            {it.options.map((o) => (
              <option key={o.value} value={o.value} selected={o.value === v.disclosureId}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button class="btn sec" type="submit">
        Lưu
      </button>
    </PostForm>
  );
}

export function PlanPage({ view, m }: { view: ViewCtx; m: PlanModel }) {
  const base = `/units/${m.unit.id}/disclosures`;
  return (
    <Layout view={view} title={`Kế hoạch công khai năm ${m.year}: ${m.unit.name}`} crumbs={[{ href: base, label: `Công khai: ${m.unit.name}` }]}>
      <ErrorSummary view={view} errors={m.errors} />
      <h1>
        Kế hoạch công khai thông tin năm {m.year}: {m.unit.name}
      </h1>
      <p class="muted">
        Điều 14 khoản 1 Luật Thực hiện dân chủ ở cơ sở: UBND xã ban hành kế hoạch công khai (nội dung, hình thức, thời điểm, thời hạn). Hạn mặc định là gợi ý;
        hãy sửa theo ngày ban hành thực tế của văn bản. <a href={`${base}/compliance?year=${m.year}`}>Tình hình thực hiện</a>
        {' · '}
        <a href={`${base}/register?year=${m.year}`}>Danh sách đã công khai theo quý</a>
      </p>
      <YearPicker action={`${base}/plan`} year={m.year} years={m.years} />
      {m.items.length === 0 && <p>Chưa có kế hoạch công khai năm {m.year}.</p>}
      {m.items.length === 0 && m.canCreate && (
        <PostForm view={view} action={`${base}/plan`}>
          <input type="hidden" name="year" value={String(m.year)} />
          <button class="btn" type="submit">
            Lập kế hoạch năm {m.year}
          </button>
        </PostForm>
      )}
      {m.items.map((it) => (
        <section key={it.id} class="card" id={`item-${it.id}`} aria-labelledby={`h-item-${it.id}`}>
          <h2 id={`h-item-${it.id}`}>{it.title}</h2>
          <dl class="kv">
            <dt>Nhóm</dt>
            <dd>{categoryText(it.category)}</dd>
            <dt>Kỳ</dt>
            <dd>{it.period}</dd>
            <dt>Hạn công khai</dt>
            <dd>{formatDate(it.dueDate)}</dd>
            <dt>Hình thức, thời hạn</dt>
            <dd>{it.forms}</dd>
            <dt>Đã công khai</dt>
            <dd>
              <LinkedText d={it.disclosure} />
            </dd>
          </dl>
          {m.canManage && <ItemForm view={view} m={m} it={it} />}
        </section>
      ))}
    </Layout>
  );
}

export type ComplianceModel = {
  unit: Unit;
  year: number;
  years: number[];
  counts: Record<PlanStatus, number>;
  items: { id: number; category: number; title: string; period: string; dueDate: string; status: PlanStatus; workingDaysLate: number; disclosure: Linked }[];
  late: {
    id: number;
    title: string;
    category: number;
    decisionDate: string;
    deadline: string;
    postingStart: string;
    workingDaysLate: number;
    reason: string | null;
    state: string;
  }[];
};

export function CompliancePage({ view, m }: { view: ViewCtx; m: ComplianceModel }) {
  const base = `/units/${m.unit.id}/disclosures`;
  return (
    <Layout view={view} title={`Tình hình công khai năm ${m.year}: ${m.unit.name}`} crumbs={[{ href: base, label: `Công khai: ${m.unit.name}` }]}>
      <h1>
        Tình hình thực hiện kế hoạch công khai năm {m.year}: {m.unit.name}
      </h1>
      <p class="muted">
        Điều 14 khoản 3: UBND xã báo cáo việc công khai với HĐND xã tại kỳ họp gần nhất và gửi Ủy ban MTTQ xã để giám sát.{' '}
        <a href={`${base}/plan?year=${m.year}`}>Kế hoạch công khai</a>
      </p>
      <YearPicker action={`${base}/compliance`} year={m.year} years={m.years} />
      <h2>Theo kế hoạch</h2>
      <dl class="kv">
        {PLAN_STATUSES.flatMap((s) => [
          <dt key={`t-${s}`}>{STATUS_VI[s]}</dt>,
          <dd key={`d-${s}`} data-status={s}>
            {formatNumber(m.counts[s])}
          </dd>,
        ])}
      </dl>
      {m.items.length === 0 ? (
        <p>Chưa có kế hoạch công khai năm {m.year}.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Nội dung theo kế hoạch</th>
              <th scope="col">Hạn</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Đã công khai</th>
            </tr>
          </thead>
          <tbody>
            {m.items.map((it) => (
              <tr key={it.id} id={`item-${it.id}`} data-status={it.status}>
                <td>
                  {it.title}
                  <br />
                  <span class="muted">
                    {categoryText(it.category)} · {it.period}
                  </span>
                </td>
                <td>{formatDate(it.dueDate)}</td>
                <td>
                  <span class={STATUS_TAG[it.status]}>{STATUS_VI[it.status]}</span>
                  {it.status === 'late' && <> chậm {it.workingDaysLate} ngày làm việc</>}
                </td>
                <td>
                  <LinkedText d={it.disclosure} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Nội dung công khai chậm so với thời hạn 05 ngày làm việc</h2>
      <p class="muted">
        Điều 12 khoản 3: công khai chậm nhất 05 ngày làm việc kể từ ngày ban hành văn bản, trừ khi pháp luật chuyên ngành quy định khác (ví dụ thời hạn công
        khai ngân sách theo pháp luật về ngân sách nhà nước).
      </p>
      {m.late.length === 0 ? (
        <p>Không có nội dung nào công khai chậm trong năm {m.year}.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Nội dung</th>
              <th scope="col">Ngày ban hành</th>
              <th scope="col">Hạn công khai</th>
              <th scope="col">Ngày công khai</th>
              <th scope="col">Chậm</th>
              <th scope="col">Lý do</th>
            </tr>
          </thead>
          <tbody>
            {m.late.map((d) => (
              <tr key={d.id} id={`late-${d.id}`}>
                <td>
                  <a href={`/disclosures/${d.id}`}>{d.title}</a>
                  <br />
                  <span class="muted">
                    Nhóm {d.category} · {d.state}
                  </span>
                </td>
                <td>{formatDate(d.decisionDate)}</td>
                <td>{formatDate(d.deadline)}</td>
                <td>{formatDate(d.postingStart)}</td>
                <td>{d.workingDaysLate} ngày làm việc</td>
                <td>{d.reason ?? <span class="muted">Chưa ghi lý do</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
