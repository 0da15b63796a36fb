import type { ComponentChildren } from 'preact';
import { CSS_PATH } from './css.js';
import type { ViewCtx } from './view.js';

export function Layout(props: { view: ViewCtx; title: string; children: ComponentChildren; crumbs?: { href: string; label: string }[] }) {
  const { view, title } = props;
  const { t, lang, actor } = view;
  const otherLang = lang === 'vi' ? 'en' : 'vi';
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t('app.name')}`}</title>
        <link rel="stylesheet" href={CSS_PATH} />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('app.skip')}
        </a>
        <header class="hdr">
          <div class="w">
            <a class="brand" href="/">
              {t('app.name')}
            </a>
            <nav aria-label={t('nav.main')}>
              <a href="/units">{t('nav.units')}</a>
              {view.menu?.map((m) => (
                <a key={m.href} href={m.href}>
                  {m.label}
                </a>
              ))}
              {actor?.grants.some((g) => g.role === 'admin') && <a href="/admin">{t('nav.admin')}</a>}
              {actor && <a href="/notifications">{t('nav.notifications')}</a>}
              {view.devOutbox && <a href="/dev/outbox">{t('nav.outbox')}</a>}
              <a href={`/lang/${otherLang}?next=${encodeURIComponent(view.path)}`} lang={otherLang} hrefLang={otherLang}>
                {otherLang === 'en' ? 'English' : 'Tiếng Việt'}
              </a>
              {actor ? (
                <form method="post" action="/sign-out" class="inline">
                  <input type="hidden" name="_csrf" value={view.csrf()} />
                  <button class="linkbtn" type="submit">
                    {t('nav.signOut')} ({actor.label})
                  </button>
                </form>
              ) : (
                <a href={`/sign-in?next=${encodeURIComponent(view.path)}`}>{t('nav.signIn')}</a>
              )}
            </nav>
          </div>
          {view.demo && (
            <div class="demo" role="note">
              <div class="w">{t('app.demoBanner')}</div>
            </div>
          )}
        </header>
        <main id="main" class="w">
          {props.crumbs && props.crumbs.length > 0 && (
            <nav class="crumbs" aria-label={view.t('nav.breadcrumb')}>
              {props.crumbs.map((c, i) => (
                <span key={c.href}>
                  {i > 0 && ' › '}
                  <a href={c.href}>{c.label}</a>
                </span>
              ))}
            </nav>
          )}
          {view.flash && (
            <div class="flash" role="status">
              {view.flash}
            </div>
          )}
          {props.children}
        </main>
        <footer>
          <div class="w">
            {t('footer.law')} · <a href="/api/docs">{t('nav.api')}</a>
          </div>
        </footer>
      </body>
    </html>
  );
}
