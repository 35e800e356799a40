/**
 * A server type as it arrives over JSON: dates become ISO strings. The web app takes its types from the
 * server's schemas (`z.output<typeof schema>`, imported type-only from src/modules/<m>/<m>.schemas.ts)
 * and passes them through this.
 */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends (...args: never[]) => unknown
      ? T
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;
