/** Devices: positional I/O on files or raw block devices, with optional jnr-ffi helpers. */
package org.jds.blobfs.device;
