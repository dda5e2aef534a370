/** Messages between the benchmark (which runs the emulator) and the worker (which runs orgform). */

export interface WorkerTask {
  kind: "task";
  /** Folder holding the manifests. */
  dir: string;
  env: Record<string, string>;
  /** Clear the drivers' per-API rate buckets too (the Target documents lift the overall rate). */
  liftPacing: boolean;
  /** Extra warm runs of the planner, after the measured (cold) one. */
  planRepeats: number;
  /** Plan again after apply and report what is left (should be nothing). */
  verify: boolean;
  /** Apply each target's operations on their own, one target after the other. */
  applyPerTarget: boolean;
  /** Stop after plan and writing the plan file (no render, compile or apply): the 500k run. */
  planOnly?: boolean;
}

export interface PhaseMeasure {
  ms: number;
  /** CPU time of the orgform process during the phase (all its threads). */
  cpuMs: number;
  /** Garbage-collection pauses during the phase. */
  gcMs: number;
  /** Peak resident set size during the phase (VmHWM after a reset at its start). */
  peakRssMB: number;
  rssMB: number;
  heapUsedMB: number;
  info: Record<string, unknown>;
}

export type WorkerMessage =
  | { kind: "begin"; phase: string }
  | { kind: "end"; phase: string; measure: PhaseMeasure }
  | { kind: "done"; peakMethod: string }
  | { kind: "failed"; message: string };

export type ParentMessage = WorkerTask | { kind: "go" };
