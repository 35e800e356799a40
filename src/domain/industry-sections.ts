/**
 * The divisions (大类) of each GB/T 4754 section (门类) are consecutive codes (C = 13–43), so a
 * section filter is a range: cheaper for the planner than a sub-select.
 */
export const SECTION_RANGES: Record<string, [string, string]> = {
  A: ['01', '05'],
  B: ['06', '12'],
  C: ['13', '43'],
  D: ['44', '46'],
  E: ['47', '50'],
  F: ['51', '52'],
  G: ['53', '60'],
  H: ['61', '62'],
  I: ['63', '65'],
  J: ['66', '69'],
  K: ['70', '70'],
  L: ['71', '72'],
  M: ['73', '75'],
  N: ['76', '79'],
  O: ['80', '82'],
  P: ['83', '83'],
  Q: ['84', '85'],
  R: ['86', '90'],
  S: ['91', '96'],
  T: ['97', '97'],
};
