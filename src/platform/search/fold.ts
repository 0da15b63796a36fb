// Vietnamese-aware folding for search: "Đổng Xá" and "dong xa" index and match the same.
// Marks are stripped after NFD; đ/Đ are separate letters in Unicode (not d + mark), so they are
// mapped explicitly.
const MARKS = /[\u0300-\u036f]/g;

export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Words of a query, folded, for prefix matching ("dan chu" -> ["dan", "chu"]). */
export function foldTerms(query: string): string[] {
  return fold(query)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}
