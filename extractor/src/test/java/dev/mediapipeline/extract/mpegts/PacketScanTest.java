package dev.mediapipeline.extract.mpegts;

import static dev.mediapipeline.extract.testing.HandMade.bytes;
import static dev.mediapipeline.extract.testing.HandMade.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Program tables (ISO/IEC 13818-1 2.4.4): a PAT naming one PMT, and the PMT's elementary streams. */
class PacketScanTest {

    @Test
    void thePatLeadsToThePmtWhichNamesTheVideoAndAudioStreams() {
        byte[] pat = packet(0x0000, section(0x00, bytes(0x00, 0x01, 0xE1, 0x00)));     // program 1 → PMT 0x100
        byte[] pmt = packet(0x0100, section(0x02, concat(
                bytes(0xE1, 0x01, 0xF0, 0x00),                                    // PCR PID, no program info
                bytes(0x1B, 0xE1, 0x01, 0xF0, 0x00),                              // H.264 on 0x101
                bytes(0x0F, 0xE1, 0x02, 0xF0, 0x00))));                           // AAC (ADTS) on 0x102

        PacketScan scan = new PacketScan(null);
        scan.scan(concat(pat, pmt), 0, 0, 188);

        assertThat(scan.programs.pmtPid).isEqualTo(0x100);
        assertThat(scan.programs.videoPid).isEqualTo(0x101);
        assertThat(scan.programs.videoCodec).isEqualTo("h264");
        assertThat(scan.programs.audioPid).isEqualTo(0x102);
        assertThat(scan.programs.audioCodec).isEqualTo("aac");
    }

    @Test
    void aPrivateStreamIsNamedByItsDescriptorAndProgramInfoIsSkipped() {
        byte[] pat = packet(0x0000, section(0x00, concat(bytes(0x00, 0x00, 0xE0, 0x10),  // network PID: not a program
                bytes(0x00, 0x07, 0xE0, 0x42))));
        byte[] pmt = packet(0x0042, section(0x02, concat(
                bytes(0xE0, 0x50, 0xF0, 0x03), bytes(0x05, 0x01, 0xFF),          // 3 bytes of program info
                bytes(0x24, 0xE0, 0x50, 0xF0, 0x00),                              // HEVC
                bytes(0x06, 0xE0, 0x51, 0xF0, 0x02, 0x6A, 0x00))));                // private data with an AC-3 descriptor

        PacketScan scan = new PacketScan(null);
        scan.scan(concat(bytes(0, 0, 0, 0), pat, bytes(0, 0, 0, 0), pmt), 0, 4, 192); // M2TS: 4-byte timecode first

        assertThat(scan.programs.pmtPid).isEqualTo(0x42);
        assertThat(scan.programs.videoCodec).isEqualTo("hevc");
        assertThat(scan.programs.audioPid).isEqualTo(0x51);
        assertThat(scan.programs.audioCodec).isEqualTo("ac3");
    }

    /** A PSI section: table id, section_length, id, version, section numbers, the body and a CRC (not checked). */
    private static byte[] section(int tableId, byte[] body) {
        int length = 5 + body.length + 4;
        return concat(bytes(tableId, 0xB0 | (length >> 8), length & 0xff, 0x00, 0x01, 0xC1, 0x00, 0x00), body,
                bytes(0xDE, 0xAD, 0xBE, 0xEF));
    }

    /** One 188-byte packet starting a unit on {@code pid}: pointer field 0, then the section, then stuffing. */
    private static byte[] packet(int pid, byte[] section) {
        byte[] p = new byte[188];
        Arrays.fill(p, (byte) 0xFF);
        byte[] head = concat(bytes(0x47, 0x40 | (pid >> 8), pid & 0xff, 0x10, 0x00), section);
        System.arraycopy(head, 0, p, 0, head.length);
        return p;
    }
}
