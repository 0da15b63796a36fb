// Reading and checking a feedback form (issue 5 items 1–2): what each kind needs by law, the
// identity kept apart from the item (R-H4), the complaint's 90-day limit (R-H1) and the rule that
// an anonymous item is never a denunciation (R-H5). Pure: the lookups it needs are passed in.
import type { FeedbackKind, NotifyChannel } from '../../db/types.js';
import { RULE_SETS } from '../../law/rule-sets.js';
import { normalizePhone } from '../../platform/auth/phone.js';
import type { FieldErrors } from '../../platform/errors.js';
import { field } from '../../platform/http/forms.js';
import { formatDate, parseDate, type T } from '../../platform/i18n/index.js';
import { type Category, type Channel, type FeedbackInput, type Identity, isCategory, isKind, NOTIFY_CHANNELS, OFFICIAL_CHANNELS } from './model.js';

export type SubmitMode = 'public' | 'resident' | 'record' | 'email' | 'api' | 'reception';

export const MAX_TITLE = 200;
export const MAX_CONTENT = 10_000;
const MAX_SHORT = 300;
/** Clocks come from the rule sets, the oldest of which starts with Law 10/2022 (01/07/2023). */
const EARLIEST = RULE_SETS[RULE_SETS.length - 1]!.validFrom;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

const KEYS: (keyof Omit<FeedbackInput, 'communeId'>)[] = [
  'kind',
  'category',
  'title',
  'content',
  'placeText',
  'villageId',
  'qrToken',
  'name',
  'address',
  'phone',
  'email',
  'idNumber',
  'notifyChannel',
  'channel',
  'receivedOn',
  'knownOn',
  'excludedDays',
  'excludedReason',
  'subjectText',
  'website',
];

export const emptyFeedbackInput = (communeId: number, over: Partial<FeedbackInput> = {}): FeedbackInput => ({
  communeId,
  ...(Object.fromEntries(KEYS.map((k) => [k, ''])) as Omit<FeedbackInput, 'communeId'>),
  ...over,
});

/** A form body (url-encoded or multipart) as typed; unknown fields are ignored. */
export function readFeedbackInput(body: unknown, communeId = 0): FeedbackInput {
  return emptyFeedbackInput(communeId, Object.fromEntries(KEYS.map((k) => [k, field(body, k)])) as Partial<FeedbackInput>);
}

/** What the form refers to, looked up by the command before validating. */
export type Lookups = {
  today: string;
  villageIds: ReadonlySet<number>;
  qr: { id: number; kind: string; name: string } | null;
  /** A signed-in resident (mode 'resident') may be told in the app. */
  userId: number | null;
};

export type ValidFeedback = {
  kind: FeedbackKind;
  category: Category;
  channel: Channel;
  title: string;
  content: string;
  placeText: string | null;
  villageId: number | null;
  qrPointId: number | null;
  identity: Identity;
  anonymous: boolean;
  notifyChannel: NotifyChannel;
  receivedOn: string;
  knownOn: string | null;
  excludedDays: number;
  excludedReason: string | null;
  subjectText: string | null;
};

const clean = (s: string) => s.trim().replace(/\s+/g, ' ');

