// Rows -> view models; pages and the API never see raw rows.
import type { Unit } from '../../db/types.js';

export type UnitView = {
  id: number;
  code: string;
  name: string;
  level: string;
  validFrom: string | null;
  validTo: string | null;
  isDemo: boolean;
  current: boolean;
  href: string;
};

export function presentUnit(u: Unit, today: string): UnitView {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    level: u.level,
    validFrom: u.valid_from,
    validTo: u.valid_to,
    isDemo: u.is_demo === 1,
    current: (!u.valid_from || u.valid_from <= today) && (!u.valid_to || u.valid_to >= today),
    href: `/units/${u.id}`,
  };
}

export const dayAfter = (d: string): string => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
