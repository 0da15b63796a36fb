// Pieces the oversight pages share: member tables, recommendation lists with their clock, money.
import { formatDate, formatNumber, type T } from '../../../platform/i18n/index.js';

export type MemberView = { id: number; name: string; position: string; seat: string; village: string | null; source: string; electedOn: string };
export type RecView = {
  id: number;
  activityId: number;
  subject?: string;
  addressee: string;
  content: string;
  sentOn: string;
  dueOn: string;
  status: string;
  answerKind: string | null;
  answerText: string | null;
  answeredOn: string | null;
  late: boolean;
};

export const dong = (n: number) => `${formatNumber(n)} đồng`;

export function MemberTable({ t, members, showSeat }: { t: T; members: MemberView[]; showSeat: boolean }) {
  if (!members.length) return <p class="muted">{t('oversight.board.noMembers')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('oversight.board.name')}</th>
          <th scope="col">{t('oversight.board.position')}</th>
          <th scope="col">{showSeat ? t('oversight.board.seat') : t('oversight.board.village')}</th>
          <th scope="col">{t('oversight.board.elected')}</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.id}>
            <td>{m.name}</td>
            <td>{t(`oversight.position.${m.position}` as 'oversight.position.head')}</td>
            <td>{showSeat ? t(`oversight.seat.${m.seat}` as 'oversight.seat.front') : (m.village ?? '')}</td>
            <td>{m.source === 'election' ? t('oversight.source.election') : t('oversight.source.minutes', { date: formatDate(m.electedOn) })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The state of a recommendation's 15-day clock (R-F5) as a visitor reads it. */
export function recState(t: T, r: RecView, today: string): { label: string; cls: string } {
  if (r.status === 'answered') return r.late ? { label: t('oversight.rec.late'), cls: 'tag ended' } : { label: t('oversight.rec.answered'), cls: 'tag ok' };
  return r.dueOn < today ? { label: t('oversight.rec.overdue'), cls: 'tag ended' } : { label: t('oversight.rec.open'), cls: 'tag' };
}

export function RecList({ t, recs, today, link, answerLinks }: { t: T; recs: RecView[]; today: string; link: boolean; answerLinks?: boolean }) {
  if (!recs.length) return <p class="muted">{t('oversight.rec.none')}</p>;
  return (
    <ul class="list">
      {recs.map((r) => {
        const s = recState(t, r, today);
        return (
          <li key={r.id} id={`rec-${r.id}`}>
            <p>
              <span class={s.cls}>{s.label}</span> {t('oversight.rec.to', { addressee: r.addressee })}
              {link && r.subject && (
                <>
                  {' '}
                  (<a href={`/oversight/activities/${r.activityId}`}>{r.subject}</a>)
                </>
              )}
            </p>
            <p>{r.content}</p>
            <p class="muted">{t('oversight.rec.clock', { sent: formatDate(r.sentOn), due: formatDate(r.dueOn) })}</p>
            {answerLinks && r.status === 'open' && (
              <p>
                <a class="btn" href={`/oversight/recommendations/${r.id}/answer`}>
                  {t('oversight.answer.link')}
                </a>
              </p>
            )}
            {r.status === 'answered' && (
              <div class="card">
                <p>
                  <strong>{t('oversight.rec.answerOf', { date: formatDate(r.answeredOn) })}</strong>{' '}
                  {t(`oversight.answer.${r.answerKind}` as 'oversight.answer.accepted')}
                </p>
                {r.answerText && <p>{r.answerText}</p>}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export const recView = (r: {
  id: number;
  activity_id: number;
  subject?: string;
  addressee: string;
  content: string;
  sent_on: string;
  due_on: string;
  status: string;
  answer_kind: string | null;
  answer_text: string | null;
  answered_on: string | null;
  late: number;
}): RecView => ({
  id: r.id,
  activityId: r.activity_id,
  subject: r.subject,
  addressee: r.addressee,
  content: r.content,
  sentOn: r.sent_on,
  dueOn: r.due_on,
  status: r.status,
  answerKind: r.answer_kind,
  answerText: r.answer_text,
  answeredOn: r.answered_on,
  late: r.late === 1,
});
