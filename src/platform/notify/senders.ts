// The outbox's senders for this installation (issue 5 item 8). A channel with its settings gets its
// real sender. A channel without them: in development and tests its messages go to the development
// outbox page (marked sent, as the dev channel) so the demo works without gateways; in production
// they fail with a message naming the variable to set, are retried, and end as 'failed' — visible in
// the outbox rather than silently dropped.
import type { Config } from '../../config.js';
import { emailSender } from './channels/email.js';
import { smsSender } from './channels/sms.js';
import { zaloSender } from './channels/zalo.js';
import { type Deliver, defaultSenders } from './outbox.js';

export type ChannelConfig = Pick<Config, 'sms' | 'zalo' | 'smtp' | 'dataKey' | 'devOutbox'>;

export function buildSenders(config: ChannelConfig): Record<string, Deliver> {
  const fallback = (name: string, variable: string): Deliver =>
    config.devOutbox
      ? defaultSenders.dev!
      : async () => {
          throw new Error(`Kênh ${name} chưa được cấu hình: hãy đặt ${variable} (${name} channel is not configured: set ${variable}).`);
        };
  return {
    ...defaultSenders,
    sms: config.sms ? smsSender(config.sms, config.dataKey) : fallback('SMS', 'SMS_GATEWAY_URL'),
    zalo: config.zalo ? zaloSender(config.zalo, config.dataKey) : fallback('Zalo', 'ZALO_API_URL'),
    email: config.smtp ? emailSender(config.smtp, config.dataKey) : fallback('e-mail', 'SMTP_URL'),
  };
}
