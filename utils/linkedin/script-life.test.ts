// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScriptLife, extensionAlive } from './script-life';

let alive = true;

beforeEach(() => {
  vi.useFakeTimers();
  alive = true;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createScriptLife', () => {
  it('runs timers while the extension is there, and stops them all once it is gone', () => {
    const life = createScriptLife(() => alive);
    const ticks = vi.fn();
    const later = vi.fn();
    life.setInterval(ticks, 1_000);
    life.setTimeout(later, 5_000);

    vi.advanceTimersByTime(2_000);
    expect(ticks).toHaveBeenCalledTimes(2);

    alive = false;
    vi.advanceTimersByTime(10_000);
    expect(ticks).toHaveBeenCalledTimes(2);
    expect(later).not.toHaveBeenCalled();
    expect(life.ended).toBe(true);
    expect(life.holding).toBe(0);
  });

  it('runs the end callbacks once, when a tick finds the extension gone', () => {
    const life = createScriptLife(() => alive);
    const ended = vi.fn();
    life.onEnd(ended);
    life.setInterval(() => {}, 1_000);

    alive = false;
    vi.advanceTimersByTime(3_000);
    expect(ended).toHaveBeenCalledTimes(1);
    // Asked after the end, it runs at once.
    const late = vi.fn();
    life.onEnd(late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('takes its listeners off the page when it ends', () => {
    const life = createScriptLife(() => alive);
    const clicks = vi.fn();
    life.listen(document, 'click', clicks);

    document.dispatchEvent(new Event('click'));
    alive = false;
    expect(life.ended).toBe(true);
    document.dispatchEvent(new Event('click'));

    expect(clicks).toHaveBeenCalledTimes(1);
  });

  it('skips a frame callback that comes after the end', () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const life = createScriptLife(() => alive);
    const frame = vi.fn();
    life.requestAnimationFrame(frame);

    alive = false;
    frames[0]!(0);

    expect(frame).not.toHaveBeenCalled();
  });

  it('forgets the timers and frames that have run: nothing piles up over a long session', () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const life = createScriptLife(() => alive);
    life.onEnd(() => {});

    for (let i = 0; i < 50; i++) {
      life.setTimeout(() => {}, 10);
      life.requestAnimationFrame(() => {});
    }
    vi.advanceTimersByTime(20);
    frames.forEach((frame) => frame(0));
    // Cancelled ones too (a navigation drops its wait, a removed badge its watchdog).
    for (let i = 0; i < 50; i++) {
      life.setTimeout(() => {}, 10)();
      life.setInterval(() => {}, 10)();
    }

    // The end callback is all it still holds.
    expect(life.holding).toBe(1);
  });

  it('runs every end step even when one of them throws, and reports it', () => {
    const reported = vi.fn();
    vi.stubGlobal('reportError', reported);
    const life = createScriptLife(() => alive);
    const ticks = vi.fn();
    const after = vi.fn();
    life.onEnd(() => {
      throw new Error('runtime half gone');
    });
    life.onEnd(after);
    life.setInterval(ticks, 1_000);

    alive = false;
    expect(life.ended).toBe(true);
    vi.advanceTimersByTime(5_000);

    expect(after).toHaveBeenCalledTimes(1);
    expect(ticks).not.toHaveBeenCalled();
    expect(life.holding).toBe(0);
    expect(reported).toHaveBeenCalledWith(new Error('runtime half gone'));
    vi.unstubAllGlobals();
  });

  it('holds nothing scheduled after its end', () => {
    const life = createScriptLife(() => alive);
    alive = false;
    expect(life.ended).toBe(true);
    const late = vi.fn();
    life.setInterval(late, 10);
    life.setTimeout(late, 10);
    life.listen(document, 'click', late);
    vi.advanceTimersByTime(100);
    document.dispatchEvent(new Event('click'));

    expect(late).not.toHaveBeenCalled();
    expect(life.holding).toBe(0);
  });

  it('never runs what was cancelled', () => {
    const life = createScriptLife(() => alive);
    const later = vi.fn();
    const ticks = vi.fn();
    life.setTimeout(later, 1_000)();
    const stopTicking = life.setInterval(ticks, 1_000);
    vi.advanceTimersByTime(1_000);
    stopTicking();
    vi.advanceTimersByTime(5_000);

    expect(later).not.toHaveBeenCalled();
    expect(ticks).toHaveBeenCalledTimes(1);
  });
});

describe('extensionAlive', () => {
  it('is true while the runtime has an ID, false once it is taken away', () => {
    const chrome = (globalThis as { chrome?: unknown }).chrome;
    try {
      (globalThis as { chrome?: unknown }).chrome = { runtime: { id: 'abc' } };
      expect(extensionAlive()).toBe(true);
      (globalThis as { chrome?: unknown }).chrome = { runtime: undefined };
      expect(extensionAlive()).toBe(false);
      (globalThis as { chrome?: unknown }).chrome = undefined;
      expect(extensionAlive()).toBe(false);
    } finally {
      (globalThis as { chrome?: unknown }).chrome = chrome;
    }
  });
});
