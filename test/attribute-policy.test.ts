// The one policy for attribute values a widget cannot use, for each widget's option attributes:
// the data is still shown, with the documented default; one console warning names the element,
// the attribute and the value; one `iom-attribute-warning` event carries the same message; and a
// note in the widget shows it where the webmaster who wrote the tag sees it.
import { expect, fixture } from '@open-wc/testing';
import '../src/index.js';
import type { IomElement } from '../src/base/iom-element.js';
import type { IomAttributeWarningDetail } from '../src/base/options.js';

const figure = { value: 31_600_000, label: 'people (example)' };
const emergencies = { emergencies: [{ name: 'Example emergency A', level: 'L3' }, { name: 'Example emergency B', level: 'L2' }] };
const donors = { currency: 'USD', donors: [{ name: 'Example donor A', amount: 300 }, { name: 'Example donor B', amount: 200 }] };
const objective = { number: 1, title: 'Example objective', summary: 'An example.', figures: [figure] };

interface Case {
  tag: string;
  data: unknown;
  attribute: string;
  value: string;
  message: string;
  /** What the widget shows with the default, read from its shadow root. */
  shows(root: ShadowRoot): void;
}

const CASES: Case[] = [
  {
    tag: 'stat-counter',
    data: figure,
    attribute: 'format',
    value: 'percentage',
    message: 'format="percentage" is not valid: use one of standard, compact, percent, currency; using the data\'s format, else standard.',
    shows: (root) => expect(root.querySelector('.final')!.textContent).to.equal('31,600,000'),
  },
  {
    tag: 'stat-counter',
    data: figure,
    attribute: 'maximum-fraction-digits',
    value: '25',
    message: "maximum-fraction-digits=\"25\" is not valid: use a whole number from 0 to 20; using the format's precision.",
    shows: (root) => expect(root.querySelector('.final')!.textContent).to.equal('31,600,000'),
  },
  {
    tag: 'stat-counter',
    data: figure,
    attribute: 'duration',
    value: 'fast',
    message: 'duration="fast" is not valid: use a number of milliseconds, 0 or more; counting for 1500 ms.',
    shows: (root) => expect(root.querySelector('.final')!.textContent).to.equal('31,600,000'),
  },
  {
    tag: 'stat-counter',
    data: figure,
    attribute: 'currency',
    value: 'dollars',
    message: 'currency="dollars" is not valid: use a three-letter currency code such as USD; using the data\'s currency.',
    shows: (root) => expect(root.querySelector('.final')!.textContent).to.equal('31,600,000'),
  },
  {
    tag: 'stat-counter',
    data: figure,
    attribute: 'start',
    value: 'scroll',
    message: 'start="scroll" is not valid: use one of visible, load, none; counting when visible.',
    shows: (root) => expect(root.querySelector('.final')!.textContent).to.equal('31,600,000'),
  },
  {
    tag: 'stat-counter',
    data: figure,
    attribute: 'previous',
    value: 'last year',
    message: 'previous="last year" is not valid: use a number written with digits only, such as 26400000; showing no change.',
    shows: (root) => expect(root.querySelector('[part="change"]')).to.equal(null),
  },
  {
    tag: 'emergency-list',
    data: emergencies,
    attribute: 'sort',
    value: 'severity',
    message: "sort=\"severity\" is not valid: use one of name, level, people, funding-gap, updated; showing the data's order.",
    shows: (root) => expect([...root.querySelectorAll('[part~="name"]')].map((n) => n.textContent!.trim())).to.deep.equal(['Example emergency A', 'Example emergency B']),
  },
  {
    tag: 'emergency-list',
    data: emergencies,
    attribute: 'filters',
    value: 'region country',
    message: 'filters="region country" is not valid: use words from region, level, type; leaving out country.',
    shows: (root) => expect(root.querySelectorAll('[part="filter"]')).to.have.length(0),
  },
  {
    tag: 'emergency-list',
    data: emergencies,
    attribute: 'layout',
    value: 'cards',
    message: 'layout="cards" is not valid: use one of list, grid; showing a list.',
    shows: (root) => expect(root.querySelectorAll('[part~="item"]')).to.have.length(2),
  },
  {
    tag: 'emergency-list',
    data: emergencies,
    attribute: 'heading-level',
    value: '9',
    message: 'heading-level="9" is not valid: use a whole number from 1 to 6; using 3.',
    shows: (root) => expect(root.querySelectorAll('h3[part~="name"]')).to.have.length(2),
  },
  {
    tag: 'emergency-list',
    data: emergencies,
    attribute: 'limit',
    value: 'five',
    message: 'limit="five" is not valid: use a whole number, 1 or more; showing every emergency.',
    shows: (root) => expect(root.querySelectorAll('[part~="item"]')).to.have.length(2),
  },
  {
    tag: 'donor-ranking',
    data: donors,
    attribute: 'view',
    value: 'pie',
    message: 'view="pie" is not valid: use one of list, chart, table; showing the list.',
    shows: (root) => expect(root.querySelectorAll('[part~="row"]').length).to.be.greaterThan(0),
  },
  {
    tag: 'donor-ranking',
    data: donors,
    attribute: 'limit',
    value: '-2',
    message: 'limit="-2" is not valid: use a whole number, 0 or more; showing 10.',
    shows: (root) => expect(root.textContent).to.contain('Example donor B'),
  },
  {
    tag: 'donor-ranking',
    data: donors,
    attribute: 'highlight',
    value: 'Nobody',
    message: 'highlight="Nobody" is not valid: use the name of a donor in the data; highlighting none.',
    shows: (root) => expect(root.querySelectorAll('[part~="highlighted"]')).to.have.length(0),
  },
  {
    tag: 'objective-card',
    data: objective,
    attribute: 'heading-level',
    value: '0',
    message: 'heading-level="0" is not valid: use a whole number from 1 to 6; using 3.',
    shows: (root) => expect(root.querySelector('h3[part="title"]')).not.to.equal(null),
  },
  {
    tag: 'objective-card',
    data: objective,
    attribute: 'columns',
    value: '12',
    message: 'columns="12" is not valid: use a whole number from 1 to 6; using 3.',
    shows: (root) => expect(root.querySelector('[part="figures"]')).not.to.equal(null),
  },
  {
    tag: 'objective-card',
    data: objective,
    attribute: 'variant',
    value: 'tile',
    message: 'variant="tile" is not valid: use one of card, plain, banner; showing a card.',
    shows: (root) => expect(root.querySelector('[part="card"]')).not.to.equal(null),
  },
  {
    tag: 'objective-card',
    data: objective,
    attribute: 'accent',
    value: '7',
    message: "accent=\"7\" is not valid: use one of 1, 2, 3; using the objective's own accent.",
    shows: (root) => expect(root.querySelector('[part="card"]')!.getAttribute('data-accent')).to.equal('1'),
  },
];

