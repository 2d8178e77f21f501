import { summarizeModule } from "../core/summary.js";
import type { ModuleSummary } from "../core/summary.js";
import { requireModules } from "../io/modules.js";
import { renderModuleList } from "../report/terminal.js";
import { processStreams } from "../io/streams.js";
import type { Streams } from "../io/streams.js";

export interface ModulesOptions {
  modules?: string;
  json?: boolean;
  lang?: "en" | "th";
}

/** `assess modules`: the modules with their question counts by dimension. */
export async function modulesCommand(options: ModulesOptions, streams: Streams = processStreams()): Promise<ModuleSummary[]> {
  const modules = await requireModules(options.modules);
  const summaries = modules.map(summarizeModule);
  if (options.json) streams.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
  else streams.stdout.write(renderModuleList(summaries, options.lang ?? "en"));
  return summaries;
}
