/**
 * One measured cell: autocannon (closed loop, N connections, pipelining 1) against one server,
 * every response checked by the scenario's validator. Failures are counted by reason; a cell with
 * any failure fails the run.
 */

type AutocannonRequest = {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
};
type AutocannonResult = {
  duration: number;
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
};
type AutocannonOptions = {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  timeout?: number;
  requests: {
    method: string;
    path: string;
    headers: Record<string, string>;
    setupRequest: (
      request: AutocannonRequest,
      context: Record<string, unknown>,
    ) => AutocannonRequest;
    onResponse: (status: number, body: string, context: Record<string, unknown>) => void;
  }[];
};
type Autocannon = (
  options: AutocannonOptions,
  callback: (error: Error | null, result: AutocannonResult) => void,
) => unknown;

// autocannon ships no types.
const autocannon = require('autocannon') as Autocannon;

export type Sent = {
  body: string;
  cookie?: string;
  /** Checks the response; returns a failure reason, or null when it is right. */
  check: (status: number, body: string) => string | null;
};

export type CellResult = {
  ok: number;
  failures: Record<string, number>;
  seconds: number;
  rps: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  /** Response bytes, mean over validated responses. */
  bytes: number;
  /** A failing body, for the report. */
  sample?: string;
};

export const runLoad = (
  url: string,
  next: () => Sent,
  { connections, seconds }: { connections: number; seconds: number },
): Promise<CellResult> =>
  new Promise((resolve, reject) => {
    let ok = 0;
    let bytes = 0;
    const failures: Record<string, number> = {};
    let sample: string | undefined;
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        pipelining: 1,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            headers: {
              'content-type': 'application/json',
              'apollo-require-preflight': 'true',
            },
            setupRequest: (request, context) => {
              const sent = next();
              context.sent = sent;
              return {
                ...request,
                body: sent.body,
                headers: {
                  'content-type': 'application/json',
                  'apollo-require-preflight': 'true',
                  ...(sent.cookie ? { cookie: sent.cookie } : {}),
                },
              };
            },
            onResponse: (status, body, context) => {
              const sent = context.sent as Sent | undefined;
              const problem = sent ? sent.check(status, body) : 'no request context';
              if (problem) {
                failures[problem] = (failures[problem] ?? 0) + 1;
                sample ??= `${status} ${body.slice(0, 400)}`;
              } else {
                ok += 1;
                bytes += Buffer.byteLength(body);
              }
            },
          },
        ],
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        if (result.errors) {
          failures['socket errors'] = (failures['socket errors'] ?? 0) + result.errors;
        }
        if (result.timeouts) {
          failures.timeouts = (failures.timeouts ?? 0) + result.timeouts;
        }
        resolve({
          ok,
          failures,
          seconds: result.duration,
          rps: ok / result.duration,
          latencyMs: {
            p50: result.latency.p50,
            p90: result.latency.p90,
            p99: result.latency.p99,
            mean: result.latency.average,
            max: result.latency.max,
          },
          bytes: ok ? bytes / ok : 0,
          sample,
        });
      },
    );
  });

/** One request with fetch (for statement counts and byte-exact comparisons). */
export const sendOnce = async (url: string, sent: Sent) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(sent.cookie ? { cookie: sent.cookie } : {}),
    },
    body: sent.body,
  });
  const body = await response.text();
  return { status: response.status, body, problem: sent.check(response.status, body) };
};
