/** Read-only tools over images: {@link org.jds.blobfs.tools.Fsck} and {@link org.jds.blobfs.tools.Dump}. */
package org.jds.blobfs.tools;
