// Demo data for issue 7 items 5 and 6, through the real commands: the rural road's documents (two
// public, the contract kept internal) and one resident's report about the commune routed to the
// road's Community Investment Supervision Board, for gsdt.nari to take up. Runs once.
import type { AppDeps } from '../../app-deps.js';
import type { Actor } from '../../platform/auth/policy.js';
import { loadActor } from '../../platform/auth/session.js';
import { fixedClock } from '../../platform/clock.js';
import { checkUploads } from '../../platform/files/uploads.js';
import { translator } from '../../platform/i18n/index.js';
import { demoPdf } from '../disclosure/demo.js';
import { routeItem } from '../feedback/commands/route.js';
import { unitByCode } from '../units/units.repo.js';
import { addProjectDocuments } from './commands/documents.js';

const t = translator('vi');

export async function seedDemoProjectLinks(deps: AppDeps): Promise<void> {
  const { db } = deps;
  const commune = await unitByCode(db, '02155', '2026-07-01');
  if (!commune) return;
  const project = await db.selectFrom('oversight_projects').select(['id', 'name']).where('commune_id', '=', commune.id).orderBy('id').executeTakeFirst();
  if (!project) return;
  if (await db.selectFrom('oversight_files').select('id').where('project_id', '=', project.id).executeTakeFirst()) return;
  const actor = async (username: string): Promise<Actor> => {
    const u = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return (await loadActor(db, u.id)) as Actor;
  };
  const official = await actor('canbo.nari');
  const docs = [
    { kind: 'investment_decision', file: 'QD-215-phe-duyet-dau-tu.pdf', title: 'Quyet dinh 215/QD-UBND phe duyet dau tu', public: true },
    { kind: 'design', file: 'ban-ve-thiet-ke-du-toan.pdf', title: 'Ban ve thiet ke va du toan (du lieu mau)', public: true },
    { kind: 'contract', file: 'hop-dong-thi-cong.pdf', title: 'Hop dong thi cong (du lieu mau)', public: false },
  ];
  for (const d of docs) {
    const checked = checkUploads(deps, t, [{ filename: d.file, bytes: demoPdf(d.title) }]);
    if (!checked.ok) throw new Error(`oversight demo: document ${d.file}`);
    const r = await addProjectDocuments(
      { ...deps, clock: fixedClock('2026-08-02T03:00:00Z') },
      t,
      official,
      project.id,
      { kind: d.kind, public: d.public },
      checked.files,
    );
    if (!r.ok) throw new Error(`oversight demo: document ${d.file}: ${JSON.stringify(r)}`);
  }
  // A report (not a complaint or denunciation: those go only to a body that settles them) about the road.
  const item = await db
    .selectFrom('feedback_items')
    .select(['id', 'version'])
    .where('commune_id', '=', commune.id)
    .where('kind', 'in', ['report', 'petition'])
    .where('status', 'in', ['received', 'accepted'])
    .where('handler_board', '=', 0)
    .orderBy('id')
    .executeTakeFirst();
  if (!item) return;
  const r = await routeItem(deps, t, official, item.id, item.version, {
    target: `project:${project.id}`,
    note: 'Chuyển Ban Giám sát đầu tư của cộng đồng xem xét, giám sát (dữ liệu mẫu).',
  });
  if (!r.ok) throw new Error(`oversight demo: route to the supervision board: ${JSON.stringify(r)}`);
}
