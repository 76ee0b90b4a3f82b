import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from './support/viewport.js';
import '../src/objective-card/define.js';
import type { ObjectiveCard } from '../src/objective-card/objective-card.js';
import type { StatCounter } from '../src/stat-counter/stat-counter.js';
import type { ObjectiveCardData } from '../src/objective-card/objective-card.data.js';
import { clearDataCache } from '../src/data/fetch-cache.js';
import { accessibleText, part, parts, settled, text } from './support/dom.js';
import { heldUrl, releaseHeld } from './support/server.js';
import { digitsLocale } from '../src/i18n/format.js';

// Real titles (IOM Strategic Plan 2024-2028, seed 002) and summaries (IOM Annual Report 2023,
// seed 000); the figures below are from the same report page. Anything else is labelled fictitious.
const TITLES = {
  1: 'Saving lives and protecting people on the move',
  2: 'Driving solutions to displacement',
  3: 'Facilitating pathways for regular migration',
} as const;
const SUMMARY_1 = 'IOM puts the safety, dignity and protection of people first in the most challenging crisis response contexts in the world';
const FIGURES_1 = [
  { value: 31600000, format: 'compact' as const, label: 'people assisted: protection and basic needs of crisis-affected populations', year: 2023 },
  { value: 19954, label: 'persons assisted with humanitarian movement assistance', year: 2023 },
];
const objective1: ObjectiveCardData = {
  number: 1,
  title: TITLES[1],
  summary: SUMMARY_1,
  figures: FIGURES_1,
  url: 'https://example.org/annual-report-2023/objective-1',
};
const FIXTURE = '/test/fixtures/objectives.json';

const root = (el: ObjectiveCard) => el.shadowRoot!;
const heading = (el: ObjectiveCard) => root(el).querySelector<HTMLHeadingElement>('h1, h2, h3, h4, h5, h6');
const link = (el: ObjectiveCard) => root(el).querySelector<HTMLAnchorElement>('a[part="link"]');
const shown = (node: Element | null) => !!node && node.getClientRects().length > 0;

const counters = (el: ObjectiveCard) => [...root(el).querySelectorAll<StatCounter>('stat-counter')];
const spoken = accessibleText;
const compactLong = (value: number, locale: string, digits = 1) =>
  new Intl.NumberFormat(digitsLocale(locale), { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: digits }).format(value);


/** The name a screen reader announces for a heading or link built from text (no aria-label). */
function nameFromContent(node: Element): string {
  return text(node);
}

// ---- colour helpers (WCAG 2.x relative luminance and contrast) ----
type Rgba = [number, number, number, number];
function parseColor(value: string): Rgba {
  const rgb = /rgba?\(([^)]+)\)/.exec(value);
  if (rgb) {
    const [r, g, b, a = '1'] = rgb[1].split(/[\s,/]+/).filter(Boolean);
    return [Number(r), Number(g), Number(b), Number(a)];
  }
  const srgb = /color\(srgb ([^)]+)\)/.exec(value);
  if (srgb) {
    const [r, g, b, , a] = srgb[1].split(/\s+/);
    return [Number(r) * 255, Number(g) * 255, Number(b) * 255, a === undefined ? 1 : Number(a)];
  }
  throw new Error(`unparsed colour ${value}`);
}
function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
/** The first opaque background behind `node`, walking out through shadow roots. */
function backgroundOf(node: Element): Rgba {
  let el: Element | null = node;
  while (el) {
    const bg = parseColor(getComputedStyle(el).backgroundColor);
    if (bg[3] > 0.99) return bg;
    el = el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host ?? null);
  }
  return [255, 255, 255, 1];
}
function textContrast(node: Element): number {
  return contrast(parseColor(getComputedStyle(node).color), backgroundOf(node));
}
const colorOf = (node: Element, property = 'color') => parseColor(getComputedStyle(node).getPropertyValue(property)).slice(0, 3);
/** A colour as the browser resolves it, for comparing with the card's. */
async function resolved(color: string, scheme = 'light'): Promise<number[]> {
  const probe = await fixture<HTMLDivElement>(html`<div style="color-scheme: ${scheme}; color: ${color}"></div>`);
  return colorOf(probe);
}

