// Messages of the decisions module (register). Vietnamese first; English must have the same keys.
export const vi = {
  'decisions.register.placeholder': '',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'decisions.register.placeholder': '',
};
