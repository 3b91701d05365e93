import { describe, expect, it } from 'vitest';
import { mockOptionsFromEnv } from './mockOptionsFromEnv';

describe('mockOptionsFromEnv', () => {
  it('warms the server up for a week, so playback of the last 7 days has something to show at once', () => {
    expect(mockOptionsFromEnv({}).warmUpMs).toBe(7 * 86_400_000);
    expect(mockOptionsFromEnv({ MOCK_WARMUP_HOURS: '2' }).warmUpMs).toBe(2 * 3_600_000);
  });

  it('leaves /control to the way of running unless MOCK_CONTROL says on or off', () => {
    expect(mockOptionsFromEnv({}).control).toBeUndefined();
    expect(mockOptionsFromEnv({ MOCK_CONTROL: 'on' }).control).toBe(true);
    expect(mockOptionsFromEnv({ MOCK_CONTROL: 'off' }).control).toBe(false);
    expect(() => mockOptionsFromEnv({ MOCK_CONTROL: 'yes' })).toThrow(/MOCK_CONTROL must be on or off/);
  });

  it('says which setting is wrong', () => {
    expect(() => mockOptionsFromEnv({ MOCK_WARMUP_HOURS: 'a week' })).toThrow(/MOCK_WARMUP_HOURS must be a positive number/);
    expect(() => mockOptionsFromEnv({ MOCK_START: 'soon' })).toThrow(/MOCK_START/);
  });
});
