package dev.mediapipeline.extract.matroska;

import dev.mediapipeline.extract.CaptureTime;
import dev.mediapipeline.extract.CodecNames;
import dev.mediapipeline.extract.CorruptMediaException;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.MetadataExtractor;
import dev.mediapipeline.extract.read.BlockReader;
import dev.mediapipeline.extract.sniff.MediaType;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Matroska and WebM. Walks the top-level elements of the Segment by their headers, reads Info and Tracks
 * (found directly or through the SeekHead when clusters come first) and never touches cluster data.
 */
public final class MatroskaExtractor implements MetadataExtractor {

    private static final Set<String> TYPES = Set.of("application/x-matroska", "video/x-matroska",
            "audio/x-matroska", "video/webm", "audio/webm");

    private static final long EBML = 0x1A45DFA3L;
    private static final long DOC_TYPE = 0x4282;
    private static final long SEGMENT = 0x18538067L;
    private static final long SEEK_HEAD = 0x114D9B74L;
    private static final long SEEK = 0x4DBB;
    private static final long SEEK_ID = 0x53AB;
    private static final long SEEK_POSITION = 0x53AC;
    private static final long INFO = 0x1549A966L;
    private static final long TIMESTAMP_SCALE = 0x2AD7B1;
    private static final long DEFAULT_TIMESTAMP_SCALE = 1_000_000;
    /** Frame rate without DefaultDuration: block timestamps from this much of the first cluster. */
    private static final int CLUSTER_SAMPLE = 512 * 1024;
    private static final long DURATION = 0x4489;
    /** Nanoseconds since 2001-01-01T00:00:00 UTC, signed. */
    private static final long DATE_UTC = 0x4461;
    private static final long MATROSKA_EPOCH = 978_307_200L;
    private static final long TRACKS = 0x1654AE6BL;
    private static final long TRACK_ENTRY = 0xAE;
    private static final long TRACK_TYPE = 0x83;
    private static final long TRACK_NUMBER = 0xD7;
    private static final long CODEC_ID = 0x86;
    private static final long DEFAULT_DURATION = 0x23E383;
    private static final long VIDEO = 0xE0;
    private static final long PIXEL_WIDTH = 0xB0;
    private static final long PIXEL_HEIGHT = 0xBA;
    private static final long PROJECTION = 0x7670;
    private static final long PROJECTION_POSE_ROLL = 0x7675;
    private static final long CLUSTER = 0x1F43B675L;
    private static final int VIDEO_TRACK = 1;
    private static final int AUDIO_TRACK = 2;
    /** Info and Tracks are a few KB; a bigger one is not worth fetching. */
    private static final long MAX_HEADER_ELEMENT = 4L << 20;

    @Override
    public boolean accepts(String contentType) {
        return TYPES.contains(contentType);
    }

    @Override
    public void extract(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        try {
            read(reader, out);
        } catch (BufferUnderflowException e) {
            throw new CorruptMediaException("EBML element extends past its parent");
        }
    }

    private void read(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        ElementHeader header = ElementHeader.at(reader, 0);
        if (header == null || header.id() != EBML) {
            throw new CorruptMediaException("no EBML header");
        }
        String docType = "matroska";
        for (EbmlCursor.Element e : header.read(reader).elements()) {
            if (e.id() == DOC_TYPE) {
                docType = e.data().string();
            }
        }
        out.type(MediaType.VIDEO).contentType(docType.equals("webm") ? "video/webm" : "video/x-matroska");
        ElementHeader segment = ElementHeader.at(reader, header.end());
        if (segment == null || segment.id() != SEGMENT) {
            throw new CorruptMediaException("no Segment after the EBML header");
        }
        long segmentStart = segment.dataStart();
        long segmentEnd = segment.size() == EbmlCursor.UNKNOWN_SIZE ? reader.size()
                : Math.min(reader.size(), segment.end());
        EbmlCursor info = null;
        EbmlCursor tracks = null;
        List<Long> seekPositions = new ArrayList<>();
        ElementHeader firstCluster = null;
        long position = segmentStart;
        // Up to the first cluster: everything but the frames comes before it in almost every file.
        while (position < segmentEnd) {
            ElementHeader child = ElementHeader.at(reader, position);
            if (child != null && child.id() == CLUSTER) {
                firstCluster = child;
            }
            if (child == null || child.id() == CLUSTER || child.size() == EbmlCursor.UNKNOWN_SIZE) {
                break;
            }
            if (child.id() == INFO && info == null) {
                info = readSmall(reader, child);
            } else if (child.id() == TRACKS && tracks == null) {
                tracks = readSmall(reader, child);
            } else if (child.id() == SEEK_HEAD) {
                seekPositions.addAll(seekTargets(readSmall(reader, child), segmentStart));
            }
            position = child.end();
        }
        // Info or Tracks after the clusters (some muxers write them last): follow the SeekHead.
        for (long target : seekPositions) {
            if (info != null && tracks != null) {
                break;
            }
            ElementHeader child = target < reader.size() ? ElementHeader.at(reader, target) : null;
            if (child != null && child.id() == INFO && info == null) {
                info = readSmall(reader, child);
            } else if (child != null && child.id() == TRACKS && tracks == null) {
                tracks = readSmall(reader, child);
            }
        }
        long timestampScale = info == null ? DEFAULT_TIMESTAMP_SCALE : info(info, out);
        if (tracks == null) {
            throw new CorruptMediaException("no Tracks element");
        }
        long videoTrack = tracks(tracks, out);
        if (videoTrack > 0 && out.frameRate() == null && firstCluster != null) {
            out.frameRate(ClusterTiming.frameRate(readCluster(reader, firstCluster), videoTrack, timestampScale));
        }
    }

