import type { AppDeps } from '../../app-deps.js';

export async function seedDemoReception(_deps: AppDeps): Promise<void> {}
