package org.jds.datastore;

/**
 * A batch that can be read (go-ds-flatfs's {@code BatchReader}: {@code Batch} plus {@code Read}).
 * Reads see the batch's own uncommitted writes over the store's content: a staged put is visible, a
 * staged delete hides the key. Wrappers' batches implement it when the batch they wrap does ({@link
 * BatchViews}), translating keys and queries as the wrapper does.
 */
public interface BatchReader extends Batch, Read {}
