// Households vote (Law 10/2022 Art 19(3); Decree 59/2023 Arts 4–5): the representative's ballot, the
// ballot team's entry of returned paper ballots, and the receipt check (issue 4 item 9). The ballot
// page is public like the vote's notice (Art 5(3): the team announces form, content and time); only
// the household's representative gets the form.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field, fields } from '../../platform/http/forms.js';
import type { T } from '../../platform/i18n/index.js';
import {
  type BallotRefusal,
  ballotOptions,
  type ChoiceError,
  castOnline,
  checkChoices,
  hasVoted,
  householdOf,
  isElection,
  OTHER_TEXT_MAX,
  windowOf,
} from './commands/cast.js';
import { mayOrganise } from './commands/organiser.js';
import { enterPaperBallot } from './commands/paper.js';
import { decisionsPolicy } from './decisions.policy.js';
import * as repo from './decisions.repo.js';
import { ballotByCode } from './tally.js';
import { type BallotVoteView, noChoice } from './views/ballot-common.js';
import { PaperBallotPage, type PaperModel } from './views/ballot-paper.js';
import { ReceiptCheckPage } from './views/ballot-receipt.js';
import { BallotCastPage, type BallotState, type VoteBallotModel, VoteBallotPage } from './views/ballot-vote.js';

type P = { id: string };

function choiceMessage(t: T, e: ChoiceError, v: BallotVoteView): Record<string, string> {
  const msg = {
    choice_required: v.election ? t('decisions.ballot.err.candidateRequired') : t('decisions.ballot.err.choiceRequired'),
    one_choice: t('decisions.ballot.err.oneChoice'),
    unknown_choice: t('decisions.ballot.err.unknownChoice'),
    too_many: t('decisions.ballot.err.tooMany', { seats: v.seats }),
    other_text_required: t('decisions.ballot.err.otherTextRequired'),
    other_text_too_long: t('decisions.ballot.err.otherTextTooLong', { max: OTHER_TEXT_MAX }),
  }[e.problem];
  return { [e.field]: msg };
}

const REFUSAL_STATUS: Record<Exclude<BallotRefusal, 'not_found'>, number> = {
  wrong_form: 409,
  not_representative: 403,
  not_on_register: 403,
  not_open: 409,
  closed: 409,
  already_voted: 409,
};

