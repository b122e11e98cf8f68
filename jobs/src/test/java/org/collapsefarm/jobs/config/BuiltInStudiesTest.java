package org.collapsefarm.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.collapsefarm.context.Context;
import org.collapsefarm.paradigm.Allocation;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.paradigm.SourceMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sweep shipped in the repository's {@code conf/} loads and plans (what {@code submit/farm
 * validate} does, no simulation), and each built-in study has the groups its header promises
 * (README, "Built-in studies"), so a broken or shrunken study fails CI.
 */
class BuiltInStudiesTest {
  /** The repository's {@code conf/}, seen from the {@code jobs} module where Surefire runs. */
  private static final Path CONF = Path.of("..", "conf");

  static Stream<Path> shippedConfs() throws IOException {
    try (Stream<Path> files = Files.list(CONF)) {
      List<Path> confs = files.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
      assertThat(confs).as("conf/*.conf").isNotEmpty();
      return confs.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("shippedConfs")
  void everyShippedConfLoadsAndPlans(Path conf) throws ConfigException {
    Sweep s = SweepLoader.load(conf, List.of());
    String fileName = conf.getFileName().toString();
    assertThat(s.name()).as("sweep.name of " + fileName).isEqualTo(fileName.replaceFirst("\\.conf$", ""));
    assertThat(s.output()).isEqualTo("results");
    if (s.isText()) {
      assertThat(s.text().groups()).isNotEmpty().extracting(TextSweep.Group::groupId).doesNotHaveDuplicates();
    } else {
      assertThat(s.groups()).isNotEmpty().extracting(Group::groupId).doesNotHaveDuplicates();
    }
    assertThat(Plan.describe(s)).contains("sweep " + s.name() + " -> ").contains("cells:  ");
  }

  @Test
  void builtInStudiesAreAllShipped() throws IOException {
    assertThat(shippedConfs().map(p -> p.getFileName().toString())).contains(
        "quickstart.conf", "cot-replace-grid.conf", "seddik-fig1.conf", "seddik-fig2.conf", "seddik-fig3.conf",
        "seddik-fig4.conf", "seddik-fig6.conf", "wang-accumulate.conf", "mitigations.conf", "wang-text.conf",
        "exponential-families.conf");
  }

  @Test
  void wangTextRunsTheFiveParadigmSettingsAtOrdersTwoAndThreeOnTheBuiltInCorpus() throws ConfigException {
    Sweep s = load("wang-text");
    assertThat(s.text().corpora()).singleElement().satisfies(c -> assertThat(c.builtin()).isTrue());
    assertThat(s.text().groups()).hasSize(2 * 5);
    assertThat(s.text().groups()).extracting(TextSweep.Group::order).containsOnly(2, 3);
    assertThat(s.text().probes()).containsExactly("there was", "there were");
  }

  @Test
  void seddikFig1RecordsEveryTrajectoryOfAThreeTokenContext() throws ConfigException {
    Sweep s = load("seddik-fig1");
    assertThat(s.trajectories().mode()).isEqualTo(Trajectories.Mode.ALL);
    assertThat(s.contexts()).extracting(c -> c.context().support()).containsExactly(3);
    assertThat(specs(s)).allMatch(spec -> spec.paradigm() == Paradigm.FULLY_SYNTHETIC && spec.isPlain());
  }

  @Test
  void seddikFig2SpansNOnSeveralPowerLawContextsWithoutCensoring() throws ConfigException {
    Sweep s = load("seddik-fig2");
    assertThat(s.contexts()).hasSizeGreaterThanOrEqualTo(2)
        .allMatch(c -> c.context().vocabulary() == 600 && c.context().source().startsWith("power-law"));
    List<Integer> ns = specs(s).stream().map(ParadigmSpec::n).distinct().toList();
    assertThat(ns).hasSizeGreaterThanOrEqualTo(5);
    assertThat(specs(s)).allMatch(spec -> spec.paradigm() == Paradigm.FULLY_SYNTHETIC && spec.isPlain());
    // eq. 8's lower bound is judged on the plain mean only: the cap must leave no censored run,
    // eq. 7: P(T > M) <= n (1 - S_0)(1 - 1/n)^M, below 1e-6 for every group.
    for (Group g : s.groups()) {
      Context p = context(s, g);
      int n = g.spec().n();
      double tail = n * (1 - p.s0()) * Math.pow(1 - 1.0 / n, s.maxGenerations());
      assertThat(tail).as("P(T > M) bound of " + g.spec().canonical()).isLessThan(1e-6);
    }
  }

  @Test
  void seddikFig3IsFullySyntheticAtSeveralN() throws ConfigException {
    Sweep s = load("seddik-fig3");
    assertThat(specs(s)).allMatch(spec -> spec.paradigm() == Paradigm.FULLY_SYNTHETIC && spec.isPlain());
    assertThat(specs(s).stream().map(ParadigmSpec::n).distinct()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void seddikFig4CrossesRealNWithN() throws ConfigException {
    Sweep s = load("seddik-fig4");
    assertThat(specs(s)).allMatch(spec -> spec.paradigm() == Paradigm.PARTIALLY_SYNTHETIC && spec.isPlain());
    List<Integer> realNs = specs(s).stream().map(ParadigmSpec::realN).distinct().toList();
    List<Integer> ns = specs(s).stream().map(ParadigmSpec::n).distinct().toList();
    assertThat(realNs).hasSizeGreaterThanOrEqualTo(2);
    assertThat(ns).hasSizeGreaterThanOrEqualTo(2);
    assertThat(specs(s)).hasSize(realNs.size() * ns.size());
  }

  @Test
  void seddikFig6HasWindowsInBothAllocationsAndBothSourceModes() throws ConfigException {
    Sweep s = load("seddik-fig6");
    for (int n : specs(s).stream().map(ParadigmSpec::n).distinct().toList()) {
      assertThat(specs(s).stream().filter(spec -> spec.n() == n && spec.paradigm() == Paradigm.MOST_RECENT))
          .extracting(ParadigmSpec::window, ParadigmSpec::allocation)
          .containsExactlyInAnyOrder(
              tuple(1, Allocation.SPLIT), tuple(5, Allocation.SPLIT), tuple(10, Allocation.SPLIT),
              tuple(1, Allocation.LITERAL), tuple(5, Allocation.LITERAL), tuple(10, Allocation.LITERAL));
      assertThat(specs(s).stream().filter(spec -> spec.n() == n && spec.paradigm() == Paradigm.RANDOMLY_SAMPLED))
          .extracting(ParadigmSpec::source)
          .containsExactlyInAnyOrder(SourceMode.PER_SAMPLE, SourceMode.PER_GENERATION);
    }
  }

  @Test
  void wangAccumulateHasFourRatesTimesTwoPoolsOnALongHorizon() throws ConfigException {
    Sweep s = load("wang-accumulate");
    assertThat(specs(s)).allMatch(spec -> spec.paradigm() == Paradigm.ACCUMULATE_SUBSAMPLE && spec.isPlain());
    for (int n : specs(s).stream().map(ParadigmSpec::n).distinct().toList()) {
      assertThat(specs(s).stream().filter(spec -> spec.n() == n))
          .extracting(ParadigmSpec::rate, ParadigmSpec::pool)
          .containsExactlyInAnyOrder(
              tuple(0.1, Pool.CORPORA), tuple(0.5, Pool.CORPORA), tuple(1.0, Pool.CORPORA), tuple(2.0, Pool.CORPORA),
              tuple(0.1, Pool.FRESH), tuple(0.5, Pool.FRESH), tuple(1.0, Pool.FRESH), tuple(2.0, Pool.FRESH));
    }
    assertThat(s.maxGenerations()).isGreaterThanOrEqualTo(10_000);
  }

  @Test
  void mitigationsHaveABaselineAndEachKnob() throws ConfigException {
    Sweep s = load("mitigations");
    List<ParadigmSpec> specs = specs(s);
    assertThat(specs).allMatch(spec -> spec.paradigm() == Paradigm.FULLY_SYNTHETIC)
        .extracting(ParadigmSpec::n).containsOnly(specs.get(0).n());
    assertThat(specs).filteredOn(ParadigmSpec::isPlain).hasSize(1);
    assertThat(specs).anyMatch(spec -> spec.temperature() < 1).anyMatch(spec -> spec.temperature() > 1)
        .anyMatch(spec -> spec.topP() < 1)
        .anyMatch(spec -> spec.smoothing() > 0 && spec.collapseEpsilon() > 0)
        .anyMatch(spec -> spec.realAnchor() == 1);
  }

  @Test
  void exponentialFamiliesCoverBothEstimatorsPoissonAndCollapseOrThrivesParadigms() throws ConfigException {
    Sweep s = load("exponential-families");
    assertThat(s.contexts()).isEmpty();
    assertThat(s.models()).extracting(m -> m.spec().source()).contains(
        "gaussian(dimension=1,mean=0.0,variance=1.0,estimator=mle)",
        "gaussian(dimension=1,mean=0.0,variance=1.0,estimator=unbiased)", "poisson(rate=1.0)");
    assertThat(specs(s)).extracting(ParadigmSpec::n).contains(10, 100, 1000);
    assertThat(specs(s)).anyMatch(spec -> spec.paradigm() == Paradigm.FULLY_SYNTHETIC && spec.realAnchor() == 0)
        .anyMatch(spec -> spec.paradigm() == Paradigm.ACCUMULATE)
        .anyMatch(spec -> spec.paradigm() == Paradigm.ACCUMULATE_SUBSAMPLE)
        .anyMatch(spec -> spec.paradigm() == Paradigm.FULLY_SYNTHETIC && spec.realAnchor() == 1);
    assertThat(s.replicates()).isEqualTo(100);
  }

  private static Sweep load(String study) throws ConfigException {
    return SweepLoader.load(CONF.resolve(study + ".conf"), List.of());
  }

  private static List<ParadigmSpec> specs(Sweep s) {
    return s.groups().stream().map(Group::spec).distinct().toList();
  }

  private static Context context(Sweep s, Group g) {
    return s.contexts().stream().filter(c -> c.contextId().equals(g.contextId())).findFirst().orElseThrow().context();
  }
}
