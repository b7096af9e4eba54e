/** Resolves after `ms`: the bound of a wait raced against data. No imports: the entry chunk uses it. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
