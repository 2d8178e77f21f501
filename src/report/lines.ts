// The text formats (HTML, Markdown) as lines, so that a report of thousands of institutions is
// written a line at a time: a line is its text, or parts made only as it is written (a table
// with a row per dataset of every institution).

export type Line = string | { parts: () => Iterable<string> };

export function lineText(line: Line): string {
  return typeof line === "string" ? line : [...line.parts()].join("");
}

/** The lines' text joined with a line break, part by part. */
export function* lineParts(lines: Iterable<Line>): Generator<string> {
  let first = true;
  for (const line of lines) {
    if (!first) yield "\n";
    first = false;
    if (typeof line === "string") yield line;
    else yield* line.parts();
  }
}

/** One line of text per item, made as it is written (a link per institution of thousands). */
export function eachLine<T>(items: Iterable<T>, text: (item: T, k: number) => string): Line {
  return {
    parts: function* () {
      let k = 0;
      for (const item of items) yield k ? `\n${text(item, k++)}` : text(item, k++);
    },
  };
}
