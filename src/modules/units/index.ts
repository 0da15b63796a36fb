import { defineModule } from '../module.js';
import { seedDemoUnits } from './demo.js';
import { unitRoutes } from './routes.js';

export const unitsModule = defineModule({ name: 'units', routes: unitRoutes, seedDemo: seedDemoUnits });
