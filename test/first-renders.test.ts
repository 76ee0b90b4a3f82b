import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { StatCounter } from '../src/stat-counter/stat-counter.js';
import { defineElement } from '../src/base/define-element.js';
import { part } from './support/dom.js';
import { hasStrings } from '../src/i18n/strings.js';

// Elements written into the page before their script defines them: the definition upgrades them
// all at once, and their first renders take turns over several tasks (src/base/first-renders.ts).
// Each test defines a subclass under a tag of its own, so that its elements are upgraded by a
// definition as a page's are. Every figure here is fictitious.

let tags = 0;
/** A tag not defined yet, and the class it will be defined with. */
function freshCounter(): { tag: string; define: () => void } {
  const tag = `upgraded-counter-${++tags}`;
  return { tag, define: () => defineElement(tag, class extends StatCounter {}) };
}

const box = (el: Element) => {
  const r = el.getBoundingClientRect();
  return [r.x, r.y, r.width, r.height].map((n) => Math.round(n)).join();
};

/** The layout-shift entries of Chromium's Layout Instability API, or undefined elsewhere. */
function watchShifts(): { total: () => number | undefined; stop: () => void } {
  if (!PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) return { total: () => undefined, stop: () => {} };
  let sum = 0;
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => (sum += (e as PerformanceEntry & { value: number }).value)));
  observer.observe({ type: 'layout-shift' });
  return {
    total: () => {
      observer.takeRecords().forEach((e) => (sum += (e as PerformanceEntry & { value: number }).value));
      return sum;
    },
    stop: () => observer.disconnect(),
  };
}

