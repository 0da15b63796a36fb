// The oversight module's catalogue; the platform catalogues (src/platform/i18n/vi.ts, en.ts) spread these in.
import * as core from './core.js';
import * as docs from './docs.js';
import * as pages from './pages.js';

export const oversightVi = { ...core.vi, ...pages.vi, ...docs.vi } as const;
export const oversightEn: Record<keyof typeof oversightVi, string> = { ...core.en, ...pages.en, ...docs.en };
