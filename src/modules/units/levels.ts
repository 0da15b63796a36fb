// The levels of the administrative units the law speaks of: the commune level (xã, phường, thị trấn,
// đặc khu: Law 10/2022 Art 2) and the village level below it (thôn, tổ dân phố).
import type { Unit } from '../../db/types.js';

export const COMMUNE_LEVELS = ['commune', 'ward', 'town', 'special_zone'];
export const VILLAGE_LEVELS = ['village', 'residential_group'];
export const isVillage = (u: Pick<Unit, 'level'>) => VILLAGE_LEVELS.includes(u.level);
