// The board's periodic report to the commune Front (Decree 59/2023 Arts 14(3), 18, 22(3); R-F4):
// quarterly, 6-monthly or yearly, generated from the activities recorded in the period with each
// recommendation and its answer. The same model gives the page and the Word file (Decree 30/2020).
import { decree30Document, headerTable, packDocx, para, placeOf, signatureBlock, titleBlock } from '../../platform/docs/decree30.js';
import { formatDate } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import type { ViewCtx } from '../../platform/ui/view.js';

/** Decree 59 Art 14(3): quarterly, 6-monthly, yearly and at the end of the term. */
export type ReportPeriod = 'quarter' | 'half_year' | 'year' | 'term';
export type ReportModel = {
  board: { id: number; title: string; communeName: string; communeId: number };
  period: ReportPeriod;
  year: number;
  n: number;
  from: string;
  to: string;
  today: string;
  activities: {
    subject: string;
    kind: string;
    heldOn: string;
    findings: string;
    recs: {
      addressee: string;
      content: string;
      dueOn: string;
      answerKind: string | null;
      answeredOn: string | null;
      late: boolean;
      answerText: string | null;
    }[];
  }[];
};

/** The dates of the n-th quarter or half of a year, or the year. */
export function periodRange(period: ReportPeriod, year: number, n: number): { from: string; to: string } {
  const pad = (x: number) => String(x).padStart(2, '0');
  const last = (m: number) => new Date(Date.UTC(year, m, 0)).getUTCDate();
  const [m1, m2] = period === 'quarter' ? [(n - 1) * 3 + 1, n * 3] : period === 'half_year' ? [(n - 1) * 6 + 1, n * 6] : [1, 12];
  return { from: `${year}-${pad(m1)}-01`, to: `${year}-${pad(m2)}-${pad(last(m2))}` };
}

const ROMAN = ['I', 'II', 'III', 'IV'];
export const periodName = (p: ReportPeriod, year: number, n: number) =>
  p === 'term'
    ? 'nhiệm kỳ'
    : p === 'quarter'
      ? `quý ${ROMAN[n - 1]} năm ${year}`
      : p === 'half_year'
        ? `${n === 1 ? '6 tháng đầu' : '6 tháng cuối'} năm ${year}`
        : `năm ${year}`;

export function counts(m: ReportModel) {
  const recs = m.activities.flatMap((a) => a.recs);
  return {
    activities: m.activities.length,
    recs: recs.length,
    answered: recs.filter((r) => r.answerKind).length,
    late: recs.filter((r) => r.late).length,
    overdue: recs.filter((r) => !r.answerKind && r.dueOn < m.today).length,
  };
}

const answerVi: Record<string, string> = { accepted: 'tiếp thu', partly: 'tiếp thu một phần', rejected: 'không tiếp thu' };
const recLine = (r: ReportModel['activities'][number]['recs'][number], today: string) =>
  `Kiến nghị gửi ${r.addressee}: ${r.content} — ${
    r.answerKind
      ? `đã trả lời ngày ${formatDate(r.answeredOn)} (${answerVi[r.answerKind]}${r.late ? ', trả lời muộn' : ''})`
      : r.dueOn < today
        ? `quá hạn trả lời (hạn ${formatDate(r.dueOn)})`
        : `chờ trả lời (hạn ${formatDate(r.dueOn)})`
  }`;

export function ReportPage({ view, m }: { view: ViewCtx; m: ReportModel }) {
  const t = view.t;
  const c = counts(m);
  const title = `${t('oversight.report.title')} ${periodName(m.period, m.year, m.n)}`;
  const q = `period=${m.period}&year=${m.year}&n=${m.n}`;
  return (
    <Layout
      view={view}
      title={title}
      crumbs={[
        { href: `/units/${m.board.communeId}`, label: m.board.communeName },
        { href: `/oversight/boards/${m.board.id}`, label: m.board.title },
      ]}
    >
      <h1>{title}</h1>
      <p class="lead">{m.board.title}</p>
      <p>
        <a class="btn sec" href={`/oversight/boards/${m.board.id}/report.docx?${q}`}>
          {t('oversight.report.word')}
        </a>
      </p>
      <p>{t('oversight.report.counts', { from: formatDate(m.from), to: formatDate(m.to), ...c })}</p>
      {m.activities.map((a, i) => (
        <section key={i} aria-labelledby={`h-a${i}`}>
          <h2 id={`h-a${i}`}>
            {a.subject} ({formatDate(a.heldOn)})
          </h2>
          <p>{a.findings}</p>
          <ul>
            {a.recs.map((r, j) => (
              <li key={j}>{recLine(r, m.today)}</li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

export async function reportDocx(m: ReportModel): Promise<Buffer> {
  const c = counts(m);
  const name = periodName(m.period, m.year, m.n);
  const body = [
    headerTable({
      issuer: [`Ủy ban MTTQ Việt Nam ${m.board.communeName}`, m.board.title.split(':')[0] ?? m.board.title],
      number: 'Số:      /BC-BTTND',
      place: placeOf(m.board.communeName),
      date: m.today,
    }),
    ...titleBlock('Báo cáo', `Kết quả hoạt động ${name}`),
    para(
      `Từ ngày ${formatDate(m.from)} đến ngày ${formatDate(m.to)}, ${m.board.title} đã thực hiện ${c.activities} cuộc kiểm tra, giám sát; gửi ${c.recs} kiến nghị, trong đó ${c.answered} kiến nghị đã được trả lời (${c.late} trả lời muộn) và ${c.overdue} kiến nghị quá hạn trả lời.`,
      { align: 'both', before: 6 },
    ),
    ...m.activities.flatMap((a, i) => [
      para(`${i + 1}. ${a.subject} (${formatDate(a.heldOn)})`, { bold: true, before: 6 }),
      para(`Kết quả: ${a.findings}`, { align: 'both' }),
      ...a.recs.map((r) => para(`- ${recLine(r, m.today)}`, { align: 'both' })),
    ]),
    signatureBlock({
      recipients: [`Ban Thường trực Ủy ban MTTQ ${m.board.communeName}`, 'Lưu: Ban'],
      authority: `TM. ${m.board.title.split(':')[0]}`,
      title: 'Trưởng ban',
    }),
  ];
  return packDocx(decree30Document(body, { title: `Báo cáo ${name}` }));
}
