import type { Account } from '../../../../shared/credentials/account';
import type { OAuthFlowState } from '../../../../shared/credentials/connect';
import { credentialMessageKey } from '../../../../shared/credentials/errors';
import { CredentialFailure, failureCode } from '../failure';
import type { LoopbackListener } from './loopbackListener';

type Finished = Exclude<OAuthFlowState, { status: 'pending' }>;

interface Flow {
  expiresAt: number;
  listener: LoopbackListener;
  done: Promise<Finished>;
  finished: Finished | null;
}

/** A finished flow's outcome stays available this long for a late awaitOAuth. */
const KEEP_FINISHED_MS = 10 * 60_000;

/**
 * Sign-ins under way in the system browser, by flow id. Each flow's outcome is settled exactly
 * once (connected, or failed with a credential code), announced through `onFinished`, and
 * answered to any number of awaitOAuth long polls.
 */
export class OAuthFlows {
  private readonly flows = new Map<string, Flow>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly onFinished: (flowId: string, outcome: Finished) => void) {}

  register(flowId: string, expiresAt: number, listener: LoopbackListener, outcome: Promise<Account>): void {
    const done = outcome.then(
      (account): Finished => ({ status: 'connected', flowId, account }),
      (error: unknown): Finished => {
        const code = failureCode(error);
        return { status: 'failed', flowId, code, messageKey: credentialMessageKey(code) };
      },
    );
    const flow: Flow = { expiresAt, listener, done, finished: null };
    void done.then((finished) => {
      flow.finished = finished;
      this.onFinished(flowId, finished);
      const timer = setTimeout(() => {
        this.flows.delete(flowId);
        this.timers.delete(timer);
      }, KEEP_FINISHED_MS);
      timer.unref();
      this.timers.add(timer);
    });
    this.flows.set(flowId, flow);
  }

  /** The outcome if there is one within `waitMs`, else `pending`. */
  async wait(flowId: string, waitMs: number): Promise<OAuthFlowState> {
    const flow = this.flows.get(flowId);
    if (!flow) throw new CredentialFailure('oauth_flow_not_found');
    if (flow.finished) return flow.finished;
    let timer: NodeJS.Timeout | undefined;
    const pending = new Promise<OAuthFlowState>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'pending', flowId, expiresAt: flow.expiresAt }), waitMs);
    });
    try {
      return await Promise.race([flow.done, pending]);
    } finally {
      clearTimeout(timer);
    }
  }

  cancel(flowId: string): void {
    const flow = this.flows.get(flowId);
    if (!flow) throw new CredentialFailure('oauth_flow_not_found');
    flow.listener.cancel();
  }

  /** Core is closing: stop listening everywhere. */
  closeAll(): void {
    for (const flow of this.flows.values()) flow.listener.cancel();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
