// Messages of the decisions module (core). Vietnamese first; English must have the same keys.
export const vi = {
  'decisions.core.placeholder': '',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'decisions.core.placeholder': '',
};