/** Checks a form for its kind; returns every problem at once, each next to its field. */
export function validateFeedback(
  t: T,
  input: FeedbackInput,
  mode: SubmitMode,
  l: Lookups,
): { ok: true; value: ValidFeedback } | { ok: false; errors: FieldErrors } {
  const e: FieldErrors = {};
  // A person never sees the hidden field; the routes answer a filled one before calling the command.
  if (input.website.trim()) e.website = t('feedback.intake.err.honeypot');
  const kind = isKind(input.kind) ? input.kind : null;
  if (!kind) e.kind = t('feedback.intake.err.kind');
  if (!isCategory(input.category)) e.category = t('feedback.intake.err.category');
  const title = clean(input.title);
  if (!title) e.title = t('feedback.intake.err.title');
  else if (title.length > MAX_TITLE) e.title = t('feedback.intake.err.tooLong', { max: MAX_TITLE });
  const content = input.content.trim().replace(/\r\n?/g, '\n');
  if (!content) e.content = t('feedback.intake.err.content');
  else if (content.length > MAX_CONTENT) e.content = t('feedback.intake.err.tooLong', { max: MAX_CONTENT });
  const placeText = clean(input.placeText) || l.qr?.name || '';
  if (placeText.length > MAX_SHORT) e.placeText = t('feedback.intake.err.tooLong', { max: MAX_SHORT });
  let villageId: number | null = null;
  if (input.villageId.trim()) {
    villageId = Number(input.villageId);
    if (!l.villageIds.has(villageId)) e.villageId = t('feedback.intake.err.village');
  }

  // The author: optional for petitions, reports and questions; never stored with the item (R-H4).
  const name = clean(input.name);
  const address = clean(input.address);
  const phone = input.phone.trim() ? normalizePhone(input.phone) : null;
  const email = input.email.trim().toLowerCase();
  const idNumber = input.idNumber.replace(/\s/g, '');
  if (name.length > MAX_SHORT) e.name = t('feedback.intake.err.tooLong', { max: MAX_SHORT });
  if (address.length > MAX_SHORT) e.address = t('feedback.intake.err.tooLong', { max: MAX_SHORT });
  if (input.phone.trim() && !phone) e.phone = t('feedback.intake.err.phone');
  if (email && (email.length > 254 || !EMAIL.test(email))) e.email = t('feedback.intake.err.email');
  // The citizen identity card has 12 digits; the old identity card 9.
  if (idNumber && !/^(\d{9}|\d{12})$/.test(idNumber)) e.idNumber = t('feedback.intake.err.idNumber');
  const identity: Identity = Object.fromEntries(Object.entries({ name, address, phone: phone ?? '', email, idNumber }).filter(([, v]) => v !== '')) as Identity;
  // R-H5: without a name and a way to find the author the item has no identifiable author.
  const anonymous = !name || !(address || phone || email || idNumber);

  if (kind === 'denunciation' && (!name || !address)) {
    // R-H5; Denunciation Law Arts 23(1), 25: information without the denouncer's name and address is
    // not handled as a denunciation. The form offers to send it as a report instead.
    e.kind = t('feedback.intake.err.denunciationAnonymous');
    if (!name) e.name = t('feedback.intake.err.nameDenunciation');
    if (!address) e.address = t('feedback.intake.err.addressDenunciation');
  }
  if (kind === 'complaint') {
    // Complaints Law Art 8(2): the complaint states the complainant's name and address.
    if (!name) e.name = t('feedback.intake.err.nameComplaint');
    if (!address) e.address = t('feedback.intake.err.addressComplaint');
  }
  const subjectText = clean(input.subjectText);
  if (kind === 'denunciation' && !subjectText) e.subjectText = t('feedback.intake.err.subject');
  if (subjectText.length > MAX_SHORT) e.subjectText = t('feedback.intake.err.tooLong', { max: MAX_SHORT });

  // How and when it arrived: the citizen's own channels arrive today; an official records the day.
  let channel: Channel = mode === 'resident' ? 'resident' : mode === 'email' ? 'email' : mode === 'api' ? 'api' : l.qr ? 'qr' : 'web';
  let receivedOn = l.today;
  if (mode === 'record' || mode === 'reception') {
    if (mode === 'reception') channel = 'reception_day';
    else if ((OFFICIAL_CHANNELS as readonly string[]).includes(input.channel)) channel = input.channel as Channel;
    else e.channel = t('feedback.intake.err.channel');
    const d = input.receivedOn.trim() ? parseDate(input.receivedOn) : mode === 'reception' ? l.today : null;
    if (!d) e.receivedOn = t('feedback.intake.err.date');
    else if (d > l.today) e.receivedOn = t('feedback.intake.err.future', { date: formatDate(l.today) });
    else if (d < EARLIEST) e.receivedOn = t('feedback.intake.err.tooEarly', { date: formatDate(EARLIEST) });
    else receivedOn = d;
  }

  // R-H1 (Complaints Law Art 9): the day the complainant learnt of the decision or act, and the days
  // lost to illness, disaster, travel and the like, with their reason.
  let knownOn: string | null = null;
  let excludedDays = 0;
  const excludedReason = clean(input.excludedReason);
  if (kind === 'complaint') {
    knownOn = parseDate(input.knownOn);
    if (!input.knownOn.trim()) e.knownOn = t('feedback.intake.err.knownOn');
    else if (!knownOn) e.knownOn = t('feedback.intake.err.date');
    else if (knownOn > receivedOn) e.knownOn = t('feedback.intake.err.knownOnAfter', { date: formatDate(receivedOn) });
    if (input.excludedDays.trim()) {
      excludedDays = Number(input.excludedDays);
      if (!Number.isInteger(excludedDays) || excludedDays < 0 || excludedDays > 3650) e.excludedDays = t('feedback.intake.err.excludedDays');
      else if (excludedDays > 0 && !excludedReason) e.excludedReason = t('feedback.intake.err.excludedReason');
    }
    if (excludedReason.length > MAX_SHORT) e.excludedReason = t('feedback.intake.err.tooLong', { max: MAX_SHORT });
  }

  const notifyChannel = (input.notifyChannel || 'none') as NotifyChannel;
  if (!NOTIFY_CHANNELS.includes(notifyChannel)) e.notifyChannel = t('feedback.intake.err.notifyChannel');
  else if ((notifyChannel === 'sms' || notifyChannel === 'zalo') && !phone) e.phone ??= t('feedback.intake.err.phoneForNotice');
  else if (notifyChannel === 'email' && !email) e.email ??= t('feedback.intake.err.emailForNotice');
  else if (notifyChannel === 'in_app' && !l.userId) e.notifyChannel = t('feedback.intake.err.inAppSignedIn');
  // R-H4 (Denunciation Law Art 8(3)): a notice in the account links the account to the item's code in
  // the notifications table, which names the denouncer; a denunciation is told by SMS, Zalo or e-mail,
  // whose recipient the outbox keeps sealed (review finding 7).
  else if (notifyChannel === 'in_app' && kind === 'denunciation') e.notifyChannel = t('feedback.intake.err.inAppDenunciation');

  if (Object.keys(e).length || !kind) return { ok: false, errors: e };
  return {
    ok: true,
    value: {
      kind,
      category: input.category as Category,
      channel,
      title,
      content,
      placeText: placeText || null,
      villageId,
      qrPointId: l.qr?.id ?? null,
      identity,
      anonymous,
      notifyChannel,
      receivedOn,
      knownOn: kind === 'complaint' ? knownOn : null,
      excludedDays: kind === 'complaint' ? excludedDays : 0,
      excludedReason: kind === 'complaint' && excludedReason ? excludedReason : null,
      subjectText: kind === 'denunciation' && subjectText ? subjectText : null,
    },
  };
}
