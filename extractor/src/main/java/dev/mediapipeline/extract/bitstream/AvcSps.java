package dev.mediapipeline.extract.bitstream;

import java.util.Set;

/**
 * Picture size from an H.264 sequence parameter set (ITU-T H.264 7.3.2.1.1), cropped by the frame
 * cropping rectangle as decoders report it. jcodec's reader mis-parses the High 4:4:4 profile (244) that
 * ffmpeg produces from RGB sources, so the few fields needed are read here.
 */
public final class AvcSps {

    /** Profiles whose SPS carries chroma format, bit depths and scaling matrices. */
    private static final Set<Integer> HIGH_PROFILES = Set.of(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139,
            134, 135);

    private AvcSps() {
    }

    /** @param rbsp the SPS after its 1-byte NAL header, emulation prevention removed; returns {width, height} */
    public static int[] pictureSize(byte[] rbsp) {
        BitReader r = new BitReader(rbsp);
        int profile = r.bits(8);
        r.skip(16);
        r.ue();
        long chroma = 1;
        boolean separateColourPlanes = false;
        if (HIGH_PROFILES.contains(profile)) {
            chroma = r.ue();
            if (chroma == 3) {
                separateColourPlanes = r.bits(1) == 1;
            }
            r.ue();
            r.ue();
            r.skip(1);
            if (r.bits(1) == 1) {
                for (int i = 0; i < (chroma != 3 ? 8 : 12); i++) {
                    if (r.bits(1) == 1) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.ue();
        long pocType = r.ue();
        if (pocType == 0) {
            r.ue();
        } else if (pocType == 1) {
            r.skip(1);
            r.se();
            r.se();
            long cycle = r.ue();
            for (long i = 0; i < cycle; i++) {
                r.se();
            }
        }
        r.ue();
        r.skip(1);
        long widthInMbs = r.ue() + 1;
        long heightInMapUnits = r.ue() + 1;
        int frameMbsOnly = r.bits(1);
        if (frameMbsOnly == 0) {
            r.skip(1);
        }
        r.skip(1);
        long width = widthInMbs * 16;
        long height = (2 - frameMbsOnly) * heightInMapUnits * 16;
        if (r.bits(1) == 1) {
            long arrayType = separateColourPlanes ? 0 : chroma;
            long cropX = arrayType == 0 ? 1 : arrayType == 3 ? 1 : 2;
            long cropY = (arrayType == 0 ? 1 : arrayType == 1 ? 2 : 1) * (2 - frameMbsOnly);
            width -= cropX * (r.ue() + r.ue());
            height -= cropY * (r.ue() + r.ue());
        }
        return new int[] {(int) width, (int) height};
    }

    private static void skipScalingList(BitReader r, int size) {
        long last = 8;
        long next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + r.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }
}
