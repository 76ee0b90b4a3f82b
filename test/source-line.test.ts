// The source line is one renderer: the same citation reads the same in all four widgets, in each
// of the four languages, with the locale's typography ("Source :" in French).
import { expect, fixture } from '@open-wc/testing';
import '../src/index.js';
import type { IomElement } from '../src/base/iom-element.js';

const source = { title: 'Example Report', publisher: 'Example Publisher', year: 2023, url: 'https://example.org/report' };

const WIDGETS: [string, unknown][] = [
  ['stat-counter', { value: 5, label: 'examples', source }],
  ['emergency-list', { emergencies: [{ name: 'Example emergency' }], source }],
  ['donor-ranking', { currency: 'USD', donors: [{ name: 'Example donor', amount: 10 }], source }],
  ['objective-card', { number: 1, title: 'Example objective', source }],
];

const EXPECTED: Record<string, string> = {
  en: 'Source: Example Publisher, Example Report, 2023',
  fr: 'Source : Example Publisher, Example Report, 2023',
  es: 'Fuente: Example Publisher, Example Report, 2023',
  ar: 'المصدر: Example Publisher, Example Report, 2023', // plain ar: Western digits in every engine
};

// The date the figures describe, as the publisher gives it: the source line ends with it.
const dated = { title: 'Example Report', publisher: 'Example Publisher', year: 2024, url: 'https://example.org/report', asOf: '2024-05-31' };
const DATED: Record<string, string> = {
  en: 'Source: Example Publisher, Example Report, as of May 31, 2024',
  fr: 'Source : Example Publisher, Example Report, données au 31 mai 2024',
  es: 'Fuente: Example Publisher, Example Report, datos al 31 de mayo de 2024',
  ar: 'المصدر: Example Publisher, Example Report، البيانات حتى 31 مايو 2024',
};

describe('the source line', () => {
  for (const locale of ['en', 'fr', 'es', 'ar']) {
    it(`ends with the "as of" date of the figures in all four widgets in ${locale} (the year it says, not again)`, async () => {
      for (const [tag, data] of WIDGETS) {
        const el = document.createElement(tag) as IomElement<unknown>;
        el.setAttribute('locale', locale);
        el.setAttribute('start', 'none');
        el.data = { ...(data as object), source: dated };
        const host = await fixture<HTMLDivElement>('<div></div>');
        host.append(el);
        await el.loadComplete;
        const line = el.shadowRoot!.querySelector('[part~="source"]')!;
        expect(line.textContent!.replace(/\s+/g, ' ').trim(), tag).to.equal(DATED[locale]);
        expect(line.querySelector('a')!.getAttribute('href'), tag).to.equal('https://example.org/report');
      }
    });
  }

  for (const locale of ['en', 'fr', 'es', 'ar']) {
    it(`reads the same in all four widgets in ${locale}, its title a link in its own direction`, async () => {
      for (const [tag, data] of WIDGETS) {
        const el = document.createElement(tag) as IomElement<unknown>;
        el.setAttribute('locale', locale);
        el.setAttribute('start', 'none');
        el.data = data;
        const host = await fixture<HTMLDivElement>('<div></div>');
        host.append(el);
        await el.loadComplete;
        const line = el.shadowRoot!.querySelector('[part~="source"]')!;
        expect(line, `${tag} has a source line`).not.to.equal(null);
        expect(line.textContent!.replace(/\s+/g, ' ').trim(), tag).to.equal(EXPECTED[locale]);
        const link = line.querySelector('a')!;
        expect(link.getAttribute('href'), tag).to.equal('https://example.org/report');
        expect(link.querySelector('bdi'), `${tag}: the title is isolated`).not.to.equal(null);
      }
    });
  }
});
