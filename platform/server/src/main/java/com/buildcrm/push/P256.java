package com.buildcrm.push;

import java.math.BigInteger;

/** Checks that bytes are an uncompressed point on the P-256 curve (SEC 1 §2.3.3). */
final class P256 {

    private static final BigInteger P =
            new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger A = P.subtract(BigInteger.valueOf(3));
    private static final BigInteger B =
            new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    private P256() {}

    static boolean isUncompressedPoint(byte[] bytes) {
        if (bytes == null || bytes.length != 65 || bytes[0] != 4) {
            return false;
        }
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 1, 33));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 33, 65));
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(P);
        BigInteger right = x.pow(3).add(A.multiply(x)).add(B).mod(P);
        return left.equals(right);
    }
}
