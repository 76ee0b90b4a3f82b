// First renders in turns (src/base/turns.ts): many at once run in tasks of at most 30 ms, in order.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { inTurn, myTurn, TURN_MS } from '../src/base/turns.js';
import '../src/stat-counter/define.js';
import type { StatCounter } from '../src/stat-counter/stat-counter.js';

/** Keeps the main thread busy for `ms`, as a costly render does. */
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('first renders in turns', () => {
  it('lets renders run while the task has time, then queues the rest, in order, for later tasks', async () => {
    await new Promise((ok) => setTimeout(ok)); // a task of its own: no render before these spent its turn
    let laterTask = false;
    setTimeout(() => (laterTask = true));
    const ran: [number, boolean][] = [];
    const all: Promise<void>[] = [];
    for (let i = 0; i < 5; i++) {
      const render = () => (busy(TURN_MS / 2.5), ran.push([i, laterTask]));
      if (myTurn()) render();
      else all.push(new Promise<void>((done) => inTurn(() => (render(), done()))));
    }
    expect(ran.length, 'the first ran at once').to.be.greaterThan(0);
    expect(all.length, 'the last waited for a later task').to.be.greaterThan(0);
    await Promise.all(all);
    expect(ran.map(([i]) => i), 'in order').to.deep.equal([0, 1, 2, 3, 4]);
    expect(ran[0][1], 'the first in this task').to.equal(false);
    expect(ran[4][1], 'the last in a later task').to.equal(true);
  });

  it('a hundred prerendered counters waking together all take over, each with its own figure', async () => {
    const host = await fixture<HTMLDivElement>(html`<div style="inline-size: 300px"></div>`);
    host.setHTMLUnsafe(
      Array.from({ length: 100 }, (_, i) => `<stat-counter value="${1000 + i}" label="example things (fictitious)" start="none"><template shadowrootmode="open"><div part="base" class="old">${1000 + i}</div></template></stat-counter>`).join(''),
    );
    const counters = [...host.children] as StatCounter[];
    await waitUntil(() => counters.every((el) => el instanceof customElements.get('stat-counter')!), 'upgraded', { timeout: 10_000 });
    await Promise.all(counters.map((el) => el.updateComplete));
    expect(counters.map((el) => el.shadowRoot!.querySelector('[part~="value"]')?.textContent?.trim())).to.deep.equal(counters.map((_, i) => (1000 + i).toLocaleString('en')));
    expect(counters.filter((el) => el.shadowRoot!.querySelector('.old'))).to.have.length(0);
  });

  it('a hundred counters appended at once, with nothing on screen before, render at once: no wave of late ones moves the page', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const counters = Array.from({ length: 100 }, (_, i) => Object.assign(document.createElement('stat-counter') as StatCounter, { value: 1000 + i, label: 'example things (fictitious)', start: 'none' }));
    host.append(...counters);
    await new Promise((ok) => setTimeout(ok));
    expect(counters.filter((el) => !el.hasUpdated), 'rendered in the task that added them').to.have.length(0);
  });
});
