package dev.mediapipeline.extract.bitstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.extract.testing.BitWriter;
import org.junit.jupiter.api.Test;

/** H.264 sequence parameter sets written field by field (ITU-T H.264 7.3.2.1.1), after the NAL header. */
class AvcSpsTest {

    @Test
    void baseline1080pIsCroppedByEightRowsOf420Chroma() {
        byte[] sps = new BitWriter().u(8, 66).u(8, 0).u(8, 40).ue(0)
                .ue(0)              // log2_max_frame_num_minus4
                .ue(2)              // pic_order_cnt_type
                .ue(1).u(1, 0)      // max_num_ref_frames, gaps_in_frame_num_value_allowed_flag
                .ue(119).ue(67)     // 120 x 68 macroblocks: 1920 x 1088
                .u(1, 1).u(1, 1)    // frame_mbs_only_flag, direct_8x8_inference_flag
                .u(1, 1).ue(0).ue(0).ue(0).ue(4) // frame cropping: bottom 4 units of 2 rows
                .u(1, 0).rbsp();

        assertThat(AvcSps.pictureSize(sps)).containsExactly(1920, 1080);
    }

    @Test
    void high444WithAScalingMatrixIsCroppedInWholePixels() {
        // The profile jcodec mis-reads: chroma_format_idc 3 and its 12 scaling list flags come first, and a
        // crop unit is one pixel both ways (no chroma subsampling).
        BitWriter w = new BitWriter().u(8, 244).u(8, 0).u(8, 30).ue(0)
                .ue(3).u(1, 0)      // chroma_format_idc 4:4:4, separate_colour_plane_flag
                .ue(0).ue(0).u(1, 0) // bit depths 8, qpprime_y_zero_transform_bypass_flag
                .u(1, 1);           // seq_scaling_matrix_present_flag
        w.u(1, 1).se(8);            // list 0 (4x4) present: 8 + 16 * 0 ...
        for (int j = 1; j < 16; j++) {
            w.se(0);
        }
        for (int list = 1; list < 12; list++) {
            w.u(1, list == 6 ? 1 : 0);
            if (list == 6) {
                w.se(-8);           // list 6 (8x8) present: nextScale 0 ends it, "use the default"
            }
        }
        byte[] sps = w.ue(0)
                .ue(0).ue(2)        // pic_order_cnt_type 0, log2_max_pic_order_cnt_lsb_minus4
                .ue(4).u(1, 0)
                .ue(39).ue(29)      // 640 x 480
                .u(1, 1).u(1, 1)
                .u(1, 1).ue(1).ue(1).ue(0).ue(2)
                .u(1, 0).rbsp();

        assertThat(AvcSps.pictureSize(sps)).containsExactly(638, 478);
    }

    @Test
    void interlacedFieldPairsDoubleTheHeightAndTheVerticalCropUnit() {
        byte[] sps = new BitWriter().u(8, 100).u(8, 0).u(8, 40).ue(0)
                .ue(1).ue(0).ue(0).u(1, 0) // 4:2:0, bit depths, bypass flag
                .u(1, 0)            // no scaling matrix
                .ue(0)
                .ue(1).u(1, 0).se(0).se(-2).ue(2).se(1).se(-1) // pic_order_cnt_type 1 and its cycle of 2
                .ue(4).u(1, 0)
                .ue(119).ue(33)     // 34 map units of field pairs: 1088 rows
                .u(1, 0).u(1, 1)    // frame_mbs_only_flag 0, then mb_adaptive_frame_field_flag
                .u(1, 1)
                .u(1, 1).ue(0).ue(0).ue(0).ue(2) // 2 units of 4 rows
                .u(1, 0).rbsp();

        assertThat(AvcSps.pictureSize(sps)).containsExactly(1920, 1080);
    }
}