describe('objective-card', () => {
  beforeEach(() => clearDataCache());
  afterEach(() => setViewport({ width: 800, height: 600 }));

  describe('data from each input way', () => {
    it('renders data from the data property', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${objective1}></objective-card>`);
      expect(text(part(el, 'title'))).to.contain(TITLES[1]);
      expect(text(part(el, 'summary'))).to.equal(SUMMARY_1);
      expect(el.status).to.equal('ready');
    });

    it('renders data from the data attribute', async () => {
      const json = JSON.stringify({ number: 2, title: TITLES[2] });
      const el = await fixture<ObjectiveCard>(html`<objective-card data=${json}></objective-card>`);
      expect(text(part(el, 'title'))).to.contain(TITLES[2]);
      expect(text(part(el, 'number'))).to.equal('Objective 2');
    });

    it('renders data from an inline JSON script, which does not count as extra content', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card
        ><script type="application/json">
          { "number": 3, "title": "Facilitating pathways for regular migration" }
        </script></objective-card
      >`);
      expect(text(part(el, 'title'))).to.contain(TITLES[3]);
      // No summary and no real extra content: the body block takes no room.
      expect(shown(root(el).querySelector('.body'))).to.be.false;
    });

    it('renders one objective of a report file through src and a JSON Pointer', async () => {
      const el = await settled(await fixture<ObjectiveCard>(html`<objective-card src="${FIXTURE}#/objectives/1"></objective-card>`));
      expect(text(part(el, 'title'))).to.contain(TITLES[2]);
      expect(parts(el, 'figure')).to.have.length(1);
      expect(text(part(el, 'source'))).to.equal('Source: IOM Annual Report 2023');
    });

    it('fires iom-load with the data', async () => {
      const el = document.createElement('objective-card');
      setTimeout(() => {
        el.src = `${FIXTURE}#/objectives/2`;
        document.body.append(el);
      });
      const event = await oneEvent(el, 'iom-load');
      expect((event.detail as ObjectiveCardData).title).to.equal(TITLES[3]);
      el.remove();
    });

    it('fires one iom-load, its own, however many figures it shows', async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
      const heard: unknown[] = [];
      wrap.addEventListener('iom-load', (event) => heard.push(event.detail));
      const el = document.createElement('objective-card');
      el.data = objective1;
      wrap.append(el);
      await el.updateComplete;
      await Promise.all(counters(el).map((c) => c.updateComplete));
      expect(counters(el)).to.have.length(2);
      expect(heard).to.deep.equal([objective1]);
    });

    it('explains invalid data in the widget', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card data='{"number": "one", "title": "Fictitious objective (fictitious example)"}'></objective-card>`);
      expect(el.status).to.equal('error');
      expect(text(part(el, 'error'))).to.contain('number must be a number, got "one"');
      const blank = await fixture<ObjectiveCard>(html`<objective-card data='{"number": 1, "title": "  "}'></objective-card>`);
      expect(text(part(blank, 'error'))).to.contain('title must not be empty');
    });

    it('shows a card-shaped skeleton while src loads, then the card', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card src="/__test__/delay/400${FIXTURE}?skeleton#/objectives/0"></objective-card>`);
      const base = part(el, 'base')!;
      expect(base.getAttribute('aria-busy')).to.equal('true');
      const skeleton = part(el, 'skeleton')!;
      expect(skeleton.getAttribute('role')).to.equal('status');
      expect(skeleton.getAttribute('aria-label')).to.equal('Loading…');
      expect(skeleton.getBoundingClientRect().height).to.be.greaterThan(150);
      await settled(el);
      expect(base.getAttribute('aria-busy')).to.equal('false');
      expect(text(part(el, 'title'))).to.contain(TITLES[1]);
    });
  });

  describe('heading', () => {
    it('puts the number and the title in an h3 by default', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${objective1}></objective-card>`);
      const h = heading(el)!;
      expect(h.localName).to.equal('h3');
      expect(h.getAttribute('part')).to.equal('title');
      expect(nameFromContent(h)).to.equal(`Objective 1: ${TITLES[1]}`);
      // The card is an article named by its heading.
      const article = root(el).querySelector('article')!;
      expect(root(el).getElementById(article.getAttribute('aria-labelledby')!)).to.equal(h);
    });

    it('uses the level set by heading-level', async () => {
      for (const level of [1, 2, 4, 5, 6]) {
        const el = await fixture<ObjectiveCard>(html`<objective-card heading-level=${level} .data=${objective1}></objective-card>`);
        expect(heading(el)!.localName).to.equal(`h${level}`);
      }
    });

    it('falls back to h3 for a level that is not 1 to 6', async () => {
      for (const level of ['0', '7', 'two']) {
        const el = await fixture<ObjectiveCard>(html`<objective-card heading-level=${level} .data=${objective1}></objective-card>`);
        expect(heading(el)!.localName).to.equal('h3');
      }
    });

    it('changes level when the attribute changes', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${objective1}></objective-card>`);
      el.setAttribute('heading-level', '2');
      await el.updateComplete;
      expect(heading(el)!.localName).to.equal('h2');
      expect(text(heading(el))).to.contain(TITLES[1]);
    });
  });

  describe('link', () => {
    it('links "Learn more" with an accessible name that includes the title', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${objective1}></objective-card>`);
      const a = link(el)!;
      expect(a.getAttribute('href')).to.equal(objective1.url);
      expect(text(a)).to.equal('Learn more');
      expect(a.getAttribute('aria-label')).to.equal(`Learn more about ${TITLES[1]}`);
      expect(a.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    });

    it('shows linkLabel as the visible text, and keeps it and the title in the accessible name', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ ...objective1, linkLabel: 'Read the chapter' }}></objective-card>`);
      const a = link(el)!;
      expect(text(a)).to.equal('Read the chapter');
      // The name starts with the visible words (WCAG 2.5.3 label in name) and names the objective.
      expect(a.getAttribute('aria-label')).to.equal(`Read the chapter: ${TITLES[1]}`);
    });

    it('needs no extra name when linkLabel already names the objective', async () => {
      const linkLabel = `All about ${TITLES[1].toLowerCase()}`;
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ ...objective1, linkLabel }}></objective-card>`);
      expect(text(link(el))).to.equal(linkLabel);
      expect(link(el)!.hasAttribute('aria-label')).to.be.false;
    });

    it('accepts relative links', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ ...objective1, url: '/strategic-plan#objective-1' }}></objective-card>`);
      expect(link(el)!.getAttribute('href')).to.equal('/strategic-plan#objective-1');
    });

    it('shows no link for javascript:, data: and other unsafe schemes', async () => {
      for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:msgbox(1)']) {
        const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ ...objective1, url }}></objective-card>`);
        expect(link(el), url).to.be.null;
        expect(root(el).querySelector('a'), url).to.be.null;
        expect(text(part(el, 'title'))).to.contain(TITLES[1]);
      }
    });

    it('shows no link when there is no url', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ number: 2, title: TITLES[2] }}></objective-card>`);
      expect(link(el)).to.be.null;
      // Nothing at the bottom: the footer row takes no room.
      expect(shown(part(el, 'footer'))).to.be.false;
    });

    it('links the source when its url is safe, and only then', async () => {
      const source = { title: 'IOM Annual Report 2023', publisher: 'IOM', url: 'https://example.org/annual-report-2023' };
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ ...objective1, source }}></objective-card>`);
      expect(text(part(el, 'source'))).to.equal('Source: IOM Annual Report 2023');
      expect(part(el, 'source')!.querySelector('a')!.getAttribute('href')).to.equal(source.url);
      const unsafe = await fixture<ObjectiveCard>(html`<objective-card .data=${{ ...objective1, source: { ...source, url: 'javascript:alert(1)' } }}></objective-card>`);
      expect(part(unsafe, 'source')!.querySelector('a')).to.be.null;
      expect(text(part(unsafe, 'source'))).to.equal('Source: IOM Annual Report 2023');
    });

    it('cites the card’s source once, not again under each figure that has it', async () => {
      const report = { title: 'Fictitious report (fictitious example)', publisher: 'Example publisher', year: 2031 };
      const other = 'Another fictitious report (fictitious example)';
      const figures = [
        { value: 1200, label: 'example figure A (fictitious)', source: report },
        { value: 3400, label: 'example figure B (fictitious)', source: { ...report } },
        { value: 5600, label: 'example figure C (fictitious)', source: other },
      ];
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ number: 2, title: TITLES[2], figures, source: report }}></objective-card>`);
      const sources = await Promise.all(
        counters(el).map(async (c) => {
          await c.updateComplete;
          return text(c.shadowRoot!.querySelector('[part="source"]'));
        }),
      );
      expect(sources).to.deep.equal(['', '', `Source: ${other}`]);
      expect(text(part(el, 'source'))).to.equal('Source: Example publisher, Fictitious report (fictitious example), 2031');
    });

    it('cites once, at the foot, a source that all its figures share', async () => {
      const report = 'Fictitious report (fictitious example)';
      const figures = [
        { value: 1200, label: 'example figure A (fictitious)', source: report },
        { value: 3400, label: 'example figure B (fictitious)', source: report },
      ];
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ number: 2, title: TITLES[2], figures }}></objective-card>`);
      for (const c of counters(el)) {
        await c.updateComplete;
        expect(c.shadowRoot!.querySelector('[part="source"]')).to.be.null;
      }
      expect(text(part(el, 'source'))).to.equal(`Source: ${report}`);
      // A single figure keeps its own citation: it is the figure's, not the objective's.
      const one = await fixture<ObjectiveCard>(html`<objective-card .data=${{ number: 2, title: TITLES[2], figures: figures.slice(0, 1) }}></objective-card>`);
      await counters(one)[0].updateComplete;
      expect(text(counters(one)[0].shadowRoot!.querySelector('[part="source"]'))).to.equal(`Source: ${report}`);
      expect(part(one, 'source')).to.be.null;
    });

    it('names the publisher and year when the source title does not', async () => {
      const source = { title: 'Fictitious report (fictitious example)', publisher: 'Example publisher', year: 2031 };
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ ...objective1, source }}></objective-card>`);
      expect(text(part(el, 'source'))).to.equal('Source: Example publisher, Fictitious report (fictitious example), 2031');
    });
  });

  describe('slots', () => {
    it('shows a pictogram from the icon slot beside the heading', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${objective1}
        ><svg slot="icon" viewBox="0 0 10 10" role="img" aria-label="Fictitious pictogram"><circle cx="5" cy="5" r="5" fill="currentColor" /></svg
      ></objective-card>`);
      const icon = part(el, 'icon')!;
      expect(shown(icon)).to.be.true;
      const svg = el.querySelector('svg')!;
      const box = svg.getBoundingClientRect();
      expect(box.width).to.be.greaterThan(20);
      expect(box.right).to.be.at.most(heading(el)!.getBoundingClientRect().left + 1);
    });

    it('takes no room for the icon when none is given', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${objective1}></objective-card>`);
      expect(shown(part(el, 'icon'))).to.be.false;
      const card = part(el, 'card')!.getBoundingClientRect();
      expect(heading(el)!.getBoundingClientRect().left - card.left).to.be.lessThan(30);
    });

    it('shows extra content from the default slot under the summary', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${objective1}><p id="extra">Extra paragraph (fictitious example).</p></objective-card>`);
      const extra = el.querySelector('#extra')!;
      expect(shown(extra)).to.be.true;
      expect(extra.getBoundingClientRect().top).to.be.at.least(part(el, 'summary')!.getBoundingClientRect().bottom);
    });

    it('shows extra content even without a summary, and follows slot changes', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ number: 2, title: TITLES[2] }}></objective-card>`);
      expect(shown(root(el).querySelector('.body'))).to.be.false;
      const p = document.createElement('p');
      p.textContent = 'Added later (fictitious example).';
      el.append(p);
      await waitUntil(() => shown(p), 'the added paragraph shows', { timeout: 10_000 });
      expect(shown(root(el).querySelector('.body'))).to.be.true;
    });

    it('shows footer content at the bottom, beside the link', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${objective1}><button slot="footer" type="button">Share (fictitious action)</button></objective-card>`);
      const button = el.querySelector('button')!;
      expect(shown(button)).to.be.true;
      expect(part(el, 'footer')!.contains(button.assignedSlot)).to.be.true;
      expect(button.getBoundingClientRect().top).to.be.at.least(part(el, 'figures')!.getBoundingClientRect().bottom);
    });

    it('shows a footer row for footer content alone', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ number: 2, title: TITLES[2] }}><a slot="footer" href="#contact">Contact (fictitious example)</a></objective-card>`);
      expect(shown(part(el, 'footer'))).to.be.true;
    });
  });

  describe('accents and contrast', () => {
    const bar = (el: ObjectiveCard) => colorOf(part(el, 'card')!, 'border-block-start-color');

    it('takes the accent of its objective number', async () => {
      const expected = { 1: '#0033a0', 2: '#0e6b5c', 3: '#8c3b00' };
      for (const n of [1, 2, 3] as const) {
        const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ number: n, title: TITLES[n] }}></objective-card>`);
        expect(bar(el), `objective ${n}`).to.deep.equal(await resolved(expected[n]));
        expect(colorOf(part(el, 'number')!), `objective ${n} number`).to.deep.equal(await resolved(expected[n]));
      }
    });

    it('takes another objective’s accent from the accent attribute', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card accent="3" .data=${objective1}></objective-card>`);
      expect(bar(el)).to.deep.equal(await resolved('#8c3b00'));
      el.accent = '2';
      await el.updateComplete;
      expect(bar(el)).to.deep.equal(await resolved('#0e6b5c'));
      el.setAttribute('accent', 'purple');
      await el.updateComplete;
      expect(bar(el), 'an unknown accent falls back to the number').to.deep.equal(await resolved('#0033a0'));
    });

    it('uses the primary colour for a number without an accent token', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ number: 4, title: 'Fictitious fourth objective (fictitious example)' }}></objective-card>`);
      expect(bar(el)).to.deep.equal(await resolved('#0033a0'));
      expect(text(part(el, 'number'))).to.equal('Objective 4');
    });

    it('follows the page’s --iom-objective-N and --iom-objective-card-accent', async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div style="--iom-objective-2: #5a1a7a">
        <objective-card .data=${{ number: 2, title: TITLES[2] }}></objective-card>
        <objective-card style="--iom-objective-card-accent: #7a1a1a" .data=${{ number: 2, title: TITLES[2] }}></objective-card>
      </div>`);
      const [a, b] = [...wrap.querySelectorAll('objective-card')];
      await a.updateComplete;
      expect(bar(a)).to.deep.equal(await resolved('#5a1a7a'));
      expect(bar(b)).to.deep.equal(await resolved('#7a1a1a'));
    });

    for (const scheme of ['light', 'dark']) {
      for (const variant of ['card', 'plain', 'banner']) {
        it(`keeps text at WCAG AA contrast on every accent (${variant}, ${scheme} scheme)`, async () => {
          const wrap = await fixture<HTMLDivElement>(html`<div style="color-scheme: ${scheme}; background: Canvas; padding: 8px">
            ${([1, 2, 3] as const).map(
              (n) => html`<objective-card variant=${variant} .data=${{
                number: n,
                title: TITLES[n],
                summary: 'A summary in the muted text colour (fictitious example).',
                url: 'https://example.org/objective',
                source: 'IOM Annual Report 2023',
                figures: [{ value: 1200, label: 'example figure (fictitious)', source: 'Example source (fictitious example)' }],
              }}></objective-card>`,
            )}
          </div>`);
          for (const el of wrap.querySelectorAll('objective-card')) {
            await el.updateComplete;
            const nodes: [string, Element][] = [
              ['number', part(el, 'number')!],
              ['title', root(el).querySelector('.title-text')!],
              ['summary', part(el, 'summary')!],
              ['link', part(el, 'link')!],
              ['source', part(el, 'source')!],
            ];
            for (const counter of counters(el)) {
              await counter.updateComplete;
              for (const name of ['value', 'label', 'source']) nodes.push([`figure ${name}`, counter.shadowRoot!.querySelector(`[part="${name}"]`)!]);
            }
            expect(nodes.length).to.equal(8);
            for (const [name, node] of nodes) {
              const ratio = textContrast(node);
              expect(ratio, `${name} on objective ${(el.data as ObjectiveCardData).number}: ${ratio.toFixed(2)}`).to.be.at.least(4.5);
            }
          }
        });
      }
    }
  });

  describe('variants', () => {
    it('draws a box with an accent bar on top by default', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${objective1}></objective-card>`);
      expect(el.getAttribute('variant')).to.equal('card');
      const style = getComputedStyle(part(el, 'card')!);
      expect(parseFloat(style.borderTopWidth)).to.be.greaterThan(parseFloat(style.borderBottomWidth));
      expect(parseFloat(style.paddingTop)).to.be.greaterThan(0);
      expect(parseColor(style.backgroundColor)[3]).to.equal(1);
    });

    it('plain: no box, an accent rule at the inline start', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card variant="plain" .data=${objective1}></objective-card>`);
      const style = getComputedStyle(part(el, 'card')!);
      expect(parseColor(style.backgroundColor)[3]).to.equal(0);
      expect(parseFloat(style.borderTopWidth)).to.equal(0);
      expect(parseFloat(style.paddingTop)).to.equal(0);
      expect(parseFloat(style.borderLeftWidth)).to.be.greaterThan(2);
      expect(colorOf(part(el, 'card')!, 'border-left-color')).to.deep.equal(await resolved('#0033a0'));
    });

    it('banner: on the accent colour, with the figures beside the text when wide', async () => {
      await setViewport({ width: 1280, height: 800 });
      const el = await fixture<ObjectiveCard>(html`<objective-card variant="banner" style="width: 1100px" .data=${objective1}></objective-card>`);
      const card = part(el, 'card')!;
      expect(colorOf(card, 'background-color')).to.deep.equal(await resolved('#0033a0'));
      expect(colorOf(heading(el)!)).to.deep.equal(await resolved('#ffffff'));
      const figures = part(el, 'figures')!.getBoundingClientRect();
      expect(figures.left).to.be.greaterThan(heading(el)!.getBoundingClientRect().right - 1);
    });

    it('banner: stacks the figures under the text when narrow', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card variant="banner" style="width: 400px" .data=${objective1}></objective-card>`);
      const figures = part(el, 'figures')!.getBoundingClientRect();
      expect(figures.top).to.be.at.least(part(el, 'summary')!.getBoundingClientRect().bottom);
    });
  });

  describe('figures layout', () => {
    const lefts = (el: ObjectiveCard) => parts(el, 'figure').map((f) => Math.round(f.getBoundingClientRect().left));
    const tops = (el: ObjectiveCard) => parts(el, 'figure').map((f) => Math.round(f.getBoundingClientRect().top));
    const three = { ...objective1, figures: [...FIGURES_1, { value: 3970000, format: 'compact' as const, label: 'beneficiaries accessed cash-based interventions' }] };

    it('lists the figures as a list named "Key figures"', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${objective1}></objective-card>`);
      const list = part(el, 'figures')!;
      expect(list.localName).to.equal('ul');
      expect(list.getAttribute('aria-label')).to.equal('Key figures');
      expect(parts(el, 'figure').map((li) => li.localName)).to.deep.equal(['li', 'li']);
    });

    it('shows one column of figures on a phone', async function () {
      await setViewport({ width: 360, height: 740 }, this);
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${three}></objective-card>`);
      expect(new Set(lefts(el)).size).to.equal(1);
      expect(new Set(tops(el)).size).to.equal(3);
    });

    it('shows up to `columns` figures side by side on a wide card', async () => {
      await setViewport({ width: 1280, height: 800 });
      const el = await fixture<ObjectiveCard>(html`<objective-card variant="plain" style="width: 1000px" .data=${three}></objective-card>`);
      expect(new Set(tops(el)).size, 'three in a row').to.equal(1);
      el.columns = 2;
      await el.updateComplete;
      expect(new Set(tops(el)).size, 'two per row').to.equal(2);
      el.columns = 1;
      await el.updateComplete;
      expect(new Set(tops(el)).size, 'one per row').to.equal(3);
      el.setAttribute('columns', '0');
      await el.updateComplete;
      expect(new Set(tops(el)).size, 'out of range means the default, 3').to.equal(1);
      el.setAttribute('columns', 'many');
      await el.updateComplete;
      expect(new Set(tops(el)).size, 'not a number means the default, 3').to.equal(1);
    });

    it('looks finished without figures: no empty list, the link at the bottom', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ ...objective1, figures: [] }}></objective-card>`);
      expect(part(el, 'figures')).to.be.null;
      expect(el.status).to.equal('ready');
      const card = part(el, 'card')!.getBoundingClientRect();
      const a = link(el)!.getBoundingClientRect();
      expect(card.bottom - a.bottom).to.be.lessThan(40);
      await expect(el).to.be.accessible();
    });
  });

  describe('figures as stat-counters', () => {
    it('renders each figure with <stat-counter>, given the figure as its data', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${objective1}></objective-card>`);
      const list = counters(el);
      expect(list).to.have.length(2);
      expect(list.every((c) => c instanceof customElements.get('stat-counter')!)).to.be.true;
      expect(list.map((c) => (c.data as { value: number }).value)).to.deep.equal([31600000, 19954]);
    });

    it('puts each final value and label in the counters’ accessible text from the first render', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${objective1}></objective-card>`);
      const [first, second] = counters(el);
      await first.updateComplete;
      await second.updateComplete;
      expect(spoken(first)).to.equal(`${compactLong(31600000, 'en')} ${FIGURES_1[0].label}`);
      expect(spoken(first)).to.equal('31.6 million people assisted: protection and basic needs of crisis-affected populations');
      expect(spoken(second)).to.equal('19,954 persons assisted with humanitarian movement assistance');
      // The whole card reads heading, summary, figures, link: no zero and no half-counted number anywhere.
      expect(spoken(el)).to.contain('31.6 million people assisted');
      expect(spoken(el)).not.to.match(/(^|\s)0(\s|$)/);
    });

    it('reads the figures of a report file through src', async () => {
      const el = await settled(await fixture<ObjectiveCard>(html`<objective-card src="${FIXTURE}#/objectives/2"></objective-card>`));
      const list = counters(el);
      await Promise.all(list.map((c) => c.updateComplete));
      expect(list.map(spoken)).to.deep.equal([
        '18 countries supported with initiatives to improve migrants’ access to legal identity',
        '645 people trained on migrants’ access to legal identity',
        '130 country offices engaged in assisted voluntary return and reintegration',
      ]);
    });

    it('formats the figures in the card’s language', async () => {
      for (const locale of ['fr', 'es', 'ar']) {
        const el = await fixture<ObjectiveCard>(html`<objective-card locale=${locale} .data=${objective1}></objective-card>`);
        const [first] = counters(el);
        await first.updateComplete;
        expect(first.resolvedLocale).to.equal(locale);
        expect(spoken(first), locale).to.contain(compactLong(31600000, locale));
      }
    });

    it('lets each figure’s iom-count-end reach the page', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ ...objective1, figures: FIGURES_1.slice(1) }}></objective-card>`);
      const event = await oneEvent(el, 'iom-count-end');
      expect(event.detail).to.deep.equal({ value: 19954 });
      expect(spoken(counters(el)[0])).to.equal('19,954 persons assisted with humanitarian movement assistance');
    });

    it('names the figure in error when a figure is not valid', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ ...objective1, figures: [{ value: '31.6 million', label: 'people assisted' }] }}></objective-card>`);
      expect(el.status).to.equal('error');
      expect(text(part(el, 'error'))).to.contain('figures[0].value must be a number, got "31.6 million"');
      expect(counters(el)).to.have.length(0);
    });

    it('draws the figures in the objective’s accent, and in the on-accent colour on a banner', async () => {
      const expected = { 1: '#0033a0', 2: '#0e6b5c', 3: '#8c3b00' };
      for (const n of [1, 2, 3] as const) {
        const el = await fixture<ObjectiveCard>(html`<objective-card .data=${{ number: n, title: TITLES[n], figures: FIGURES_1 }}></objective-card>`);
        const [counter] = counters(el);
        await counter.updateComplete;
        const value = counter.shadowRoot!.querySelector('[part="value"]')!;
        expect(colorOf(value), `objective ${n}`).to.deep.equal(await resolved(expected[n]));
      }
      const banner = await fixture<ObjectiveCard>(html`<objective-card variant="banner" .data=${objective1}></objective-card>`);
      const [counter] = counters(banner);
      await counter.updateComplete;
      expect(colorOf(counter.shadowRoot!.querySelector('[part="value"]')!)).to.deep.equal(await resolved('#ffffff'));
      expect(colorOf(counter.shadowRoot!.querySelector('[part="label"]')!)).to.deep.equal(await resolved('#ffffff'));
    });

    it('keeps the counters’ own theming: --iom-stat-counter-* still apply inside the card', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card style="--iom-stat-counter-value-color: #5a1a7a" .data=${objective1}></objective-card>`);
      const [counter] = counters(el);
      await counter.updateComplete;
      expect(colorOf(counter.shadowRoot!.querySelector('[part="value"]')!)).to.deep.equal(await resolved('#5a1a7a'));
    });

    it('sizes the figures to the card (--iom-objective-card-figure-size)', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card .data=${objective1}></objective-card>`);
      const [counter] = counters(el);
      await counter.updateComplete;
      const size = (c: StatCounter) => parseFloat(getComputedStyle(c.shadowRoot!.querySelector('[part="value"]')!).fontSize);
      const own = parseFloat(getComputedStyle(el).fontSize);
      expect(size(counter)).to.be.closeTo(own * 1.75, 0.5);
      el.style.setProperty('--iom-objective-card-figure-size', '3em');
      expect(size(counter)).to.be.closeTo(own * 3, 0.5);
    });
  });

  describe('rows of cards', () => {
    const summaries = [
      'Short summary (fictitious example).',
      'A much longer summary that wraps over several lines in a narrow card, so that this card would be taller than the others if nothing evened them out (fictitious example).',
      'A medium summary that wraps over two lines (fictitious example).',
    ];
    const card = (i: number, figures = FIGURES_1) => ({ number: i + 1, title: TITLES[(i + 1) as 1 | 2 | 3], summary: summaries[i], figures, url: 'https://example.org/objective' });
    const measure = (wrap: Element) =>
      [...wrap.querySelectorAll('objective-card')].map((el) => ({
        height: Math.round(el.getBoundingClientRect().height),
        card: Math.round(part(el, 'card')!.getBoundingClientRect().height),
        figures: Math.round(part(el, 'figures')!.getBoundingClientRect().top),
        summary: Math.round(part(el, 'summary')!.getBoundingClientRect().top),
      }));

    it('has equal heights and aligned figures in a grid row', async () => {
      await setViewport({ width: 1280, height: 800 });
      const wrap = await fixture<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 24px; width: 1000px">
        ${[0, 1, 2].map((i) => html`<objective-card .data=${card(i)}></objective-card>`)}
      </div>`);
      const m = measure(wrap);
      expect(new Set(m.map((c) => c.card)).size, JSON.stringify(m)).to.equal(1);
      expect(m[0].card).to.equal(m[0].height);
      expect(new Set(m.map((c) => c.figures)).size, JSON.stringify(m)).to.equal(1);
    });

    it('has equal heights and aligned figures in a flex row', async () => {
      await setViewport({ width: 1280, height: 800 });
      const wrap = await fixture<HTMLDivElement>(html`<div style="display: flex; gap: 24px; width: 1000px">
        ${[0, 1, 2].map((i) => html`<objective-card style="flex: 1 1 0" .data=${card(i)}></objective-card>`)}
      </div>`);
      const m = measure(wrap);
      expect(new Set(m.map((c) => c.card)).size, JSON.stringify(m)).to.equal(1);
      expect(new Set(m.map((c) => c.figures)).size, JSON.stringify(m)).to.equal(1);
    });

    it('with subgrid, aligns titles, summaries and figures even with different numbers of figures', async () => {
      await setViewport({ width: 1280, height: 800 });
      const counts = [FIGURES_1, FIGURES_1.slice(0, 1), [...FIGURES_1, ...FIGURES_1]];
      const wrap = await fixture<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 24px; width: 1000px">
        ${[0, 1, 2].map(
          (i) => html`<objective-card subgrid .data=${{ ...card(i, counts[i]), ...(i === 1 ? { title: 'A fictitious objective with a long title that wraps over several lines (fictitious example)' } : {}) }}></objective-card>`,
        )}
      </div>`);
      const m = measure(wrap);
      const titleBottoms = [...wrap.querySelectorAll('objective-card')].map((el) => heading(el)!.getBoundingClientRect().bottom);
      expect(titleBottoms[1], 'the long title is taller').to.be.greaterThan(titleBottoms[0] + 10);
      expect(new Set(m.map((c) => c.card)).size, JSON.stringify(m)).to.equal(1);
      expect(new Set(m.map((c) => c.summary)).size, JSON.stringify(m)).to.equal(1);
      expect(new Set(m.map((c) => c.figures)).size, JSON.stringify(m)).to.equal(1);
      // The grid keeps its own gap between the cards: no card overlaps the next.
      const boxes = [...wrap.querySelectorAll('objective-card')].map((el) => el.getBoundingClientRect());
      expect(boxes[1].left - boxes[0].right).to.be.closeTo(24, 1);
    });

    it('with subgrid outside a grid (or a row that turns into a block on phones), lays out as a plain card', async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div style="width: 320px"><objective-card subgrid .data=${card(0)}></objective-card></div>`);
      const el = wrap.querySelector('objective-card')!;
      const bottom = (node: Element) => node.getBoundingClientRect().bottom;
      const top = (node: Element) => node.getBoundingClientRect().top;
      expect(top(part(el, 'summary')!)).to.be.at.least(bottom(heading(el)!));
      expect(top(part(el, 'figures')!)).to.be.at.least(bottom(part(el, 'summary')!));
      expect(top(part(el, 'footer')!)).to.be.at.least(bottom(part(el, 'figures')!));
      expect(bottom(part(el, 'card')!)).to.be.at.least(bottom(part(el, 'footer')!));
    });

    it('stacks cards of one grid into one column on a phone, each as tall as its content', async function () {
      await setViewport({ width: 360, height: 740 }, this);
      const wrap = await fixture<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 18em), 1fr)); gap: 16px">
        ${[0, 1, 2].map((i) => html`<objective-card .data=${card(i)}></objective-card>`)}
      </div>`);
      const boxes = [...wrap.querySelectorAll('objective-card')].map((el) => el.getBoundingClientRect());
      expect(new Set(boxes.map((b) => Math.round(b.left))).size).to.equal(1);
      expect(boxes[1].top).to.be.greaterThan(boxes[0].bottom);
    });
  });

  describe('language and direction', () => {
    it('speaks French, Spanish and Arabic', async () => {
      const expected = {
        fr: ['Objectif 1', 'En savoir plus', `En savoir plus sur ${TITLES[1]}`, 'Chiffres clés'],
        es: ['Objetivo 1', 'Más información', `Más información sobre ${TITLES[1]}`, 'Cifras clave'],
        ar: ['الهدف', 'اعرف المزيد', `اعرف المزيد عن ${TITLES[1]}`, 'أرقام رئيسية'],
      };
      for (const [lang, [number, more, name, figures]] of Object.entries(expected)) {
        const el = await fixture<ObjectiveCard>(html`<objective-card locale=${lang} .data=${objective1}></objective-card>`);
        expect(text(part(el, 'number'))).to.contain(number);
        expect(text(link(el))).to.equal(more);
        expect(link(el)!.getAttribute('aria-label')).to.equal(name);
        expect(part(el, 'figures')!.getAttribute('aria-label')).to.equal(figures);
      }
    });

    it('follows the page language', async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div lang="es"><objective-card .data=${objective1}></objective-card></div>`);
      const el = wrap.querySelector('objective-card')!;
      expect(text(part(el, 'number'))).to.equal('Objetivo 1');
      wrap.lang = 'fr';
      await waitUntil(() => text(part(el, 'number')) === 'Objectif 1', 're-renders in French', { timeout: 10_000 });
    });

    it('mirrors the layout right to left', async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="ar" style="width: 600px">
        <objective-card .data=${objective1}><svg slot="icon" viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="5" /></svg></objective-card>
        <objective-card variant="plain" .data=${objective1}></objective-card>
      </div>`);
      const [card, plain] = [...wrap.querySelectorAll('objective-card')];
      await card.updateComplete;
      // The icon sits at the inline start: on the right.
      expect(card.querySelector('svg')!.getBoundingClientRect().left).to.be.at.least(heading(card)!.getBoundingClientRect().right - 1);
      // Text starts at the right edge.
      const box = part(card, 'card')!.getBoundingClientRect();
      expect(box.right - part(card, 'summary')!.getBoundingClientRect().right).to.be.lessThan(30);
      // The plain variant's accent rule is on the right.
      const style = getComputedStyle(part(plain, 'card')!);
      expect(parseFloat(style.borderRightWidth)).to.be.greaterThan(2);
      expect(parseFloat(style.borderLeftWidth)).to.equal(0);
      // The link's arrow points left.
      expect(getComputedStyle(link(card)!.querySelector('svg')!).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
      await expect(card).to.be.accessible();
    });
  });

  describe('accessibility in each state', () => {
    it('is accessible while loading', async () => {
      const slow = heldUrl(FIXTURE);
      const el = await fixture<ObjectiveCard>(html`<objective-card src="${slow.url}#/objectives/0"></objective-card>`);
      expect(el.status).to.equal('loading');
      await expect(el).to.be.accessible();
      expect(el.status, 'still loading after the accessibility check').to.equal('loading');
      await releaseHeld(slow.key);
      await settled(el);
      expect(el.status).to.equal('ready');
    });

    it('is accessible with an error', async () => {
      const el = await settled(await fixture<ObjectiveCard>(html`<objective-card src="${FIXTURE}#/objectives/9"></objective-card>`));
      expect(el.status).to.equal('error');
      expect(text(part(el, 'error'))).to.contain('/objectives/9 not found');
      expect(part(el, 'retry')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is accessible without any data source', async () => {
      const el = await fixture<ObjectiveCard>(html`<objective-card></objective-card>`);
      expect(text(part(el, 'error'))).to.contain('<objective-card>');
      await expect(el).to.be.accessible();
    });

    for (const variant of ['card', 'plain', 'banner']) {
      it(`is accessible when ready (${variant})`, async () => {
        const el = await settled(await fixture<ObjectiveCard>(html`<objective-card variant=${variant} src="${FIXTURE}#/objectives/0"></objective-card>`));
        expect(el.status).to.equal('ready');
        await expect(el).to.be.accessible();
      });
    }
  });
});
