// A draft is split into its articles ("Điều 1.", "Điều 2 …") so residents comment on a specific one
// (issue 6 item 1). Chapter and section headings ("Chương I", "Mục 2") go with the article after them.
// Text before the first article is the preamble (position 0); a draft without articles is one part.
export type DraftArticle = { position: number; label: string; heading: string; body: string };

const ARTICLE = /^\s*(Điều|Dieu|Article)\s+(\d+)\s*[.:\-–]?\s*(.*)$/iu;

export function splitArticles(text: string): DraftArticle[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: DraftArticle[] = [];
  const preamble: string[] = [];
  let current: DraftArticle | null = null;
  // A chapter heading and its title lines ("Chương II" / "NHỮNG NỘI DUNG CÔNG KHAI") belong to the
  // article that follows them.
  let pending: string[] | null = null;
  for (const line of lines) {
    const m = ARTICLE.exec(line);
    if (m) {
      current = { position: Number(m[2]), label: `Điều ${m[2]}`, heading: (m[3] ?? '').trim(), body: (pending ?? []).join('\n') };
      pending = null;
      // A repeated number (a typing slip) keeps every article: the later one moves up.
      while (out.some((a) => a.position === current!.position)) current.position += 1000;
      out.push(current);
    } else if (/^\s*(Chương|Mục|Chapter|Section)\s+[\dIVXLC]+/iu.test(line)) {
      pending = [...(pending ?? []), line.trim()];
    } else if (pending && line.trim()) {
      pending.push(line.trim());
    } else if (current && !pending) {
      current.body += `${current.body ? '\n' : ''}${line}`;
    } else if (!current) {
      preamble.push(line);
    }
  }
  for (const a of out) a.body = a.body.trim();
  // Headings after the last article (an empty chapter) stay with it.
  if (current && pending) current.body = `${current.body}\n${pending.join('\n')}`.trim();
  const pre = [...preamble, ...(current ? [] : (pending ?? []))].join('\n').trim();
  if (out.length === 0) return pre ? [{ position: 0, label: 'Toàn văn', heading: '', body: pre }] : [];
  return pre ? [{ position: 0, label: 'Phần mở đầu', heading: '', body: pre }, ...out] : out;
}
