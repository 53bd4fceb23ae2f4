package org.jds.datastore;

/**
 * The call's deadline passed before it finished: Go's {@code context.DeadlineExceeded}, with Go's
 * message {@code context deadline exceeded}. A query's deadline is {@link
 * org.jds.datastore.query.Query#deadline()}; the stream then ends with one error result carrying
 * this exception (so {@link org.jds.datastore.query.Results#rest()} throws it).
 */
public class DeadlineExceededException extends CancelledException {
  private static final long serialVersionUID = 1L;

  /** Go's {@code context.DeadlineExceeded.Error()}. */
  public static final String MESSAGE = "context deadline exceeded";

  public DeadlineExceededException() {
    super(MESSAGE);
  }
}
