package dev.mediapipeline.bench.extract;

import java.util.List;

/**
 * The whole-process runs of one benchmark: our batches (and exiftool's, the baseline, when installed), the
 * one-process-per-file sample and ffprobe on every file.
 */
record SideBySide(List<Contender> batches, Contender exiftoolBatch, List<Contender> perFile, int sampleFiles,
                  long sampleBytes, List<Contender> ffprobe, int files, long bytes) {
}
