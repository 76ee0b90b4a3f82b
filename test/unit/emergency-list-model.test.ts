// <emergency-list>'s model (model.ts), in Node: levels, search words, one model per data and
// locale, one view per question. Through the element, in the browsers: test/emergency-list.test.ts.
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { levelNumber, modelFor, searchTokens, viewOf } from '../../src/emergency-list/model.js';
import type { Emergency } from '../../src/emergency-list/emergency-list.data.js';

// 2017 levels from "IOM at a glance" (seed 001): active L3s and significant crisis responses.
const LEVELS_2017: Emergency[] = [
  { name: 'Syrian Arab Republic', level: 'L3' },
  { name: 'Libya', level: 'L3' },
  { name: 'Bolivarian Republic of Venezuela', level: 'Significant crisis response' },
  { name: 'Ethiopia', level: 'Significant crisis response' },
];

describe('the model (model.ts, pure)', () => {
  it('reads levels, and folds search words', () => {
    expect([levelNumber('L3'), levelNumber('Level 2'), levelNumber('l-1'), levelNumber('Significant crisis response')]).to.deep.equal([3, 2, 1, undefined]);
    expect(searchTokens('  Côte   d’Ivoire ')).to.deep.equal(['cote', "d'ivoire"]);
  });

  it('makes one model per data and locale, and one view per question', () => {
    const data = { emergencies: LEVELS_2017 };
    const model = modelFor(data, 'en');
    expect(modelFor(data, 'en')).to.equal(model);
    expect(modelFor(data, 'fr')).to.not.equal(model);
    expect(model.options.level).to.deep.equal(['L3', 'Significant crisis response']);
    const view = viewOf(model, 'name', { level: 'L3' }, []);
    expect(view.matches.map((x) => x.e.name)).to.deep.equal(['Libya', 'Syrian Arab Republic']);
    expect(viewOf(model, 'name', { level: 'L3' }, [])).to.equal(view);
    // A value the data does not have filters nothing out.
    expect(viewOf(model, '', { region: 'Nowhere' }, []).matches).to.have.length(4);
    expect(viewOf(model, '', {}, searchTokens('ETHIOPIA')).matches.map((x) => x.e.name)).to.deep.equal(['Ethiopia']);
  });
});
