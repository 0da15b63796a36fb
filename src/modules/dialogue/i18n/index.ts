// The dialogue module's catalogue, one part per area so that each file stays small; the platform
// catalogues (src/platform/i18n/vi.ts, en.ts) spread these in.
import * as conference from './conference.js';
import * as dialogue from './dialogue.js';

export const dialogueVi = { ...dialogue.vi, ...conference.vi } as const;
export const dialogueEn: Record<keyof typeof dialogueVi, string> = { ...dialogue.en, ...conference.en };
