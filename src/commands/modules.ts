import { summarizeModule } from "../core/summary.js";
import type { ModuleSummary } from "../core/summary.js";
import { requireModules } from "../io/modules.js";
import { renderModuleList } from "../report/terminal.js";

export interface ModulesOptions {
  modules?: string;
  json?: boolean;
  lang?: "en" | "th";
}

/** `assess modules`: the modules with their question counts by dimension. */
export async function modulesCommand(options: ModulesOptions): Promise<ModuleSummary[]> {
  const modules = await requireModules(options.modules);
  const summaries = modules.map(summarizeModule);
  if (options.json) process.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
  else process.stdout.write(renderModuleList(summaries, options.lang ?? "en"));
  return summaries;
}
