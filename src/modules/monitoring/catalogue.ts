// A council's resolution as data (issue 9 item 1; RESOLUTION.md): its targets (Article 1.2) and, for
// each, the indicators that measure it, which module computes each (`<module>.<name>` of a manifest's
// `indicators`), at which unit level and over which period. A line-based text so that an error names
// its line:
//   # comment
//   resolution | <key> | <title>
//   target     | <id> | <goal %> | <definition>
//   indicator  | <target id> | <module>.<name> | <province|commune|village|agency> | <year|quarter> | <public|internal> | <label>
// The level says where the target is set; an agency's page (issue 9 item 4) measures an indicator only
// when its module computes it per agency (module.ts `agencyCompute`), and says "không áp dụng" otherwise.
// A malformed file is refused whole with the first bad line and the reason (in Vietnamese, for the
// official who loads it).

export const LEVELS = ['province', 'commune', 'village', 'agency'] as const;
export type Level = (typeof LEVELS)[number];
export type Target = { id: string; goal: number; definition: string; line: number };
export type Measure = {
  target: string;
  indicator: string;
  level: Level;
  period: 'year' | 'quarter';
  public: boolean;
  label: string;
  line: number;
};
export type Catalogue = { key: string; title: string; targets: Target[]; measures: Measure[] };
export class CatalogueError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`Dòng ${line}: ${reason}`);
  }
}

const ID = /^[A-Z]+-[0-9a-z]+(\.\d+)*$/;
const INDICATOR = /^[a-z][a-z_]*\.[a-z][a-z0-9_]*$/;
const KEY = /^[a-z0-9][a-z0-9-]{1,60}$/;

export function parseCatalogue(text: string): Catalogue {
  let head: { key: string; title: string } | null = null;
  const targets: Target[] = [];
  const measures: Measure[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const s = raw.trim();
    if (!s || s.startsWith('#')) return;
    const f = s.split('|').map((x) => x.trim());
    const fail = (reason: string): never => {
      throw new CatalogueError(line, reason);
    };
    const want = (n: number) => f.length !== n && fail(`dòng "${f[0]}" cần ${n} trường cách nhau bởi "|", có ${f.length}.`);
    if (f[0] === 'resolution') {
      want(3);
      if (head) fail('khai báo "resolution" lần thứ hai.');
      if (!KEY.test(f[1]!)) fail(`mã nghị quyết "${f[1]}" chỉ gồm chữ thường không dấu, số và dấu "-".`);
      if (!f[2]) fail('thiếu tên nghị quyết.');
      head = { key: f[1]!, title: f[2]! };
    } else if (f[0] === 'target') {
      want(4);
      if (!head) fail('dòng "resolution" phải đứng trước các chỉ tiêu.');
      const [, id, goal, definition] = f as [string, string, string, string];
      if (!ID.test(id)) fail(`mã chỉ tiêu "${id}" không hợp lệ (ví dụ T-2.1).`);
      if (targets.some((t) => t.id === id)) fail(`chỉ tiêu ${id} đã khai báo ở dòng ${targets.find((t) => t.id === id)!.line}.`);
      const g = Number(goal.replace('%', '').replace(',', '.'));
      if (!goal || !Number.isFinite(g) || g < 0 || g > 100) fail(`mục tiêu "${goal}" phải là một tỷ lệ từ 0 đến 100.`);
      if (!definition) fail('thiếu nội dung chỉ tiêu.');
      targets.push({ id, goal: g, definition, line });
    } else if (f[0] === 'indicator') {
      want(7);
      const [, target, indicator, level, period, vis, label] = f as [string, string, string, string, string, string, string];
      if (!targets.some((t) => t.id === target)) fail(`chỉ tiêu "${target}" chưa được khai báo ở các dòng trên.`);
      if (!INDICATOR.test(indicator)) fail(`chỉ số "${indicator}" phải có dạng <phân hệ>.<tên>, ví dụ disclosure.on_time.`);
      if (measures.some((m) => m.target === target && m.indicator === indicator)) fail(`chỉ số ${indicator} đã gắn với ${target}.`);
      if (!(LEVELS as readonly string[]).includes(level)) fail(`cấp "${level}" không hợp lệ (${LEVELS.join(', ')}).`);
      if (period !== 'year' && period !== 'quarter') fail(`kỳ "${period}" không hợp lệ (year, quarter).`);
      if (vis !== 'public' && vis !== 'internal') fail(`"${vis}" phải là public hoặc internal.`);
      if (!label) fail('thiếu tên chỉ số.');
      measures.push({ target, indicator, level: level as Level, period: period as 'year' | 'quarter', public: vis === 'public', label, line });
    } else fail(`không hiểu từ khóa "${f[0]}" (resolution, target, indicator).`);
  });
  const h = head as { key: string; title: string } | null;
  if (!h) throw new CatalogueError(1, 'tệp không có dòng "resolution".');
  const bare = targets.find((t) => !measures.some((m) => m.target === t.id));
  if (bare) throw new CatalogueError(bare.line, `chỉ tiêu ${bare.id} không có chỉ số nào đo.`);
  return { key: h.key, title: h.title, targets, measures };
}
