import type { AppDeps } from '../../app-deps.js';

export async function seedDemoHandling(_deps: AppDeps): Promise<void> {}
