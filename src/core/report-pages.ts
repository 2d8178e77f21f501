// A report too large for one page to be useful keeps its summary, heatmaps and data map in
// report.html and report.md, and writes each institution's section as a page of its own.

/** Above this many institutions, the institution sections are pages of their own (README: Reports at scale). */
export const INSTITUTION_PAGES_ABOVE = 300;

/** The folder of those pages, beside report.html and report.md. */
export const INSTITUTION_PAGES = "institutions";

/**
 * A page name for each institution, in report order: its place (so names never clash and
 * sort as the report does) and its id, made safe for any file system.
 */
export function institutionPageNames(ids: readonly string[]): string[] {
  const digits = String(ids.length).length;
  return ids.map((id, k) => `${String(k + 1).padStart(digits, "0")}-${id.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").slice(0, 60)}`);
}
