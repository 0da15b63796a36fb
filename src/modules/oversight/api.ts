// JSON API (issue 7 item 7): the boards of a commune with their members, and the project register with
// progress and supervision. Public reads; the same data as the public pages (no personal data beyond
// the members' names and posts, which the Front publicises, Law Art 45(1)(b)).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import * as repo from './oversight.repo.js';
import { boardSummary, projectView } from './present.js';
import { communeOf } from './routes-pages.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);
const Query = Type.Object({ unit: Type.Integer({ description: 'Internal id of the commune (GET /api/v1/units?code=…)' }) });
const Member = Type.Object({
  name: Type.String(),
  position: Type.String({ description: 'head | deputy | member' }),
  seat: Type.String({ description: 'village | front | inspection_board | resident | staff' }),
  village: Nullable(Type.String()),
  source: Type.String({ description: 'election (decisions module) | minutes (paper minutes)' }),
  electedOn: Type.String(),
});
const Board = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'commune_inspection | agency_inspection | investment_supervision' }),
  status: Type.String({ description: 'forming | recognised | closed | union_performs' }),
  name: Nullable(Type.String({ description: 'The agency or project' })),
  termStarts: Nullable(Type.String()),
  termEnds: Nullable(Type.String()),
  members: Type.Array(Member),
  url: Type.String(),
});
const Project = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  investor: Type.String(),
  decision: Type.Object({ number: Type.String(), date: Type.String(), maker: Type.String() }),
  budget: Type.Object(
    {
      state: Type.Integer(),
      commune: Type.Integer(),
      community: Type.Integer({ description: 'Community contributions (money, labour)' }),
      other: Type.Integer(),
      total: Type.Integer(),
    },
    { description: 'Integer đồng' },
  ),
  villages: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  status: Type.String({ description: 'planned | ongoing | ended' }),
  progressPercent: Type.Integer(),
  disbursed: Type.Integer(),
  acceptedOn: Nullable(Type.String()),
  finalAccountsOn: Nullable(Type.String()),
  documents: Type.Array(
    Type.Object({
      kind: Type.String({ description: 'investment_decision | design | contract | acceptance | final_accounts | other' }),
      filename: Type.String(),
      size: Type.Integer(),
      url: Type.String(),
    }),
    { description: 'Public project documents (Law 10/2022 Arts 11(3), 43(2))' },
  ),
  supervisionBoard: Type.Union([Type.Object({ id: Type.Integer(), status: Type.String() }), Type.Null()]),
  url: Type.String(),
});

export function oversightApi(app: FastifyInstance, deps: AppDeps): void {
  const url = (path: string) => `${deps.config.publicUrl}${path}`;
  app.get(
    '/api/v1/boards',
    {
      schema: {
        summary: "People's Inspection Boards and Community Investment Supervision Boards of a commune, with their members",
        tags: ['oversight'],
        querystring: Query,
        response: { 200: Type.Object({ items: Type.Array(Board) }) },
      },
    },
    async (req) => {
      const unit = await communeOf(deps, (req.query as { unit: number }).unit);
      const boards = await repo.boardsOfCommune(deps.db, unit.id);
      const members = await repo.membersOf(
        deps.db,
        boards.map((b) => b.id),
      );
      return {
        items: boards.map((b) => {
          const s = boardSummary(b, members);
          return { ...s, members: s.members.map(({ id: _id, ...m }) => m), url: url(`/oversight/boards/${b.id}`) };
        }),
      };
    },
  );
  app.get(
    '/api/v1/projects',
    {
      schema: {
        summary: 'The investment project register of a commune: budget by source, schedule, progress, disbursement and supervision board',
        tags: ['oversight'],
        querystring: Query,
        response: { 200: Type.Object({ items: Type.Array(Project) }) },
      },
    },
    async (req) => {
      const unit = await communeOf(deps, (req.query as { unit: number }).unit);
      const rows = await repo.projectsOf(deps.db, unit.id, 1000);
      const docs = await repo.documentsOfProjects(
        deps.db,
        rows.map((r) => r.id),
        true,
      );
      return {
        items: rows.map((r) => {
          const p = projectView(r);
          return {
            id: p.id,
            name: p.name,
            investor: p.investor,
            decision: { number: p.decisionNumber, date: p.decisionDate, maker: p.decisionMaker },
            budget: p.budget,
            villages: p.villages,
            startsOn: p.startsOn,
            endsOn: p.endsOn,
            status: p.status,
            progressPercent: p.progress,
            disbursed: p.disbursed,
            acceptedOn: p.acceptedOn,
            finalAccountsOn: p.finalAccountsOn,
            documents: docs
              .filter((d) => d.project_id === p.id)
              .map((d) => ({
                kind: d.doc_kind ?? 'other',
                filename: d.filename,
                size: d.size,
                url: url(`/oversight/files/${d.id}/${encodeURIComponent(d.filename)}`),
              })),
            supervisionBoard: p.boardId ? { id: p.boardId, status: p.boardStatus ?? '' } : null,
            url: url(`/projects/${p.id}`),
          };
        }),
      };
    },
  );
}
