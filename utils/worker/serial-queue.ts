/** Running read-modify-write steps on shared storage one at a time, so none is lost to a race. */

export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

/** A queue: each task starts when the one before it has settled (failed ones included). */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => {});
    return run;
  };
}
