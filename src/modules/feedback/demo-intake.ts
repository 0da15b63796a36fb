import type { AppDeps } from '../../app-deps.js';

export async function seedDemoIntake(_deps: AppDeps): Promise<void> {}
