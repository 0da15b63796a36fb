// How an audit entry reads on the audit pages: the action's name in words, the data as "key: value"
// pairs, and "Hệ thống" for what the platform did by itself. The stored entry is never changed.
import { formatDate, formatDateTime, type MessageKey, type T } from '../i18n/index.js';
import { vi } from '../i18n/vi.js';

const known = (key: string): key is MessageKey => Object.hasOwn(vi, key);

/** The catalogue key naming an action: feedback's handling steps reuse feedback's own history labels. */
export function actionKey(action: string): MessageKey | null {
  const own = `audit.action.${action}`;
  if (known(own)) return own;
  const step = /^feedback\.([a-z_]+)$/.exec(action);
  const event = step ? `feedback.handling.event.${step[1]}` : '';
  return known(event) ? event : null;
}

export const actionLabel = (t: T, action: string): string => {
  const key = actionKey(action);
  return key ? t(key) : action;
};

/** The actor as written in the entry; the platform's own entries are written 'system'. */
export const actorLabel = (t: T, label: string): string => (label === 'system' ? t('audit.system') : label);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** A value in words. `named`: the module's catalogue key for an enumerated value under this data key
 * (`feedback.kind.` + 'denunciation' -> "Tố cáo"), when the module has one. */
function valueText(t: T, v: unknown, named: string | null): string {
  if (v === null || v === undefined || v === '') return t('audit.none');
  if (typeof v === 'boolean') return v ? t('audit.yes') : t('audit.no');
  if (typeof v === 'string') {
    if (named && known(named + v)) return t((named + v) as MessageKey);
    return ISO_DAY.test(v) ? formatDate(v) : ISO_INSTANT.test(v) ? formatDateTime(v) : v;
  }
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => valueText(t, x, named)).join(', ') : t('audit.none');
  if (typeof v === 'object')
    return `(${pairs(t, v as Record<string, unknown>, named === null ? null : named.split('.')[0]!)
      .map((p) => `${p.key}: ${p.value}`)
      .join('; ')})`;
  return String(v);
}

const keyText = (t: T, k: string): string => {
  const key = `audit.key.${k}`;
  return known(key) ? t(key) : k;
};

const pairs = (t: T, o: Record<string, unknown>, module: string | null) =>
  Object.entries(o).map(([k, v]) => ({ key: keyText(t, k), value: valueText(t, v, module ? `${module}.${k}.` : null) }));

/** The entry's data (stored canonical JSON) as readable pairs; text that is not an object is shown as
 * one value. `action` names the module whose catalogue names enumerated values (kind, category, …). */
export function dataPairs(t: T, json: string, action = ''): { key: string; value: string }[] {
  const module = /^[a-z_]+(?=\.)/.exec(action)?.[0] ?? null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [{ key: t('audit.data'), value: json }];
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return pairs(t, parsed as Record<string, unknown>, module);
  return parsed === null ? [] : [{ key: t('audit.data'), value: valueText(t, parsed, null) }];
}
