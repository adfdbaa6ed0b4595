/**
 * How much work each Pollux application is: its rows carry an application and a batch size but
 * no duration, so replay runs each job for the number of epochs below.
 *
 * Epochs: the `max_epochs` each application is given in the Pollux artifact's simulator
 * (petuum/adaptdl, `simulator/applications.py`, the simulator that replays these workloads).
 * Samples per epoch: the dataset's published training-set size, or the epoch length the
 * simulator itself replays. Its `traces/<app>/validation-<batch>.csv` files have one row per
 * epoch with the cumulative `progress` in iterations of that batch size, so samples per epoch =
 * (progress at the last row / rows) x batch:
 * - ncf: 19,418 iterations of 256 in epoch 1 of `validation-256.csv`;
 * - bert: 7,387 of 12 per epoch in `validation-12.csv` (2 rows): 88,644, the SQuAD v1.1 training
 *   set (87,599 questions) split into 384-token features with stride 128;
 * - yolov3: 103,444 of 8 over 50 rows of `validation-8.csv`: 16,551 images, exactly PASCAL VOC
 *   2007+2012 trainval;
 * - deepspeech2: progress 28,538.6 over 80 rows of `validation-160.csv` (its batch size adapts,
 *   so `iteration` is fewer; `progress` counts 160-sample units): 57,077 utterances.
 * An application not in this table has no known work and is reported, not guessed.
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
  bert: { epochs: 2, samplesPerEpoch: 7_387 * 12, source: `${SIMULATOR}; SQuAD v1.1 features: 7,387 iterations of 12 per epoch in simulator/traces/bert/validation-12.csv` },
  cifar10: { epochs: 100, samplesPerEpoch: 50_000, source: `${SIMULATOR}; CIFAR-10 training set, 50,000 images (Krizhevsky, 2009)` },
  ncf: { epochs: 10, samplesPerEpoch: 19_418 * 256, source: `${SIMULATOR}; 19,418 iterations of 256 in epoch 1 of simulator/traces/ncf/validation-256.csv` },
  imagenet: { epochs: 90, samplesPerEpoch: 1_281_167, source: `${SIMULATOR}; ILSVRC-2012 training set, 1,281,167 images` },
  deepspeech2: { epochs: 80, samplesPerEpoch: 57_077, source: `${SIMULATOR}; progress 28,538.6 x 160 samples over 80 epochs of simulator/traces/deepspeech2/validation-160.csv` },
  yolov3: { epochs: 50, samplesPerEpoch: 16_551, source: `${SIMULATOR}; PASCAL VOC 2007+2012 trainval, 16,551 images (103,444 iterations of 8 over 50 epochs of simulator/traces/yolov3/validation-8.csv)` },
};

/**
 * The work of a Pollux application, or undefined for an application not in the table (the
 * caller reports it; nothing is assumed silently).
 */
export function polluxWork(application: string): PolluxWork | undefined {
  return Object.hasOwn(POLLUX_WORK, application) ? POLLUX_WORK[application] : undefined;
}
