// Zalo Notification Service (ZNS) template messages (issue 5 item 8). The Official Account registers
// one template with Zalo; its parameters are filled from the message's template parameters (for the
// 'notice' template: title, body, link, code). The request, as the ZNS API documents it:
//   POST <ZALO_API_URL>  access_token: <ZALO_ACCESS_TOKEN>
//   {"phone": "84912345678", "template_id": "<ZALO_TEMPLATE_ID>", "template_data": {...}, "tracking_id": "…"}
// The answer {"error": 0, …} means sent; any other error code is a failure with its message.
import type { Config } from '../../../config.js';
import type { Deliver } from '../outbox.js';
import { excerpt, postJson, withRecipient } from './common.js';

/** ZNS wants the international form without "+": 0912345678 -> 84912345678. */
export function zaloPhone(phone: string): string {
  const m = /^(?:\+?84|0)(\d{9})$/.exec(phone.replace(/[\s.()-]/g, ''));
  if (!m) throw new Error('số điện thoại không hợp lệ (not a Vietnamese mobile number)');
  return `84${m[1]}`;
}

export function zaloSender(zalo: NonNullable<Config['zalo']>, dataKey: Buffer): Deliver {
  return withRecipient(dataKey, 'Zalo', async (to, m) => {
    const templateData: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.params ?? { title: m.title, body: m.body, link: m.link ?? '' })) templateData[k] = String(v);
    const res = await postJson(
      zalo.url,
      { access_token: zalo.accessToken },
      {
        phone: zaloPhone(to),
        template_id: zalo.templateId,
        template_data: templateData,
        // The outbox id lets an operator match Zalo's delivery report to the message.
        tracking_id: m.id === undefined ? `danchu-${Date.now()}` : `danchu-outbox-${m.id}`,
      },
    );
    const reply = parseReply(res.text);
    if (!res.ok || !reply) throw new Error(`API answered ${res.status}: ${excerpt(res.text)}`);
    if (reply.error !== 0) throw new Error(`error ${String(reply.error)}: ${excerpt(String(reply.message ?? ''))}`);
  });
}

/** ZNS answers JSON; anything else (a proxy's error page) is reported with the HTTP status. */
function parseReply(text: string): { error?: unknown; message?: unknown } | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as { error?: unknown; message?: unknown }) : null;
  } catch {
    return null;
  }
}
