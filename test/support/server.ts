import { executeServerCommand } from '@web/test-runner-commands';
// The test server's side of a test (scripts/test-endpoints.mjs): requests it holds back.

/**
 * A URL that serves `path` (from the site root), held back by the test server until
 * `heldOutcome(key)` is asked; `key` names it there (unique: test pages run side by side).
 */
export function heldUrl(path: string): { url: string; key: string } {
  const key = `h${crypto.randomUUID()}`;
  return { url: `/__test__/held/${key}${path}`, key };
}

/** Whether the held request `key` has reached the server (waits for it, up to 20 s): it is in flight. */
export async function heldArrived(key: string): Promise<boolean> {
  const response = await fetch(`/__test__/held-arrived/${key}`);
  return ((await response.json()) as { arrived: boolean }).arrived;
}

/**
 * What became of the held request `key`: 'aborted' once the browser has dropped it, 'open' if it
 * was still waiting 20 s after it arrived, 'not requested' if it never came. Lets it through after.
 */
export async function heldOutcome(key: string): Promise<'aborted' | 'open' | 'not requested'> {
  const response = await fetch(`/__test__/held-outcome/${key}`);
  return ((await response.json()) as { outcome: 'aborted' | 'open' | 'not requested' }).outcome;
}

/** Lets the held request `key` through now (or as soon as it arrives). */
export async function releaseHeld(key: string): Promise<void> {
  await fetch(`/__test__/held-release/${key}`);
}

/**
 * Makes this page's next request for `path` (a module, such as `/src/data/reader.ts`) fail, as a
 * flaky network drops one (scripts/fail-request-plugin.mjs). With `hold`, the request waits first,
 * until `failHeldRequest()`: the test sees what the page does meanwhile.
 */
export async function failNextRequest(path: string, { hold = false } = {}): Promise<void> {
  await executeServerCommand('fail-next-request', { path, hold, userAgent: navigator.userAgent });
}

/** Waits (up to 10 s) for the request held by `failNextRequest(…, { hold: true })`: true once it is held. */
export async function heldRequestArrived(): Promise<boolean> {
  return (await executeServerCommand('held-request-arrived')) === true;
}

/** Fails the held request now. */
export async function failHeldRequest(): Promise<void> {
  await executeServerCommand('fail-held-request');
}
