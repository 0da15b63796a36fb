// The one ordered list of migrations: forward-only; never edit one that has landed.
import { migration as m202611250500 } from './202611250500_platform__create-core.js';
import { migration as m202611250600 } from './202611250600_disclosure__create-disclosures.js';
import { migration as m202611251000 } from './202611251000_decisions__create-decisions.js';
import { migration as m202611251200 } from './202611251200_feedback__create-feedback.js';
import { migration as m202612071900 } from './202612071900_consultation__create-consultations.js';
import { migration as m202612071910 } from './202612071910_dialogue__create-dialogues.js';
import { migration as m202612071920 } from './202612071920_oversight__create-boards.js';
import { migration as m202612072000 } from './202612072000_covenants__create-covenants.js';
import { migration as m202612072010 } from './202612072010_workplace__create-regulations.js';
import { migration as m202612072020 } from './202612072020_monitoring__create-records.js';
import { migration as m202612072040 } from './202612072040_oversight__add-project-documents.js';
import { migration as m202612080100 } from './202612080100_covenants__vote-day-after-posting.js';
import type { Migration } from './helpers.js';

export const migrations: Record<string, Migration> = {
  '202611250500_platform__create-core': m202611250500,
  '202611250600_disclosure__create-disclosures': m202611250600,
  '202611251000_decisions__create-decisions': m202611251000,
  '202611251200_feedback__create-feedback': m202611251200,
  '202612071900_consultation__create-consultations': m202612071900,
  '202612071910_dialogue__create-dialogues': m202612071910,
  '202612071920_oversight__create-boards': m202612071920,
  '202612072000_covenants__create-covenants': m202612072000,
  '202612072010_workplace__create-regulations': m202612072010,
  '202612072020_monitoring__create-records': m202612072020,
  '202612072040_oversight__add-project-documents': m202612072040,
  '202612080100_covenants__vote-day-after-posting': m202612080100,
};
