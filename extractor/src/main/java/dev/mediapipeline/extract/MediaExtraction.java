package dev.mediapipeline.extract;

import dev.mediapipeline.extract.flv.FlvExtractor;
import dev.mediapipeline.extract.heif.HeifExtractor;
import dev.mediapipeline.extract.image.ImageExtractor;
import dev.mediapipeline.extract.isobmff.IsoBmffExtractor;
import dev.mediapipeline.extract.matroska.MatroskaExtractor;
import dev.mediapipeline.extract.mpegts.ProgramStreamExtractor;
import dev.mediapipeline.extract.mpegts.TransportStreamExtractor;
import dev.mediapipeline.extract.read.BlockReader;
import dev.mediapipeline.extract.read.ByteSource;
import dev.mediapipeline.extract.read.ExtractionLimitException;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.read.ObjectChangedException;
import dev.mediapipeline.extract.read.ObjectGoneException;
import dev.mediapipeline.extract.read.SourceReadException;
import dev.mediapipeline.extract.riff.AviExtractor;
import dev.mediapipeline.extract.sniff.MediaType;
import dev.mediapipeline.extract.sniff.Sniffed;
import dev.mediapipeline.extract.sniff.Sniffer;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * From the bytes of one object to its metadata: sniff, pick the extractor of the format family, run it
 * within the byte and time budget. Bad content never throws: it becomes a FAILED result that keeps every
 * field read before the failure. Only problems of the source itself propagate, because retrying later can
 * fix them: {@link ObjectChangedException}, {@link ObjectGoneException}, {@link SourceReadException}.
 *
 * <p>Thread-safe: extractors keep no state between objects.
 */
public final class MediaExtraction {

    /** Video containers that hold only audio are audio files to a user. */
    private static final Map<String, String> AUDIO_ONLY = Map.of(
            "video/mp4", "audio/mp4", "video/3gpp", "audio/3gpp", "video/3gpp2", "audio/3gpp2",
            "video/x-matroska", "audio/x-matroska", "video/webm", "audio/webm", "video/quicktime", "audio/mp4");

    private static final Sniffer SNIFFER = new Sniffer();
    /** Every format family this module reads; the first that accepts the sniffed type wins. */
    private static final List<MetadataExtractor> EXTRACTORS = List.of(
            new HeifExtractor(), new ImageExtractor(), new IsoBmffExtractor(), new MatroskaExtractor(),
            new TransportStreamExtractor(), new ProgramStreamExtractor(), new AviExtractor(), new FlvExtractor());

    private MediaExtraction() {
    }

    public static MediaMetadata extract(ByteSource source, ExtractionLimits limits) {
        BlockReader reader;
        try {
            reader = new BlockReader(source, limits);
        } catch (IOException e) {
            throw new SourceReadException("cannot open " + source.name() + ": " + e.getMessage(), e);
        }
        MediaMetadata.Builder out = MediaMetadata.builder();
        try {
            run(reader, out);
        } catch (ExtractionLimitException e) {
            out.failed(ErrorClass.of(e.limit()), e.getMessage());
        } catch (ObjectChangedException | ObjectGoneException | SourceReadException e) {
            throw e;
        } catch (UnsupportedMediaException e) {
            out.failed(ErrorClass.UNSUPPORTED, e.getMessage());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            out.failed(ErrorClass.CORRUPT, describe(e));
        }
        // A library may have caught and swallowed the first throw; the reader remembers it.
        RuntimeException failure = reader.failure();
        if (failure instanceof ExtractionLimitException limit) {
            out.failed(ErrorClass.of(limit.limit()), limit.getMessage());
        } else if (failure != null) {
            throw failure;
        }
        CaptureZone.resolve(out);
        if (out.type() == null) {
            // The budget ran out before the first bytes could be sniffed; Type and ContentType are always set.
            out.type(MediaType.OTHER).contentType("application/octet-stream");
        }
        return out.bytesRead(reader.bytesRead()).build();
    }

    private static void run(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        if (reader.size() == 0) {
            out.type(MediaType.OTHER).contentType("application/octet-stream")
                    .failed(ErrorClass.EMPTY, "the object is empty (0 bytes)");
            return;
        }
        Sniffed sniffed = SNIFFER.sniff(reader);
        out.type(sniffed.type()).contentType(sniffed.contentType());
        MetadataExtractor extractor = extractorFor(sniffed.contentType());
        if (extractor == null) {
            if (sniffed.type() != MediaType.OTHER) {
                out.failed(ErrorClass.UNSUPPORTED, "no extractor for " + sniffed.contentType());
            }
            return;
        }
        extractor.extract(reader, out);
        if (out.type() == MediaType.VIDEO && out.videoCodec() == null) {
            if (out.audioCodec() == null) {
                throw new CorruptMediaException("no video or audio stream found");
            }
            out.type(MediaType.OTHER).contentType(AUDIO_ONLY.getOrDefault(out.contentType(), out.contentType()));
        }
        if (out.type() == MediaType.IMAGE && !out.hasDimensions()) {
            throw new CorruptMediaException("no image dimensions found");
        }
    }

    private static MetadataExtractor extractorFor(String contentType) {
        for (MetadataExtractor e : EXTRACTORS) {
            if (e.accepts(contentType)) {
                return e;
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
