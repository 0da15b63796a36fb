// The decisions module's catalogue, one part per area so that each file stays small; the platform
// catalogues (src/platform/i18n/vi.ts, en.ts) spread these in.
import * as ballot from './ballot.js';
import * as core from './core.js';
import * as docs from './docs.js';
import * as election from './election.js';
import * as pages from './pages.js';

export const decisionsVi = { ...core.vi, ...pages.vi, ...ballot.vi, ...docs.vi, ...election.vi } as const;
export const decisionsEn: Record<keyof typeof decisionsVi, string> = { ...core.en, ...pages.en, ...ballot.en, ...docs.en, ...election.en };
