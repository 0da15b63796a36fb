import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown.js';

const html = (text: string) => renderToString(<Markdown text={text} />);

describe('safe Markdown for disclosure bodies', () => {
  it('renders paragraphs, headings, lists, bold, italic and links', () => {
    const out = html(
      '## Dự toán\nThu **1.200** triệu đồng, _tạm tính_.\n\n- Thôn Nà Cà\n- Thôn Pác Cáp\n\n1. Một\n2. Hai\n\nXem [văn bản](https://example.vn/a.pdf).',
    );
    expect(out).toContain('<h2>Dự toán</h2>');
    expect(out).toContain('<strong>1.200</strong>');
    expect(out).toContain('<em>tạm tính</em>');
    expect(out).toContain('<ul><li>Thôn Nà Cà</li><li>Thôn Pác Cáp</li></ul>');
    expect(out).toContain('<ol><li>Một</li><li>Hai</li></ol>');
    expect(out).toContain('<a href="https://example.vn/a.pdf" rel="nofollow noopener">văn bản</a>');
  });
  it('never lets HTML or script through: markup is text, javascript: links are not links', () => {
    const out = html('<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))');
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('href="javascript');
    expect(out).toContain('&lt;script>');
  });
});
