// Messages of the decisions module (election). Vietnamese first; English must have the same keys.
export const vi = {
  'decisions.election.placeholder': '',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'decisions.election.placeholder': '',
};
