package dev.mediapipeline.extract.bitstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.extract.testing.BitWriter;
import org.junit.jupiter.api.Test;

/** H.265 sequence parameter sets written field by field (ITU-T H.265 7.3.2.2), after the NAL header. */
class HevcSpsTest {

    @Test
    void main1080pIsCroppedByTheConformanceWindow() {
        BitWriter w = new BitWriter().u(4, 0).u(3, 0).u(1, 1); // vps id, max_sub_layers_minus1, nesting
        generalProfileTierLevel(w, 1);
        byte[] sps = w.ue(0)
                .ue(1)              // chroma_format_idc 4:2:0
                .ue(1920).ue(1088)
                .u(1, 1).ue(0).ue(0).ue(0).ue(4) // conformance window: bottom 4 units of 2 rows
                .rbsp();

        assertThat(HevcSps.pictureSize(sps)).containsExactly(1920, 1080);
    }

    @Test
    void subLayerProfilesAndLevelsAreSkippedBeforeTheSize() {
        BitWriter w = new BitWriter().u(4, 0).u(3, 2).u(1, 1); // two sub-layers
        generalProfileTierLevel(w, 2);
        w.u(1, 1).u(1, 1)           // sub-layer 0: profile and level present
                .u(1, 0).u(1, 1)    // sub-layer 1: level only
                .u(2 * 6, 0);       // reserved bits up to 8 sub-layers
        w.u(32, 0xFFFFFFFFL).u(32, 0xFFFFFFFFL).u(24, 0xFFFFFF).u(8, 93); // sub-layer 0: 88 + 8 bits
        w.u(8, 90);                 // sub-layer 1: 8 bits
        byte[] sps = w.ue(0)
                .ue(2)              // chroma_format_idc 4:2:2: crop units of 2 columns, 1 row
                .ue(1280).ue(720)
                .u(1, 1).ue(0).ue(8).ue(0).ue(0)
                .rbsp();

        assertThat(HevcSps.pictureSize(sps)).containsExactly(1264, 720);
    }

    @Test
    void separateColourPlanesOf444AreReadPastAndNoWindowLeavesTheCodedSize() {
        BitWriter w = new BitWriter().u(4, 0).u(3, 0).u(1, 1);
        generalProfileTierLevel(w, 4);
        byte[] sps = w.ue(0).ue(3).u(1, 1).ue(3840).ue(2160).u(1, 0).rbsp();

        assertThat(HevcSps.pictureSize(sps)).containsExactly(3840, 2160);
    }

    /** profile_tier_level's general part: 88 bits of profile, then general_level_idc. */
    private static void generalProfileTierLevel(BitWriter w, int profile) {
        w.u(2, 0).u(1, 0).u(5, profile).u(32, 1L << (31 - profile)).u(4, 0b1001).u(43, 0).u(1, 0).u(8, 120);
    }
}
