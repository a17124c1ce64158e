import { describe, expect, it } from 'vitest';
import { countByStatus, rollUp } from '../../src/model/resolve/status.ts';

describe('the status roll-up rule', () => {
  it('gives no status to an item with no actions', () => {
    expect(rollUp(undefined, [])).toBeUndefined();
  });
  it('keeps a status the plan states, whatever the actions say', () => {
    expect(rollUp('delayed', ['complete', 'complete'])).toBe('delayed');
  });
  it('is complete when every action is complete', () => {
    expect(rollUp(undefined, ['complete', 'complete', 'complete'])).toBe('complete');
  });
  it('is not started when no action has started', () => {
    expect(rollUp(undefined, ['not-started', 'not-started'])).toBe('not-started');
  });
  it('is in progress when some are done and some not started (mixed)', () => {
    expect(rollUp(undefined, ['complete', 'not-started'])).toBe('in-progress');
    expect(rollUp(undefined, ['in-progress', 'not-started'])).toBe('in-progress');
  });
  it('is delayed when any action is delayed', () => {
    expect(rollUp(undefined, ['complete', 'delayed', 'in-progress'])).toBe('delayed');
  });
  it('is ongoing when every action is ongoing or complete', () => {
    expect(rollUp(undefined, ['ongoing', 'complete'])).toBe('ongoing');
  });
  it('leaves cancelled actions out, and is cancelled only when all are', () => {
    expect(rollUp(undefined, ['complete', 'cancelled'])).toBe('complete');
    expect(rollUp(undefined, ['cancelled', 'cancelled'])).toBe('cancelled');
  });
  it('counts statuses in the fixed order, leaving out zeros', () => {
    expect(countByStatus(['complete', 'not-started', 'complete'])).toEqual([
      { status: 'not-started', count: 1 },
      { status: 'complete', count: 2 },
    ]);
  });
});
