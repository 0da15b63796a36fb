// Messages and Vietnamese formats: dates dd/mm/yyyy in Asia/Ho_Chi_Minh (DESIGN.md "Time").
import { en } from './en.js';
import { type MessageKey, vi } from './vi.js';

export type Lang = 'vi' | 'en';
export type { MessageKey };
export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function translator(lang: Lang): T {
  const cat = catalogues[lang];
  return (key, params) => {
    const text = cat[key] ?? vi[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text;
  };
}

export const isLang = (v: unknown): v is Lang => v === 'vi' || v === 'en';

const VN_OFFSET_MS = 7 * 3600 * 1000; // Vietnam has no daylight saving time.

/** 'YYYY-MM-DD' or an instant -> 'dd/mm/yyyy' (an instant is shown in Vietnam time). */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const iso = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : vnIso(new Date(value));
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export function formatDateTime(value: string | Date): string {
  const t = vnIso(new Date(value));
  return `${t.slice(11, 16)} ${formatDate(t.slice(0, 10))}`;
}

function vnIso(d: Date): string {
  return new Date(d.getTime() + VN_OFFSET_MS).toISOString();
}

/** Accepts dd/mm/yyyy or yyyy-mm-dd; returns 'YYYY-MM-DD' or null when not a real date. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

const VI_NUMBER = new Intl.NumberFormat('vi-VN');
export const formatNumber = (n: number): string => VI_NUMBER.format(n);
