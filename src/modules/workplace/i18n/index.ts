// The workplace module's catalogue; the platform catalogues (src/platform/i18n/vi.ts, en.ts) spread these in.
export { workplaceEn } from './en.js';
export { workplaceVi } from './vi.js';
