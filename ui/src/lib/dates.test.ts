import { describe, expect, it } from 'vitest';
import { formatWesternDate, localToday } from './dates';

describe('formatWesternDate', () => {
  it('writes Japanese and English dates', () => {
    expect(formatWesternDate('2025-02-21', 'ja-JP')).toBe('2025年2月21日');
    expect(formatWesternDate('2025-02-21', 'en-US')).toBe('21 February 2025');
    expect(formatWesternDate('not a date', 'ja-JP')).toBe('not a date');
  });
});

describe('localToday', () => {
  it('uses the local calendar date', () => {
    expect(localToday(new Date(2026, 3, 1, 0, 30))).toBe('2026-04-01');
  });
});
