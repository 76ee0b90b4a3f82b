// Regional sites' own words: a label, name, title or summary may be an object of language tags to
// text. Every widget shows its locale's text, else its language's, else English, else the first
// given. All the words here are fictitious examples, not IOM's.
import { expect, fixture } from '@open-wc/testing';
import '../src/index.js';
import type { IomElement } from '../src/base/iom-element.js';
import { pickText } from '../src/data/localize.js';

const words = (en: string, fr: string) => ({ en: `${en} (example)`, fr: `${fr} (exemple)` });
const source = { title: words('Example report', 'Rapport d’exemple') };

const WIDGETS: [tag: string, data: unknown, part: string][] = [
  ['stat-counter', { value: 5, label: words('people assisted', 'personnes assistées'), source }, 'label'],
  ['emergency-list', { emergencies: [{ name: words('Example emergency', 'Urgence d’exemple'), summary: words('A summary', 'Un résumé') }], source }, 'name'],
  ['donor-ranking', { currency: 'USD', donors: [{ name: words('Example donor', 'Donateur d’exemple'), amount: 10 }], source }, 'name'],
  ['objective-card', { number: 1, title: words('Example objective', 'Objectif d’exemple'), summary: words('A summary', 'Un résumé'), source }, 'title'],
];

async function show(tag: string, data: unknown, locale: string): Promise<IomElement<unknown>> {
  const el = document.createElement(tag) as IomElement<unknown>;
  el.setAttribute('locale', locale);
  el.setAttribute('start', 'none');
  el.data = data;
  (await fixture<HTMLDivElement>('<div></div>')).append(el);
  await el.loadComplete;
  return el;
}

const partText = (el: IomElement<unknown>, part: string) => el.shadowRoot!.querySelector(`[part~="${part}"]`)!.textContent!.replace(/\s+/g, ' ').trim();

describe('text in several languages in the data', () => {
  it('picks the locale, then its language, then English, then the first given', () => {
    const map = { en: 'people', fr: 'personnes', 'fr-CH': 'personnes (CH)', ar: 'أشخاص' };
    expect(pickText(map, 'fr-CH')).to.equal('personnes (CH)');
    expect(pickText(map, 'fr-BE')).to.equal('personnes');
    expect(pickText(map, 'es')).to.equal('people');
    expect(pickText({ fr: 'personnes', ar: 'أشخاص' }, 'es')).to.equal('personnes');
    expect(pickText({ und: 'plain', fr: 'français' }, 'en')).to.equal('plain');
  });

  for (const [tag, data, part] of WIDGETS) {
    it(`<${tag}> shows its locale's words, with fallback`, async () => {
      const fr = await show(tag, data, 'fr-CH');
      expect(el(fr)).to.contain('(exemple)');
      expect(partText(fr, part)).to.contain('(exemple)');
      expect(partText(fr, 'source')).to.equal('Source : Rapport d’exemple (exemple)');
      const es = await show(tag, data, 'es');
      expect(partText(es, part), 'Spanish falls back to English').to.contain('(example)');
      expect(partText(es, 'source')).to.equal('Fuente: Example report (example)');
      // The same element follows a change of language, without loading its data again.
      es.setAttribute('locale', 'fr');
      await es.updateComplete;
      expect(partText(es, part)).to.contain('(exemple)');
    });
  }

  it('names the field when a language tag is wrong', async () => {
    const el = await show('stat-counter', { value: 5, label: { english: 'people' } }, 'en');
    expect(el.status).to.equal('error');
    expect(el.shadowRoot!.querySelector('.error-message')!.textContent).to.contain('label.english must be a language tag such as en, fr or fr-CH');
  });

  it('reads HXL language columns (+i_fr) beside the plain one', async () => {
    const table = [
      ['Donor', 'Donor (French)', 'Amount'],
      ['#org+name+funder', '#org+name+funder+i_fr', '#value+funding+total'],
      ['Example donor A', 'Donateur A (exemple)', '300'],
      ['Example donor B', '', '200'],
    ];
    const fr = await show('donor-ranking', table, 'fr');
    const names = () => [...fr.shadowRoot!.querySelectorAll('[part~="name"]')].map((n) => n.textContent!.trim());
    expect(names()).to.deep.equal(['Donateur A (exemple)', 'Example donor B']);
    fr.setAttribute('locale', 'en');
    await fr.updateComplete;
    expect(names()).to.deep.equal(['Example donor A', 'Example donor B']);
  });
});

function el(widget: IomElement<unknown>): string {
  return widget.shadowRoot!.textContent!;
}
