/** The years an evaluation on these assessment dates reads: the three complete years before each. */
export function yearsFor(...assessmentDates: string[]): { from: number; to: number } {
  const priors = assessmentDates.map((d) => Number(d.slice(0, 4)) - 1);
  return { from: Math.min(...priors) - 2, to: Math.max(...priors) };
}
