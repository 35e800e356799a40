import { expect, it } from 'vitest';
import { shortCache } from './short-cache.js';

it('keeps a value per key for its time, reads again after it or after clear, and never keeps a failure', async () => {
  const cache = shortCache<number>(50);
  const a = {};
  const b = {};
  let reads = 0;
  const load = async () => ++reads;
  expect(await cache.get(a, load)).toBe(1);
  expect(await cache.get(a, load)).toBe(1);
  expect(await cache.get(b, load)).toBe(2);
  cache.clear(a);
  expect(await cache.get(a, load)).toBe(3);
  await new Promise((r) => setTimeout(r, 60));
  expect(await cache.get(a, load)).toBe(4);
  const c = {};
  expect(await cache.get(c, load)).toBe(5);
  await expect(cache.get(c, () => Promise.reject(new Error('down')))).resolves.toBe(5);
  cache.clear(c);
  await expect(cache.get(c, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
  expect(await cache.get(c, load)).toBe(6);
});
