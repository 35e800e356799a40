import { describe, expect, it } from 'vitest';
import { fileSize } from '../../web/src/shared/file-size.js';

describe('fileSize', () => {
  it('reads as people read sizes, in Chinese units', () => {
    expect(fileSize(0)).toBe('0 字节');
    expect(fileSize(1023)).toBe('1023 字节');
    expect(fileSize(1024)).toBe('1.0 KB');
    expect(fileSize(3500)).toBe('3.4 KB');
    expect(fileSize(20 * 1024 * 1024)).toBe('20.0 MB');
    expect(fileSize(undefined)).toBe('—');
    expect(fileSize(-1)).toBe('—');
  });
});
