package dev.mediapipeline.extract.fuzz;

import java.util.Arrays;
import java.util.Random;

/**
 * Ways to damage a file the way transfers, broken writers and attackers do. Damage favours the first
 * kilobytes, where the headers that parsers trust live.
 */
enum Mutation {

    /** 1 to 32 bits flipped. */
    BIT_FLIPS {
        @Override
        byte[] apply(byte[] file, byte[] other, Random random) {
            byte[] out = file.clone();
            int flips = 1 + random.nextInt(32);
            for (int i = 0; i < flips; i++) {
                int at = position(out.length, random);
                out[at] ^= (byte) (1 << random.nextInt(8));
            }
            return out;
        }
    },
    /** Cut short, as an interrupted upload leaves it. */
    TRUNCATION {
        @Override
        byte[] apply(byte[] file, byte[] other, Random random) {
            return Arrays.copyOf(file, position(file.length, random));
        }
    },
    /** The head of one file on the tail of another: valid headers describing foreign bytes. */
    SPLICE {
        @Override
        byte[] apply(byte[] file, byte[] other, Random random) {
            int head = position(file.length, random);
            int tailFrom = random.nextInt(other.length);
            byte[] out = Arrays.copyOf(file, head + other.length - tailFrom);
            System.arraycopy(other, tailFrom, out, head, other.length - tailFrom);
            return out;
        }
    },
    /** A length or count field replaced by a value parsers trip over (0, -1, huge, just past the end). */
    HOSTILE_FIELD {
        @Override
        byte[] apply(byte[] file, byte[] other, Random random) {
            byte[] out = file.clone();
            if (out.length < 4) {
                return out;
            }
            int[] values = {0, 1, -1, 0x7FFFFFFF, 0x80000000, 0xFFFF, 0x10000, file.length, file.length + 1};
            int value = values[random.nextInt(values.length)];
            int at = Math.min(position(out.length, random), out.length - 4);
            int width = random.nextBoolean() ? 4 : 2;
            for (int i = 0; i < width; i++) {
                out[at + i] = (byte) (value >>> (8 * (width - 1 - i)));
            }
            return out;
        }
    };

    private static final int HEADER_BYTES = 8 * 1024;

    abstract byte[] apply(byte[] file, byte[] other, Random random);

    /** Three times in four within the first {@value #HEADER_BYTES} bytes, else anywhere. */
    static int position(int length, Random random) {
        if (length == 0) {
            return 0;
        }
        int range = random.nextInt(4) == 0 ? length : Math.min(length, HEADER_BYTES);
        return random.nextInt(range);
    }
}
