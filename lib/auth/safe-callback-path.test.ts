import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback-path';

const origin = 'https://posture.example';

describe('callbackUrl judge: same-origin paths only, after URL normalisation', () => {
  it.each([
    ['/databases', '/databases'],
    ['/databases?env=prod#top', '/databases?env=prod#top'],
    ['/settings/users', '/settings/users'],
    ['databases', '/databases'],
    ['https://posture.example/alerts', '/alerts'],
    ['https://posture.example:443/alerts', '/alerts'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/a/../b', '/b'],
  ])('keeps %j as %j', (value, expected) => {
    expect(safeCallbackPath(value, origin)).toBe(expected);
  });

  it.each([
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    'https://evil.example/',
    'http://posture.example/alerts',
    'https://posture.example.evil.example/',
    'https://evil.example@posture.example.evil/',
    'https://posture.example//evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http:evil.example',
    'https:/\\evil.example',
    '',
  ])('refuses %j', (value) => {
    const judged = safeCallbackPath(value, origin);
    expect(judged).toBe('/');
  });

  it('refuses what is not a string or is absurdly long', () => {
    expect(safeCallbackPath(undefined, origin)).toBe('/');
    expect(safeCallbackPath(['/a', '/b'], origin)).toBe('/');
    expect(safeCallbackPath(`/${'a'.repeat(5000)}`, origin)).toBe('/');
  });

  it('whatever it returns, a browser resolving it stays on the origin', () => {
    const values = ['/\t/evil.example', '/x', '//x', '/\\x', 'https://posture.example//x', '/%09/evil.example', '/.//evil.example'];
    for (const v of values) {
      const path = safeCallbackPath(v, origin);
      expect(new URL(path, `${origin}/login`).origin, v).toBe(origin);
      expect(new URL(`${origin}${path}`).origin, v).toBe(origin);
    }
  });

  it('without an origin (the login page on the server) only paths pass', () => {
    expect(safeCallbackPath('/\t/evil.example')).toBe('/');
    expect(safeCallbackPath('/databases')).toBe('/databases');
    expect(safeCallbackPath('https://evil.example/')).toBe('/');
  });
});
