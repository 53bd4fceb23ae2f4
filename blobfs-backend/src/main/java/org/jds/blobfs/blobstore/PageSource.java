package org.jds.blobfs.blobstore;

import java.io.IOException;

/** Reads md pages by index (relative to md_start) and names their device byte offset for errors. */
interface PageSource {
  /** The page's bytes; a source may reuse the array, so a caller copies what it keeps. */
  byte[] readMdPage(int index) throws IOException;

  long mdPageOffset(int index);

  int mdLen();
}
