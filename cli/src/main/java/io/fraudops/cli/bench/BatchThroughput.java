package io.fraudops.cli.bench;

import io.fraudops.model.scoring.FraudModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rows per second of {@code predictProbabilities} in fixed-size batches, every thread scoring its
 * own.
 */
final class BatchThroughput {

  /**
   * One phase: {@code threads} threads each scored {@code batches} batches in {@code nanos} of wall
   * time.
   */
  record Result(int threads, int batchSize, int batches, long nanos) {

    double rowsPerSecond() {
      return (double) threads * batches * batchSize / (nanos / 1e9);
    }

    /** Wall time per batch as one thread sees it. */
    double microsPerBatch() {
      return nanos / 1e3 / batches;
    }
  }

  private final FraudModel model;
  private final double[][][] chunks;
  private final int batches;

  /**
   * @param rowsPerThread rounded up to whole batches
   */
  BatchThroughput(FraudModel model, double[][] rows, int batchSize, int rowsPerThread) {
    this.model = model;
    // Batches cycle through the rows; a few dozen distinct ones keep the inputs varied without
    // holding a copy of every row for every batch.
    int distinct = Math.max(1, Math.min(64, rows.length / batchSize));
    this.chunks = new double[distinct][batchSize][];
    for (int c = 0; c < distinct; c++) {
      for (int i = 0; i < batchSize; i++) {
        chunks[c][i] = rows[(c * batchSize + i) % rows.length];
      }
    }
    this.batches = Math.max(1, (rowsPerThread + batchSize - 1) / batchSize);
  }

  Result run(int threads) throws InterruptedException {
    ModelBench.consume(score(Math.max(1, batches / 5))); // warm-up
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      // Every thread is started and waiting before the clock starts: thread start-up is not
      // scoring.
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Double>> running = new ArrayList<>(threads);
      for (int t = 0; t < threads; t++) {
        running.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return score(batches);
                }));
      }
      ready.await();
      long begin = System.nanoTime();
      start.countDown();
      for (Future<Double> future : running) {
        ModelBench.consume(future.get());
      }
      return new Result(threads, chunks[0].length, batches, System.nanoTime() - begin);
    } catch (ExecutionException e) {
      throw new IllegalStateException("batch scoring failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private double score(int count) {
    double sum = 0;
    for (int b = 0; b < count; b++) {
      double[] probabilities = model.predictProbabilities(chunks[b % chunks.length]);
      sum += probabilities[b % probabilities.length];
    }
    return sum;
  }
}
