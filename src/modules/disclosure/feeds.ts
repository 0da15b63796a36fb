// Atom feeds per commune and per category (issue 3 item 4): residents' apps and the Front follow
// new disclosures without signing in. Only published commune disclosures appear.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { NotFound } from '../../platform/errors.js';
import { communeOf } from './context.js';
import { communeCategory, isCommuneCategory } from './rules/categories.js';

const esc = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function feedRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/units/:id/disclosures.atom', async (req, reply) => {
    const unit = await communeOf(deps, Number((req.params as { id: string }).id));
    const category = Number((req.query as { category?: string }).category) || null;
    if (category !== null && !isCommuneCategory(category)) throw new NotFound();
    let q = deps.db
      .selectFrom('disclosures')
      .select(['id', 'title', 'category', 'published_at', 'updated_at', 'posting_start'])
      .where('unit_id', '=', unit.id)
      .where('scope', '=', 'commune')
      .where('status', '=', 'published');
    if (category) q = q.where('category', '=', category);
    const rows = await q.orderBy('published_at', 'desc').limit(50).execute();
    const base = deps.config.publicUrl;
    const self = `${base}/units/${unit.id}/disclosures.atom${category ? `?category=${category}` : ''}`;
    const title = `Công khai thông tin: ${unit.name}${category ? ` (nhóm ${category}: ${communeCategory(category).vi})` : ''}`;
    const updated = rows[0]?.updated_at ?? new Date(0).toISOString();
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<title>${esc(title)}</title>
<id>${esc(self)}</id>
<link rel="self" href="${esc(self)}"/>
<link rel="alternate" type="text/html" href="${esc(`${base}/units/${unit.id}/disclosures`)}"/>
<updated>${updated}</updated>
<author><name>${esc(`Ủy ban nhân dân ${unit.name}`)}</name></author>
${rows
  .map(
    (r) => `<entry>
<title>${esc(r.title)}</title>
<id>${esc(`${base}/disclosures/${r.id}`)}</id>
<link rel="alternate" type="text/html" href="${esc(`${base}/disclosures/${r.id}`)}"/>
<published>${r.published_at}</published>
<updated>${r.updated_at}</updated>
<category term="${r.category}" label="${esc(communeCategory(r.category).vi)}"/>
</entry>`,
  )
  .join('\n')}
</feed>`;
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
  });
}
