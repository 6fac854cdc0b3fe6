package dev.mediapipeline.extract.isobmff;

import static dev.mediapipeline.extract.testing.HandMade.box;
import static dev.mediapipeline.extract.testing.HandMade.bytes;
import static dev.mediapipeline.extract.testing.HandMade.concat;
import static dev.mediapipeline.extract.testing.HandMade.u32;
import static dev.mediapipeline.extract.testing.HandMade.u64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.extract.testing.HandMade;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mfra at the end of a fragmented file: tfra entries (version 0 and 1) and the mfro that locates them. */
class FragmentRandomAccessTest {

    @TempDir
    Path dir;

    @Test
    void theLastMoofOfEachTrackComesFromItsTfraTable() throws Exception {
        byte[] media = new byte[1000];
        // Track 1, version 1 (64-bit time and offset), 1-byte traf/trun/sample numbers: moofs at 100 and 700.
        byte[] tfra1 = box("tfra", bytes(1, 0, 0, 0), u32(1), u32(0), u32(2),
                u64(0), u64(100), bytes(1, 1, 1),
                u64(9000), u64(700), bytes(1, 1, 1));
        // Track 2, version 0 (32-bit), 2-byte traf numbers (length_size_of_traf_num 1): moofs at 100 and 400.
        byte[] tfra2 = box("tfra", bytes(0, 0, 0, 0), u32(2), u32(0b010000), u32(2),
                u32(0), u32(100), bytes(0, 1, 1, 1),
                u32(4000), u32(400), bytes(0, 1, 1, 1));
        byte[] tables = concat(tfra1, tfra2);
        byte[] mfra = box("mfra", tables, box("mfro", u32(0), u32(8 + tables.length + 16)));

        assertThat(FragmentRandomAccess.lastFragments(HandMade.reader(dir, concat(media, mfra))))
                .containsExactly(400L, 700L);
    }

    @Test
    void withoutAnMfroOrWithOneThatPointsOutsideTheFileThereIsNoShortcut() throws Exception {
        byte[] noMfro = concat(new byte[64], box("free", new byte[8]));
        byte[] pointsBeforeTheStart = concat(new byte[8], box("mfro", u32(0), u32(5000)));

        assertThat(FragmentRandomAccess.lastFragments(HandMade.reader(dir, noMfro))).isEmpty();
        assertThat(FragmentRandomAccess.lastFragments(HandMade.reader(dir, pointsBeforeTheStart))).isEmpty();
    }
}
