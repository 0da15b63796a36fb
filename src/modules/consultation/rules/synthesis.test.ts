import { describe, expect, it } from 'vitest';
import { departsFromMajority, majorityView, synthesisProblems } from './synthesis.js';

describe('R-D2 (Law 10/2022 Art 28(3)–(4)): synthesis, explanation, and the majority view', () => {
  it('the majority view of an article comes from the agree/disagree counts; a tie is no majority', () => {
    expect(majorityView(5, 3)).toBe('agree');
    expect(majorityView(3, 5)).toBe('disagree');
    expect(majorityView(4, 4)).toBe('none');
    expect(majorityView(0, 0)).toBe('none');
  });

  it('Art 28(4): keeping an article most residents disagreed with departs from the majority', () => {
    expect(departsFromMajority('not_accepted', 2, 7)).toBe(true);
    expect(departsFromMajority('partly', 2, 7)).toBe(true);
    expect(departsFromMajority('accepted', 2, 7)).toBe(false);
    expect(departsFromMajority('not_accepted', 7, 2)).toBe(false);
    expect(departsFromMajority('not_accepted', 3, 3)).toBe(false);
  });

  it('Art 28(4): a departure without the reason cannot be published; with it, it can', () => {
    const groups = [
      { articleId: 1, comments: 3, agree: 1, disagree: 6, answer: 'not_accepted' as const },
      { articleId: 2, comments: 1, agree: 4, disagree: 0, answer: 'accepted' as const },
    ];
    expect(synthesisProblems(groups, '')).toEqual(['majority_explanation']);
    expect(synthesisProblems(groups, '   ')).toEqual(['majority_explanation']);
    expect(synthesisProblems(groups, 'Điều 1 giữ nguyên vì trái với Luật Đất đai.')).toEqual([]);
  });

  it('Art 28(3): every group with comments or stances is answered before publication', () => {
    expect(synthesisProblems([{ articleId: null, comments: 2, agree: 0, disagree: 0, answer: null }], '')).toEqual(['unanswered']);
    expect(synthesisProblems([{ articleId: 3, comments: 0, agree: 1, disagree: 0, answer: null }], '')).toEqual(['unanswered']);
    expect(synthesisProblems([{ articleId: 3, comments: 0, agree: 0, disagree: 0, answer: null }], '')).toEqual([]);
  });
});
