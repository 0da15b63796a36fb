import { defineModule } from '../module.js';
import { seedDemoUnits } from './demo.js';
import { householdRoutes } from './households.js';
import { unitRoutes } from './routes.js';

export const unitsModule = defineModule({
  name: 'units',
  routes: (app, deps) => {
    unitRoutes(app, deps);
    householdRoutes(app, deps);
  },
  seedDemo: seedDemoUnits,
});
