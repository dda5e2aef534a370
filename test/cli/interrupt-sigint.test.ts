import { interruptCases } from "./interrupt-cases.js";

interruptCases("SIGINT");
