package org.jds.node.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.jds.datastore.DatastoreException;
import org.jds.node.multiformats.Multibase;
import org.jds.node.multiformats.MultiformatException;
import org.jds.node.multiformats.Multihash;
import org.jds.node.plugin.ConfigException;
import org.jds.node.repo.Repo;
import org.jds.node.repo.RepoConfig;

/**
 * The node's stable Ed25519 identity, kept as kubo keeps it in the config: {@code Identity.PrivKey}
 * is base64 of libp2p's protobuf {@code PrivateKey{Type: Ed25519, Data: seed || public key}} and
 * {@code Identity.PeerID} the base58btc identity multihash of the protobuf {@code PublicKey}
 * ({@code 12D3KooW...}). Keys come from the JDK's Ed25519. Immutable and thread-safe.
 */
public final class NodeIdentity {
  static final String PRIV_KEY_FIELD = "Identity.PrivKey";
  static final String PEER_ID_FIELD = "Identity.PeerID";
  /** libp2p crypto.pb {@code KeyType.Ed25519}. */
  static final int KEY_TYPE_ED25519 = 1;
  static final int KEY_LEN = 32;
  /** DER prefixes of the JDK's PKCS#8 and X.509 encodings of an Ed25519 key (RFC 8410). */
  private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");
  private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");

  private final byte[] seed;
  private final byte[] publicKey;

  private NodeIdentity(byte[] seed, byte[] publicKey) {
    this.seed = seed;
    this.publicKey = publicKey;
  }

  /**
   * The identity in the repo's config, generated and written there (under the repo lock) on first use.
   * Call before opening the repo.
   *
   * @throws ConfigException the stored key is not a valid Ed25519 key pair
   */
  public static NodeIdentity loadOrCreate(Path repo) throws DatastoreException {
    NodeIdentity[] out = new NodeIdentity[1];
    Repo.editConfig(repo, c -> out[0] = fromConfigOrNew(c));
    return out[0];
  }

  private static NodeIdentity fromConfigOrNew(RepoConfig c) throws ConfigException {
    JsonNode priv = c.get(PRIV_KEY_FIELD);
    if (priv != null && !priv.asText("").isEmpty()) return decode(priv.asText());
    NodeIdentity id = generate();
    c.set(PEER_ID_FIELD, TextNode.valueOf(id.peerId()));
    c.set(PRIV_KEY_FIELD, TextNode.valueOf(Base64.getEncoder().encodeToString(id.privateKeyProto())));
    return id;
  }

  static NodeIdentity generate() throws ConfigException {
    try {
      KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] pkcs8 = kp.getPrivate().getEncoded();
      byte[] x509 = kp.getPublic().getEncoded();
      return new NodeIdentity(Arrays.copyOfRange(pkcs8, pkcs8.length - KEY_LEN, pkcs8.length),
          Arrays.copyOfRange(x509, x509.length - KEY_LEN, x509.length));
    } catch (GeneralSecurityException e) {
      throw new ConfigException("cannot generate an Ed25519 key: " + e.getMessage(), e);
    }
  }

  /** Decodes {@code Identity.PrivKey} and checks the pair by signing and verifying. */
  static NodeIdentity decode(String base64) throws ConfigException {
    byte[] pb;
    try {
      pb = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Identity.PrivKey is not base64: " + e.getMessage(), e);
    }
    // 08 01 12 40 <64 bytes>: field 1 (Type) = 1, field 2 (Data) of 64 bytes.
    if (pb.length != 4 + 2 * KEY_LEN || pb[0] != 0x08 || pb[1] != KEY_TYPE_ED25519 || pb[2] != 0x12 || pb[3] != 2 * KEY_LEN) {
      throw new ConfigException("Identity.PrivKey is not a libp2p Ed25519 private key");
    }
    NodeIdentity id = new NodeIdentity(Arrays.copyOfRange(pb, 4, 4 + KEY_LEN), Arrays.copyOfRange(pb, 4 + KEY_LEN, pb.length));
    id.check();
    return id;
  }

  private void check() throws ConfigException {
    try {
      KeyFactory kf = KeyFactory.getInstance("Ed25519");
      PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
      PublicKey pub = kf.generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, publicKey)));
      byte[] msg = "jds identity check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(priv);
      s.update(msg);
      byte[] sig = s.sign();
      s.initVerify(pub);
      s.update(msg);
      if (!s.verify(sig)) throw new ConfigException("Identity.PrivKey: the public key does not match the private key");
    } catch (GeneralSecurityException e) {
      throw new ConfigException("Identity.PrivKey is not a valid Ed25519 key: " + e.getMessage(), e);
    }
  }

  /** libp2p's protobuf {@code PublicKey} (08 01 12 20 + key). */
  public byte[] publicKeyProto() {
    return concat(new byte[] {0x08, KEY_TYPE_ED25519, 0x12, KEY_LEN}, publicKey);
  }

  byte[] privateKeyProto() {
    return concat(new byte[] {0x08, KEY_TYPE_ED25519, 0x12, 2 * KEY_LEN}, concat(seed, publicKey));
  }

  /** The peer ID as kubo prints it: base58btc of the identity multihash of the public key protobuf. */
  public String peerId() {
    try {
      return Multibase.BASE58_BTC.encodeRaw(Multihash.of(0x00, publicKeyProto()).toBytes());
    } catch (MultiformatException e) {
      throw new IllegalStateException("a 36-byte identity multihash is always valid", e);
    }
  }

  /** {@code PublicKey} of kubo's {@code id}: base64 of the protobuf. */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKeyProto());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    return out;
  }
}
