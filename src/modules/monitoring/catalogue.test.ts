// The target catalogue (issue 9 item 1): Na Rì's resolution parses with its five targets; a malformed
// file is refused with its line and the reason.
import { describe, expect, it } from 'vitest';
import { CatalogueError, labelOf, parseCatalogue } from './catalogue.js';
import { NA_RI_CATALOGUE } from './catalogue-na-ri.js';

const HEAD = 'resolution | test-2026 | Nghị quyết thử\n';
const refusal = (text: string) => {
  try {
    parseCatalogue(text);
  } catch (e) {
    if (e instanceof CatalogueError) return { line: e.line, message: e.message };
    throw e;
  }
  throw new Error('accepted');
};

describe('target catalogue (RESOLUTION.md Article 1.2)', () => {
  it("parses Na Rì's resolution: targets T-2.1…T-2.5 at 100%, each measured, T-2.4 by the covenants and workplace modules", () => {
    const c = parseCatalogue(NA_RI_CATALOGUE);
    expect(c.key).toBe('na-ri-2024');
    expect(c.targets.filter((t) => t.id.startsWith('T-')).map((t) => [t.id, t.goal])).toEqual([
      ['T-2.1', 100],
      ['T-2.2', 100],
      ['T-2.3', 100],
      ['T-2.4', 100],
      ['T-2.5', 100],
    ]);
    expect(c.measures.filter((m) => m.target === 'T-2.4').map((m) => m.indicator)).toEqual([
      'workplace.regulation_in_force',
      'workplace.conference_held',
      'covenants.in_force',
      'covenants.reviewed_this_year',
    ]);
    expect(c.measures.find((m) => m.indicator === 'monitoring.training_coverage')).toMatchObject({
      target: 'T-2.1',
      level: 'commune',
      period: 'year',
      public: true,
    });
    expect(c.measures.find((m) => m.indicator === 'monitoring.discipline')?.public).toBe(false);
  });
  it("an indicator may carry its wording for an agency's page; a file without it keeps the label there", () => {
    const c = parseCatalogue(
      `${HEAD}target | T-1 | 100 | x\nindicator | T-1 | workplace.regulation_in_force | agency | year | public | Tỷ lệ xã có quy chế | Có quy chế\nindicator | T-1 | feedback.on_time | commune | quarter | public | Đúng hạn\n`,
    );
    expect(c.measures.map((m) => [labelOf(m, false), labelOf(m, true)])).toEqual([
      ['Tỷ lệ xã có quy chế', 'Có quy chế'],
      ['Đúng hạn', 'Đúng hạn'],
    ]);
    // Na Rì's: every measure an agency's page shows is worded for an agency, not "Tỷ lệ xã …".
    const naRi = parseCatalogue(NA_RI_CATALOGUE).measures;
    expect(labelOf(naRi.find((m) => m.indicator === 'oversight.boards_formed')!, true)).toBe(
      'Cơ quan, đơn vị có Ban Thanh tra nhân dân được công nhận (trên 7 người, Điều 60)',
    );
    expect(naRi.find((m) => m.indicator === 'covenants.in_force')!.agencyLabel).toBeNull();
  });
  it('accepts comments, blank lines, a BOM and CRLF line ends', () => {
    const c = parseCatalogue(
      `\uFEFF# x\r\n${HEAD}\r\ntarget | T-1 | 90% | Một\r\nindicator | T-1 | feedback.on_time | commune | quarter | public | Đúng hạn\r\n`,
    );
    expect(c.targets).toEqual([{ id: 'T-1', goal: 90, definition: 'Một', line: 4 }]);
    expect(c.measures[0]).toMatchObject({ indicator: 'feedback.on_time', line: 5 });
  });
  it.each([
    ['an unknown keyword', `${HEAD}chitieu | T-1 | 100 | x`, 2, 'không hiểu từ khóa "chitieu"'],
    ['a missing field', `${HEAD}target | T-1 | 100`, 2, 'cần 4 trường'],
    ['a goal over 100', `${HEAD}target | T-1 | 120 | x`, 2, 'từ 0 đến 100'],
    [
      'an indicator of an undeclared target',
      `${HEAD}target | T-1 | 100 | x\nindicator | T-9 | feedback.on_time | commune | year | public | y`,
      3,
      'chỉ tiêu "T-9" chưa được khai báo',
    ],
    ['a bad indicator id', `${HEAD}target | T-1 | 100 | x\nindicator | T-1 | feedback | commune | year | public | y`, 3, 'phải có dạng'],
    ['a bad level', `${HEAD}target | T-1 | 100 | x\n\nindicator | T-1 | feedback.on_time | district | year | public | y`, 4, 'cấp "district"'],
    ['a bad period', `${HEAD}target | T-1 | 100 | x\nindicator | T-1 | feedback.on_time | commune | month | public | y`, 3, 'kỳ "month"'],
    ['a duplicate target', `${HEAD}target | T-1 | 100 | x\ntarget | T-1 | 100 | y`, 3, 'đã khai báo ở dòng 2'],
    ['a target nothing measures', `${HEAD}target | T-1 | 100 | x`, 2, 'không có chỉ số nào đo'],
    [
      'an empty agency label',
      `${HEAD}target | T-1 | 100 | x\nindicator | T-1 | feedback.on_time | commune | year | public | y |`,
      3,
      'trường thứ 8 (tên chỉ số cho cơ quan, đơn vị) để trống',
    ],
    ['a ninth field', `${HEAD}target | T-1 | 100 | x\nindicator | T-1 | feedback.on_time | commune | year | public | y | z | w`, 3, 'cần 7 hoặc 8 trường'],
    ['no resolution line', 'target | T-1 | 100 | x', 1, '"resolution" phải đứng trước'],
    ['an empty file', '# nothing\n', 1, 'không có dòng "resolution"'],
  ])('refuses %s with the line and the reason', (_what, text, line, reason) => {
    const r = refusal(text);
    expect(r.line).toBe(line);
    expect(r.message).toContain(`Dòng ${line}: `);
    expect(r.message).toContain(reason);
  });
});
