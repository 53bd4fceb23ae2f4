package org.jds.datastore.query;

import org.jds.datastore.InvalidKeyException;

/** A comparison operator of the compare filters, with Go's spelling. */
public enum Op {
  EQUAL("=="),
  NOT_EQUAL("!="),
  GREATER_THAN(">"),
  GREATER_THAN_OR_EQUAL(">="),
  LESS_THAN("<"),
  LESS_THAN_OR_EQUAL("<=");

  private final String symbol;

  Op(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** Whether a comparison result {@code cmp} (negative, zero, positive) satisfies this operator. */
  public boolean test(int cmp) {
    return switch (this) {
      case EQUAL -> cmp == 0;
      case NOT_EQUAL -> cmp != 0;
      case GREATER_THAN -> cmp > 0;
      case GREATER_THAN_OR_EQUAL -> cmp >= 0;
      case LESS_THAN -> cmp < 0;
      case LESS_THAN_OR_EQUAL -> cmp <= 0;
    };
  }

  /**
   * Parses Go's spelling. Go panics on an unknown op; here it is a checked error.
   *
   * @throws InvalidKeyException for an unknown operator
   */
  public static Op parse(String symbol) throws InvalidKeyException {
    for (Op op : values()) {
      if (op.symbol.equals(symbol)) {
        return op;
      }
    }
    throw new InvalidKeyException("unknown op '" + symbol + "'");
  }

  @Override
  public String toString() {
    return symbol;
  }
}
