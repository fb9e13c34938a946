/** The deepest folder containing every given root-relative folder (`.` when they share none). */
export function commonAncestor(dirs: readonly string[]): string {
  const split = dirs.map((dir) => (dir === '.' ? [] : dir.split('/')));
  const first = split[0] ?? [];
  let length = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < length && parts[i] === first[i]) {
      i += 1;
    }
    length = i;
  }
  return length === 0 ? '.' : first.slice(0, length).join('/');
}
