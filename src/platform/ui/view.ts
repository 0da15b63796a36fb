import type { Actor } from '../auth/policy.js';
import type { Lang, T } from '../i18n/index.js';

/** What every page needs to render: language, who is signed in, the CSRF token for its forms. */
export type ViewCtx = {
  t: T;
  lang: Lang;
  actor: Actor | null;
  csrf: () => string;
  path: string;
  demo: boolean;
  devOutbox: boolean;
  /** Links the modules add to the site menu for the signed-in actor (ModuleManifest.menu), translated. */
  menu?: { href: string; label: string }[];
  flash?: string;
};
