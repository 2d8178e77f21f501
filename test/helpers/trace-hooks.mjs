// Module hooks that log every resolved import to $ASSESS_TRACE_FILE (used to check lazy loading).
import { appendFileSync } from "node:fs";

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.ASSESS_TRACE_FILE) appendFileSync(process.env.ASSESS_TRACE_FILE, `${result.url}\n`);
  return result;
}
