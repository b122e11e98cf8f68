package org.collapsefarm.jobs.text;

import java.io.Serializable;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * One text cell as shipped to an executor.
 *
 * @param corpusRoot the encoded corpus's folder ({@link EncodedCorpus})
 * @param seed {@code Cells.seed(sweep seed, cellId)}: a function of the sweep seed and the cell only
 * @param cost the balancing weight: tokens generated over the run (n per generation, roughly)
 */
record TextCellTask(String cellId, String groupId, String contextId, String corpusName, String corpusRoot,
    org.collapsefarm.text.Tokenizer tokenizer, int order, ParadigmSpec spec, int replicate, long seed,
    double cost, boolean keepSamples) implements Serializable {}
