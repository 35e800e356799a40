// Chinese names have no spaces, and officers search by any part of a name ("西山" should find
// 重庆西山科技股份有限公司). Indexing every pair of adjacent characters gives that: a query's
// pairs must all be present (found through a GIN index), and a LIKE on the name then confirms
// that they are adjacent. No dictionary is needed, and words a segmenter does not know still match.

/** Letters, digits and CJK only, lower case, full-width folded. */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The distinct adjacent-character pairs of a text (a single character gives itself). */
export function characterPairs(text: string): string[] {
  const chars = Array.from(normaliseForSearch(text));
  if (chars.length <= 1) return chars;
  const pairs = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) pairs.add(chars[i] + chars[i + 1]);
  return [...pairs];
}

/** What goes into the search column of an enterprise: the pairs of its name, space-separated. */
export function searchTextOf(name: string): string {
  return characterPairs(name).join(' ');
}
