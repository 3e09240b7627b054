/**
 * Runs code inside the extension's content script world of a page (its isolated world), via
 * CDP: what a compromised or confused content script could do, done for real.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface ContentWorld {
  /** Evaluates `expression` (awaited) in the content script's world; resolves with its JSON value. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  close(): Promise<void>;
}

interface ContextCreated {
  context: { id: number; name: string; auxData?: { type?: string; isDefault?: boolean } };
}

/** Attaches to the content script world of `page` (which must have run the content script). */
export async function contentWorld(page: Page, extensionName: string): Promise<ContentWorld> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: ContextCreated['context'][] = [];
  cdp.on('Runtime.executionContextCreated', (event: ContextCreated) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 5_000;
  let world: ContextCreated['context'] | undefined;
  while (!(world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === extensionName))) {
    if (Date.now() > deadline) throw new Error(`No content script world named ${extensionName}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const contextId = world.id;
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const result = await cdp.send('Runtime.evaluate', {
        expression,
        contextId,
        awaitPromise: true,
        returnByValue: true,
      });
      if (result.exceptionDetails) {
        throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
      }
      return result.result.value as T;
    },
    close: () => cdp.detach().catch(() => {}),
  };
}
