/** A count as the UI writes it: "1,204". */
export const formatCount = (n: number): string => n.toLocaleString('en');

/** A count with its noun: "1 key", "1,204 keys" (`many` defaults to `one` + "s"). */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