    /** The start of a cluster, enough for a few dozen frames' block headers. */
    private static EbmlCursor readCluster(BlockReader reader, ElementHeader cluster) throws IOException {
        long end = cluster.size() == EbmlCursor.UNKNOWN_SIZE ? reader.size() : cluster.end();
        long length = Math.min(CLUSTER_SAMPLE, Math.min(end, reader.size()) - cluster.dataStart());
        return EbmlCursor.of(reader.readExact(cluster.dataStart(), (int) Math.max(0, length)));
    }

    private static EbmlCursor readSmall(BlockReader reader, ElementHeader e) throws IOException {
        if (e.size() > MAX_HEADER_ELEMENT) {
            throw new CorruptMediaException("element of " + e.size() + " bytes where a header was expected");
        }
        return e.read(reader);
    }

    private static List<Long> seekTargets(EbmlCursor seekHead, long segmentStart) {
        List<Long> targets = new ArrayList<>();
        for (EbmlCursor.Element seek : seekHead.elements()) {
            if (seek.id() != SEEK) {
                continue;
            }
            long id = 0;
            long position = -1;
            for (EbmlCursor.Element e : seek.data().elements()) {
                if (e.id() == SEEK_ID) {
                    id = e.data().unsigned();
                } else if (e.id() == SEEK_POSITION) {
                    position = e.data().unsigned();
                }
            }
            if ((id == INFO || id == TRACKS) && position >= 0) {
                targets.add(segmentStart + position);
            }
        }
        return targets;
    }

    /** Copies the duration; returns the timestamp scale (nanoseconds per tick). */
    private static long info(EbmlCursor info, MediaMetadata.Builder out) {
        long scale = DEFAULT_TIMESTAMP_SCALE;
        double duration = -1;
        for (EbmlCursor.Element e : info.elements()) {
            if (e.id() == TIMESTAMP_SCALE) {
                scale = e.data().unsigned();
            } else if (e.id() == DURATION) {
                duration = e.data().floating();
            } else if (e.id() == DATE_UTC && e.data().remaining() == 8) {
                // 0 is the muxer's "no date", not 2001-01-01.
                long nanos = e.data().unsigned();
                if (nanos != 0) {
                    CaptureTime.ofEpochSecondUtc(MATROSKA_EPOCH + Math.floorDiv(nanos, 1_000_000_000L))
                            .ifPresent(t -> out.takenAtUtcIfAbsent(t, "Matroska:DateTimeOriginal"));
                }
            }
        }
        if (duration > 0) {
            out.durationSeconds(duration * scale / 1e9);
        }
        return scale > 0 ? scale : DEFAULT_TIMESTAMP_SCALE;
    }

    /** Copies codecs and video properties; returns the video track's number, 0 when there is none. */
    private static long tracks(EbmlCursor tracks, MediaMetadata.Builder out) {
        long videoTrack = 0;
        for (EbmlCursor.Element entry : tracks.elements()) {
            if (entry.id() != TRACK_ENTRY) {
                continue;
            }
            long type = 0;
            long number = 0;
            String codec = null;
            long defaultDuration = 0;
            EbmlCursor video = null;
            for (EbmlCursor.Element e : entry.data().elements()) {
                if (e.id() == TRACK_TYPE) {
                    type = e.data().unsigned();
                } else if (e.id() == TRACK_NUMBER) {
                    number = e.data().unsigned();
                } else if (e.id() == CODEC_ID) {
                    codec = e.data().string();
                } else if (e.id() == DEFAULT_DURATION) {
                    defaultDuration = e.data().unsigned();
                } else if (e.id() == VIDEO) {
                    video = e.data();
                }
            }
            if (type == VIDEO_TRACK && codec != null && out.videoCodec() == null) {
                videoTrack = number;
                out.videoCodec(CodecNames.fromMatroska(codec));
                if (defaultDuration > 0) {
                    out.frameRate(1e9 / defaultDuration);
                }
                if (video != null) {
                    video(video, out);
                }
            } else if (type == AUDIO_TRACK && codec != null) {
                out.audioCodec(CodecNames.fromMatroska(codec));
            }
        }
        return videoTrack;
    }

    private static void video(EbmlCursor video, MediaMetadata.Builder out) {
        long width = 0;
        long height = 0;
        for (EbmlCursor.Element e : video.elements()) {
            if (e.id() == PIXEL_WIDTH) {
                width = e.data().unsigned();
            } else if (e.id() == PIXEL_HEIGHT) {
                height = e.data().unsigned();
            } else if (e.id() == PROJECTION) {
                for (EbmlCursor.Element p : e.data().elements()) {
                    if (p.id() == PROJECTION_POSE_ROLL) {
                        out.rotationDegrees((int) Math.round(p.data().floating()));
                    }
                }
            }
        }
        if (width > 0 && height > 0 && width <= Integer.MAX_VALUE && height <= Integer.MAX_VALUE) {
            out.storedDimensions((int) width, (int) height);
        }
    }
}
