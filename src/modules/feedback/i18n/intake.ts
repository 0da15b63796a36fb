// Messages of the feedback module's intake pages. Vietnamese first; English must have the same keys.
export const vi = {
  'feedback.intake.title': 'intake',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'feedback.intake.title': 'intake',
};
