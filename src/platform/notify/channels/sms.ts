// SMS through a generic HTTP gateway (issue 5 item 8): most Vietnamese SMS brandname providers, or a
// small relay in front of one, accept a JSON POST with a bearer token. The request:
//   POST <SMS_GATEWAY_URL>  Authorization: Bearer <SMS_GATEWAY_TOKEN>
//   {"to": "0912345678", "text": "<GSM-7 text>", "sender": "<SMS_SENDER>"}
// Any 2xx answer means accepted; anything else is an error and the outbox retries later.
import type { Config } from '../../../config.js';
import type { Deliver } from '../outbox.js';
import { excerpt, postJson, withRecipient } from './common.js';
import { smsText } from './gsm.js';

export function smsSender(sms: NonNullable<Config['sms']>, dataKey: Buffer): Deliver {
  return withRecipient(dataKey, 'SMS', async (to, m) => {
    const res = await postJson(sms.url, { authorization: `Bearer ${sms.token}` }, { to, text: smsText(m), sender: sms.sender });
    if (!res.ok) throw new Error(`gateway answered ${res.status}: ${excerpt(res.text)}`);
  });
}
