// The activity of one synthetic commune (src/db/seed-scale.ts), one part per module group, in an order
// that lets later parts refer to earlier rows. Each part writes the rows its module's commands write
// (same columns, same states, dates that keep the law's periods), in multi-row inserts, and returns its
// counts; the counts go into the report and the commune's one audit entry.
import type { Conn } from '../index.js';
import type { Counts, Input, Part, Rng } from './common.js';
import { seedConsultation, seedDialogue } from './consultation-dialogue.js';
import { seedCovenants } from './covenants.js';
import { seedOnlineVotes } from './decisions.js';
import { seedDisclosures } from './disclosure.js';
import { seedElections } from './elections.js';
import { seedFeedback } from './feedback.js';
import { seedMonitoring } from './monitoring.js';
import { seedOversight } from './oversight.js';
import { seedWorkplace } from './workplace.js';

const PARTS: Part[] = [
  seedDisclosures,
  seedOnlineVotes,
  seedFeedback,
  seedConsultation,
  seedDialogue,
  seedOversight,
  seedCovenants,
  seedElections,
  seedWorkplace,
  seedMonitoring,
];

export async function seedActivity(trx: Conn, deps: Parameters<Part>[1], r: Rng, x: Input): Promise<Counts> {
  const total: Counts = {};
  for (const part of PARTS) addCounts(total, await part(trx, deps, r, x));
  return total;
}

export function addCounts(into: Counts, more: Counts): void {
  for (const [k, n] of Object.entries(more)) into[k] = (into[k] ?? 0) + n;
}
