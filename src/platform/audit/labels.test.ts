// Every action written to the audit log anywhere in src has a Vietnamese name on the audit pages.
// The actions are found in the source itself: the `action:` of every entry (a literal, either side
// of a condition, or a template whose values are listed below) and the feedback module's handling
// steps (`audit: { action: 'accepted' }`, written 'feedback.accepted' by runChange) and its
// `audited(…, 'feedback.…')` helper. A new action without a name, or a new template, fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.js';
import { actionKey, actionLabel, actorLabel, dataPairs } from './labels.js';

/** Each template action of the source and the values it takes (read in the file that writes it). */
const TEMPLATES: Record<string, string[]> = {
  // monitoring/commands.ts: RECORD_KINDS (monitoring/tables.ts)
  'monitoring.${kind}_recorded': ['training', 'outreach', 'commendation', 'discipline', 'funding'].map((k) => `monitoring.${k}_recorded`),
  // covenants/commands/commune.ts actOnReport
  'covenants.report_${decision}': ['answer', 'suspend', 'corrected'].map((d) => `covenants.report_${d}`),
  // consultation/commands/comment.ts moderation
  'consultation.comment_${input.action}': ['hide', 'redact', 'show'].map((a) => `consultation.comment_${a}`),
  // decisions/commands/minutes.ts confirmMinutes
  'decisions.minutes_confirmed_${as}': ['village_head', 'front_head'].map((a) => `decisions.minutes_confirmed_${a}`),
  // disclosure/commands/close.ts
  'disclosure.${status}': ['disclosure.ended', 'disclosure.withdrawn'],
  // disclosure/manage-routes.tsx follow and unfollow
  'disclosure.${op}': ['disclosure.follow', 'disclosure.unfollow'],
  // feedback/commands/handle.ts runChange: the steps are found as `audit: { action: '…' }`
  'feedback.${c.audit.action}': [],
};

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)) out.push(p);
  }
  return out;
}

const DOTTED = /^[a-z_]+(\.[a-z_]+)+$/;
function auditedActions(): { actions: Set<string>; templates: Set<string> } {
  const actions = new Set<string>();
  const templates = new Set<string>();
  for (const file of sourceFiles('src')) {
    const s = readFileSync(file, 'utf8');
    for (const m of s.matchAll(/(audit:\s*\{\s*)?\baction:\s*((?:'[^'\n]*'|`[^`\n]*`|[^,}\n'`])+)/g)) {
      for (const l of m[2]!.matchAll(/'([^']*)'/g)) {
        if (DOTTED.test(l[1]!)) actions.add(l[1]!);
        else if (m[1] && /^[a-z_]+$/.test(l[1]!)) actions.add(`feedback.${l[1]}`);
      }
      // A template starting with '/' is a form's action (a URL), not an audit entry's.
      for (const l of m[2]!.matchAll(/`([^`]*)`/g)) if (!l[1]!.startsWith('/')) templates.add(l[1]!);
    }
    for (const m of s.matchAll(/audited\([^'`)]*'([^']+)'/g)) actions.add(m[1]!);
  }
  return { actions, templates };
}

describe('audit pages: every action has a Vietnamese name', () => {
  const { actions, templates } = auditedActions();

  it('finds the actions in the source (the scan itself works)', () => {
    expect(actions.size).toBeGreaterThan(100);
    for (const a of ['disclosure.published', 'oversight.member.added', 'feedback.recorded', 'feedback.subject_linked', 'feedback.signature_viewed'])
      expect(actions, a).toContain(a);
  });

  it('every template action is listed here with its values', () => {
    expect([...templates].sort()).toEqual(Object.keys(TEMPLATES).sort());
  });

  it('every action written anywhere in src has a label (audit.action.* or feedback.handling.event.*)', () => {
    const all = [...actions, ...Object.values(TEMPLATES).flat()];
    expect(all.filter((a) => actionKey(a) === null)).toEqual([]);
    const t = translator('vi');
    expect(actionLabel(t, 'disclosure.published')).toBe('Công khai thông tin');
    expect(actionLabel(t, 'feedback.recorded')).toBe('Cán bộ ghi nhận');
    expect(actionLabel(t, 'oversight.member.added')).toBe('Thêm thành viên ban');
  });
});

describe('audit pages: data and actor read as words', () => {
  const t = translator('vi');
  it('data as "key: value" with named keys, dd/mm/yyyy dates, có/không', () => {
    const pairs = dataPairs(t, '{"code":"PA-X","due":"2026-03-16","late":false,"list":[1,2],"odd":null,"to":{"kind":"report"}}');
    expect(pairs.map((p) => `${p.key}: ${p.value}`)).toEqual(['Mã: PA-X', 'Hạn: 16/03/2026', 'Muộn: không', 'list: 1, 2', 'odd: —', 'Đến: (Loại: report)']);
    expect(dataPairs(t, '{}')).toEqual([]);
    // A module's own names for its values: the feedback module names kinds and channels.
    const named = dataPairs(t, '{"channel":"walk_in","kind":"denunciation","to":{"kind":"petition"}}', 'feedback.reclassified');
    expect(named.map((p) => `${p.key}: ${p.value}`)).toEqual([
      `Kênh: ${t('feedback.channel.walk_in')}`,
      'Loại: Tố cáo',
      `Đến: (Loại: ${t('feedback.kind.petition')})`,
    ]);
    expect(dataPairs(t, 'not json')).toEqual([{ key: 'Dữ liệu', value: 'not json' }]);
  });
  it('the platform’s own entries are by "Hệ thống"', () => {
    expect(actorLabel(t, 'system')).toBe('Hệ thống');
    expect(actorLabel(t, 'Người gửi')).toBe('Người gửi');
  });
});
