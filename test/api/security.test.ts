import { describe, expect, it } from 'vitest';
import { isTrustedUrl } from '../../electron/security.js';

describe('IPC sender check', () => {
  it('trusts only pages served from app://bidforge', () => {
    expect(isTrustedUrl('app://bidforge/index.html')).toBe(true);
    expect(isTrustedUrl('https://bidforge/index.html')).toBe(false);
    expect(isTrustedUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedUrl('file:///etc/passwd')).toBe(false);
    expect(isTrustedUrl('not a url')).toBe(false);
    expect(isTrustedUrl(undefined)).toBe(false);
  });
});
