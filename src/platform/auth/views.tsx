import type { FieldErrors } from '../errors.js';
import { ErrorSummary, PostForm, TextField } from '../ui/form.js';
import { Layout } from '../ui/layout.js';
import type { ViewCtx } from '../ui/view.js';

export type SignInValues = { username?: string; phone?: string; next?: string };

export function SignInPage(p: { view: ViewCtx; values?: SignInValues; errors?: FieldErrors; phoneErrors?: FieldErrors; notice?: string }) {
  const { t } = p.view;
  const v = p.values ?? {};
  return (
    <Layout view={p.view} title={t('auth.signInTitle')}>
      <h1>{t('auth.signInTitle')}</h1>
      {p.notice && (
        <p class="flash" role="status">
          {p.notice}
        </p>
      )}
      <ErrorSummary view={p.view} errors={{ ...p.errors, ...p.phoneErrors }} />
      <div class="card">
        <h2>{t('auth.residentTab')}</h2>
        <PostForm view={p.view} action="/sign-in/phone">
          <input type="hidden" name="next" value={v.next ?? '/'} />
          <TextField
            name="phone"
            type="tel"
            inputMode="tel"
            autocomplete="tel"
            label={t('auth.phone')}
            hint={t('auth.phoneHint')}
            value={v.phone}
            error={p.phoneErrors?.phone}
          />
          <button class="btn" type="submit">
            {t('auth.sendCode')}
          </button>
        </PostForm>
      </div>
      <div class="card">
        <h2>{t('auth.officialTab')}</h2>
        <PostForm view={p.view} action="/sign-in">
          <input type="hidden" name="next" value={v.next ?? '/'} />
          <TextField name="username" label={t('auth.username')} autocomplete="username" value={v.username} error={p.errors?.username} />
          <TextField name="password" type="password" label={t('auth.password')} autocomplete="current-password" error={p.errors?.password} />
          <button class="btn" type="submit">
            {t('auth.signInButton')}
          </button>
        </PostForm>
      </div>
    </Layout>
  );
}

export function PhoneCodePage(p: { view: ViewCtx; phone: string; next: string; errors?: FieldErrors; sent?: boolean }) {
  const { t } = p.view;
  return (
    <Layout view={p.view} title={t('auth.code')}>
      <h1>{t('auth.code')}</h1>
      {p.sent && (
        <p class="flash" role="status">
          {t('auth.codeSent', { phone: p.phone })}
        </p>
      )}
      <ErrorSummary view={p.view} errors={p.errors} />
      <PostForm view={p.view} action="/sign-in/code">
        <input type="hidden" name="phone" value={p.phone} />
        <input type="hidden" name="next" value={p.next} />
        <TextField
          name="code"
          inputMode="numeric"
          autocomplete="one-time-code"
          class="code"
          label={t('auth.code')}
          hint={t('auth.codeHint')}
          error={p.errors?.code}
        />
        <button class="btn" type="submit">
          {t('auth.verify')}
        </button>
      </PostForm>
      {p.view.devOutbox && (
        <p>
          <a href="/dev/outbox">{t('auth.devOutboxLink')}</a>
        </p>
      )}
    </Layout>
  );
}

export function TotpPage(p: { view: ViewCtx; next: string; errors?: FieldErrors; demoCode?: string; enrol?: { secret: string; qrSvg: string } }) {
  const { t } = p.view;
  return (
    <Layout view={p.view} title={p.enrol ? t('auth.totpEnrolTitle') : t('auth.totpTitle')}>
      <h1>{p.enrol ? t('auth.totpEnrolTitle') : t('auth.totpTitle')}</h1>
      <ErrorSummary view={p.view} errors={p.errors} />
      {p.enrol && (
        <>
          <p>{t('auth.totpEnrolHint')}</p>
          <div class="qr" role="img" aria-label="QR" dangerouslySetInnerHTML={{ __html: p.enrol.qrSvg }} />
          <p>
            {t('auth.totpSecret')}: <code>{p.enrol.secret}</code>
          </p>
        </>
      )}
      {!p.enrol && <p>{t('auth.totpHint')}</p>}
      {p.demoCode && <p class="muted">{t('auth.totpDemo', { code: p.demoCode })}</p>}
      <PostForm view={p.view} action="/sign-in/totp">
        <input type="hidden" name="next" value={p.next} />
        {p.enrol && <input type="hidden" name="secret" value={p.enrol.secret} />}
        <TextField name="code" inputMode="numeric" autocomplete="one-time-code" class="code" label={t('auth.code')} error={p.errors?.code} />
        <button class="btn" type="submit">
          {t('auth.verify')}
        </button>
      </PostForm>
    </Layout>
  );
}
