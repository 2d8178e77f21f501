import { describe, expect, it } from "vitest";
import { idFor } from "../src/core/ids.js";

const LONG = "Register of migrant workers' children enrolled in schools run by the Office of the Basic Education Commission";

// name, ids already taken in the answer set, expected id
const cases: [string, string, string[], string][] = [
  ["Latin name", "Department of Employment", [], "department-of-employment"],
  ["Thai only: th- and a hash", "กรมการจัดหางาน", [], "th-zenacj7m"],
  ["same Thai name, same id, spaces around ignored", "  กรมการจัดหางาน ", [], "th-zenacj7m"],
  ["another Thai name, another id", "สำนักงานสถิติแห่งชาติ", [], "th-ns0r43m4"],
  ["Thai words apart: runs of spaces count as one", "กรมการ  จัดหางาน", [], "th-5ac13er8"],
  ["Thai duplicate", "กรมการจัดหางาน", ["th-zenacj7m"], "th-zenacj7m-2"],
  ["mixed Thai and English: the Latin part", "ทะเบียนราษฎร (Civil Registration)", [], "civil-registration"],
  ["accents dropped", "Café données", [], "cafe-donnees"],
  ["no Latin or Thai letters: x- and a hash", "2024", [], "x-hstfdxb7"],
  ["NFC: composed and decomposed letters are one name", "й", [], "x-n492zbsj"],
  ["NFC: the same name, decomposed", "и\u0306", [], "x-n492zbsj"],
  ["duplicate", "Department of Employment", ["department-of-employment"], "department-of-employment-2"],
  ["third duplicate", "Department of Employment", ["department-of-employment", "department-of-employment-2"], "department-of-employment-3"],
  ["empty", "", [], "unnamed"],
  ["whitespace only", " \t ", [], "unnamed"],
  ["two unnamed", "", ["unnamed"], "unnamed-2"],
  ["punctuation only", "---", [], "x-5xdedxs4"],
  ["very long: cut at a word, hash of the whole name", `${LONG}, 2024`, [], "register-of-migrant-workers-children-enrolled-in-kd027jkf"],
  ["very long, same start: another hash", `${LONG}, 2025`, [], "register-of-migrant-workers-children-enrolled-in-1e8p5yjr"],
  ["one overlong word is cut where it must be", "a".repeat(80), [], `${"a".repeat(51)}-51nakchq`],
  ["differs only in case: same id", "CIVIL REGISTRY", [], "civil-registry"],
  ["differs only in punctuation: same id", "Civil-Registry.", [], "civil-registry"],
  ["differs only in case, in one answer set", "civil registry", ["civil-registry"], "civil-registry-2"],
];

describe("idFor", () => {
  it.each(cases)("%s", (_name, name, taken, expected) => {
    expect(idFor(name, taken)).toBe(expected);
  });

  it("keeps ids short and file-name safe", () => {
    for (const [, name, taken] of cases) expect(idFor(name, taken)).toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
  });
});
