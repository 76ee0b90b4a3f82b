// A flaky network drops the first request of the French words: a French card says why, with a
// Retry that brings them. (A page of its own: no widget has loaded French before.)
import { expect, fixture } from '@open-wc/testing';
import '../../src/objective-card/define.js';
import type { IomElement } from '../../src/base/iom-element.js';
import { part, shadowText } from '../support/dom.js';
import { failNextRequest } from '../support/server.js';

describe('the words of a language, when their first request fails', () => {
  it('a French card shows why, with an iom-error, and Retry shows it in French', async () => {
    await failNextRequest('/src/i18n/words/fr.ts');
    const host = await fixture<HTMLDivElement>('<div></div>');
    const errors: string[] = [];
    host.addEventListener('iom-error', (e) => errors.push(e.detail.message));
    host.innerHTML = `<objective-card locale="fr" data='{"number": 1, "title": "Objectif d’exemple (fictif)"}'></objective-card>`;
    const card = host.firstElementChild as IomElement<unknown>;
    await card.loadComplete;
    expect(card.status).to.equal('error');
    expect(part(card, 'error')?.textContent).to.contain('could not load its French words');
    expect(errors).to.have.length(1);

    part(card, 'retry')!.click();
    await card.loadComplete;
    expect(card.status).to.equal('ready');
    expect(shadowText(card)).to.contain('Objectif 1');
    expect(shadowText(card)).to.contain('Objectif d’exemple (fictif)');
  });
});
