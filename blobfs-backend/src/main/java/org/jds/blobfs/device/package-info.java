/** Devices: positional I/O on files or raw block devices (buffered or O_DIRECT), with optional jnr-ffi helpers. */
package org.jds.blobfs.device;
