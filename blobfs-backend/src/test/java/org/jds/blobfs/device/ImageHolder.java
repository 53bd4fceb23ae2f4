package org.jds.blobfs.device;

import java.nio.file.Path;

/**
 * Child process of {@link ImageLockTest}: opens the image (writable unless {@code ro}), prints
 * {@code READY}, holds it until a line arrives on stdin, then closes it and prints {@code CLOSED}.
 *
 * <p>Usage: {@code ImageHolder <image> rw|ro}
 */
public final class ImageHolder {
  private ImageHolder() {}

  public static void main(String[] args) throws Exception {
    try (FileBlockDevice d = FileBlockDevice.open(Path.of(args[0]), args[1].equals("ro"), 512)) {
      System.out.println("READY");
      System.out.flush();
      new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
    }
    System.out.println("CLOSED");
    System.out.flush();
  }
}
