import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.js';

/** A module's manifest: the app, the seeds and (later) the monitoring dashboard read it. */
export type ModuleManifest = {
  name: string;
  routes: (app: FastifyInstance, deps: AppDeps) => void;
  /** Adds this module's demo data; runs in module order inside `danchu seed --demo`. */
  seedDemo?: (deps: AppDeps) => Promise<void>;
};

export const defineModule = (m: ModuleManifest): ModuleManifest => m;
