package org.collapsefarm.text;

import org.collapsefarm.ParameterException;
import org.collapsefarm.random.CellSeeds;

/**
 * The seeded train/validation split of a corpus by document (MATH.md §8; keys {@code
 * validation-fraction}, {@code seed}). A document goes to validation when {@code u < fraction}, where
 * {@code u = (mix64(seed ^ key(text)) >>> 11) · 2^-53} is uniform on [0, 1) and {@code key} is {@link
 * CellSeeds#key} of the document's text. It depends on the text and the seed only — not on the
 * document's position, the file it came from or the Spark partition — so every reader of the corpus
 * splits it the same way, and identical documents always fall on the same side.
 *
 * @param fraction the expected share of documents in validation, in [0, 1)
 * @param seed the split's seed
 */
public record DocumentSplit(double fraction, long seed) implements java.io.Serializable {
  public DocumentSplit {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new ParameterException("validation-fraction", "must be in [0, 1), got " + fraction);
    }
  }

  /** Whether the document with this text is in the validation part. */
  public boolean isValidation(String text) {
    double u = (CellSeeds.mix64(seed ^ CellSeeds.key(text)) >>> 11) * 0x1.0p-53;
    return u < fraction;
  }
}
