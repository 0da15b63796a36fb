// Label lookups for the decisions pages (keys live in i18n/pages.ts).
import type { MessageKey, T } from '../../../platform/i18n/index.js';

export const L = (t: T, key: string, params?: Record<string, string | number>): string => t(`decisions.pages.${key}` as MessageKey, params);
export const itemLabel = (t: T, item: number) => L(t, `item.${item}`);
export const formLabel = (t: T, form: string) => L(t, `form.${form}`);
export const matterStatus = (t: T, s: string) => L(t, `status.${s}`);
export const voteStatus = (t: T, s: string) => L(t, `vstatus.${s}`);
