import type { VNode } from 'preact';
import type { Lang, MessageKey } from '../../platform/i18n/index.js';
import { formatDate, formatNumber } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import type { ViewCtx } from '../../platform/ui/view.js';
import { COMMUNE_LEVELS } from './levels.js';
import { dayAfter, type UnitView } from './present.js';

export type UnitPageModel = {
  unit: UnitView;
  ancestors: UnitView[];
  children: UnitView[];
  successor: UnitView | null;
  predecessors: UnitView[];
  agencies: { id: number; name: string; kind: string }[];
  households: number;
  canReadAudit: boolean;
  canViewHouseholds: boolean;
  sections: VNode[];
};

const levelKey = (level: string) => `unit.level.${level}` as MessageKey;

function UnitLink({ u, view }: { u: UnitView; view: ViewCtx }) {
  return (
    <>
      <a href={u.href}>{u.name}</a>
      {u.isDemo && (
        <>
          {' '}
          <span class="tag demo-t">{view.t('unit.demo')}</span>
        </>
      )}
      {!u.current && (
        <>
          {' '}
          <span class="tag ended">{view.t('unit.ended')}</span>
        </>
      )}
    </>
  );
}

export function SearchForm({ view, q }: { view: ViewCtx; q?: string }) {
  const { t } = view;
  return (
    <form method="get" action="/search" class="search" role="search">
      <div class="fg grow">
        <label for="f-q">{t('home.searchLabel')}</label>
        <span class="hint" id="f-q-hint">
          {t('home.searchHint')}
        </span>
        <input id="f-q" name="q" type="search" value={q ?? ''} aria-describedby="f-q-hint" />
      </div>
      <button class="btn" type="submit">
        {t('home.searchButton')}
      </button>
    </form>
  );
}

