import type { AppDeps } from '../../app-deps.js';

export async function seedDemoDecisions(_deps: AppDeps): Promise<void> {}
