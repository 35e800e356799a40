/**
 * The name an uploaded file is shown and downloaded under: only a base name (whatever path the
 * client sent is dropped), no control, bidirectional-control or invisible characters, none of the
 * characters Windows refuses in names, at most 100 characters, and ending in the extension of the
 * type found in the bytes (a PDF named "报告.exe" becomes "报告.exe.pdf"). The name never becomes
 * a path: files are stored under their hash.
 */
export function safeFileName(raw: string, ext: string, fallback = '附件'): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base
    // C0/C1 controls, DEL, zero-width and bidirectional controls, BOM; lone surrogates.
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    // No leading dots (hidden files, "..") and no trailing dots or spaces (Windows drops them).
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const wanted = `.${ext.toLowerCase()}`;
  const aliases = ext.toLowerCase() === 'jpg' ? ['.jpg', '.jpeg'] : [wanted];
  const hasExt = aliases.some((a) => name.toLowerCase().endsWith(a) && name.length > a.length);
  let stem = hasExt ? name.slice(0, name.lastIndexOf('.')) : name;
  const suffix = hasExt ? name.slice(name.lastIndexOf('.')) : wanted;
  stem = stem.replace(/[.\s]+$/g, '');
  // Characters, not UTF-16 units, so that a name is never cut inside a character.
  const chars = [...stem];
  if (chars.length > 100 - suffix.length) stem = chars.slice(0, 100 - suffix.length).join('');
  name = stem ? `${stem}${suffix}` : `${fallback}${wanted}`;
  return name;
}

/** A Content-Disposition header for a download under `name` (RFC 6266 / 5987: every browser reads filename*). */
export function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const ascii = name.replace(/[^\x20-\x7E]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
