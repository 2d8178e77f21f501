#!/usr/bin/env node
// Thin shim: all logic lives in the compiled code so that tests and the binary share it.
import { run } from "../dist/index.js";

run(process.argv);
