// The documents of a vote (Decree 59/2023 appendix, Mẫu 01–04) as Word files, and the printable ballot
// (Art 4(5)). The notice and the blank ballot are public: the law has them announced and posted
// (Art 3(3), 4(4)). The count minutes and the community's decision are public once the village head has
// published the result (Law 10/2022 Art 23(2); R-A17); before that only those who run or oversee
// the village's decisions read them (decisionsPolicy 'readManaged'). Nothing exists to count while a
// vote is still 'scheduled'.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { DOCX_MIME } from '../../platform/docs/decree30.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/files/store.js';
import { sendPage, viewOf } from '../../platform/http/context.js';
import { decisionsPolicy } from './decisions.policy.js';
import { ballotDocx, ballotModel } from './docs/ballot.js';
import { countDocx } from './docs/count.js';
import { ballotFigures, participantList } from './docs/data.js';
import { decisionDocx } from './docs/decision.js';
import { countForm, fileName, hasBallotForm, type Rec } from './docs/labels.js';
import { noticeDocx } from './docs/notice.js';
import { loadVoteRecord } from './present.js';
import { BallotFormPage } from './views/ballot-form.js';

type P = { id: string };

export function docsRoutes(app: FastifyInstance, deps: AppDeps): void {
  async function recordOf(req: FastifyRequest): Promise<Rec> {
    const id = Number((req.params as P).id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound();
    const r = await loadVoteRecord(deps, id);
    if (!r) throw new NotFound();
    return r;
  }

  /** R-A17: minutes and decisions are public once published; before that, 'readManaged' on the village. */
  function mayReadResult(req: FastifyRequest, r: Rec): void {
    if (r.vote.status === 'scheduled') throw new NotFound();
    if (r.vote.published_on) return;
    if (decisionsPolicy(req.actor, 'readManaged', { unitPath: r.village.path })) return;
    throw req.actor ? new Forbidden() : new Unauthenticated();
  }

  const sendDocx = async (reply: FastifyReply, name: string, bytes: Promise<Buffer>) =>
    reply
      .type(DOCX_MIME)
      .header('content-disposition', contentDisposition(name, false))
      .header('cache-control', 'no-store')
      .send(await bytes);

  app.get('/votes/:id/notice.docx', async (req, reply) => {
    const r = await recordOf(req);
    return sendDocx(reply, fileName(r.vote.form === 'meeting' ? 'Mẫu 01 - Giấy mời họp' : 'Thông báo', r), noticeDocx(r));
  });

  app.get('/votes/:id/count.docx', async (req, reply) => {
    const r = await recordOf(req);
    const form = countForm(r.vote);
    if (!form) throw new NotFound();
    mayReadResult(req, r);
    return sendDocx(reply, fileName(`Mẫu ${form} - Biên bản kiểm phiếu`, r), countDocx(r, await ballotFigures(deps.db, r)));
  });

  app.get('/votes/:id/decision.docx', async (req, reply) => {
    const r = await recordOf(req);
    mayReadResult(req, r);
    // Decree 59 Art 5(4)(a): the online vote's minutes list the participating households.
    const participants = r.vote.form === 'online' ? await participantList(deps.db, r.vote.id) : [];
    return sendDocx(reply, fileName('Mẫu 03 - Quyết định của cộng đồng dân cư', r), decisionDocx(r, participants));
  });

  app.get('/votes/:id/ballot-form', async (req, reply) => {
    const r = await recordOf(req);
    if (!hasBallotForm(r.vote)) throw new NotFound();
    return sendPage(req, reply, <BallotFormPage view={viewOf(req, deps)} m={ballotModel(r)} voteId={r.vote.id} />);
  });

  app.get('/votes/:id/ballot-form.docx', async (req, reply) => {
    const r = await recordOf(req);
    if (!hasBallotForm(r.vote)) throw new NotFound();
    return sendDocx(reply, fileName('Phiếu lấy ý kiến', r), ballotDocx(ballotModel(r), r));
  });
}
