package dev.mediapipeline.extract.bitstream;

import java.nio.BufferUnderflowException;

/** MSB-first bit reads with Exp-Golomb codes, over a NAL unit whose emulation prevention bytes are removed. */
public final class BitReader {

    private final byte[] data;
    private long bit;

    public BitReader(byte[] data) {
        this.data = data;
    }

    public int bits(int n) {
        int value = 0;
        for (int i = 0; i < n; i++) {
            long byteIndex = bit >> 3;
            if (byteIndex >= data.length) {
                throw new BufferUnderflowException();
            }
            value = (value << 1) | ((data[(int) byteIndex] >> (7 - (int) (bit & 7))) & 1);
            bit++;
        }
        return value;
    }

    public void skip(long n) {
        bit += n;
    }

    /** Unsigned Exp-Golomb, ue(v). */
    public long ue() {
        int zeros = 0;
        while (bits(1) == 0) {
            if (++zeros > 31) {
                throw new BufferUnderflowException();
            }
        }
        return ((1L << zeros) - 1) + (zeros == 0 ? 0 : bits(zeros) & 0xffffffffL);
    }

    /** Signed Exp-Golomb, se(v). */
    public long se() {
        long k = ue();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }

    /** A NAL unit payload without its 0x000003 emulation prevention bytes. */
    public static byte[] unescape(byte[] nal, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        int zeros = 0;
        for (int i = from; i < to; i++) {
            int b = nal[i] & 0xff;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[n++] = (byte) b;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
