// What recognising an election or a dismissal changes (Decree 59/2023 Arts 8–9; R-B2, R-B3).
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { MatterRow, VoteRow } from '../present.js';

export async function applyRecognition(_trx: Conn, _deps: AppDeps, _vote: VoteRow, _matter: MatterRow, _actor: Actor, _now: Date): Promise<void> {}
