import { defineModule, type ModuleManifest } from '../module.js';
import { seedDemoUnits } from './demo.js';
import { householdRoutes } from './households.js';
import { unitsIndicators } from './indicators.js';
import { unitRoutes } from './routes.js';

/** The units module renders commune home pages, so it is handed the list of all modules. */
export const unitsModule = (all: () => ModuleManifest[]) =>
  defineModule({
    name: 'units',
    routes: (app, deps) => {
      unitRoutes(app, deps, all);
      householdRoutes(app, deps);
    },
    seedDemo: seedDemoUnits,
    indicators: unitsIndicators,
  });
