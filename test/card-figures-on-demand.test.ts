// An objective card's figures are counters given data: the card is ready only once the counter's
// data spec is in too, so its figures are never drawn as loading skeletons after the card itself
// has drawn (that flash shifted a prerendered page's layout). This file runs in a page of its own:
// no counter has read data before it.
import { expect, fixture } from '@open-wc/testing';
import '../src/objective-card/define.js';
import type { IomElement } from '../src/base/iom-element.js';
import { shadowText } from './support/dom.js';

describe('an objective card with figures, in a page where no counter has read data yet', () => {
  it('draws its figures with the card: no counter inside is still loading', async () => {
    const card = await fixture<IomElement<unknown>>('<objective-card></objective-card>');
    card.data = { number: 1, title: 'Example objective (fictitious)', figures: [{ value: 1234, label: 'example people (fictitious)' }, { value: 56, label: 'example countries (fictitious)' }] };
    await card.loadComplete;
    await card.updateComplete;
    const counters = [...card.shadowRoot!.querySelectorAll<IomElement<unknown>>('stat-counter')];
    expect(counters).to.have.length(2);
    // At the card's first ready render, each counter already has what it needs to draw its figure.
    expect(counters.map((c) => c.status)).to.deep.equal(['ready', 'ready']);
    await Promise.all(counters.map((c) => c.updateComplete));
    expect(counters.map((c) => c.shadowRoot!.querySelector('[aria-busy="true"]'))).to.deep.equal([null, null]);
    expect(shadowText(counters[0]!)).to.contain('1,234');
  });
});
