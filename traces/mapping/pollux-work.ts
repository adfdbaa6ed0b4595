/**
 * How much work each Pollux application is: its rows carry an application and a batch size but
 * no duration, so replay runs each job for the number of epochs below.
 *
 * Epochs: the `max_epochs` each application is given in the Pollux artifact's simulator
 * (petuum/adaptdl, `simulator/applications.py`, the simulator that replays these workloads).
 * Samples per epoch, where known: the dataset's published training-set size, or, for ncf, the
 * first-epoch iterations at batch size 256 in the simulator's `traces/ncf/validation-256.csv`
 * (19,418) times 256. Where the size is not known here it is left out rather than guessed.
 */
export interface PolluxWork {
  /** Epochs of training the job must complete. */
  epochs: number;
  /** Training samples per epoch, when known. */
  samplesPerEpoch?: number;
  /** Where the figures come from. */
  source: string;
}

const SIMULATOR = 'petuum/adaptdl simulator/applications.py max_epochs';

/** Work of each Pollux application, by the name its workload rows use. */
export const POLLUX_WORK: Readonly<Record<string, PolluxWork>> = {
  bert: { epochs: 2, source: `${SIMULATOR}; SQuAD fine-tuning (sample count after feature splitting not fixed here)` },
  cifar10: { epochs: 100, samplesPerEpoch: 50_000, source: `${SIMULATOR}; CIFAR-10 training set, 50,000 images (Krizhevsky, 2009)` },
  ncf: { epochs: 10, samplesPerEpoch: 19_418 * 256, source: `${SIMULATOR}; 19,418 iterations of 256 in epoch 1 of simulator/traces/ncf/validation-256.csv` },
  imagenet: { epochs: 90, samplesPerEpoch: 1_281_167, source: `${SIMULATOR}; ILSVRC-2012 training set, 1,281,167 images` },
  deepspeech2: { epochs: 80, source: `${SIMULATOR}; VoxForge subset (size not fixed here)` },
  yolov3: { epochs: 50, source: `${SIMULATOR}; PASCAL VOC (size not fixed here)` },
};

/**
 * The work of a Pollux application, or undefined for an application not in the table (the
 * caller reports it; nothing is assumed silently).
 */
export function polluxWork(application: string): PolluxWork | undefined {
  return Object.hasOwn(POLLUX_WORK, application) ? POLLUX_WORK[application] : undefined;
}
