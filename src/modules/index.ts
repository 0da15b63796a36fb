// The one list of modules (DESIGN.md): the app, the seeds and the dashboard read it, in order.

import { decisionsModule } from './decisions/index.js';
import { disclosureModule } from './disclosure/index.js';
import { feedbackModule } from './feedback/index.js';
import type { ModuleManifest } from './module.js';
import { oversightModule } from './oversight/index.js';
import { unitsModule } from './units/index.js';

export const modules: ModuleManifest[] = [];
modules.push(
  unitsModule(() => modules),
  disclosureModule,
  decisionsModule,
  feedbackModule,
  oversightModule,
);
