// The feedback module's shared vocabulary: kinds, categories, channels, statuses, and the default
// routing of a category (issue 5 items 1–3). Labels live in i18n/core.ts under these keys.
import type { Selectable } from 'kysely';
import type { FeedbackItemTable, FeedbackKind, NotifyChannel } from '../../db/types.js';

export type FeedbackItem = Selectable<FeedbackItemTable>;

export const KINDS: readonly FeedbackKind[] = ['petition', 'report', 'complaint', 'denunciation', 'question'];

export const CATEGORIES = [
  'infrastructure', // roads, bridges, electricity, water
  'environment',
  'land',
  'social_policy',
  'administrative_procedure',
  'officials', // conduct of officials and public employees
  'security_order',
  'health_education',
  'village_affairs', // matters the village settles itself (covenant, village meeting, village works)
  'grassroots_democracy', // Law 10/2022 not carried out (Art 35(2)(b))
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** How an item arrived (issue 5 item 1). The first four are the citizen's own; the rest are entered
 * by an official on the citizen's behalf and recorded as such. */
export const SELF_CHANNELS = ['web', 'resident', 'qr', 'email', 'api'] as const;
export const OFFICIAL_CHANNELS = ['walk_in', 'hotline', 'letter', 'suggestion_box', 'reception_day', 'social_network'] as const;
export type Channel = (typeof SELF_CHANNELS)[number] | (typeof OFFICIAL_CHANNELS)[number];

export const NOTIFY_CHANNELS: readonly NotifyChannel[] = ['none', 'sms', 'zalo', 'email', 'in_app'];

/** The author's identity, sealed in feedback_identities (R-H4). Every field optional except where
 * the kind needs it: a complaint and a denunciation need a name and an address (Complaints Law
 * Art 8(2); Denunciation Law Art 23(1)). */
export type Identity = {
  name?: string;
  address?: string;
  phone?: string;
  email?: string;
  idNumber?: string;
  /** A signed-in resident's account, kept here (sealed) instead of feedback_items.user_id when the
   * item is a denunciation: the account names the denouncer (R-H4; Denunciation Law Art 8(3)). */
  userId?: number;
};

/** Where a category goes when the commune has not set a rule: to the commune People's Committee,
 * except the village's own affairs, which go to the village head when the village is known. */
export const DEFAULT_HANDLER: Record<Category, 'commune' | 'village'> = Object.fromEntries(
  CATEGORIES.map((c) => [c, c === 'village_affairs' ? 'village' : 'commune']),
) as Record<Category, 'commune' | 'village'>;

/** Items whose handling is open (a clock runs on them). */
export const OPEN_STATUSES = ['received', 'accepted'] as const;

export const isKind = (s: string): s is FeedbackKind => (KINDS as readonly string[]).includes(s);
export const isCategory = (s: string): s is Category => (CATEGORIES as readonly string[]).includes(s);

/** A feedback form as typed (strings), so that a refused form comes back with what was typed.
 * One shape for the web form, a resident's form, a QR form, an official's record, e-mail, the API
 * and an item received at a reception day. */
export type FeedbackInput = {
  communeId: number;
  kind: string;
  category: string;
  title: string;
  content: string;
  placeText: string;
  villageId: string;
  qrToken: string;
  name: string;
  address: string;
  phone: string;
  email: string;
  idNumber: string;
  notifyChannel: string;
  /** An official's record: how it arrived (OFFICIAL_CHANNELS) and on what date (dd/mm/yyyy). */
  channel: string;
  receivedOn: string;
  /** A complaint: when the complainant learnt of the decision or act (R-H1), and excluded days with their reason. */
  knownOn: string;
  excludedDays: string;
  excludedReason: string;
  /** A denunciation: whom it is about (free text; officials may link the unit later). */
  subjectText: string;
  /** A honeypot field hidden from people; a bot fills it. */
  website: string;
};
