import { describe, expect, it } from 'vitest';
import { SaveStatusStore } from '../../renderer/src/editor/saveStatus';

describe('the editor’s save status', () => {
  it('tells its label once per change: every keystroke’s "dirty" after the first one renders nothing', () => {
    const store = new SaveStatusStore(1_000);
    let notified = 0;
    store.subscribe(() => notified++);
    for (let key = 0; key < 20; key++) store.setStatus('dirty');
    expect(notified).toBe(1);
    store.setStatus('saving');
    store.setSavedAt(2_000);
    store.setStatus('clean');
    expect(notified).toBe(4);
    expect(store.getSnapshot()).toEqual({ status: 'clean', error: null, savedAt: 2_000 });
  });
});
