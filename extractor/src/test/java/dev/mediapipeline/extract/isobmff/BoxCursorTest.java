package dev.mediapipeline.extract.isobmff;

import static dev.mediapipeline.extract.testing.HandMade.ascii;
import static dev.mediapipeline.extract.testing.HandMade.box;
import static dev.mediapipeline.extract.testing.HandMade.bytes;
import static dev.mediapipeline.extract.testing.HandMade.concat;
import static dev.mediapipeline.extract.testing.HandMade.largeBox;
import static dev.mediapipeline.extract.testing.HandMade.u32;
import static dev.mediapipeline.extract.testing.HandMade.u64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediapipeline.extract.read.BlockReader;
import dev.mediapipeline.extract.testing.HandMade;
import java.nio.BufferUnderflowException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ISO/IEC 14496-12 box headers: 32-bit sizes, size 1 with a 64-bit largesize, size 0 "to the end". */
class BoxCursorTest {

    @TempDir
    Path dir;

    @Test
    void childrenOfAllThreeSizeFormsAreWalkedInOrder() {
        byte[] moov = concat(
                box("mvhd", bytes(1, 2, 3, 4)),
                largeBox("trak", box("tkhd", u32(7))),
                concat(u32(0), ascii("udta"), bytes(9, 9)));

        List<BoxCursor.Child> children = BoxCursor.of(moov).children();

        assertThat(children).extracting(BoxCursor.Child::type).containsExactly("mvhd", "trak", "udta");
        assertThat(children.get(0).payload().u32()).isEqualTo(0x01020304L);
        BoxCursor tkhd = children.get(1).payload().child("tkhd");
        assertThat(tkhd.u32()).isEqualTo(7);
        assertThat(children.get(2).payload().remaining()).isEqualTo(2);
    }

    @Test
    void aTruncatedLastChildIsCutToWhatIsThereAndASizeBelowTheHeaderEndsTheWalk() {
        byte[] truncated = concat(box("free", bytes(0)), u32(100), ascii("mdat"), bytes(1, 2, 3));
        byte[] bogus = concat(box("free"), u32(4), ascii("junk"), box("skip"));

        assertThat(BoxCursor.of(truncated).children()).extracting(c -> c.type() + ":" + c.payload().remaining())
                .containsExactly("free:1", "mdat:3");
        assertThat(BoxCursor.of(bogus).children()).extracting(BoxCursor.Child::type).containsExactly("free");
    }

    @Test
    void fieldReadsAreBigEndianAndStopAtTheEndOfThePayload() {
        BoxCursor c = BoxCursor.of(concat(u64(0x0000000100000002L), u32(0xFFFFFFFEL), ascii("avc1"),
                ascii("name"), bytes(0), bytes(0x7F)));

        assertThat(c.uint(8)).isEqualTo(0x0000000100000002L);
        assertThat(c.uint(4)).isEqualTo(0xFFFFFFFEL);
        assertThat(c.fourCc()).isEqualTo("avc1");
        assertThat(c.cString()).isEqualTo("name");
        assertThat(c.u8()).isEqualTo(0x7F);
        assertThatThrownBy(c::u16).isInstanceOf(BufferUnderflowException.class);
    }

    @Test
    void aTopLevelBoxWithALargesizeIsFoundInTheObject() throws Exception {
        byte[] file = concat(box("ftyp", ascii("isom"), u32(0)), largeBox("mdat", new byte[40]), box("moov"));
        BlockReader reader = HandMade.reader(dir, file);

        TopLevelBox mdat = TopLevelBox.at(reader, 16);
        TopLevelBox moov = TopLevelBox.at(reader, mdat.end());

        assertThat(mdat).isEqualTo(new TopLevelBox("mdat", 16, 16, 56));
        assertThat(moov.type()).isEqualTo("moov");
        assertThat(moov.end()).isEqualTo(file.length);
    }
}
