package org.jds.blobfs.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.jds.blobfs.blobstore.BlobInfo;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.blobfs.blobstore.SuperBlock;
import org.jds.blobfs.device.BlockDevice;
import org.jds.blobfs.device.FileBlockDevice;

/** Text dump of the super block and every blob's metadata (read-only, like spdk_bs_dump). */
public final class Dump {
  private Dump() {}

  public static void dump(Path img, PrintWriter out) throws IOException {
    dump(img, out, false);
  }

  /** As {@link #dump(Path, PrintWriter)}, reading the image with O_DIRECT when {@code direct}. */
  public static void dump(Path img, PrintWriter out, boolean direct) throws IOException {
    try (Blobstore bs = Blobstore.load(FileBlockDevice.open(img, true, BlockDevice.SECTOR_SIZE, direct), null)) {
      dump(bs, out);
    }
  }

  public static void dump(Blobstore bs, PrintWriter out) {
    SuperBlock sb = bs.superBlock();
    out.println("Signature: \"SPDKBLOB\"");
    out.println("Version: " + sb.version);
    out.println("Blobstore Type: " + sb.bstypeString());
    out.println("Cluster Size: " + sb.clusterSize);
    out.println("Super Blob ID: " + (sb.superBlob == SuperBlock.BLOBID_INVALID ? "none" : String.format("0x%x", sb.superBlob)));
    out.println("Clean: " + (bs.wasClean() ? 1 : 0) + (bs.recovered() ? " (recovered in memory)" : ""));
    out.println("Used Metadata Page Mask Start: " + sb.pageMaskStart + " Length: " + sb.pageMaskLen);
    out.println("Used Cluster Mask Start: " + sb.clusterMaskStart + " Length: " + sb.clusterMaskLen);
    out.println("Used Blob ID Mask Start: " + sb.blobidMaskStart + " Length: " + sb.blobidMaskLen);
    out.println("Metadata Start: " + sb.mdStart + " Length: " + sb.mdLen);
    out.println("Size: " + sb.size + " IO Unit: " + sb.ioUnitSize + " MD Page Size: " + sb.mdPageSize);
    out.println("Total Clusters: " + bs.totalClusters() + " Data Clusters: " + bs.totalDataClusters() + " Free: " + bs.freeClusters());
    for (String p : bs.problems()) out.println("Damage: " + p);
    for (long id : bs.blobIds()) {
      BlobInfo b = bs.info(id);
      out.println("=========");
      out.printf("Blob ID: 0x%x%n", id);
      out.printf("Flags: invalid 0x%x data_ro 0x%x md_ro 0x%x%s%s%n", b.invalidFlags, b.dataRoFlags, b.mdRoFlags,
          b.thin ? " thin" : "", b.readOnly ? " read-only" : "");
      if (b.parentId != SuperBlock.BLOBID_INVALID) out.printf("Parent snapshot: 0x%x%n", b.parentId);
      out.print("MD pages:");
      for (int p : b.chainPages) out.print(" " + p);
      out.println();
      xattrs(out, "XATTR", b.xattrs);
      xattrs(out, "XATTR_INTERNAL", b.internalXattrs);
      out.println((b.extentTable ? "Extent table" : "Extent RLE") + ": " + b.numClusters() + " clusters, " + b.numAllocatedClusters() + " allocated");
      if (b.extentTable) {
        out.print("Extent pages:");
        for (int p : b.extentPages) out.print(" " + p);
        out.println();
      }
      int[] c = b.clusters;
      for (int i = 0; i < c.length; ) {
        int j = i;
        while (j + 1 < c.length && (c[i] == 0 ? c[j + 1] == 0 : c[j + 1] == c[j] + 1)) j++;
        out.println(c[i] == 0
            ? "  clusters " + i + ".." + j + " unallocated"
            : "  clusters " + i + ".." + j + " -> device " + c[i] + ".." + c[j]);
        i = j + 1;
      }
    }
    bs.skippedBlobs().forEach((id, why) -> out.printf("Blob ID: 0x%x CANNOT OPEN: %s%n", id, why));
    out.flush();
  }

  private static void xattrs(PrintWriter out, String kind, Map<String, byte[]> m) {
    m.forEach((k, v) -> {
      boolean printable = true;
      for (int i = 0; i < v.length; i++) {
        int ch = v[i] & 0xff;
        if ((ch < 0x20 || ch > 0x7e) && !(ch == 0 && i == v.length - 1)) printable = false;
      }
      String shown = printable
          ? "\"" + new String(v, 0, v.length > 0 && v[v.length - 1] == 0 ? v.length - 1 : v.length, java.nio.charset.StandardCharsets.ISO_8859_1) + "\""
          : HexFormat.of().formatHex(v, 0, Math.min(v.length, 64)) + (v.length > 64 ? "..." : "");
      out.println(kind + ": " + k + " = " + shown + " (" + v.length + " bytes)");
    });
  }
}
