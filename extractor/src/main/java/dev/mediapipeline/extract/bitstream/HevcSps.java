package dev.mediapipeline.extract.bitstream;

/**
 * Picture size from an HEVC sequence parameter set (ITU-T H.265 7.3.2.2), cropped by the conformance
 * window, as decoders and ffprobe report it (jcodec has no H.265 parameter set reader).
 */
public final class HevcSps {

    private HevcSps() {
    }

    /** @param rbsp the SPS after its 2-byte NAL header, emulation prevention removed; returns {width, height} */
    public static int[] pictureSize(byte[] rbsp) {
        BitReader r = new BitReader(rbsp);
        r.skip(4);
        int maxSubLayersMinus1 = r.bits(3);
        r.skip(1);
        r.skip(96);
        boolean[] profilePresent = new boolean[maxSubLayersMinus1];
        boolean[] levelPresent = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent[i] = r.bits(1) == 1;
            levelPresent[i] = r.bits(1) == 1;
        }
        if (maxSubLayersMinus1 > 0) {
            r.skip(2L * (8 - maxSubLayersMinus1));
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            r.skip((profilePresent[i] ? 88 : 0) + (levelPresent[i] ? 8 : 0));
        }
        r.ue();
        long chroma = r.ue();
        if (chroma == 3) {
            r.skip(1);
        }
        long width = r.ue();
        long height = r.ue();
        if (r.bits(1) == 1) {
            long subWidth = chroma == 1 || chroma == 2 ? 2 : 1;
            long subHeight = chroma == 1 ? 2 : 1;
            long left = r.ue();
            long right = r.ue();
            long top = r.ue();
            long bottom = r.ue();
            width -= subWidth * (left + right);
            height -= subHeight * (top + bottom);
        }
        return new int[] {(int) width, (int) height};
    }
}
