// A readable diff between two versions of a covenant (issue 8 item 3): article by article (Điều 1,
// Điều 2 … as consultation splits a draft), and inside a changed article word by word, so a village
// head sees "what changed in Điều 5" without reading the whole text twice.
import { type DraftArticle, splitArticles } from '../../consultation/rules/articles.js';

export type WordPart = { op: 'same' | 'added' | 'removed'; text: string };
export type ArticleDiff =
  | { op: 'same'; label: string; heading: string }
  | { op: 'added' | 'removed'; label: string; heading: string; body: string }
  | { op: 'changed'; label: string; heading: string; words: WordPart[] };

const full = (a: DraftArticle) => `${a.heading}\n${a.body}`.trim();
/** Words above this product fall back to "old text / new text" (a quadratic table would be wasteful). */
const MAX_CELLS = 4_000_000;

/** Word-level longest-common-subsequence diff; whitespace runs are kept as words so the text reads back. */
export function diffWords(a: string, b: string): WordPart[] {
  const x = a.split(/(\s+)/).filter(Boolean);
  const y = b.split(/(\s+)/).filter(Boolean);
  if (x.length * y.length > MAX_CELLS)
    return [
      { op: 'removed', text: a },
      { op: 'added', text: b },
    ];
  const n = x.length;
  const m = y.length;
  const L = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i]![j] = x[i] === y[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  const out: WordPart[] = [];
  const push = (op: WordPart['op'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      push('same', x[i]!);
      i++;
      j++;
    } else if (L[i + 1]![j]! >= L[i]![j + 1]!) push('removed', x[i++]!);
    else push('added', y[j++]!);
  }
  while (i < n) push('removed', x[i++]!);
  while (j < m) push('added', y[j++]!);
  return grouped(out);
}

/** "<del>Nộp 100.000 đồng.</del><ins>Nhắc nhở …</ins>" rather than word-by-word alternation: a run of
 * changes joined only by spaces reads as one removed phrase and one added phrase. */
function grouped(parts: WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    // A space both sides end with belongs to the unchanged text that follows.
    const tail = /\s+$/.exec(del)?.[0] ?? '';
    const common = tail && (ins.endsWith(tail) || !ins) ? tail : '';
    if (del.length > common.length) out.push({ op: 'removed', text: del.slice(0, del.length - common.length) });
    if (ins.length > (ins ? common.length : 0)) out.push({ op: 'added', text: ins.slice(0, ins.length - (ins ? common.length : 0)) });
    if (common) out.push({ op: 'same', text: common });
    del = '';
    ins = '';
  };
  parts.forEach((p, k) => {
    const between = p.op === 'same' && /^\s+$/.test(p.text) && (del || ins) && parts[k + 1] && parts[k + 1]!.op !== 'same';
    if (p.op === 'removed') del += p.text;
    else if (p.op === 'added') ins += p.text;
    else if (between) {
      del += p.text;
      ins += p.text;
    } else {
      flush();
      out.push(p);
    }
  });
  flush();
  // Adjacent unchanged parts read as one.
  return out.reduce<WordPart[]>((acc, p) => {
    const last = acc[acc.length - 1];
    if (last && last.op === 'same' && p.op === 'same') last.text += p.text;
    else acc.push({ ...p });
    return acc;
  }, []);
}

/** Articles matched by their number ("Điều 5" with "Điều 5"), in the new version's order, removed ones after. */
export function diffVersions(oldText: string, newText: string): ArticleDiff[] {
  const before = splitArticles(oldText);
  const after = splitArticles(newText);
  const byLabel = new Map(before.map((a) => [a.label, a]));
  const out: ArticleDiff[] = [];
  for (const a of after) {
    const o = byLabel.get(a.label);
    byLabel.delete(a.label);
    if (!o) out.push({ op: 'added', label: a.label, heading: a.heading, body: a.body });
    else if (full(o) === full(a)) out.push({ op: 'same', label: a.label, heading: a.heading });
    else out.push({ op: 'changed', label: a.label, heading: a.heading, words: diffWords(full(o), full(a)) });
  }
  for (const o of byLabel.values()) out.push({ op: 'removed', label: o.label, heading: o.heading, body: o.body });
  return out;
}
