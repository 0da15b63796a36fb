// Labels of the module's coded values (matters, forms, channels, answers, statuses) in the page's language.
import type { MessageKey, T } from '../../../platform/i18n/index.js';

export const label = (t: T, kind: 'matter' | 'form' | 'channel' | 'answer' | 'status', key: string): string => t(`consultation.${kind}.${key}` as MessageKey);
