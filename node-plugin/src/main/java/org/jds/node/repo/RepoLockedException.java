package org.jds.node.repo;

/** Another process (or this one) holds the repo lock. */
public final class RepoLockedException extends RepoException {
  private static final long serialVersionUID = 1L;
  private final long holderPid;

  RepoLockedException(String message, long holderPid) {
    super(message);
    this.holderPid = holderPid;
  }

  /** The holder's process id, or -1 when unknown. */
  public long holderPid() {
    return holderPid;
  }
}
