/**
 * Whether two hashes are equal, looking at every character whatever the first difference, so the
 * time taken does not tell a guesser how much of a hash they got right. The length is not secret
 * (hashes have one fixed length), so different lengths return at once.
 */
export function equalInConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}
