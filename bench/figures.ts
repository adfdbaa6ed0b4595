/** One measured or derived figure of a benchmark run. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/** What a suite reports: its figures and the ratios it derives from them (same run). */
export interface SuiteReport {
  suite: string;
  description: string;
  figures: Figure[];
  ratios: Figure[];
  /** Peer figures quoted from their sources, for context (not measured here). */
  quoted: { name: string; value: number; unit: string; source: string }[];
  environment: { node: string; platform: string; cpus: string };
}

export interface Suite {
  name: string;
  description: string;
  run(log: (line: string) => void): Promise<Omit<SuiteReport, 'environment'>>;
}
