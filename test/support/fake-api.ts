// An API that answers in the page, for tests of what a widget does with its answers over time
// (refresh, Retry): no network, and each request counted.

const STATUS_TEXT: Record<number, string> = { 429: 'Too Many Requests', 503: 'Service Unavailable' };

export type Answer = object | number | Promise<object>;

/**
 * An API at a new address, answering each request with the next answer: a body (JSON), a status
 * (an error), or a promise of a body (held until the test lets it through). `path` ends the address
 * (a query, say). `restore()` gives the page its own fetch back.
 */
export function fakeApi(answers: Answer[], path = 'figures.json') {
  const url = `${location.origin}/api/${crypto.randomUUID()}/${path}`;
  const requests: { url: string; init: RequestInit }[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  const real = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const address = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (address !== url) return real(input, init);
    requests.push({ url: address, init: init ?? {} });
    for (const w of waiting.filter((w) => requests.length >= w.count)) w.resolve();
    const answer = await answers.shift();
    if (typeof answer === 'number') return new Response(`status ${answer}`, { status: answer, statusText: STATUS_TEXT[answer] ?? '' });
    return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
  };
  return {
    url,
    requests,
    /** Resolves once the API has had `count` requests. */
    arrived: (count: number) => new Promise<void>((resolve) => (requests.length >= count ? resolve() : waiting.push({ count, resolve }))),
    restore: () => (window.fetch = real),
  };
}

