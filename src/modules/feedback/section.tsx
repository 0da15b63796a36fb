import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import type { ViewCtx } from '../../platform/ui/view.js';

/** The commune home page's "people inspect and supervise" section. */
export async function communeSection(_deps: AppDeps, _commune: Unit, _view: ViewCtx) {
  return null;
}
