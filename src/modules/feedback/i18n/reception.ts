// Messages of the feedback module's reception pages. Vietnamese first; English must have the same keys.
export const vi = {
  'feedback.reception.title': 'reception',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'feedback.reception.title': 'reception',
};
