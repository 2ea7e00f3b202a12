import { describe, expect, it, vi } from 'vitest';

vi.mock('./backend', () => ({}));

import { passphraseProblem } from './access.svelte';

describe('passphraseProblem', () => {
  it('asks for the minimum length in characters, not bytes', () => {
    expect(passphraseProblem('短いです', '短いです', 10)).toBe('short');
    expect(passphraseProblem('情報セキュリティ研修だよ', '情報セキュリティ研修だよ', 10)).toBeNull();
    expect(passphraseProblem('          a', '          a', 10)).toBe('short');
  });

  it('refuses two different entries', () => {
    expect(passphraseProblem('情報セキュリティ研修だよ', '情報セキュリティ研修だね', 10)).toBe('mismatch');
  });
});
