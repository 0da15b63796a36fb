// The consultation module's catalogue; the platform catalogues (src/platform/i18n/vi.ts, en.ts) spread it in.
import * as errors from './errors.js';
import * as labels from './labels.js';
import * as pages from './pages.js';

export const consultationVi = { ...labels.vi, ...pages.vi, ...errors.vi } as const;
export const consultationEn: Record<keyof typeof consultationVi, string> = { ...labels.en, ...pages.en, ...errors.en };
