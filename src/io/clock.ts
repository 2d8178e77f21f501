// The one place that reads the clock: today's date on this machine, YYYY-MM-DD.
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** This moment, as an ISO 8601 timestamp (UTC), for records of when a run started and ended. */
export function now(): string {
  return new Date().toISOString();
}
