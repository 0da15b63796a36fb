// Which audit entries an actor reads only as a neutral line: each module says it of its own records
// (manifest `auditConfidential`; the feedback module for denunciations, Denunciation Law Arts 4,
// 47–48, R-H4). The platform applies the modules' answers and never judges a record itself.
import type { AppDeps } from '../../app-deps.js';
import type { AuditRef, ModuleManifest } from '../../modules/module.js';
import type { Actor } from '../auth/policy.js';

export async function confidentialSeqs(deps: AppDeps, modules: ModuleManifest[], actor: Actor, entries: AuditRef[]): Promise<Set<number>> {
  const out = new Set<number>();
  if (entries.length === 0) return out;
  const answers = await Promise.all(modules.flatMap((m) => (m.auditConfidential ? [m.auditConfidential(deps, actor, entries)] : [])));
  for (const set of answers) for (const seq of set) out.add(seq);
  return out;
}
