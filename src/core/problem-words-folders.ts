// Words for output folders: a run's lock, what a stopped run left behind, and results
// folders that are not whole.
import type { WordTable } from "./problem-words.js";

const list = (xs: readonly string[]) => xs.join(", ");
const REPORT_ANYWAY = { en: "or report on what is there with --allow-incomplete", th: "หรือใช้ --allow-incomplete เพื่อทำรายงานจากเท่าที่มี" };

export const FOLDER_WORDS = {
  FOLDER_LOCKED: {
    en: (a) => {
      if (!a.holder) return "a lock file that cannot be read is in the way; if no assess is writing to this folder, remove it and run again";
      const h = a.holder;
      const alive = a.sameHost ? "if that run is no longer going" : "assess cannot tell from this computer whether that run is still going; if it is not";
      return `the folder is in use by assess ${h.command} (process ${h.pid} on ${h.host}, started ${h.started}); wait until it has finished or write elsewhere with -o; ${alive}, remove this lock file`;
    },
    th: (a) => {
      if (!a.holder) return "มีไฟล์ล็อกที่อ่านไม่ได้ขวางอยู่ หากไม่มี assess ใดกำลังเขียนลงโฟลเดอร์นี้ ให้ลบไฟล์นี้แล้วสั่งใหม่";
      const h = a.holder;
      const alive = a.sameHost ? "หากการทำงานนั้นหยุดไปแล้ว" : "จากเครื่องนี้ไม่สามารถตรวจได้ว่าการทำงานนั้นยังทำอยู่หรือไม่ หากหยุดไปแล้ว";
      return `โฟลเดอร์นี้กำลังถูกใช้โดย assess ${h.command} (โพรเซส ${h.pid} บนเครื่อง ${h.host} เริ่มเมื่อ ${h.started}) ให้รอจนเสร็จหรือเขียนไปที่อื่นด้วย -o ${alive} ให้ลบไฟล์ล็อกนี้`;
    },
  },
  STALE_LOCK_TAKEN: {
    en: (a) => `assess ${a.holder.command} (process ${a.holder.pid}, started ${a.holder.started}) stopped without finishing; its lock is taken over`,
    th: (a) => `assess ${a.holder.command} (โพรเซส ${a.holder.pid} เริ่มเมื่อ ${a.holder.started}) หยุดไปก่อนทำงานเสร็จ จึงรับช่วงล็อกต่อ`,
  },
  LEFTOVER_REMOVED: {
    en: (a) => `removed ${a.files.length} temporary file${a.files.length === 1 ? "" : "s"} left by a run that stopped: ${list(a.files)}`,
    th: (a) => `ลบไฟล์ชั่วคราว ${a.files.length} ไฟล์ที่การทำงานที่หยุดไปก่อนหน้าทิ้งไว้: ${list(a.files)}`,
  },
  RESULTS_INCOMPLETE: {
    en: (a) => {
      switch (a.kind) {
        case "no_manifest":
          return `holds results files but no manifest.json: it was written by an earlier version of assess or by a run that stopped, or gathered by hand, and may not hold every institution; score again with -o, ${REPORT_ANYWAY.en}`;
        case "unreadable":
          return `its manifest.json cannot be read (damaged, or not written by assess); score again with -o, ${REPORT_ANYWAY.en}`;
        case "unfinished": {
          const running = a.running ? `; it is still running as process ${a.running.pid} on ${a.running.host}` : "";
          return `is incomplete: the run of assess score started ${a.started} did not finish (${a.written} institution results for ${a.inputs} inputs)${running}; score again with -o --force (or wait for it to finish), ${REPORT_ANYWAY.en}`;
        }
        case "missing_files":
          return `is incomplete: ${a.files.length} results file${a.files.length === 1 ? "" : "s"} listed in its manifest ${a.files.length === 1 ? "is" : "are"} missing: ${list(a.files)}; score again with -o, ${REPORT_ANYWAY.en}`;
      }
    },
    th: (a) => {
      switch (a.kind) {
        case "no_manifest":
          return `มีไฟล์ผลลัพธ์แต่ไม่มี manifest.json (เขียนโดย assess รุ่นก่อน โดยการทำงานที่หยุดไปกลางคัน หรือรวบรวมด้วยมือ) จึงอาจไม่ครบทุกหน่วยงาน ให้คิดคะแนนใหม่ด้วย -o ${REPORT_ANYWAY.th}`;
        case "unreadable":
          return `อ่าน manifest.json ไม่ได้ (เสียหาย หรือไม่ได้เขียนโดย assess) ให้คิดคะแนนใหม่ด้วย -o ${REPORT_ANYWAY.th}`;
        case "unfinished": {
          const running = a.running ? ` และยังทำงานอยู่ในโพรเซส ${a.running.pid} บนเครื่อง ${a.running.host}` : "";
          return `ไม่ครบ: การทำงานของ assess score ที่เริ่มเมื่อ ${a.started} ไม่เสร็จ (มีผลลัพธ์ ${a.written} หน่วยงาน จากข้อมูลนำเข้า ${a.inputs} ไฟล์)${running} ให้คิดคะแนนใหม่ด้วย -o --force (หรือรอให้เสร็จ) ${REPORT_ANYWAY.th}`;
        }
        case "missing_files":
          return `ไม่ครบ: ไฟล์ผลลัพธ์ ${a.files.length} ไฟล์ที่ระบุใน manifest หายไป: ${list(a.files)} ให้คิดคะแนนใหม่ด้วย -o ${REPORT_ANYWAY.th}`;
      }
    },
  },
} satisfies Partial<WordTable>;
