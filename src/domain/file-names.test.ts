import { describe, expect, it } from 'vitest';
import { contentDisposition, safeFileName } from './file-names.js';

describe('safeFileName', () => {
  it('keeps only the base name of a path, with slashes or backslashes', () => {
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\张伟\\报告.pdf', 'pdf')).toBe('报告.pdf');
    expect(safeFileName('..', 'png')).toBe('附件.png');
    expect(safeFileName('../', 'png')).toBe('附件.png');
  });
  it('drops control, bidirectional and zero-width characters and what Windows refuses', () => {
    expect(safeFileName('a\u0000b\u0007c\u202Efdp.exe', 'pdf')).toBe('abcfdp.exe.pdf');
    expect(safeFileName('年度\u200B报告<1>.docx', 'docx')).toBe('年度报告_1_.docx');
    expect(safeFileName('\r\n', 'jpg')).toBe('附件.jpg');
  });
  it('ends in the extension of the type found in the bytes', () => {
    expect(safeFileName('照片.JPEG', 'jpg')).toBe('照片.JPEG');
    expect(safeFileName('照片.jpg', 'jpg')).toBe('照片.jpg');
    expect(safeFileName('setup.exe', 'pdf')).toBe('setup.exe.pdf');
    expect(safeFileName('.pdf', 'pdf')).toBe('pdf.pdf');
    expect(safeFileName('.bashrc', 'png')).toBe('bashrc.png');
  });
  it('cuts long names at 100 characters, never inside a character, keeping the extension', () => {
    const name = safeFileName(`${'😀'.repeat(150)}.pdf`, 'pdf');
    expect([...name].length).toBe(100);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('contentDisposition', () => {
  it('carries the Chinese name as RFC 5987 filename* and an ASCII fallback', () => {
    const header = contentDisposition("企业'佐证(1).pdf");
    expect(header).toBe(`attachment; filename="__'__(1).pdf"; filename*=UTF-8''%E4%BC%81%E4%B8%9A%27%E4%BD%90%E8%AF%81%281%29.pdf`);
    expect(decodeURIComponent(header.split("''")[1])).toBe("企业'佐证(1).pdf");
  });
});
