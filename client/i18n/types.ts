/**
 * The shape of a translated part: one string per key of the French part it
 * translates, no key missing and none added (the compiler checks it).
 */
export type Translation<T> = { [K in keyof T]: string }
