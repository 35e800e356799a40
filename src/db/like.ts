/** Escapes LIKE wildcards so that user input matches literally. */
export const escapeLike = (s: string) => s.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_');

/** `%input%`, escaped: "contains". */
export const containsPattern = (s: string) => `%${escapeLike(s)}%`;
