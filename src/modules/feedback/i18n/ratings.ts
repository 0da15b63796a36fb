// Messages of the feedback module's ratings pages. Vietnamese first; English must have the same keys.
export const vi = {
  'feedback.ratings.title': 'ratings',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'feedback.ratings.title': 'ratings',
};
