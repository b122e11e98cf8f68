package org.collapsefarm.jobs.compare;

import java.util.ArrayList;
import java.util.List;
import org.collapsefarm.context.Context;
import org.collapsefarm.kernel.Recursion;
import org.collapsefarm.kernel.RunResult;
import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;

/** One group of kernel runs, reduced to what the comparison reads: the runs and their generation moments. */
final class KernelRuns {
  final List<RunOutcome> runs = new ArrayList<>();
  final List<GenerationMoments> moments = new ArrayList<>();

  KernelRuns(Context context, ParadigmSpec spec, int maxGenerations, int replicates, long sweepSeed) {
    GenerationAccumulator acc = new GenerationAccumulator(maxGenerations);
    for (int r = 0; r < replicates; r++) {
      RunResult res = Recursion.run(context, spec, maxGenerations, CellSeeds.cellSeed(sweepSeed, r), acc);
      runs.add(new RunOutcome(r, res.censored() ? null : res.collapseTime(), res.censored(),
          res.censored() ? null : res.absorbingToken(), res.lambda1()));
    }
    for (int m = 0; m <= maxGenerations; m++) {
      moments.add(new GenerationMoments(m, acc.runs(m), acc.collapsed(m), acc.sum(Metric.SIGMA, m),
          acc.sumOfSquares(Metric.SIGMA, m), 0, 0, 0, 0));
    }
  }
}
