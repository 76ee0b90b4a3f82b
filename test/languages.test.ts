// Languages on demand: a page downloads the words of the languages its widgets show and no others,
// and a French, Spanish or Arabic widget never shows English words while its words load.
// (This file runs in a page of its own, so no other test has loaded a language before it.)
import { expect, fixture } from '@open-wc/testing';
import '../src/index.js';
import type { IomElement } from '../src/base/iom-element.js';
import { hasWords } from '../src/i18n/words.js';

const ENGLISH = ['Source:', 'Show all', 'emergencies', 'Loading', 'Search', 'Objective', 'Donors'];
const FRENCH = { title: 'Exemple', emergencies: [{ name: 'Urgence A', source: 'Exemple de source' }, { name: 'Urgence B', source: 'Exemple de source' }, { name: 'Urgence C', source: 'Exemple de source' }] };

/** Every text the widget's shadow root shows, from its first render to the end of its load. */
async function everyText(el: IomElement<unknown>, host: HTMLElement): Promise<string[]> {
  const seen: string[] = [];
  const read = () => {
    const root = el.shadowRoot;
    if (root) seen.push(root.textContent ?? '', ...[...root.querySelectorAll('[aria-label]')].map((n) => n.getAttribute('aria-label') ?? ''));
  };
  const observer = new MutationObserver(read);
  host.append(el);
  read();
  if (el.shadowRoot) observer.observe(el.shadowRoot, { childList: true, subtree: true, characterData: true, attributes: true });
  await el.loadComplete;
  read();
  observer.disconnect();
  return seen;
}

const languageFiles = () =>
  performance
    .getEntriesByType('resource')
    .map((r) => /\/i18n\/words\/(fr|es|ar)\.\w+/.exec(r.name)?.[1])
    .filter(Boolean);

describe('languages on demand', () => {
  it('loads French only when a French widget is shown, and shows no English word meanwhile', async () => {
    expect(hasWords('fr'), 'nothing has asked for French yet').to.equal(false);
    expect(languageFiles()).to.deep.equal([]);
    const host = await fixture<HTMLDivElement>('<div lang="fr"></div>');
    const el = document.createElement('emergency-list') as IomElement<unknown>;
    el.setAttribute('searchable', '');
    el.setAttribute('limit', '2');
    el.data = FRENCH;
    const seen = await everyText(el, host);
    const final = el.shadowRoot!.textContent!;
    expect(final).to.contain('Afficher les 3');
    expect(final).to.contain('Source : Exemple de source');
    for (const text of seen) for (const word of ENGLISH) expect(text, `no "${word}" while loading`).not.to.contain(word);
    expect(languageFiles()).to.deep.equal(['fr']);
    expect(hasWords('es') || hasWords('ar'), 'no other language').to.equal(false);
  });

  it('fires iom-load once the widget shows its data in its language', async () => {
    const host = await fixture<HTMLDivElement>('<div></div>');
    const el = document.createElement('stat-counter') as IomElement<unknown>;
    el.setAttribute('locale', 'es');
    el.setAttribute('start', 'none');
    el.data = { value: 5, label: 'ejemplos', source: 'Ejemplo' };
    const loaded = new Promise<string>((resolve) => el.addEventListener('iom-load', () => resolve(el.shadowRoot!.textContent!), { once: true }));
    host.append(el);
    expect(await loaded).to.contain('Fuente: Ejemplo');
    expect(languageFiles(), 'the Spanish words, once').to.deep.equal(languageFiles().filter((l) => l !== 'es').concat('es'));
    expect(languageFiles()).not.to.include('ar');
  });

  // Arabic: no other test of this page loads it.
  it('keeps showing the widget in its language while the words of a new one load, then shows it in the new one', async () => {
    expect(hasWords('ar'), 'nothing has asked for Arabic yet').to.equal(false);
    const el = await fixture<IomElement<unknown>>('<stat-counter value="1234" label="examples" source="Example" start="none" locale="en"></stat-counter>');
    expect(el.shadowRoot!.textContent).to.contain('Source: Example');
    const statuses: string[] = [];
    const watch = new MutationObserver(() => statuses.push(el.status));
    watch.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    el.setAttribute('locale', 'ar');
    await el.updateComplete;
    watch.disconnect();
    expect(statuses, 'never a loading state').not.to.include('loading');
    expect(el.shadowRoot!.querySelector('[part~="skeleton"]')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.contain('المصدر: Example');
  });

  it('needs no file for English', async () => {
    const before = languageFiles().length;
    const el = await fixture<IomElement<unknown>>('<stat-counter value="5" label="examples" source="Example" start="none" locale="en"></stat-counter>');
    expect(el.shadowRoot!.textContent).to.contain('Source: Example');
    expect(languageFiles()).to.have.length(before);
  });
});
