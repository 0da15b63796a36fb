// A readable diff between covenant versions (issue 8 item 3; Decree 61/2023 Art 6): by article, then by
// phrase inside a changed article.
import { describe, expect, it } from 'vitest';
import { diffVersions, diffWords } from './diff.js';

describe('diff between versions', () => {
  it('groups a changed phrase into one removed and one added part', () => {
    expect(diffWords('Hộ vi phạm nộp 200.000 đồng vào quỹ thôn.', 'Hộ vi phạm được nhắc nhở tại hội nghị thôn.')).toEqual([
      { op: 'same', text: 'Hộ vi phạm ' },
      { op: 'removed', text: 'nộp 200.000 đồng vào quỹ' },
      { op: 'added', text: 'được nhắc nhở tại hội nghị' },
      { op: 'same', text: ' thôn.' },
    ]);
  });
  it('matches articles by number: unchanged, changed, added and removed', () => {
    const a = 'Điều 1. Chung\nA.\nĐiều 2. Phạt\nNộp tiền.\nĐiều 3. Cũ\nBỏ đi.';
    const b = 'Điều 1. Chung\nA.\nĐiều 2. Phạt\nNhắc nhở.\nĐiều 4. Rừng\nKhông đốt nương.';
    expect(diffVersions(a, b).map((d) => `${d.op} ${d.label}`)).toEqual(['same Điều 1', 'changed Điều 2', 'added Điều 4', 'removed Điều 3']);
  });
  it('a very long article falls back to old text then new text', () => {
    const long = (w: string) => Array.from({ length: 2500 }, (_, i) => `${w}${i}`).join(' ');
    expect(diffWords(long('a'), long('b')).map((p) => p.op)).toEqual(['removed', 'added']);
  });
});
