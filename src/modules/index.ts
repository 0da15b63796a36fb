// The one list of modules (DESIGN.md): the app, the seeds and the dashboard read it, in order.

import { consultationModule } from './consultation/index.js';
import { covenantsModule } from './covenants/index.js';
import { decisionsModule } from './decisions/index.js';
import { dialogueModule } from './dialogue/index.js';
import { disclosureModule } from './disclosure/index.js';
import { feedbackModule } from './feedback/index.js';
import type { ModuleManifest } from './module.js';
import { monitoringModule } from './monitoring/index.js';
import { oversightModule } from './oversight/index.js';
import { unitsModule } from './units/index.js';
import { workplaceModule } from './workplace/index.js';

export const modules: ModuleManifest[] = [];
modules.push(
  unitsModule(() => modules),
  disclosureModule,
  decisionsModule,
  feedbackModule,
  consultationModule,
  covenantsModule,
  dialogueModule,
  oversightModule,
  workplaceModule,
  monitoringModule,
);
