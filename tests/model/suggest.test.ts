/** "Did you mean" (src/model/suggest.ts). */
import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../../src/model/suggest.ts';

describe('suggestions', () => {
  it('measures edit distance', () => {
    expect(editDistance('tittle', 'title')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('complet', 'complete')).toBe(1);
  });

  it('suggests a near miss', () => {
    expect(didYouMean('training-subgroup', ['neglect-task-and-finish-group', 'training-sub-group'])).toBe(
      'did you mean "training-sub-group"?',
    );
    expect(didYouMean('complet', ['in-progress', 'complete'])).toBe('did you mean "complete"?');
  });

  it('suggests the only candidate when it contains the word', () => {
    expect(closest('training', ['training-sub-group'])).toBe('training-sub-group');
  });

  it('suggests a candidate that contains the word, even when a shorter unrelated id is nearer', () => {
    expect(closest('training', ['training-sub-group', 'board'])).toBe('training-sub-group');
  });

  it('suggests nothing when nothing is close', () => {
    expect(didYouMean('exploitation', ['neglect', 'board'])).toBeUndefined();
    expect(didYouMean('anything', [])).toBeUndefined();
  });
});
