package dev.mediapipeline.extract.testing;

import java.io.ByteArrayOutputStream;

/** MSB-first bits and Exp-Golomb codes, to write parameter sets field by field as the standards list them. */
public final class BitWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    /** u(n): the low {@code n} bits of {@code value}. */
    public BitWriter u(int n, long value) {
        for (int i = n - 1; i >= 0; i--) {
            current = (current << 1) | (int) ((value >> i) & 1);
            if (++used == 8) {
                out.write(current);
                current = 0;
                used = 0;
            }
        }
        return this;
    }

    /** ue(v): unsigned Exp-Golomb. */
    public BitWriter ue(long value) {
        long codeNum = value + 1;
        int bits = 64 - Long.numberOfLeadingZeros(codeNum);
        return u(bits - 1, 0).u(bits, codeNum);
    }

    /** se(v): signed Exp-Golomb. */
    public BitWriter se(long value) {
        return ue(value > 0 ? 2 * value - 1 : -2 * value);
    }

    /** The bits so far with rbsp_trailing_bits (a 1, then zeros to the byte boundary). */
    public byte[] rbsp() {
        u(1, 1);
        while (used != 0) {
            u(1, 0);
        }
        return out.toByteArray();
    }
}