/** Renders `tag` with `data` and the attribute, capturing console warnings and warning events. */
async function render(c: Case) {
  const warnings: string[] = [];
  const events: IomAttributeWarningDetail[] = [];
  const original = console.warn;
  console.warn = (m: unknown) => warnings.push(String(m));
  const onWarning = (e: Event) => events.push((e as CustomEvent<IomAttributeWarningDetail>).detail);
  document.addEventListener('iom-attribute-warning', onWarning);
  try {
    const el = document.createElement(c.tag) as IomElement<unknown>;
    // Counters show their figure at once (start="none"), unless `start` is the attribute tried.
    if (c.tag === 'stat-counter' && c.attribute !== 'start') el.setAttribute('start', 'none');
    el.setAttribute(c.attribute, c.value);
    el.data = c.data;
    const parent = await fixture<HTMLDivElement>('<div></div>');
    parent.append(el);
    await el.loadComplete;
    // A second render with nothing changed must not warn again.
    el.requestUpdate();
    await el.updateComplete;
    return { el, warnings, events };
  } finally {
    console.warn = original;
    document.removeEventListener('iom-attribute-warning', onWarning);
  }
}

describe('one policy for attribute values a widget cannot use', () => {
  for (const c of CASES) {
    it(`<${c.tag} ${c.attribute}="${c.value}">: shows the data with the default, warns once, and says so in the widget`, async () => {
      const { el, warnings, events } = await render(c);
      const root = el.shadowRoot!;
      expect(el.status).to.equal('ready');
      c.shows(root);
      expect(warnings).to.deep.equal([`<${c.tag}>: ${c.message}`]);
      expect(events).to.deep.equal([{ attribute: c.attribute, value: c.value, message: c.message }]);
      const note = root.querySelector('[part="attribute-warning"]')!;
      expect(note, 'a visible note').not.to.equal(null);
      expect(note.getAttribute('role')).to.equal('note');
      expect(note.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Attribute ignored: ${c.message}`);
      expect(note.getBoundingClientRect().height, 'the note is on screen').to.be.greaterThan(0);
    });
  }

  it('gives the note in the widget\'s language, the message in English, and drops it once the attribute is fixed', async () => {
    const el = await fixture<IomElement<unknown>>('<emergency-list locale="fr" sort="severity"></emergency-list>');
    const original = console.warn;
    console.warn = () => {};
    try {
      el.data = emergencies;
      await el.loadComplete;
      const note = el.shadowRoot!.querySelector('[part="attribute-warning"]')!;
      expect(note.querySelector('strong')!.textContent).to.equal('Attribut ignoré :');
      expect(note.querySelector('span')!.getAttribute('lang')).to.equal('en');
      el.setAttribute('sort', 'name');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="attribute-warning"]')).to.equal(null);
    } finally {
      console.warn = original;
    }
  });

  it('takes an empty value (a CMS template with nothing filled in) as the default, without a warning', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (m: unknown) => warnings.push(String(m));
    try {
      const el = await fixture<IomElement<unknown>>('<stat-counter value="600000" format="" currency="" start="" duration=""></stat-counter>');
      expect(el.status).to.equal('ready');
      expect(el.shadowRoot!.querySelector('[part="attribute-warning"]')).to.equal(null);
      // Number attributes too: an empty limit is the default limit, not 0 (which would show all).
      const donorsEl = await fixture<IomElement<unknown>>('<donor-ranking limit="" timeout=""></donor-ranking>');
      donorsEl.data = { donors: Array.from({ length: 12 }, (_, i) => ({ name: `Example donor ${i + 1}`, amount: 100 - i })) };
      await donorsEl.loadComplete;
      const rows = [...donorsEl.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')].filter((row) => row.getClientRects().length);
      expect(rows, 'the default limit, 10').to.have.length(10);
      const list = await fixture<IomElement<unknown>>('<emergency-list limit="" heading-level=""></emergency-list>');
      list.data = emergencies;
      await list.loadComplete;
      expect(list.shadowRoot!.querySelector('h3'), 'the default heading level, 3').not.to.equal(null);
      for (const el of [donorsEl, list]) expect(el.shadowRoot!.querySelector('[part="attribute-warning"]')).to.equal(null);
      expect(warnings).to.deep.equal([]);
    } finally {
      console.warn = original;
    }
  });

  it('names the value a script set, not the attribute it replaced', async () => {
    const events: IomAttributeWarningDetail[] = [];
    const original = console.warn;
    console.warn = () => {};
    try {
      const el = await fixture<IomElement<unknown> & { limit: number }>('<donor-ranking limit="5"></donor-ranking>');
      el.addEventListener('iom-attribute-warning', (e) => events.push(e.detail));
      el.data = donors;
      await el.loadComplete;
      el.limit = -3;
      await el.updateComplete;
      expect(events.map((e) => e.message)).to.deep.equal(['limit -3 is not valid: use a whole number, 0 or more; showing 10.']);
    } finally {
      console.warn = original;
    }
  });
});
