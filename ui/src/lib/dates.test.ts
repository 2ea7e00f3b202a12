import { describe, expect, it } from 'vitest';
import { formatWesternDate } from './dates';

describe('formatWesternDate', () => {
  it('writes Japanese and English dates', () => {
    expect(formatWesternDate('2025-02-21', 'ja-JP')).toBe('2025年2月21日');
    expect(formatWesternDate('2025-02-21', 'en-US')).toBe('21 February 2025');
    expect(formatWesternDate('not a date', 'ja-JP')).toBe('not a date');
  });
});
