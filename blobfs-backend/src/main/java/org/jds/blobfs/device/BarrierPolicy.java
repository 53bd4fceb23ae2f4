package org.jds.blobfs.device;

/**
 * What a {@link GroupCommitDevice} makes of the engine's {@link BlockDevice#barrier()} calls. Its
 * {@link BlockDevice#flush()} is always a real (group-committed) device flush; only barriers
 * differ. The setting is given at open ({@code BlobfsImage.open}) and shown by {@code
 * GroupCommitDevice.policy()}.
 */
public enum BarrierPolicy {
  /**
   * Every barrier is a group-committed device flush: the engine's write ordering ({@code
   * MdWriter}'s crash ordering, a replace's commit before its delete) holds across a power loss.
   * Mkfs and the final clean unload always run with this policy.
   */
  POWER_LOSS_SAFE,

  /**
   * Barriers issue no device I/O. Positional writes reach the OS page cache in program order, so
   * the ordering still holds across a process crash. Across a power loss what a {@link
   * BlockDevice#flush()} covered survives (flatfs with sync=true flushes at every promise it
   * makes: synced file, rename, directory sync), with one limit: a file whose delete (or
   * truncation) started after that flush may have its clusters cleared or reused before the
   * delete's commit reaches the disk, and then read back with other bytes. {@code LossyCrashTest}
   * shows both. The default, as before this setting existed.
   */
  PROCESS_CRASH_SAFE
}
