// The feedback module's catalogue, one part per area so that each file stays small; the platform
// catalogues (src/platform/i18n/vi.ts, en.ts) spread these in.
import * as core from './core.js';
import * as handling from './handling.js';
import * as intake from './intake.js';
import * as ratings from './ratings.js';
import * as reception from './reception.js';
import * as track from './track.js';

export const feedbackVi = { ...core.vi, ...intake.vi, ...track.vi, ...handling.vi, ...reception.vi, ...ratings.vi } as const;
export const feedbackEn: Record<keyof typeof feedbackVi, string> = {
  ...core.en,
  ...intake.en,
  ...track.en,
  ...handling.en,
  ...reception.en,
  ...ratings.en,
};
