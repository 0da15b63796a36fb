import { describe, expect, it } from 'vitest';
import { splitArticles } from './articles.js';

describe('a draft is split into its articles so residents comment on one (issue 6 item 1)', () => {
  it('keeps the preamble, the chapter headings with the article after them, and each article body', () => {
    const parts = splitArticles(
      'QUY CHẾ\n(Dự thảo)\n\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nNội dung một.\nĐiều 2: Đối tượng\nNội dung hai.\n\nChương II\nĐiều 3 Hình thức công khai\n1. Niêm yết.\n2. Trang thông tin.',
    );
    expect(parts.map((p) => [p.position, p.label, p.heading])).toEqual([
      [0, 'Phần mở đầu', ''],
      [1, 'Điều 1', 'Phạm vi'],
      [2, 'Điều 2', 'Đối tượng'],
      [3, 'Điều 3', 'Hình thức công khai'],
    ]);
    expect(parts[1]!.body).toBe('Chương I\nQUY ĐỊNH CHUNG\nNội dung một.');
    expect(parts[3]!.body).toBe('Chương II\n1. Niêm yết.\n2. Trang thông tin.');
  });

  it("a chapter's title lines go with the next article, not the end of the previous one", () => {
    const parts = splitArticles('Điều 2. Đối tượng\nCông dân.\n\nChương II\nNHỮNG NỘI DUNG CÔNG KHAI\nĐiều 3. Hình thức\nNiêm yết.');
    expect(parts.map((p) => p.body)).toEqual(['Công dân.', 'Chương II\nNHỮNG NỘI DUNG CÔNG KHAI\nNiêm yết.']);
  });

  it('a draft without articles is one part; an empty one has none; a repeated number keeps both', () => {
    expect(splitArticles('Đề nghị nâng cấp đường liên thôn.')).toEqual([
      { position: 0, label: 'Toàn văn', heading: '', body: 'Đề nghị nâng cấp đường liên thôn.' },
    ]);
    expect(splitArticles('  \n ')).toEqual([]);
    expect(splitArticles('Điều 1. A\nx\nĐiều 1. B\ny').map((p) => p.position)).toEqual([1, 1001]);
  });
});