/** Samples `read()` at every animation frame until `until` settles (and once at the start). */
async function everyFrame<T>(read: () => T, until: Promise<unknown>): Promise<T[]> {
  const samples = [read()];
  let done = false;
  const sample = () => {
    if (done) return;
    samples.push(read());
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  await until;
  done = true;
  return samples;
}

describe('first renders of elements upgraded by their definition', () => {
  // First in the file: the test page has loaded no other language's words yet.
  it('wait for the words of their language: from what the page showed to the figure in one step', async () => {
    expect(hasStrings('es'), 'the Spanish words are not loaded yet').to.equal(false);
    const { tag, define } = freshCounter();
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    wrap.innerHTML = ['en', 'es', 'es']
      .map((locale, i) => `<${tag} value="${4200 + i}" label="example things" locale="${locale}" start="none"><span slot="fallback">${4200 + i} example things</span></${tag}>`)
      .join('');
    const counters = [...wrap.children] as StatCounter[];
    // What a counter shows: its loading state, its figure, or (held) what the page showed.
    const shows = (el: StatCounter) => (part(el, 'skeleton')?.getClientRects().length ? 'loading' : part(el, 'value')?.getClientRects().length ? 'figure' : 'fallback');
    define();
    const frames = await everyFrame(() => counters.map(shows).join(), Promise.all(counters.map((el) => el.updateComplete)));
    frames.push(counters.map(shows).join());
    expect(frames.filter((f) => f.includes('loading')), 'frames that showed a loading state').to.deep.equal([]);
    expect(frames.filter((f) => f.includes('figure') && f.includes('fallback')), 'frames that showed part of the batch').to.deep.equal([]);
    expect(frames[frames.length - 1]).to.equal('figure,figure,figure');
    expect(hasStrings('es')).to.equal(true);
  });

  it('show what the page showed until every one has rendered, then all at once', async () => {
    const { tag, define } = freshCounter();
    const locales = ['en', 'fr', 'es', 'ar'];
    // The words of the other languages first (a counter in each), so that the batch, once shown,
    // shows figures and not the loading state of a language still on its way.
    const words = freshCounter();
    words.define();
    const preload = await fixture<HTMLElement>(html`<div></div>`);
    preload.innerHTML = locales.map((locale) => `<${words.tag} value="1" locale="${locale}" start="none"></${words.tag}>`).join('');
    await Promise.all([...preload.children].map((el) => (el as StatCounter).updateComplete));
    expect([...preload.children].map((el) => (el as StatCounter).status), 'each language loaded').to.deep.equal(['ready', 'ready', 'ready', 'ready']);
    preload.remove();
    const formats = ['compact', 'standard', 'percent'];
    const wrap = await fixture<HTMLElement>(html`<div style="font-size: 8px">
      <div class="grid" style="display: grid; grid-template-columns: repeat(20, minmax(0, 1fr))"></div>
      <p class="after">After the figures</p>
    </div>`);
    // 400 counters, with their figure as fallback content, as `iom-widgets prerender --fallback` writes it.
    wrap.querySelector('.grid')!.innerHTML = Array.from(
      { length: 400 },
      (_, i) =>
        `<div dir="${locales[i % 4] === 'ar' ? 'rtl' : 'ltr'}"><${tag} value="${1000 + i}" format="${formats[i % 3]}" label="example things" locale="${locales[i % 4]}" start="none"><span slot="fallback">${1000 + i} example things</span></${tag}></div>`,
    ).join('');
    const counters = [...wrap.querySelectorAll(tag)] as StatCounter[];
    const after = wrap.querySelector('.after')!;
    const layout = () => [...counters.map(box), box(after)].join(' ');
    await new Promise(requestAnimationFrame);
    const before = layout();
    expect(counters[0].getBoundingClientRect().height, 'the fallback content is on screen').to.be.greaterThan(0);

    const shifts = watchShifts();
    define();
    await Promise.resolve();
    expect(counters.filter((el) => el.hasUpdated).length, "rendered in the definition's own task").to.equal(0);

    // Every frame until the last first render is complete shows the page as it was before.
    const frames = await everyFrame(
      () => ({ rendered: counters.filter((el) => el.hasUpdated).length, same: layout() === before }),
      Promise.all(counters.map((el) => el.updateComplete)),
    );
    const moved = shifts.total();
    shifts.stop();

    expect(frames.filter((f) => !f.same), 'frames that showed anything but the page as before the definition').to.deep.equal([]);
    if (moved !== undefined) expect(moved, 'layout shift while the counters rendered').to.equal(0);
    // Then every counter shows its own figure, and the fallback is gone.
    for (const [i, el] of counters.entries()) {
      const value = part(el, 'value')!;
      expect(value.getBoundingClientRect().height, `counter ${i}'s figure on screen`).to.be.greaterThan(0);
      expect(el.shadowRoot!.querySelector('slot'), `counter ${i} shows no fallback`).to.equal(null);
    }
    expect(part(counters[4], 'value')!.textContent!.replace(/\s+/g, ''), 'an English standard figure').to.equal('1,004');
    expect(layout()).not.to.equal(before);
  });

  it('announce iom-load and complete their update once they are on screen', async () => {
    const { tag, define } = freshCounter();
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    wrap.innerHTML = `<${tag} data='{"value": 4200, "label": "example things"}' start="none"><span slot="fallback">4,200 example things</span></${tag}>`;
    const el = wrap.firstElementChild as StatCounter;
    const onScreen = () => (part(el, 'value')?.getBoundingClientRect().height ?? 0) > 0;
    const loaded = oneEvent(el, 'iom-load').then(() => onScreen());
    define();
    expect(await loaded, 'the figure on screen when iom-load fires').to.equal(true);
    await el.updateComplete;
    expect(onScreen(), 'the figure on screen once the update is complete').to.equal(true);
  });

  it('stay hidden while held when the page hides them', async () => {
    const { tag, define } = freshCounter();
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    wrap.innerHTML = `<${tag} hidden value="4200" label="example things" start="none"><span slot="fallback">4,200 example things</span></${tag}>`;
    const el = wrap.firstElementChild as StatCounter;
    define();
    const heights = await everyFrame(() => el.getBoundingClientRect().height, el.updateComplete);
    heights.push(el.getBoundingClientRect().height);
    expect(heights.filter((h) => h > 0), 'frames that showed a hidden counter').to.deep.equal([]);
  });

  it('start counting up once they are on screen', async () => {
    const { tag, define } = freshCounter();
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    wrap.innerHTML = `<${tag} value="4200" label="example things" start="load" duration="60000"><span slot="fallback">4,200 example things</span></${tag}>`;
    const el = wrap.firstElementChild as StatCounter;
    // (A long count: its first frame comes however busy the machine is, before the count ends.)
    // The count's first step writes the moving digits: at that moment the figure must be on screen.
    const counting = new Promise<boolean>((resolve) => {
      const observer = new MutationObserver(() => {
        const value = part(el, 'value');
        if (!value?.hasAttribute('data-counting')) return;
        observer.disconnect();
        resolve(value.getBoundingClientRect().height > 0);
      });
      define();
      observer.observe(el.shadowRoot!, { subtree: true, attributes: true, childList: true });
    });
    expect(await counting, 'the figure on screen when its count starts').to.equal(true);
    const ended = oneEvent(el, 'iom-count-end');
    el.start = 'none';
    await ended;
  });

  it('keep a prerendered shadow root on screen until they render in it', async () => {
    const { tag, define } = freshCounter();
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    wrap.setHTMLUnsafe(`<${tag} value="4200" label="example things" start="none"><template shadowrootmode="open"><p>4,200 example things (prerendered)</p></template></${tag}>`);
    const el = wrap.firstElementChild as StatCounter;
    const height = el.getBoundingClientRect().height;
    expect(height).to.be.greaterThan(0);
    define();
    const shown = await everyFrame(() => el.getBoundingClientRect().height, el.updateComplete);
    expect(shown.filter((h) => h === 0), 'frames with nothing on screen').to.deep.equal([]);
    expect(part(el, 'value')!.textContent!.replace(/\s+/g, '')).to.equal('4,200');
  });
});
