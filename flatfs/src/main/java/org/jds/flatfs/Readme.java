package org.jds.flatfs;

/** Our own {@code _README} text for the default layout. Nothing ever reads it back. */
final class Readme {
  private Readme() {}

  static final String TEXT =
      "This is a repository of IPLD objects. Each IPLD object is in a single file,\n"
          + "named <base32 encoding of cid>.data. Where <base32 encoding of cid> is the\n"
          + "base32 form of the object's key, without its leading slash.\n"
          + "\n"
          + "Files are spread over shard directories so that no directory grows too\n"
          + "large. The shard directory of a file is the two characters of its name\n"
          + "that come just before the last one (next-to-last/2). Short names are\n"
          + "padded on the left with '_'.\n"
          + "\n"
          + "For example, the object stored under the key\n"
          + "\n"
          + "    AFKREIA22FLID5AJ2KU7URG47MDLROZIH6YF2KALU2PWEFPVI37YLKRSCA\n"
          + "\n"
          + "lives in the file\n"
          + "\n"
          + "    SC/AFKREIA22FLID5AJ2KU7URG47MDLROZIH6YF2KALU2PWEFPVI37YLKRSCA.data\n"
          + "\n"
          + "The file holds exactly the object's bytes: no header, no encoding.\n"
          + "\n"
          + "The SHARDING file names the shard function; it is the only file needed\n"
          + "to open this directory. diskUsage.cache remembers the total size, and\n"
          + ".temp holds scratch files that are deleted whenever the store is opened.\n"
          + "\n"
          + "This layout is shared with go-ds-flatfs, so the same directory can be\n"
          + "opened by either implementation. Written by jds flatfs.\n";
}
