package dev.mediapipeline.ingest.extract.bitstream;

import java.nio.ByteBuffer;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.common.model.Size;

/** Picture size from an H.264 sequence parameter set, read by jcodec (cropping applied). */
public final class AvcSps {

    private AvcSps() {
    }

    /** @param sps the SPS after its 1-byte NAL header, still escaped; returns {width, height} */
    public static int[] pictureSize(byte[] sps) {
        SeqParameterSet parsed = H264Utils.readSPS(ByteBuffer.wrap(sps));
        Size size = H264Utils.getPicSize(parsed);
        return new int[] {size.getWidth(), size.getHeight()};
    }
}
