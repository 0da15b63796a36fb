// Pieces the election pages share: office names (thôn or tổ dân phố), the R-B1 checklist table.
import { formatDate, type MessageKey, type T } from '../../../platform/i18n/index.js';
import type { Position } from '../commands/election-common.js';
import type { StepState, Timeline } from '../commands/election-read.js';

/** "Trưởng thôn" in a thôn, "Tổ trưởng tổ dân phố" in a tổ dân phố; board members as such. */
export function officeLabel(t: T, position: Position, level: string): string {
  if (position === 'village_head')
    return t(level === 'residential_group' ? 'decisions.election.position.group_head' : 'decisions.election.position.village_head');
  return t(`decisions.election.position.${position}` as MessageKey);
}

export const groundLabel = (t: T, ground: string): string => t(`decisions.election.ground.${ground}` as MessageKey);
export const voteStatusLabel = (t: T, status: string | null): string => t(`decisions.election.voteStatus.${status ?? 'none'}` as MessageKey);

const TAG: Record<StepState, string> = { ok: 'tag ok', late: 'tag ended', pending: 'tag', recorded: 'tag', unjudged: 'tag' };

/** R-B1 (Decree 59/2023 Art 6): each step's date, the latest date allowed, ok or late. */
export function TimelineTable({ t, tl, id }: { t: T; tl: Timeline; id?: string }) {
  return (
    <>
      <p class="muted">
        {tl.meetingDate
          ? t('decisions.election.timeline.meeting', { date: formatDate(tl.meetingDate) })
          : tl.earliestMeeting
            ? t('decisions.election.timeline.earliest', { date: formatDate(tl.earliestMeeting) })
            : t('decisions.election.timeline.noMeeting')}
        {!tl.judged && <> {t('decisions.election.timeline.notJudged')}</>}
      </p>
      <table id={id}>
        <thead>
          <tr>
            <th scope="col">{t('decisions.election.timeline.step')}</th>
            <th scope="col">{t('decisions.election.timeline.date')}</th>
            <th scope="col">{t('decisions.election.timeline.latest')}</th>
            <th scope="col">{t('decisions.election.timeline.state')}</th>
          </tr>
        </thead>
        <tbody>
          {tl.steps.map((s) => (
            <tr key={s.key} data-step={s.key} data-state={s.state}>
              <td>
                {t(`decisions.election.step.${s.key}` as MessageKey, { days: s.days })}
                <br />
                <span class="muted">{s.article}</span>
              </td>
              <td>{s.date ? formatDate(s.date) : '—'}</td>
              <td>{s.latest ? formatDate(s.latest) : '—'}</td>
              <td>
                <span class={TAG[s.state]}>{t(`decisions.election.state.${s.state}` as MessageKey)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
