// A small, safe Markdown subset for bodies written by officials: paragraphs, headings (##, ###),
// bullet and numbered lists, **bold**, _italic_ and [links](https://…). It builds Preact nodes, so
// every character is escaped by construction; no HTML from the text ever reaches the page.
import type { ComponentChildren, VNode } from 'preact';

const INLINE = /(\*\*([^*]+)\*\*|_([^_]+)_|\[([^\]]+)\]\(((?:https?:\/\/|\/)[^)\s]+)\))/g;

function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[2]) out.push(<strong>{m[2]}</strong>);
    else if (m[3]) out.push(<em>{m[3]}</em>);
    else if (m[4] && m[5])
      out.push(
        <a href={m[5]} rel="nofollow noopener">
          {m[4]}
        </a>,
      );
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Markdown({ text }: { text: string }): VNode {
  const blocks: VNode[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const h = /^(#{2,3})\s+(.*)$/.exec(line);
    if (h) {
      blocks.push(h[1] === '##' ? <h2>{inline(h[2]!)}</h2> : <h3>{inline(h[2]!)}</h3>);
      i++;
      continue;
    }
    const bullet = /^\s*[-*]\s+/;
    const numbered = /^\s*\d+[.)]\s+/;
    for (const [re, ordered] of [
      [bullet, false],
      [numbered, true],
    ] as const) {
      if (re.test(line)) {
        const items: VNode[] = [];
        while (i < lines.length && re.test(lines[i]!)) items.push(<li>{inline(lines[i++]!.replace(re, ''))}</li>);
        blocks.push(ordered ? <ol>{items}</ol> : <ul>{items}</ul>);
        break;
      }
    }
    if (i < lines.length && lines[i] === line && !bullet.test(line) && !numbered.test(line)) {
      const para: string[] = [];
      while (i < lines.length && lines[i]!.trim() && !/^#{2,3}\s/.test(lines[i]!) && !bullet.test(lines[i]!) && !numbered.test(lines[i]!))
        para.push(lines[i++]!);
      blocks.push(<p>{inline(para.join(' '))}</p>);
    }
  }
  return <div class="prose">{blocks}</div>;
}
