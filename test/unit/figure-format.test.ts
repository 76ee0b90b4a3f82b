// <stat-counter>'s figure text (figure-format.ts), in Node. How each figure reads in each browser's
// Intl: test/stat-counter.test.ts ("formats in each language").
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { formatFigure } from '../../src/stat-counter/figure-format.js';

describe('figure text', () => {
  it('lets a currency code after a long compact word start a line ("millions USD" is not one word)', () => {
    const compact = { format: 'compact', currency: 'USD' } as const;
    expect(formatFigure(30_000_000, compact, 'fr')).to.match(/^30 millions USD$/);
    expect(formatFigure(30_000_000, compact, 'es')).to.match(/^30 millones USD$/);
    // Before the number, the code stays with it: "USD 30" is not split.
    expect(formatFigure(30_000_000, compact, 'en')).to.equal('USD\u00a030 million');
  });
});
