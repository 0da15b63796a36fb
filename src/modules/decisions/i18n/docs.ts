// Messages of the decisions module (docs). Vietnamese first; English must have the same keys.
export const vi = {
  'decisions.docs.placeholder': '',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'decisions.docs.placeholder': '',
};
