// Message templates: short Vietnamese texts that fit one SMS (no more than 160 characters unaccented
// would be ideal; Vietnamese with marks goes out as UCS-2, so keep them under 70 characters).
export const TEMPLATES = {
  otp: (p: Record<string, string | number>) => ({
    title: 'Mã đăng nhập',
    body: `Ma dang nhap Dan chu co so: ${p.code}. Hieu luc 10 phut. Khong chia se ma nay.`,
  }),
  notice: (p: Record<string, string | number>) => ({ title: String(p.title ?? ''), body: String(p.body ?? ''), link: p.link ? String(p.link) : undefined }),
} as const;
export type TemplateName = keyof typeof TEMPLATES;

export function renderTemplate(name: TemplateName, params: Record<string, string | number>): { title: string; body: string; link?: string } {
  const tpl = TEMPLATES[name];
  if (!tpl) throw new Error(`unknown template ${name}`);
  return tpl(params);
}
