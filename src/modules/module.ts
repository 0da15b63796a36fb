import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import type { AppDeps } from '../app-deps.js';
import type { Unit } from '../db/types.js';
import type { ViewCtx } from '../platform/ui/view.js';

/** A module's manifest: the app, the seeds and (later) the monitoring dashboard read it. */
export type ModuleManifest = {
  name: string;
  routes: (app: FastifyInstance, deps: AppDeps) => void;
  /** Adds this module's demo data; runs in module order inside `danchu seed --demo`. */
  seedDemo?: (deps: AppDeps) => Promise<void>;
  /** This module's section of a commune's home page (null when it has nothing to show yet). */
  communeSection?: (deps: AppDeps, commune: Unit, view: ViewCtx) => Promise<VNode | null>;
  /** Records of this module whose audit history officials may read at /audit/<type>/<id>. */
  auditSubjects?: Record<string, (deps: AppDeps, id: number) => Promise<AuditSubject | undefined>>;
};
/** agencyId: a record inside an agency (Law 10/2022 Ch. III), whose history only that agency's head reads. */
export type AuditSubject = { name: string; unitPath: string; href: string; agencyId?: number | null };

export const defineModule = (m: ModuleManifest): ModuleManifest => m;
