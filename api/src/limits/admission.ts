import type { IncomingMessage } from 'node:http';
import type { ApiEnv } from '../env';
import { LIMITS, type LimitError, limitErrors } from './limits';

export type AdmissionLimits = {
  /** GraphQL requests this process works on at once. */
  maxInFlight: number;
  /** Of those, from one client. */
  maxInFlightPerClient: number;
  /** Estimated cost (cost.ts) this process works on at once. */
  maxCostInFlight: number;
  /** Of that, for one client. */
  maxCostInFlightPerClient: number;
};

/** One admitted request: its client and the cost charged to it so far. */
export type Ticket = { client: string | null; cost: number; open: boolean };

/**
 * Who gets this process's time. Each API process protects its own CPU and memory, so the counts
 * are in this process's memory on purpose (they are about this process, not shared state): a
 * request over a limit is answered at once (429 for one client's share, 503 for the process's)
 * instead of queueing behind work it would only make slower. Rate limits over time, which must
 * hold across processes, stay in PostgreSQL (lib/rate-limit.ts).
 *
 * `client` is the caller's address (lib/client-address.ts); null for our own web server's
 * server-side rendering (loopback without X-Forwarded-For), which serves many visitors and is
 * held only by the process-wide limits.
 */
export class Admission {
  private inFlight = 0;
  private costInFlight = 0;
  private readonly perClient = new Map<string, { requests: number; cost: number }>();

  constructor(readonly limits: AdmissionLimits) {}

  /** Admits a request or says which limit refuses it. */
  enter(client: string | null): Ticket | LimitError {
    if (this.inFlight >= this.limits.maxInFlight) {
      return limitErrors.inFlight(this.limits.maxInFlight);
    }
    if (client !== null) {
      const share = this.perClient.get(client);
      if (share && share.requests >= this.limits.maxInFlightPerClient) {
        return limitErrors.clientInFlight(this.limits.maxInFlightPerClient);
      }
      this.perClient.set(client, {
        requests: (share?.requests ?? 0) + 1,
        cost: share?.cost ?? 0,
      });
    }
    this.inFlight += 1;
    return { client, cost: 0, open: true };
  }

  /**
   * Charges the operation's estimated cost before it executes; refuses it when the process or
   * the client already has that much work in progress. A request alone always fits (the cost
   * limit is below both budgets), so a lone heavy request is never refused here.
   */
  charge(ticket: Ticket, cost: number): LimitError | null {
    if (!ticket.open) {
      return null;
    }
    const share = ticket.client === null ? null : this.perClient.get(ticket.client);
    if (this.costInFlight > 0 && this.costInFlight + cost > this.limits.maxCostInFlight) {
      return limitErrors.costInFlight(this.limits.maxCostInFlight);
    }
    if (share && share.cost > 0 && share.cost + cost > this.limits.maxCostInFlightPerClient) {
      return limitErrors.clientCostInFlight(this.limits.maxCostInFlightPerClient);
    }
    ticket.cost += cost;
    this.costInFlight += cost;
    if (share) {
      share.cost += cost;
    }
    return null;
  }

  /** Releases the request's slot and cost (idempotent). */
  leave(ticket: Ticket): void {
    if (!ticket.open) {
      return;
    }
    ticket.open = false;
    this.inFlight -= 1;
    this.costInFlight -= ticket.cost;
    if (ticket.client !== null) {
      const share = this.perClient.get(ticket.client);
      if (share) {
        share.requests -= 1;
        share.cost -= ticket.cost;
        if (share.requests <= 0) {
          this.perClient.delete(ticket.client);
        }
      }
    }
  }

  /** Requests in progress (for tests and logs). */
  get load(): { requests: number; cost: number; clients: number } {
    return { requests: this.inFlight, cost: this.costInFlight, clients: this.perClient.size };
  }
}

/** One per process, shared by HTTP (http.ts) and the WebSocket transport (ws.ts). */
export const createAdmission = (
  env: Pick<ApiEnv, 'MAX_IN_FLIGHT' | 'MAX_IN_FLIGHT_PER_CLIENT'>,
): Admission =>
  new Admission({
    maxInFlight: env.MAX_IN_FLIGHT,
    maxInFlightPerClient: env.MAX_IN_FLIGHT_PER_CLIENT,
    maxCostInFlight: LIMITS.maxCostInFlight,
    maxCostInFlightPerClient: LIMITS.maxCostInFlightPerClient,
  });

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Whose share a request counts against: its client address; null for our own web server's
 * server-side rendering (loopback, no X-Forwarded-For), which speaks for many visitors. The same
 * for a WebSocket's upgrade request.
 */
export const admissionKey = (req: IncomingMessage, address: string): string | null =>
  req.headers['x-forwarded-for'] === undefined && LOOPBACK.test(req.socket.remoteAddress ?? '')
    ? null
    : address;
