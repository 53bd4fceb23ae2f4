/**
 * Multiformats, hand-written and strict: {@link org.jds.node.multiformats.Varint},
 * {@link org.jds.node.multiformats.Multibase}, {@link org.jds.node.multiformats.Multihash},
 * {@link org.jds.node.multiformats.Cid} and the {@link org.jds.node.multiformats.Multicodec} table.
 * Every parser throws only the checked {@link org.jds.node.multiformats.MultiformatException} for bad
 * input; every value class is immutable and thread-safe.
 */
package org.jds.node.multiformats;
