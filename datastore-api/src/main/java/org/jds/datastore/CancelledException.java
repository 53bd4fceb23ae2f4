package org.jds.datastore;

/**
 * The call was stopped before it finished: Go's {@code context.Canceled} ({@code ctx.Err()} after
 * {@code cancel()}), with Go's message {@code context canceled}.
 *
 * <p>Thrown by {@link org.jds.datastore.query.Results#rest()} when the results were closed from
 * another thread before their end. {@link DeadlineExceededException} is the subclass for a passed
 * deadline, so {@code catch (CancelledException e)} covers both, as Go's {@code ctx.Err() != nil}
 * does; test for the deadline with {@code instanceof DeadlineExceededException} (Go's {@code
 * errors.Is(err, context.DeadlineExceeded)}).
 */
public class CancelledException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  /** Go's {@code context.Canceled.Error()}. */
  public static final String MESSAGE = "context canceled";

  public CancelledException() {
    super(MESSAGE);
  }

  protected CancelledException(String message) {
    super(message);
  }
}
