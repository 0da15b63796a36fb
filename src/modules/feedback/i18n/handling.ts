// Messages of the feedback module's handling pages. Vietnamese first; English must have the same keys.
export const vi = {
  'feedback.handling.title': 'handling',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'feedback.handling.title': 'handling',
};
