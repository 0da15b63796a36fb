// Messages of the decisions module (ballot). Vietnamese first; English must have the same keys.
export const vi = {
  'decisions.ballot.placeholder': '',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'decisions.ballot.placeholder': '',
};
