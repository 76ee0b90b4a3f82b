// Types of recorded-apis.mjs, for the TypeScript tests.
export interface RecordedRequest {
  host: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
}
export const API_HOSTS: string[];
export const TEST_DTM_KEY: string;
export const APPNAME: { approved: string; notApproved: string; usedUp: string };
export const saved: Map<string, string>;
export function serveRecordedApis(): Promise<{ base: string; requests: RecordedRequest[]; close(): Promise<void> }>;
export function redirectFetch(base: string): () => void;