export function ballotRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  /** The vote, its matter and village in one query (the answer to a vote needs no more). */
  async function voteHead(req: FastifyRequest) {
    const id = Number((req.params as P).id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound();
    const v = await db
      .selectFrom('votes as v')
      .innerJoin('matters as m', 'm.id', 'v.matter_id')
      .innerJoin('units as u', 'u.id', 'v.unit_id')
      .select([
        'v.id',
        'v.form',
        'v.status',
        'v.vote_date',
        'v.opens_at',
        'v.closes_at',
        'v.seats',
        'v.unit_id',
        'm.title',
        'm.description',
        'm.id as matter_id',
        'm.kind',
        'm.position',
        'u.name',
        'u.path',
      ])
      .where('v.id', '=', id)
      .executeTakeFirst();
    if (!v) throw new NotFound();
    return v;
  }
  type Head = Awaited<ReturnType<typeof voteHead>>;

  async function viewModel(v: Head): Promise<BallotVoteView> {
    const options = await ballotOptions(db, v.id);
    return {
      id: v.id,
      form: v.form,
      title: v.title,
      description: v.description,
      village: { id: v.unit_id, name: v.name },
      voteDate: v.vote_date,
      opensAt: v.opens_at,
      closesAt: v.closes_at,
      seats: v.seats,
      election: isElection(options),
      options,
    };
  }

  /** What the signed-in visitor may do with this vote's ballot, in the order the command checks it. */
  async function stateOf(req: FastifyRequest, v: Head): Promise<BallotState> {
    if (v.form === 'meeting') return 'wrong_form';
    const actor = req.actor;
    if (!actor || actor.userId == null) return 'sign_in';
    if (!decisionsPolicy(actor, 'castOnline', { unitPath: v.path })) return 'not_representative';
    const householdId = await householdOf(db, actor.userId);
    if (householdId == null) return 'not_representative';
    if (!(await repo.onRegisterOn(db, householdId, v.unit_id, v.vote_date))) return 'not_on_register';
    if (await hasVoted(db, v.id, householdId)) return 'already_voted';
    const w = windowOf(v, deps.clock.now());
    return w === 'not_open' && !v.closes_at ? 'not_scheduled' : w;
  }

  const ballotPage =
    (req: FastifyRequest, m: VoteBallotModel, status = 200) =>
    (reply: Parameters<typeof sendPage>[1]) =>
      sendPage(req, reply, <VoteBallotPage view={viewOf(req, deps)} m={m} />, status);

  app.get('/votes/:id/ballot', async (req, reply) => {
    const v = await voteHead(req);
    const m: VoteBallotModel = { vote: await viewModel(v), state: await stateOf(req, v), values: noChoice() };
    return ballotPage(req, m)(reply);
  });

  // The busiest page of a vote: the command reads what the answer shows, so a vote costs no other
  // query; the answer (about 3 KB, sent once) is not compressed, which costs more CPU than it saves.
  app.post('/votes/:id/ballot', { compress: false }, async (req, reply) => {
    if (!req.actor) throw new Unauthenticated();
    const id = Number((req.params as P).id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound();
    const values = { choices: fields(req.body, 'choice'), otherText: field(req.body, 'otherText') };
    const r = await castOnline(deps, req.actor, id, values);
    if (r.ok) return sendPage(req, reply, <BallotCastPage view={viewOf(req, deps)} vote={r.vote} code={r.code} />);
    if (r.reason === 'not_found') throw new NotFound();
    const v = await voteHead(req);
    const vote = await viewModel(v);
    if (r.reason === 'invalid') return ballotPage(req, { vote, state: 'open', values, errors: choiceMessage(req.t, r, vote) }, 422)(reply);
    const state: BallotState = r.reason === 'not_open' && !v.closes_at ? 'not_scheduled' : r.reason;
    return ballotPage(req, { vote, state, values }, REFUSAL_STATUS[r.reason])(reply);
  });

  // The ballot team: the village head and the Front work committee head (Decree 59 Art 4(3)).
  async function paperModel(v: Head, values: PaperModel['values'], errors?: PaperModel['errors']): Promise<PaperModel> {
    const register = await repo.registerOn(db, v.unit_id, v.vote_date);
    const voted = new Set((await db.selectFrom('vote_receipts').select('household_id').where('vote_id', '=', v.id).execute()).map((r) => r.household_id));
    const blocked =
      v.form !== 'household_ballot' ? 'wrong_form' : v.status !== 'scheduled' ? 'closed' : todayInVietnam(deps.clock.now()) < v.vote_date ? 'not_open' : null;
    return {
      vote: await viewModel(v),
      blocked,
      households: register.filter((h) => !voted.has(h.id)).map((h) => ({ id: h.id, label: [h.code, h.representative, h.address].filter(Boolean).join(' — ') })),
      received: voted.size,
      total: register.length,
      values,
      errors,
    };
  }
  async function team(req: FastifyRequest) {
    if (!req.actor) throw new Unauthenticated();
    const v = await voteHead(req);
    // Decree 59 Art 3(1): not the subject or a candidate of a village-head election or dismissal.
    if (!(await mayOrganise(db, req.actor, { id: v.matter_id, kind: v.kind, position: v.position }, v, 'runVote'))) throw new Forbidden();
    return { v, actor: req.actor };
  }

  app.get('/votes/:id/paper', async (req, reply) => {
    const { v } = await team(req);
    const m = await paperModel(v, { ...noChoice(), household: '' });
    return sendPage(req, reply, <PaperBallotPage view={viewOf(req, deps)} m={m} />);
  });

  app.post('/votes/:id/paper', async (req, reply) => {
    const { v, actor } = await team(req);
    const values = { household: field(req.body, 'household'), choices: fields(req.body, 'choice'), otherText: field(req.body, 'otherText') };
    const householdId = /^\d+$/.test(values.household) ? Number(values.household) : 0;
    const r = await enterPaperBallot(deps, actor, v.id, householdId, values.choices, values.otherText);
    if (r.ok) {
      const h = await db.selectFrom('households').select('code').where('id', '=', householdId).executeTakeFirstOrThrow();
      return redirectWithFlash(reply, `/votes/${v.id}/paper`, req.t('decisions.ballot.paper.saved', { code: h.code }));
    }
    if (r.reason === 'not_found') throw new NotFound();
    if (r.reason === 'forbidden') throw new Forbidden();
    const t = req.t;
    let errors: Record<string, string> | undefined;
    let status = 409;
    if (r.reason === 'already_voted') errors = { household: t('decisions.ballot.paper.err.alreadyVoted') };
    else if (r.reason === 'invalid') {
      status = 422;
      const vote = await viewModel(v);
      if (r.field === 'household') {
        // Say what is wrong with the choice too, so that the team fixes the form in one go.
        const choice = checkChoices(vote.options, vote.seats, values);
        errors = {
          household: r.problem === 'household_required' ? t('decisions.ballot.paper.err.householdRequired') : t('decisions.ballot.paper.err.notOnRegister'),
          ...(choice.ok ? {} : choiceMessage(t, choice, vote)),
        };
      } else errors = choiceMessage(t, r, vote);
    }
    const m = await paperModel(v, values, errors);
    return sendPage(req, reply, <PaperBallotPage view={viewOf(req, deps)} m={m} />, status);
  });

  // Anyone may check a receipt code: the answer says the ballot is stored and counted, never the household nor its choice.
  app.get('/votes/:id/receipt', async (req, reply) => {
    const v = await voteHead(req);
    return sendPage(req, reply, <ReceiptCheckPage view={viewOf(req, deps)} m={{ vote: await viewModel(v), code: '' }} />);
  });

  app.post('/votes/:id/receipt', async (req, reply) => {
    const v = await voteHead(req);
    const code = field(req.body, 'code').trim();
    const vote = await viewModel(v);
    const again = (message: string) => sendPage(req, reply, <ReceiptCheckPage view={viewOf(req, deps)} m={{ vote, code, errors: { code: message } }} />, 422);
    if (!code) return again(req.t('decisions.ballot.receipt.err.required'));
    const result = await ballotByCode(db, v.id, code);
    if (!result) return again(req.t('decisions.ballot.receipt.err.malformed'));
    return sendPage(req, reply, <ReceiptCheckPage view={viewOf(req, deps)} m={{ vote, code, result, status: v.status }} />);
  });
}