export function HomePage({ view, provinces }: { view: ViewCtx; provinces: { unit: UnitView; communes: UnitView[] }[] }) {
  const { t } = view;
  return (
    <Layout view={view} title={t('nav.home')}>
      <p class="lead">{t('home.intro')}</p>
      <SearchForm view={view} />
      <h1>{t('home.title')}</h1>
      {provinces.map((p) => (
        <section key={p.unit.id} aria-labelledby={`p-${p.unit.id}`}>
          <h2 id={`p-${p.unit.id}`}>
            <a href={p.unit.href}>{p.unit.name}</a>
          </h2>
          <ul class="list cols">
            {p.communes.map((c) => (
              <li key={c.id}>
                <a href={c.href}>{c.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

export function UnitsIndexPage({ view, units }: { view: ViewCtx; units: UnitView[] }) {
  const { t } = view;
  return (
    <Layout view={view} title={t('nav.units')}>
      <h1>{t('nav.units')}</h1>
      <ul class="list">
        {units.map((u) => (
          <li key={u.id}>
            <UnitLink u={u} view={view} />{' '}
            <span class="muted">
              ({t(levelKey(u.level))} · {u.code})
            </span>
          </li>
        ))}
      </ul>
      <h2>{t('unit.lookup')}</h2>
      <form method="get" action="/units/lookup" class="search">
        <div class="fg tight">
          <label for="f-code">{t('unit.code')}</label>
          <input id="f-code" name="code" type="text" inputMode="numeric" class="code" />
        </div>
        <div class="fg tight">
          <label for="f-date">{t('admin.date')}</label>
          <input id="f-date" name="date" type="date" />
        </div>
        <button class="btn" type="submit">
          {t('home.searchButton')}
        </button>
      </form>
    </Layout>
  );
}

export function UnitPage({ view, m }: { view: ViewCtx; m: UnitPageModel }) {
  const { t } = view;
  const u = m.unit;
  const isCommuneLevel = COMMUNE_LEVELS.includes(u.level);
  const childKey: MessageKey = isCommuneLevel ? 'unit.villages' : u.level === 'province' || u.level === 'district' ? 'unit.communes' : 'unit.children';
  return (
    <Layout view={view} title={u.name} crumbs={m.ancestors.map((a) => ({ href: a.href, label: a.name }))}>
      <h1>
        {u.name} {u.isDemo && <span class="tag demo-t">{t('unit.demo')}</span>}
      </h1>
      <dl class="kv">
        <dt>{t('unit.level')}</dt>
        <dd>{t(levelKey(u.level))}</dd>
        <dt>{t('unit.code')}</dt>
        <dd>{u.code}</dd>
        {u.validFrom && (
          <>
            <dt>{t('unit.validFrom')}</dt>
            <dd>{formatDate(u.validFrom)}</dd>
          </>
        )}
        {u.validTo && (
          <>
            <dt>{t('unit.validTo')}</dt>
            <dd>{formatDate(u.validTo)}</dd>
          </>
        )}
        {m.households > 0 && (
          <>
            <dt>{t('unit.households')}</dt>
            <dd>{formatNumber(m.households)}</dd>
          </>
        )}
      </dl>
      {u.current && (u.level === 'province' || u.level === 'district') && (
        // The resolution's dashboard (issue 9) for the council, the Front and leaders; a commune's is in
        // its monitoring section below.
        <p>
          <a href={`/monitoring/units/${u.id}`}>{t('monitoring.section.dashboard', { unit: u.name })}</a>
        </p>
      )}
      {(m.successor || m.predecessors.length > 0 || u.validTo) && (
        <section aria-labelledby="h-history">
          <h2 id="h-history">{t('unit.history')}</h2>
          {m.successor && u.validTo && (
            <p>
              {t('unit.becameFrom', { name: u.name, successor: m.successor.name, date: formatDate(dayAfter(u.validTo)) })} —{' '}
              <a href={m.successor.href}>{m.successor.name}</a>
            </p>
          )}
          {!m.successor && u.validTo && <p>{t('unit.endedOn', { date: formatDate(dayAfter(u.validTo)) })}</p>}
          {m.predecessors.length > 0 && (
            <>
              <p>{t('unit.formedFrom')}:</p>
              <ul>
                {m.predecessors.map((p) => (
                  <li key={p.id}>
                    {p.validTo ? t('unit.becameFrom', { name: p.name, successor: u.name, date: formatDate(dayAfter(p.validTo)) }) : p.name} (
                    <a href={p.href}>
                      {p.name}, {p.code}
                    </a>
                    )
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {isCommuneLevel && u.current && (
        <section aria-labelledby="h-sections">
          <h2 id="h-sections">{t('unit.homeSections')}</h2>
          {m.sections.length > 0 ? m.sections : <p class="muted">{t('unit.noSections')}</p>}
        </section>
      )}
      {m.children.length > 0 && (
        <section aria-labelledby="h-children">
          <h2 id="h-children">{t(childKey)}</h2>
          <ul class="list cols">
            {m.children.map((c) => (
              <li key={c.id}>
                <UnitLink u={c} view={view} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {m.agencies.length > 0 && (
        <section aria-labelledby="h-agencies">
          <h2 id="h-agencies">{t('unit.agencies')}</h2>
          <ul>
            {m.agencies.map((a) => (
              <li key={a.id}>
                {a.name} <span class="muted">({t(`agency.kind.${a.kind}` as MessageKey)})</span> ·{' '}
                <a href={`/agencies/${a.id}/disclosures`}>{t('agency.internal')}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(u.level === 'village' || u.level === 'residential_group') && u.current && (
        <p>
          <a href={`/units/${u.id}/decisions`}>{t('decisions.pages.title')}</a>
        </p>
      )}
      {m.canViewHouseholds && (
        <p>
          <a href={`/units/${u.id}/households`}>{t('households.title')}</a>
        </p>
      )}
      {m.canReadAudit && (
        <p>
          <a href={`/audit/unit/${u.id}`}>{t('audit.title')}</a>
        </p>
      )}
    </Layout>
  );
}

export function SearchPage({ view, q, results }: { view: ViewCtx; q: string; results: UnitView[] }) {
  const { t } = view;
  return (
    <Layout view={view} title={t('home.results')}>
      <SearchForm view={view} q={q} />
      <h1>{t('home.results')}</h1>
      {results.length === 0 ? (
        <p>{t('home.noResults', { q })}</p>
      ) : (
        <ul class="list">
          {results.map((u) => (
            <li key={u.id}>
              <UnitLink u={u} view={view} /> <span class="muted">({t(levelKey(u.level))})</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export type { Lang };
