// R-D2 (Law 10/2022 Arts 11(11), 28(3)–(4)): the synthesis of comments and the explanation are
// published before a consultation closes; each group of comments (an article, or the draft as a
// whole) gets an answer; where the authority decides differently from the majority view it must
// say why.
export type Answer = 'accepted' | 'partly' | 'not_accepted';
export const ANSWERS: readonly Answer[] = ['accepted', 'partly', 'not_accepted'];
export type Majority = 'agree' | 'disagree' | 'none';

/** The majority view on an article as drafted, from the residents' agree/disagree (a tie is none). */
export function majorityView(agree: number, disagree: number): Majority {
  if (agree > disagree) return 'agree';
  if (disagree > agree) return 'disagree';
  return 'none';
}

/**
 * Art 28(4): the decision departs from the majority when most residents disagreed with the article
 * as drafted and the authority keeps it (does not accept the comments, wholly or in part).
 */
export function departsFromMajority(answer: Answer, agree: number, disagree: number): boolean {
  return majorityView(agree, disagree) === 'disagree' && answer !== 'accepted';
}

/** Art 28(3): a comment not (fully) taken up is explained; an accepted one says how it was taken up. */
export const explanationRequired = (_answer: Answer): boolean => true;

export type Group = { articleId: number | null; comments: number; agree: number; disagree: number; answer: Answer | null };
export type SynthesisProblem = 'unanswered' | 'majority_explanation';

/** What stops the synthesis from being published: a group with comments or stances left unanswered,
 * or a departure from the majority without the explanation Art 28(4) asks for. */
export function synthesisProblems(groups: Group[], majorityExplanation: string): SynthesisProblem[] {
  const out: SynthesisProblem[] = [];
  if (groups.some((g) => (g.comments > 0 || g.agree + g.disagree > 0) && !g.answer)) out.push('unanswered');
  const departs = groups.some((g) => g.answer && departsFromMajority(g.answer, g.agree, g.disagree));
  if (departs && majorityExplanation.trim().length === 0) out.push('majority_explanation');
  return out;
}

/** The answers as the Word report writes them. */
export const ANSWER_VI: Record<Answer, string> = { accepted: 'tiếp thu', partly: 'tiếp thu một phần', not_accepted: 'không tiếp thu' };
