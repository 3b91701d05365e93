import { describe, expect, it } from 'vitest';
import { screenClientId } from './screenClientId';

const memoryStorage = () => {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
};

describe('screenClientId', () => {
  it('keeps one id per source for the tab, so a reload resumes the same broker session', () => {
    const storage = memoryStorage();
    const first = screenClientId('backend', storage);
    expect(first).toMatch(/^sb-backend-[a-z0-9]{10}$/);
    expect(screenClientId('backend', storage)).toBe(first);
    expect(screenClientId('other', storage)).not.toBe(first);
  });

  it('gives each tab its own id, and still one when storage refuses', () => {
    expect(screenClientId('backend', memoryStorage())).not.toBe(screenClientId('backend', memoryStorage()));
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(screenClientId('backend', refusing)).toMatch(/^sb-backend-/);
  });
});
